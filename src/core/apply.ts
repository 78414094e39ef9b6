/**
 * The one step that changes text: it deletes the accepted removals and normalises white space.
 * Removals are accepted in the order given (cleaner priority, as ESLint applies fixes); one that
 * overlaps an accepted removal is skipped, so every reported removal is exactly what was deleted.
 */
import type { Removal, Span } from './model.js';
import { hasUnspacedScript, isWhiteSpace, lineBreakLength, lineEndAt } from './text.js';

/**
 * Accepts removals in order, skipping any that overlap one already accepted or are empty.
 *
 * Each rule reports in text order, so the removals come as a few runs of rising starts: a run is
 * checked against what earlier runs accepted (by binary search) and against its own last
 * accepted removal, then merged in. Inserting each removal into one sorted list instead made
 * interleaved rules quadratic on a text with a million removals.
 */
export function acceptRemovals(removals: readonly Removal[]): Removal[] {
  let taken: Removal[] = [];
  let run: Removal[] = [];
  let runStart = -Infinity;
  for (const removal of removals) {
    const { start, end } = removal.span;
    if (end <= start) continue;
    if (start < runStart) {
      taken = mergeByStart(taken, run);
      run = [];
    }
    runStart = start;
    const at = firstEndingAfter(taken, start, spanOfRemoval);
    if (at < taken.length && taken[at]!.span.start < end) continue;
    const last = run[run.length - 1];
    if (last !== undefined && last.span.end > start) continue;
    run.push(removal);
  }
  return mergeByStart(taken, run);
}

/** Two lists of disjoint removals, each sorted by start, as one sorted list. */
function mergeByStart(a: readonly Removal[], b: readonly Removal[]): Removal[] {
  if (b.length === 0) return [...a];
  const merged: Removal[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.span.start <= b[j]!.span.start)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

/** Index of the first of `items` (sorted by span, disjoint) whose span ends after `offset`. */
export function firstEndingAfter<T>(items: readonly T[], offset: number, spanOf: (item: T) => Span): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spanOf(items[mid]!).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const spanOfRemoval = (removal: Removal): Span => removal.span;

/**
 * A test of spans asked in text order (ascending starts): true for one that lies wholly inside
 * `spans` (sorted, disjoint; a context's `claimed`), every character of it, so that any finding
 * within it overlaps them and is skipped.
 */
export function insideSpans(spans: readonly Span[]): (span: Span) => boolean {
  let at = 0;
  return ({ start, end }) => {
    while (at < spans.length && spans[at]!.end <= start) at++;
    // Spans that meet with no gap between them cover what they cover together.
    let reach = start;
    for (let k = at; k < spans.length && spans[k]!.start <= reach && reach < end; k++) reach = spans[k]!.end;
    return reach >= end;
  };
}

/**
 * Deletes `spans` (sorted, disjoint) from `text` and normalises white space: runs of spaces and
 * tabs become one space, lines are trimmed, a line emptied by a deletion disappears, paragraphs
 * are separated by exactly one blank line, and a non-empty result ends with one `eol`.
 */
export function deleteSpans(text: string, spans: readonly Span[], eol: string): string {
  if (spans.length === 0 && isNormalised(text, eol)) return text;
  const out: string[] = [];
  let next = 0;
  let pendingBlank = false;
  for (let lineStart = 0; ; ) {
    const lineEnd = lineEndAt(text, lineStart);
    while (next < spans.length && spans[next]!.end <= lineStart) next++;
    const kept = normaliseLine(keptText(text, lineStart, lineEnd, spans, next));
    if (kept !== '') {
      if (pendingBlank && out.length > 0) out.push('');
      out.push(kept);
      pendingBlank = false;
    } else if (text.slice(lineStart, lineEnd).trim() === '') {
      pendingBlank = true;
    }
    const breakLength = lineBreakLength(text, lineEnd);
    if (breakLength === 0) break;
    lineStart = lineEnd + breakLength;
  }
  if (out.length === 0) return '';
  // A text normalised before (every reading after the first, and the last reading deletes
  // nothing) comes out as it went in: then it is returned itself rather than joined again, a
  // second copy of the whole text held with it at the end of a clean (10 MB at 100k sentences).
  return joinsTo(text, out, eol) ? text : out.join(eol) + eol;
}

/**
 * True when `text` is what {@link deleteSpans} makes of it with nothing to delete: lines trimmed,
 * without a tab or a run of spaces, each ended by `eol`, one blank line at most between two and
 * none first or last. The last reading of every text deletes nothing from such a text: told in
 * one scan of its codes, without cutting out its lines.
 */
export function isNormalised(text: string, eol: string): boolean {
  let blankBefore = true;
  for (let lineStart = 0; ; ) {
    const lineEnd = lineEndAt(text, lineStart);
    const breakLength = lineBreakLength(text, lineEnd);
    if (breakLength === 0) return lineEnd === lineStart && (text.length === 0 || !blankBefore);
    if (breakLength !== eol.length || text.charCodeAt(lineEnd) !== eol.charCodeAt(0)) return false;
    if (lineEnd === lineStart) {
      if (blankBefore) return false;
      blankBefore = true;
    } else {
      if (!isNormalLine(text, lineStart, lineEnd)) return false;
      blankBefore = false;
    }
    lineStart = lineEnd + breakLength;
  }
}

/** True when {@link normaliseLine} leaves `text[start, end)` (not empty) as it is. */
function isNormalLine(text: string, start: number, end: number): boolean {
  if (isWhiteSpace(text.charCodeAt(start)) || isWhiteSpace(text.charCodeAt(end - 1))) return false;
  let spaceBefore = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09) return false;
    // A space, a form feed or a vertical tab: two in a row are a run (see SPACE_RUN).
    const space = code === 0x20 || code === 0x0b || code === 0x0c;
    if (space && spaceBefore) return false;
    spaceBefore = space;
  }
  return true;
}

/** True when `lines`, each followed by `eol`, spell `text` exactly; found without joining them. */
function joinsTo(text: string, lines: readonly string[], eol: string): boolean {
  let length = lines.length * eol.length;
  for (const line of lines) length += line.length;
  if (length !== text.length) return false;
  let at = 0;
  for (const line of lines) {
    if (!text.startsWith(line, at)) return false;
    at += line.length;
    if (!text.startsWith(eol, at)) return false;
    at += eol.length;
  }
  return true;
}

/** The characters of `text[lineStart, lineEnd)` outside the spans, starting from span `from`. */
function keptText(text: string, lineStart: number, lineEnd: number, spans: readonly Span[], from: number): string {
  let result = '';
  let cursor = lineStart;
  for (let i = from; i < spans.length && spans[i]!.start < lineEnd; i++) {
    const span = spans[i]!;
    if (span.start > cursor) result += text.slice(cursor, span.start) + gap(text, span.start, span.end);
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < lineEnd) result += text.slice(cursor, lineEnd);
  return result;
}

/**
 * What stands in for a deletion inside a line: a space when the text on both sides touches it,
 * so "end.Next" does not fuse into one word, except in scripts written without spaces ("文。次").
 */
function gap(text: string, start: number, end: number): string {
  // Characters that were never seen ("Tau\u00ADsende", a soft hyphen) held nothing apart.
  if (INVISIBLE_ONLY.test(text.slice(start, end))) return '';
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const touches = (char: string): boolean => !/\s/u.test(char) && !hasUnspacedScript(char) && !/[。！？、]/u.test(char);
  return touches(before) && touches(after) ? ' ' : '';
}

/** Format characters only (Unicode category Cf: the soft hyphen, zero-width marks), which take no room on the page. */
const INVISIBLE_ONLY = /^\p{Cf}+$/u;

/** A run of spaces or a tab: the only white space inside a line that normalising changes. */
const SPACE_RUN = /[ \t\f\v]{2,}|\t/;
const SPACE_RUNS = new RegExp(SPACE_RUN.source, 'g');

function normaliseLine(line: string): string {
  return line.replace(SPACE_RUNS, ' ').trim();
}

/**
 * True when normalising `text` would change white space inside a line; otherwise it only trims
 * lines, drops blank ones and evens out line endings.
 */
export function hasSpaceRuns(text: string): boolean {
  return SPACE_RUN.test(text);
}
