#!/usr/bin/env node
/**
 * npm run bench:speed [-- --quick] — how fast and how lean clean-article (the built dist/) is,
 * measured against a reference pass run on the same bytes in the same run, in CPU seconds as well
 * as wall time (the machine is shared: CPU time is what a change can be judged by).
 *
 * The batch: the raw files of the three corpora of `../shared/corpus`, repeated until they make
 * 50 MB (real text); synthetic text from `bench-text.mjs` when `../shared` is absent (said so).
 *
 * The reference, the word-id bound pass: decode each file's UTF-8, intern its lower-cased words
 * into an `Int32Array` of ids (an open-addressing table), and hash every 3-word shingle into an
 * open-addressing table. Any cleaner that reads each word once and looks for repeats pays this;
 * the ratios below are clean-article's CPU time over it.
 *
 * It prints:
 *   1. the batch: the reference pass (median of three runs), `--jobs 1` and `--jobs <cores>` (CPU and wall), `<cores>`
 *      processes of `--jobs 1` on shares of the batch at once (what the machine itself gives to more
 *      than one job, the ceiling of the pool's speed-up), the library's
 *      `clean()` over the same files with the reference run again in its process;
 *   2. one document of 1k, 10k, 100k and 1M sentences (synthetic, paragraphs of five sentences
 *      with some repeats), each in a process of its own: CPU, µs per sentence, GC time, peak RSS
 *      (up to 100k sentences, the median of three processes: a peak moves with V8's timing);
 *   3. the peak RSS of `--jsonl` on a 500 MB stream fed to its stdin;
 *   4. the table of the targets of issue 15.
 *
 * Quick mode (`--quick`, or BENCH_QUICK=1): a 10 MB batch, documents up to 100k sentences, a
 * 64 MB stream; a few minutes. Sizes can also be set alone: BENCH_BATCH_MB, BENCH_JSONL_MB,
 * BENCH_MAX_SENTENCES (1000000 adds the 1M-sentence document to a quick run),
 * BENCH_DOCUMENT_RUNS (processes per document up to 100k sentences). Files are kept in .bench/
 * (git-ignored) and reused while their parameters are the same.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { batchDocuments, BENCH_SEED as SEED, jsonlRecords, makeText } from './bench-text.mjs';
import { buildFromSources } from './fresh-build.mjs';
import { mulberry32 } from './prng.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(import.meta.url);
const BIN = path.join(ROOT, 'bin/clean-article.js');
const BENCH = path.join(ROOT, '.bench');
const SHARED = path.resolve(ROOT, '../shared/corpus');
const MB = 1e6;
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const BATCH_MB = Number(process.env.BENCH_BATCH_MB ?? (QUICK ? 10 : 50));
const JSONL_MB = Number(process.env.BENCH_JSONL_MB ?? (QUICK ? 64 : 500));
const MAX_SENTENCES = Number(process.env.BENCH_MAX_SENTENCES ?? (QUICK ? 100_000 : 1_000_000));
const DOCUMENT_RUNS = Number(process.env.BENCH_DOCUMENT_RUNS ?? 3);
const CORES = os.availableParallelism();
const HAS_TIME = existsSync('/usr/bin/time');

// ---------------------------------------------------------------------------------------------
// The reference pass (also run as `bench-speed.mjs --reference FOLDER` in a process of its own).

/**
 * The word-id bound pass over one file's bytes: decode, intern lower-cased words (letters and
 * digits) into ids, hash each run of three ids into a table. Returns the number of words and of
 * distinct shingles, so that nothing is optimised away.
 */
function referencePass(bytes, decoder) {
  const text = decoder.decode(bytes);
  const ids = new Int32Array((text.length >> 1) + 1);
  // Vocabulary: open addressing over the words' hashes; strings kept by id.
  let slots = new Int32Array(1 << 12);
  let hashes = new Int32Array(1 << 11);
  const strings = [];
  let count = 0;
  const intern = (word, hash) => {
    let mask = slots.length - 1;
    let slot = hash & mask;
    for (let found = slots[slot]; found !== 0; found = slots[slot]) {
      if (hashes[found - 1] === hash && strings[found - 1] === word) return found - 1;
      slot = (slot + 1) & mask;
    }
    const id = strings.length;
    strings.push(word);
    if (id === hashes.length) {
      const larger = new Int32Array(id * 2);
      larger.set(hashes);
      hashes = larger;
    }
    hashes[id] = hash;
    slots[slot] = id + 1;
    if (strings.length * 2 > slots.length) {
      const grown = new Int32Array(slots.length * 2);
      mask = grown.length - 1;
      for (let i = 0; i < strings.length; i++) {
        let to = hashes[i] & mask;
        while (grown[to] !== 0) to = (to + 1) & mask;
        grown[to] = i + 1;
      }
      slots = grown;
    }
    return id;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code)) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    let ascii = true;
    while (i < text.length && isWordCode(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) ascii = false;
      hash = Math.imul(hash ^ (c >= 0x41 && c <= 0x5a ? c + 0x20 : c), 0x01000193);
      i++;
    }
    let word = text.slice(start, i);
    if (ascii) word = word.toLowerCase();
    else {
      word = word.toLowerCase();
      hash = 0x811c9dc5;
      for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 0x01000193);
    }
    ids[count++] = intern(word, hash);
  }
  // Shingles: open addressing over 32-bit hashes of three ids.
  let table = new Int32Array(1 << 12);
  let used = 0;
  for (let k = 0; k + 2 < count; k++) {
    let h = Math.imul(ids[k] + 1, 0x9e3779b1) ^ Math.imul(ids[k + 1] + 1, 0x85ebca6b) ^ Math.imul(ids[k + 2] + 1, 0xc2b2ae35);
    h = (h ^ (h >>> 15)) | 1;
    let mask = table.length - 1;
    let slot = h & mask;
    while (table[slot] !== 0 && table[slot] !== h) slot = (slot + 1) & mask;
    if (table[slot] === 0) {
      table[slot] = h;
      if (++used * 2 > table.length) {
        const grown = new Int32Array(table.length * 2);
        mask = grown.length - 1;
        for (const value of table) {
          if (value === 0) continue;
          let to = value & mask;
          while (grown[to] !== 0) to = (to + 1) & mask;
          grown[to] = value;
        }
        table = grown;
      }
    }
  }
  return count + used;
}

/** Letters and digits: ASCII by range, other characters by their Unicode category. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
function isWordCode(code) {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

/** The files of a folder, recursively, in name order (hidden entries left out). */
function filesUnder(folder) {
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(full));
    else files.push(full);
  }
  return files;
}

/** CPU seconds (user + system) of this process since `from` (a `process.cpuUsage()`). */
const cpuSince = (from) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

/** Runs the reference pass over every file of `folder`, reading each from disk. */
function referenceOverFolder(folder) {
  const decoder = new TextDecoder();
  let checksum = 0;
  for (const file of filesUnder(folder)) checksum += referencePass(readFileSync(file), decoder);
  return checksum;
}

// ---------------------------------------------------------------------------------------------
// Child modes: each measure that needs a process of its own runs this script again.

if (argv[0] === '--reference') {
  referenceOverFolder(argv[1]);
  process.exit(0);
}

/** The length, in characters, of the short records `--library` also cleans. */
const SHORT_RECORD = 300;

if (argv[0] === '--library') {
  // clean() over the batch's files held in memory, and the reference pass over the same bytes.
  // With them, one parse alone (no analysis, no rule): what a single reading costs before any
  // rule looks at the text, against which clean()'s readings (two per text on the corpora, some
  // three or four) can be weighed.
  const { clean, parseDocument } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  const files = filesUnder(argv[1]).map((file) => readFileSync(file));
  const decoder = new TextDecoder();
  for (const bytes of files.slice(0, 50)) clean(decoder.decode(bytes)); // warm the JIT
  let from = process.cpuUsage();
  for (const bytes of files) referencePass(bytes, decoder);
  const reference = cpuSince(from);
  from = process.cpuUsage();
  for (const bytes of files) clean(decoder.decode(bytes));
  const library = cpuSince(from);
  from = process.cpuUsage();
  for (const bytes of files) parseDocument(decoder.decode(bytes));
  const parse = cpuSince(from);
  // The same text as records of about 300 characters (cut at line ends), as a JSONL stream of
  // paragraphs brings it: what each clean costs whatever its text's length weighs more here.
  const records = [];
  for (const bytes of files) {
    let record = '';
    for (const line of decoder.decode(bytes).split('\n')) {
      record += `${line}\n`;
      if (record.length >= SHORT_RECORD) {
        records.push(record);
        record = '';
      }
    }
    if (record !== '') records.push(record);
  }
  from = process.cpuUsage();
  for (const record of records) clean(record);
  const short = cpuSince(from);
  process.stdout.write(JSON.stringify({ reference, library, parse, short, records: records.length }));
  process.exit(0);
}

if (argv[0] === '--document') {
  // clean() on one document read from a file: CPU, wall, GC time and the process's peak RSS.
  const { clean } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  const text = readFileSync(argv[1], 'utf8');
  clean(text.slice(0, text.indexOf('\n\n', 200_000) + 1 || 200_000)); // warm the JIT
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gc += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const from = process.cpuUsage();
  const start = process.hrtime.bigint();
  const { text: out } = clean(text);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuSince(from);
  await new Promise((resolve) => setTimeout(resolve, 10)); // let the observer report
  observer.disconnect();
  process.stdout.write(JSON.stringify({ cpu, wall, gc: gc / 1000, rssMb: process.resourceUsage().maxRSS / 1024, outBytes: out.length }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Helpers of the main run.

/** Runs `make(folder)` unless `folder` was made with the same `stamp`. */
function ensureMade(folder, stamp, make) {
  const stampFile = path.join(folder, '.stamp');
  const text = JSON.stringify(stamp);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === text) return;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  make(folder);
  writeFileSync(stampFile, text);
}

/**
 * The batch: the corpora's raw files, copied round after round (each round a folder) until the
 * copies make `BATCH_MB`; or the synthetic corpus when `../shared` is absent.
 */
function ensureBatch() {
  const real = existsSync(SHARED);
  const folder = path.join(BENCH, real ? 'real' : 'synthetic');
  ensureMade(folder, { real, megabytes: BATCH_MB, version: 2 }, () => {
    if (!real) {
      for (const { site, index, text } of batchDocuments(BATCH_MB * MB)) {
        const sub = path.join(folder, `site-${String(site).padStart(2, '0')}`);
        mkdirSync(sub, { recursive: true });
        writeFileSync(path.join(sub, `doc-${String(index).padStart(5, '0')}.txt`), text);
      }
      return;
    }
    const sources = ['articles', 'pages', 'web'].flatMap((set) => readdirSync(path.join(SHARED, set)).filter((name) => name.endsWith('.raw.txt')).sort().map((name) => ({ set, name })));
    let bytes = 0;
    for (let round = 0; bytes < BATCH_MB * MB; round++) {
      for (const { set, name } of sources) {
        if (bytes >= BATCH_MB * MB) break;
        const to = path.join(folder, `round-${String(round).padStart(2, '0')}`, set);
        mkdirSync(to, { recursive: true });
        const target = path.join(to, name.replace(/\.raw\.txt$/u, '.txt'));
        cpSync(path.join(SHARED, set, name), target);
        bytes += statSync(target).size;
      }
    }
  });
  const files = filesUnder(folder);
  return { folder, real, files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/** A synthetic document of `sentences` sentences, written once to .bench/. */
function ensureDocument(sentences) {
  const folder = path.join(BENCH, 'documents');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `long-${sentences}.txt`);
  const stampFile = `${file}.stamp`;
  const stamp = JSON.stringify({ seed: SEED + 2, sentences, version: 1 });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    writeFileSync(file, makeText(mulberry32(SEED + 2)).longDocument(sentences));
    writeFileSync(stampFile, stamp);
  }
  return file;
}

/**
 * Runs a command to completion; returns its wall time and, where /usr/bin/time is there, its CPU
 * time (user + system) in seconds and its peak RSS.
 */
function timed(command, args) {
  const [file, list] = HAS_TIME ? ['/usr/bin/time', ['-f', '@@cpu %U %S %M', command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, list, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MB, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+) (\d+)/u.exec(result.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, rssMb: cpu ? Number(cpu[3]) / 1024 : NaN };
}

/**
 * The most any pool of `CORES` jobs could get from this machine: `CORES` processes of `--jobs 1`,
 * each on every `CORES`-th file of the batch (symlinked into a folder of its own), run at once. A
 * lone `--jobs 1` process is not alone on the machine: V8 collects garbage and compiles on other
 * threads, which take the other cores when they are idle, and processes running at once share the
 * processor's caches and memory bandwidth. Returns the wall time from the first start to the last
 * end, and the CPU time of them all.
 */
async function machineCeiling(batchFolder) {
  const files = filesUnder(batchFolder).sort();
  const groups = Array.from({ length: CORES }, (_, k) => {
    const folder = fresh(path.join(BENCH, `share-${k}`));
    for (const file of files.filter((_, i) => i % CORES === k)) {
      const link = path.join(folder, path.relative(batchFolder, file));
      mkdirSync(path.dirname(link), { recursive: true });
      symlinkSync(file, link);
    }
    return folder;
  });
  const start = process.hrtime.bigint();
  const runs = await Promise.all(groups.map((folder, k) => new Promise((resolve, reject) => {
    const args = [BIN, '--no-ignore', '--jobs', '1', '--out-dir', fresh(path.join(BENCH, `out-share-${k}`)), folder];
    const [file, list] = HAS_TIME ? ['/usr/bin/time', ['-f', '@@cpu %U %S %M', process.execPath, ...args]] : [process.execPath, args];
    const run = spawn(file, list, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    run.stderr.on('data', (chunk) => (stderr += chunk));
    run.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`clean-article on ${folder} failed (${code}): ${stderr}`));
        return;
      }
      const cpu = /@@cpu ([\d.]+) ([\d.]+)/u.exec(stderr);
      resolve(cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN);
    });
  })));
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: runs.reduce((sum, cpu) => sum + cpu, 0) };
}

/** Runs this script in a child mode and parses the JSON it prints. */
function child(args, nodeArgs = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`bench-speed ${args.join(' ')} failed (${result.status})`);
  return JSON.parse(result.stdout);
}

const load = () => os.loadavg()[0].toFixed(2);

function fresh(folder) {
  rmSync(folder, { recursive: true, force: true });
  return folder;
}

/** Feeds `--jsonl` a stream of records and reads its peak RSS (time -v, or /proc polling). */
async function jsonlStream() {
  const records = jsonlRecords();
  const args = [BIN, '--jsonl', '--jobs', String(CORES)];
  const child = HAS_TIME
    ? spawn('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: ROOT, stdio: ['pipe', openSync('/dev/null', 'w'), 'pipe'] })
    : spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let polledKb = 0;
  const poll = HAS_TIME ? undefined : setInterval(() => {
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
  const peakMb = (HAS_TIME && timeKb ? Number(timeKb[1]) : polledKb) / 1024;
  const summary = stderr.split('\n').find((line) => line.includes(' records: ')) ?? '';
  return { code, seconds, sent, peakMb, how: HAS_TIME ? '/usr/bin/time -v' : '/proc VmHWM', summary };
}

// ---------------------------------------------------------------------------------------------
// The run.

buildFromSources(ROOT);
mkdirSync(BENCH, { recursive: true });
console.log(`clean-article bench:speed${QUICK ? ' (quick)' : ''} — ${CORES} core(s), node ${process.version}, load average ${load()}\n`);
if (!HAS_TIME) console.log('(/usr/bin/time not found: CPU time of the command is not measured)');

const batch = ensureBatch();
const mb = batch.bytes / MB;
console.log(`batch: ${batch.files} files, ${mb.toFixed(1)} MB of ${batch.real ? 'the corpora\'s raw files, repeated' : `synthetic text (${SHARED} not found: real text skipped)`} (${batch.folder})`);
// The reference pass takes 3-4 s, and its CPU moved by 12% between runs an hour apart, moving
// every ratio with it: the median of three runs (by CPU) is the reference.
const references = Array.from({ length: 3 }, () => timed(process.execPath, [SCRIPT, '--reference', batch.folder])).sort((a, b) => a.cpu - b.cpu);
const reference = references[1];
const one = timed(process.execPath, [BIN, '--no-ignore', '--jobs', '1', '--out-dir', fresh(path.join(BENCH, 'out-1')), batch.folder]);
const all = timed(process.execPath, [BIN, '--no-ignore', '--jobs', String(CORES), '--out-dir', fresh(path.join(BENCH, 'out-all')), batch.folder]);
const same = spawnSync('diff', ['-rq', path.join(BENCH, 'out-1'), path.join(BENCH, 'out-all')]).status === 0;
const ceiling = CORES > 1 ? await machineCeiling(batch.folder) : undefined;
const library = child(['--library', batch.folder]);
const row = (label, time) => `  ${label.padEnd(40)}${time.wall.toFixed(2).padStart(7)} s wall ${time.cpu.toFixed(2).padStart(7)} s cpu ${(mb / time.cpu).toFixed(1).padStart(6)} MB/cpu-s ${(time.cpu / reference.cpu).toFixed(1).padStart(6)}x ref`;
console.log(row('reference (word-id bound pass)', reference) + `  (median of 3: ${references.map((run) => run.cpu.toFixed(2)).join(', ')} s cpu)`);
console.log(row('clean-article --jobs 1', one));
console.log(row(`clean-article --jobs ${CORES}`, all));
if (ceiling) console.log(row(`${CORES} processes of --jobs 1, at once`, ceiling) + `  (the machine's ceiling: ${(one.wall / ceiling.wall).toFixed(2)}x the wall of one job)`);
console.log(`  outputs of 1 and ${CORES} jobs identical: ${same ? 'yes' : 'NO'}; load average now ${load()}`);
console.log(`  in one process: reference ${library.reference.toFixed(2)} s cpu, clean() ${library.library.toFixed(2)} s cpu (${(mb / library.library).toFixed(1)} MB/cpu-s, ${(library.library / library.reference).toFixed(1)}x ref); one parse alone ${library.parse.toFixed(2)} s cpu (${(library.parse / library.reference).toFixed(1)}x ref)`);
console.log(`  the same text as ${library.records} records of ~${SHORT_RECORD} characters: clean() ${library.short.toFixed(2)} s cpu (${(mb / library.short).toFixed(1)} MB/cpu-s)`);

console.log('\none document (synthetic; each in a process of its own):');
const sizes = [1000, 10_000, 100_000, 1_000_000].filter((size) => size <= MAX_SENTENCES);
const documents = new Map();
for (const sentences of sizes) {
  const file = ensureDocument(sentences);
  // Peak RSS depends on when V8 happens to collect (the same run peaks 220 or 310 MB on the
  // 100k-sentence document): the documents up to 100k sentences run DOCUMENT_RUNS times, and
  // the median run (by CPU; by RSS for the RSS) is reported with the range.
  const runs = Array.from({ length: sentences <= 100_000 ? DOCUMENT_RUNS : 1 }, () => child(['--document', file]));
  const byCpu = [...runs].sort((a, b) => a.cpu - b.cpu)[runs.length >> 1];
  const rss = runs.map((run) => run.rssMb).sort((a, b) => a - b);
  const measured = { ...byCpu, rssMb: rss[rss.length >> 1] };
  documents.set(sentences, measured);
  const range = runs.length > 1 ? ` (${rss[0].toFixed(0)}-${rss[rss.length - 1].toFixed(0)}, median of ${runs.length})` : '';
  console.log(`  ${String(sentences).padStart(9)} sentences ${(statSync(file).size / MB).toFixed(1).padStart(6)} MB ${measured.cpu.toFixed(2).padStart(7)} s cpu ${measured.wall.toFixed(2).padStart(7)} s wall ${(measured.cpu / sentences * 1e6).toFixed(0).padStart(4)} µs/sentence  gc ${(measured.gc / measured.wall * 100).toFixed(0).padStart(2)}% of wall  peak RSS ${measured.rssMb.toFixed(0)} MB${range}`);
}
if (!documents.has(1_000_000)) console.log('  (the 1M-sentence document is left out: run without --quick, or with BENCH_MAX_SENTENCES=1000000, for the 1M / 100k growth)');

const j = await jsonlStream();
console.log(`\njsonl stream: ${(j.sent / MB).toFixed(0)} MB in ${j.seconds.toFixed(1)} s (${(j.sent / MB / j.seconds).toFixed(1)} MB/s, --jobs ${CORES}), exit ${j.code}; peak RSS ${j.peakMb.toFixed(0)} MB (${j.how})`);
if (j.summary) console.log(`  ${j.summary.replace(/^clean-article: /u, '')}`);

const verdict = (ok) => (Number.isNaN(ok) ? '' : ok ? 'ok' : 'missed');
const growth = (big, small) => (documents.has(big) && documents.has(small) ? documents.get(big).cpu / documents.get(small).cpu : NaN);
const targets = [
  ['batch CPU, 1 job, vs the word-id bound pass', one.cpu / reference.cpu, 'x', 5, 'max'],
  ['MB per CPU-second, 1 job' + (batch.real ? ', real-text batch' : ', synthetic batch'), mb / one.cpu, '', 7, 'min'],
  ['(library clean() alone, MB per CPU-second)', mb / library.library, '', undefined],
  [`(the same, as records of ~${SHORT_RECORD} characters)`, mb / library.short, '', undefined],
  ['CPU, 100k-sentence / 10k-sentence document', growth(100_000, 10_000), 'x', 11, 'max'],
  ['CPU, 1M-sentence / 100k-sentence document', growth(1_000_000, 100_000), 'x', 11, 'max'],
  ['peak RSS, 100k-sentence document (MB)', documents.get(100_000)?.rssMb ?? NaN, '', 250, 'max'],
  [`${CORES} jobs vs 1 job, wall`, one.wall / all.wall, 'x', 1.8, 'min'],
  [`(${CORES} processes of one job at once vs 1 job, wall: the machine's ceiling)`, ceiling ? one.wall / ceiling.wall : NaN, 'x', undefined],
  [`${(j.sent / MB).toFixed(0)} MB JSONL stream peak RSS (MB)`, j.peakMb, '', 300, 'max'],
];
console.log('\n| measure | now | target | |\n| --- | --- | --- | --- |');
for (const [label, value, unit, target, kind] of targets) {
  const shown = Number.isNaN(value) ? 'not measured' : `${value.toFixed(value >= 100 ? 0 : 2)}${unit}`;
  const bound = target === undefined ? 'none' : `${kind === 'max' ? '<=' : '>='} ${target}${unit}`;
  const ok = target === undefined || Number.isNaN(value) ? NaN : kind === 'max' ? value <= target : value >= target;
  console.log(`| ${label} | ${shown} | ${bound} | ${verdict(ok)} |`);
}
