/**
 * Sentence segmentation with character offsets. Rule-based, in the spirit of pySBD's golden rules.
 *
 * The range is first cut into tokens: maximal runs of non-space characters. A sentence can end
 *
 * - at the end of a token that ends in terminal punctuation (`.!?…` and friends, possibly followed
 *   by closing quotes and brackets: `great."`, `engineer.)`), when the next token can start a
 *   sentence, unless the period belongs to an abbreviation ("Mr. Smith", "p. 55"), an initial
 *   ("Jonas E. Smith") or a number, or the dots are a spaced ellipsis (". . .");
 * - inside a token, after the full-width terminators `。！？` that need no space after them
 *   ("今日は晴れ。明日は雨。"), and after ASCII `!?` between Chinese or Japanese characters;
 * - before a list marker that continues the numbering of the list item the current sentence
 *   started with ("1) The first item 2) The second item").
 *
 * Every decision looks at the token itself and a bounded number of neighbouring tokens, so the
 * whole pass is linear in the length of the range; no regular expression here can backtrack
 * beyond the token it is applied to.
 */
import type { Span } from './model.js';
import { CLOSERS, FULL_WIDTH_TERMINALS as FULL_WIDTH, OTHER_SCRIPT_TERMINALS, TERMINALS as LINE_TERMINALS } from './predicates.js';
import { isWhiteSpace } from './text.js';
import { tokenCapacity } from './tokens.js';

/** Characters that can end a sentence: those a line ends with, and other scripts' marks. */
const TERMINALS = new Set([...LINE_TERMINALS, ...OTHER_SCRIPT_TERMINALS]);

/** Opening quotes and brackets that may precede the first letter of a sentence: `"Why?`, `(The`. */
const OPENERS = /^[("'“‘«[¿¡„「『（【《〈]+/u;

/** Characters of scripts written without spaces, where ASCII `!` and `?` may also end a sentence. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Titles before a name: a period after them never ends a sentence when they are capitalised,
 * as in "Mr. Smith", "Dr. Who", "Mt. Fuji", "Gen. Lee". Lower-case "rep." or "gen." is a word.
 */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon', 'capt',
  'col', 'lt', 'maj', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'supt', 'insp', 'pres', 'messrs', 'mme',
  'mlle', 'fr',
]);

/**
 * Abbreviations that are followed by a number: "p. 55", "No. 5", "Vol. 2", "Jan. 5", "N°. 1026".
 * A period after them ends the sentence only when no number follows, because most of them are
 * also ordinary words that can end a sentence ("The answer was no. The talks ended.").
 */
const NUMBERED = new Set([
  'no', 'nos', 'nr', 'p', 'pp', 'vol', 'vols', 'fig', 'figs', 'ch', 'chap', 'sec', 'art', 'op',
  'ca', 'approx', 'est', 'n°', 'tel', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations that are always followed by more of the sentence: "e.g. London", "Smith vs. Jones". */
const INNER = new Set(['e.g', 'i.e', 'viz', 'cf', 'vs']);

/**
 * Abbreviations that often stand at the end of a sentence ("Pitt, Briggs & Co.", "on Main St.",
 * "at 6 p.m."): a period after them ends the sentence only when the next word looks like a
 * sentence start. Dotted abbreviations ("U.S.", "E.U.") are treated the same way.
 */
const SUFFIXES = new Set([
  'co', 'corp', 'inc', 'ltd', 'jr', 'sr', 'etc', 'llc', 'plc', 'bros', 'a.m', 'p.m', 'st', 'ave',
  'blvd', 'rd', 'dept', 'al',
]);

/** Capitalised words that usually begin a sentence (pronouns, articles, conjunctions, adverbs). */
const SENTENCE_STARTERS = new Set([
  'a', 'according', 'after', 'all', 'also', 'although', 'an', 'and', 'as', 'at', 'because', 'before',
  'both', 'but', 'by', 'did', 'do', 'does', 'during', 'each', 'even', 'every', 'for', 'from', 'he',
  'her', 'here', 'his', 'how', 'however', 'i', 'if', 'in', 'it', 'its', 'many', 'meanwhile', 'more',
  'most', 'my', 'no', 'not', 'now', 'of', 'on', 'once', 'one', 'or', 'our', 'she', 'since', 'so',
  'some', 'still', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'those',
  'though', 'to', 'until', 'we', 'what', 'when', 'where', 'which', 'while', 'who', 'why', 'with',
  'yes', 'yet', 'you', 'your',
]);

/** A bullet standing as a token of its own before a list marker: "• 9. The first item". */
const BULLET = /^[•⁃‣◦▪●]$/u;

/**
 * A list marker token: an optional bullet, then a number of up to three digits or a lower-case
 * letter, then `.`, `.)` or `)`: "1.", "2.)", "3)", "a.", "⁃9.".
 */
const LIST_MARKER = /^([•⁃‣◦▪●]?)(\d{1,3}|[a-z])(\.\)|\.|\))$/u;

/** A number-like token after "No.", "p." and the like: "55", "#3", "II", "XIV.". */
const NUMBER_LIKE = /^(?:[#\d]|[IVXLC]+(?:[.,;:)]|$))/u;

/** A list marker, as read from one or two tokens. */
interface ListMarker {
  /** The bullet written before the marker, or `''`. */
  readonly bullet: string;
  /** Whether the marker is a number ("1.") or a letter ("a."). */
  readonly letter: boolean;
  /** The number, or the letter's code point. */
  readonly value: number;
  /** The punctuation after the number or letter: `.`, `.)` or `)`. */
  readonly style: string;
  /** How many tokens the marker takes: 2 for a bullet standing apart ("• 9."), else 1. */
  readonly tokens: number;
}

/**
 * The sentences of `text[start, end)`, as spans of the whole text with leading and trailing white
 * space excluded. Runs in time linear in the length of the range.
 */
export function segmentSentences(text: string, start = 0, end = text.length): Span[] {
  return sentenceSplitter()(text, start, end);
}

/** Splits `text[start, end)` into sentences (see {@link sentenceSplitter}). */
export type SentenceSplitter = (text: string, start: number, end: number) => Span[];

/**
 * A function that splits ranges of text into sentences as {@link segmentSentences} does, reusing
 * its token arrays from one range to the next: a parse splits thousands of short ranges, and
 * making a typed array costs more than filling it. The arrays grow to the longest range split.
 */
export function sentenceSplitter(): SentenceSplitter {
  const buffer: TokenArrays = { starts: new Int32Array(0), ends: new Int32Array(0), marked: new Uint8Array(0) };
  return (text, start, end) => splitTokens(text, tokenize(text, start, end, buffer));
}

/** The sentences of a range, given its tokens. */
function splitTokens(text: string, tokens: Tokens): Span[] {
  const spans: Span[] = [];
  /** Offset where the open sentence starts, or -1 between sentences. */
  let sentenceStart = -1;
  /** Token holding the start of the open sentence. */
  let firstToken = 0;
  /** The list marker the open sentence starts with, if any, and the last token it takes. */
  let marker: ListMarker | undefined;
  let markerEnd = -1;

  const open = (t: number, offset: number, withMarker: boolean): void => {
    sentenceStart = offset;
    firstToken = t;
    marker = withMarker ? listMarkerAt(text, tokens, t) : undefined;
    markerEnd = marker ? t + marker.tokens - 1 : -1;
  };
  const close = (offset: number): void => {
    if (offset > sentenceStart) spans.push({ start: sentenceStart, end: offset });
    sentenceStart = -1;
  };

  for (let t = 0; t < tokens.length; t++) {
    const token = tokenAt(tokens, t);
    if (sentenceStart < 0) {
      open(t, token.start, true);
    } else if (marker && t > markerEnd) {
      // "1) The first item 2) The second item": the next number of the same list opens a sentence.
      const next = listMarkerAt(text, tokens, t);
      if (next && continuesList(marker, next)) {
        close(tokenAt(tokens, t - 1).end);
        open(t, token.start, true);
      }
    }
    if (tokens.marked[t] === 1) {
      for (const cut of innerBoundaries(text, token.start, token.end)) {
        close(cut);
        open(t, cut, false);
      }
    }
    if (t + 1 < tokens.length && t > markerEnd && endsSentence(text, tokens, t, firstToken)) close(token.end);
  }
  if (sentenceStart >= 0 && tokens.length > 0) close(tokenAt(tokens, tokens.length - 1).end);
  return spans;
}

/**
 * The runs of non-space characters of a range, in typed arrays rather than one object each: the
 * range can be a 200 MB line of tens of millions of tokens.
 */
interface Tokens extends TokenArrays {
  /** How many tokens there are (the arrays may be longer). */
  readonly length: number;
}

/** Arrays of token offsets, reused from one range to the next (see {@link sentenceSplitter}). */
interface TokenArrays {
  starts: Int32Array;
  ends: Int32Array;
  /**
   * Per token, 1 when it holds `!`, `?` or a character outside ASCII: only such a token can hold
   * {@link innerBoundaries}, which are looked for in it alone.
   */
  marked: Uint8Array;
}

/** The runs of non-space characters of `text[start, end)`, in `buffer`, made longer when needed. */
function tokenize(text: string, start: number, end: number, buffer: TokenArrays): Tokens {
  const capacity = tokenCapacity(end - start, (count) => scanTokens(text, start, end, count));
  if (buffer.starts.length < capacity) {
    buffer.starts = new Int32Array(capacity);
    buffer.ends = new Int32Array(capacity);
    buffer.marked = new Uint8Array(capacity);
  }
  const { starts, ends, marked } = buffer;
  let length = 0;
  scanTokens(text, start, end, (tokenStart, tokenEnd, isMarked) => {
    starts[length] = tokenStart;
    ends[length] = tokenEnd;
    marked[length++] = isMarked ? 1 : 0;
  });
  return { length, starts, ends, marked };
}

/**
 * Calls `onToken` with the offsets of each run of non-space characters of `text[start, end)`,
 * and whether it is {@link TokenArrays.marked}.
 */
function scanTokens(text: string, start: number, end: number, onToken: (start: number, end: number, marked: boolean) => void): void {
  let tokenStart = -1;
  let marked = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isWhiteSpace(code)) {
      if (tokenStart < 0) {
        tokenStart = i;
        marked = false;
      }
      if (mayEndInside(code)) marked = true;
    } else if (tokenStart >= 0) {
      onToken(tokenStart, i, marked);
      tokenStart = -1;
    }
  }
  if (tokenStart >= 0) onToken(tokenStart, end, marked);
}

/**
 * True when the character code `code` may end a sentence inside a token: `!`, `?` or a character
 * outside ASCII (every character {@link innerBoundaries} looks for), so ASCII text costs one
 * comparison per character.
 */
function mayEndInside(code: number): boolean {
  return code >= 0x80 || code === 0x21 || code === 0x3f;
}

/** Token `t` of `tokens`, as a span. */
function tokenAt(tokens: Tokens, t: number): Span {
  return { start: tokens.starts[t]!, end: tokens.ends[t]! };
}

const NO_CUTS: readonly number[] = [];

/**
 * Offsets inside the token `text[start, end)` where a sentence ends without a space after it:
 * after full-width terminators and the closing quotes after them ("晴れ。明日", "「行く！」彼は"),
 * except before the quotative particle と ("「行く。」と言った" is one sentence); and after ASCII
 * `!` or `?` written between Chinese or Japanese characters ("本当!嘘").
 */
function innerBoundaries(text: string, start: number, end: number): readonly number[] {
  // Nearly every token has none: the list is made only for a token that has one.
  let cuts: number[] | undefined;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!mayEndInside(code)) continue;
    const char = text[i]!;
    const fullWidth = FULL_WIDTH.has(char);
    const unspacedAscii = (char === '!' || char === '?') && i > start && UNSPACED.test(text[i - 1]!);
    if (!fullWidth && !unspacedAscii) continue;
    let j = i;
    while (j < end && (FULL_WIDTH.has(text[j]!) || text[j] === '!' || text[j] === '?')) j++;
    const closersFrom = j;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    if (j < end) {
      const quotative = j > closersFrom && text[j] === 'と';
      if (fullWidth ? !quotative : UNSPACED.test(text[j]!)) (cuts ??= []).push(j);
    }
    i = j - 1;
  }
  return cuts ?? NO_CUTS;
}

/** Decides whether the sentence ends after token `t`; there is always a token after it. */
function endsSentence(text: string, tokens: Tokens, t: number, firstToken: number): boolean {
  // Most tokens end in a letter or a digit, neither terminal punctuation nor a closing quote.
  if (isAsciiAlphanumeric(text.charCodeAt(tokens.ends[t]! - 1))) return false;
  const token = tokenAt(tokens, t);
  // The tail: terminal punctuation mixed with closing quotes and brackets, as in `great."` or `1.)`.
  let coreEnd = token.end;
  let terminals = 0;
  let periods = 0;
  let fullWidth = false;
  while (coreEnd > token.start) {
    const char = text[coreEnd - 1]!;
    if (TERMINALS.has(char)) {
      terminals++;
      if (char === '.') periods++;
      if (FULL_WIDTH.has(char)) fullWidth = true;
    } else if (!CLOSERS.has(char)) break;
    coreEnd--;
  }
  if (terminals === 0) return false;
  // "晴れ。 明日": full-width terminators always end a sentence.
  if (fullWidth) return true;
  const next = tokenAt(tokens, t + 1);
  const singlePeriod = terminals === 1 && periods === 1;
  if (singlePeriod && coreEnd === token.start) {
    // A period standing alone is part of a spaced ellipsis: ". . ." (three dots) marks words left
    // out inside a sentence; ". . . ." (four: an ellipsis and a period) ends one. A dot followed
    // by another dot never ends the sentence: the ellipsis goes on.
    if (isDot(text, next)) return false;
    if (dotsBefore(text, tokens, t) === 3) return false;
  } else if (singlePeriod && isDot(text, next)) {
    // "compounds. . . . The practice": a word's own period, then a spaced ellipsis of three dots
    // and a sentence start. The period ends the sentence and the ellipsis opens the next one.
    // Otherwise ("complex. . . .”" at the end, or ". . . and") it is all one sentence.
    let after = t + 1;
    while (after < tokens.length && after <= t + 4 && isDot(text, tokenAt(tokens, after))) after++;
    return after === t + 4 && after < tokens.length && canStartSentence(text, tokenAt(tokens, after));
  }
  // "stairways [...]": an ellipsis in brackets marks an omission, not a sentence end.
  if (coreEnd > token.start && /[[(]/u.test(text[coreEnd - 1]!)) return false;
  // "Yahoo! in the", "co. at the party": the next word in lower case continues the sentence.
  if (!canStartSentence(text, next)) return false;
  // "Hello!? Is that you?", "that.... She left": other than a lone period, always an end.
  if (!singlePeriod) return true;
  return !periodBelongsToWord(text, tokens, t, coreEnd, firstToken);
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** True for a token that is a single period, possibly with closing quotes: `.` or `.”`. */
function isDot(text: string, token: Span): boolean {
  if (token.end - token.start > 4 || text[token.start] !== '.') return false;
  for (let i = token.start + 1; i < token.end; i++) if (!CLOSERS.has(text[i]!)) return false;
  return true;
}

/** How many single-period tokens end at token `t` (counting no further than 4). */
function dotsBefore(text: string, tokens: Tokens, t: number): number {
  let count = 0;
  for (let i = t; i >= 0 && count < 4 && isDot(text, tokenAt(tokens, i)); i--) count++;
  return count;
}

/** The leading letters of a token, after any opening quotes: `It` for `“It's`, `Mr` for `Mr.`. */
function leadingWord(text: string, token: Span): string {
  const slice = text.slice(token.start, Math.min(token.end, token.start + 40));
  const body = slice.replace(OPENERS, '');
  return /^\p{L}*/u.exec(body)![0];
}

/** False when the token begins, after any opening quotes, with a lower-case letter. */
function canStartSentence(text: string, token: Span): boolean {
  const slice = text.slice(token.start, Math.min(token.end, token.start + 8));
  return !/^\p{Ll}/u.test(slice.replace(OPENERS, ''));
}

/** True when the token reads as a capitalised title with its period: `Mr.`, `Dr.`. */
function isTitle(text: string, token: Span): boolean {
  const word = leadingWord(text, token);
  return /^\p{Lu}/u.test(word) && TITLES.has(word.toLowerCase()) && text[token.start + word.length] === '.';
}

/**
 * True when the single period ending token `t` (its text before the punctuation ends at
 * `coreEnd`) belongs to an abbreviation, an initial or a number, so that the sentence goes on
 * even though the next word is capitalised.
 */
function periodBelongsToWord(text: string, tokens: Tokens, t: number, coreEnd: number, firstToken: number): boolean {
  const before = previousWord(text, tokenAt(tokens, t).start, coreEnd);
  if (before === '') return false;
  const lower = before.toLowerCase();
  const nextToken = tokenAt(tokens, t + 1);
  const nextText = text.slice(nextToken.start, Math.min(nextToken.end, nextToken.start + 8)).replace(OPENERS, '');
  const nextWord = leadingWord(text, nextToken);
  const nextIsStarter = SENTENCE_STARTERS.has(nextWord.toLowerCase());
  // "between 5. 6 and": a number, a period and another number.
  if (/^\d+$/u.test(before) && /^\d/u.test(nextText)) return true;
  // "e.g. London", "Smith vs. Jones".
  if (INNER.has(lower)) return true;
  // "Mr. Smith", "Mt. Fuji": a capitalised title.
  if (TITLES.has(lower) && /^\p{Lu}/u.test(before)) return true;
  // "Jonas E. Smith": an initial, unless a sentence start follows and is not itself an initial
  // ("vitamin C. The", but "J. A. Smith"). A lone "I" is an initial only after a capitalised
  // name ("Albert I. Jones", but "you and I. Did").
  if (/^\p{Lu}$/u.test(before)) {
    if (before === 'I' && !(t > firstToken && /^\p{Lu}/u.test(leadingWord(text, tokenAt(tokens, t - 1))))) return false;
    const nextIsInitial = /^\p{Lu}\.$/u.test(nextText);
    return !(nextIsStarter && !nextIsInitial);
  }
  // "p. 55", "No. 5", "Jan. 5": an abbreviation before a number ("the answer was no. The" ends).
  if (NUMBERED.has(lower)) return NUMBER_LIKE.test(nextText);
  // "Pitt, Briggs & Co. It closed", "in the U.S. How about": a suffix-like or dotted abbreviation
  // ends the sentence before a sentence starter ("U.S. Rep. Smith" and "U.S. Government" go on).
  // A time ends it before a title too ("at 6 P.M. Mr. Smith went"), unless that would leave three
  // words or fewer ("At 5 a.m. Mr. Smith went").
  if (SUFFIXES.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(before)) {
    if (nextIsStarter) return false;
    const time = lower === 'a.m' || lower === 'p.m';
    return !(time && isTitle(text, nextToken) && t - firstToken + 1 >= 4);
  }
  return false;
}

/** The letters, digits and inner periods right before `at` in a token: `U.S` for "the U.S.". */
function previousWord(text: string, tokenStart: number, at: number): string {
  let i = at;
  while (i > tokenStart && /[\p{L}\p{N}.°]/u.test(text[i - 1]!)) i--;
  return text.slice(i, at).replace(/^\.+/u, '');
}

/** The list marker starting at token `t`, if there is one: "2.", "b.", "⁃10." or "• 10.". */
function listMarkerAt(text: string, tokens: Tokens, t: number): ListMarker | undefined {
  const token = tokenAt(tokens, t);
  if (token.end - token.start > 6 || t + 1 >= tokens.length) return undefined;
  const first = text.slice(token.start, token.end);
  if (BULLET.test(first)) {
    const second = tokenAt(tokens, t + 1);
    if (second.end - second.start > 6 || t + 2 >= tokens.length) return undefined;
    return parseListMarker(text.slice(second.start, second.end), first, 2);
  }
  return parseListMarker(first, '', 1);
}

function parseListMarker(token: string, bullet: string, tokenCount: number): ListMarker | undefined {
  const match = LIST_MARKER.exec(token);
  if (!match) return undefined;
  const [, attached = '', label = '', style = ''] = match;
  const letter = /^[a-z]$/u.test(label);
  return { bullet: bullet || attached, letter, value: letter ? label.charCodeAt(0) : Number(label), style, tokens: tokenCount };
}

/** True when `next` is the item after `current` in the same list: "1)" then "2)", "a." then "b.". */
function continuesList(current: ListMarker, next: ListMarker): boolean {
  return next.letter === current.letter && next.style === current.style && next.bullet === current.bullet && next.value === current.value + 1;
}
