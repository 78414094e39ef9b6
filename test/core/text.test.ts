import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../../src/core/text.js';
import { unicodeText } from '../generators.js';

/** The definition the hand-written tokenizer must agree with. */
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

describe('words', () => {
  it('finds what the Unicode regular expression finds, astral characters and lone surrogates included', () => {
    const text = 'a\ud800b \udc00c 𝒜𝒷 é́ x_1 ٣ 東京 “quoted” it’s 😀ok';
    expect(words(text)).toEqual(text.match(WORD));
    expect(words('')).toEqual([]);
    expect(words(' — ')).toEqual([]);
  });

  it('agrees with the regular expression on any text', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, fc.string({ unit: 'binary' })), (text) => {
        expect(words(text)).toEqual(text.match(WORD) ?? []);
      }),
      { numRuns: 2000 },
    );
  });
});
