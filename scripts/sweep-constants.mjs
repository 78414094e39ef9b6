#!/usr/bin/env node
// Sweeps the tuned constants of the page rules: each numeric constant of the files below is set
// to 70% and 130% of its value (whole numbers rounded, at least one step away), the library is
// built into a temporary copy, and the three dev corpora are scored with the shared scorer's
// metrics (scripts/score-corpora.mjs, in one process). A constant whose +-30% moves a corpus's F1
// by more than 0.01 is fitted too closely. With --neutralise, each constant is instead set to 0
// and to a million (nothing passes the rule, or everything does) and the rule's test files are
// run: a constant no test notices is untested.
//
//   node scripts/sweep-constants.mjs                     # all constants, report on stdout
//   node scripts/sweep-constants.mjs MIN_PROSE_WORDS     # only the named ones
//   node scripts/sweep-constants.mjs --neutralise        # which constants the rules' tests notice
//
// Skips (exit 0) when ../shared is not there. Some 12 s of CPU per variant, two at a time: the
// whole sweep (236 variants) takes about 30 minutes on two cores.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const corpora = path.join(shared, 'corpus');

/** The files whose constants are swept, with the tests that must notice each of them. */
const FILES = {
  'src/core/blocks.ts': ['test/core/blocks.test.ts', 'test/cleaners/outside-article.test.ts'],
  'src/cleaners/outside-article.ts': ['test/cleaners/outside-article.test.ts'],
  'src/core/parse.ts': ['test/core/parse.test.ts'],
  'src/core/title.ts': ['test/core/title.test.ts'],
  'src/cleaners/fragment.ts': ['test/cleaners/fragment.test.ts'],
  'src/cleaners/near-duplicate.ts': ['test/cleaners/near-duplicate.test.ts'],
};

/** Constants of those files that are not tuned (limits of the input or of the work, not of judgement). */
const NOT_TUNED = new Set(['MAX_DATELINE_LENGTH', 'FEW_RUNS', 'CODE_CHUNK', 'CHARACTERS_PER_SHINGLE', 'MAX_POSTINGS']);

const args = process.argv.slice(2);
const neutralise = args.includes('--neutralise');
const only = new Set(args.filter((arg) => !arg.startsWith('--')));

if (!neutralise && !existsSync(corpora)) {
  console.log(`sweep skipped: ${corpora} not found`);
  process.exit(0);
}

/** The numeric constants of `file`: `const NAME = 12;` or `const NAME = 0.25;`. */
function constantsOf(file) {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^const ([A-Z][A-Z0-9_]*) = (-?\d+(?:\.\d+)?);/gm)]
    .map((match) => ({ file, name: match[1], value: Number(match[2]) }))
    .filter((constant) => !NOT_TUNED.has(constant.name) && (only.size === 0 || only.has(constant.name)));
}

/** The parts of the repository a variant is built and tested from. */
const PARTS = ['src', 'dist', 'test', 'bin', 'fixtures', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts'];

/** A copy of `from`'s {@link PARTS} in a new temporary folder, with the repository's node_modules. */
function copyOf(from) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sweep-'));
  for (const part of PARTS) if (existsSync(path.join(from, part))) cpSync(path.join(from, part), path.join(dir, part), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** Builds the copy in `dir`. */
function build(dir) {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
}

/** The sources as they were when the sweep started (the working tree may change while it runs), built once. */
const snapshot = copyOf(root);
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));
build(snapshot);

/** `file` with the constant `name` set to `value`. */
function setConstant(file, name, value) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(new RegExp(`^const ${name} = [^;]+;`, 'm'), `const ${name} = ${value};`));
}

/**
 * A copy of the snapshot with `constant` set to `value`. To be tested, its sources are changed and
 * built; to be scored, only the built module is changed (the compiler keeps each `const NAME = 12;`
 * as it is), which saves a build per variant.
 */
function variant(constant, value, { tested = false } = {}) {
  const dir = copyOf(snapshot);
  if (!constant) return dir;
  if (tested) {
    setConstant(path.join(dir, constant.file), constant.name, value);
    build(dir);
  } else {
    setConstant(path.join(dir, constant.file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')), constant.name, value);
  }
  return dir;
}

/**
 * F1 of each dev corpus for the build in `dir`: scripts/score-corpora.mjs, the shared scorer's
 * metrics over the library's `clean()` in one process (the scorer itself runs the command once per
 * corpus, some 60 s a variant; this takes 12). The library as tsc builds it is what a variant
 * changes: the command's bundle (dist/command/) holds its own copy of each module.
 */
function score(dir) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(root, 'scripts', 'score-corpora.mjs'), '--module', path.join(dir, 'dist', 'index.js')], (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The values a constant is swept to: 70% and 130%, whole numbers kept whole and moved. */
function sweptValues(value) {
  return [0.7, 1.3].map((factor) => {
    if (!Number.isInteger(value)) return Number((value * factor).toFixed(4));
    const moved = Math.round(value * factor);
    return moved === value ? value + (factor < 1 ? -1 : 1) : moved;
  });
}

/** The values that switch a constant's rule off, one way or the other: nothing passes it, or everything does. */
const NEUTRAL_VALUES = [0, 1e6];

const constants = Object.keys(FILES).filter((file) => existsSync(path.join(root, file))).flatMap(constantsOf);

if (neutralise) {
  for (const constant of constants) {
    const tests = FILES[constant.file].filter((test) => existsSync(path.join(root, test)));
    const noticed = NEUTRAL_VALUES.filter((value) => {
      const dir = variant(constant, value, { tested: true });
      const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...tests], { cwd: dir, encoding: 'utf8' });
      rmSync(dir, { recursive: true, force: true });
      return run.status !== 0;
    });
    console.log(`${constant.file} ${constant.name} = ${constant.value}: ${noticed.length > 0 ? `a test fails at ${noticed.join(' and ')}` : 'NO TEST FAILS'}`);
  }
  process.exit(0);
}

const baseDir = variant(undefined, 0);
const base = await score(baseDir);
rmSync(baseDir, { recursive: true, force: true });
const fmt = (x) => x.toFixed(3);
console.log(`base: articles ${fmt(base.articles)}  pages ${fmt(base.pages)}  web ${fmt(base.web)}`);
console.log('| constant | value | swept to | articles F1 | pages F1 | web F | largest move |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
// Two variants at a time, one per core; the rows are printed in the order of the constants.
const variants = constants.flatMap((constant) => sweptValues(constant.value).map((value) => ({ constant, value })));
const rows = [];
let next = 0;
let printed = 0;
async function sweepNext() {
  while (next < variants.length) {
    const index = next++;
    const { constant, value } = variants[index];
    const dir = variant(constant, value);
    const scores = await score(dir);
    rmSync(dir, { recursive: true, force: true });
    const move = Math.max(...Object.keys(base).map((corpus) => Math.abs(scores[corpus] - base[corpus])));
    rows[index] = `| ${constant.name} (${path.basename(constant.file)}) | ${constant.value} | ${value} | ${fmt(scores.articles)} | ${fmt(scores.pages)} | ${fmt(scores.web)} | ${move.toFixed(3)}${move > 0.01 ? ' (over 0.01)' : ''} |`;
    while (rows[printed] !== undefined) console.log(rows[printed++]);
  }
}
await Promise.all([sweepNext(), sweepNext()]);
