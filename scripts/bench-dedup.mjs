#!/usr/bin/env node
/**
 * npm run bench:dedup — how well and how fast `clean-article dedup` finds duplicate documents.
 *
 *   1. A corpus with known duplicates, made from real text (see scripts/dedup-corpus.mjs: the
 *      shared corpora's raw files cleaned, copies with 5/10/20% of words changed, reordered, with
 *      another header and footer, exact and reformatted, and distinct documents on the same
 *      subject), written as JSON Lines and run through the built command (dist/): in one go, and
 *      in its three phases, which must give the same output.
 *   2. Recall per kind of copy (a copy is found when it ends in its original's cluster), precision
 *      of the pairs reported (dropped document, the document it duplicates: right when both are of
 *      one family), and the distinct documents dropped; the estimated similarity of each kind of
 *      pair to its original, which is what the threshold is chosen between.
 *   3. Throughput in MB of text per CPU second (process.cpuUsage of the command, so that other work
 *      on a shared machine does not count), with one job.
 *   4. Peak RSS of one run over a million small synthetic documents (BENCH_DEDUP_DOCUMENTS).
 *
 * BENCH_DEDUP_SWEEP=1 adds the measurement the settings were chosen by: recall and precision for
 * shingles of 1-4 words and thresholds from 0.3 to 0.8, computed with the library in this process.
 * Files are kept in .bench/dedup (git-ignored) and reused while their parameters are the same.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus, changeWords, COPY_KINDS } from './dedup-corpus.mjs';
import { buildFromSources } from './fresh-build.mjs';
import { mulberry32 } from './prng.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/clean-article.js');
const WORK = path.join(ROOT, '.bench/dedup');
const SHARED = path.join(ROOT, '../shared');
const MB = 1e6;
const MILLION = Number(process.env.BENCH_DEDUP_DOCUMENTS ?? 1_000_000);
const SWEEP = process.env.BENCH_DEDUP_SWEEP === '1';

buildFromSources(ROOT);
mkdirSync(WORK, { recursive: true });
const library = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);

// ---------------------------------------------------------------------------------------------
// Running the command with its CPU time and peak RSS, as the process itself measures them.

const REPORTER = path.join(WORK, 'report-usage.mjs');
// The peak is VmHWM where there is /proc: getrusage's maxRSS of a spawned process starts from its
// parent's RSS at the fork (Linux keeps the high-water mark of the memory it replaces at exec), and
// this process holds the corpus.
writeFileSync(
  REPORTER,
  `import { readFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => {
  const cpu = process.cpuUsage();
  let peakKb = process.resourceUsage().maxRSS;
  try {
    peakKb = Number(/VmHWM:\\s+(\\d+)/u.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {}
  writeFileSync(process.env.CLEAN_ARTICLE_BENCH_USAGE, JSON.stringify({ cpu: (cpu.user + cpu.system) / 1e6, peakMb: peakKb / 1024 }));
});
`,
);

/** Runs `clean-article ...args` (stdout to `stdoutFile` when given); returns its CPU seconds, peak RSS, stderr. */
function run(args, stdoutFile) {
  const usageFile = path.join(WORK, 'usage.json');
  rmSync(usageFile, { force: true });
  const out = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(REPORTER).href}`, CLEAN_ARTICLE_BENCH_USAGE: usageFile },
  });
  if (typeof out === 'number') closeSync(out);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`clean-article ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { ...JSON.parse(readFileSync(usageFile, 'utf8')), wall, stderr: result.stderr };
}

// ---------------------------------------------------------------------------------------------
// 1. The corpus.

const CORPUS_VERSION = 3;
const corpusFile = path.join(WORK, 'corpus.jsonl');
const labelsFile = path.join(WORK, 'corpus.labels.json');
const stamp = JSON.stringify({ version: CORPUS_VERSION, shared: existsSync(SHARED) });
let labels;
if (existsSync(labelsFile) && JSON.parse(readFileSync(labelsFile, 'utf8')).stamp === stamp && existsSync(corpusFile)) {
  labels = JSON.parse(readFileSync(labelsFile, 'utf8'));
} else {
  console.log('building the corpus (cleaning the shared raw files with dist/)...');
  const corpus = buildCorpus({ clean: library.clean, shared: SHARED });
  writeFileSync(corpusFile, corpus.documents.map((document) => JSON.stringify({ id: document.id, text: document.text })).join('\n') + '\n');
  labels = { stamp, source: corpus.source, originals: corpus.originals, syndicated: corpus.syndicated, documents: corpus.documents.map(({ id, family, kind }) => ({ id, family, kind })) };
  writeFileSync(labelsFile, JSON.stringify(labels));
}
const documents = labels.documents;
const texts = readFileSync(corpusFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line).text);
const textBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const kinds = {};
for (const document of documents) kinds[document.kind] = (kinds[document.kind] ?? 0) + 1;
console.log(`corpus: ${labels.source}`);
console.log(`  ${documents.length} documents, ${(textBytes / MB).toFixed(1)} MB of text: ${labels.originals} originals of 50 words or more, ${Object.entries(kinds).map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
for (const pair of labels.syndicated) console.log(`  two originals are copies of each other (one family): ${pair.a} and ${pair.b} (3-word-shingle Jaccard ${pair.similarity.toFixed(2)})`);

// ---------------------------------------------------------------------------------------------
// 2-3. The command: one run, then the phases; the same output; what it dropped.

const single = run(['dedup', '--jsonl', '--id-field', 'id', corpusFile], path.join(WORK, 'unique.jsonl'));
const signatures = run(['dedup', 'signatures', '--jsonl', '--id-field', 'id', '--out', path.join(WORK, 'corpus.sig'), corpusFile]);
const merge = run(['dedup', 'merge', '--out-dir', WORK, path.join(WORK, 'corpus.sig')]);
const filter = run(['dedup', 'filter', '--jsonl', '--drops', path.join(WORK, 'corpus.drops'), corpusFile], path.join(WORK, 'unique-phases.jsonl'));
const samePhases = readFileSync(path.join(WORK, 'unique.jsonl')).equals(readFileSync(path.join(WORK, 'unique-phases.jsonl')));

const byId = new Map(documents.map((document, index) => [document.id, { ...document, index }]));
const root = documents.map((_, index) => index);
let right = 0;
let wrong = 0;
const wrongPairs = [];
const dropsLines = readFileSync(path.join(WORK, 'corpus.drops'), 'utf8').split('\n').filter((line) => line.startsWith('{'));
for (const line of dropsLines) {
  const drop = JSON.parse(line);
  const document = byId.get(drop.document);
  const kept = byId.get(drop.duplicate_of);
  root[document.index] = kept.index;
  if (document.family === kept.family) right++;
  else {
    wrong++;
    wrongPairs.push(`${drop.document} ~ ${drop.duplicate_of} (${drop.similarity})`);
  }
}
const originalOf = new Map(documents.filter((document) => document.kind === 'original').map((document) => [document.family, byId.get(document.id).index]));
const recall = {};
for (const document of documents) {
  if (!(document.kind in COPY_KINDS)) continue;
  const original = originalOf.get(document.family);
  const tally = (recall[document.kind] ??= { found: 0, all: 0 });
  tally.all++;
  if (root[byId.get(document.id).index] === root[original]) tally.found++;
}
const distinctDropped = dropsLines.map((line) => JSON.parse(line)).filter((drop) => byId.get(drop.document).family !== byId.get(drop.duplicate_of).family && [byId.get(drop.document).kind, byId.get(drop.duplicate_of).kind].some((kind) => kind === 'follow-up' || kind === 'original')).length;

const percent = (value) => `${(100 * value).toFixed(1)}%`;
console.log(`\nrecall (a copy is found when it ends in its original's cluster), default threshold:`);
for (const [kind, { found, all }] of Object.entries(recall)) console.log(`  ${kind.padEnd(14)} ${found}/${all} = ${percent(found / all)}${COPY_KINDS[kind] === undefined ? ' (no target)' : ''}`);
const precision = right / (right + wrong);
console.log(`pairs reported: ${right + wrong}; right ${right}, wrong ${wrong}: precision ${precision.toFixed(4)}${wrongPairs.length ? `\n  wrong: ${wrongPairs.slice(0, 10).join('; ')}` : ''}`);
console.log(`distinct documents (follow-ups, originals) dropped: ${distinctDropped}`);

// The estimated similarity of each kind of document to its original (or, for a follow-up, to the
// original it shares its lead with; for an original, to its nearest other original).
const signer = new library.Signer();
const signaturesOf = texts.map((text) => signer.sign(text).signature);
const estimate = (a, b) => (signaturesOf[a] && signaturesOf[b] ? library.estimatedSimilarity(signaturesOf[a], signaturesOf[b]) : 0);
const similarities = {};
for (const [index, document] of documents.entries()) {
  if (document.kind === 'original') continue;
  const name = document.id.slice(document.id.indexOf(':') + 1);
  const original = byId.get(`original:${name}`);
  if (original === undefined) continue;
  (similarities[document.kind] ??= []).push(estimate(index, original.index));
}
const quantile = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
console.log('\nestimated similarity to the original (word-pair Jaccard): min / 1% / 5% / median / 95% / 99% / max');
for (const [kind, list] of Object.entries(similarities)) {
  list.sort((a, b) => a - b);
  console.log(`  ${kind.padEnd(14)} ${[0, 0.01, 0.05, 0.5, 0.95, 0.99].map((q) => quantile(list, q).toFixed(2)).join(' / ')} / ${list.at(-1).toFixed(2)}`);
}

const cpuTotal = single.cpu;
const throughput = textBytes / MB / cpuTotal;
const corpusMb = readFileSync(corpusFile).length / MB;
console.log(`\none run (dedup --jsonl, 1 job): ${cpuTotal.toFixed(2)} CPU s (${single.wall.toFixed(1)} s wall), ${(textBytes / MB / cpuTotal).toFixed(1)} MB/s of text, ${(corpusMb / cpuTotal).toFixed(1)} MB/s of JSON Lines, ${(documents.length / cpuTotal).toFixed(0)} documents/s; peak RSS ${single.peakMb.toFixed(0)} MB`);
console.log(`phases: signatures ${signatures.cpu.toFixed(2)} CPU s, merge ${merge.cpu.toFixed(2)} CPU s, filter ${filter.cpu.toFixed(2)} CPU s; the same output as one run: ${samePhases ? 'yes' : 'NO'}`);

// ---------------------------------------------------------------------------------------------
// 4. Memory on a million small documents (invented words; one in ten a copy of an earlier one
// with 5% of its words changed).

const millionFile = path.join(WORK, `million-${MILLION}.jsonl`);
if (!existsSync(millionFile)) {
  console.log(`\nwriting ${MILLION} small documents...`);
  const random = mulberry32(99);
  const syllables = 'ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi'.split(' ');
  const vocabulary = Array.from({ length: 50_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  // Zipf-like: frequent words are much more frequent.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)];
  const recent = [];
  const file = openSync(millionFile, 'w');
  let batch = '';
  for (let i = 0; i < MILLION; i++) {
    let text;
    if (recent.length > 0 && random() < 0.1) text = changeWords(recent[Math.floor(random() * recent.length)], 0.05, random, vocabulary);
    else text = Array.from({ length: 25 + Math.floor(random() * 30) }, word).join(' ');
    if (recent.length < 1000) recent.push(text);
    else recent[Math.floor(random() * recent.length)] = text;
    batch += `{"text":${JSON.stringify(text)}}\n`;
    if (batch.length > 1 << 20) {
      writeSync(file, batch);
      batch = '';
    }
  }
  writeSync(file, batch);
  closeSync(file);
}
const million = run(['dedup', '--jsonl', millionFile]);
const millionSummary = /(\d+) documents: .*$/mu.exec(million.stderr)?.[0] ?? million.stderr.trim();
const millionMb = readFileSync(millionFile).length / MB;
console.log(`\n${MILLION} documents (${millionMb.toFixed(0)} MB of JSON Lines): ${millionSummary}; ${million.cpu.toFixed(1)} CPU s (${(millionMb / million.cpu).toFixed(1)} MB/s), peak RSS ${million.peakMb.toFixed(0)} MB`);
// The phase that holds every signature of a sharded run: the merge.
const millionSignatures = run(['dedup', 'signatures', '--jsonl', '--out', path.join(WORK, 'million.sig'), millionFile]);
const millionMerge = run(['dedup', 'merge', '--out-dir', WORK, path.join(WORK, 'million.sig')]);
console.log(`  in phases: signatures ${millionSignatures.cpu.toFixed(1)} CPU s, peak RSS ${millionSignatures.peakMb.toFixed(0)} MB; merge ${millionMerge.cpu.toFixed(1)} CPU s, peak RSS ${millionMerge.peakMb.toFixed(0)} MB`);
const peakMillion = Math.max(million.peakMb, millionSignatures.peakMb, millionMerge.peakMb);

// ---------------------------------------------------------------------------------------------
// The settings, by measurement.

if (SWEEP) {
  console.log('\nsweep (library, this process): recall of changed-20 / changed-10 / header-footer, precision, wrong pairs');
  for (const shingleSize of [1, 2, 3, 4]) {
    const sweepSigner = new library.Signer({ shingleSize, positions: 256 });
    const store = new library.SignatureStore(256);
    for (const text of texts) {
      const { exactKey, signature } = sweepSigner.sign(text);
      store.add(exactKey, signature);
    }
    for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8]) {
      const found = library.findDuplicates(store, threshold);
      const roots = documents.map((_, index) => index);
      let good = 0;
      for (const duplicate of found) {
        roots[duplicate.index] = duplicate.of;
        if (documents[duplicate.index].family === documents[duplicate.of].family) good++;
      }
      const recallOf = (kind) => {
        const list = documents.map((document, index) => [document, index]).filter(([document]) => document.kind === kind);
        return list.filter(([document, index]) => roots[index] === roots[originalOf.get(document.family)]).length / list.length;
      };
      console.log(`  shingle ${shingleSize}, threshold ${threshold.toFixed(2)}: ${['changed-20', 'changed-10', 'header-footer'].map((kind) => recallOf(kind).toFixed(3)).join(' / ')}, precision ${(good / Math.max(1, found.length)).toFixed(4)}, wrong ${found.length - good}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

const verdict = (ok) => (ok ? 'met' : '**not met**');
const minRecall = (names) => Math.min(...names.map((name) => recall[name].found / recall[name].all));
const tenPercent = minRecall(['exact', 'reformatted', 'changed-5', 'changed-10', 'header-footer']);
const twentyPercent = minRecall(['changed-20']);
console.log(`
| measure | measured | target | |
| --- | --- | --- | --- |
| recall, copies with <= 10% of words changed or another header/footer (lowest kind) | ${percent(tenPercent)} | >= 98% | ${verdict(tenPercent >= 0.98)} |
| recall, 20% of words changed | ${percent(twentyPercent)} | >= 90% | ${verdict(twentyPercent >= 0.9)} |
| pair precision | ${precision.toFixed(4)} | >= 0.99 | ${verdict(precision >= 0.99)} |
| distinct same-subject documents dropped | ${distinctDropped} | 0 | ${verdict(distinctDropped === 0)} |
| throughput, 1 job (MB of text per CPU s) | ${throughput.toFixed(1)} | >= 5 | ${verdict(throughput >= 5)} |
| peak RSS, ${MILLION} documents (one run; the phases) | ${million.peakMb.toFixed(0)} MB; ${millionSignatures.peakMb.toFixed(0)}, ${millionMerge.peakMb.toFixed(0)} MB | <= 500 MB | ${verdict(peakMillion <= 500)} |
| phases = one run | ${samePhases ? 'identical' : 'different'} | identical | ${verdict(samePhases)} |
(${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')})`);
