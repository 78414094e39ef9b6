import { describe, expect, it } from 'vitest';
import { normalisedWords } from '../../src/dedup/normalise.js';
import { shingles } from '../../src/dedup/shingles.js';

const of = (text: string, size = 2): number[] => Array.from(shingles(normalisedWords(text), size));
const sorted = (list: number[]): number[] => [...list].sort((a, b) => a - b);

describe('shingles', () => {
  it('gives one shingle per run of `size` words of a paragraph', () => {
    expect(of('a b c d e')).toHaveLength(4);
    expect(of('a b c d e', 3)).toHaveLength(3);
    expect(of('a b c d e', 1)).toHaveLength(5);
    expect(new Set(of('a b c d e')).size).toBe(4);
  });

  it('tells word order apart: the same words in another order share few shingles', () => {
    const a = new Set(of('the council voted on the plan'));
    const b = of('the plan voted on the council');
    expect(b.filter((shingle) => a.has(shingle)).length).toBeLessThan(b.length);
  });

  it('never spans a paragraph break, so moving paragraphs changes no shingle', () => {
    const first = 'The council voted on Tuesday to approve the budget.';
    const second = 'Work on the first projects starts in May.';
    expect(sorted(of(`${first}\n\n${second}`))).toEqual(sorted(of(`${second}\n\n${first}`)));
    // Without the break, the shingle across it ("budget work") is one more.
    expect(of(`${first} ${second}`)).toHaveLength(of(`${first}\n\n${second}`).length + 1);
  });

  it('makes a paragraph shorter than the size one shingle of its words, unlike any longer shingle', () => {
    expect(of('Menu\n\nthe council voted', 3)).toHaveLength(2);
    expect(of('council', 2)).toHaveLength(1);
    expect(of('council voted', 3)[0]).not.toBe(of('council voted now', 3)[0]);
    expect(of('', 2)).toEqual([]);
  });

  it('refuses a size that is not a whole number of at least one', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => shingles(normalisedWords('a b'), size)).toThrow(RangeError);
  });
});
