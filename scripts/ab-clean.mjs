#!/usr/bin/env node
/**
 * node scripts/ab-clean.mjs <a/index.js> <b/index.js> [rounds]
 *
 * Compares the CPU that two builds' `clean()` take over the raw files of the three corpora of
 * `../shared/corpus`, in one process: the builds alternate, round after round, and each keeps its
 * least CPU time (the machine is shared: compare the ratio, never one timing). Build the two with
 * `npx tsc -p tsconfig.build.json --outDir <dir>`. Says so and stops when `../shared` is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rawCorpusTexts } from './corpus-texts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [a, b, roundsArgument] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/ab-clean.mjs <a/index.js> <b/index.js> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArgument ?? 6);
const corpus = path.resolve(ROOT, '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} not found`);
  process.exit(0);
}
const texts = rawCorpusTexts(corpus);
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const builds = { A: (await import(pathToFileURL(path.resolve(a)).href)).clean, B: (await import(pathToFileURL(path.resolve(b)).href)).clean };
const least = { A: Infinity, B: Infinity };
for (const name of ['A', 'B']) for (const text of texts) builds[name](text);
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 ? ['B', 'A'] : ['A', 'B']) {
    const before = process.cpuUsage();
    for (const text of texts) builds[name](text);
    const used = process.cpuUsage(before);
    least[name] = Math.min(least[name], (used.user + used.system) / 1e6);
  }
}
const rate = (seconds) => `${seconds.toFixed(2)} CPU s (${(megabytes / seconds).toFixed(2)} MB per CPU s)`;
console.log(`${megabytes.toFixed(2)} MB, ${rounds} rounds; A ${rate(least.A)}, B ${rate(least.B)}; B/A CPU ${(least.B / least.A).toFixed(3)}`);
