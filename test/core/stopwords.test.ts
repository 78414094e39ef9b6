/** Stop-word lookup: the filter in front of the lists never turns a stop word away. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detectStopwords, isStopwordOfSomeLanguage, stopwordLanguages } from '../../src/core/stopwords.js';
import { Vocabulary } from '../../src/core/tokens.js';

const require = createRequire(import.meta.url);
/** Every word of every list of the `stopword` package. */
const listed = Object.entries(require('stopword') as Record<string, unknown>)
  .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && !entry[0].startsWith('_'))
  .flatMap(([, words]) => words);

describe('stopwordLanguages', () => {
  it('finds every word of every list, by its own hash or by the hash a vocabulary holds', () => {
    const vocabulary = new Vocabulary();
    const missed = listed.filter((word) => {
      const id = vocabulary.id(word);
      return stopwordLanguages(word).length === 0 || stopwordLanguages(word, vocabulary.hash(id)).length === 0;
    });
    expect(listed.length).toBeGreaterThan(10000);
    expect(missed).toEqual([]);
  });

  it('gives the same languages with or without the hash', () => {
    const vocabulary = new Vocabulary();
    for (const word of ['the', 'und', 'что', 'les', 'council', 'harbour']) {
      expect(stopwordLanguages(word, vocabulary.hash(vocabulary.id(word)))).toEqual(stopwordLanguages(word));
    }
  });

  it('finds no language for content words', () => {
    for (const word of ['council', 'harbour', 'volcanic', 'parliament', 'koala']) expect(isStopwordOfSomeLanguage(word)).toBe(false);
  });
});

describe('detectStopwords', () => {
  it('picks the language whose list covers most tokens', () => {
    expect(detectStopwords('the council said that it would not vote on the plan before the summer'.split(' ')).language).toBe('eng');
    expect(detectStopwords('der rat sagte dass er nicht über den plan abstimmen werde'.split(' ')).language).toBe('deu');
  });
});
