#!/usr/bin/env node
/**
 * npm run bench:speed — how fast and how lean the built command (dist/) is, on a synthetic corpus
 * that this script writes itself (seeded, so every run measures the same bytes; nothing is
 * downloaded). It prints:
 *
 *   1. MB/s of a batch (>= 50 MB of files) with --jobs 1 and with one job per core;
 *   2. the same corpus through a minimal Node pass (read, drop exact repeated lines, write): the
 *      floor any Node cleaner pays, and the ratio 1-job time / floor time; and, for scale, through
 *      the simplest pass that reads words (split sentences, drop those whose lower-cased words
 *      came before): what reading each word once costs on top of the floor;
 *   3. clean() on one document of 10k and of 100k sentences, and the ratio (growth with size);
 *   4. the peak RSS of `--jsonl` on a >= 500 MB stream fed to its stdin.
 *
 * Sizes can be changed for a quick look: BENCH_BATCH_MB, BENCH_JSONL_MB, BENCH_BIG_SENTENCES.
 * The corpus is kept in .bench/ (git-ignored) and reused while its parameters are the same.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { batchDocuments, BENCH_SEED as SEED, jsonlRecords, makeText } from './bench-text.mjs';
import { mulberry32 } from './prng.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/clean-article.js');
const BENCH = path.join(ROOT, '.bench');
const CORPUS = path.join(BENCH, 'corpus');
const MB = 1e6;
const BATCH_MB = Number(process.env.BENCH_BATCH_MB ?? 52);
const JSONL_MB = Number(process.env.BENCH_JSONL_MB ?? 512);
const BIG_SENTENCES = Number(process.env.BENCH_BIG_SENTENCES ?? 100_000);
const CORES = os.availableParallelism();

// ---------------------------------------------------------------------------------------------
// Helpers.

function ensureBuilt() {
  if (existsSync(path.join(ROOT, 'dist/cli/main.js'))) return;
  console.log('dist/ is missing: building it (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

/** Writes the batch corpus unless the one on disk was made with the same parameters. */
function ensureCorpus() {
  const stamp = JSON.stringify({ seed: SEED, megabytes: BATCH_MB, version: 1 });
  const stampFile = path.join(CORPUS, '.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return corpusSize();
  rmSync(CORPUS, { recursive: true, force: true });
  for (const { site, index, text } of batchDocuments(BATCH_MB * MB)) {
    const folder = path.join(CORPUS, `site-${String(site).padStart(2, '0')}`);
    if (index < 40) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `doc-${String(index).padStart(5, '0')}.txt`), text);
  }
  writeFileSync(stampFile, stamp);
  return corpusSize();
}

function corpusSize() {
  let bytes = 0;
  let files = 0;
  for (const site of readdirSync(CORPUS)) {
    if (site.startsWith('.')) continue;
    for (const name of readdirSync(path.join(CORPUS, site))) {
      bytes += statSync(path.join(CORPUS, site, name)).size;
      files++;
    }
  }
  return { bytes, files };
}

const HAS_TIME = existsSync('/usr/bin/time');

/**
 * Runs a command to completion; returns its wall time and, where /usr/bin/time is there, its CPU
 * time (user + system) in seconds. CPU time shows whether a poor speed-up came from the command
 * or from other work on the machine (the load average is printed for the same reason).
 */
function timed(command, args) {
  const [file, argv] = HAS_TIME ? ['/usr/bin/time', ['-f', '@@cpu %U %S', command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MB, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)/u.exec(result.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN };
}

const load = () => os.loadavg()[0].toFixed(2);

/** A script that walks a folder like the command does and writes `transform(text)` of each file. */
const walkingScript = (transform) => `
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const [from, to] = process.argv.slice(2);
const transform = ${transform};
function walk(folder, out) {
  mkdirSync(out, { recursive: true });
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full, path.join(out, entry.name));
    else writeFileSync(path.join(out, entry.name), transform(readFileSync(full, 'utf8')));
  }
}
walk(from, to);
`;

/** The floor: read each file, drop exact repeated lines, write it. As little as a Node cleaner can do. */
const FLOOR = walkingScript(`(text) => {
  const seen = new Set();
  return text.split('\\n').filter((line) => line.trim() === '' || (!seen.has(line) && seen.add(line))).join('\\n');
}`);

/**
 * The simplest cleaner that reads words: split each line into sentences at terminal punctuation,
 * drop a sentence whose lower-cased words came before in the file. Not a target: it shows what
 * touching every word once costs, next to the floor that only splits lines.
 */
const SENTENCE_PASS = walkingScript(`(text) => {
  const seen = new Set();
  const keep = (sentence) => {
    const key = (sentence.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) ?? []).join(' ');
    return key === '' || (!seen.has(key) && seen.add(key));
  };
  return text.split('\\n').map((line) => line.split(/(?<=[.!?])\\s+/u).filter(keep).join(' ')).join('\\n');
}`);

function fresh(folder) {
  rmSync(folder, { recursive: true, force: true });
  return folder;
}

// ---------------------------------------------------------------------------------------------
// The measures.

function batch(size) {
  const floorScript = path.join(BENCH, 'floor.mjs');
  writeFileSync(floorScript, FLOOR);
  const floor = timed(process.execPath, [floorScript, CORPUS, fresh(path.join(BENCH, 'out-floor'))]);
  const sentenceScript = path.join(BENCH, 'sentence-pass.mjs');
  writeFileSync(sentenceScript, SENTENCE_PASS);
  const sentences = timed(process.execPath, [sentenceScript, CORPUS, fresh(path.join(BENCH, 'out-sentences'))]);
  const one = timed(process.execPath, [BIN, '--jobs', '1', '--out-dir', fresh(path.join(BENCH, 'out-1')), CORPUS]);
  const all = timed(process.execPath, [BIN, '--jobs', String(CORES), '--out-dir', fresh(path.join(BENCH, 'out-all')), CORPUS]);
  const same = spawnSync('diff', ['-rq', path.join(BENCH, 'out-1'), path.join(BENCH, 'out-all')]).status === 0;
  return { floor, sentences, one, all, same, mbps: (time) => size.bytes / MB / time.wall };
}

async function bigDocuments() {
  const { clean } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  const { longDocument } = makeText(mulberry32(SEED + 2));
  const small = longDocument(BIG_SENTENCES / 10);
  const big = longDocument(BIG_SENTENCES);
  clean(longDocument(2000)); // warm the JIT so the first measure is not the compiler's
  const time = (text) => {
    const start = process.hrtime.bigint();
    clean(text);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const smallSeconds = Math.min(time(small), time(small));
  const bigSeconds = time(big);
  return { smallSeconds, bigSeconds, smallBytes: Buffer.byteLength(small), bigBytes: Buffer.byteLength(big) };
}

/** Feeds `--jsonl` a stream of records and reads its peak RSS (time -v, or /proc polling). */
async function jsonlStream() {
  const records = jsonlRecords();
  const useTime = existsSync('/usr/bin/time');
  const args = [BIN, '--jsonl', '--jobs', String(CORES)];
  const child = useTime
    ? spawn('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: ROOT, stdio: ['pipe', openSync('/dev/null', 'w'), 'pipe'] })
    : spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let polledKb = 0;
  const poll = useTime ? undefined : setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) polledKb = Math.max(polledKb, Number(match[1]));
    } catch {
      // The process has ended.
    }
  }, 50);
  const ended = new Promise((resolve) => child.on('close', resolve));
  const start = process.hrtime.bigint();
  let sent = 0;
  for (let i = 0; sent < JSONL_MB * MB; i++) {
    const line = `${records[i % records.length].replace(/^\{"id":\d+/u, `{"id":${i}`)}\n`;
    sent += Buffer.byteLength(line);
    if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await ended;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (poll) clearInterval(poll);
  const timeKb = /Maximum resident set size \(kbytes\): (\d+)/u.exec(stderr);
  const peakMb = (useTime && timeKb ? Number(timeKb[1]) : polledKb) / 1024;
  const summary = stderr.split('\n').find((line) => line.includes(' records: ')) ?? '';
  return { code, seconds, sent, peakMb, how: useTime ? '/usr/bin/time -v' : '/proc VmHWM', summary };
}

// ---------------------------------------------------------------------------------------------

const verdict = (ok) => (ok ? 'ok' : 'MISSED');

ensureBuilt();
mkdirSync(BENCH, { recursive: true });
console.log(`clean-article bench:speed — ${CORES} core(s), node ${process.version}, load average ${load()}\n`);

const size = ensureCorpus();
console.log(`batch corpus: ${size.files} files, ${(size.bytes / MB).toFixed(1)} MB (${CORPUS})`);
const b = batch(size);
const ratio = b.one.wall / b.floor.wall;
const speedup = b.one.wall / b.all.wall;
const line = (label, time) => `  ${label.padEnd(42)}${time.wall.toFixed(2).padStart(7)} s wall ${time.cpu.toFixed(2).padStart(7)} s cpu ${b.mbps(time).toFixed(1).padStart(7)} MB/s`;
console.log(line('floor (read, drop repeated lines, write)', b.floor));
console.log(line('sentence pass (split, drop repeats by words)', b.sentences));
console.log(line('clean-article --jobs 1', b.one));
console.log(line(`clean-article --jobs ${CORES}`, b.all));
console.log(`  outputs of 1 and ${CORES} jobs identical: ${b.same ? 'yes' : 'NO'}; load average now ${load()}`);

const d = await bigDocuments();
const growth = d.bigSeconds / d.smallSeconds;
console.log(`\none document: ${BIG_SENTENCES / 10} sentences (${(d.smallBytes / MB).toFixed(1)} MB) ${d.smallSeconds.toFixed(2)} s; ${BIG_SENTENCES} sentences (${(d.bigBytes / MB).toFixed(1)} MB) ${d.bigSeconds.toFixed(2)} s`);

const j = await jsonlStream();
console.log(`\njsonl stream: ${(j.sent / MB).toFixed(0)} MB in ${j.seconds.toFixed(1)} s (${(j.sent / MB / j.seconds).toFixed(1)} MB/s, --jobs ${CORES}), exit ${j.code}; peak RSS ${j.peakMb.toFixed(0)} MB (${j.how})`);
if (j.summary) console.log(`  ${j.summary.replace(/^clean-article: /u, '')}`);

console.log(`
| measure | value | target | |
| --- | --- | --- | --- |
| batch time, 1 job / floor pass | ${ratio.toFixed(1)}x | <= 3x | ${verdict(ratio <= 3)} |
| (for scale) sentence pass / floor pass; 1 job / sentence pass | ${(b.sentences.wall / b.floor.wall).toFixed(1)}x; ${(b.one.wall / b.sentences.wall).toFixed(1)}x | none | |
| batch speed-up, ${CORES} jobs vs 1 job | ${speedup.toFixed(2)}x | >= 1.7x on 2 cores | ${verdict(speedup >= 1.7)} |
| ${BIG_SENTENCES}-sentence / ${BIG_SENTENCES / 10}-sentence document | ${growth.toFixed(1)}x | <= 15x | ${verdict(growth <= 15)} |
| peak RSS, ${(j.sent / MB).toFixed(0)} MB JSONL stream | ${j.peakMb.toFixed(0)} MB | <= 300 MB | ${verdict(j.peakMb <= 300)} |`);
