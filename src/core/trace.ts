/**
 * Tracing spans of a cleaned text back to the text it was cleaned from. Cleaning only deletes
 * spans and changes white space, so the cleaned text's non-white-space characters are, in order,
 * exactly the source's non-white-space characters outside the deleted spans: that alignment maps
 * any span of the cleaned text onto the source, in one walk over both.
 */
import { firstEndingAfter } from './apply.js';
import type { Span } from './model.js';
import { isWhiteSpace, trimSpan } from './text.js';

/**
 * Maps `spans` of `derived` (the text `source` became once `deleted` was cut out and white space
 * normalised) onto `source`: each to the range from its first to its last non-white-space
 * character, or `undefined` when it holds none. `deleted` must be sorted and disjoint; `spans`
 * may come in any order.
 */
export function traceSpans(source: string, deleted: readonly Span[], derived: string, spans: readonly Span[]): (Span | undefined)[] {
  // Every offset asked about, as a derived offset -> source offset of the character there.
  // (White space is what the normalisation may add, drop or change: it is skipped on both sides.)
  const wanted = new Map<number, number>();
  const trimmed = spans.map((span) => trimSpan(derived, span));
  for (const { start, end } of trimmed) {
    if (end > start) wanted.set(start, -1).set(end - 1, -1);
  }
  const offsets = [...wanted.keys()].sort((a, b) => a - b);
  let at = 0;
  let sourceAt = 0;
  let removal = 0;
  for (let offset = 0; offset < derived.length && at < offsets.length; offset++) {
    if (isWhiteSpace(derived.charCodeAt(offset))) continue;
    // The next source character that survived: not white space, not inside a deleted span.
    for (;;) {
      while (removal < deleted.length && deleted[removal]!.end <= sourceAt) removal++;
      const inside = removal < deleted.length && deleted[removal]!.start <= sourceAt;
      if (inside) sourceAt = deleted[removal]!.end;
      else if (isWhiteSpace(source.charCodeAt(sourceAt))) sourceAt++;
      else break;
    }
    if (offset === offsets[at]) {
      wanted.set(offset, sourceAt);
      at++;
    }
    sourceAt++;
  }
  return trimmed.map(({ start, end }) => (end > start ? { start: wanted.get(start)!, end: wanted.get(end - 1)! + 1 } : undefined));
}

/**
 * The parts of `span` outside the `deleted` spans (sorted, disjoint), each trimmed of white
 * space; parts with nothing but white space are left out.
 */
export function spanOutside(text: string, span: Span, deleted: readonly Span[]): Span[] {
  const parts: Span[] = [];
  let cursor = span.start;
  const keep = (start: number, end: number): void => {
    const part = trimSpan(text, { start, end });
    if (part.end > part.start) parts.push(part);
  };
  // From the first deleted span that ends inside or after `span`: a text with a million removals
  // must not be walked once per later removal.
  for (let i = firstEndingAfter(deleted, span.start, (gone) => gone); i < deleted.length; i++) {
    const gone = deleted[i]!;
    if (gone.start >= span.end) break;
    keep(cursor, Math.min(gone.start, span.end));
    cursor = gone.end;
  }
  if (cursor < span.end) keep(cursor, span.end);
  return parts;
}
