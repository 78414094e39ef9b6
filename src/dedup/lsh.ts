/**
 * Locality-sensitive hashing over MinHash signatures (the banding of Mining of Massive Datasets,
 * ch. 3): a signature is cut into bands of `rows` positions, and two documents whose signatures
 * agree on every position of some band are a candidate pair. A pair of similarity J agrees on a
 * band with probability J^rows, so it becomes a candidate with probability
 * 1 - (1 - J^rows)^bands: near 1 above the threshold the bands are chosen for, near 0 far below
 * it. Only candidates are ever compared, so a corpus is never compared pair by pair.
 */
import { mix32 } from './hash.js';
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
 * fixed order (band by band, documents in input order, each bucket from its oldest document),
 * with `earlier < document`; pairs that `skip(document, earlier)` refuses are passed over.
 */
export function forEachCandidate(
  store: SignatureStore,
  { bands, rows }: Banding,
  include: (index: number) => boolean,
  skip: (document: number, earlier: number) => boolean,
  visit: (document: number, earlier: number) => void,
): void {
  const documents = store.size;
  let slots = 16;
  while (slots < 2 * documents) slots *= 2;
  const keys = new Int32Array(slots);
  /** Per slot, the oldest and the newest document of the bucket, + 1 (0: empty). */
  const oldest = new Int32Array(slots);
  const newest = new Int32Array(slots);
  /** Per document, the document after it in its bucket, + 1 (0: none). */
  const next = new Int32Array(documents);
  const mask = slots - 1;
  for (let band = 0; band < bands; band++) {
    oldest.fill(0);
    const offset = band * rows;
    for (let document = 0; document < documents; document++) {
      if (!include(document)) continue;
      const block = store.signatureBlock(document);
      const at = store.signatureStart(document) + offset;
      let key = 0;
      for (let row = 0; row < rows; row++) key |= block[at + row]! << (8 * row);
      let slot = mix32(key ^ band) & mask;
      while (oldest[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
      next[document] = 0;
      if (oldest[slot] === 0) {
        keys[slot] = key;
        oldest[slot] = document + 1;
      } else {
        let visits = 0;
        for (let earlier = oldest[slot]! - 1; earlier >= 0 && visits < MAX_VISITS; earlier = next[earlier]! - 1, visits++) {
          if (!skip(document, earlier)) visit(document, earlier);
        }
        next[newest[slot]! - 1] = document + 1;
      }
      newest[slot] = document + 1;
    }
  }
}
