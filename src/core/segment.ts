/**
 * Sentence segmentation with character offsets. Rule-based, in the manner of pragmatic_segmenter
 * and pySBD, without rewriting the text: every decision is taken on the original characters.
 *
 * The range is first cut into tokens: maximal runs of non-space characters. A sentence ends
 *
 * - at a line break, unless the line wraps: it does not end in terminal punctuation, the next
 *   line starts in lower case (or with "("), and something says the break is a wrap rather than
 *   the end of a line of its own (white space before it, as pragmatic_segmenter reads a PDF's
 *   lines; a long line; a line ending on a comma, a hyphen or a stop word): "It was a cold \nnight"
 *   is one sentence, "features\ncontact manager" two;
 * - at the end of a token that ends in terminal punctuation (the characters Unicode gives the
 *   Sentence_Terminal property: `.!?։؟।။።` and the full-width ones, plus the ellipsis; `:` after
 *   Armenian or Arabic letters, `;` after Greek ones), possibly followed by closing quotes and
 *   brackets and by numbered references ("great.\"", "martyr.[1]", "consultation.11 12"), when the
 *   next token can start a sentence: unless the period belongs to an abbreviation (see
 *   `abbreviations.ts`), an initial or a number, the dots are a spaced ellipsis, or the terminal
 *   punctuation stands inside a quotation or parentheses and is not the end of it;
 * - inside a token: after the terminators of scripts written without spaces ("晴れ。明日",
 *   "ቀን ይሁንልህ።እባክሽ"), after ASCII `!?` between Chinese or Japanese characters, and at a period
 *   glued to the next sentence ("Hello world.Today is");
 * - before a list marker that starts a list or continues the numbering of the list item the
 *   current sentence started with ("1) The first item 2) The second item", "Smith. a. here").
 *
 * Quotations and brackets are paired once per range by a stack, never across a line that ends a
 * sentence: terminal punctuation inside a pair ends a sentence only when the pair closes right
 * after it ("He said, \"Stop. Go.\" Then"), as pragmatic_segmenter's "between punctuation" rules
 * (optionally brackets only: see {@link SegmentOptions.splitQuotations}).
 *
 * The segmenter takes no language: each decision reads the script of the letters around it (a
 * document can hold sentences in several languages, and the parse comes before the document's
 * language is known). Cyrillic text follows pragmatic_segmenter's Russian and Kazakh rules (an
 * abbreviation's period never ends a sentence, `?` and `!` end one even before a lower-case
 * word); other scripts the English ones.
 *
 * Every decision looks at the token itself and a bounded number of neighbouring tokens, and the
 * pairing is one pass with a bounded stack, so the whole pass is linear in the length of the
 * range; no regular expression here can backtrack beyond the token it is applied to.
 */
import { isAbbreviation, isInnerAbbreviation, isSuffixAbbreviation, isTimeOfDay, isTitle, takesNumber } from './abbreviations.js';
import type { Span } from './model.js';
import { CLOSERS } from './predicates.js';
import { isStopwordOfSomeLanguage } from './stopwords.js';
import { codeUnitClasses, isWhiteSpace } from './text.js';
import { tokenCapacity } from './tokens.js';
import { int32Array, uint8Array } from './arrays.js';

/** Characters that end a sentence besides those with Unicode's Sentence_Terminal property. */
const MORE_TERMINALS = new Set([...'…']);

/**
 * Sentence_Terminal characters that do not end a sentence in running text: the Myanmar little
 * section "၊" (a comma) and the one-dot leader "․".
 */
const NOT_TERMINALS = new Set([...'၊․']);

const SENTENCE_TERMINAL = /^\p{Sentence_Terminal}$/u;

/**
 * Terminators of scripts that need no space after them (Chinese, Japanese, Amharic, Burmese,
 * Khmer, Devanagari), as in "今日は晴れ。明日は雨。": they end a sentence inside a token, and
 * always at its end.
 */
const UNSPACED_TERMINALS = new Set([...'。！？｡．︒︕︖﹒﹖﹗።፧፨။។៕।॥']);


/** Opening quotes and brackets that may precede the first letter of a sentence: `"Why?`, `(The`. */
const OPENERS = /^[("'“‘«»„‚‹[¿¡「『（【《〈]+/u;

/** Characters of scripts written without spaces, where ASCII `!` and `?` may also end a sentence. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Punctuation that may stand with quotes at the start of a token: `("Why`, `¿`. */
const LEADING = /^[\p{Ps}\p{Pi}\p{Pf}"'¿¡]$/u;
/** Punctuation that may stand with quotes at the end of a token: `great."`, `Apulia’),`. */
const TRAILING = /^[\p{Pe}\p{Pi}\p{Pf}"'.,;:!?…\-–—]$/u;

// ---------------------------------------------------------------------------------------------
// Characters

// What the segmenter asks of a character, as bits of {@link characterClass}: each decision
// reads characters one UTF-16 unit at a time (a surrogate half is none of these).
/** `\p{L}`. */
const LETTER = 1;
/** `\p{Lu}`. */
const UPPER = 2;
/** `\p{Ll}`. */
const LOWER = 4;
/** `[\p{L}\p{N}]`. */
const LETTER_OR_NUMBER = 8;
/** `[\p{L}\p{N}\p{M}.°]`: part of the word before a period (see {@link previousWord}). */
const WORD_PART = 16;
/** Ends a sentence (see {@link isTerminalCode}). */
const TERMINAL = 32;
/** One of {@link UNSPACED_TERMINALS}. */
const UNSPACED_TERMINAL = 64;
/** One of {@link CLOSERS}. */
const CLOSER = 128;
/** One of the characters of {@link OPENERS}. */
const OPENER = 256;
/** Matches {@link UNSPACED}. */
const UNSPACED_SCRIPT = 512;
/** Matches {@link LEADING}. */
const LEADING_PUNCTUATION = 1024;
/** Matches {@link TRAILING}. */
const TRAILING_PUNCTUATION = 2048;

/** The bits of the UTF-16 unit `code` (see {@link LETTER} and the rest). */
const characterClass = codeUnitClasses((char) => {
  let bits = 0;
  if (/\p{L}/u.test(char)) bits |= LETTER;
  if (/\p{Lu}/u.test(char)) bits |= UPPER;
  if (/\p{Ll}/u.test(char)) bits |= LOWER;
  if (/[\p{L}\p{N}]/u.test(char)) bits |= LETTER_OR_NUMBER;
  if (/[\p{L}\p{N}\p{M}.°]/u.test(char)) bits |= WORD_PART;
  if ((SENTENCE_TERMINAL.test(char) || MORE_TERMINALS.has(char)) && !NOT_TERMINALS.has(char)) bits |= TERMINAL;
  if (UNSPACED_TERMINALS.has(char)) bits |= UNSPACED_TERMINAL;
  if (CLOSERS.has(char)) bits |= CLOSER;
  if (OPENERS.test(char)) bits |= OPENER;
  if (UNSPACED.test(char)) bits |= UNSPACED_SCRIPT;
  if (LEADING.test(char)) bits |= LEADING_PUNCTUATION;
  if (TRAILING.test(char)) bits |= TRAILING_PUNCTUATION;
  return bits;
});

/** Capitalised words that usually begin an English sentence (besides the stop words of every language). */
const SENTENCE_STARTERS = new Set([
  'a', 'according', 'after', 'all', 'also', 'although', 'an', 'and', 'as', 'at', 'because', 'before',
  'being', 'both', 'but', 'by', 'did', 'do', 'does', 'during', 'each', 'even', 'every', 'for', 'from',
  'he', 'her', 'here', 'his', 'how', 'however', 'i', 'if', 'in', 'it', 'its', 'many', 'meanwhile',
  'millions', 'more', 'most', 'my', 'no', 'not', 'now', 'of', 'on', 'once', 'one', 'or', 'our', 'she',
  'since', 'so', 'some', 'still', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they',
  'this', 'those', 'though', 'to', 'until', 'we', 'what', 'when', 'where', 'which', 'while', 'who',
  'why', 'with', 'yes', 'yet', 'you', 'your',
]);

/** A bullet standing as a token of its own before a list marker: "• 9. The first item". */
const BULLET = /^[•⁃‣◦▪●]$/u;

/**
 * A list marker token: an optional bullet, then a number of up to three digits, a lower-case
 * letter or a lower-case Roman numeral, then `.`, `.)` or `)`, or the same in parentheses:
 * "1.", "2.)", "3)", "a.", "iv)", "(b)", "⁃9.".
 */
const LIST_MARKER = /^([•⁃‣◦▪●]?)(\(?)(\d{1,3}|[a-z]|[ivx]{1,5})(\.\)|\.|\))$/u;

/** The values of the lower-case Roman numerals a list counts with. */
const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

/** A list marker, as read from one or two tokens. */
interface ListMarker {
  /** The bullet written before the marker, or `''`. */
  readonly bullet: string;
  /** Whether the marker is a number ("1."), else a letter or a Roman numeral ("a.", "iv."). */
  readonly numeric: boolean;
  /** The number, or the letter's code point (0 when the marker can only be a Roman numeral). */
  readonly value: number;
  /** The value as a lower-case Roman numeral ("i", "iv"), or 0 when it is none. */
  readonly roman: number;
  /** The punctuation around the number or letter: `.`, `.)`, `)` or `()`. */
  readonly style: string;
  /** How many tokens the marker takes: 2 for a bullet standing apart ("• 9."), else 1. */
  readonly tokens: number;
}

/**
 * The sentences of `text[start, end)`, as spans of the whole text with leading and trailing white
 * space excluded. Runs in time linear in the length of the range.
 */
export function segmentSentences(text: string, start = 0, end = text.length, options: SegmentOptions = {}): Span[] {
  return sentenceSplitter(options)(text, start, end);
}

/** How {@link segmentSentences} reads the text. */
export interface SegmentOptions {
  /**
   * End sentences inside quotations too: `"I run it from my phone. I have for years," he said.`
   * is then two sentences, not one. The cleaning pipeline splits them, because a pull quote or a
   * truncated copy repeats one sentence of a quotation; pragmatic_segmenter does not (the
   * default). Brackets hold their sentences either way.
   */
  readonly splitQuotations?: boolean;
}

/** Splits `text[start, end)` into sentences (see {@link sentenceSplitter}). */
export type SentenceSplitter = (text: string, start: number, end: number) => Span[];

/**
 * A function that splits ranges of text into sentences as {@link segmentSentences} does, reusing
 * its token arrays from one range to the next: a parse splits thousands of short ranges, and
 * making a typed array costs more than filling it. The arrays grow to the longest range split.
 */
export function sentenceSplitter({ splitQuotations = false }: SegmentOptions = {}): SentenceSplitter {
  const buffer: TokenArrays = { starts: new Int32Array(0), ends: new Int32Array(0), flags: new Uint8Array(0) };
  return (text, start, end) => splitTokens(text, tokenize(text, start, end, buffer), splitQuotations);
}

// Per-token flags (see TokenArrays.flags).
/** The token holds `!`, `?` or a terminator of an unspaced script: it may hold {@link innerBoundaries}. */
const MARKED = 1;
/** A line break stands between the token and the one before. */
const BREAK = 2;
/** White space stands before that line break, at the end of the line before. */
const SPACED_BREAK = 4;
/** Two or more line breaks (a blank line) stand before the token. */
const BLANK = 8;
/** The token holds a period followed by a capital letter: "world.Today". */
const GLUED = 16;
/** The token holds a quote or a bracket. */
const QUOTED = 32;
/** Set by {@link markLineEnds}: the line before the token ends a sentence. */
const HARD_BREAK = 64;
/** The token ends in an ASCII letter or a comma, after which no sentence ends. */
const PLAIN_END = 128;

/**
 * The runs of non-space characters of a range, in typed arrays rather than one object each: the
 * range can be a 200 MB line of tens of millions of tokens.
 */
interface Tokens extends TokenArrays {
  /** How many tokens there are (the arrays may be longer). */
  readonly length: number;
}

/** Arrays of token offsets and flags, reused from one range to the next (see {@link sentenceSplitter}). */
interface TokenArrays {
  starts: Int32Array;
  ends: Int32Array;
  /** Per token, the {@link MARKED}, {@link BREAK} ... bits. */
  flags: Uint8Array;
}

/** The runs of non-space characters of `text[start, end)`, in `buffer`, made longer when needed. */
function tokenize(text: string, start: number, end: number, buffer: TokenArrays): Tokens {
  const capacity = tokenCapacity(end - start, (count) => scanTokens(text, start, end, count));
  if (buffer.starts.length < capacity) {
    buffer.starts = int32Array(capacity);
    buffer.ends = int32Array(capacity);
    buffer.flags = uint8Array(capacity);
  }
  const { starts, ends, flags } = buffer;
  let length = 0;
  scanTokens(text, start, end, (tokenStart, tokenEnd, tokenFlags) => {
    starts[length] = tokenStart;
    ends[length] = tokenEnd;
    flags[length++] = tokenFlags;
  });
  return { length, starts, ends, flags };
}

/** In {@link SCAN_KINDS}: white space, which ends a token. */
const SPACE_KIND = 128;
/** In {@link SCAN_KINDS}: a period, which sets {@link GLUED} when a capital letter follows. */
const PERIOD_KIND = 64;

/**
 * Per character code, what {@link scanTokens} makes of it: {@link SPACE_KIND}, {@link PERIOD_KIND},
 * or the token flags it sets ({@link MARKED} for `!`, `?` and the terminators of unspaced scripts,
 * {@link QUOTED} for quotes and brackets; filled below, once the tables exist), 0 for most.
 */
const SCAN_KINDS = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) if (isWhiteSpace(code)) SCAN_KINDS[code] = SPACE_KIND;
SCAN_KINDS[0x2e] = PERIOD_KIND;
SCAN_KINDS[0x21] = MARKED;
SCAN_KINDS[0x3f] = MARKED;

/**
 * Calls `onToken` with the offsets of each run of non-space characters of `text[start, end)` and
 * its flags (see {@link TokenArrays.flags}).
 */
function scanTokens(text: string, start: number, end: number, onToken: (start: number, end: number, flags: number) => void): void {
  let i = start;
  while (i < end) {
    // The white space before the token: its line breaks, and whether a space ends the line.
    let gap = 0;
    let spaceBeforeBreak = false;
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (SCAN_KINDS[code] !== SPACE_KIND) break;
      if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
        // "\r\n" is one line break.
        if (code === 0x0a && i > start && text.charCodeAt(i - 1) === 0x0d) continue;
        if (gap & BREAK) gap |= BLANK;
        else gap |= BREAK | (spaceBeforeBreak ? SPACED_BREAK : 0);
      } else if (!(gap & BREAK)) spaceBeforeBreak = true;
    }
    if (i >= end) return;
    const tokenStart = i;
    let flags = gap;
    for (; i < end; i++) {
      const kind = SCAN_KINDS[text.charCodeAt(i)]!;
      if (kind === 0) continue;
      if (kind === SPACE_KIND) break;
      if (kind === PERIOD_KIND) {
        const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (next >= 0x41 && next <= 0x5a) flags |= GLUED;
      } else flags |= kind;
    }
    // Most tokens end in a letter or a comma: no sentence ends after them (see endsSentence).
    const last = text.charCodeAt(i - 1);
    if ((last >= 0x61 && last <= 0x7a) || (last >= 0x41 && last <= 0x5a) || last === 0x2c) flags |= PLAIN_END;
    onToken(tokenStart, i, flags);
  }
}

/** Token `t` of `tokens`, as a span. */
function tokenAt(tokens: Tokens, t: number): Span {
  return { start: tokens.starts[t]!, end: tokens.ends[t]! };
}

/**
 * A line shorter than this many characters, followed by one in lower case, is a line of its own
 * ("features" / "contact manager") unless something else says it wraps; a longer one is taken as
 * hard-wrapped prose ("the talks on the budget could" / "narrow those differences").
 */
const WRAPPED_LINE_LENGTH = 40;

/**
 * Sets {@link HARD_BREAK} on each token after a line break that ends a sentence: a blank line, or
 * a line that does not wrap into the next (see the file's comment).
 */
function markLineEnds(text: string, tokens: Tokens): void {
  let lineStart = tokens.length > 0 ? tokens.starts[0]! : 0;
  for (let t = 1; t < tokens.length; t++) {
    const flags = tokens.flags[t]!;
    if (!(flags & BREAK)) continue;
    if (flags & BLANK || !wraps(text, tokens, t, lineStart)) tokens.flags[t] = flags | HARD_BREAK;
    lineStart = tokens.starts[t]!;
  }
}

/** True when the line ending with token `t - 1` (and starting at `lineStart`) wraps into token `t`. */
function wraps(text: string, tokens: Tokens, t: number, lineStart: number): boolean {
  const nextStart = tokens.starts[t]!;
  if (text.charCodeAt(nextStart) !== 0x28 && !startsWithLower(text, nextStart, nextStart + 2)) return false;
  const lineEnd = tokens.ends[t - 1]!;
  const last = text.charCodeAt(lineEnd - 1);
  if (characterClass(last) & (TERMINAL | CLOSER) || last === 0x3a || last === 0x3b) return false;
  if (tokens.flags[t]! & SPACED_BREAK || lineEnd - lineStart >= WRAPPED_LINE_LENGTH) return true;
  if (last === 0x2c || last === 0x2d) return true;
  const word = trailingWord(text, tokens.starts[t - 1]!, lineEnd);
  return word !== '' && isStopwordOfSomeLanguage(word.toLowerCase());
}

/** The letters at the end of `text[start, end)`: `could` for "could", `` for "12". */
function trailingWord(text: string, start: number, end: number): string {
  let i = end;
  while (i > start && i > end - 40 && characterClass(text.charCodeAt(i - 1)) & LETTER) i--;
  return text.slice(i, end);
}

// ---------------------------------------------------------------------------------------------
// Quotations and brackets

/** Most pairs open at once: deeper openers are ignored. */
const MAX_PAIR_DEPTH = 16;

/** The families of quotation marks (double and single), before those of brackets. */
const QUOTE_FAMILIES = 2;

/** Per quote or bracket character, its family: an opener is closed by a closer of its family. */
const PAIR_FAMILY: ReadonlyMap<string, number> = new Map([
  ...[...'"“”„«»‟'].map((char) => [char, 1] as const),
  ...[...'\'‘’‚‹›‛'].map((char) => [char, 2] as const),
  ['(', 3], [')', 3], ['[', 4], [']', 4], ['（', 5], ['）', 5], ['「', 6], ['」', 6], ['『', 7], ['』', 7],
  ['《', 8], ['》', 8], ['【', 9], ['】', 9], ['〈', 10], ['〉', 10],
]);

/** {@link PAIR_FAMILY} by character code (0 for any other character): the pairing reads every character of a token that holds one. */
const FAMILY_OF_CODE = new Uint8Array(0x10000);
for (const [char, family] of PAIR_FAMILY) {
  FAMILY_OF_CODE[char.charCodeAt(0)] = family;
  SCAN_KINDS[char.charCodeAt(0)]! |= QUOTED;
}
for (const char of UNSPACED_TERMINALS) SCAN_KINDS[char.charCodeAt(0)]! |= MARKED;

/** Characters that only open a pair, wherever they stand. */
const ALWAYS_OPENS = new Set([...'([（「『《【〈„‚']);
/** Characters that only close a pair, wherever they stand. */
const ALWAYS_CLOSES = new Set([...')]）」』》】〉']);


/**
 * The outermost quotations and brackets of a range that open and close between two sentence-ending
 * line breaks, as offsets of the opening and the closing character, in order.
 */
interface Pairs {
  readonly opens: number[];
  readonly closes: number[];
}

const NO_PAIRS: Pairs = { opens: [], closes: [] };

/**
 * Pairs the quotes and brackets of the tokens (see {@link Pairs}); with `splitQuotations`, only
 * the brackets.
 */
function pairQuotes(text: string, tokens: Tokens, splitQuotations: boolean): Pairs {
  let pairs: Pairs | undefined;
  const stackFamily: number[] = [];
  const stackOffset: number[] = [];
  const emit = (open: number, close: number): void => {
    pairs ??= { opens: [], closes: [] };
    // Pairs close in order; a pair holding earlier ones replaces them.
    while (pairs.opens.length > 0 && pairs.opens[pairs.opens.length - 1]! > open) {
      pairs.opens.pop();
      pairs.closes.pop();
    }
    pairs.opens.push(open);
    pairs.closes.push(close);
  };
  const closeFamily = (family: number, offset: number): boolean => {
    for (let k = stackFamily.length - 1; k >= 0; k--) {
      if (stackFamily[k] !== family) continue;
      emit(stackOffset[k]!, offset);
      stackFamily.length = k;
      stackOffset.length = k;
      return true;
    }
    return false;
  };
  const isOpen = (family: number): boolean => stackFamily.includes(family);
  const open = (family: number, offset: number): void => {
    if (stackFamily.length >= MAX_PAIR_DEPTH) return;
    stackFamily.push(family);
    stackOffset.push(offset);
  };
  for (let t = 0; t < tokens.length; t++) {
    const flags = tokens.flags[t]!;
    if (flags & HARD_BREAK && stackFamily.length > 0) {
      stackFamily.length = 0;
      stackOffset.length = 0;
    }
    if (!(flags & QUOTED)) continue;
    const start = tokens.starts[t]!;
    const end = tokens.ends[t]!;
    // Most marked tokens hold letters outside ASCII, and no quote or bracket.
    let first = start;
    while (first < end && FAMILY_OF_CODE[text.charCodeAt(first)] === 0) first++;
    if (first === end) continue;
    // The leading run of punctuation ends at `lead`, the trailing one starts at `trail`.
    let lead = start;
    while (lead < end && LEADING.test(text[lead]!)) lead++;
    let trail = end;
    while (trail > lead && TRAILING.test(text[trail - 1]!)) trail--;
    const allPunctuation = !/[\p{L}\p{N}]/u.test(text.slice(start, Math.min(end, start + 16)));
    for (let i = first; i < end; i++) {
      const family = FAMILY_OF_CODE[text.charCodeAt(i)]!;
      if (family === 0 || (splitQuotations && family <= QUOTE_FAMILIES)) continue;
      const char = text[i]!;
      if (ALWAYS_OPENS.has(char)) open(family, i);
      else if (ALWAYS_CLOSES.has(char)) closeFamily(family, i);
      else if (allPunctuation) {
        // A quote standing alone, or with punctuation only (`".`): it closes an open quotation.
        if (!closeFamily(family, i) && i === start) open(family, i);
      } else if (i < lead) {
        // At the start of a token a quote opens, except the closing “ of „…“ or » of »…«.
        open(family, i);
      } else if (i >= trail) {
        closeFamily(family, i);
      } else if (char === '“' || (char === '«' && !isOpen(family))) {
        // Inside a token only the typographic quotes of unspaced scripts count: 他说：“好。”然后.
        open(family, i);
      } else if (char === '”' || char === '»') {
        closeFamily(family, i);
      }
    }
  }
  return pairs ?? NO_PAIRS;
}

/** A cursor over the pairs of a range, for offsets that never decrease. */
interface PairCursor {
  readonly pairs: Pairs;
  index: number;
}

/** The index of the pair that holds `offset` strictly inside, or -1 (moves the cursor to `offset`). */
function pairHolding(cursor: PairCursor, offset: number): number {
  const { opens, closes } = cursor.pairs;
  while (cursor.index < closes.length && closes[cursor.index]! < offset) cursor.index++;
  return cursor.index < opens.length && opens[cursor.index]! < offset && offset < closes[cursor.index]! ? cursor.index : -1;
}

/**
 * True when terminal punctuation from `from` stands inside a pair that does not close within
 * `[from, to)` (the punctuation and the closers after it): "said, \"Stop. Go.\"" holds the
 * first period, not the second.
 */
function heldInPair(cursor: PairCursor, from: number, to: number): boolean {
  const pair = pairHolding(cursor, from);
  return pair >= 0 && cursor.pairs.closes[pair]! >= to;
}

/** The pair that opens at `offset`, or -1 (the cursor does not move). */
function pairOpeningAt(cursor: PairCursor, offset: number): number {
  const { opens } = cursor.pairs;
  for (let k = cursor.index; k < opens.length && opens[k]! <= offset; k++) if (opens[k] === offset) return k;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// The pass

/** The sentences of a range, given its tokens. */
function splitTokens(text: string, tokens: Tokens, splitQuotations: boolean): Span[] {
  markLineEnds(text, tokens);
  const cursor: PairCursor = { pairs: pairQuotes(text, tokens, splitQuotations), index: 0 };
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
  const state: SentenceState = { firstToken: 0, start: 0, marker: undefined };

  for (let t = 0; t < tokens.length; t++) {
    const tokenStart = tokens.starts[t]!;
    const tokenEnd = tokens.ends[t]!;
    const flags = tokens.flags[t]!;
    if (flags & HARD_BREAK && sentenceStart >= 0) close(tokens.ends[t - 1]!);
    if (sentenceStart < 0) {
      open(t, tokenStart, true);
    } else if (marker && t > markerEnd) {
      // "1) The first item 2) The second item": the next number of the same list opens a sentence.
      const next = listMarkerAt(text, tokens, t);
      if (next && continuesList(marker, next)) {
        close(tokens.ends[t - 1]!);
        open(t, tokenStart, true);
      }
    }
    if (flags & (MARKED | GLUED)) {
      for (const cut of insideBoundaries(text, tokenStart, tokenEnd, flags, cursor)) {
        close(cut);
        open(t, cut, false);
      }
    }
    if (!(flags & PLAIN_END) && t + 1 < tokens.length && !(tokens.flags[t + 1]! & HARD_BREAK) && t > markerEnd) {
      state.firstToken = firstToken;
      state.start = sentenceStart;
      state.marker = marker;
      if (endsSentence(text, tokens, t, state, cursor)) close(tokenEnd);
    }
  }
  if (sentenceStart >= 0 && tokens.length > 0) close(tokens.ends[tokens.length - 1]!);
  return spans;
}

/** What {@link endsSentence} needs to know of the open sentence. */
interface SentenceState {
  /** The token holding its start. */
  firstToken: number;
  /** The offset of its start (inside the first token when a sentence ended inside it). */
  start: number;
  /** The list marker it starts with, if any. */
  marker: ListMarker | undefined;
}

const NO_CUTS: readonly number[] = [];

/** The offsets where a sentence ends inside the token `text[start, end)`, in order. */
function insideBoundaries(text: string, start: number, end: number, flags: number, cursor: PairCursor): readonly number[] {
  const inner = flags & MARKED ? innerBoundaries(text, start, end, cursor) : NO_CUTS;
  const glued = flags & GLUED ? gluedBoundaries(text, start, end) : NO_CUTS;
  if (glued.length === 0) return inner;
  if (inner.length === 0) return glued;
  return [...inner, ...glued].sort((a, b) => a - b);
}

/**
 * Offsets inside the token `text[start, end)` where a sentence ends without a space after it:
 * after the terminators of unspaced scripts and the closing quotes after them ("晴れ。明日",
 * "「行く！」彼は"), except before the quotative particle と ("「行く。」と言った" is one
 * sentence) and inside a pair that does not close right after them ("《摔跤吧！爸爸》"); and after
 * ASCII `!` or `?` written between Chinese or Japanese characters ("本当!嘘").
 */
function innerBoundaries(text: string, start: number, end: number, cursor: PairCursor): readonly number[] {
  // Nearly every token has none: the list is made only for a token that has one.
  let cuts: number[] | undefined;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!(SCAN_KINDS[code]! & MARKED)) continue;
    const char = text[i]!;
    const unspaced = code >= 0x80;
    const unspacedAscii = (char === '!' || char === '?') && i > start && UNSPACED.test(text[i - 1]!);
    if (!unspaced && !unspacedAscii) continue;
    let j = i;
    while (j < end && (UNSPACED_TERMINALS.has(text[j]!) || text[j] === '!' || text[j] === '?')) j++;
    const closersFrom = j;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    if (j < end && !heldInPair(cursor, i, j)) {
      const quotative = j > closersFrom && text[j] === 'と';
      if (unspaced ? !quotative : UNSPACED.test(text[j]!)) (cuts ??= []).push(j);
    }
    i = j - 1;
  }
  return cuts ?? NO_CUTS;
}

/**
 * Offsets inside the token `text[start, end)` after a period glued to the next sentence: "Hello
 * world.Today is", "bought 1,000.That is". The word before has two letters or more (not "U.S.A"),
 * is no abbreviation ("Mr.Smith"), and the word after is a capitalised word that ends the token
 * or is followed only by terminal punctuation ("world.I", "Tuesday.Mr."), so that a file name or
 * a domain ("www.Example.com", "Jane.Doe@example.com") is never cut.
 */
function gluedBoundaries(text: string, start: number, end: number): readonly number[] {
  let cuts: number[] | undefined;
  if (/[@/:\\_=]/u.test(text.slice(start, Math.min(end, start + 200)))) return NO_CUTS;
  for (let i = start + 1; i < end - 1; i++) {
    if (text.charCodeAt(i) !== 0x2e) continue;
    const next = text.charCodeAt(i + 1);
    if (next < 0x41 || next > 0x5a) continue;
    // The word before the period, back to the token start or the previous period.
    let from = i;
    while (from > start && (characterClass(text.charCodeAt(from - 1)) & LETTER_OR_NUMBER || text.charCodeAt(from - 1) === 0x2c) && i - from < 40) from--;
    const before = text.slice(from, i);
    const wordBefore = /\p{L}/u.test(before) ? /\p{Ll}/u.test(before) && before.length >= 2 && !isAbbreviation(before) && !isTitle(before) : /\d/u.test(before);
    if (!wordBefore || (from > start && text[from - 1] === '.')) continue;
    // The word after: a capital, lower-case letters, then the token's end or its last punctuation.
    let to = i + 2;
    while (to < end && characterClass(text.charCodeAt(to)) & LOWER) to++;
    let rest = to;
    while (rest < end && characterClass(text.charCodeAt(rest)) & (TERMINAL | CLOSER)) rest++;
    if (rest !== end || (to < end && text[to] === '.' && to + 1 < end)) continue;
    (cuts ??= []).push(i + 1);
  }
  return cuts ?? NO_CUTS;
}

/** The scripts whose rules differ from the English ones (see the file's comment). */
const enum Script {
  Other,
  Cyrillic,
  Greek,
  Armenian,
  Arabic,
}

function scriptOfCode(code: number): Script {
  if (code >= 0x0400 && code <= 0x052f) return Script.Cyrillic;
  if ((code >= 0x0370 && code <= 0x03ff) || (code >= 0x1f00 && code <= 0x1fff)) return Script.Greek;
  if (code >= 0x0531 && code <= 0x058f) return Script.Armenian;
  if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return Script.Arabic;
  return Script.Other;
}

/**
 * The script of the last letter before `at` in token `t` (or, when the token has none, in the
 * token before it): looked for among the 32 characters before it at most.
 */
function scriptBefore(text: string, tokens: Tokens, t: number, at: number): Script {
  for (let k = t; k >= 0 && k >= t - 1; k--) {
    const start = tokens.starts[k]!;
    const end = k === t ? at : tokens.ends[k]!;
    for (let i = end - 1; i >= start && i >= end - 32; i--) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return Script.Other;
        continue;
      }
      if (characterClass(code) & LETTER) return scriptOfCode(code);
    }
  }
  return Script.Other;
}

/** True when `code` (`:`, `;` or `;`) at `at` in token `t` ends a sentence there: `:` after Armenian or Arabic letters, `;` after Greek ones. */
function isScriptTerminal(text: string, tokens: Tokens, t: number, at: number, code: number): boolean {
  if (code === 0x3a) {
    const script = scriptBefore(text, tokens, t, at);
    return script === Script.Armenian || script === Script.Arabic;
  }
  return (code === 0x3b || code === 0x37e) && scriptBefore(text, tokens, t, at) === Script.Greek;
}

/**
 * Decides whether the sentence ends after token `t`, which does not end in an ASCII letter or a
 * comma (see {@link PLAIN_END}); there is always a token after it.
 */
function endsSentence(text: string, tokens: Tokens, t: number, state: SentenceState, cursor: PairCursor): boolean {
  const tokenStart = tokens.starts[t]!;
  const tokenEnd = tokens.ends[t]!;
  const lastCode = text.charCodeAt(tokenEnd - 1);
  if (lastCode >= 0x30 && lastCode <= 0x39) return endsAtReference(text, tokens, t);
  // Numbered references after the punctuation: "martyr.[1]", "July.[17][18]".
  let coreEnd = tokenEnd;
  for (let groups = 0; groups < 4 && text.charCodeAt(coreEnd - 1) === 0x5d; groups++) {
    const open = referenceOpening(text, tokenStart, coreEnd);
    if (open < 0) break;
    coreEnd = open;
  }
  // The tail: terminal punctuation mixed with closing quotes and brackets, as in `great."` or `1.)`.
  const tailEnd = coreEnd;
  let terminals = 0;
  let periods = 0;
  let unspaced = false;
  let quoteClosed = false;
  let firstTerminal = coreEnd;
  while (coreEnd > tokenStart) {
    const code = text.charCodeAt(coreEnd - 1);
    const bits = characterClass(code);
    if (bits & TERMINAL || ((code === 0x3a || code === 0x3b || code === 0x37e) && isScriptTerminal(text, tokens, t, coreEnd - 1, code))) {
      terminals++;
      firstTerminal = coreEnd - 1;
      if (code === 0x2e) periods++;
      if (bits & UNSPACED_TERMINAL) unspaced = true;
    } else if (bits & CLOSER) {
      if (terminals === 0 && code !== 0x29 && code !== 0x5d) quoteClosed = true;
    } else break;
    coreEnd--;
  }
  const nextStart = tokens.starts[t + 1]!;
  const nextEnd = tokens.ends[t + 1]!;
  if (terminals === 0) {
    // "to--\" At this moment": a quotation broken off with a dash ends with it.
    if (!quoteClosed) return false;
    const dash = text.charCodeAt(coreEnd - 1);
    return (dash === 0x2d || dash === 0x2013 || dash === 0x2014) && startsWithUpper(text, nextStart, nextStart + 2) && !heldInPair(cursor, coreEnd - 1, tailEnd);
  }
  // "said, \"Stop. Go.\"": punctuation inside a quotation or brackets that does not close it.
  if (heldInPair(cursor, firstTerminal, tailEnd)) return false;
  // "晴れ。 明日": the terminators of unspaced scripts always end a sentence.
  if (unspaced) return true;
  const singlePeriod = terminals === 1 && periods === 1;
  if (singlePeriod && coreEnd === tokenStart) {
    // A period standing alone is part of a spaced ellipsis: ". . ." (three dots) marks words left
    // out inside a sentence; ". . . ." (four: an ellipsis and a period) ends one. A dot followed
    // by another dot never ends the sentence: the ellipsis goes on.
    if (isDot(text, nextStart, nextEnd)) return false;
    if (dotsBefore(text, tokens, t) === 3) return false;
  } else if (singlePeriod && isDot(text, nextStart, nextEnd)) {
    // "compounds. . . . The practice": a word's own period, then a spaced ellipsis of three dots
    // and a sentence start. The period ends the sentence and the ellipsis opens the next one.
    // Otherwise ("complex. . . .”" at the end, or ". . . and") it is all one sentence.
    let after = t + 1;
    while (after < tokens.length && after <= t + 4 && isDot(text, tokens.starts[after]!, tokens.ends[after]!)) after++;
    return after === t + 4 && after < tokens.length && canStartSentence(text, tokens.starts[after]!, tokens.ends[after]!);
  }
  // "stairways [...]": an ellipsis in brackets marks an omission, not a sentence end.
  if (coreEnd > tokenStart) {
    const before = text.charCodeAt(coreEnd - 1);
    if (before === 0x5b || before === 0x28) return false;
  }
  // "Smith. a. here it is b. another": a list starts, or the open one goes on.
  const nextMarker = listMarkerAt(text, tokens, t + 1);
  if (nextMarker && (startsList(nextMarker) || (state.marker !== undefined && continuesList(state.marker, nextMarker)))) return true;
  // "house!' (Which was very likely true.)": a remark in brackets after a quotation belongs to
  // it, unless another quotation follows ("think!\" (Dinah was the cat.) \"I hope").
  if (quoteClosed && text.charCodeAt(nextStart) === 0x28) {
    const pair = pairOpeningAt(cursor, nextStart);
    return pair >= 0 && startsWithQuote(text, cursor.pairs.closes[pair]! + 1, tokens, t + 1);
  }
  // "voila! -- you have cake": a dash, then a word in lower case, goes on.
  const dashed = t + 2 < tokens.length && isDash(text, nextStart, nextEnd);
  const nextWord = dashed ? t + 2 : t + 1;
  if (!canStartSentence(text, tokens.starts[nextWord]!, tokens.ends[nextWord]!)) {
    // "кім? не?": in Cyrillic text a question or an exclamation ends even before lower case.
    return !dashed && periods === 0 && !quoteClosed && scriptBefore(text, tokens, t, firstTerminal) === Script.Cyrillic;
  }
  // "Hello!? Is that you?", "that.... She left": other than a lone period, always an end.
  if (!singlePeriod) return true;
  return !periodBelongsToWord(text, tokens, t, coreEnd, state);
}

/**
 * Where the numbered reference ending at `end` (a `]`) in a token starting at `tokenStart` opens,
 * or -1 when none does: "[1]" to "[999]".
 */
function referenceOpening(text: string, tokenStart: number, end: number): number {
  // The nearest "[" before the "]", among the five characters before it.
  let open = end - 2;
  while (open >= tokenStart && open >= end - 6 && text.charCodeAt(open) !== 0x5b) open--;
  if (open < tokenStart || open < end - 6 || end - open < 3) return -1;
  for (let i = open + 1; i < end - 1; i++) if (!isDigitCode(text.charCodeAt(i))) return -1;
  return open;
}

/** True when `text[start, end)` is a dash standing between sentence parts: "voila! -- you have cake". */
function isDash(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 1) {
    const code = text.charCodeAt(start);
    return code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2015;
  }
  if (length > 3) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x2d) return false;
  return true;
}

/**
 * True when token `t`, ending in a digit, ends a sentence with a numbered reference: "in a
 * consultation.11 12 Take the example", "(1987).1 According to". The reference is up to three
 * digits glued to the terminal punctuation of a word, and up to two more numbers after it; the
 * next word is capitalised.
 */
function endsAtReference(text: string, tokens: Tokens, t: number): boolean {
  // The token with the punctuation: this one, or one to two short numbers back ("consultation.11 12").
  let k = t;
  while (k > t - 3 && k > 0 && isShortNumber(text, tokens.starts[k]!, tokens.ends[k]!)) k--;
  const start = tokens.starts[k]!;
  const end = tokens.ends[k]!;
  if (!mayEndInReference(text, start, end)) return false;
  const nextStart = tokens.starts[t + 1]!;
  if (isDigitCode(text.charCodeAt(nextStart)) || !startsWithUpper(text, afterOpeners(text, nextStart, nextStart + 8), nextStart + 8)) return false;
  let digits = 0;
  while (isDigitCode(text.charCodeAt(end - 1 - digits))) digits++;
  const word = previousWord(text, start, end - digits - 1);
  return !takesNumber(word) && !isTitle(word) && !(word.length === 1 && characterClass(word.charCodeAt(0)) & UPPER);
}

/**
 * True when `text[start, end)` ends in terminal punctuation and one to three digits after a
 * letter or a closing bracket or quote: "consultation.11", "(1987).1".
 */
function mayEndInReference(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && end - i < 4 && isDigitCode(text.charCodeAt(i - 1))) i--;
  if (i === end || i - 1 <= start || end - i > 3) return false;
  const mark = text.charCodeAt(i - 1);
  if (mark !== 0x2e && mark !== 0x21 && mark !== 0x3f) return false;
  const before = text.charCodeAt(i - 2);
  return (characterClass(before) & LETTER) !== 0 || before === 0x29 || before === 0x5d || before === 0x22 || before === 0x201d || before === 0x2019;
}

/** True when `text[start, end)` is one to three digits. */
function isShortNumber(text: string, start: number, end: number): boolean {
  if (end - start > 3) return false;
  for (let i = start; i < end; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** True when the first token at or after `offset` (a token after `t`) starts with an opening quote. */
function startsWithQuote(text: string, offset: number, tokens: Tokens, t: number): boolean {
  for (let k = t; k < tokens.length && k < t + 64; k++) {
    if (tokens.starts[k]! >= offset) return /^["“„«‘']/u.test(text[tokens.starts[k]!]!);
    if (tokens.ends[k]! > offset) return false;
  }
  return false;
}

/** True for a token `text[start, end)` that is a single period, possibly with closing quotes: `.` or `.”`. */
function isDot(text: string, start: number, end: number): boolean {
  if (end - start > 4 || text.charCodeAt(start) !== 0x2e) return false;
  for (let i = start + 1; i < end; i++) if (!(characterClass(text.charCodeAt(i)) & CLOSER)) return false;
  return true;
}

/** How many single-period tokens end at token `t` (counting no further than 4). */
function dotsBefore(text: string, tokens: Tokens, t: number): number {
  let count = 0;
  for (let i = t; i >= 0 && count < 4 && isDot(text, tokens.starts[i]!, tokens.ends[i]!); i--) count++;
  return count;
}

/** The leading letters of the token `text[start, end)`, after any opening quotes: `It` for `“It's`, `Mr` for `Mr.`. */
function leadingWord(text: string, start: number, end: number): string {
  const limit = Math.min(end, start + 40);
  const from = afterOpeners(text, start, limit);
  let to = from;
  for (; to < limit; to++) {
    const code = text.charCodeAt(to);
    // A letter outside the Basic Multilingual Plane is read whole, by the regular expression.
    if (code >= 0xd800 && code <= 0xdfff) return text.slice(from, to) + /^\p{L}*/u.exec(text.slice(to, limit))![0];
    if (!(characterClass(code) & LETTER)) break;
  }
  return text.slice(from, to);
}

/** The offset after the opening quotes and brackets that `text` has from `from` on, looking no further than `limit`. */
function afterOpeners(text: string, from: number, limit: number): number {
  const end = Math.min(limit, text.length);
  let i = from;
  while (i < end && characterClass(text.charCodeAt(i)) & OPENER) i++;
  return i;
}

/** True when `text[at, limit)` starts with an upper-case letter (a surrogate pair read whole). */
function startsWithUpper(text: string, at: number, limit: number): boolean {
  return startsWithLetterOfCase(text, at, limit, UPPER);
}

/** True when `text[at, limit)` starts with a lower-case letter (a surrogate pair read whole). */
function startsWithLower(text: string, at: number, limit: number): boolean {
  return startsWithLetterOfCase(text, at, limit, LOWER);
}

function startsWithLetterOfCase(text: string, at: number, limit: number, letterCase: typeof UPPER | typeof LOWER): boolean {
  if (at >= limit || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdfff) return (letterCase === UPPER ? /^\p{Lu}/u : /^\p{Ll}/u).test(text.slice(at, limit));
  return (characterClass(code) & letterCase) !== 0;
}

/** False when the token `text[start, end)` begins, after any opening quotes, with a lower-case letter. */
function canStartSentence(text: string, start: number, end: number): boolean {
  const limit = Math.min(end, start + 8);
  return !startsWithLower(text, afterOpeners(text, start, limit), limit);
}

/** True when a capitalised word usually begins a sentence: an English starter or any language's stop word. */
function isSentenceStarter(word: string): boolean {
  const lower = word.toLowerCase();
  return SENTENCE_STARTERS.has(lower) || (lower.length > 0 && isStopwordOfSomeLanguage(lower));
}

/**
 * True when the single period ending token `t` (its text before the punctuation ends at
 * `coreEnd`) belongs to an abbreviation, an initial or a number, so that the sentence goes on
 * even though the next word is capitalised.
 */
function periodBelongsToWord(text: string, tokens: Tokens, t: number, coreEnd: number, { firstToken, start }: SentenceState): boolean {
  // "Tuesday.Mr. Smith": the word is read from where the sentence starts when that is inside the token.
  const before = previousWord(text, Math.max(tokens.starts[t]!, start), coreEnd);
  if (before === '') return false;
  // The next token's first characters, after any opening quotes: `text[nextFrom, nextLimit)`.
  const nextStart = tokens.starts[t + 1]!;
  const nextEnd = tokens.ends[t + 1]!;
  const nextLimit = Math.min(nextEnd, nextStart + 8);
  const nextFrom = afterOpeners(text, nextStart, nextLimit);
  const nextIsStarter = (): boolean => isSentenceStarter(leadingWord(text, nextStart, nextEnd));
  // "between 5. 6 and": a number, a period and another number.
  if (nextFrom < nextLimit && isDigitCode(text.charCodeAt(nextFrom)) && isDigits(before)) return true;
  // "e.g. London", "Smith vs. Jones", "z. B. Die Zahl" (a spaced abbreviation, its letters joined).
  if (isInnerAbbreviation(before) || (before.length <= 2 && isInnerAbbreviation(spacedAbbreviation(text, tokens, t, before)))) return true;
  // "Mr. Smith", "Mt. Fuji", "Dott. Mesini": a capitalised title.
  if (isTitle(before)) return true;
  // The word holds no surrogates (see previousWord): one character is one letter.
  const single = before.length === 1 ? characterClass(before.charCodeAt(0)) : 0;
  // "Jonas E. Smith": an initial, unless a sentence start follows and is not itself an initial
  // ("vitamin C. The", but "J. A. Smith"). A lone "I" is an initial only after a capitalised
  // name ("Albert I. Jones", but "you and I. Did").
  if (single & UPPER) {
    if (before === 'I' && !(t > firstToken && startsWithUpperAfterOpeners(text, tokens.starts[t - 1]!, tokens.ends[t - 1]!))) return false;
    return isInitial(text, nextFrom, nextLimit) || !nextIsStarter();
  }
  // "z. B.", "s. 12": a lone lower-case letter with a period is an abbreviation.
  if (single & LOWER) return true;
  const script = scriptOfCode(before.charCodeAt(before.length - 1));
  // "в 1898 г. В 1854 году", "проф. Семенов": in Cyrillic text, pragmatic_segmenter's Russian
  // rules never end a sentence at an abbreviation.
  if (script === Script.Cyrillic && isAbbreviation(before)) return true;
  // "p. 55", "No. 5", "Rs. 16720": an abbreviation before a number ("the answer was no. The" ends).
  if (isNumberLike(text, nextFrom, nextLimit) && takesNumber(before)) return true;
  // "Pitt, Briggs & Co. It closed", "in the U.S. How about": a suffix-like or dotted abbreviation
  // ends the sentence before a sentence starter ("U.S. Rep. Smith" and "U.S. Government" go on).
  // A time ends it before any capitalised word ("at 6 P.M. Travelers who"), unless that would
  // leave three words or fewer ("At 5 a.m. Mr. Smith went").
  if (isSuffixAbbreviation(before) || isDottedLetters(before)) {
    if (nextIsStarter()) return false;
    return !(isTimeOfDay(before) && t - firstToken + 1 >= 4);
  }
  return false;
}

/** True when `word` is made of ASCII digits only (and is not empty). */
function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isDigitCode(word.charCodeAt(i))) return false;
  return word.length > 0;
}

/** True when `word` (which holds no surrogates) is letters joined by periods: `U.S`, `e.g`, `a.m`. */
function isDottedLetters(word: string): boolean {
  if (word.length < 3 || word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i += 2) {
    if (!(characterClass(word.charCodeAt(i)) & LETTER)) return false;
    if (i + 1 < word.length && word.charCodeAt(i + 1) !== 0x2e) return false;
  }
  return true;
}

/** True when `text[from, limit)` is an upper-case letter and a period, all of it: `J.` (an initial). */
function isInitial(text: string, from: number, limit: number): boolean {
  const code = text.charCodeAt(from);
  if (code >= 0xd800 && code <= 0xdfff) return /^\p{Lu}\.$/u.test(text.slice(from, limit));
  return limit - from === 2 && (characterClass(code) & UPPER) !== 0 && text.charCodeAt(from + 1) === 0x2e;
}

/**
 * True when `text[from, limit)` starts like a number after "No.", "p." and the like: "55", "#3",
 * "№5", or Roman numerals ending there or before punctuation: "II", "XIV.".
 */
function isNumberLike(text: string, from: number, limit: number): boolean {
  if (from >= limit) return false;
  const first = text.charCodeAt(from);
  if (first === 0x23 || first === 0x2116 || isDigitCode(first)) return true;
  let i = from;
  while (i < limit && ROMAN_CAPITALS.includes(text.charCodeAt(i))) i++;
  if (i === from) return false;
  if (i === limit) return true;
  const after = text.charCodeAt(i);
  return after === 0x2e || after === 0x2c || after === 0x3b || after === 0x3a || after === 0x29;
}

/** The character codes of `I`, `V`, `X`, `L` and `C`, the Roman numerals {@link isNumberLike} reads. */
const ROMAN_CAPITALS: readonly number[] = [0x49, 0x56, 0x58, 0x4c, 0x43];

/** True when the token `text[start, end)` starts with an upper-case letter after any opening quotes: `“It's`, `Mr.`. */
function startsWithUpperAfterOpeners(text: string, start: number, end: number): boolean {
  const limit = Math.min(end, start + 40);
  return startsWithUpper(text, afterOpeners(text, start, limit), limit);
}

/**
 * The letters of a spaced abbreviation ending at token `t`, joined with periods: `z.B` for
 * "z. B." and `т.е` for "т. е."; `before` (the letter of token `t`) when the token before holds
 * no single letter with a period.
 */
function spacedAbbreviation(text: string, tokens: Tokens, t: number, before: string): string {
  if (t === 0 || before.length !== 1) return before;
  const start = tokens.starts[t - 1]!;
  const end = tokens.ends[t - 1]!;
  if (end - start === 2) {
    const code = text.charCodeAt(start);
    if (code >= 0xd800 && code <= 0xdfff) return before;
    return characterClass(code) & LETTER && text.charCodeAt(start + 1) === 0x2e ? `${text.slice(start, end)}${before}` : before;
  }
  const previous = text.slice(start, end);
  return end - start === 3 && /^\p{L}\.$/u.test(previous) ? `${previous}${before}` : before;
}

/**
 * The letters, digits and inner periods right before `at` in a token: `U.S` for "the U.S.". Read
 * one UTF-16 unit at a time, it stops at a surrogate: the word holds none.
 */
function previousWord(text: string, tokenStart: number, at: number): string {
  let i = at;
  while (i > tokenStart && at - i < 40 && characterClass(text.charCodeAt(i - 1)) & WORD_PART) i--;
  while (i < at && text.charCodeAt(i) === 0x2e) i++;
  return text.slice(i, at);
}

/** The list marker starting at token `t`, if there is one: "2.", "b.", "(iv)", "⁃10." or "• 10.". */
function listMarkerAt(text: string, tokens: Tokens, t: number): ListMarker | undefined {
  if (t + 1 >= tokens.length) return undefined;
  const token = tokenAt(tokens, t);
  if (token.end - token.start > 8) return undefined;
  // Every marker ends in "." or ")" (a bullet standing apart is one character).
  const last = text.charCodeAt(token.end - 1);
  if (last !== 0x2e && last !== 0x29 && token.end - token.start > 1) return undefined;
  const first = text.slice(token.start, token.end);
  if (BULLET.test(first)) {
    const second = tokenAt(tokens, t + 1);
    if (second.end - second.start > 8 || t + 2 >= tokens.length) return undefined;
    return parseListMarker(text.slice(second.start, second.end), first, 2);
  }
  return parseListMarker(first, '', 1);
}

function parseListMarker(token: string, bullet: string, tokenCount: number): ListMarker | undefined {
  const match = LIST_MARKER.exec(token);
  if (!match) return undefined;
  const [, attached = '', paren = '', label = '', punctuation = ''] = match;
  if (paren !== '' && punctuation !== ')') return undefined;
  const numeric = /^\d/u.test(label);
  const roman = numeric ? 0 : romanValue(label);
  const value = numeric ? Number(label) : label.length === 1 ? label.charCodeAt(0) : 0;
  return { bullet: bullet || attached, numeric, value, roman, style: paren === '' ? punctuation : '()', tokens: tokenCount };
}

/** The value of a lower-case Roman numeral written in `i`, `v` and `x` ("iv" is 4), or 0. */
function romanValue(label: string): number {
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const value = ROMAN[label[i]!] ?? 0;
    const next = ROMAN[label[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 40 ? total : 0;
}

/** True for the first marker of a list: "1.", "a)", "(i)". */
function startsList(marker: ListMarker): boolean {
  return marker.numeric ? marker.value === 1 : marker.value === 0x61 || marker.roman === 1;
}

/** True when `next` is the item after `current` in the same list: "1)" then "2)", "a." then "b.", "iv)" then "v)". */
function continuesList(current: ListMarker, next: ListMarker): boolean {
  if (next.style !== current.style || next.bullet !== current.bullet || next.numeric !== current.numeric) return false;
  if (current.numeric) return next.value === current.value + 1;
  return (current.value > 0 && next.value === current.value + 1) || (current.roman > 0 && next.roman === current.roman + 1);
}
