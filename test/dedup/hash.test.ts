import { describe, expect, it } from 'vitest';
import { combine, mix32 } from '../../src/dedup/hash.js';

describe('mix32 and combine', () => {
  it('mix32 maps distinct numbers to distinct ones, with about half the bits flipped by one input bit', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(mix32(i));
    expect(seen.size).toBe(100_000);
    let flipped = 0;
    for (let i = 0; i < 1000; i++) {
      const input = i * 7919;
      for (let bit = 0; bit < 32; bit++) flipped += popcount(mix32(input ^ (1 << bit)) ^ mix32(input));
    }
    expect(flipped / (1000 * 32)).toBeGreaterThan(14);
    expect(flipped / (1000 * 32)).toBeLessThan(18);
  });

  it('combine depends on the order of what it folds in', () => {
    expect(combine(combine(1, 2), 3)).not.toBe(combine(combine(1, 3), 2));
    expect(combine(0, 0)).not.toBe(combine(0, 1));
  });
});

function popcount(value: number): number {
  let count = 0;
  for (let v = value >>> 0; v !== 0; v >>>= 1) count += v & 1;
  return count;
}
