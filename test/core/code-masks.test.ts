import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeMasks, sharedAtMost } from '../../src/core/code-masks.js';

/** A string of word codes (one code unit each, from 0x100) drawn from `words` distinct words. */
function codes(words: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.integer({ min: 0x100, max: 0x100 + words - 1 }), { minLength: 1, maxLength }).map((list) => String.fromCharCode(...list));
}

/** The words two code strings share, counted as bags: each as often as both hold it (the definition the bound stands in for). */
function sharedWords(a: string, b: string): number {
  const left = new Map<number, number>();
  for (const code of a) left.set(code.charCodeAt(0), (left.get(code.charCodeAt(0)) ?? 0) + 1);
  let shared = 0;
  for (const code of b) {
    const count = left.get(code.charCodeAt(0)) ?? 0;
    if (count > 0) {
      shared++;
      left.set(code.charCodeAt(0), count - 1);
    }
  }
  return shared;
}

describe('CodeMasks', () => {
  it('counts the words of one string that the other certainly lacks, by bit', () => {
    const masks = new CodeMasks(3);
    masks.set(0, '\u0100\u0101\u0102');
    masks.set(1, '\u0100\u0102');
    // 0x140 is 0x100 + 64: the same bit as 0x100, so it may be there.
    masks.set(2, '\u0140\u0123');
    expect(masks.missingFrom(0, masks, 1)).toBe(1);
    expect(masks.missingFrom(1, masks, 0)).toBe(0);
    expect(masks.missingFrom(0, masks, 2)).toBe(2);
    expect(masks.missingFrom(2, masks, 0)).toBe(1);
    expect(masks.holds(1, 0x102)).toBe(true);
    expect(masks.holds(1, 0x101)).toBe(false);
    expect(masks.holds(1, 0x140)).toBe(true);
    // The high half: codes with bit 5 set (0x120-0x13f).
    expect(masks.holds(2, 0x123)).toBe(true);
    expect(masks.holds(2, 0x103)).toBe(false);
  });

  it('masks a range of a string, and compares masks of two sets', () => {
    const whole = new CodeMasks(1);
    const part = new CodeMasks(1);
    whole.set(0, '\u0200\u0201\u0202\u0203');
    part.set(0, '\u0290\u0200\u0203', 1);
    expect(part.missingFrom(0, whole, 0)).toBe(0);
    part.set(0, '\u0290\u0200\u0203');
    expect(part.missingFrom(0, whole, 0)).toBe(1);
  });

  it('never bounds the shared words below the bags\' count, and a run of a string misses nothing of it', () => {
    // 20 distinct words (no two on one bit) and 300 (many on each bit): both sides of the bound.
    const pair = fc.constantFrom(20, 300).chain((words) => fc.tuple(codes(words, 60), codes(words, 60)));
    fc.assert(fc.property(pair, fc.nat(), fc.nat(), ([a, b], from, to) => {
      const masks = new CodeMasks(3);
      masks.set(0, a);
      masks.set(1, b);
      expect(sharedAtMost(a.length, masks.missingFrom(0, masks, 1), b.length, masks.missingFrom(1, masks, 0))).toBeGreaterThanOrEqual(sharedWords(a, b));
      const start = from % b.length;
      const run = b.slice(start, start + 1 + (to % (b.length - start)));
      masks.set(2, run);
      expect(masks.missingFrom(2, masks, 1)).toBe(0);
      for (const code of run) expect(masks.holds(1, code.charCodeAt(0))).toBe(true);
    }), { numRuns: 300 });
  });

  it('is exact when no two words share a bit', () => {
    // 64 distinct words, one per bit: the bound is the bags' count whenever one string's words are distinct.
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0x100, max: 0x13f }), { minLength: 1, maxLength: 30 }), codes(64, 30), (distinct, other) => {
      const a = String.fromCharCode(...distinct);
      const masks = new CodeMasks(2);
      masks.set(0, a);
      masks.set(1, other);
      expect(sharedAtMost(a.length, masks.missingFrom(0, masks, 1), other.length, masks.missingFrom(1, masks, 0))).toBe(sharedWords(a, other));
    }), { numRuns: 200 });
  });
});
