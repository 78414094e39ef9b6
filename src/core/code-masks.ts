/**
 * Sixty-four-bit summaries of strings of word codes (one UTF-16 code unit per word, as
 * near-duplicate writes a sentence's words): bit `code % 64` is set for each code the string
 * holds. Two summaries bound what their strings can share without either being read: a bit one
 * has and the other lacks stands for at least one word of the first that the second does not
 * hold. A long text's chance candidates (sentences that share one phrase, "would not have been",
 * and little else) are told apart this way from a few numbers held side by side, not from two
 * strings far apart in memory.
 */
import { int32Array } from './arrays.js';

/** Numbers per summary in a {@link CodeMasks}: the mask's low half and its high half. */
const HALVES = 2;

/** The masks of a fixed number of code strings, numbered from 0, in one typed array. */
export class CodeMasks {
  private readonly halves: Int32Array;

  /** Room for the masks of `count` strings, all empty. */
  constructor(count: number) {
    this.halves = int32Array(count * HALVES);
  }

  /** Sets the mask of item `item` to that of `codes[from, to)`. */
  set(item: number, codes: string, from = 0, to = codes.length): void {
    let low = 0;
    let high = 0;
    for (let i = from; i < to; i++) {
      const code = codes.charCodeAt(i);
      // `1 << code` shifts by `code % 32`: bit 5 of the code picks the half.
      if ((code & 32) === 0) low |= 1 << code;
      else high |= 1 << code;
    }
    this.halves[item * HALVES] = low;
    this.halves[item * HALVES + 1] = high;
  }

  /** False when the string of item `item` certainly does not hold `code`. */
  holds(item: number, code: number): boolean {
    return (this.halves[item * HALVES + ((code >> 5) & 1)]! & (1 << code)) !== 0;
  }

  /**
   * How many bits item `item` has that item `other` of `others` lacks: each stands for a distinct
   * word of `item`'s string that `other`'s does not hold, so that many of its words at least are
   * not shared. 0 when every word of `item`'s string may be in `other`'s (a substring's is always 0).
   */
  missingFrom(item: number, others: CodeMasks, other: number): number {
    const low = this.halves[item * HALVES]! & ~others.halves[other * HALVES]!;
    const high = this.halves[item * HALVES + 1]! & ~others.halves[other * HALVES + 1]!;
    return bitCount(low) + bitCount(high);
  }
}

/**
 * At most how many words two code strings of `lengthA` and `lengthB` codes share (counted as a bag
 * counts them, each word as often as both hold it), given the bits each has that the other lacks
 * ({@link CodeMasks.missingFrom} both ways).
 */
export function sharedAtMost(lengthA: number, missingA: number, lengthB: number, missingB: number): number {
  return Math.min(lengthA - missingA, lengthB - missingB);
}

/** The number of bits set in a 32-bit integer. */
function bitCount(bits: number): number {
  let count = bits - ((bits >>> 1) & 0x55555555);
  count = (count & 0x33333333) + ((count >>> 2) & 0x33333333);
  return (Math.imul((count + (count >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
