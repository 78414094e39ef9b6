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

/** Word -> the languages whose list holds it; built once, on first use. */
let index: Map<string, string[]> | undefined;

function languageIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const [language, list] of Object.entries(LISTS)) {
    for (const word of list) {
      const languages = index.get(word);
      if (languages) languages.push(language);
      else index.set(word, [language]);
    }
  }
  return index;
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
  const occurrences = new Map<string, number>();
  for (const token of tokens) occurrences.set(token, (occurrences.get(token) ?? 0) + 1);
  return detectStopwordsOfCounts(occurrences, tokens.length);
}

/**
 * {@link detectStopwords} of a text given as its distinct lower-cased words, each with its number
 * of occurrences, and its number of tokens: the common words, in many lists, are most of the
 * tokens, so each is looked up in the languages' lists once.
 */
export function detectStopwordsOfCounts(words: Iterable<readonly [string, number]>, tokenCount: number): StopwordSet {
  const occurrences = new Map<string, number>();
  const count = (word: string, times: number): void => {
    occurrences.set(word, (occurrences.get(word) ?? 0) + times);
  };
  for (const [word, times] of words) {
    if (!hasUnspacedScript(word)) count(word, times);
    // Without spaces a token is a phrase ("市は来年度から"): its characters stand in for words.
    else for (const char of word) count(char, times);
  }
  const hits = new Map<string, number>();
  const lookup = languageIndex();
  for (const [word, times] of occurrences) {
    for (const language of lookup.get(word) ?? []) hits.set(language, (hits.get(language) ?? 0) + times);
  }
  let best = '';
  let bestHits = 0;
  for (const [language, count] of hits) {
    if (count > bestHits || (count === bestHits && language < best)) {
      best = language;
      bestHits = count;
    }
  }
  return bestHits * 20 >= tokenCount && bestHits > 0 ? setFor(best) : NONE;
}
