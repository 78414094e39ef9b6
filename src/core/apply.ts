/**
 * The one step that changes text: it deletes the accepted removals and normalises white space.
 * Removals are accepted in the order given (cleaner priority, as ESLint applies fixes); one that
 * overlaps an accepted removal is skipped, so every reported removal is exactly what was deleted.
 */
import type { Removal, Span } from './model.js';
import { hasUnspacedScript } from './text.js';

/** Accepts removals in order, skipping any that overlap one already accepted or are empty. */
export function acceptRemovals(removals: readonly Removal[]): Removal[] {
  const accepted: Removal[] = [];
  const taken: Span[] = [];
  for (const removal of removals) {
    const { start, end } = removal.span;
    if (end <= start) continue;
    const at = firstEndingAfter(taken, start);
    if (at < taken.length && taken[at]!.start < end) continue;
    taken.splice(at, 0, removal.span);
    accepted.push(removal);
  }
  return accepted.sort((a, b) => a.span.start - b.span.start);
}

/** Index of the first span (sorted, disjoint) whose end is after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/g;

/**
 * Deletes `spans` (sorted, disjoint) from `text` and normalises white space: runs of spaces and
 * tabs become one space, lines are trimmed, a line emptied by a deletion disappears, paragraphs
 * are separated by exactly one blank line, and a non-empty result ends with one `eol`.
 */
export function deleteSpans(text: string, spans: readonly Span[], eol: string): string {
  const out: string[] = [];
  let next = 0;
  let pendingBlank = false;
  LINE.lastIndex = 0;
  for (let match = LINE.exec(text); match; match = LINE.exec(text)) {
    const lineStart = match.index;
    const lineEnd = lineStart + match[1]!.length;
    while (next < spans.length && spans[next]!.end <= lineStart) next++;
    const original = match[1]!;
    const kept = normaliseLine(keptText(text, lineStart, lineEnd, spans, next));
    if (kept !== '') {
      if (pendingBlank && out.length > 0) out.push('');
      out.push(kept);
      pendingBlank = false;
    } else if (original.trim() === '') {
      pendingBlank = true;
    }
    if (match[2] === '') break;
  }
  return out.length > 0 ? out.join(eol) + eol : '';
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
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const touches = (char: string): boolean => !/\s/u.test(char) && !hasUnspacedScript(char) && !/[。！？、]/u.test(char);
  return touches(before) && touches(after) ? ' ' : '';
}

function normaliseLine(line: string): string {
  return line.replace(/[ \t\f\v]{2,}|\t/g, ' ').trim();
}
