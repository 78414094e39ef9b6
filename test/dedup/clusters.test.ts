import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duplicate } from '../../src/dedup/clusters.js';
import { findDuplicateTexts } from '../../src/dedup/index.js';
import { SignatureStore } from '../../src/dedup/store.js';

const BASE = `The city council voted on Tuesday to approve a new budget for the parks department, adding money for trees, benches and a summer programme.

Mayor Jane Doe said the vote was a good day for every family in the city and thanked the members who had worked on the plan since the spring.

Work on the first projects is expected to begin in early May, the council said, and the new benches should be in place before the summer holidays.`;

const OTHER = `Farmers in the river valley say the late rain has ruined a third of the wheat harvest, and prices at the market rose again this week.

The cooperative has asked the regional government for help with storage, while traders expect imports from the north to fill the gap by winter.`;

function duplicatesOf(texts: readonly string[], threshold = 0.4): Duplicate[] {
  return findDuplicateTexts(texts, { threshold });
}

/** `text` with every `n`th word replaced, from word `n - offset`. */
function replaceEvery(text: string, n: number, by = 'zebra', offset = 0): string {
  let count = offset;
  return text.replace(/[A-Za-z]+/gu, (word) => (++count % n === 0 ? by : word));
}

describe('findDuplicates (through findDuplicateTexts)', () => {
  it('drops exact copies (spacing, case and punctuation aside) as copies of the first, with similarity 1', () => {
    const found = duplicatesOf([OTHER, BASE, BASE.toUpperCase().replace(/\n\n/gu, '\n'), OTHER.replace(/,/gu, '')]);
    expect(found).toEqual([
      { index: 2, of: 1, similarity: 1, exact: true },
      { index: 3, of: 0, similarity: 1, exact: true },
    ]);
  });

  it('drops a copy with a tenth of its words changed, keeps a distinct text', () => {
    const found = duplicatesOf([BASE, OTHER, replaceEvery(BASE, 10)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ index: 2, of: 0, exact: false });
    expect(found[0]!.similarity).toBeGreaterThan(0.5);
    expect(found[0]!.similarity).toBeLessThan(1);
  });

  it('keeps the first in input order, whichever it is', () => {
    expect(duplicatesOf([replaceEvery(BASE, 10), BASE])[0]).toMatchObject({ index: 1, of: 0 });
  });

  it('holds to the threshold: a copy with a quarter of its words changed (J about 1/3) stays at 0.4 and goes at 0.2', () => {
    const texts = [BASE, replaceEvery(BASE, 4)];
    expect(duplicatesOf(texts, 0.4)).toEqual([]);
    expect(duplicatesOf(texts, 0.2)).toHaveLength(1);
  });

  it('joins a copy of a copy through the copy when it is at least half the threshold like the kept one, and says so', () => {
    // Each step changes an eighth of the words, other ones (J about 0.6 a step, 1/3 over both).
    const second = replaceEvery(BASE, 8, 'lion');
    const third = replaceEvery(second, 8, 'tiger', 4);
    const found = duplicatesOf([BASE, second, third], 0.45);
    expect(found.map((duplicate) => [duplicate.index, duplicate.of])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(found[0]!.through).toBeUndefined();
    expect(found[1]!.similarity).toBeLessThan(0.45);
    expect(found[1]!.similarity).toBeGreaterThanOrEqual(0.225);
    expect(found[1]!.through?.index).toBe(1);
    expect(found[1]!.through?.similarity).toBeGreaterThanOrEqual(0.45);
  });

  it('joins two copies through their original when it comes after them', () => {
    // A fifth of the words changed, and a tenth at other places: each is near the original, the
    // two are less alike than the threshold, but more than half of it.
    const fifth = replaceEvery(BASE, 5);
    const tenth = replaceEvery(BASE, 10, 'lion', 8);
    const found = duplicatesOf([fifth, tenth, BASE]);
    expect(found.map((duplicate) => [duplicate.index, duplicate.of])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(found[0]!.similarity).toBeLessThan(0.4);
    expect(found[0]!.through).toMatchObject({ index: 2 });
  });

  it('stops a chain of copies drifting away from the kept document, where single linkage would join them all', () => {
    // Each step changes an eighth of the words, other ones each time: the third step shares
    // almost no word pair with the first text, though it is close to the step before it.
    const steps = [BASE];
    for (const [offset, word] of [[0, 'lion'], [4, 'tiger'], [2, 'bear'], [6, 'wolf']] as const) steps.push(replaceEvery(steps.at(-1)!, 8, word, offset));
    const found = duplicatesOf(steps, 0.45);
    expect(found.map((duplicate) => [duplicate.index, duplicate.of])).toEqual([
      [1, 0],
      [2, 0],
      [4, 3],
    ]);
    for (const duplicate of found) expect(duplicate.similarity).toBeGreaterThanOrEqual(0.225);
  });

  it('never joins documents without words, not even to each other', () => {
    expect(duplicatesOf(['', '...', '', BASE, '— —'])).toEqual([]);
  });

  it('refuses a threshold outside (0, 1]', () => {
    for (const threshold of [0, -0.1, 1.5, Number.NaN]) expect(() => duplicatesOf([BASE], threshold)).toThrow(RangeError);
  });

  it('names an earlier, kept document for every drop, and drops nothing when run again on what it kept', () => {
    const words = ['council', 'river', 'budget', 'farmers', 'school', 'bridge', 'rain', 'prices', 'mayor', 'vote', 'the', 'of', 'and'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), (texts) => {
        const found = duplicatesOf(texts);
        for (const duplicate of found) {
          expect(duplicate.of).toBeLessThan(duplicate.index);
          expect(found.some((other) => other.index === duplicate.of)).toBe(false);
        }
        const dropped = new Set(found.map((duplicate) => duplicate.index));
        const kept = texts.filter((_, i) => !dropped.has(i));
        expect(duplicatesOf(kept)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('SignatureStore', () => {
  it('keeps signatures and exact keys apart by document, across blocks of 65,536', () => {
    const store = new SignatureStore(4);
    for (let i = 0; i < 70_000; i++) store.add(i.toString(16).padStart(16, '0'), Uint8Array.of(i & 255, (i >> 8) & 255, 1, 2));
    store.add('', undefined);
    expect(store.size).toBe(70_001);
    expect(store.exactKey(69_999)).toBe((69_999).toString(16).padStart(16, '0'));
    expect(store.signatureBlock(69_999)[store.signatureStart(69_999) + 1]).toBe((69_999 >> 8) & 255);
    expect(store.wordless(70_000)).toBe(true);
    expect(store.wordless(3)).toBe(false);
    expect(store.exactKey(70_000)).toBe('');
  });

  it('refuses a signature of another length and a key that is not 16 hexadecimal digits', () => {
    const store = new SignatureStore(4);
    expect(() => store.add('0123456789abcdef', new Uint8Array(5))).toThrow(RangeError);
    expect(() => store.add('xyz', new Uint8Array(4))).toThrow(RangeError);
  });
});
