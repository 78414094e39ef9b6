/**
 * JSON Lines records: cleaning the records of one chunk of whole lines (on a worker thread, or
 * inline for one job); `sources.ts` cuts the chunks.
 *
 * A record is written back byte for byte except for the cleaned field (and the removals key, when
 * asked for). A line that is not a JSON object (or whose text is not text, see `controlRule`) is
 * reported and, by `--bad-lines`, skipped (not written), kept (written byte for byte as it came)
 * or made to end the run; a record without the field as a string is written through unchanged;
 * blank lines are dropped, or kept as they came under `keep`, so that a map step writes one line
 * for each line it reads.
 */
import { clean, type CleanOptions } from '../index.js';
import { controlRule } from './decode.js';
import { messageOf } from './io.js';
import { objectLayout, setMembers } from './json-fields.js';
import { countByRule, describeRemovals, type CleanedSummary, type ReportedRemoval } from './report.js';

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
  /** Keep each record's removals (and, when it has any, its text) for the HTML report. */
  readonly collect?: boolean;
}

/** One record as the HTML report reads it; `line` counts from 0 within the chunk. */
interface RecordSummary extends CleanedSummary {
  readonly line: number;
}

/** A message about one line (not a record, or cleaned with a warning); `line` counts from 0 within the chunk. */
interface LineMessage {
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
  /** The lines to write, each ending in a newline: text, or bytes when a line kept as it came is not UTF-8. */
  readonly output: string | Uint8Array;
  readonly changed: number;
  readonly unchanged: number;
  /** Records written through because the field is missing or not a string. */
  readonly missing: number;
  readonly removals: Readonly<Record<string, number>>;
  readonly bad: readonly LineMessage[];
  /** Records cleaned with a warning (NULs removed from their text). */
  readonly warned: readonly LineMessage[];
  readonly explained: readonly RecordRemovals[];
  /** Each cleaned record, with `collect`. */
  readonly summaries: readonly RecordSummary[];
}

const NEWLINE = 0x0a;

/** Cleans the records of a chunk of whole lines. */
export function cleanRecords(bytes: Uint8Array, settings: RecordSettings): CleanedRecords {
  const output = new LineOutput();
  const bad: LineMessage[] = [];
  const warned: LineMessage[] = [];
  const explained: RecordRemovals[] = [];
  const summaries: RecordSummary[] = [];
  const removals: Record<string, number> = {};
  const keep = settings.badLines === 'keep' && !settings.check;
  let changed = 0;
  let unchanged = 0;
  let missing = 0;
  for (const [index, line] of decodeLines(bytes).entries()) {
    if (line.valid && line.text.trim() === '') {
      if (keep) output.asRead(line);
      continue;
    }
    const started = performance.now();
    const record: CleanedRecord = line.valid ? cleanRecord(line.text, settings) : { error: 'invalid UTF-8' };
    if ('error' in record) {
      bad.push({ line: index, message: record.error });
      if (settings.badLines === 'fail') break;
      if (keep) output.asRead(line);
      continue;
    }
    if ('warning' in record && record.warning !== undefined) warned.push({ line: index, message: record.warning });
    if (record.removals === undefined) {
      missing++;
      unchanged++;
    } else {
      if (record.changed) changed++;
      else unchanged++;
      for (const removal of record.removals) removals[removal.rule] = (removals[removal.rule] ?? 0) + 1;
      if (settings.explain && record.removals.length > 0) explained.push({ line: index, removals: record.removals });
      if (settings.collect) {
        const { text, changed, removals: found } = record;
        summaries.push({ line: index, length: text.length, changed, counts: countByRule(found), removals: found, input: found.length > 0 ? text : undefined, milliseconds: performance.now() - started });
      }
    }
    if (!settings.check) output.text(record.line);
  }
  return { output: output.done(), changed, unchanged, missing, removals, bad, warned, explained, summaries };
}

/**
 * The lines of a chunk to write: text, and the bytes of lines kept as they came that are not
 * UTF-8 (text would put U+FFFD in place of their bytes). Stays one string while no such line comes.
 */
class LineOutput {
  private readonly parts: Uint8Array[] = [];
  private pending: string[] = [];

  /** A line of text, and its newline. */
  text(line: string): void {
    this.pending.push(line, '\n');
  }

  /** A line byte for byte as it was read, its carriage return included. */
  asRead(line: DecodedLine): void {
    if (line.bytes === undefined) {
      this.pending.push(line.text, line.cr ? '\r\n' : '\n');
      return;
    }
    this.flush();
    this.parts.push(line.bytes, NEWLINE_BYTES);
  }

  done(): string | Uint8Array {
    if (this.parts.length === 0) return this.pending.join('');
    this.flush();
    return Buffer.concat(this.parts);
  }

  private flush(): void {
    if (this.pending.length > 0) this.parts.push(Buffer.from(this.pending.join('')));
    this.pending = [];
  }
}

const NEWLINE_BYTES = Uint8Array.of(NEWLINE);

/** A line read as a record: the text of its field (`undefined` when missing or not a string), or why it is not one. */
export type ParsedRecord = { readonly text: string | undefined } | { readonly error: string };

/**
 * Reads one line (not blank) as a JSON object and takes the string member `field`. A byte-order
 * mark before it (the first line of a file saved with one) is passed over.
 */
export function parseRecord(line: string, field: string): ParsedRecord {
  let record: unknown;
  try {
    record = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
  } catch (error) {
    return { error: `not JSON: ${messageOf(error)}` };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { error: 'not a JSON object' };
  const text: unknown = (record as Record<string, unknown>)[field];
  return { text: typeof text === 'string' ? text : undefined };
}

type CleanedRecord =
  | { readonly line: string; readonly changed: false; readonly removals: undefined }
  | { readonly line: string; readonly text: string; readonly changed: boolean; readonly removals: readonly ReportedRemoval[]; readonly warning?: string }
  | { readonly error: string };

function cleanRecord(line: string, settings: RecordSettings): CleanedRecord {
  const parsed = parseRecord(line, settings.field);
  if ('error' in parsed) return parsed;
  const text = parsed.text;
  if (text === undefined) return { line, changed: false, removals: undefined };
  const rule = recordText(text);
  if ('error' in rule) return rule;
  const result = clean(rule.text, settings.cleanOptions);
  const removals = describeRemovals(rule.text, result.removals);
  const cleaned = withEndingOf(rule.text, result.text);
  const changed = cleaned !== text;
  const values = new Map<string, string>();
  if (changed) values.set(settings.field, JSON.stringify(cleaned));
  if (settings.removalsKey !== undefined) {
    values.set(settings.removalsKey, JSON.stringify({ title: result.title ?? null, removals, counts: countByRule(removals) }));
  }
  // An untouched record is written as it came, so `--check`-clean data passes through byte for byte.
  return { line: values.size === 0 ? line : setMembers(line, objectLayout(line), values), text: rule.text, changed, removals, ...(rule.warning === undefined ? {} : { warning: rule.warning }) };
}

/**
 * The text of a record under the rule for control characters (`controlRule`), as a file's: its
 * NULs removed (with a warning), or why it is not text.
 */
export function recordText(text: string): { readonly text: string; readonly warning?: string } | { readonly error: string } {
  const rule = controlRule(text);
  if ('notText' in rule) return { error: `not text (${rule.notText} control characters)` };
  if (rule.nulsRemoved === 0) return { text };
  return { text: rule.text, warning: `${rule.nulsRemoved} NUL character${rule.nulsRemoved === 1 ? '' : 's'} removed` };
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
  /** The line ended in `\r\n`; `text` is without the `\r`. */
  readonly cr?: boolean;
  /** The bytes of a line that is not UTF-8, as read (its `\r` included), to be kept byte for byte. */
  readonly bytes?: Uint8Array;
}

/**
 * The lines of a chunk, decoded, without their `\r\n` or `\n`. A final newline ends the last
 * line rather than starting an empty one.
 */
export function decodeLines(bytes: Uint8Array): DecodedLine[] {
  const lines = decodeAll(bytes);
  if (lines.length > 0 && lines[lines.length - 1]!.text === '') lines.pop();
  return lines.map((line) => (line.text.endsWith('\r') ? { ...line, text: line.text.slice(0, -1), cr: true } : line));
}

/** The number of lines in a chunk, as {@link decodeLines} counts them. */
export function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? count + 1 : count;
}

/** A byte-order mark is kept as a character (U+FEFF), not dropped: a line kept as it came keeps it. */
function decodeAll(bytes: Uint8Array): DecodedLine[] {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).split('\n').map((text) => ({ text, valid: true }));
  } catch {
    // Rare: find the bad lines one by one so that only they are marked.
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    const lines: DecodedLine[] = [];
    for (let start = 0; start <= bytes.length; ) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end < 0) end = bytes.length;
      const line = bytes.subarray(start, end);
      try {
        lines.push({ text: strict.decode(line), valid: true });
      } catch {
        lines.push({ text: lenient.decode(line), valid: false, bytes: line });
      }
      start = end + 1;
    }
    return lines;
  }
}
