/**
 * What two documents are compared on: their words, lower-cased, in order, with the paragraphs
 * they fall in, and nothing else. Spacing, line breaks, punctuation and case are not part of a
 * document's identity: the same story saved with CRLF line endings, re-wrapped, or with curly
 * quotes made straight is the same document.
 *
 * A word is a token of `scanWords` (the project's one definition: runs of letters, digits, marks
 * and `_`). A token in a script written without spaces (`東京都は今日`) is a phrase, not a word;
 * each of its characters counts as a word instead, so that one changed character changes one
 * word, not the whole phrase.
 */
import { hasUnspacedScript, HASH_SEED, hashStep, isWhiteSpace, scanWords, wordForm } from '../core/text.js';
import { tokenCapacity } from '../core/tokens.js';
import { combine, mix32 } from './hash.js';

/** The words of a document, as hashes, with where its paragraphs start. */
export interface NormalisedWords {
  /** How many words there are (the arrays may be longer). */
  readonly count: number;
  /** Per word, a 32-bit hash of its lower-cased form. */
  readonly hashes: Int32Array;
  /** Per word, 1 when it begins a paragraph: the first word, and the first after a blank line. */
  readonly paragraphStarts: Uint8Array;
  /**
   * A 64-bit hash (16 hexadecimal digits) of the lower-cased words in order: equal for documents
   * that differ only in spacing, line breaks, punctuation and case. Empty when there are no words.
   */
  readonly exactKey: string;
}

/** A second, independent multiplier for the other half of {@link NormalisedWords.exactKey}. */
const SECOND_PRIME = 0x5bd1e995;

/** Reads the words of `text` (see the module's comment). */
export function normalisedWords(text: string): NormalisedWords {
  const capacity = tokenCapacity(text.length, (count) => scanWords(text, count));
  let hashes = new Int32Array(capacity);
  let paragraphStarts = new Uint8Array(capacity);
  let count = 0;
  let first = 0x2545f491;
  let second = 0x6b43a9b5;
  let previousEnd = 0;
  let paragraph = true;
  const add = (lowerHash: number, secondHash: number): void => {
    // Only a text written without spaces has more words than tokens (a character is a word there).
    if (count === hashes.length) [hashes, paragraphStarts] = [grown(hashes), grown(paragraphStarts)];
    const word = mix32(lowerHash);
    hashes[count] = word;
    paragraphStarts[count] = paragraph ? 1 : 0;
    paragraph = false;
    count++;
    first = combine(first, word);
    second = combine(second, secondHash);
  };
  scanWords(text, (start, end, lowerHash, ascii) => {
    if (count > 0 && holdsBlankLine(text, previousEnd, start)) paragraph = true;
    previousEnd = end;
    if (ascii) {
      add(lowerHash, asciiSecondHash(text, start, end));
      return;
    }
    const lower = folded(wordForm(text.slice(start, end)));
    if (!hasUnspacedScript(lower)) {
      add(fnvHash(lower), secondHash(lower));
      return;
    }
    for (const character of lower) add(fnvHash(character), secondHash(character));
  });
  const exactKey = count === 0 ? '' : hex(first) + hex(second);
  return { count, hashes, paragraphStarts, exactKey };
}

/**
 * A word outside ASCII as it is compared: compatibility forms folded (NFKC: `ﬁ` is `fi`, full-width
 * `Ａ` is `A`), then upper- and lower-cased, which folds case where lower-casing alone does not
 * (`STRASSE` and `Straße` are both `strasse`, a final `ς` is `σ`).
 */
function folded(word: string): string {
  return word.normalize('NFKC').toUpperCase().toLowerCase();
}

/** FNV-1a over the UTF-16 codes of `word`: what `scanWords` gives as the hash of an ASCII token. */
function fnvHash(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** FNV-1a with {@link SECOND_PRIME} over the UTF-16 codes of `word`. */
function secondHash(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), SECOND_PRIME);
  return hash;
}

/** {@link secondHash} of the lower-cased ASCII token `text[start, end)`. */
function asciiSecondHash(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code + 0x20 : code), SECOND_PRIME);
  }
  return hash;
}

/**
 * True when `text[from, to)` (the characters between two words) holds a blank line: two line
 * breaks with only white space between them. A lone CR ends a line too.
 */
function holdsBlankLine(text: string, from: number, to: number): boolean {
  let lineBreaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      if (++lineBreaks === 2) return true;
    } else if (!isWhiteSpace(code)) {
      lineBreaks = 0;
    }
  }
  return false;
}

function grown<T extends Int32Array | Uint8Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
  larger.set(array);
  return larger;
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
