/**
 * Stop words per language, from the maintained `stopword` package (short lists of function words
 * for some sixty languages), and a detector that picks the list that best fits a document.
 * Stop-word density is what tells running prose ("he said that the ...") from labels and menus
 * ("Sport", "Our Magazines"); a stop word at the end of a line marks it cut mid-phrase.
 */
import { createRequire } from 'node:module';
import { hasUnspacedScript } from './text.js';

type StopwordLists = Record<string, string[]>;

const require = createRequire(import.meta.url);

/**
 * Closed-class English words the package's short English list lacks, added because a line
 * ending on one is cut mid-phrase ("has been suspended without").
 */
const MORE_ENGLISH = ['without', 'within', 'upon', 'toward', 'towards', 'across', 'against', 'among', 'during', 'despite', 'onto', 'per', 'via', 'unlike', 'whether', 'whose', 'whom', 'its', 'nor', 'yet', 'either', 'neither'];

/** The package's lists by ISO 639-3 code; `_123` (digits) is not a language. */
const LISTS: StopwordLists = Object.fromEntries(
  Object.entries(require('stopword') as Record<string, unknown>)
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && !entry[0].startsWith('_'))
    .map(([language, words]) => [language, language === 'eng' ? [...words, ...MORE_ENGLISH] : words]),
);

/** The languages, in the order of their codes: of two that fit equally well, the first is taken. */
const LANGUAGES = Object.keys(LISTS).sort();

/** Word -> the positions in {@link LANGUAGES} of the lists holding it; built once, on first use. */
let index: Map<string, number[]> | undefined;

function languageIndex(): Map<string, number[]> {
  if (index) return index;
  index = new Map();
  for (const [position, language] of LANGUAGES.entries()) {
    for (const word of LISTS[language]!) {
      const languages = index.get(word);
      if (languages) languages.push(position);
      else index.set(word, [position]);
    }
  }
  return index;
}

/** True when the stop-word list of some language holds `word` (lower-cased). */
export function isStopwordOfSomeLanguage(word: string): boolean {
  return languageIndex().has(word);
}

/** The stop words of one language, with the language code (`und` when none fits). */
export interface StopwordSet {
  readonly language: string;
  readonly words: ReadonlySet<string>;
}

const NONE: StopwordSet = { language: 'und', words: new Set() };
const sets = new Map<string, StopwordSet>();

function setFor(language: string): StopwordSet {
  let set = sets.get(language);
  if (!set) {
    set = { language, words: new Set(LISTS[language]) };
    sets.set(language, set);
  }
  return set;
}

/**
 * The stop-word list that covers most of `tokens` (lower-cased words), or an empty list when no
 * language covers at least one token in twenty: then callers fall back to signals that need no
 * language (length, punctuation, repetition).
 */
export function detectStopwords(tokens: readonly string[]): StopwordSet {
  return detectStopwordsOfCounts(tokens, () => 1, tokens.length);
}

/**
 * {@link detectStopwords} of a text given as words and how many times each occurs
 * (`occurrences(i)` times `words[i]`), and its number of tokens: a text's
 * common words, in many lists, are most of its tokens, so each is looked up once. `unspaced` is
 * false when no word is written in a script without spaces (then none is tested for one).
 */
export function detectStopwordsOfCounts(words: readonly string[], occurrences: (index: number) => number, tokenCount: number, unspaced = true): StopwordSet {
  const hits = new Float64Array(LANGUAGES.length);
  const lookup = languageIndex();
  const count = (word: string, times: number): void => {
    for (const language of lookup.get(word) ?? []) hits[language]! += times;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const times = occurrences(i);
    if (times === 0) continue;
    if (!unspaced || !hasUnspacedScript(word)) count(word, times);
    // Without spaces a token is a phrase ("市は来年度から"): its characters stand in for words.
    else for (const char of word) count(char, times);
  }
  let best = -1;
  let bestHits = 0;
  hits.forEach((languageHits, language) => {
    if (languageHits > bestHits) {
      best = language;
      bestHits = languageHits;
    }
  });
  return best >= 0 && bestHits * 20 >= tokenCount ? setFor(LANGUAGES[best]!) : NONE;
}
