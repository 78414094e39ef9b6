/**
 * The `--jsonl` mode: one JSON object per line in (stdin or files), the same records out on
 * stdout with the field cleaned. The input is cut into chunks of whole lines (`sources.ts`) that
 * `--jobs` threads clean (`records.ts`); the chunks are written in input order, and reading waits for writing, so memory stays flat however
 * long the stream (only the longest line must fit). This is what makes the command a map step for
 * Hadoop Streaming, Spark's `RDD.pipe` or GNU parallel `--pipe`.
 *
 * Bad lines (not JSON, not an object, invalid UTF-8) are reported with their line number and, by
 * default, skipped: the run goes on and the exit code is 2 at the end, as for a failed file in a
 * batch. `--bad-lines keep` writes them through and exits 0 (a map step must pass every line on
 * and not fail its task); `--bad-lines fail` stops at the first one.
 */
import type { CleanOptions } from '../index.js';
import { messageOf, writeOut, type RunIO } from './io.js';
import type { CliOptions } from './options.js';
import { memoryBudget } from './memory.js';
import { inOrder, ownBytes, threads, type Executor } from './pool.js';
import { progressBar } from './progress.js';
import { cleanRecords, countLines, type CleanedRecords, type RecordSettings } from './records.js';
import { colorsFor, explainLines, shownName } from './report.js';
import { recordSources, sourceChunks, type SourceChunk } from './sources.js';

/** Chunks in flight per job. */
const IN_FLIGHT_PER_JOB = 3;

/** Bad lines (and warnings) told one by one; past this, only counted (a wrong input can have millions). */
const TOLD_BAD_LINES = 20;

/** A bad line under `--bad-lines fail`: the message names it; the run ends with exit 2. */
class BadLineError extends Error {
  override readonly name = 'BadLineError';
}

interface RecordTally {
  changed: number;
  unchanged: number;
  missing: number;
  bad: number;
  warned: number;
  failedSources: number;
  removals: Record<string, number>;
}

type ChunkDone = { readonly source: string; readonly size: number; readonly lines: number } & ({ readonly cleaned: CleanedRecords } | { readonly error: unknown });

/** Runs `--jsonl`; resolves to the exit code. */
export async function runJsonl(options: CliOptions, io: RunIO, cleanOptions: CleanOptions): Promise<number> {
  const tally: RecordTally = { changed: 0, unchanged: 0, missing: 0, bad: 0, warned: 0, failedSources: 0, removals: {} };
  const progress = await progressBar(options, io, 'records');
  const stderr = progress?.stderr ?? io.stderr;
  const tell = (line: string): void => void stderr.write(`clean-article: ${line}\n`);
  const quiet = options.verbosity === 'quiet';
  const collector = options.report === undefined ? undefined : new (await import('./report-data.js')).ReportCollector();
  const color = colorsFor(options.color, io.stderrIsTerminal, io.env);
  const settings: RecordSettings = { field: options.field, removalsKey: options.removalsKey, explain: options.explain, check: options.check, badLines: options.badLines, cleanOptions, collect: collector !== undefined };
  const executor = recordExecutor(options.jobs, settings);
  const failSource = (name: string, error: unknown): void => {
    tally.failedSources++;
    tell(`${shownName(name)}: ${messageOf(error)}`);
    collector?.fail(name, messageOf(error));
  };
  let current = '';
  let lineBase = 0;

  const report = async (done: ChunkDone): Promise<void> => {
    if (done.source !== current) [current, lineBase] = [done.source, 0];
    const base = lineBase;
    lineBase += done.lines;
    const at = (line: number): string => `${shownName(done.source)}:${base + line + 1}`;
    // A source that could not be read has no lines; a chunk that failed on a thread names its lines.
    if ('error' in done) {
      failSource(done.lines === 0 ? done.source : `${done.source}: lines ${base + 1}-${lineBase}`, done.error);
      return;
    }
    const cleaned = done.cleaned;
    const firstBad = cleaned.bad[0];
    if (firstBad && options.badLines === 'fail') {
      // The chunk stops at the bad line: what came before it is written, then the run ends.
      if (cleaned.output !== '') await writeOut(io.stdout, cleaned.output);
      throw new BadLineError(`${at(firstBad.line)}: ${firstBad.message}`);
    }
    // Under `keep` a bad line is a warning (the run succeeds); under `skip` it is an error.
    const toldBad = options.badLines === 'skip' || !quiet;
    for (const bad of cleaned.bad) {
      if (tally.bad++ < TOLD_BAD_LINES && toldBad) tell(`${at(bad.line)}: ${options.badLines === 'keep' ? 'kept as is' : 'skipped'}: ${bad.message}`);
      collector?.fail(at(bad.line), bad.message);
    }
    for (const warned of cleaned.warned) if (tally.warned++ < TOLD_BAD_LINES && !quiet) tell(`${at(warned.line)}: warning: ${warned.message}`);
    for (const record of cleaned.summaries) collector?.add({ ...record, name: at(record.line) });
    for (const { line, removals } of cleaned.explained) for (const text of explainLines(at(line), removals, color)) stderr.write(`${text}\n`);
    addTally(tally, cleaned);
    progress?.advance(done.size, cleaned.changed + cleaned.unchanged + cleaned.bad.length);
    if (cleaned.output !== '') await writeOut(io.stdout, cleaned.output);
  };

  progress?.start();
  try {
    await inOrder(sourceChunks(recordSources(options, io.stdin, failSource)), { items: Math.max(2, options.jobs * IN_FLIGHT_PER_JOB) }, (chunk) => cleanChunk(executor, chunk), report);
  } finally {
    progress?.stop();
    await executor.close();
  }
  const fate = options.badLines === 'keep' ? 'kept' : 'skipped';
  if (tally.bad > TOLD_BAD_LINES && (options.badLines === 'skip' || !quiet)) tell(`${tally.bad - TOLD_BAD_LINES} more bad lines ${fate} (not shown)`);
  if (tally.warned > TOLD_BAD_LINES && !quiet) tell(`${tally.warned - TOLD_BAD_LINES} more records cleaned with a warning (not shown)`);
  if (!quiet) tell(summary(tally, options.field, fate));
  if (collector !== undefined && options.report !== undefined) (await import('./report-page.js')).writeReport(options.report, collector);
  if (tally.failedSources > 0 || (tally.bad > 0 && options.badLines === 'skip')) return 2;
  return options.check && tally.changed > 0 ? 1 : 0;
}

/**
 * A chunk this large (bytes) is cleaned on a worker thread even with one job. Chunks are cut at
 * about 256 KiB (`sources.ts`); a larger one holds a record of most of a megabyte or more.
 */
const HEAVY_CHUNK = 1024 * 1024;

/** Cleans chunks of records on `jobs` threads (see `threads` in `pool.ts`). */
function recordExecutor(jobs: number, settings: RecordSettings): Executor<Uint8Array, CleanedRecords> {
  return threads({
    script: new URL('./record-worker.js', import.meta.url),
    jobs,
    data: settings,
    here: (bytes) => cleanRecords(bytes, settings),
    heavy: HEAVY_CHUNK,
    budget: memoryBudget(),
  });
}

async function cleanChunk(executor: Executor<Uint8Array, CleanedRecords>, chunk: SourceChunk): Promise<ChunkDone> {
  if ('error' in chunk) return { ...chunk, size: 0, lines: 0 };
  const bytes = ownBytes(chunk.bytes);
  const size = bytes.byteLength;
  const lines = countLines(bytes);
  try {
    return { source: chunk.source, size, lines, cleaned: await executor.run(bytes, [bytes.buffer as ArrayBuffer]) };
  } catch (error) {
    return { source: chunk.source, size, lines, error };
  }
}

function addTally(tally: RecordTally, cleaned: CleanedRecords): void {
  tally.changed += cleaned.changed;
  tally.unchanged += cleaned.unchanged;
  tally.missing += cleaned.missing;
  for (const [rule, count] of Object.entries(cleaned.removals)) tally.removals[rule] = (tally.removals[rule] ?? 0) + count;
}

function summary(tally: RecordTally, field: string, fate: string): string {
  const records = tally.changed + tally.unchanged + tally.bad;
  const rules = Object.entries(tally.removals).map(([rule, count]) => `${rule} ${count}`).join(', ');
  const missing = tally.missing > 0 ? ` (${tally.missing} without a string "${field}" member, passed through)` : '';
  const sources = tally.failedSources > 0 ? `, ${tally.failedSources} unreadable input${tally.failedSources === 1 ? '' : 's'}` : '';
  return `${records} record${records === 1 ? '' : 's'}: ${tally.changed} cleaned, ${tally.unchanged} unchanged${missing}, ${tally.bad} bad lines ${fate}${sources}${rules ? `; removed: ${rules}` : ''}`;
}
