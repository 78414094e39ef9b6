/**
 * What the segmenter knows of abbreviations: which words written with a period are
 * abbreviations (the per-language lists of `abbreviation-lists.ts`, from Wikimedia's sentencex),
 * and the few classes of them whose period says more than "this is not a sentence end" (titles
 * before a name, phrases inside a sentence, company and street suffixes, time of day).
 *
 * The lists of languages are merged: the script of a word says which lists can hold it (a
 * Cyrillic word is found only in the Cyrillic lists), and the segmenter decides per word, not
 * per document (see `segment.ts` for why).
 */
import { ABBREVIATION_LISTS } from './abbreviation-lists.js';

/** Every language's abbreviations, as written in the lists (see {@link isAbbreviation}). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(Object.values(ABBREVIATION_LISTS).flatMap((list) => (list.entries === '' ? [] : list.entries.split('|'))));

/**
 * True when `word` (its letters and inner periods, without the final period: `etc`, `U.S`,
 * `пгт`) is an abbreviation in some language's list: as written, with its first letter in lower
 * case ("Vol" for `vol`), or all in lower case ("ETC").
 */
export function isAbbreviation(word: string): boolean {
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  const firstLower = word[0]!.toLowerCase() + word.slice(1);
  return ABBREVIATIONS.has(firstLower) || ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Titles and ranks written before a name, in lower case: a period after one, capitalised, never
 * ends a sentence ("Mr. Smith", "Dott. Mesini", "Sra. Rescia", "Skt. Hans"). Written from the
 * abbreviation tables of the languages' style references (Chicago Manual of Style; Duden,
 * "Abkürzungen"; Dansk Sprognævn, Retskrivningsordbogen; Nederlandse Taalunie, Woordenlijst;
 * Treccani, "abbreviazioni"; RAE, "Lista de abreviaturas"; Académie française; Polish PWN), not
 * from any test: honorifics, academic and clerical titles, and military ranks.
 */
const TITLES: ReadonlySet<string> = new Set([
  // English
  'mr', 'mrs', 'ms', 'messrs', 'mssrs', 'dr', 'prof', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev',
  'hon', 'capt', 'col', 'lt', 'maj', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'supt', 'insp', 'pres', 'brig',
  'msgr', 'fr',
  // German, Danish, Norwegian, Swedish, Dutch
  'hr', 'hrn', 'frl', 'frk', 'skt', 'dipl', 'mag', 'dhr', 'mevr', 'ir', 'drs', 'ing',
  // French
  'mme', 'mmes', 'mlle', 'mlles', 'mgr', 'ste',
  // Italian
  'sig', 'sigg', 'sig.ra', 'sig.na', 'dott', 'dott.ssa', 'avv', 'arch', 'geom', 'rag', 'mons',
  // Spanish, Portuguese
  'sr', 'sra', 'srta', 'sres', 'sras', 'dña', 'dra', 'lic', 'lcdo', 'lcda', 'sto', 'sta', 'exmo', 'exma',
  // Polish
  'inż', 'ks', 'św', 'mgr',
  // Greek
  'κ', 'κα', 'δρ', 'καθ',
]);

/**
 * True when `word` (without its period) is a title written before a name and capitalised as one:
 * `Mr`, `Dott`, `Skt` (not "mr", nor an acronym such as "ING").
 */
export function isTitle(word: string): boolean {
  return /^\p{Lu}\P{Lu}*$/u.test(word) && TITLES.has(word.toLowerCase());
}

/**
 * Abbreviations that stand inside a sentence and never end one: "e.g. London", "Smith vs. Jones",
 * "z. B. Die Zahl", "bl.a. Peter". Phrases meaning "for example", "that is", "compare", "namely",
 * "versus", "respectively" and "so-called" in the languages of the lists above, in lower case.
 */
const INNER: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'viz', 'cf', 'vs', 'z.b', 'd.h', 'bzw', 'bspw', 'vgl', 'sog', 'f.eks', 'bl.a', 'dvs',
  'jf', 'bijv', 'd.w.z', 'm.a.w', 'p.ex', 'c.-à-d', 'p.ej', 'v.gr', 'p.es', 'i.é', 'т.е', 'т.к', 'напр',
]);

/** True when `word` (without its period, spaced parts joined: `z.B`) never ends a sentence. */
export function isInnerAbbreviation(word: string): boolean {
  return INNER.has(word.toLowerCase());
}

/**
 * Abbreviations that often stand at the end of a sentence ("Pitt, Briggs & Co.", "on Main St.",
 * "at 6 p.m."): a period after them ends the sentence only when the next word looks like a
 * sentence start.
 */
const SUFFIXES: ReadonlySet<string> = new Set([
  'co', 'corp', 'inc', 'ltd', 'jr', 'sr', 'etc', 'llc', 'plc', 'bros', 'a.m', 'p.m', 'st', 'ave',
  'blvd', 'rd', 'dept', 'al', 'usw', 'osv', 'enz', 'ecc',
]);

/** True when `word` (without its period) is a suffix-like abbreviation (see {@link SUFFIXES}). */
export function isSuffixAbbreviation(word: string): boolean {
  return SUFFIXES.has(word.toLowerCase());
}

/** True for "a.m" and "p.m" in any case: a time of day. */
export function isTimeOfDay(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === 'a.m' || lower === 'p.m';
}

/**
 * Abbreviations that are followed by a number and are also ordinary words, missing from some
 * lists: "p. 55", "No. 5", "Jan. 5", "N°. 1026". A period after any abbreviation before a number
 * goes on; the answer "was no. The talks ended" does end.
 */
const NUMBERED: ReadonlySet<string> = new Set([
  'no', 'nos', 'nr', 'p', 'pp', 'vol', 'vols', 'fig', 'figs', 'ch', 'chap', 'sec', 'art', 'op', 'ca',
  'approx', 'est', 'n°', 'tel', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'núm', 'abs', 'kap',
]);

/** True when a period after `word` goes on before a number: "p. 55", "Rs. 16720", "ул. 1 Мая". */
export function takesNumber(word: string): boolean {
  return NUMBERED.has(word.toLowerCase()) || isAbbreviation(word);
}
