/**
 * Shingles: the runs of `size` consecutive words of a document, each as a 32-bit hash. Two
 * documents are as alike as the sets of their shingles are (their Jaccard similarity), which,
 * unlike a set of single words, also asks for the words to come in the same order.
 *
 * A shingle never spans a paragraph break, so moving paragraphs around changes no shingle; a
 * paragraph of fewer words than `size` (a heading, a one-word line) is one shingle of its words.
 */
import { combine } from './hash.js';
import type { NormalisedWords } from './normalise.js';

/** The hashes of the shingles of `words`, in text order (a shingle met twice is listed twice). */
export function shingles(words: NormalisedWords, size: number): Int32Array {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`shingle size must be a whole number >= 1, not ${size}`);
  // A paragraph of n words gives max(1, n - size + 1) <= n shingles: never more than the words.
  const out = new Int32Array(words.count);
  let count = 0;
  for (let start = 0; start < words.count; ) {
    let end = start + 1;
    while (end < words.count && words.paragraphStarts[end] === 0) end++;
    const last = Math.max(start, end - size);
    for (let from = start; from <= last; from++) out[count++] = shingleHash(words.hashes, from, Math.min(from + size, end));
    start = end;
  }
  return out.subarray(0, count);
}

/** The hash of the words `hashes[from, to)`; its seed holds their number, so a short shingle differs from a longer one. */
function shingleHash(hashes: Int32Array, from: number, to: number): number {
  let hash = to - from;
  for (let i = from; i < to; i++) hash = combine(hash, hashes[i]!);
  return hash;
}
