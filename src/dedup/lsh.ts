/**
 * Locality-sensitive hashing over MinHash signatures (the banding of Mining of Massive Datasets,
 * ch. 3): a signature is cut into bands of `rows` positions, and two documents whose signatures
 * agree on every position of some band are a candidate pair. A pair of similarity J agrees on a
 * band with probability J^rows, so it becomes a candidate with probability
 * 1 - (1 - J^rows)^bands: near 1 above the threshold the bands are chosen for, near 0 far below
 * it. Only candidates are ever compared, so a corpus is never compared pair by pair.
 */
import type { SignatureStore } from './store.js';

/** How a signature is cut into bands. */
export interface Banding {
  readonly bands: number;
  readonly rows: number;
}

/**
 * The fewest rows a band has. A band of 8-bit values is a key of 8 x rows bits; two rows (16
 * bits) would make every band of a million documents a bucket of some fifteen strangers, compared
 * for nothing, while three (24 bits) leave one stranger in sixteen.
 */
const MIN_ROWS = 3;

/** The most rows a band has: four 8-bit values make one 32-bit key. */
const MAX_ROWS = 4;

/** The chance of becoming a candidate, at the threshold, that a banding must give to be chosen. */
const WANTED_RECALL = 0.995;

/**
 * Earlier documents of a bucket looked at, per document and band, oldest first. A bucket holds
 * documents that agree on a whole band, which are mostly copies of one another, and the oldest of
 * them are the ones kept (the first of each cluster); this bounds the rest, so that a corpus of
 * many similar but distinct short texts stays linear.
 */
const MAX_VISITS = 64;

/**
 * The banding for `threshold` with `positions` values: the most rows (fewest candidates to
 * compare) that still make a pair at the threshold a candidate with probability
 * {@link WANTED_RECALL}, and as many bands as the signature holds.
 */
export function bandingFor(threshold: number, positions: number): Banding {
  for (let rows = MAX_ROWS; rows > MIN_ROWS; rows--) {
    const banding = { bands: Math.floor(positions / rows), rows };
    if (candidateProbability(threshold, banding) >= WANTED_RECALL) return banding;
  }
  return { bands: Math.floor(positions / MIN_ROWS), rows: MIN_ROWS };
}

/** The probability that two documents of Jaccard similarity `similarity` agree on at least one band. */
export function candidateProbability(similarity: number, { bands, rows }: Banding): number {
  // 8-bit values of unrelated minima agree one time in 256 as well.
  const agree = similarity + (1 - similarity) / 256;
  return 1 - (1 - agree ** rows) ** bands;
}

/**
 * Calls `visit(document, earlier)` for candidate pairs of the documents `include` accepts, in a
 * fixed order (band by band; within a band, each document's pairs from the oldest document of its
 * bucket), with `earlier < document`; pairs that `skip(document, earlier)` refuses are passed over.
 * `skip` and `visit` may keep state per document: the pairs of one document come in that order
 * whatever the order between documents.
 *
 * Memory traffic is what costs: a band reads a few bytes of every signature, a cache line each.
 * So one sweep over the signatures reads the keys of four bands, and the buckets of a band are
 * found by a stable radix sort of its keys (each bucket stays in input order) rather than a hash
 * table probed at random. On 200,000 documents of 25-55 words the search went from 2.2-2.7 CPU s
 * (a table, a sweep per band) to 1.4-1.6, with the same pairs.
 */
export function forEachCandidate(
  store: SignatureStore,
  { bands, rows }: Banding,
  include: (index: number) => boolean,
  skip: (document: number, earlier: number) => boolean,
  visit: (document: number, earlier: number) => void,
): void {
  let count = 0;
  for (let document = 0; document < store.size; document++) if (include(document)) count++;
  /** The included documents in input order, and the same sorted by key (then by input order). */
  const inOrder = new Int32Array(count);
  for (let document = 0, i = 0; i < count; document++) if (include(document)) inOrder[i++] = document;
  let sorted = new Int32Array(count);
  let spare = new Int32Array(count);
  /** The keys of a group of bands, band after band, each by the document's place in `inOrder`; and one band's, sorted. */
  const groupKeys = new Int32Array(count * BANDS_PER_SWEEP);
  let sortedKeys = new Int32Array(count);
  let spareKeys = new Int32Array(count);
  /** Per pass of the radix sort, where each digit's keys go. */
  const counts = new Int32Array(RADIX * Math.ceil((8 * MAX_ROWS) / DIGIT_BITS));
  for (let band = 0; band < bands; band++) {
    const inGroup = band % BANDS_PER_SWEEP;
    if (inGroup === 0) {
      // One sweep over the signatures reads the keys of several bands: a signature is read a cache
      // line at a time, and its next bands are in the same line.
      const group = Math.min(BANDS_PER_SWEEP, bands - band);
      for (let i = 0; i < count; i++) {
        const document = inOrder[i]!;
        const block = store.signatureBlock(document);
        let at = store.signatureStart(document) + band * rows;
        for (let g = 0; g < group; g++, at += rows) {
          let key = block[at]!;
          for (let row = 1; row < rows; row++) key |= block[at + row]! << (8 * row);
          groupKeys[g * count + i] = key;
        }
      }
    }
    sorted.set(inOrder);
    sortedKeys.set(groupKeys.subarray(inGroup * count, (inGroup + 1) * count));
    // Least significant digit first: each pass is stable, so equal keys keep input order. The
    // counts of every pass are taken in one reading of the keys.
    const passes = Math.ceil((8 * rows) / DIGIT_BITS);
    counts.fill(0);
    for (let i = 0; i < count; i++) {
      const key = sortedKeys[i]!;
      for (let pass = 0; pass < passes; pass++) counts[pass * RADIX + ((key >>> (pass * DIGIT_BITS)) & DIGIT_MASK)]!++;
    }
    for (let pass = 0; pass < passes; pass++) {
      const base = pass * RADIX;
      const shift = pass * DIGIT_BITS;
      for (let digit = 0, total = 0; digit < RADIX; digit++) {
        const here = counts[base + digit]!;
        counts[base + digit] = total;
        total += here;
      }
      for (let i = 0; i < count; i++) {
        const key = sortedKeys[i]!;
        const to = counts[base + ((key >>> shift) & DIGIT_MASK)]!++;
        spare[to] = sorted[i]!;
        spareKeys[to] = key;
      }
      [sorted, spare] = [spare, sorted];
      [sortedKeys, spareKeys] = [spareKeys, sortedKeys];
    }
    for (let first = 0; first < count; ) {
      let end = first + 1;
      while (end < count && sortedKeys[end] === sortedKeys[first]) end++;
      for (let i = first + 1; i < end; i++) {
        const document = sorted[i]!;
        const last = Math.min(i, first + MAX_VISITS);
        for (let j = first; j < last; j++) {
          const earlier = sorted[j]!;
          if (!skip(document, earlier)) visit(document, earlier);
        }
      }
      first = end;
    }
  }
}

/**
 * Bits of a key sorted by one pass of the radix sort: two passes for a key of three positions,
 * three for four; 4,096 counters of a pass stay in the cache.
 */
const DIGIT_BITS = 12;
const RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = RADIX - 1;

/**
 * Bands whose keys one sweep over the signatures reads (4 bytes a document each, held meanwhile):
 * four bands of three or four positions lie in one 64-byte cache line of a signature.
 */
const BANDS_PER_SWEEP = 4;
