#!/usr/bin/env node
/**
 * npm run bench:segment [-- --reference DIR] — the CPU time of sentence segmentation on the shared
 * corpora (../shared/corpus/{articles,pages,web}/*.raw.txt, read when present) and on a seeded
 * synthetic text written here, measured in one process:
 *
 *   - segmentSentences over each text as one range, and parseDocument (lines, paragraphs and the
 *     segmenter over each paragraph) over each text;
 *   - a reference pass over the same texts (a regular expression cutting after ". ", "! ", "? "),
 *     so that the figures read as a ratio that a busy machine does not change much;
 *   - with --reference DIR, the same two passes with the build in DIR (a `dist/` of another commit,
 *     inside this repository so that its imports resolve), alternating with this build round by
 *     round, and the ratio of their times: "before/after" on the same machine at the same moment.
 *
 * Times are CPU seconds (process.cpuUsage), best of the rounds (BENCH_ROUNDS, default 7).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFromSources } from './fresh-build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const referenceIndex = process.argv.indexOf('--reference');
const referenceDir = referenceIndex > 0 ? path.resolve(process.argv[referenceIndex + 1]) : undefined;

async function load(dir) {
  const module = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  return { segmentSentences: module.segmentSentences, parseDocument: module.parseDocument };
}

/** The texts measured: the shared corpora's raw files, and a synthetic text. */
function texts() {
  const list = [];
  for (const corpus of ['articles', 'pages', 'web']) {
    const dir = path.join(ROOT, '..', 'shared', 'corpus', corpus);
    if (!existsSync(dir)) {
      console.log(`corpus ${corpus}: skipped, ${dir} is not present`);
      continue;
    }
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.raw.txt')) list.push(readFileSync(path.join(dir, name), 'utf8'));
  }
  // A seeded synthetic text: sentences with abbreviations, quotes, numbers and line breaks.
  let seed = 20241124;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const pieces = ['The council met on Jan. 5 in the U.S. capital.', '"We will act. Soon," Mr. Lind said.', 'It cost $12.50 (about 11 euros).', 'Prices rose 3.5 percent', 'a. first item b. second item', 'See p. 14 and Fig. 2.', 'Why now? Nobody knows!', 'The talks could'];
  const words = [];
  for (let i = 0; i < 400_000; i++) words.push(pieces[Math.floor(random() * pieces.length)], random() < 0.1 ? '\n' : ' ');
  list.push(words.join(''));
  return list;
}

function cpu(run) {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const all = texts();
const characters = all.reduce((sum, text) => sum + text.length, 0);
buildFromSources(ROOT);
const current = await load(path.join(ROOT, 'dist'));
const reference = referenceDir ? await load(referenceDir) : undefined;

const passes = {
  'regular expression (reference pass)': () => {
    let count = 0;
    for (const text of all) for (const _ of text.matchAll(/[.!?]\s+/gu)) count++;
    return count;
  },
  'segmentSentences, this build': () => all.reduce((sum, text) => sum + current.segmentSentences(text).length, 0),
  'parseDocument, this build': () => all.reduce((sum, text) => sum + current.parseDocument(text).sentences.length, 0),
};
if (reference) {
  passes['segmentSentences, reference build'] = () => all.reduce((sum, text) => sum + reference.segmentSentences(text).length, 0);
  passes['parseDocument, reference build'] = () => all.reduce((sum, text) => sum + reference.parseDocument(text).sentences.length, 0);
}

const best = Object.fromEntries(Object.keys(passes).map((name) => [name, Infinity]));
const counts = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, pass] of Object.entries(passes)) {
    let count = 0;
    const seconds = cpu(() => (count = pass()));
    counts[name] = count;
    best[name] = Math.min(best[name], seconds);
  }
}

const base = best['regular expression (reference pass)'];
console.log(`${all.length} texts, ${(characters / 1e6).toFixed(1)} M characters, best of ${ROUNDS} rounds (CPU seconds)`);
for (const [name, seconds] of Object.entries(best)) {
  console.log(`${name.padEnd(38)} ${seconds.toFixed(3)} s  ${(characters / seconds / 1e6).toFixed(1)} M chars/s  ${(seconds / base).toFixed(2)}x the reference pass  (${counts[name]} sentences)`);
}
if (reference) {
  for (const pass of ['segmentSentences', 'parseDocument']) {
    console.log(`${pass}: this build / reference build = ${(best[`${pass}, this build`] / best[`${pass}, reference build`]).toFixed(2)}`);
  }
}
