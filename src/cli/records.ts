/**
 * JSON Lines records: splitting a byte stream into chunks of whole lines (on the main thread),
 * and cleaning the records of one chunk (on a worker thread, or inline for one job).
 *
 * A record is written back byte for byte except for the cleaned field (and the removals key, when
 * asked for). A line that is not a JSON object is reported and, by `--bad-lines`, skipped (not
 * written), kept (written as it came) or made to end the run; a record without the field as a
 * string is written through unchanged; blank lines are dropped.
 */
import { clean, type CleanOptions } from '../index.js';
import { objectLayout, setMembers } from './json-fields.js';
import { countByRule, describeRemovals, type ReportedRemoval } from './report.js';
import { messageOf } from './run.js';

/** What becomes of a line that is not a record: see {@link RecordSettings.badLines}. */
export type BadLineAction = 'skip' | 'keep' | 'fail';

/** How records are cleaned; the same for every chunk of a run. */
export interface RecordSettings {
  /** The member holding the text to clean. */
  readonly field: string;
  /** The member to put `{title, removals, counts}` under, if any. */
  readonly removalsKey: string | undefined;
  /** Keep the removals of each record for `--explain`. */
  readonly explain: boolean;
  /** Write nothing (`--check`). */
  readonly check: boolean;
  /**
   * A bad line is left out (`skip`), written as it came (`keep`: a map step that must pass every
   * line on), or ends the chunk there (`fail`: nothing after it is cleaned or written).
   */
  readonly badLines: BadLineAction;
  readonly cleanOptions: CleanOptions;
}

/** A line that could not be read as a record; `line` counts from 0 within the chunk. */
interface BadLine {
  readonly line: number;
  readonly message: string;
}

/** The removals of one record, for `--explain`. */
interface RecordRemovals {
  readonly line: number;
  readonly removals: readonly ReportedRemoval[];
}

/** A chunk of records, cleaned. */
export interface CleanedRecords {
  /** The records to write, each ending in a newline. */
  readonly output: string;
  readonly changed: number;
  readonly unchanged: number;
  /** Records written through because the field is missing or not a string. */
  readonly missing: number;
  readonly removals: Readonly<Record<string, number>>;
  readonly bad: readonly BadLine[];
  readonly explained: readonly RecordRemovals[];
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into chunks of whole lines of about `target` bytes: a chunk ends at the
 * last newline of the read that reached the target. Memory is bounded by the chunk (or by the
 * longest line, which must be held whole to be parsed).
 */
export async function* lineChunks(stream: AsyncIterable<Buffer | string>, target: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const read of stream) {
    const bytes = typeof read === 'string' ? Buffer.from(read) : read;
    const cut = size + bytes.length >= target ? bytes.lastIndexOf(NEWLINE) : -1;
    if (cut < 0) {
      parts.push(bytes);
      size += bytes.length;
      continue;
    }
    parts.push(bytes.subarray(0, cut + 1));
    yield Buffer.concat(parts);
    const rest = bytes.subarray(cut + 1);
    parts = rest.length > 0 ? [rest] : [];
    size = rest.length;
  }
  if (size > 0) yield Buffer.concat(parts);
}

/** Cleans the records of a chunk of whole lines. */
export function cleanRecords(bytes: Uint8Array, settings: RecordSettings): CleanedRecords {
  const output: string[] = [];
  const bad: BadLine[] = [];
  const explained: RecordRemovals[] = [];
  const removals: Record<string, number> = {};
  let changed = 0;
  let unchanged = 0;
  let missing = 0;
  for (const [index, { text: line, valid }] of decodeLines(bytes).entries()) {
    if (valid && line.trim() === '') continue;
    const record: CleanedRecord = valid ? cleanRecord(line, settings) : { error: 'invalid UTF-8' };
    if ('error' in record) {
      bad.push({ line: index, message: record.error });
      if (settings.badLines === 'fail') break;
      if (settings.badLines === 'keep' && !settings.check) output.push(line, '\n');
      continue;
    }
    if (record.removals === undefined) {
      missing++;
      unchanged++;
    } else {
      if (record.changed) changed++;
      else unchanged++;
      for (const removal of record.removals) removals[removal.rule] = (removals[removal.rule] ?? 0) + 1;
      if (settings.explain && record.removals.length > 0) explained.push({ line: index, removals: record.removals });
    }
    if (!settings.check) output.push(record.line, '\n');
  }
  return { output: output.join(''), changed, unchanged, missing, removals, bad, explained };
}

/** A line read as a record: the text of its field (`undefined` when missing or not a string), or why it is not one. */
export type ParsedRecord = { readonly text: string | undefined } | { readonly error: string };

/** Reads one line (not blank) as a JSON object and takes the string member `field`. */
export function parseRecord(line: string, field: string): ParsedRecord {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON: ${messageOf(error)}` };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { error: 'not a JSON object' };
  const text: unknown = (record as Record<string, unknown>)[field];
  return { text: typeof text === 'string' ? text : undefined };
}

type CleanedRecord = { readonly line: string; readonly changed: boolean; readonly removals: readonly ReportedRemoval[] | undefined } | { readonly error: string };

function cleanRecord(line: string, settings: RecordSettings): CleanedRecord {
  const parsed = parseRecord(line, settings.field);
  if ('error' in parsed) return parsed;
  const text = parsed.text;
  if (text === undefined) return { line, changed: false, removals: undefined };
  const result = clean(text, settings.cleanOptions);
  const removals = describeRemovals(text, result.removals);
  const cleaned = withEndingOf(text, result.text);
  const changed = cleaned !== text;
  const values = new Map<string, string>();
  if (changed) values.set(settings.field, JSON.stringify(cleaned));
  if (settings.removalsKey !== undefined) {
    values.set(settings.removalsKey, JSON.stringify({ title: result.title ?? null, removals, counts: countByRule(removals) }));
  }
  // An untouched record is written as it came, so `--check`-clean data passes through byte for byte.
  return { line: values.size === 0 ? line : setMembers(line, objectLayout(line), values), changed, removals };
}

const FINAL_LINE_BREAK = /(?:\r\n|\r|\n)$/u;

/**
 * The cleaned text, ending as the record's text ended. A file gets a final newline, but the text
 * of a record rarely has one, and adding it would change every record ("cleaned" with nothing
 * removed, `--check` failing on clean data).
 */
export function withEndingOf(original: string, cleaned: string): string {
  return FINAL_LINE_BREAK.test(original) ? cleaned : cleaned.replace(FINAL_LINE_BREAK, '');
}

/** A line of a chunk, decoded; `valid` is false when it was not UTF-8 (bad bytes replaced by U+FFFD). */
export interface DecodedLine {
  readonly text: string;
  readonly valid: boolean;
}

/**
 * The lines of a chunk, decoded, without their `\r\n` or `\n`. A final newline ends the last
 * line rather than starting an empty one.
 */
export function decodeLines(bytes: Uint8Array): DecodedLine[] {
  const lines = decodeAll(bytes);
  if (lines.length > 0 && lines[lines.length - 1]!.text === '') lines.pop();
  return lines.map((line) => (line.text.endsWith('\r') ? { ...line, text: line.text.slice(0, -1) } : line));
}

/** The number of lines in a chunk, as {@link decodeLines} counts them. */
export function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? count + 1 : count;
}

function decodeAll(bytes: Uint8Array): DecodedLine[] {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).split('\n').map((text) => ({ text, valid: true }));
  } catch {
    // Rare: find the bad lines one by one so that only they are marked.
    const strict = new TextDecoder('utf-8', { fatal: true });
    const lenient = new TextDecoder('utf-8');
    const lines: DecodedLine[] = [];
    for (let start = 0; start <= bytes.length; ) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end < 0) end = bytes.length;
      const line = bytes.subarray(start, end);
      try {
        lines.push({ text: strict.decode(line), valid: true });
      } catch {
        lines.push({ text: lenient.decode(line), valid: false });
      }
      start = end + 1;
    }
    return lines;
  }
}
