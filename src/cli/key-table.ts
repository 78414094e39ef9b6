/**
 * Line keys (the 64-bit hashes `lineKey` writes as 16 hex digits) and their counts, in typed
 * arrays. A JavaScript `Map` holds at most 2^24 (16.7 million) entries, and the line counts of a
 * crawl hold more: a 1 GB counts file failed with "Map maximum size exceeded". A key is kept as its
 * two 32-bit halves side by side (one 64-bit number, read through a `BigUint64Array` to sort), a
 * count as a double: 16 bytes an entry. Counts saturate at 2^53 - 1, the largest whole number a
 * double holds exactly. Part of the command's lowest floor: it imports nothing else of it.
 */
import os from 'node:os';
import type { CleanOptions } from '../index.js';

/** The largest count kept: sums past it stay there (a count past it could not be written exactly). */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** Where the high and the low half of a key sit in its pair of 32-bit words (the 64-bit view's byte order). */
const HI = os.endianness() === 'LE' ? 1 : 0;
const LO = 1 - HI;

const HEX = /^[0-9a-f]{16}$/u;

/** The halves of a 16-hex-digit key, or undefined for anything else. */
export function parseKey(key: string): readonly [number, number] | undefined {
  if (!HEX.test(key)) return undefined;
  return [Number.parseInt(key.slice(0, 8), 16), Number.parseInt(key.slice(8), 16)];
}

/** The 16 hex digits of a key. */
export function formatKey(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** True when key `(hi, lo)` sorts after `(otherHi, otherLo)`. */
export function keyAfter(hi: number, lo: number, otherHi: number, otherLo: number): boolean {
  return hi > otherHi || (hi === otherHi && lo > otherLo);
}

/** A run of entries, keys ascending: key `i` is `(hi[i], lo[i])`, its count `counts[i]`. */
export interface Entries {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly counts: Float64Array;
  readonly length: number;
}

/**
 * Counts per key as `count-lines` gathers them, in any order: an open-addressing hash table (the
 * keys are hashes already, so their low bits spread them), grown by doubling at half full.
 */
export class KeyCounter {
  private words = new Uint32Array(2 * 1024);
  private counts = new Float64Array(1024);
  private used = 0;

  /** The keys counted. */
  get size(): number {
    return this.used;
  }

  /** Adds `times` to the count of key `(hi, lo)`. */
  add(hi: number, lo: number, times = 1): void {
    if (2 * (this.used + 1) > this.counts.length) this.grow();
    const slot = this.slotOf(hi, lo);
    if (this.counts[slot] === 0) {
      this.words[2 * slot + HI] = hi;
      this.words[2 * slot + LO] = lo;
      this.used++;
    }
    this.counts[slot] = Math.min(this.counts[slot]! + times, MAX_COUNT);
  }

  /** The keys counted at least `least` times, with their counts, sorted by key. */
  sorted(least = 1): SortedKeyCounts {
    let kept = 0;
    for (let slot = 0; slot < this.counts.length; slot++) if (this.counts[slot]! >= least) kept++;
    const keys = new BigUint64Array(kept);
    const keyWords = new Uint32Array(keys.buffer);
    for (let slot = 0, at = 0; slot < this.counts.length; slot++) {
      if (this.counts[slot]! < least) continue;
      keyWords[2 * at + HI] = this.words[2 * slot + HI]!;
      keyWords[2 * at + LO] = this.words[2 * slot + LO]!;
      at++;
    }
    // Numeric order of the 64-bit values is the order of their hex digits.
    keys.sort();
    const builder = new SortedKeyCountsBuilder(kept);
    for (let at = 0; at < kept; at++) {
      const hi = keyWords[2 * at + HI]!;
      const lo = keyWords[2 * at + LO]!;
      builder.push(hi, lo, this.counts[this.slotOf(hi, lo)]!);
    }
    return builder.done();
  }

  /** The slot of key `(hi, lo)`, or the empty slot where it would go. */
  private slotOf(hi: number, lo: number): number {
    const mask = this.counts.length - 1;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.counts[slot] !== 0 && (this.words[2 * slot + HI] !== hi || this.words[2 * slot + LO] !== lo)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { words, counts } = this;
    this.words = new Uint32Array(words.length * 2);
    this.counts = new Float64Array(counts.length * 2);
    this.used = 0;
    for (let slot = 0; slot < counts.length; slot++) {
      if (counts[slot] === 0) continue;
      const into = this.slotOf(words[2 * slot + HI]!, words[2 * slot + LO]!);
      this.words[2 * into + HI] = words[2 * slot + HI]!;
      this.words[2 * into + LO] = words[2 * slot + LO]!;
      this.counts[into] = counts[slot]!;
      this.used++;
    }
  }
}

/**
 * Keys with their counts, sorted by key, looked up by binary search: the corpus boilerplate a
 * cleaning run hands the library (it reads it as a `ReadonlyMap` of hex keys). Its arrays live in
 * shared memory, so worker threads read them without a copy (see {@link SortedKeyCounts.revive}).
 */
export class SortedKeyCounts implements ReadonlyMap<string, number> {
  constructor(
    /** Two 32-bit words per key, in key order. */
    readonly words: Uint32Array,
    readonly counts: Float64Array,
  ) {}

  /**
   * The table again from what a thread received: a class instance crosses threads as a plain
   * object with its typed arrays (their shared memory included), so it is rebuilt around them.
   */
  static revive(value: unknown): unknown {
    if (value instanceof SortedKeyCounts || typeof value !== 'object' || value === null) return value;
    const { words, counts } = value as { words?: unknown; counts?: unknown };
    return words instanceof Uint32Array && counts instanceof Float64Array ? new SortedKeyCounts(words, counts) : value;
  }

  get size(): number {
    return this.counts.length;
  }

  get(key: string): number | undefined {
    const at = this.find(key);
    return at === -1 ? undefined : this.counts[at];
  }

  has(key: string): boolean {
    return this.find(key) !== -1;
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [key, count] of this) callback(count, key, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let at = 0; at < this.counts.length; at++) yield [formatKey(this.words[2 * at + HI]!, this.words[2 * at + LO]!), this.counts[at]!];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this) yield key;
  }

  *values(): MapIterator<number> {
    yield* this.counts;
  }

  /** The entries in runs of at most `size` (the arrays are reused from one run to the next). */
  *runs(size: number): Generator<Entries> {
    const hi = new Uint32Array(size);
    const lo = new Uint32Array(size);
    const counts = new Float64Array(size);
    for (let from = 0; from < this.counts.length; from += size) {
      const length = Math.min(size, this.counts.length - from);
      for (let i = 0; i < length; i++) {
        hi[i] = this.words[2 * (from + i) + HI]!;
        lo[i] = this.words[2 * (from + i) + LO]!;
        counts[i] = this.counts[from + i]!;
      }
      yield { hi, lo, counts, length };
    }
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  /** The position of `key`, or -1. */
  private find(key: string): number {
    const halves = parseKey(key);
    if (halves === undefined) return -1;
    const [hi, lo] = halves;
    let low = 0;
    let high = this.counts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const middleHi = this.words[2 * middle + HI]!;
      const middleLo = this.words[2 * middle + LO]!;
      if (middleHi === hi && middleLo === lo) return middle;
      if (keyAfter(hi, lo, middleHi, middleLo)) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/**
 * Builds a {@link SortedKeyCounts} from keys pushed in ascending order (a counts file is sorted),
 * growing by doubling; the result is copied once into shared memory at its exact size.
 */
export class SortedKeyCountsBuilder {
  private words: Uint32Array;
  private counts: Float64Array;
  private length = 0;

  /** `expected`: the number of keys, when known. */
  constructor(expected = 1024) {
    this.words = new Uint32Array(2 * Math.max(1, expected));
    this.counts = new Float64Array(Math.max(1, expected));
  }

  push(hi: number, lo: number, count: number): void {
    if (this.length === this.counts.length) {
      const words = new Uint32Array(this.words.length * 2);
      words.set(this.words);
      const counts = new Float64Array(this.counts.length * 2);
      counts.set(this.counts);
      [this.words, this.counts] = [words, counts];
    }
    this.words[2 * this.length + HI] = hi;
    this.words[2 * this.length + LO] = lo;
    this.counts[this.length++] = count;
  }

  done(): SortedKeyCounts {
    const words = new Uint32Array(new SharedArrayBuffer(8 * this.length));
    words.set(this.words.subarray(0, 2 * this.length));
    const counts = new Float64Array(new SharedArrayBuffer(8 * this.length));
    counts.set(this.counts.subarray(0, this.length));
    this.words = new Uint32Array(0);
    this.counts = new Float64Array(0);
    return new SortedKeyCounts(words, counts);
  }
}

/**
 * `settings` as a worker thread must use them: the corpus boilerplate of its clean options, which
 * crossed the thread as a plain object, rebuilt into its table (see {@link SortedKeyCounts.revive}).
 */
export function withCountsTable<S extends { readonly cleanOptions: CleanOptions }>(settings: S): S {
  const table = settings.cleanOptions.corpusBoilerplate;
  if (table === undefined) return settings;
  return { ...settings, cleanOptions: { ...settings.cleanOptions, corpusBoilerplate: SortedKeyCounts.revive(table) as ReadonlyMap<string, number> } };
}
