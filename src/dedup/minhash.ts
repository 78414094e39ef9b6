/**
 * MinHash signatures (Broder, 1997): values, one per position, such that two documents agree at a
 * position with probability equal to the Jaccard similarity of their shingle sets; the share of
 * positions where two signatures agree estimates it, whatever the documents' length.
 *
 * Made by one permutation hashing with optimal densification (Li, Owen and Zhang, 2012;
 * Shrivastava, 2017) rather than one hash function per position: each shingle is hashed once, the
 * hash's top bits choose a bin (a position) and the rest is its value; a bin keeps the smallest
 * value it gets. A bin that got no shingle (a short text has fewer shingles than bins) copies the
 * bin that a fixed sequence of hashes of its number lands on first among the filled ones, which
 * keeps the agreement of two signatures an estimate of their similarity. Hashing each shingle
 * 256 times, the textbook way, was 80% of the time of the command; this is one hash per shingle,
 * as accurate on the benchmark's pairs (about 20% larger errors for texts of 20-50 words, smaller
 * for long ones).
 *
 * Only 8 bits of each minimum are kept (b-bit minwise hashing, Li and König, 2010): a signature is
 * one byte per position, and two unrelated minima agree by chance once in 256 times, which
 * {@link similarity} corrects for.
 */
import { mix32 } from './hash.js';

/** The seed of the one hash function: changing it changes every signature. */
const HASH_SEED = 0x2d358dcc;

/** The chance that two 8-bit values of unrelated minima agree. */
const CHANCE = 1 / 256;

/** A bin that has received no shingle. */
const EMPTY = 0xffffffff;

/**
 * Bins of the sequence an empty bin looks in, made once per bin: a short text leaves most bins
 * empty, and hashing each step of each empty bin's sequence anew was half the time of signing
 * documents of a few dozen words. Past these, the steps are hashed as they are needed.
 */
const TABLED_STEPS = 64;

/** Makes signatures of `positions` bins (a power of two from 2 to 65,536). */
export class MinHasher {
  private readonly binBits: number;
  private readonly minima: Uint32Array;
  /** Per bin, the first {@link TABLED_STEPS} bins of its sequence. */
  private readonly steps: Uint16Array;

  constructor(readonly positions: number) {
    this.binBits = Math.log2(positions);
    if (!Number.isInteger(this.binBits) || this.binBits < 1 || this.binBits > 16) throw new RangeError(`positions must be a power of two from 2 to 65536, not ${positions}`);
    this.minima = new Uint32Array(positions);
    this.steps = new Uint16Array(positions * TABLED_STEPS);
    for (let bin = 0; bin < positions; bin++) {
      for (let step = 0; step < TABLED_STEPS; step++) this.steps[bin * TABLED_STEPS + step] = sequenceBin(bin, step + 1, positions - 1);
    }
  }

  /**
   * The signature of a set of shingle hashes (repeats allowed), or `undefined` when there are
   * none: a document without words is like no other.
   */
  signature(shingles: Int32Array): Uint8Array | undefined {
    if (shingles.length === 0) return undefined;
    const { binBits, minima, positions } = this;
    minima.fill(EMPTY);
    const valueShift = 32 - binBits;
    for (let j = 0; j < shingles.length; j++) {
      const hash = mix32(shingles[j]! ^ HASH_SEED) >>> 0;
      const bin = hash >>> valueShift;
      // The bits below the bin's, moved to the top so that values compare as numbers.
      const value = (hash << binBits) >>> 0;
      if (value < minima[bin]!) minima[bin] = value;
    }
    const signature = new Uint8Array(positions);
    for (let bin = 0; bin < positions; bin++) {
      const source = minima[bin] !== EMPTY ? bin : this.filledBin(bin);
      // The lowest bits of the value: the top bits of a minimum are mostly zeros.
      signature[bin] = (minima[source]! >>> binBits) & 0xff;
    }
    return signature;
  }

  /**
   * The filled bin an empty `bin` copies: the first filled one in a sequence of bins that depends
   * only on `bin` (so every document's empty bin `bin` looks in the same places), which is what
   * makes two copied values agree exactly as often as the bins they copy.
   */
  private filledBin(bin: number): number {
    const { minima, steps } = this;
    const tabled = bin * TABLED_STEPS;
    for (let step = 0; step < TABLED_STEPS; step++) {
      const candidate = steps[tabled + step]!;
      if (minima[candidate] !== EMPTY) return candidate;
    }
    for (let attempt = TABLED_STEPS + 1; ; attempt++) {
      const candidate = sequenceBin(bin, attempt, this.positions - 1);
      if (minima[candidate] !== EMPTY) return candidate;
    }
  }
}

/** Bin number `attempt` (from 1) of the sequence of bins an empty `bin` looks in; `mask` is the number of bins less one. */
function sequenceBin(bin: number, attempt: number, mask: number): number {
  return mix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) & mask;
}

/**
 * The estimated Jaccard similarity of the documents of two signatures (of the same length,
 * starting at `a[aStart]` and `b[bStart]`): the share of agreeing positions, less the agreements
 * of 8-bit values by chance, clamped to [0, 1].
 */
export function similarity(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): number {
  let agree = 0;
  for (let i = 0; i < length; i++) if (a[aStart + i] === b[bStart + i]) agree++;
  return Math.max(0, (agree / length - CHANCE) / (1 - CHANCE));
}
