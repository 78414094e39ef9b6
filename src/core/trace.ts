/**
 * Tracing spans of a cleaned text back to the text it was cleaned from. Cleaning only deletes
 * spans and changes white space, so the cleaned text's non-white-space characters are, in order,
 * exactly the source's non-white-space characters outside the deleted spans: that alignment maps
 * any span of the cleaned text onto the source, in one walk over both.
 */
import { firstEndingAfter } from './apply.js';
import type { Span } from './model.js';

/** A code unit that the white-space normalisation may add, drop or change. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Maps `spans` of `derived` (the text `source` became once `deleted` was cut out and white space
 * normalised) onto `source`: each to the range from its first to its last non-white-space
 * character, or `undefined` when it holds none. `deleted` must be sorted and disjoint; `spans`
 * may come in any order.
 */
export function traceSpans(source: string, deleted: readonly Span[], derived: string, spans: readonly Span[]): (Span | undefined)[] {
  // Every offset asked about, as a derived offset -> source offset of the character there.
  const wanted = new Map<number, number>();
  const firstChar = spans.map((span) => nextNonSpace(derived, span.start, span.end));
  const lastChar = spans.map((span) => previousNonSpace(derived, span.start, span.end));
  for (const offset of [...firstChar, ...lastChar]) if (offset !== undefined) wanted.set(offset, -1);
  const offsets = [...wanted.keys()].sort((a, b) => a - b);
  let at = 0;
  let sourceAt = 0;
  let removal = 0;
  for (let offset = 0; offset < derived.length && at < offsets.length; offset++) {
    if (isSpace(derived.charCodeAt(offset))) continue;
    // The next source character that survived: not white space, not inside a deleted span.
    for (;;) {
      while (removal < deleted.length && deleted[removal]!.end <= sourceAt) removal++;
      const inside = removal < deleted.length && deleted[removal]!.start <= sourceAt;
      if (inside) sourceAt = deleted[removal]!.end;
      else if (isSpace(source.charCodeAt(sourceAt))) sourceAt++;
      else break;
    }
    if (offset === offsets[at]) {
      wanted.set(offset, sourceAt);
      at++;
    }
    sourceAt++;
  }
  return spans.map((_, i) => {
    const first = firstChar[i];
    const last = lastChar[i];
    return first === undefined || last === undefined ? undefined : { start: wanted.get(first)!, end: wanted.get(last)! + 1 };
  });
}

function nextNonSpace(text: string, start: number, end: number): number | undefined {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return undefined;
}

function previousNonSpace(text: string, start: number, end: number): number | undefined {
  for (let i = end - 1; i >= start; i--) if (!isSpace(text.charCodeAt(i))) return i;
  return undefined;
}

/**
 * The parts of `span` outside the `deleted` spans (sorted, disjoint), each trimmed of white
 * space; parts with nothing but white space are left out.
 */
export function spanOutside(text: string, span: Span, deleted: readonly Span[]): Span[] {
  const parts: Span[] = [];
  let cursor = span.start;
  const keep = (start: number, end: number): void => {
    const first = nextNonSpace(text, start, end);
    const last = previousNonSpace(text, start, end);
    if (first !== undefined && last !== undefined) parts.push({ start: first, end: last + 1 });
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
