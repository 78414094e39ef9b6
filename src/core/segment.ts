/**
 * Sentence segmentation with character offsets. Rule-based, in the spirit of pySBD's golden rules:
 * a sentence ends at terminal punctuation (`.!?…` and the full-width `。！？`) followed by the end
 * of the text, or by white space and something that can start a sentence, unless the period
 * belongs to an abbreviation ("Mr. Smith", "p. 55"), an initial ("Jonas E. Smith") or a number.
 */
import type { Span } from './model.js';

/** Punctuation that can end a sentence, with the closing quotes and brackets that may follow. */
const TERMINAL_RUN = /(?:[.!?…‼⁇⁈⁉]+|[。！？]+)["'”’»)\]」』]*/gu;

/** Full-width terminators end a sentence without needing a space after them. */
const FULL_WIDTH = /[。！？]/u;

/**
 * Abbreviations after which a period never ends a sentence, because a name or number follows:
 * "Mr. Smith", "Dr. Who", "Mt. Fuji", "p. 55", "No. 5".
 */
const PREFIX_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon',
  'capt', 'col', 'lt', 'maj', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'supt', 'insp', 'pres', 'messrs',
  'no', 'nos', 'p', 'pp', 'vol', 'vols', 'fig', 'figs', 'ch', 'chap', 'sec', 'art', 'op', 'cf', 'vs',
  'approx', 'dept', 'est', 'ave', 'blvd', 'rd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'viz', 'al', 'ca', 'n°',
]);

/**
 * Abbreviations that often stand at the end of a sentence ("Pitt, Briggs & Co.", "in the U.S."):
 * a period after them ends the sentence only when the next word looks like a sentence start.
 */
const SUFFIX_ABBREVIATIONS = new Set(['co', 'corp', 'inc', 'ltd', 'jr', 'etc', 'llc', 'plc', 'bros', 'a.m', 'p.m']);

/** Capitalised words that usually begin a sentence (pronouns, articles, conjunctions). */
const SENTENCE_STARTERS = new Set([
  'a', 'after', 'all', 'also', 'an', 'and', 'as', 'at', 'but', 'by', 'did', 'do', 'does', 'for', 'he',
  'her', 'here', 'his', 'how', 'however', 'i', 'if', 'in', 'it', 'its', 'many', 'more', 'most', 'my',
  'no', 'not', 'now', 'of', 'on', 'once', 'one', 'or', 'our', 'she', 'so', 'some', 'that', 'the',
  'their', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'we', 'what', 'when', 'where',
  'which', 'while', 'who', 'why', 'with', 'yes', 'you', 'your',
]);

/**
 * The sentences of `text[start, end)`, as spans of the whole text with leading and trailing white
 * space excluded. Runs in time linear in the length of the range.
 */
export function segmentSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  TERMINAL_RUN.lastIndex = start;
  for (let match = TERMINAL_RUN.exec(text); match && match.index < end; match = TERMINAL_RUN.exec(text)) {
    const runEnd = Math.min(match.index + match[0].length, end);
    if (runEnd <= sentenceStart) continue;
    if (!endsSentence(text, match.index, runEnd, end)) continue;
    spans.push({ start: sentenceStart, end: runEnd });
    sentenceStart = skipSpace(text, runEnd, end);
  }
  const tail = trimEnd(text, sentenceStart, end);
  if (tail > sentenceStart) spans.push({ start: sentenceStart, end: tail });
  return spans;
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/u.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/u.test(text[i - 1]!)) i--;
  return i;
}

/** Decides whether the terminal punctuation at `text[at, runEnd)` closes a sentence. */
function endsSentence(text: string, at: number, runEnd: number, end: number): boolean {
  if (runEnd >= end) return true;
  const punctuation = text.slice(at, runEnd);
  if (FULL_WIDTH.test(punctuation)) return true;
  if (!/\s/u.test(text[runEnd]!)) return false;
  const next = nextWord(text, skipSpace(text, runEnd, end), end);
  if (next === '') return true;
  if (/^\p{Ll}/u.test(next)) return false;
  if (!/^\.["'”’»)\]]*$/u.test(punctuation)) return true;
  return !periodBelongsToWord(text, at, next);
}

/** The word (or other run of non-space characters) starting at `from`. */
function nextWord(text: string, from: number, end: number): string {
  let i = from;
  while (i < end && !/\s/u.test(text[i]!)) i++;
  return text.slice(from, i);
}

/** True when the single period at `at` is part of an abbreviation, an initial or a number. */
function periodBelongsToWord(text: string, at: number, next: string): boolean {
  const before = previousWord(text, at);
  if (before === '') return false;
  const lower = before.toLowerCase();
  const nextLower = next.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  if (/^\d+$/u.test(before) && /^\d/u.test(next)) return true;
  if (PREFIX_ABBREVIATIONS.has(lower)) return true;
  if (/^\p{Lu}$/u.test(before) && before !== 'I') return true;
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(before);
  if (SUFFIX_ABBREVIATIONS.has(lower) || dotted) return !SENTENCE_STARTERS.has(nextLower);
  return false;
}

/** The letters and inner periods right before `at`: `U.S` for "the U.S.", `Mr` for "Mr.". */
function previousWord(text: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}\p{N}.°]/u.test(text[i - 1]!)) i--;
  return text.slice(i, at).replace(/^\.+/u, '');
}
