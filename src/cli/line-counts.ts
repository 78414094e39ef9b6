/**
 * Phase 1 of `corpus-boilerplate`: counting, per line key, the documents holding it, over files,
 * folders, stdin or JSONL records. The counts file is `counts-file.ts`'s.
 */
import { promises as fs } from 'node:fs';
import type { Writable } from 'node:stream';
import { documentLineKeys } from '../index.js';
import { writeTable } from './counts-file.js';
import { decode } from './decode.js';
import { isStdin, readStream } from './io.js';
import { KeyCounter, parseKey, type SortedKeyCounts } from './key-table.js';
import { decodeLines, parseRecord, recordText } from './records.js';
import { inputFiles, recordSources, sourceChunks, walkFilter, type InputSpec } from './sources.js';

/** Counts, per line key, the documents holding it (phase 1), in typed arrays: any number of keys that fits in memory. */
export class LineCounter {
  private documentCount = 0;
  private readonly counts = new KeyCounter();

  /** Counts the lines of one document. */
  add(text: string): void {
    this.documentCount++;
    for (const key of documentLineKeys(text)) {
      const halves = parseKey(key);
      if (halves !== undefined) this.counts.add(halves[0], halves[1]);
    }
  }

  /** The documents counted. */
  get documents(): number {
    return this.documentCount;
  }

  /** The keys found in at least `minDocs` documents, with their counts. */
  boilerplate(minDocs: number): SortedKeyCounts {
    return this.counts.sorted(minDocs);
  }

  /** Writes the counts file to `out`, keys sorted. */
  async writeTo(out: Writable): Promise<void> {
    await writeTable(out, this.documentCount, this.counts.sorted());
  }
}

/** What counting tells the caller about inputs it could not count. */
export interface CountHooks {
  readonly onError: (name: string, error: unknown) => void;
  readonly onWarning?: (name: string, message: string) => void;
  /** A JSONL line that is not a record (`line` counts from 1 in its source); not counted. Without it, bad lines pass unsaid. */
  readonly onBadLine?: (source: string, line: number, message: string) => void;
}

/** What is counted: the inputs, and for JSONL the member holding the text. */
export interface CountSpec extends InputSpec {
  /** The inputs are JSON Lines; each record's `field` is a document. */
  readonly jsonl: boolean;
  readonly field: string;
  /** A folder never to read from (the output folder of a cleaning run). */
  readonly outDir: string | undefined;
}

/**
 * Counts the lines of every input of `options` (files and folders, or stdin; text files, or the
 * `--field` of JSONL records). Inputs that cannot be read are passed to `hooks` and skipped.
 */
export async function countInputs(options: CountSpec, stdin: NodeJS.ReadableStream, hooks: CountHooks): Promise<LineCounter> {
  const counter = new LineCounter();
  if (options.jsonl) {
    let source = '';
    let base = 0;
    for await (const chunk of sourceChunks(recordSources(options, stdin, hooks.onError))) {
      if ('error' in chunk) {
        hooks.onError(chunk.source, chunk.error);
        continue;
      }
      if (chunk.source !== source) [source, base] = [chunk.source, 0];
      const start = base;
      base += countRecords(counter, chunk.bytes, options.field, (line, message) => hooks.onBadLine?.(chunk.source, start + line + 1, message));
    }
    return counter;
  }
  if (isStdin(options.paths)) {
    counter.add(decode(await readStream(stdin)).text);
    return counter;
  }
  const walk = inputFiles(options.paths, { ...walkFilter(options), exclude: options.outDir, onError: hooks.onError, onWarning: hooks.onWarning });
  for await (const file of walk) {
    try {
      counter.add(decode(await fs.readFile(file.path)).text);
    } catch (error) {
      hooks.onError(file.path, error);
    }
  }
  return counter;
}

/** Counts the records of a chunk, telling `bad` of each line that is not one (index in the chunk); returns the chunk's lines. */
function countRecords(counter: LineCounter, bytes: Uint8Array, field: string, bad: (line: number, message: string) => void): number {
  const lines = decodeLines(bytes);
  for (const [index, line] of lines.entries()) {
    if (!line.valid) {
      bad(index, 'invalid UTF-8');
      continue;
    }
    if (line.text.trim() === '') continue;
    const record = parseRecord(line.text, field);
    if ('error' in record) {
      bad(index, record.error);
      continue;
    }
    if (record.text === undefined) continue;
    // The text as phase 2 cleans it: NULs removed, and not counted (but told) when it is not text.
    const text = recordText(record.text);
    if ('error' in text) bad(index, text.error);
    else counter.add(text.text);
  }
  return lines.length;
}
