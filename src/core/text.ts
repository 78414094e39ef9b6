/**
 * Small text helpers shared by the parser and the cleaners: word tokens, normalisation for
 * comparison, and word counts that also work for scripts written without spaces.
 */

/** A word token, as the benchmark's scorer counts them: letters, digits, marks and `_`. */
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** Scripts written without spaces between words, where one token is a whole phrase. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');

/** The word tokens of `text`, in order, as written. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
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
  const tokens = words(text);
  // Most text has no such script: one test of the whole text saves one per token.
  if (!UNSPACED.test(text)) return tokens.length;
  let count = 0;
  for (const token of tokens) {
    const unspaced = token.match(UNSPACED_ALL)?.length ?? 0;
    count += unspaced === 0 ? 1 : Math.max(1, Math.round(unspaced / 2)) + (token.length - unspaced > 0 ? 1 : 0);
  }
  return count;
}

/** True when `text` contains characters of a script written without spaces. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text);
}

/**
 * The comparison key of a piece of text: Unicode-compatible forms folded, lower-cased, and only
 * the word tokens kept, so `“Hello,”  World` and `"hello" world` compare equal.
 */
export function comparisonKey(text: string): string {
  return lowerWords(text.normalize('NFKC')).join(' ');
}

/** True when the first letter of `text` is an upper-case letter. */
export function startsUpper(text: string): boolean {
  const match = /\p{L}/u.exec(text);
  return match !== null && match[0] !== match[0].toLowerCase() && match[0] === match[0].toUpperCase();
}

/** True when the first letter of `text` is a lower-case letter (scripts without case never are). */
export function startsLower(text: string): boolean {
  const match = /\p{L}/u.exec(text);
  return match !== null && match[0] !== match[0].toUpperCase();
}

/**
 * The shape of a line: each word reduced to its kind (`A` capitalised, `a` lower case, `0` a
 * number, `o` a word of a script without case), punctuation and spacing kept. Lines of one list
 * or table share a shape ("[ CNET ]" and "[ Wired ]" are both `[ A ]`, "Anna Petrova" and "Ivan
 * Sidorov" both `A A`), which stray labels from elsewhere rarely do.
 */
export function lineShape(text: string): string {
  return text
    .replace(/\p{Lu}[\p{L}\p{M}'’.-]*/gu, 'A')
    .replace(/\p{Ll}[\p{L}\p{M}'’.-]*/gu, 'a')
    .replace(/\p{N}+/gu, '0')
    .replace(/[\p{Lo}\p{M}]+/gu, 'o')
    .replace(/\s+/gu, ' ');
}
