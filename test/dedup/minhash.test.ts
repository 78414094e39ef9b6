import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mix32 } from '../../src/dedup/hash.js';
import { MinHasher, similarity } from '../../src/dedup/minhash.js';
import { DEFAULT_SIGNATURE_SETTINGS, estimatedSimilarity, Signer } from '../../src/dedup/signature.js';

/** `count` distinct shingle hashes, numbered from `from`. */
const range = (from: number, count: number): Int32Array => Int32Array.from({ length: count }, (_, i) => mix32(from + i));

function estimate(a: Int32Array, b: Int32Array, positions = 256): number {
  const hasher = new MinHasher(positions);
  return similarity(hasher.signature(a)!, 0, hasher.signature(b)!, 0, positions);
}

describe('MinHasher and similarity', () => {
  it('estimates the Jaccard similarity of two sets within four standard errors, for small and large sets', () => {
    for (const size of [20, 60, 300, 3000]) {
      for (const jaccard of [0.2, 0.4, 0.6, 0.8]) {
        // |A ∩ B| = s, |A| = |B| = size: J = s / (2 size - s).
        const shared = Math.round((2 * size * jaccard) / (1 + jaccard));
        const a = range(0, size);
        const b = range(size - shared, size);
        const exact = shared / (2 * size - shared);
        const standardError = Math.sqrt((exact * (1 - exact)) / 256);
        expect(Math.abs(estimate(a, b) - exact), `size ${size}, J ${exact.toFixed(3)}`).toBeLessThan(4 * standardError + 0.02);
      }
    }
  });

  it('gives 1 for the same set, whatever the order and the repeats, and about 0 for disjoint sets', () => {
    const a = range(0, 500);
    const shuffled = Int32Array.from([...a].reverse().concat([...a.subarray(0, 50)]));
    expect(estimate(a, shuffled)).toBe(1);
    expect(estimate(range(0, 500), range(1000, 500))).toBeLessThan(0.05);
    expect(estimate(range(0, 3), range(10, 3))).toBeLessThan(0.05);
  });

  it('gives no signature for no shingles, and one byte per position otherwise', () => {
    expect(new MinHasher(256).signature(new Int32Array(0))).toBeUndefined();
    expect(new MinHasher(64).signature(range(0, 1))).toHaveLength(64);
  });

  it('compares only signatures of one length', () => {
    const signature = new MinHasher(64).signature(range(0, 10))!;
    expect(estimatedSimilarity(signature, signature)).toBe(1);
    expect(() => estimatedSimilarity(signature, new MinHasher(128).signature(range(0, 10))!)).toThrow(RangeError);
  });

  it('refuses a number of positions that is not a power of two from 2 to 65536', () => {
    for (const positions of [0, 1, 3, 100, 1 << 17]) expect(() => new MinHasher(positions)).toThrow(RangeError);
  });

  it('is deterministic: two hashers agree, and the signature of a fixed text is pinned', () => {
    const text = 'The council voted on Tuesday to approve a new budget for the parks department.';
    const first = new Signer().sign(text);
    const second = new Signer(DEFAULT_SIGNATURE_SETTINGS).sign(text);
    expect(second.signature).toEqual(first.signature);
    // Signatures made on other machines and by other runs are compared with these: a change to the
    // hashing must change the format version of the signatures file, and then this value.
    expect(createHash('sha256').update(first.signature!).digest('hex').slice(0, 16)).toBe('7b8497dbd850d478');
  });
});
