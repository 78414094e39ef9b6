/**
 * Small text helpers shared by the parser and the cleaners: word tokens, normalisation for
 * comparison, and word counts that also work for scripts written without spaces.
 */
import type { Span } from './model.js';

/** Any character outside ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Scripts written without spaces between words, where one token is a whole phrase. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');

/**
 * The blocks of code units that hold every character of {@link UNSPACED} (Thai and Lao, Myanmar,
 * Khmer, the CJK blocks, halfwidth Katakana, and the high surrogates of the other planes) and some
 * others: a plain class, which V8 scans many times faster than the script properties. A text
 * without any of them holds no {@link UNSPACED} character; most non-ASCII text (German, French,
 * Russian) has none.
 */
const MAY_BE_UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u19FF\u2E80-\u9FFF\uA9E0-\uAA7F\uF900-\uFAFF\uFF66-\uFF9D\uD800-\uDBFF]/;

/** One character of a word token, as the benchmark's scorer counts them: letters, digits, marks and `_`. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;

/**
 * Per ASCII character, its lower-case form when it is a word character (`[A-Za-z0-9_]`), else 0
 * (NUL is no word character).
 */
const ASCII_WORD_LOWER = Uint8Array.from({ length: 0x80 }, (_, code) => {
  const char = String.fromCharCode(code);
  return /\w/.test(char) ? char.toLowerCase().charCodeAt(0) : 0;
});

/** {@link WORD_CHAR} per code point of the Basic Multilingual Plane, filled as met: 0 not yet known, 1 no, 2 yes. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);

/** True when the code point `code` is a word character (see {@link WORD_CHAR}). */
function isWordChar(code: number): boolean {
  if (code < 0x80) return ASCII_WORD_LOWER[code] !== 0;
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  let known = BMP_WORD_CHAR[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    BMP_WORD_CHAR[code] = known;
  }
  return known === 2;
}

/**
 * The soft hyphen (U+00AD): where a page allows a word to break at the end of a line
 * ("Tau\u00ADsende"). Inside a word it is part of the token and no part of the word's form: the
 * word is the same with it or without it.
 */
const SOFT_HYPHEN = 0xad;

/** True when `text` at `i` starts a word character (a code point, a surrogate pair read whole). */
function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 0x80 ? ASCII_WORD_LOWER[code] !== 0 : isWordChar(text.codePointAt(i)!);
}

/** A word token as it is compared: without the soft hyphens inside it (see {@link SOFT_HYPHEN}). */
export function wordForm(token: string): string {
  return token.includes('\u00AD') ? token.replaceAll('\u00AD', '') : token;
}

/** The hash of the empty string (see {@link hashStep}). */
export const HASH_SEED = 0x811c9dc5;

/** One step of FNV-1a: `hash` with the character code `code` added. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * Called by {@link scanWords} with the `[start, end)` offsets of a word token. When the token is
 * `ascii` (only ASCII characters), `lowerHash` is the {@link hashStep} hash of its lower-cased
 * form and `capitals` tells whether it holds a capital letter; otherwise neither means anything.
 * Returning `true` stops the scan (any other value goes on).
 */
export type WordVisitor = (start: number, end: number, lowerHash: number, ascii: boolean, capitals: boolean) => unknown;

/**
 * Calls `onWord` with each word token of `text`, in order, until it returns `true`: the longest runs of {@link WORD_CHAR},
 * as `text.matchAll(/[\p{L}\p{N}\p{M}_]+/gu)` finds them, but that a soft hyphen between two word
 * characters joins them into one token ("Tau\u00ADsende"; a token holding one is not `ascii`, and
 * its form is {@link wordForm}). Found by a scan of character codes with
 * a table, as this is the hottest code of the pipeline and V8 matches Unicode property classes
 * slowly; the same pass hashes a token's lower-cased form, so that most tokens are numbered
 * without reading their characters again (see `tokenizeDocument`). (A lone surrogate is no word
 * character, as in the regular expression.)
 *
 * The characters are read with `String.prototype.charCodeAt.call(text, i)`, not `text.charCodeAt(i)`:
 * V8 remembers per site the kinds of string it has met, and the texts scanned here are of more
 * than four (the document, slices of it, joined keys, in one and two bytes a character), past
 * which the optimised loop looked `charCodeAt` up on the string at every character: 5.3% of the
 * instructions of four passes of `clean()` over an eighth of the corpora (Valgrind). Through the
 * prototype the method is a constant.
 */
export function scanWords(text: string, onWord: WordVisitor): void {
  const length = text.length;
  let start = -1;
  let hash = HASH_SEED;
  let ascii = true;
  let capitals = false;
  for (let i = 0; i < length; i++) {
    let code = String.prototype.charCodeAt.call(text, i);
    /** The character lower-cased when it is an ASCII word character, else 0. */
    let lower = 0;
    let isWord: boolean;
    if (code < 0x80) {
      lower = ASCII_WORD_LOWER[code]!;
      isWord = lower !== 0;
    } else {
      code = String.prototype.codePointAt.call(text, i)!;
      isWord = isWordChar(code);
    }
    if (isWord) {
      if (start < 0) {
        start = i;
        hash = HASH_SEED;
        ascii = true;
        capitals = false;
      }
      if (lower === 0) {
        ascii = false;
      } else {
        hash = hashStep(hash, lower);
        if (lower !== code) capitals = true;
      }
    } else if (code === SOFT_HYPHEN && start >= 0 && i + 1 < length && isWordCharAt(text, i + 1)) {
      ascii = false;
    } else if (start >= 0) {
      if (onWord(start, i, hash, ascii, capitals) === true) return;
      start = -1;
    }
    if (code > 0xffff) i++;
  }
  if (start >= 0) onWord(start, length, hash, ascii, capitals);
}

/**
 * True when the UTF-16 code `code` is white space, as `\s` matches it (Unicode space separators,
 * line terminators, tab, vertical tab, form feed and the byte order mark). Tested code by code, as
 * the tokenisers do, this is much faster than the regular expression.
 */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Set in every entry of a {@link codeUnitClasses} table that has been worked out. */
const CLASSES_KNOWN = 0x8000;

/**
 * The classes of each UTF-16 code unit, as `classify` works them out from the character (bits below
 * 0x8000), kept in a table filled the first time each unit is asked about: the tokenisers and line
 * shapes ask about every character of a text, and a table is much cheaper than a regular
 * expression tested on a one-character string. The answer may also hold the bit 0x8000.
 */
export function codeUnitClasses(classify: (char: string, code: number) => number): (code: number) => number {
  const table = new Uint16Array(0x10000);
  return (code) => {
    const known = table[code]!;
    if (known !== 0) return known;
    const classes = classify(String.fromCharCode(code), code) | CLASSES_KNOWN;
    table[code] = classes;
    return classes;
  };
}

/**
 * Where the line starting at `from` ends: the offset of the next line break (`\r` or `\n`), or
 * the text's length. With {@link lineBreakLength}, the one reading of "a line" that the parse and
 * the output share; char by char, because a regular expression's match is an array per line.
 */
export function lineEndAt(text: string, from: number): number {
  let at = from;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0a || code === 0x0d) break;
  }
  return at;
}

/** The length of the line break at `at` (an offset {@link lineEndAt} gave): 2 for `\r\n`, 1 for `\r` or `\n`, 0 at the text's end. */
export function lineBreakLength(text: string, at: number): number {
  if (at >= text.length) return 0;
  return text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 1;
}

/** The part of `text[start, end)` without the white space at either end (empty when all of it is). */
export function trimSpan(text: string, { start, end }: Span): Span {
  let from = start;
  let to = end;
  while (from < to && isWhiteSpace(text.charCodeAt(from))) from++;
  while (to > from && isWhiteSpace(text.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
}

/** The word tokens of `text`, in order, as written but for soft hyphens (see {@link wordForm}). */
export function words(text: string): string[] {
  const tokens: string[] = [];
  scanWords(text, (start, end, _hash, ascii) => tokens.push(ascii ? text.slice(start, end) : wordForm(text.slice(start, end))));
  return tokens;
}

/**
 * The last word token of `text` (the last of {@link words}), or `undefined` when it has none:
 * found from the end, without splitting a whole (perhaps 200 MB) line.
 */
export function lastWordToken(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && !isWordChar(codePointBefore(text, end))) end -= codePointBefore(text, end) > 0xffff ? 2 : 1;
  if (end === 0) return undefined;
  let start = end;
  while (start > 0) {
    const code = codePointBefore(text, start);
    if (isWordChar(code)) start -= code > 0xffff ? 2 : 1;
    else if (code === SOFT_HYPHEN && start >= 2 && isWordChar(codePointBefore(text, start - 1))) start--;
    else break;
  }
  return wordForm(text.slice(start, end));
}

/**
 * The run of non-space characters that ends `text` (empty when it ends in white space): its last
 * "word" as a link or a handle is written, found from the end without splitting a long line.
 */
export function trailingNonSpace(text: string): string {
  let start = text.length;
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(start);
}

/** The code point that ends at `end` in `text`: a surrogate pair read whole, as a forward scan reads it. */
function codePointBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(end - 2)!;
  }
  return low;
}

/** The offset in `text` of its word token number `index` (0-based), or `undefined` when it has fewer. */
export function wordStart(text: string, index: number): number | undefined {
  let count = 0;
  let found: number | undefined;
  scanWords(text, (start) => {
    if (count++ === index) found = start;
  });
  return found;
}

/** The word tokens of `text`, lower-cased, for comparisons. */
export function lowerWords(text: string): string[] {
  return words(text.toLowerCase());
}

/**
 * An estimate of the number of words, fair to text without spaces: in Japanese or Chinese a
 * "token" such as `東京都は今日` is a phrase, so such characters count as half a word each
 * (the average word there is about two characters long).
 */
export function wordCount(text: string): number {
  // Most text has no such script: one test of the whole text saves one per token, and its words
  // are counted without being cut out of it.
  if (!hasUnspacedScript(text)) {
    let tokens = 0;
    scanWords(text, () => tokens++);
    return tokens;
  }
  let count = 0;
  for (const token of words(text)) {
    const unspaced = token.match(UNSPACED_ALL)?.length ?? 0;
    count += unspaced === 0 ? 1 : Math.max(1, Math.round(unspaced / 2)) + (token.length - unspaced > 0 ? 1 : 0);
  }
  return count;
}

/**
 * True when {@link wordCount} of `text` is above `limit`, told without counting the words of a
 * long text: every token counts one word at least, so more than `limit` tokens settle it. (Asked
 * whether a line is a link of a few words, of nearly every line of a page dump that sets its
 * lines apart by blank lines: counting a paragraph's words to the end was a tenth of a parse.)
 */
export function exceedsWords(text: string, limit: number): boolean {
  let tokens = 0;
  scanWords(text, () => ++tokens > limit);
  if (tokens > limit) return true;
  // Every token was counted, and they are its words unless a script without spaces counts them
  // otherwise: its words were scanned a second time to count them again (a line of a few words
  // after nearly every blank line of a page dump).
  return hasUnspacedScript(text) && wordCount(text) > limit;
}

/** True when `text` holds a digit 0-9 (as `/\d/u` finds one), read code by code, without a regular expression. */
export function holdsAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** True when `text` holds only ASCII characters. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** True when `text` contains characters of a script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  // Most text holds none of the blocks these scripts are in: the cheap test spares the Unicode one.
  return MAY_BE_UNSPACED.test(text) && UNSPACED.test(text);
}

/**
 * The comparison key of a piece of text: Unicode-compatible forms folded, lower-cased, and only
 * the word tokens kept, so `“Hello,”  World` and `"hello" world` compare equal.
 */
export function comparisonKey(text: string): string {
  // Most keys are of text that folding leaves as it is (ASCII, most other text), and folding copies it.
  return lowerWords(isFolded(text) ? text : text.normalize('NFKC')).join(' ');
}

/** Of a {@link foldClasses} code unit: folding may change the text around it (see {@link isFolded}). */
const MAY_FOLD = 1;

/**
 * Per UTF-16 code unit, whether folding Unicode-compatible forms (NFKC) may change a text holding
 * it: the character alone folds to something else ("ﬁ", "½", a non-breaking space); or it may
 * join the character before it or move past it (a combining mark, a Hangul vowel or final
 * consonant, which compose with what precedes them); or it is half of a surrogate pair, left to
 * `normalize`. A text of none of them folds to itself: each of its characters does, and nothing
 * composes or reorders without such a mark.
 */
const foldClasses = codeUnitClasses((char, code) => {
  if (code >= 0xd800 && code <= 0xdfff) return MAY_FOLD;
  if (char.normalize('NFKC') !== char || /\p{M}/u.test(char)) return MAY_FOLD;
  return (code >= 0x1161 && code <= 0x1175) || (code >= 0x11a8 && code <= 0x11c2) ? MAY_FOLD : 0;
});

/**
 * True when folding Unicode-compatible forms (NFKC) leaves `text` as it is. Told by a table of its
 * code units, as most non-ASCII text (German, French, Russian) holds no character that folds:
 * `normalize` is asked only of a text that holds one.
 */
export function isFolded(text: string): boolean {
  return mayFoldAt(text, 0) === text.length || text.normalize('NFKC') === text;
}

/**
 * The offset of the first code unit of `text` at or after `from` around which folding may change
 * the text (see {@link foldClasses}), or `text.length` when there is none.
 */
export function mayFoldAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && (foldClasses(code) & MAY_FOLD) !== 0) return i;
  }
  return text.length;
}

/** Any letter, of any script. */
const LETTER = /\p{L}/u;

/** True when `text` holds a letter: a line without one ("* * *", "3:1", "—") is no sentence nor a label. */
export function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

/** True when the first letter of `text` is a lower-case letter (scripts without case never are). */
export function startsLower(text: string): boolean {
  const classes = firstLetterClasses(text);
  if (classes !== SURROGATE_FIRST) return (classes & CASE_LOWER) !== 0;
  const match = LETTER.exec(text);
  return match !== null && match[0] !== match[0].toUpperCase();
}

/** True when the first letter of `text` is an upper-case letter. */
export function startsUpper(text: string): boolean {
  const classes = firstLetterClasses(text);
  if (classes !== SURROGATE_FIRST) return (classes & CASE_UPPER) !== 0;
  const match = LETTER.exec(text);
  return match !== null && match[0] !== match[0].toLowerCase() && match[0] === match[0].toUpperCase();
}

/** Of a {@link caseClasses} letter: changed by upper-casing, as a lower-case letter is ({@link startsLower}). */
const CASE_LOWER = 1;
/** Of a {@link caseClasses} letter: changed by lower-casing and not by upper-casing ({@link startsUpper}). */
const CASE_UPPER = 2;
const CASE_LETTER = 4;
const CASE_SURROGATE = 8;
/** What {@link firstLetterClasses} gives when a surrogate comes before any letter: the text is left to {@link LETTER}. */
const SURROGATE_FIRST = -1;

/**
 * Per UTF-16 code unit, whether it is a letter and how casing changes it. The fragment rule asks
 * of nearly every line and sentence whether it starts with a capital ("looks like prose"), and
 * matching {@link LETTER} then upper- and lower-casing the letter made two strings per question.
 */
const caseClasses = codeUnitClasses((char, code) => {
  if (code >= 0xd800 && code <= 0xdfff) return CASE_SURROGATE;
  if (!LETTER.test(char)) return 0;
  return CASE_LETTER | (char !== char.toUpperCase() ? CASE_LOWER : 0) | (char !== char.toLowerCase() && char === char.toUpperCase() ? CASE_UPPER : 0);
});

/**
 * The {@link caseClasses} of the first letter of `text` (0 when it has none), or
 * {@link SURROGATE_FIRST} when a surrogate comes first: a letter outside the Basic Multilingual
 * Plane is a pair of code units, read as one by the regular expression.
 */
function firstLetterClasses(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const classes = caseClasses(text.charCodeAt(i));
    if (classes & CASE_SURROGATE) return SURROGATE_FIRST;
    if (classes & CASE_LETTER) return classes;
  }
  return 0;
}

/**
 * The shape of a line: each word reduced to its kind (`A` capitalised, `a` lower case, `0` a
 * number, `o` a word of a script without case), punctuation and spacing kept. Lines of one list
 * or table share a shape ("[ CNET ]" and "[ Wired ]" are both `[ A ]`, "Anna Petrova" and "Ivan
 * Sidorov" both `A A`), which stray labels from elsewhere rarely do.
 */
export function lineShape(text: string): string {
  // The five replacements start on characters of disjoint classes (a capital, a lower-case
  // letter, a digit, a letter without case or a mark, white space), so one pass from the left
  // does what they do one kind at a time, with each character's classes looked up in a table
  // (much faster than the property classes, and one string made per line, not five). A character
  // outside the Basic Multilingual Plane (a surrogate pair) is left to the replacements.
  // The shape is written code unit by code unit into one scratch array and made a string once: a
  // string built by `+=` was an object per part, five kilobytes of garbage for a line of prose.
  const out = text.length <= CODE_SCRATCH.length ? CODE_SCRATCH : new Uint16Array(text.length);
  let length = 0;
  let changed = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const kind = shapeClasses(code);
    if (kind & SHAPE_SURROGATE) return shapeByReplacing(text);
    const part = kind & (SHAPE_UPPER | SHAPE_LOWER) ? SHAPE_WORD_PART : kind & (SHAPE_NUMBER | SHAPE_UNSPACED | SHAPE_SPACE);
    if (part === 0) {
      out[length++] = code;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && shapeClasses(text.charCodeAt(end)) & part) end++;
    const mark = kind & SHAPE_UPPER ? 0x41 : kind & SHAPE_LOWER ? 0x61 : kind & SHAPE_NUMBER ? 0x30 : kind & SHAPE_UNSPACED ? 0x6f : 0x20;
    changed ||= end - i > 1 || mark !== code;
    out[length++] = mark;
    i = end;
  }
  if (!changed) return text;
  return stringOfCodes(out, length);
}

/**
 * The string of `codes[0, length)`, none of them a surrogate. A decoder's call costs some 400 ns at
 * any length, and most shapes and many lines are a few characters ("A A", "a 0", "Teilen"): those
 * are made a character at a time, in a fifth of that; longer ones by the decoder. Either way V8
 * holds the string one byte a character when every code fits one (see {@link narrowSlice}).
 */
function stringOfCodes(codes: Uint16Array, length: number): string {
  if (length > SHORT_STRING) return UTF16.decode(codes.subarray(0, length));
  let made = '';
  for (let k = 0; k < length; k++) made += String.fromCharCode(codes[k]!);
  return made;
}

/**
 * The longest string {@link stringOfCodes} makes a character at a time (V8 copies a string this
 * short whole at each step, and links longer ones).
 */
const SHORT_STRING = 12;

/**
 * Scratch for the code units of one line, made a string by {@link stringOfCodes}: the shapes of
 * {@link lineShape} and the copies of {@link narrowSlice}, for the lines that fit it, nearly all. A
 * longer line gets an array of its own (a shape) or is sliced (a copy), so that a 200 MB line does
 * not leave 400 MB of scratch behind it.
 */
const CODE_SCRATCH = new Uint16Array(1 << 16);

/** Makes a string of UTF-16 code units (no surrogate reaches it: see {@link stringOfCodes}). */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * True when `text` holds a character beyond U+00FF: then V8 holds it in two bytes a character, and
 * every slice of it too (see {@link narrowSlice}).
 */
export function hasWideCharacter(text: string): boolean {
  return WIDE_CHARACTER.test(text);
}

const WIDE_CHARACTER = /[^\x00-\xff]/;

/**
 * `text[start, end)` as a string of its own that V8 holds in one byte a character when none of
 * its characters is beyond U+00FF, else as `text.slice` makes it. A slice of a string held in two
 * bytes a character is held so too, however narrow its characters, and V8 matches a regular
 * expression's Unicode classes (`\p{L}`, `\p{N}`) in such a string by a call per character, where
 * in a one-byte string they are a few comparisons: one curly quote or dash in a page made every
 * pattern the rules try on its lines many times slower (a date pattern and `\p{N}` on a German
 * line, 27 times; a short line tried once pays for its copy). The same characters, so the same
 * answers: only their storage differs. A slice longer than the scratch is left to `slice`.
 */
export function narrowSlice(text: string, start: number, end: number): string {
  const length = end - start;
  if (length < MIN_NARROW_LENGTH || length > CODE_SCRATCH.length) return text.slice(start, end);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(start + i);
    if (code > 0xff) return text.slice(start, end);
    CODE_SCRATCH[i] = code;
  }
  return stringOfCodes(CODE_SCRATCH, length);
}

/** The shortest slice that {@link narrowSlice} copies: one or two characters V8 holds in one byte already. */
const MIN_NARROW_LENGTH = 3;

/** {@link lineShape} by its definition, one kind of part at a time. */
function shapeByReplacing(text: string): string {
  return text
    .replace(/\p{Lu}[\p{L}\p{M}'’.-]*/gu, 'A')
    .replace(/\p{Ll}[\p{L}\p{M}'’.-]*/gu, 'a')
    .replace(/\p{N}+/gu, '0')
    .replace(/[\p{Lo}\p{M}]+/gu, 'o')
    .replace(/\s+/gu, ' ');
}

/** The classes of a UTF-16 code unit that {@link lineShape} reads, as bits of {@link shapeClasses}. */
const SHAPE_UPPER = 1;
const SHAPE_LOWER = 2;
const SHAPE_NUMBER = 4;
/** A letter without case or a mark (`\p{Lo}`, `\p{M}`). */
const SHAPE_UNSPACED = 8;
const SHAPE_SPACE = 16;
/** What a word runs on over: a letter, a mark, `'`, `’`, `.` or `-`. */
const SHAPE_WORD_PART = 32;
const SHAPE_SURROGATE = 64;

/** The {@link lineShape} classes of a code unit. */
const shapeClasses = codeUnitClasses((char, code) => {
  if (code >= 0xd800 && code <= 0xdfff) return SHAPE_SURROGATE;
  let classes = 0;
  if (/\p{Lu}/u.test(char)) classes |= SHAPE_UPPER;
  if (/\p{Ll}/u.test(char)) classes |= SHAPE_LOWER;
  if (/\p{N}/u.test(char)) classes |= SHAPE_NUMBER;
  if (/[\p{Lo}\p{M}]/u.test(char)) classes |= SHAPE_UNSPACED;
  if (isWhiteSpace(code)) classes |= SHAPE_SPACE;
  if (/[\p{L}\p{M}'’.-]/u.test(char)) classes |= SHAPE_WORD_PART;
  return classes;
});
