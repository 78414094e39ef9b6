/**
 * The word tokens of a whole document, found in one scan and shared by every piece of it (a line,
 * a sentence, the headline): their offsets in typed arrays, and their lower-cased forms as ids of
 * a {@link Vocabulary}. A piece reads its tokens as a range of these arrays, instead of splitting
 * and lower-casing its text again and counting in maps of strings, which was most of the time and
 * memory of the pipeline.
 */
import { HASH_SEED, hashStep, scanWords, wordForm } from './text.js';
import { grownTo, int32Array, uint8Array } from './arrays.js';

/**
 * Distinct strings, numbered from 0 in the order they were first met. An open-addressing hash
 * table of their character codes rather than a `Map`, so that an ASCII word of the text is looked
 * up without first being cut out of the text and lower-cased: most words have been met before.
 */
export class Vocabulary {
  private readonly strings: string[] = [];
  /** Per id, the hash of its string. */
  private hashes: Int32Array;
  /** Slots holding id + 1 (0 when empty); a power of two long, at most half full. */
  private slots: Int32Array;

  /**
   * `expected`: about how many strings it will hold, so that its arrays are made at their size
   * rather than doubled to it (up to {@link MAX_EXPECTED_STRINGS}: beyond, they grow as strings come).
   */
  constructor(expected = 0) {
    const strings = Math.min(Math.max(expected, MIN_STRINGS), MAX_EXPECTED_STRINGS);
    let slots = 2 * MIN_STRINGS;
    while (slots < 2 * strings) slots *= 2;
    this.hashes = int32Array(strings);
    this.slots = int32Array(slots);
  }

  /** The id of `word`, numbered now when it is new. */
  id(word: string): number {
    const hash = stringHash(word);
    const slot = this.slotOf(word, hash);
    const found = this.slots[slot]!;
    return found !== 0 ? found - 1 : this.add(word, hash, slot);
  }

  /** The id of `word`, or -1 when it has none; `hash` is its {@link hash}, when the caller has it. */
  find(word: string, hash = stringHash(word)): number {
    return this.slots[this.slotOf(word, hash)]! - 1;
  }

  /**
   * The id of the lower-cased `text[start, end)`, which holds only ASCII characters; `hash` is the
   * hash of that lower-cased form, when the caller has it (see `scanWords`), and `capitals` false
   * when the caller knows the word holds no capital letter.
   */
  idOfAscii(text: string, start: number, end: number, hash = asciiLowerHash(text, start, end), capitals = true): number {
    let slot = hash & (this.slots.length - 1);
    for (let found = this.slots[slot]!; found !== 0; found = this.slots[slot]!) {
      if (this.hashes[found - 1] === hash && sameAsciiLower(this.strings[found - 1]!, text, start, end)) return found - 1;
      slot = (slot + 1) & (this.slots.length - 1);
    }
    // A word in lower case already is not lower-cased again: in a text held two bytes a character
    // (most pages), V8 lower-cases every slice of it through ICU.
    const word = text.slice(start, end);
    return this.add(capitals ? word.toLowerCase() : word, hash, slot);
  }

  /** The hash of the string numbered `id`: {@link hashStep} over its characters. */
  hash(id: number): number {
    return this.hashes[id]!;
  }

  /** The string numbered `id`. */
  word(id: number): string {
    return this.strings[id]!;
  }

  /** The strings, by id. */
  get words(): readonly string[] {
    return this.strings;
  }

  /** How many strings there are: every id is below it. */
  get size(): number {
    return this.strings.length;
  }

  /** The slot holding `word`, or the empty slot where it would go. */
  private slotOf(word: string, hash: number): number {
    let slot = hash & (this.slots.length - 1);
    for (let found = this.slots[slot]!; found !== 0; found = this.slots[slot]!) {
      if (this.hashes[found - 1] === hash && this.strings[found - 1] === word) break;
      slot = (slot + 1) & (this.slots.length - 1);
    }
    return slot;
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(word);
    if (id === this.hashes.length) this.hashes = grownTo(this.hashes, id * 2);
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (this.strings.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = int32Array(this.slots.length * 2);
    this.hashes.subarray(0, this.strings.length).forEach((hash, id) => {
      let slot = hash & (slots.length - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (slots.length - 1);
      slots[slot] = id + 1;
    });
    this.slots = slots;
  }
}

/** The fewest strings a {@link Vocabulary} has room for. */
const MIN_STRINGS = 64;

/** The most strings a {@link Vocabulary} is made to hold before it grows. */
const MAX_EXPECTED_STRINGS = 1 << 16;

/** The {@link hashStep} hash of `word`: what {@link Vocabulary.hash} gives for it. */
export function stringHash(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** The hash of the lower-cased `text[start, end)`, which holds only ASCII characters. */
function asciiLowerHash(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, asciiLower(text.charCodeAt(i)));
  return hash;
}

/** An ASCII character code, lower-cased. */
function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** True when `word` is `text[start, end)` (ASCII) lower-cased. */
function sameAsciiLower(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = start; i < end; i++) if (word.charCodeAt(i - start) !== asciiLower(text.charCodeAt(i))) return false;
  return true;
}

/** The word tokens of a document, in text order. */
export interface DocumentWords {
  /** How many tokens there are (the arrays may be longer). */
  readonly count: number;
  /** Per token, its offset in the text. */
  readonly starts: Int32Array;
  /** Per token, the {@link Vocabulary} id of its lower-cased form (the token lower-cased alone). */
  readonly ids: Int32Array;
  /** Per token, 1 when it is written in lower case (lower-casing leaves it as it is). */
  readonly writtenLower: Uint8Array;
  /**
   * The tokens, ascending, whose lower-cased form can depend on the text around them: a Greek
   * capital sigma becomes final `ς` or not by what follows it. A piece holding one is lower-cased
   * as a whole, as its text alone would be.
   */
  readonly contextual: readonly number[];
  readonly vocabulary: Vocabulary;
  /**
   * Where searches of {@link tokenRange} start: `from`, where the last one of pieces read in order
   * ended, and `other`, where the last one that jumped away from them ended.
   */
  readonly hint: { from: number; other: number };
  /** What {@link tokenRange} returns, reused: one object per document, not one per question. */
  readonly range: { from: number; to: number };
  /**
   * The ranges worked out, by the piece's start modulo their number: per slot, the piece's start
   * and end and its tokens' `from` and `to` (a start of -1: none yet).
   */
  readonly known: Int32Array;
}

/** Texts up to this length (a long article) get token arrays for the most tokens they can have. */
const SHORT_TEXT = 1 << 20;

/**
 * The size to make the token arrays of a text of `length` characters, whose tokens are separated
 * by at least one character: a long text's tokens are counted first by `scan`, which calls its
 * argument once per token (a text can be a 200 MB line, and its arrays are made once at their
 * size); a short text has at most one token in two characters.
 */
export function tokenCapacity(length: number, scan: (count: () => void) => void): number {
  if (length <= SHORT_TEXT) return (length + 1) >> 1;
  let tokens = 0;
  scan(() => tokens++);
  return tokens;
}

/**
 * Characters of a text per distinct word, a little fewer than the corpus's average (one in ten):
 * a document's vocabulary is made about at its size.
 */
const CHARACTERS_PER_WORD = 8;

/** Greek capital sigma, the one letter whose lower case depends on its neighbours. */
const SIGMA = 'Σ';

/** The typed arrays of a {@link DocumentWords}, which a later document's tokens can take over. */
export type TokenArrays = Pick<DocumentWords, 'starts' | 'ids' | 'writtenLower'>;

/**
 * Finds the word tokens of `text` (as `words` does) and numbers their lower-cased forms. `spare`:
 * the arrays of a document no longer read, filled again when they have room (every token below
 * `count` is written; what lies past it is never read).
 */
export function tokenizeDocument(text: string, spare?: TokenArrays): DocumentWords {
  // A long text is counted before its arrays are made (see `tokenCapacity`), a pass over all of it.
  // A later reading's text is the last one with spans deleted, whose tokens fit the last reading's
  // arrays: those are filled at once, and the text is counted only when they turn out too small.
  if (spare !== undefined && text.length > SHORT_TEXT) {
    const words = fillTokens(text, spare);
    if (words !== undefined) return words;
  }
  const capacity = tokenCapacity(text.length, (count) => scanWords(text, count));
  return fillTokens(text, spare !== undefined && spare.starts.length >= capacity ? spare : { starts: int32Array(capacity), ids: int32Array(capacity), writtenLower: uint8Array(capacity) })!;
}

/** The tokens of `text` in `arrays`; `undefined` when they do not all fit. */
function fillTokens(text: string, arrays: TokenArrays): DocumentWords | undefined {
  const words = { count: 0, starts: arrays.starts, ids: arrays.ids, writtenLower: arrays.writtenLower, contextual: [] as number[], vocabulary: new Vocabulary(text.length / CHARACTERS_PER_WORD), hint: { from: 0, other: 0 }, range: { from: 0, to: 0 }, known: knownRanges(text.length) };
  const room = arrays.starts.length;
  let t = 0;
  scanWords(text, (start, end, lowerHash, ascii, capitals) => {
    // One token more than there is room for: the scan stops, and `t` past `room` says so.
    if (t === room) {
      t++;
      return true;
    }
    words.starts[t] = start;
    if (ascii) {
      words.ids[t] = words.vocabulary.idOfAscii(text, start, end, lowerHash, capitals);
      words.writtenLower[t] = capitals ? 0 : 1;
    } else {
      const written = wordForm(text.slice(start, end));
      const lower = written.toLowerCase();
      words.ids[t] = words.vocabulary.id(lower);
      words.writtenLower[t] = lower === written ? 1 : 0;
      if (lower !== written && written.includes(SIGMA)) words.contextual.push(t);
    }
    t++;
    return false;
  });
  if (t > room) return undefined;
  words.count = t;
  return words;
}

/**
 * The tokens of the piece `[start, end)` of the document as `[from, to)` token positions. It must
 * start and end between tokens, as lines and sentences do (a sentence ends at white space or after
 * punctuation). The answer is {@link DocumentWords.range}, overwritten by the next call: read it at
 * once. (The rules ask this several times per line; on ten million lines, a pair made per call was
 * 130 bytes of garbage per line.)
 */
export function tokenRange(words: DocumentWords, start: number, end: number): { readonly from: number; readonly to: number } {
  // The rules ask about pieces mostly in text order: a search starts from where the last one in
  // order ended. Some read earlier pieces between two in order (near-duplicate reads the
  // candidates of each sentence): such a jump moves the other hint only, so that the next piece
  // in order is not searched for across the text (on a text of tens of millions of tokens, each
  // step of such a search misses the cache).
  // A rule asks about the piece it asked about last (its words, then their count: a quarter of
  // the questions on the corpora), and each rule asks about the same lines again: the ranges
  // worked out are kept by start, and the hints are then left as they are (the searches were 3.6%
  // of the time of `clean()` on the corpora, once warm; with the ranges kept, three warm passes
  // over an eighth of them take 1.2% fewer instructions).
  const { hint, starts, count, range, known } = words;
  const slot = (start & ((known.length >> 2) - 1)) << 2;
  if (known[slot] === start && known[slot + 1] === end) {
    range.from = known[slot + 2]!;
    range.to = known[slot + 3]!;
    return range;
  }
  let from: number;
  if (isNear(starts, count, start, hint.from)) {
    from = firstAtLeast(starts, count, start, hint.from);
    hint.from = from;
  } else {
    from = firstAtLeast(starts, count, start, isNear(starts, count, start, hint.other) ? hint.other : hint.from);
    hint.other = from;
  }
  range.from = from;
  range.to = firstAtLeast(starts, count, end, from);
  known[slot] = start;
  known[slot + 1] = end;
  known[slot + 2] = from;
  known[slot + 3] = range.to;
  return range;
}

/** The slots of {@link DocumentWords.known} for a text of `length` characters: about one per line of 64 characters, 16 to 8192 (a power of two). */
function knownRanges(length: number): Int32Array {
  let slots = 16;
  while (slots < 8192 && slots * 64 < length) slots *= 2;
  return int32Array(slots * 4).fill(-1);
}

/** Tokens from a hint within which the token searched for is near it (see {@link tokenRange}). */
const NEAR_TOKENS = 256;

/** True when the first of `starts[0, count)` at least `value` lies within {@link NEAR_TOKENS} of `hint`. */
function isNear(starts: Int32Array, count: number, value: number, hint: number): boolean {
  const below = hint - NEAR_TOKENS - 1;
  const above = hint + NEAR_TOKENS;
  return (below < 0 || starts[below]! < value) && (above >= count || starts[above]! >= value);
}

/** True when one of the tokens `[from, to)` is {@link DocumentWords.contextual}. */
export function holdsContextual(words: DocumentWords, from: number, to: number): boolean {
  const list = words.contextual;
  if (list.length === 0) return false;
  const at = firstAtLeast(list, list.length, from);
  return at < list.length && list[at]! < to;
}

/**
 * The position of the first of `values[0, length)` (ascending) that is at least `value`. Searched
 * from `hint` outwards in steps that double, then by halves: O(log distance) steps, which keeps
 * the search within cache on a text of tens of millions of tokens.
 */
function firstAtLeast(values: ArrayLike<number>, length: number, value: number, hint = 0): number {
  // The answer lies in [lo, hi]: values[lo - 1] < value (or lo = 0), values[hi] >= value (or hi = length).
  let lo = 0;
  let hi = Math.min(hint, length);
  if (hi < length && values[hi]! < value) {
    lo = hi + 1;
    hi = length;
    for (let step = 1; lo + step - 1 < length; step *= 2) {
      const probe = lo + step - 1;
      if (values[probe]! >= value) {
        hi = probe;
        break;
      }
      lo = probe + 1;
    }
  } else {
    for (let step = 1; hi - step >= 0; step *= 2) {
      const probe = hi - step;
      if (values[probe]! < value) {
        lo = probe + 1;
        break;
      }
      hi = probe;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when two sequences of word ids are the same (two pieces have the same comparison key). */
export function sameWords(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A 30-bit hash of a sequence of word ids (small enough to stay a small integer in V8). */
export function hashWords(ids: ArrayLike<number>): number {
  let hash = HASH_SEED;
  for (let i = 0; i < ids.length; i++) hash = hashStep(hash, ids[i]!);
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}
