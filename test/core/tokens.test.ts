import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerWords, words } from '../../src/core/text.js';
import { hashWords, sameWords, tokenizeDocument, tokenRange, Vocabulary, type DocumentWords } from '../../src/core/tokens.js';
import { unicodeText } from '../generators.js';

describe('Vocabulary', () => {
  it('numbers strings in the order met, ASCII ranges of a text lower-cased, across growth', () => {
    const vocabulary = new Vocabulary();
    expect(vocabulary.id('the')).toBe(0);
    expect(vocabulary.idOfAscii('xx The', 3, 6)).toBe(0);
    const many = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const ids = many.map((word) => vocabulary.id(word));
    expect(ids).toEqual(many.map((_, i) => i + 1));
    expect(many.map((word) => vocabulary.idOfAscii(word.toUpperCase(), 0, word.length))).toEqual(ids);
    expect(vocabulary.word(5)).toBe('w4');
    expect(vocabulary.size).toBe(3001);
  });

  it('keeps a new ASCII word lower-cased, and as it is when told it holds no capital', () => {
    const vocabulary = new Vocabulary();
    expect(vocabulary.word(vocabulary.idOfAscii('a NEW word', 2, 5))).toBe('new');
    const id = vocabulary.idOfAscii('“plain”', 1, 6, undefined, false);
    expect(vocabulary.word(id)).toBe('plain');
    expect(vocabulary.idOfAscii('PLAIN', 0, 5)).toBe(id);
  });
});

describe('tokenizeDocument', () => {
  it('finds the words of the text, lower-cased as `lowerWords` lower-cases them', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        const found = tokenizeDocument(text);
        const lower = Array.from(found.ids.subarray(0, found.count), (id) => found.vocabulary.word(id));
        expect(lower).toEqual(words(text).map((word) => word.toLowerCase()));
        if (found.contextual.length === 0) expect(lower).toEqual(lowerWords(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers a word broken by a soft hyphen as the word itself', () => {
    const found = tokenizeDocument('Tausende und Tau\u00ADsende, tau\u00ADsende');
    expect(found.count).toBe(4);
    expect(new Set([found.ids[0], found.ids[2], found.ids[3]]).size).toBe(1);
    expect(Array.from(found.writtenLower.subarray(0, found.count))).toEqual([0, 1, 0, 1]);
  });

  it("fills a spare document's arrays when they have room, with the same tokens as new ones", () => {
    const earlier = tokenizeDocument('An earlier and longer text of many words, read before this one.');
    const text = 'The Cat sat here';
    const fresh = tokenizeDocument(text);
    const reused = tokenizeDocument(text, earlier);
    expect(reused.starts).toBe(earlier.starts);
    expect(reused.ids).toBe(earlier.ids);
    expect(reused.writtenLower).toBe(earlier.writtenLower);
    expect(reused.count).toBe(fresh.count);
    expect(Array.from(reused.starts.subarray(0, reused.count))).toEqual(Array.from(fresh.starts.subarray(0, fresh.count)));
    expect(Array.from(reused.ids.subarray(0, reused.count), (id) => reused.vocabulary.word(id))).toEqual(['the', 'cat', 'sat', 'here']);
    expect(Array.from(reused.writtenLower.subarray(0, reused.count))).toEqual([0, 0, 1, 1]);
    // Too small for the text: new arrays.
    const longer = tokenizeDocument(`${text} ${text} ${text} ${text} ${text}`, tokenizeDocument('One'));
    expect(longer.count).toBe(20);
  });

  it('fills the arrays of a long text before counting its tokens, and counts when they are too small', () => {
    // Past a million characters a text's tokens are counted before its arrays are made; a later
    // reading's (the last one's text, shortened) goes into the last reading's arrays without that.
    const long = 'Der Fährmann sagte, die ﬁnale Prüfung sei vorbei. '.repeat(22_000);
    const shorter = long.slice(0, long.length - 50 * 1000);
    expect(shorter.length).toBeGreaterThan(1 << 20);
    /** The first token where `a` and `b` differ (start, id or case), -1 when none. */
    const firstDifference = (a: DocumentWords, b: DocumentWords): number => {
      for (let i = 0; i < Math.max(a.count, b.count); i++) {
        if (i >= a.count || i >= b.count || a.starts[i] !== b.starts[i] || a.ids[i] !== b.ids[i] || a.writtenLower[i] !== b.writtenLower[i]) return i;
      }
      return -1;
    };
    const same = (a: DocumentWords, b: DocumentWords): void => {
      expect(a.count).toBe(b.count);
      expect(firstDifference(a, b)).toBe(-1);
      expect(a.vocabulary.words).toEqual(b.vocabulary.words);
    };
    // What each result is compared with: a tokenisation whose arrays are never handed on (a
    // reading that takes them over writes its own tokens into them).
    const expected = tokenizeDocument(long);
    const earlier = tokenizeDocument(long);
    const room = earlier.starts.length;
    expect(room).toBe(earlier.count);
    const reused = tokenizeDocument(shorter, earlier);
    expect(reused.starts).toBe(earlier.starts);
    same(reused, tokenizeDocument(shorter));
    // The longer text in the arrays of the shorter one: they fill up, the text is counted, new arrays.
    const small = tokenizeDocument(shorter);
    const grown = tokenizeDocument(long, small);
    expect(grown.starts).not.toBe(small.starts);
    expect(grown.starts.length).toBe(room);
    same(grown, expected);
    // Exactly as many tokens as there is room for: filled, not counted into new arrays.
    const spare = tokenizeDocument(long);
    const exact = tokenizeDocument(long, spare);
    expect(exact.starts).toBe(spare.starts);
    same(exact, expected);
  });

  it('marks words written in lower case, and words whose lower case depends on their neighbours', () => {
    const found = tokenizeDocument('the Cat ΟΔΟΣ é');
    expect(Array.from(found.writtenLower.subarray(0, found.count))).toEqual([1, 0, 0, 1]);
    expect(found.contextual).toEqual([2]);
  });
});

describe('tokenRange', () => {
  it('gives the tokens of any run of words, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bb', 'C', '.', '—', 'é'), { maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }), (parts, asked) => {
        const text = parts.join(' ');
        const found = tokenizeDocument(text);
        // Piece boundaries at the spaces between parts, as lines and sentences are cut.
        const cuts = [0, ...parts.map((_, i) => parts.slice(0, i + 1).join(' ').length)];
        const pieces = asked.map(([a, b]) => {
          const start = cuts[a % cuts.length]!;
          return { start, end: Math.max(start, cuts[b % cuts.length]!) };
        });
        // Each piece asked twice in a row, as the rules do (the second answer is the one kept), and
        // all of them again in the other order, as the next rule does (the answers kept by start,
        // where pieces of one start, or of starts 64 characters apart, share a place).
        for (const { start, end } of [...pieces, ...pieces.reverse()]) {
          for (let time = 0; time < 2; time++) {
            const { from, to } = tokenRange(found, start, end);
            expect(to - from).toBe(words(text.slice(start, end)).length);
            if (to > from) expect(found.starts[from]).toBeGreaterThanOrEqual(start);
            if (from > 0) expect(found.starts[from - 1]).toBeLessThan(start);
          }
        }
      }),
    );
  });
});

describe('tokenRange on a long text', () => {
  it('gives the tokens of pieces read in order with jumps far back between them, as a count from the start does', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 4999 }), { minLength: 1, maxLength: 40 }), (jumps) => {
        // 5000 words of 1-3 letters: far more tokens than a search counts as near its hint.
        const parts = Array.from({ length: 5000 }, (_, i) => 'abc'.slice(0, 1 + (i % 3)));
        const text = parts.join(' ');
        const found = tokenizeDocument(text);
        const offsets = [0];
        for (const part of parts) offsets.push(offsets[offsets.length - 1]! + part.length + 1);
        const check = (first: number, last: number): void => {
          const { from, to } = tokenRange(found, offsets[first]!, offsets[last]! - 1);
          expect({ from, to }).toEqual({ from: first, to: last });
        };
        // Lines of ten words in order; after each, a piece far back (a candidate), as near-duplicate reads them.
        for (let line = 0, i = 0; line + 10 <= 5000; line += 10, i++) {
          check(line, line + 10);
          check(line, line + 10);
          const back = jumps[i % jumps.length]! % (line + 1);
          check(back, Math.min(back + 3, 5000));
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('sameWords and hashWords', () => {
  it('tell sequences of ids apart', () => {
    expect(sameWords([1, 2, 3], new Int32Array([1, 2, 3]))).toBe(true);
    expect(sameWords([1, 2], [1, 2, 3])).toBe(false);
    expect(hashWords([1, 2, 3])).toBe(hashWords(new Int32Array([1, 2, 3])));
    expect(hashWords([1, 2, 3])).not.toBe(hashWords([3, 2, 1]));
    expect(hashWords([1, 2, 3])).toBeLessThan(2 ** 30);
  });
});
