import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings, SharedShingles } from '../../src/core/postings.js';

describe('Postings', () => {
  it('lists positions per key in the order added, and nothing for a key never added', () => {
    const postings = new Postings(64);
    postings.add(0x100, 0);
    postings.add(0x1000200030004, 0);
    postings.add(0x100, 3);
    postings.add(0x100, 7);
    expect(postings.get(0x100)).toEqual([0, 3, 7]);
    expect(postings.get(0x1000200030004)).toEqual([0]);
    expect(postings.get(0x101)).toEqual([]);
  });

  it('lists a position once when its unit holds the key twice', () => {
    const postings = new Postings(64);
    postings.add(5, 1);
    postings.add(5, 1);
    postings.add(5, 2);
    postings.add(5, 2);
    expect(postings.get(5)).toEqual([1, 2]);
  });

  it('stops a list one position past the cap', () => {
    const postings = new Postings(2);
    for (let position = 0; position < 10; position++) postings.add(9, position);
    expect(postings.get(9)).toEqual([0, 1, 2]);
  });

  it('keeps every key as the table grows, large keys and keys alike in their low bits included', () => {
    const postings = new Postings(64);
    const keys = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? 0x100 + i : (i + 1) * 0x100000000));
    keys.forEach((key, position) => postings.add(key, position));
    expect(keys.every((key, position) => postings.get(key).length === 1 && postings.get(key)[0] === position)).toBe(true);
  });

  it('answers as a map of capped lists would, whatever the keys, the cap and the size it was made for', () => {
    // Keys from a small pool (so that lists form and fill up to the cap) and from the whole range
    // (low halves alike, high halves alike); tables made far too small grow many times over.
    const key = fc.oneof(
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 0x1fffff }).map((high) => high * 0x100000000 + 7),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(fc.property(fc.array(fc.array(key, { maxLength: 6 }), { maxLength: 400 }), fc.integer({ min: 1, max: 8 }), fc.nat(5000), (units, cap, expected) => {
      const postings = new Postings(cap, expected);
      const model = new Map<number, number[]>();
      units.forEach((keys, position) => {
        for (const each of keys) {
          postings.add(each, position);
          const list = model.get(each) ?? [];
          if (list.length <= cap && list[list.length - 1] !== position) list.push(position);
          model.set(each, list);
        }
      });
      for (const [each, list] of model) expect([...postings.get(each)]).toEqual(list);
      expect(postings.get(Number.MAX_SAFE_INTEGER - 1).length).toBe(model.get(Number.MAX_SAFE_INTEGER - 1)?.length ?? 0);
    }), { numRuns: 200 });
  });
});

/** Runs of three codes of `codes` packed 16 bits a code, or one run of all of them when fewer (none when empty). */
function shingles(codes: string): number[] {
  const pack = (from: number, to: number): number => [...codes.slice(from, to)].reduce((key, code) => key * 0x10000 + code.charCodeAt(0), 0);
  if (codes.length === 0) return [];
  if (codes.length <= 3) return [pack(0, codes.length)];
  return Array.from({ length: codes.length - 2 }, (_, i) => pack(i, i + 3));
}

/**
 * What SharedShingles answers, worked out unit by unit the slow way: each unit that asks looks
 * up its shingles' lists (a list longer than `cap` left out) before its own are added, counts the
 * earlier units met, and takes the `best` that share most, the earliest first among equals.
 */
function slowCandidates(units: readonly string[], asks: readonly boolean[], cap: number, best: number): number[][] {
  const postings = new Postings(cap);
  return units.map((codes, position) => {
    const shared = new Map<number, number>();
    if (asks[position]) {
      for (const key of shingles(codes)) {
        const list = postings.get(key);
        if (list.length > cap) continue;
        for (const earlier of list) shared.set(earlier, (shared.get(earlier) ?? 0) + 1);
      }
    }
    for (const key of shingles(codes)) postings.add(key, position);
    return [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, best).map(([earlier]) => earlier);
  });
}

describe('SharedShingles', () => {
  it('gives each unit the earlier units sharing most shingles, best first', () => {
    const units = ['\u0100\u0101\u0102\u0103', '\u0109\u0101\u0102\u0103', '\u0100\u0101\u0102\u0104', '\u0100\u0101\u0102\u0103\u0104', '\u0100\u0101'];
    const index = new SharedShingles(units.length, (position) => units[position]!, Uint8Array.from([1, 1, 1, 1, 1]), { cap: 64, best: 4 });
    // Unit 3 shares two shingles with unit 0, one with units 1 and 2; unit 4 (two codes) is one shingle, found nowhere.
    expect(units.map((_, position) => index.candidates(position))).toEqual([[], [0], [0], [0, 1, 2], []]);
  });

  it('answers as lists filled unit by unit would when the pairs outgrow the room first made for them', () => {
    // 600 units alike, each meeting up to 64 earlier ones per shingle: tens of thousands of pairs, held in one pass.
    const units = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? '\u0100\u0101\u0102\u0103' : '\u0100\u0101\u0102\u0104'));
    const asks = units.map(() => true);
    const index = new SharedShingles(units.length, (position) => units[position]!, Uint8Array.from(asks, Number), { cap: 64, best: 4 });
    const expected = slowCandidates(units, asks, 64, 4);
    units.forEach((_, position) => expect(index.candidates(position)).toEqual(expected[position]));
  });

  it('answers as lists filled unit by unit would, whatever the units, the cap, the budget of pairs and the buckets', () => {
    // Codes from a small pool, so that shingles recur and lists fill up to the cap; empty units
    // are left out; a budget of a few pairs answers the units a window at a time; buckets of a
    // few entries make many buckets, gathered a few at a time.
    const unit = fc.array(fc.integer({ min: 0x100, max: 0x104 }).map((code) => String.fromCharCode(code)), { maxLength: 7, size: 'max' }).map((codes) => codes.join(''));
    fc.assert(fc.property(fc.array(fc.tuple(unit, fc.boolean()), { maxLength: 120, size: 'max' }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 1, max: 40 })), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (items, cap, best, budget, bucketEntries, roundEntries) => {
      const units = items.map(([codes]) => codes);
      const asks = items.map(([, ask]) => ask);
      const index = new SharedShingles(units.length, (position) => units[position]!, Uint8Array.from(asks, Number), { cap, best, bucketEntries, roundEntries, ...(budget === null ? {} : { pairBudget: budget }) });
      const expected = slowCandidates(units, asks, cap, best);
      units.forEach((_, position) => {
        if (asks[position]) expect(index.candidates(position)).toEqual(expected[position]);
      });
    }), { numRuns: 300 });
  });
});
