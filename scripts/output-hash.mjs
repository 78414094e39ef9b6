#!/usr/bin/env node
/**
 * node scripts/output-hash.mjs [--quick] [--module dist/index.js]
 *
 * Hashes the whole result of `clean()` (text, title, and every removal: rule id, reason, span,
 * related span) on every text the project is measured on, so that a change meant to leave the
 * output alone (a refactoring) can be checked to do so byte for byte: run it before and after, and
 * compare the lines. Each set is cleaned with the default options, with `bodyOnly`, and (the three
 * corpora) with `corpusBoilerplate` counts of their own lines, so that every rule has work.
 *
 * Sets: the three corpora of `../shared/corpus` (skipped, and said so, when absent), the fixtures
 * (raw and expected), the bench files of `npm run bench:speed` (its batch corpus, its two long
 * documents and its JSONL records, made by the same generator; `--quick` leaves them out).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { batchDocuments, BENCH_SEED, jsonlRecords, makeText } from './bench-text.mjs';
import { buildFromSources } from './fresh-build.mjs';
import { mulberry32 } from './prng.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const moduleAt = args.includes('--module') ? args[args.indexOf('--module') + 1] : 'dist/index.js';
// The project's own build is made first: a hash of a build left from an earlier state proves nothing.
if (!args.includes('--module')) buildFromSources(ROOT);
const { clean, documentLineKeys } = await import(pathToFileURL(path.resolve(ROOT, moduleAt)).href);

/** Lines found in at least this many documents of a set are its boilerplate in the third mode. */
const MIN_DOCUMENTS = 3;

/** Texts of the files of `folder` whose names end in `suffix`, in name order. */
function filesOf(folder, suffix) {
  return readdirSync(folder).filter((name) => name.endsWith(suffix)).sort().map((name) => readFileSync(path.join(folder, name), 'utf8'));
}

/** Prints one line per mode: the set, the mode, the number of texts, and the hash of all their results. */
function hashSet(name, texts, withCounts = false) {
  const modes = [['default', {}], ['bodyOnly', { bodyOnly: true }]];
  if (withCounts) {
    const counts = new Map();
    for (const text of texts) for (const key of documentLineKeys(text)) counts.set(key, (counts.get(key) ?? 0) + 1);
    const boilerplate = new Map([...counts].filter(([, documents]) => documents >= MIN_DOCUMENTS));
    modes.push(['lineCounts', { corpusBoilerplate: boilerplate }]);
  }
  for (const [mode, options] of modes) {
    const hash = createHash('sha256');
    for (const text of texts) {
      const { text: out, title, removals } = clean(text, options);
      hash.update(JSON.stringify({ out, title, removals: removals.map(({ rule, reason, span, related }) => [rule, reason, span.start, span.end, related?.start, related?.end]) }));
      hash.update('\0');
    }
    console.log(`${name.padEnd(18)} ${mode.padEnd(10)} ${String(texts.length).padStart(5)} ${hash.digest('hex').slice(0, 32)}`);
  }
}

const corpus = path.resolve(ROOT, '../shared/corpus');
for (const set of ['articles', 'pages', 'web']) {
  const folder = path.join(corpus, set);
  if (existsSync(folder)) hashSet(`corpus/${set}`, filesOf(folder, '.raw.txt'), true);
  else console.log(`corpus/${set}: skipped (${folder} not found)`);
}
const seed = path.resolve(ROOT, '../shared/seed/seed.txt');
if (existsSync(seed)) hashSet('seed', [readFileSync(seed, 'utf8')]);
hashSet('fixtures', [...filesOf(path.join(ROOT, 'fixtures'), '.raw.txt'), ...filesOf(path.join(ROOT, 'fixtures'), '.expected.txt')]);
if (!quick) {
  hashSet('bench/batch', [...batchDocuments(Number(process.env.BENCH_BATCH_MB ?? 52) * 1e6)].map(({ text }) => text));
  const { longDocument } = makeText(mulberry32(BENCH_SEED + 2));
  const sentences = Number(process.env.BENCH_BIG_SENTENCES ?? 100_000);
  hashSet('bench/long', [longDocument(sentences / 10), longDocument(sentences)]);
  hashSet('bench/jsonl', jsonlRecords().map((record) => JSON.parse(record).text));
}
