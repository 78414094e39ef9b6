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
});
