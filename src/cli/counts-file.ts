/**
 * The line counts file of `corpus-boilerplate`: for each line key, the number of documents holding
 * it. Text, one key per line, sorted by key, between a header and an end line:
 *
 *     # clean-article line-counts 2 documents=1234
 *     00a3f1c2e4b5d6a7	17
 *     ...
 *     # end keys=5678
 *
 * The end line, with the number of keys above it, is what tells a whole file from one cut short: a
 * file truncated at a line boundary, or the partial output of a `merge-counts` that failed, has
 * none (or the wrong count) and is refused. (Version 1 had no end line; its files are refused with
 * the message to count again.) Counts are whole numbers up to 2^53 - 1; sums past that saturate
 * there, so a file is never written in a form its reader refuses.
 *
 * A merged file may be pruned (`merge-counts --min-docs N`, header ` pruned=N`) to ship only the
 * keys phase 2 can use; a pruned file can no longer be merged, nor used with a lower --min-docs.
 * Trailing white space on a line is allowed: Hadoop Streaming writes a tab after a line it reads
 * as a key without a value (the header of a count-lines mapper's output). Sorted keys make merging
 * a streaming k-way merge (flat memory, any number of shards), and let phase 2 keep only the keys
 * at or above `--min-docs` while reading. The version changes whenever line keys would, so counts
 * made by another version are refused rather than silently unused.
 *
 * Files are read in blocks and parsed byte by byte into typed arrays (see `key-table.ts`): a file of
 * any number of keys loads if its kept keys fit in memory, at 16 bytes a key.
 */
import { promises as fs } from 'node:fs';
import type { Writable } from 'node:stream';
import { messageOf, writeOut } from './io.js';
import { formatKey, keyAfter, MAX_COUNT, SortedKeyCountsBuilder, type Entries, type SortedKeyCounts } from './key-table.js';

const VERSION = 2;
const MAGIC = '# clean-article line-counts';
const HEADER = new RegExp(`^${MAGIC} ${VERSION} documents=(\\d+)(?: pruned=(\\d+))?$`, 'u');
const END = /^# end keys=(\d+)$/u;

/** Bytes read from a counts file at a time. */
const BLOCK = 1 << 20;

/** Entries written per call to the stream: fewer, larger writes. */
const WRITE_BATCH = 4096;

/** Writes a counts file to `out`: the header, `entries` (keys ascending), the end line. */
async function writeCounts(out: Writable, documents: number, entries: Iterable<Entries> | AsyncIterable<Entries>, pruned?: number): Promise<void> {
  await writeOut(out, `${MAGIC} ${VERSION} documents=${Math.min(documents, MAX_COUNT)}${pruned === undefined ? '' : ` pruned=${pruned}`}\n`);
  let keys = 0;
  let batch: string[] = [];
  for await (const run of entries) {
    for (let i = 0; i < run.length; i++) {
      batch.push(`${formatKey(run.hi[i]!, run.lo[i]!)}\t${run.counts[i]!}\n`);
      if (batch.length >= WRITE_BATCH) {
        await writeOut(out, batch.join(''));
        batch = [];
      }
    }
    keys += run.length;
  }
  batch.push(`# end keys=${keys}\n`);
  await writeOut(out, batch.join(''));
}

/** Writes `table` as a counts file (see {@link writeCounts}). */
export async function writeTable(out: Writable, documents: number, table: SortedKeyCounts): Promise<void> {
  await writeCounts(out, documents, table.runs(WRITE_BATCH));
}

/** A counts file being read: its header, then its entries run by run, checked. */
class CountsReader {
  private constructor(
    private readonly file: string,
    private readonly handle: fs.FileHandle,
    readonly documents: number,
    /** The `--min-docs` the file was pruned at, if it was. */
    readonly pruned: number | undefined,
    private readonly parser: EntryParser,
  ) {}

  /** Opens a counts file and checks its header. */
  static async open(file: string): Promise<CountsReader> {
    const handle = await fs.open(file, 'r').catch((error: unknown) => {
      throw new Error(`${file}: ${messageOf(error)}`);
    });
    try {
      const parser = new EntryParser(file);
      const header = await parser.header(handle);
      return new CountsReader(file, handle, header.documents, header.pruned, parser);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The next run of entries, or undefined once the end line has been read and checked. */
  async next(): Promise<Entries | undefined> {
    const run = await this.parser.next(this.handle).catch(async (error: unknown) => {
      await this.handle.close();
      throw error instanceof CountsError ? error : new Error(`${this.file}: ${messageOf(error)}`);
    });
    if (run === undefined) await this.handle.close();
    return run;
  }
}

/** A counts file that is not one, or not whole; the message names the file (and the line). */
class CountsError extends Error {
  override readonly name = 'CountsError';
}

/** Parses a counts file from its bytes, block by block. */
class EntryParser {
  private buffer = Buffer.alloc(0);
  private at = 0;
  private eof = false;
  private line = 0;
  private keys = 0;
  private ended = false;
  private previousHi = -1;
  private previousLo = -1;
  private readonly hi = new Uint32Array(WRITE_BATCH * 4);
  private readonly lo = new Uint32Array(WRITE_BATCH * 4);
  private readonly counts = new Float64Array(WRITE_BATCH * 4);

  constructor(private readonly file: string) {}

  async header(handle: fs.FileHandle): Promise<{ documents: number; pruned: number | undefined }> {
    const first = await this.nextLine(handle);
    const text = first === undefined ? '' : first.toString('utf8');
    const header = HEADER.exec(text);
    if (!header) {
      const older = text.startsWith(`${MAGIC} `) ? `: it was made by another version (${text.slice(MAGIC.length + 1).split(' ')[0]}); count the lines again` : ' (made by count-lines or merge-counts)';
      throw new CountsError(`${this.file}: not a line counts file of this version${older}`);
    }
    return { documents: this.number(header[1]!), pruned: header[2] === undefined ? undefined : this.number(header[2]) };
  }

  /** Up to a run of entries; undefined at the end of the file, once its end line is checked. */
  async next(handle: fs.FileHandle): Promise<Entries | undefined> {
    let length = 0;
    while (length < this.counts.length) {
      const line = await this.nextLine(handle);
      if (line === undefined) break;
      if (this.ended) throw this.error('a line after the end line');
      if (line[0] === 0x23 /* # */) {
        this.end(line.toString('utf8'));
        continue;
      }
      if (line.length < 18 || line[16] !== 0x09) throw this.error('not a "key<TAB>count" line');
      const hi = hexWord(line, 0);
      const lo = hexWord(line, 8);
      if (hi < 0 || lo < 0) throw this.error('not a "key<TAB>count" line');
      if (!keyAfter(hi, lo, this.previousHi, this.previousLo)) throw this.error('keys out of order (the file was changed after it was written)');
      [this.previousHi, this.previousLo] = [hi, lo];
      this.hi[length] = hi;
      this.lo[length] = lo;
      this.counts[length++] = this.count(line, 17);
      this.keys++;
    }
    if (length > 0) return { hi: this.hi, lo: this.lo, counts: this.counts, length };
    if (!this.ended) throw new CountsError(`${this.file}: ends without its end line ("# end keys=N"): cut short, or the output of a run that failed; make it again`);
    return undefined;
  }

  private end(text: string): void {
    const end = END.exec(text);
    if (!end) throw this.error('not a "key<TAB>count" line');
    if (this.number(end[1]!) !== this.keys) throw this.error(`the end line counts ${end[1]} keys, the file holds ${this.keys}: it was cut or changed`);
    this.ended = true;
  }

  /** The next line without its line break and trailing white space; undefined at the end of the file. */
  private async nextLine(handle: fs.FileHandle): Promise<Buffer | undefined> {
    for (;;) {
      const newline = this.buffer.indexOf(0x0a, this.at);
      if (newline !== -1 || (this.eof && this.at < this.buffer.length)) {
        const end = newline === -1 ? this.buffer.length : newline;
        const line = trimEnd(this.buffer.subarray(this.at, end));
        this.at = end + 1;
        this.line++;
        return line;
      }
      if (this.eof) return undefined;
      await this.fill(handle);
    }
  }

  private async fill(handle: fs.FileHandle): Promise<void> {
    const rest = this.buffer.subarray(this.at);
    const block = Buffer.allocUnsafe(rest.length + BLOCK);
    rest.copy(block);
    const { bytesRead } = await handle.read(block, rest.length, BLOCK);
    if (bytesRead === 0) this.eof = true;
    this.buffer = block.subarray(0, rest.length + bytesRead);
    this.at = 0;
  }

  /** The count written from `from` to the end of `line`: digits, at most 2^53 - 1. */
  private count(line: Buffer, from: number): number {
    if (from >= line.length) throw this.error('not a "key<TAB>count" line');
    let value = 0;
    for (let i = from; i < line.length; i++) {
      const digit = line[i]! - 0x30;
      if (digit < 0 || digit > 9) throw this.error('not a "key<TAB>count" line');
      value = value * 10 + digit;
      if (value > MAX_COUNT) throw this.error(`a count past ${MAX_COUNT} (2^53 - 1), the most a counts file holds`);
    }
    return value;
  }

  private number(digits: string): number {
    const value = Number(digits);
    if (!(value <= MAX_COUNT)) throw this.error(`a number past ${MAX_COUNT} (2^53 - 1), the most a counts file holds`);
    return value;
  }

  private error(what: string): CountsError {
    return new CountsError(`${this.file}:${this.line}: ${what}`);
  }
}

/** The value of 8 lower-case hex digits of `bytes` from `at`, or -1. */
function hexWord(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = at; i < at + 8; i++) {
    const byte = bytes[i]!;
    const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function trimEnd(line: Buffer): Buffer {
  let end = line.length;
  while (end > 0 && (line[end - 1] === 0x20 || line[end - 1] === 0x09 || line[end - 1] === 0x0d)) end--;
  return line.subarray(0, end);
}

/**
 * Reads a counts file, keeping the keys found in at least `minDocs` documents (phase 2), as a
 * table in shared memory for the worker threads. Any failure names the file.
 */
export async function readBoilerplate(file: string, minDocs: number): Promise<SortedKeyCounts> {
  const reader = await CountsReader.open(file);
  if (reader.pruned !== undefined && minDocs < reader.pruned) {
    throw new Error(`${file} keeps only lines in ${reader.pruned} or more documents; --min-docs ${minDocs} needs the unpruned counts`);
  }
  const kept = new SortedKeyCountsBuilder();
  try {
    for (let run = await reader.next(); run !== undefined; run = await reader.next()) {
      for (let i = 0; i < run.length; i++) if (run.counts[i]! >= minDocs) kept.push(run.hi[i]!, run.lo[i]!, run.counts[i]!);
    }
    return kept.done();
  } catch (error) {
    // Out of memory ("Array buffer allocation failed") says nothing of which file.
    throw error instanceof CountsError ? error : new Error(`${file}: cannot load the counts: ${messageOf(error)}`);
  }
}

/**
 * Merges counts files into one, summing counts and documents (saturating at 2^53 - 1): a k-way
 * merge of sorted files, so memory does not grow with their size. Merging is associative, so
 * shards can be merged in any grouping and order and give the same file. With `minDocs`, only keys
 * found in that many documents are written (a smaller file to ship to every machine of phase 2).
 * A file that is not whole fails the merge before the merged file's end line is written, so its
 * partial output is refused in turn.
 */
export async function mergeCounts(files: readonly string[], out: Writable, minDocs?: number): Promise<void> {
  const readers = await Promise.all(files.map((file) => CountsReader.open(file)));
  const pruned = files.find((_, i) => readers[i]!.pruned !== undefined);
  if (pruned !== undefined) throw new Error(`${pruned} was pruned with --min-docs and cannot be merged; merge the unpruned counts`);
  const documents = readers.reduce((sum, reader) => Math.min(sum + reader.documents, MAX_COUNT), 0);
  await writeCounts(out, documents, mergeRuns(readers, minDocs ?? 1), minDocs);
}

/** The merged entries of `readers` whose sums reach `least`, as runs. */
async function* mergeRuns(readers: readonly CountsReader[], least: number): AsyncGenerator<Entries> {
  const heads = await Promise.all(readers.map((reader) => reader.next()));
  const at = readers.map(() => 0);
  const hi = new Uint32Array(WRITE_BATCH);
  const lo = new Uint32Array(WRITE_BATCH);
  const counts = new Float64Array(WRITE_BATCH);
  let length = 0;
  for (;;) {
    let smallest = -1;
    for (let r = 0; r < heads.length; r++) {
      const head = heads[r];
      if (head === undefined) continue;
      if (smallest === -1 || keyAfter(heads[smallest]!.hi[at[smallest]!]!, heads[smallest]!.lo[at[smallest]!]!, head.hi[at[r]!]!, head.lo[at[r]!]!)) smallest = r;
    }
    if (smallest === -1) break;
    const keyHi = heads[smallest]!.hi[at[smallest]!]!;
    const keyLo = heads[smallest]!.lo[at[smallest]!]!;
    let sum = 0;
    for (let r = 0; r < heads.length; r++) {
      const head = heads[r];
      if (head === undefined || head.hi[at[r]!] !== keyHi || head.lo[at[r]!] !== keyLo) continue;
      sum = Math.min(sum + head.counts[at[r]!]!, MAX_COUNT);
      if (++at[r]! === head.length) {
        heads[r] = await readers[r]!.next();
        at[r] = 0;
      }
    }
    if (sum < least) continue;
    hi[length] = keyHi;
    lo[length] = keyLo;
    counts[length++] = sum;
    if (length === WRITE_BATCH) {
      yield { hi, lo, counts, length };
      length = 0;
    }
  }
  if (length > 0) yield { hi, lo, counts, length };
}
