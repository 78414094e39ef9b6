/** What the command tells: `--explain` lines, `--json` records and the closing summary. */
import { Chalk, type ChalkInstance } from 'chalk';
import { locator, type CleanResult, type Removal, type Span } from '../index.js';

/** A removal as reported: offsets, 1-based line and column, and the removed text. */
export interface ReportedRemoval {
  readonly rule: string;
  readonly reason: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly related?: { readonly start: number; readonly end: number; readonly line: number; readonly column: number };
}

/** Adds locations and text to the removals of `input`. */
export function describeRemovals(input: string, removals: readonly Removal[]): ReportedRemoval[] {
  const locate = locator(input);
  const place = (span: Span) => ({ start: span.start, end: span.end, ...locate(span.start) });
  return removals.map((removal) => ({
    rule: removal.rule,
    reason: removal.reason,
    ...place(removal.span),
    text: input.slice(removal.span.start, removal.span.end),
    ...(removal.related ? { related: place(removal.related) } : {}),
  }));
}

/** What the HTML report reads of one cleaned text (a file, stdin, a JSONL record). */
export interface CleanedSummary {
  /** Characters (UTF-16 code units) of the input, as removal offsets count them. */
  readonly length: number;
  /** True when the cleaned text differs from the input text. */
  readonly changed: boolean;
  /** How many removals each rule made. */
  readonly counts: Readonly<Record<string, number>>;
  /** The removals, described (offsets into the input). */
  readonly removals: readonly ReportedRemoval[];
  /** The input, when asked for and there is something to show in context. */
  readonly input: string | undefined;
  /** The time cleaning took, in milliseconds. */
  readonly milliseconds: number;
}

/**
 * A file name as shown in a one-line message: as is, or JSON-quoted when it holds a newline or
 * another control character, which would otherwise break the line (or drive the terminal).
 */
export function shownName(name: string): string {
  if (!/[\u0000-\u001f\u007f-\u009f]/u.test(name)) return name;
  return JSON.stringify(name).replace(/[\u007f-\u009f]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Counts removals per rule. */
export function countByRule(removals: readonly { rule: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const removal of removals) counts[removal.rule] = (counts[removal.rule] ?? 0) + 1;
  return counts;
}

/**
 * The chalk to colour a stream with (stderr for `--explain`, stdout for `--diff`). `--color
 * always`/`never` (`--no-color`) decide; else, as chalk's supports-color reads the environment,
 * `FORCE_COLOR` forces (`1`, `true` or empty: on; `0` or `false`: off); else `NO_COLOR` (set and
 * not empty, no-color.org) turns colour off, as does `TERM=dumb`; else colour is on only on a
 * terminal. `FORCE_COLOR` wins over `NO_COLOR`, as in Node itself.
 */
export function colorsFor(when: 'auto' | 'always' | 'never', isTerminal: boolean, env: NodeJS.ProcessEnv): ChalkInstance {
  return new Chalk({ level: colorWanted(when, isTerminal, env) ? 1 : 0 });
}

function colorWanted(when: 'auto' | 'always' | 'never', isTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  if (when !== 'auto') return when === 'always';
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force === '' || force === 'true' || Number.parseInt(force, 10) > 0;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTerminal;
}

const SHOWN_CHARACTERS = 100;

/** One `--explain` line per removal: `name:line:col  rule  reason  "text"`. */
export function explainLines(name: string, removals: readonly ReportedRemoval[], color: ChalkInstance): string[] {
  return removals.map((removal) => {
    const shown = removal.text.length > SHOWN_CHARACTERS ? `${removal.text.slice(0, SHOWN_CHARACTERS)}…` : removal.text;
    const related = removal.related ? ` (see ${removal.related.line}:${removal.related.column})` : '';
    return `${color.dim(`${name}:${removal.line}:${removal.column}`)}  ${color.yellow(removal.rule)}  ${removal.reason}${related}  ${color.red(JSON.stringify(shown))}`;
  });
}

/** The `--json` record of one input. */
export function jsonRecord(name: string, result: Pick<CleanResult, 'text' | 'title'>, removals: readonly ReportedRemoval[]): string {
  return JSON.stringify({ input: name, title: result.title ?? null, text: result.text, removals, counts: countByRule(removals) });
}
