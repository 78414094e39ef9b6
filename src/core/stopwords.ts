/**
 * Stop words per language, from the maintained `stopword` package (short lists of function words
 * for some sixty languages), and a detector that picks the list that best fits a document.
 * Stop-word density is what tells running prose ("he said that the ...") from labels and menus
 * ("Sport", "Our Magazines"); a stop word at the end of a line marks it cut mid-phrase.
 */
import { createRequire } from 'node:module';
import { hasUnspacedScript } from './text.js';
import { stringHash, Vocabulary } from './tokens.js';
import { float64Array } from './arrays.js';

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

/**
 * Every list's words, numbered, and per number the positions in {@link LANGUAGES} of the lists
 * holding it; built once, on first use. A {@link Vocabulary} rather than a `Map`, so that a
 * document's word is looked up by the hash its own vocabulary holds, without hashing it again.
 * `filter` has the bit {@link filterBit} of each word's hash set: most words of a text are no
 * stop word, and one bit in a 32 KB table tells most of them so, where probing the 13k words'
 * 160 KB of slots and hashes missed the cache (each distinct word of each reading of each text is
 * looked up: 2% of the time of `clean()` went to probing).
 */
let index: { words: Vocabulary; languages: number[][]; filter: Uint32Array } | undefined;

/** Bits in {@link index}'s filter: about twenty per stop word, so that few other words pass it. */
const FILTER_BITS = 1 << 18;

/**
 * The bit of the filter that stands for a word of hash `hash`: high bits of the hash, which the
 * vocabulary's slots (indexed by its low bits) do not use.
 */
function filterBit(hash: number): number {
  return (hash >>> 14) & (FILTER_BITS - 1);
}

function languageIndex(): { words: Vocabulary; languages: number[][]; filter: Uint32Array } {
  if (index) return index;
  const words = new Vocabulary();
  const languages: number[][] = [];
  const filter = new Uint32Array(FILTER_BITS / 32);
  for (const [position, language] of LANGUAGES.entries()) {
    for (const word of LISTS[language]!) {
      const id = words.id(word);
      if (id === languages.length) languages.push([position]);
      else languages[id]!.push(position);
      const bit = filterBit(words.hash(id));
      filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  index = { words, languages, filter };
  return index;
}

const NO_LANGUAGES: readonly number[] = [];

/**
 * The positions, ascending, of the languages whose lists hold `word` (lower-cased), each as many
 * times as its list holds the word: none when it is no stop word. `hash` is its `Vocabulary`
 * hash, when the caller has it.
 */
export function stopwordLanguages(word: string, hash = stringHash(word)): readonly number[] {
  const { words, languages, filter } = languageIndex();
  const bit = filterBit(hash);
  if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return NO_LANGUAGES;
  const id = words.find(word, hash);
  return id < 0 ? NO_LANGUAGES : languages[id]!;
}

/** True when the stop-word list of some language holds `word` (lower-cased). */
export function isStopwordOfSomeLanguage(word: string): boolean {
  return stopwordLanguages(word).length > 0;
}

/** The stop words of one language, with the language code (`und` when none fits). */
export interface StopwordSet {
  readonly language: string;
  readonly words: ReadonlySet<string>;
  /** The language's position, as {@link stopwordLanguages} gives them; -1 for `und`. */
  readonly position: number;
}

const NONE: StopwordSet = { language: 'und', words: new Set(), position: -1 };
const sets = new Map<string, StopwordSet>();

function setFor(position: number): StopwordSet {
  const language = LANGUAGES[position]!;
  let set = sets.get(language);
  if (!set) {
    set = { language, words: new Set(LISTS[language]), position };
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
 * `languagesOf(i)` is {@link stopwordLanguages} of `words[i]`, for a caller that knows it.
 */
export function detectStopwordsOfCounts(
  words: readonly string[],
  occurrences: (index: number) => number,
  tokenCount: number,
  unspaced = true,
  languagesOf = (index: number): readonly number[] => stopwordLanguages(words[index]!),
): StopwordSet {
  const hits = float64Array(LANGUAGES.length);
  const count = (languages: readonly number[], times: number): void => {
    for (const language of languages) hits[language]! += times;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const times = occurrences(i);
    if (times === 0) continue;
    if (!unspaced || !hasUnspacedScript(word)) count(languagesOf(i), times);
    // Without spaces a token is a phrase ("市は来年度から"): its characters stand in for words.
    else for (const char of word) count(stopwordLanguages(char), times);
  }
  let best = -1;
  let bestHits = 0;
  hits.forEach((languageHits, language) => {
    if (languageHits > bestHits) {
      best = language;
      bestHits = languageHits;
    }
  });
  return best >= 0 && bestHits * 20 >= tokenCount ? setFor(best) : NONE;
}
