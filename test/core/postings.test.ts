import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings } from '../../src/core/postings.js';

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
