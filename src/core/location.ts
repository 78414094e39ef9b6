/** Converts character offsets into 1-based line and column numbers, as editors show them. */

/** A position a person can find in an editor: 1-based line and column. */
export interface Location {
  readonly line: number;
  readonly column: number;
}

/** Builds a function that maps offsets of `text` to {@link Location}s in O(log lines). */
export function locator(text: string): (offset: number) => Location {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}
