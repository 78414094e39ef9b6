import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsWords, hasUnspacedScript, hasWideCharacter, isFolded, isWhiteSpace, lastWordToken, lineShape, narrowSlice, startsLower, startsUpper, wordCount, words } from '../../src/core/text.js';
import { unicodeText } from '../generators.js';

/** The definition the hand-written tokenizer must agree with: runs of word characters, joined by a soft hyphen between two of them, which the word's form leaves out. */
const WORD = /[\p{L}\p{N}\p{M}_]+(?:\u00AD[\p{L}\p{N}\p{M}_]+)*/gu;
const wordsByDefinition = (text: string): string[] => (text.match(WORD) ?? []).map((word) => word.replaceAll('\u00AD', ''));

describe('words', () => {
  it('finds what the Unicode regular expression finds, astral characters and lone surrogates included', () => {
    const text = 'a\ud800b \udc00c 𝒜𝒷 é́ x_1 ٣ 東京 “quoted” it’s 😀ok';
    expect(words(text)).toEqual(wordsByDefinition(text));
    expect(words('')).toEqual([]);
    expect(words(' — ')).toEqual([]);
  });

  it('reads a word broken by soft hyphens as the word ("Tau\u00ADsende"), and a soft hyphen outside a word as nothing', () => {
    expect(words('Tau\u00ADsende von Tex\u00ADten')).toEqual(['Tausende', 'von', 'Texten']);
    expect(words('a \u00AD b\u00AD \u00ADc')).toEqual(['a', 'b', 'c']);
    expect(lastWordToken('zum The\u00ADma')).toBe('Thema');
  });

  it('agrees with the definition on text full of soft hyphens', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZé1_ .\u00AD\u00AD𝒜'.split('')) }), (text) => {
        expect(words(text)).toEqual(wordsByDefinition(text));
        expect(lastWordToken(text)).toBe(words(text).at(-1));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the regular expression on any text', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, fc.string({ unit: 'binary' })), (text) => {
        expect(words(text)).toEqual(wordsByDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lastWordToken', () => {
  it('is the last of the words, surrogate pairs and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, fc.string({ unit: 'binary' })), (text) => {
        expect(lastWordToken(text)).toBe(words(text).at(-1));
      }),
      { numRuns: 2000 },
    );
    expect(lastWordToken('a𝒜 \ud835')).toBe('a𝒜');
    expect(lastWordToken(' — ')).toBeUndefined();
  });
});

describe('exceedsWords', () => {
  it('answers as wordCount does, stopping early only when the tokens settle it', () => {
    expect(exceedsWords('one two three four five', 4)).toBe(true);
    expect(exceedsWords('one two three four', 4)).toBe(false);
    // Four tokens that count as more words: a phrase of a script written without spaces.
    expect(exceedsWords('東京都は今日から新しい ab cd ef', 4)).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab 1中文字東京 .-\u00AD'.split('')) }), fc.integer({ min: 0, max: 8 }), (text, limit) => {
        expect(exceedsWords(text, limit)).toBe(wordCount(text) > limit);
      }),
    );
  });
});

describe('isWhiteSpace', () => {
  it('agrees with \\s on every UTF-16 code', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpace(code) !== /\s/u.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });
});

describe('hasUnspacedScript', () => {
  it('agrees with the script properties on every character', () => {
    const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    const disagree: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (hasUnspacedScript(`Zeile ${char} hier`) !== unspaced.test(char)) disagree.push(code);
    }
    expect(disagree).toEqual([]);
  });
});

describe('hasWideCharacter', () => {
  it.each([
    ['plain ASCII', false],
    ['Grüße, café, ½ and a non-breaking\u00a0space', false],
    ['a curly “quote”', true],
    ['an en dash – here', true],
    ['中文', true],
    ['an astral 𝒜', true],
    ['', false],
  ])('%j: %s', (text, wide) => {
    expect(hasWideCharacter(text)).toBe(wide);
  });
});

describe('narrowSlice', () => {
  it('gives the characters `slice` gives, wide or narrow, around surrogate pairs and lone surrogates', () => {
    // The document is held two bytes a character (a curly quote), its lines mostly narrow.
    const unit = fc.constantFrom(...'aZ09 .é\u00a0\u00ff\u0000“–中\ud835\udc9c\ud835'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        expect(narrowSlice(text, start, end)).toBe(text.slice(start, end));
      }),
    );
  });

  it('gives a slice longer than its scratch whole', () => {
    const text = `“${'Wörter und Sätze '.repeat(5000)}”`;
    expect(narrowSlice(text, 1, text.length - 1)).toBe(text.slice(1, -1));
  });
});

describe('isFolded', () => {
  it('agrees with normalize("NFKC") on every character, alone and after letters it could compose with', () => {
    // Bases that compose with what follows them: Latin and Greek vowels, a Hangul initial
    // consonant and a syllable without a final one, letters of Indic scripts with two-part vowels.
    const bases = ['', 'a', 'E', 'o', 'α', 'ω', 'и', '\u1100', '\uAC00', '\u0B47', '\u0BC6', '\u0CBF', '\u0D46', '\u1B05'];
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      for (const base of bases) {
        const text = `${base}${String.fromCharCode(code)}`;
        if (isFolded(text) !== (text.normalize('NFKC') === text)) disagree.push(text);
      }
    }
    expect(disagree).toEqual([]);
    expect(isFolded('Straße, Ärger, café, Москва')).toBe(true);
    expect(isFolded('The ﬁnal ½')).toBe(false);
    expect(isFolded('cafe\u0301')).toBe(false);
    expect(isFolded('emoji \u{1F600} and \u{1D400}')).toBe(false);
    expect(isFolded('emoji \u{1F600}')).toBe(true);
  });
});

describe('lineShape', () => {
  /** The definition, in Unicode classes, that the ASCII path must agree with. */
  function unicodeShape(text: string): string {
    return text
      .replace(/\p{Lu}[\p{L}\p{M}'’.-]*/gu, 'A')
      .replace(/\p{Ll}[\p{L}\p{M}'’.-]*/gu, 'a')
      .replace(/\p{N}+/gu, '0')
      .replace(/[\p{Lo}\p{M}]+/gu, 'o')
      .replace(/\s+/gu, ' ');
  }

  it('shapes any text in one pass as the five replacements, one kind at a time, do', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 \t.\'’-éÉß中文ʰǅ\u0301Ⅻ²\u00a0'.split('')) }), fc.string({ unit: 'binary' }), (mixed, any) => {
        expect(lineShape(mixed)).toBe(unicodeShape(mixed));
        expect(lineShape(any)).toBe(unicodeShape(any));
      }),
      { numRuns: 2000 },
    );
  });

  it('shapes a line longer than its scratch as a short one', () => {
    const long = 'Größere Fähren, 12 Autos und 中文 ʰ. '.repeat(2000);
    expect(long.length).toBeGreaterThan(1 << 16);
    expect(lineShape(long)).toBe(unicodeShape(long));
  });

  it('shapes ASCII text as the Unicode classes do', () => {
    expect(lineShape("[ CNET ]  O'Neil's 3.5-inch x_1\tdone.")).toBe(unicodeShape("[ CNET ]  O'Neil's 3.5-inch x_1\tdone."));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 \t\n\'.-_[]|:é’'.split('')) }), fc.string({ unit: 'grapheme-ascii' }), (mixed, ascii) => {
        expect(lineShape(mixed)).toBe(unicodeShape(mixed));
        expect(lineShape(ascii)).toBe(unicodeShape(ascii));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('startsLower and startsUpper', () => {
  /** The definitions, by the first letter as a regular expression finds it, that the table must agree with. */
  function firstLetter(text: string): string | undefined {
    return /\p{L}/u.exec(text)?.[0];
  }
  const lowerByDefinition = (text: string): boolean => {
    const letter = firstLetter(text);
    return letter !== undefined && letter !== letter.toUpperCase();
  };
  const upperByDefinition = (text: string): boolean => {
    const letter = firstLetter(text);
    return letter !== undefined && letter !== letter.toLowerCase() && letter === letter.toUpperCase();
  };

  it('agrees with the definitions on every code unit of the Basic Multilingual Plane after punctuation', () => {
    const disagree: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = `“(${String.fromCharCode(code)}x`;
      if (startsLower(text) !== lowerByDefinition(text) || startsUpper(text) !== upperByDefinition(text)) disagree.push(code);
    }
    expect(disagree).toEqual([]);
  });

  it('agrees with the definitions on any text, letters outside the Basic Multilingual Plane and lone surrogates too', () => {
    const units = '"( 1.aZéÉßǅʰ中\u0301𝐀𝐚𐐀𐐨\ud800\udc00'.split('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units) }), fc.string({ unit: 'binary' }), (mixed, any) => {
        for (const text of [mixed, any]) {
          expect(startsLower(text)).toBe(lowerByDefinition(text));
          expect(startsUpper(text)).toBe(upperByDefinition(text));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
