/**
 * Line counts for `corpus-boilerplate`: for each line key, the number of documents holding it.
 *
 * The file format is text, one key per line, sorted by key, under a header:
 *
 *     # clean-article line-counts 1 documents=1234
 *     00a3f1c2e4b5d6a7	17
 *
 * A merged file may be pruned (`merge-counts --min-docs N`, header ` pruned=N`) to ship only the
 * keys phase 2 can use; a pruned file can no longer be merged, nor used with a lower --min-docs.
 * Trailing white space on a line is allowed: Hadoop Streaming writes a tab after a line it reads
 * as a key without a value (the header of a count-lines mapper's output).
 * Sorted keys make merging a streaming k-way merge (flat memory, any number of shards), and let
 * phase 2 keep only the keys at or above `--min-docs` while reading. The version changes whenever
 * line keys would, so counts made by another version are refused rather than silently unused.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { documentLineKeys } from '../index.js';
import { decode } from './decode.js';
import { inputFiles } from './files.js';
import { recordSources, sourceChunks, type InputSpec } from './jsonl.js';
import type { CliOptions } from './options.js';
import { decodeLines, parseRecord } from './records.js';
import { messageOf, readStream, write } from './run.js';

const MAGIC = '# clean-article line-counts 1';
const HEADER = new RegExp(`^${MAGIC} documents=(\\d+)(?: pruned=(\\d+))?\\s*$`, 'u');
const ENTRY = /^([0-9a-f]{16})\t(\d+)\s*$/u;

/** Entries written per call to the stream: fewer, larger writes. */
const WRITE_BATCH = 4096;

/** Counts, per line key, the documents holding it (phase 1). */
export class LineCounter {
  private documentCount = 0;
  private readonly counts = new Map<string, number>();

  /** Counts the lines of one document. */
  add(text: string): void {
    this.documentCount++;
    for (const key of documentLineKeys(text)) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The documents counted. */
  get documents(): number {
    return this.documentCount;
  }

  /** The keys found in at least `minDocs` documents, with their counts. */
  boilerplate(minDocs: number): Map<string, number> {
    return new Map([...this.counts].filter(([, count]) => count >= minDocs));
  }

  /** Writes the counts file to `out`, keys sorted. */
  async writeTo(out: Writable): Promise<void> {
    await writeEntries(out, this.documentCount, [...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

async function writeEntries(out: Writable, documents: number, entries: Iterable<readonly [string, number]> | AsyncIterable<readonly [string, number]>, pruned?: number): Promise<void> {
  await write(out, `${MAGIC} documents=${documents}${pruned === undefined ? '' : ` pruned=${pruned}`}\n`);
  let batch: string[] = [];
  for await (const [key, count] of entries) {
    batch.push(`${key}\t${count}\n`);
    if (batch.length >= WRITE_BATCH) {
      await write(out, batch.join(''));
      batch = [];
    }
  }
  if (batch.length > 0) await write(out, batch.join(''));
}

/** One counts file, read entry by entry. */
interface CountsReader {
  readonly documents: number;
  /** The `--min-docs` the file was pruned at, if it was. */
  readonly pruned: number | undefined;
  readonly entries: AsyncGenerator<readonly [string, number]>;
}

/** Opens a counts file: checks its header, then yields its entries, checking they are sorted. */
async function openCounts(file: string): Promise<CountsReader> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    throw new Error(`${file}: ${messageOf(error)}`, { cause: error });
  }
  const header = first.done ? undefined : HEADER.exec(first.value);
  if (!header) throw new Error(`${file}: not a line counts file of this version (made by count-lines or merge-counts)`);
  async function* entries(): AsyncGenerator<readonly [string, number]> {
    let previous = '';
    let number = 1;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      number++;
      const entry = ENTRY.exec(next.value);
      if (!entry) throw new Error(`${file}:${number}: not a "key<TAB>count" line`);
      const key = entry[1]!;
      if (key <= previous) throw new Error(`${file}:${number}: keys out of order (the file was changed after it was written)`);
      previous = key;
      yield [key, Number(entry[2])];
    }
  }
  return { documents: Number(header[1]), pruned: header[2] === undefined ? undefined : Number(header[2]), entries: entries() };
}

/** Reads a counts file, keeping the keys found in at least `minDocs` documents (phase 2). */
async function readBoilerplate(file: string, minDocs: number): Promise<Map<string, number>> {
  const counts = await openCounts(file);
  if (counts.pruned !== undefined && minDocs < counts.pruned) {
    throw new Error(`${file} keeps only lines in ${counts.pruned} or more documents; --min-docs ${minDocs} needs the unpruned counts`);
  }
  const keep = new Map<string, number>();
  for await (const [key, count] of counts.entries) if (count >= minDocs) keep.set(key, count);
  return keep;
}

/**
 * Merges counts files into one, summing counts and documents: a k-way merge of sorted files, so
 * memory does not grow with their size. Merging is associative, so shards can be merged in any
 * grouping and order and give the same file. With `minDocs`, only keys found in that many
 * documents are written (a smaller file to ship to every machine of phase 2).
 */
export async function mergeCounts(files: readonly string[], out: Writable, minDocs?: number): Promise<void> {
  const readers = await Promise.all(files.map(openCounts));
  const pruned = files.find((_, i) => readers[i]!.pruned !== undefined);
  if (pruned !== undefined) throw new Error(`${pruned} was pruned with --min-docs and cannot be merged; merge the unpruned counts`);
  const documents = readers.reduce((sum, reader) => sum + reader.documents, 0);
  const merged = mergeEntries(readers.map((reader) => reader.entries));
  await writeEntries(out, documents, minDocs === undefined ? merged : atLeast(merged, minDocs), minDocs);
}

async function* atLeast(entries: AsyncIterable<readonly [string, number]>, minDocs: number): AsyncGenerator<readonly [string, number]> {
  for await (const entry of entries) if (entry[1] >= minDocs) yield entry;
}

async function* mergeEntries(sources: readonly AsyncGenerator<readonly [string, number]>[]): AsyncGenerator<readonly [string, number]> {
  const heads = await Promise.all(sources.map((source) => source.next()));
  for (;;) {
    let smallest: string | undefined;
    for (const head of heads) if (!head.done && (smallest === undefined || head.value[0] < smallest)) smallest = head.value[0];
    if (smallest === undefined) return;
    let sum = 0;
    for (const [i, head] of heads.entries()) {
      if (head.done || head.value[0] !== smallest) continue;
      sum += head.value[1];
      heads[i] = await sources[i]!.next();
    }
    yield [smallest, sum];
  }
}

/** What counting tells the caller about inputs it could not count. */
export interface CountHooks {
  readonly onError: (name: string, error: unknown) => void;
  readonly onWarning?: (name: string, message: string) => void;
}

/** What is counted: the inputs, and for JSONL the member holding the text. */
export type CountSpec = InputSpec & Pick<CliOptions, 'jsonl' | 'field' | 'outDir'>;

/**
 * Counts the lines of every input of `options` (files and folders, or stdin; text files, or the
 * `--field` of JSONL records). Inputs that cannot be read are passed to `hooks` and skipped.
 */
export async function countInputs(options: CountSpec, stdin: NodeJS.ReadableStream, hooks: CountHooks): Promise<LineCounter> {
  const counter = new LineCounter();
  if (options.jsonl) {
    for await (const chunk of sourceChunks(recordSources(options, stdin, hooks.onError))) {
      if ('error' in chunk) hooks.onError(chunk.source, chunk.error);
      else countRecords(counter, chunk.bytes, options.field);
    }
    return counter;
  }
  if (options.paths.length === 0 || (options.paths.length === 1 && options.paths[0] === '-')) {
    counter.add(decode(await readStream(stdin)).text);
    return counter;
  }
  const walk = inputFiles(options.paths, { extensions: options.extensions, exclude: options.outDir, onError: hooks.onError, onWarning: hooks.onWarning });
  for await (const file of walk) {
    try {
      counter.add(decode(await fs.readFile(file.path)).text);
    } catch (error) {
      hooks.onError(file.path, error);
    }
  }
  return counter;
}

/** Bad lines are skipped here without a word: phase 2 reads the same lines and reports them. */
function countRecords(counter: LineCounter, bytes: Uint8Array, field: string): void {
  for (const line of decodeLines(bytes)) {
    if (!line.valid || line.text.trim() === '') continue;
    const record = parseRecord(line.text, field);
    if (!('error' in record) && record.text !== undefined) counter.add(record.text);
  }
}

/**
 * The corpus boilerplate a cleaning run uses: the keys of `--line-counts` at or above `--min-docs`,
 * or, with `--corpus-boilerplate`, of the run's own inputs counted first (read errors are left to
 * the cleaning pass, which reports them); `undefined` when neither is asked for.
 */
export async function corpusBoilerplateOf(options: CliOptions, stdin: NodeJS.ReadableStream): Promise<Map<string, number> | undefined> {
  if (options.lineCounts !== undefined) return readBoilerplate(options.lineCounts, options.minDocs);
  if (!options.corpusBoilerplate) return undefined;
  const counter = await countInputs(options, stdin, { onError: () => undefined });
  return counter.boilerplate(options.minDocs);
}
