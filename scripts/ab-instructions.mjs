#!/usr/bin/env node
/**
 * node scripts/ab-instructions.mjs <a/index.js> <b/index.js> [every] [passes]
 *
 * Compares the instructions two builds' `clean()` execute over every `every`-th raw file of the
 * three corpora of `../shared/corpus` (default 8), `passes` times (default 1), each build in a
 * process of its own under Valgrind (`cachegrind`, without its cache model) with V8 compiling on
 * the main thread (`--single-threaded`): the count repeats within 0.2% from run to run whatever
 * the machine's load, where CPU seconds on this shared machine move by 10-40%. The first pass
 * includes V8's warm-up (a pass of an eighth of the corpora is about a third warm-up); a second
 * pass shows the rest. Build the two with `npx tsc -p tsconfig.build.json --outDir <dir>`. Takes a
 * minute or two (Valgrind runs Node about 18 times slower); says so and stops when Valgrind or
 * `../shared` is absent. Instructions are not time (cache misses and collection threads are left
 * out): confirm a change they favour with `npm run bench:speed`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rawCorpusTexts } from './corpus-texts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(import.meta.url);
const corpus = path.resolve(ROOT, '../shared/corpus');
const args = process.argv.slice(2);

if (args[0] === '--child') {
  // Inside Valgrind: clean the chosen texts with one build.
  const [, module, every, passes] = args;
  const { clean } = await import(pathToFileURL(path.resolve(module)).href);
  const chosen = rawCorpusTexts(corpus).filter((_, i) => i % Number(every) === 0);
  for (let pass = 0; pass < Number(passes); pass++) for (const text of chosen) clean(text);
  process.exit(0);
}

const [a, b, every = '8', passes = '1'] = args;
if (!a || !b) {
  console.error('usage: node scripts/ab-instructions.mjs <a/index.js> <b/index.js> [every] [passes]');
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} not found`);
  process.exit(0);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('skipped: valgrind not found (apt-get install valgrind)');
  process.exit(0);
}

/** The instructions the build at `module` executes, as cachegrind counts them. */
function instructions(module) {
  const valgrind = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', SCRIPT, '--child', module, every, passes];
  return new Promise((resolve, reject) => {
    execFile('valgrind', valgrind, { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const count = /I\s+refs:\s+([\d,]+)/u.exec(stderr);
      if (error || !count) reject(new Error(`valgrind failed on ${module}: ${error?.message ?? stderr.slice(-500)}`));
      else resolve(Number(count[1].replaceAll(',', '')));
    });
  });
}

const [countA, countB] = await Promise.all([instructions(a), instructions(b)]);
console.log(`every ${every}th corpus text, ${passes} pass(es), instructions (cachegrind, node --single-threaded):`);
console.log(`  A ${a}: ${(countA / 1e9).toFixed(3)} G`);
console.log(`  B ${b}: ${(countB / 1e9).toFixed(3)} G`);
console.log(`  B / A: ${(countB / countA).toFixed(4)}`);
