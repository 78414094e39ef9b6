import { describe, expect, it } from 'vitest';
import { normalisedWords } from '../../src/dedup/normalise.js';

const words = (text: string): number[] => {
  const read = normalisedWords(text);
  return Array.from(read.hashes.subarray(0, read.count));
};
const starts = (text: string): number[] => {
  const read = normalisedWords(text);
  return Array.from(read.paragraphStarts.subarray(0, read.count));
};

describe('normalisedWords', () => {
  it('gives the same words and exact key whatever the case, spacing, punctuation and line endings', () => {
    const plain = 'The council voted on Tuesday.\n\nIt was close.\n';
    for (const variant of ['THE COUNCIL VOTED ON TUESDAY\r\n\r\nIT WAS CLOSE', 'The coun\u00ADcil vot\u00ADed on Tues\u00ADday.\n\nIt was close.', '“The council” voted — on Tuesday!!\n\n\n   It was... close?', 'The council voted\non Tuesday. It was close.']) {
      expect(words(variant)).toEqual(words(plain));
      expect(normalisedWords(variant).exactKey).toBe(normalisedWords(plain).exactKey);
    }
  });

  it('gives another exact key for another word, another order, or one word more', () => {
    const key = normalisedWords('the council voted on tuesday').exactKey;
    expect(key).toMatch(/^[0-9a-f]{16}$/u);
    for (const other of ['the council voted on monday', 'the council on voted tuesday', 'the council voted on tuesday again', 'the council voted on']) {
      expect(normalisedWords(other).exactKey).not.toBe(key);
    }
  });

  it('reads a text without words as no words and no key', () => {
    for (const text of ['', '   \n\n', '... — !!', '\u00a0']) {
      const read = normalisedWords(text);
      expect(read.count).toBe(0);
      expect(read.exactKey).toBe('');
    }
  });

  it('starts a paragraph at the first word and after each blank line (LF, CRLF, lone CR), not at a single line break', () => {
    expect(starts('one two\nthree\n\nfour five\r\n\r\nsix\r\rseven')).toEqual([1, 0, 0, 1, 0, 1, 1]);
    expect(starts('a b\n \t \nc')).toEqual([1, 0, 1]);
    expect(starts('a b\n x \nc')).toEqual([1, 0, 0, 0]);
  });

  it('counts each character of a text written without spaces as a word', () => {
    expect(normalisedWords('東京都は今日').count).toBe(6);
    expect(words('東京都は今日')).toEqual(words('東 京 都 は 今 日'));
    // One changed character changes one word, not the whole phrase.
    const a = words('東京都は今日雨');
    const b = words('東京都は明日雨');
    expect(a.filter((word, i) => word !== b[i])).toHaveLength(1);
  });

  it('folds case and compatibility forms outside ASCII, but keeps accents', () => {
    expect(words('ÉCOLE STRASSE ΣΟΦΙΑΣ ﬁnal ＡＢＣ')).toEqual(words('école Straße σοφιας final abc'));
    expect(words('ÉCOLE')).not.toEqual(words('ecole'));
  });

  it('is the same on every machine: the exact key of a fixed text is pinned', () => {
    // Signatures made by one version are compared with signatures made elsewhere; a change to the
    // hashing must change the format version of the signatures file, and then this value.
    expect(normalisedWords('The council voted on Tuesday to approve a new budget.').exactKey).toBe('5db6b0029b6eced6');
  });
});
