/**
 * Postings lists of a candidate index: for each key (a shingle packed into a number), the
 * positions of the units holding it. {@link Postings} fills them unit by unit, in an
 * open-addressing hash table over typed arrays, where a key met once (most of them) takes 12
 * bytes and no object: a `Map` of arrays took over a gigabyte for the shingles of a 200 MB line.
 * {@link SharedShingles} answers what such lists give each unit of a whole text at once, a
 * cache-sized share of the shingles at a time.
 */

/** The share of slots in use beyond which the table doubles. */
const MAX_LOAD = 0.75;
import { grownTo, int32Array } from './arrays.js';

/** The fewest slots a table has. */
const MIN_SLOTS = 16;

/**
 * Keys a table is made to hold at most before it grows (a 25 MB table). Growing to that size left
 * the tables it outgrew behind as garbage, as much again, until the next full collection; a larger
 * index still grows, and one made for many keys that gets few costs the 25 MB at most.
 */
const MAX_INITIAL_KEYS = 1 << 20;

/** What {@link Postings.get} gives for a key never added. */
const NO_POSITIONS: readonly number[] = [];

/** Lists with one position are kept in the table; longer ones here, by index. */
const SINGLE = 0;

/** Numbers per slot of the table: the key's low 32 bits, its high bits, and the value. */
const SLOT = 3;

/** 2^32: a key is split into its low 32 bits and the rest. */
const TWO_TO_32 = 0x100000000;

/** Postings lists of numeric keys (integers from 1 up to 2^53). */
export class Postings {
  /**
   * Per slot, {@link SLOT} numbers side by side: the key's low 32 bits and high bits (both 0 when
   * the slot is empty), then the one position listed (>= 0), or -(index + 1) of the list in
   * {@link lists}. One array, not one per field: a look-up of a shingle of a long text misses the
   * cache once, not once per array.
   */
  private table: Int32Array;
  /** How far a 32-bit hash is shifted right to give a slot: its top bits pick it (see {@link grow}). */
  private shift: number;
  private slots: number;
  private readonly lists: number[][] = [];
  /** The array {@link get} hands out for a list of one position. */
  private readonly single = [0];
  private used = 0;

  /**
   * `cap`: a list longer than it takes no more positions (it is one position past the cap at
   * most). `keys`: about how many keys will be added, so that the table is made at its size
   * rather than doubled to it (up to {@link MAX_INITIAL_KEYS}: beyond, it grows as keys come).
   */
  constructor(private readonly cap: number, keys = 0) {
    let slots = MIN_SLOTS;
    while (slots * MAX_LOAD < Math.min(keys, MAX_INITIAL_KEYS)) slots *= 2;
    this.slots = slots;
    this.shift = 32 - Math.log2(slots);
    this.table = int32Array(slots * SLOT);
  }

  /**
   * Lists `position` under `key`, unless the list is past the cap or already ends with it (a
   * unit holding a shingle twice is listed once). Positions are added in ascending order.
   */
  add(key: number, position: number): void {
    const low = key | 0;
    const high = (key - (key >>> 0)) / TWO_TO_32;
    const at = this.slotOf(low, high) * SLOT;
    const table = this.table;
    if (table[at] === 0 && table[at + 1] === 0) {
      table[at] = low;
      table[at + 1] = high;
      table[at + 2] = position;
      if (++this.used > this.slots * MAX_LOAD) this.grow();
      return;
    }
    const value = table[at + 2]!;
    if (value >= SINGLE) {
      if (value !== position) {
        table[at + 2] = -(this.lists.length + 1);
        this.lists.push([value, position]);
      }
      return;
    }
    const list = this.lists[-value - 1]!;
    if (list.length <= this.cap && list[list.length - 1] !== position) list.push(position);
  }

  /**
   * The positions listed under `key`, in the order added (none when it was never added). Read
   * them before the next call: a list of one position is handed out in one array reused by every
   * call (an array made per call, for each shingle of each sentence, was most of the garbage).
   */
  get(key: number): readonly number[] {
    const at = this.slotOf(key | 0, (key - (key >>> 0)) / TWO_TO_32) * SLOT;
    const table = this.table;
    if (table[at] === 0 && table[at + 1] === 0) return NO_POSITIONS;
    const value = table[at + 2]!;
    if (value < SINGLE) return this.lists[-value - 1]!;
    this.single[0] = value;
    return this.single;
  }

  /** The slot holding the key of halves `low` and `high`, or the empty slot where it goes. */
  private slotOf(low: number, high: number): number {
    const table = this.table;
    const mask = this.slots - 1;
    let slot = hash(low, high) >>> this.shift;
    for (;;) {
      const at = slot * SLOT;
      const foundLow = table[at]!;
      const foundHigh = table[at + 1]!;
      if ((foundLow === low && foundHigh === high) || (foundLow === 0 && foundHigh === 0)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Doubles the table. A key's slot is picked by the top bits of its hash, so the keys, read in
   * slot order, go to the larger table in about the same order: the copy walks both tables
   * front to back instead of writing each key at random (which, on a text of a million
   * sentences, cost as much as all the look-ups).
   */
  private grow(): void {
    const old = this.table;
    this.slots *= 2;
    this.shift--;
    this.table = int32Array(this.slots * SLOT);
    for (let at = 0; at < old.length; at += SLOT) {
      const low = old[at]!;
      const high = old[at + 1]!;
      if (low === 0 && high === 0) continue;
      const to = this.slotOf(low, high) * SLOT;
      this.table[to] = low;
      this.table[to + 1] = high;
      this.table[to + 2] = old[at + 2]!;
    }
  }
}

/** A 32-bit hash of a key given as its low 32 bits and its high bits, well mixed in its top bits. */
function hash(low: number, high: number): number {
  const mixed = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  return Math.imul(mixed ^ (mixed >>> 15), 0x9e3779b1);
}

/** Codes per shingle: a run of three words. */
const SHINGLE = 3;

/** Entries of a bucket of a {@link SharedShingles} index, about: a bucket's table and lists fit the processor's cache. */
const BUCKET_ENTRIES = 8192;

/** Numbers per entry of the index: a shingle's low bits, its high bits, its unit. */
const ENTRY = 3;

/**
 * Entries gathered at once (12 bytes each, 200 MB at most): the shingles of a text of about a
 * million sentences. More are gathered in rounds, a share of the buckets at a time, each round
 * reading every unit's codes again: a text of ten million short lines or a 200 MB line of words
 * does not hold its shingles all at once.
 */
const ROUND_ENTRIES = 1 << 24;

/** Pairs {@link SharedShingles} first makes room for, in its pass over the whole text (more as they come). */
const FIRST_HELD_PAIRS = 1 << 7;

/** What a {@link SharedShingles} index is asked to find. */
export interface SharedShinglesOptions {
  /** A shingle listed under more than this many earlier units is too common to point at any. */
  readonly cap: number;
  /** Candidates given per unit, at most. */
  readonly best: number;
  /**
   * Unit pairs (a unit and an earlier one sharing a shingle) held at once, at least (by default
   * as many as the index has entries): past it, the units are answered a window at a time.
   */
  readonly pairBudget?: number;
  /** Entries per bucket, about (by default {@link BUCKET_ENTRIES}). */
  readonly bucketEntries?: number;
  /** Entries gathered at once, at most unless one bucket has more (by default {@link ROUND_ENTRIES}). */
  readonly roundEntries?: number;
}

/**
 * For each unit of a text (a string of word codes, one code unit per word, at least 0x100), the
 * earlier units sharing most shingles (runs of {@link SHINGLE} codes; a unit of fewer codes is one
 * shingle of all of them) with it: what a {@link Postings} list per shingle, filled unit by unit,
 * gives when each unit asks for its shingles' lists before its own are added, leaving out a list
 * longer than `cap`.
 *
 * Built once for the whole text rather than unit by unit: the shingles of a long text (14 million
 * at a million sentences) are sorted into buckets by a hash, and each bucket's lists are made in a
 * table small enough to stay in the processor's cache. One table for all of them (400 MB at a
 * million sentences) missed the cache, and its pages, on nearly every look-up: the index's cost
 * per sentence grew 18x from 100k sentences to 1M. Each unit's candidates are then counted from
 * the pairs it makes with earlier units, read in text order.
 */
export class SharedShingles {
  private readonly bucketBits: number;
  /** Per bucket (and one past the last), the first entry of the text's shingles in it. */
  private readonly bucketStarts: Int32Array;
  /** Per unit of the window answered, the first of its pairs in {@link pairs} (and one past the last). */
  private pairStarts: Int32Array = new Int32Array(0);
  /** The earlier units of each pair of the window, grouped by the later unit. */
  private pairs: Int32Array = new Int32Array(0);
  /** The units answered from {@link pairs}: `[windowStart, windowEnd)`. */
  private windowStart = 0;
  private windowEnd = 0;
  /** Per unit, the pairs it makes (counted once, for the windows). */
  private readonly pairCounts: Int32Array;
  private readonly budget: number;
  /** Per unit, scratch counts of shared shingles: all zero between calls. */
  private readonly shared: Int32Array;

  /**
   * `codesAt(position)`: the codes of the unit at `position` (below `count`), or `''` for a unit
   * left out of the index. `asks[position]` is 1 for the units whose candidates will be asked for.
   */
  constructor(private readonly count: number, private readonly codesAt: (position: number) => string, private readonly asks: Uint8Array, private readonly options: SharedShinglesOptions) {
    let entries = 0;
    for (let position = 0; position < count; position++) entries += shingleCount(codesAt(position));
    let bits = 0;
    while ((options.bucketEntries ?? BUCKET_ENTRIES) * 2 ** bits < entries) bits++;
    this.bucketBits = bits;
    this.bucketStarts = this.countBuckets(count);
    this.pairCounts = int32Array(count);
    this.shared = int32Array(count);
    this.budget = options.pairBudget ?? Math.max(entries, 1 << 16);
    this.firstPass();
  }

  /**
   * The earlier units sharing most shingles with the unit at `position`, best first (most shared,
   * then the earliest), at most `best`. Units are asked about in ascending order.
   */
  candidates(position: number): number[] {
    if (position >= this.windowEnd) this.answerWindow(position);
    const { shared, pairs } = this;
    const from = this.pairStarts[position - this.windowStart]!;
    const to = this.pairStarts[position - this.windowStart + 1]!;
    for (let i = from; i < to; i++) shared[pairs[i]!]!++;
    const limit = this.options.best;
    const best: number[] = [];
    const counts: number[] = [];
    for (let i = from; i < to; i++) {
      const earlier = pairs[i]!;
      const count = shared[earlier]!;
      if (count === 0) continue;
      shared[earlier] = 0;
      // After those sharing more shingles, or as many and earlier.
      let at = best.length;
      while (at > 0 && (counts[at - 1]! < count || (counts[at - 1] === count && best[at - 1]! > earlier))) at--;
      if (at >= limit) continue;
      if (best.length < limit) {
        best.push(earlier);
        counts.push(count);
      }
      for (let k = best.length - 1; k > at; k--) {
        best[k] = best[k - 1]!;
        counts[k] = counts[k - 1]!;
      }
      best[at] = earlier;
      counts[at] = count;
    }
    return best;
  }

  /** Per bucket (and one past the last), the first of its entries among the shingles of the units below `end`. */
  private countBuckets(end: number): Int32Array {
    const starts = int32Array((1 << this.bucketBits) + 1);
    const shift = 32 - this.bucketBits;
    for (let position = 0; position < end; position++) {
      const codes = this.codesAt(position);
      for (let i = 0, shingles = shingleCount(codes); i < shingles; i++) {
        const bucket = this.bucketBits === 0 ? 0 : hash(shingleLow(codes, i), shingleHigh(codes, i)) >>> shift;
        starts[bucket + 1]!++;
      }
    }
    for (let bucket = 0; bucket < starts.length - 1; bucket++) starts[bucket + 1]! += starts[bucket]!;
    return starts;
  }

  /**
   * Counts every unit's pairs, and keeps them while they fit the budget: then every unit is
   * answered from this one pass (the usual case; a text whose shingles recur in many units is
   * answered a window at a time).
   */
  private firstPass(): void {
    // The pairs as (later, earlier) side by side, while they fit the budget. Made small, and
    // doubled as pairs come: most texts make few, and 512 kB made and cleared per text was 1% of a clean.
    const held: { pairs: Int32Array; length: number; fits: boolean } = { pairs: int32Array(Math.min(this.budget, FIRST_HELD_PAIRS) * 2), length: 0, fits: true };
    const counts = this.pairCounts;
    this.walk(this.count, (position, list, skip) => {
      let pairs = 0;
      for (let node = skip; node !== -1; node = list.next[node]!) pairs++;
      counts[position]! += pairs;
      if (!held.fits) return;
      if (held.length + pairs * 2 > held.pairs.length) {
        held.fits = (held.length >> 1) + pairs <= this.budget;
        if (!held.fits) {
          held.pairs = new Int32Array(0);
          return;
        }
        held.pairs = grownTo(held.pairs, Math.min(Math.max(held.pairs.length * 2, held.length + pairs * 2), this.budget * 2));
      }
      for (let node = skip; node !== -1; node = list.next[node]!) {
        held.pairs[held.length++] = position;
        held.pairs[held.length++] = list.position[node]!;
      }
    });
    if (!held.fits) return;
    const { pairs: heldPairs, length } = held;
    // Grouped by the later unit, in one counting pass.
    this.pairStarts = startsOf(counts, 0, this.count);
    this.pairs = int32Array(length >> 1);
    const cursor = this.pairStarts.slice(0, this.count);
    for (let i = 0; i < length; i += 2) this.pairs[cursor[heldPairs[i]!]!++] = heldPairs[i + 1]!;
    this.windowStart = 0;
    this.windowEnd = this.count;
  }

  /** Makes the pairs of the units from `position` on, as many as the budget holds (at least the one unit's). */
  private answerWindow(position: number): void {
    let end = position + 1;
    for (let total = this.pairCounts[position]!; end < this.count && total + this.pairCounts[end]! <= this.budget; end++) total += this.pairCounts[end]!;
    this.pairStarts = startsOf(this.pairCounts, position, end);
    this.pairs = int32Array(this.pairStarts[end - position]!);
    const cursor = this.pairStarts.slice(0, end - position);
    const pairs = this.pairs;
    this.walk(end, (later, list, skip) => {
      if (later < position) return;
      let at = cursor[later - position]!;
      for (let node = skip; node !== -1; node = list.next[node]!) pairs[at++] = list.position[node]!;
      cursor[later - position] = at;
    });
    this.windowStart = position;
    this.windowEnd = end;
  }

  /**
   * Replays the lists of every shingle of the units below `end`, unit by unit, and calls
   * `visit(position, lists, first)` where a unit that asks for candidates meets a list of 1 to
   * `cap` earlier units: they are `lists.position[node]` for `node` from `first` along
   * `lists.next` to -1. Bucket by bucket (a shingle's entries all fall in one), a round of
   * buckets gathered at a time.
   */
  private walk(end: number, visit: (position: number, lists: ListNodes, first: number) => void): void {
    const starts = end === this.count ? this.bucketStarts : this.countBuckets(end);
    const buckets = starts.length - 1;
    let largest = 0;
    for (let bucket = 0; bucket < buckets; bucket++) largest = Math.max(largest, starts[bucket + 1]! - starts[bucket]!);
    const table = new BucketTable(largest);
    const shift = 32 - this.bucketBits;
    const roundEntries = this.options.roundEntries ?? ROUND_ENTRIES;
    // Per entry, side by side (one write stream per bucket, not three): the shingle's low bits,
    // its high bits and its unit.
    const entries = int32Array(Math.min(starts[buckets]!, Math.max(largest, roundEntries)) * ENTRY);
    for (let first = 0; first < buckets; ) {
      // A round: the buckets from `first` whose entries fit the round (one bucket at least).
      let last = first + 1;
      while (last < buckets && starts[last + 1]! - starts[first]! <= roundEntries) last++;
      const base = starts[first]!;
      const cursor = starts.slice(first, last);
      for (let position = 0; position < end; position++) {
        const codes = this.codesAt(position);
        for (let i = 0, shingles = shingleCount(codes); i < shingles; i++) {
          const low = shingleLow(codes, i);
          const high = shingleHigh(codes, i);
          const bucket = this.bucketBits === 0 ? 0 : hash(low, high) >>> shift;
          if (bucket < first || bucket >= last) continue;
          const at = (cursor[bucket - first]!++ - base) * ENTRY;
          entries[at] = low;
          entries[at + 1] = high;
          entries[at + 2] = position;
        }
      }
      for (let bucket = first; bucket < last; bucket++) table.replay(entries, starts[bucket]! - base, starts[bucket + 1]! - base, this.asks, this.options.cap, visit);
      first = last;
    }
  }
}

/** The lists of a bucket's shingles, as linked nodes: each node a unit and the node listed before it. */
interface ListNodes {
  readonly position: Int32Array;
  readonly next: Int32Array;
}

/** The open-addressing table of one bucket's shingles, reused bucket after bucket. */
class BucketTable implements ListNodes {
  private readonly lows: Int32Array;
  private readonly highs: Int32Array;
  /** Per slot, the units listed (0: the slot is empty). */
  private readonly listed: Int32Array;
  /** Per slot, the node of the unit listed last. */
  private readonly heads: Int32Array;
  /** The slots in use, to empty them after a bucket. */
  private readonly used: Int32Array;
  readonly position: Int32Array;
  readonly next: Int32Array;

  /** A table for buckets of `entries` entries at most. */
  constructor(entries: number) {
    let slots = MIN_SLOTS;
    while (slots < entries * 2) slots *= 2;
    this.lows = int32Array(slots);
    this.highs = int32Array(slots);
    this.listed = int32Array(slots);
    this.heads = int32Array(slots);
    this.used = int32Array(entries);
    this.position = int32Array(entries);
    this.next = int32Array(entries);
  }

  /**
   * Replays the entries `[from, to)` (one bucket's, in unit order) as {@link Postings.add} and
   * {@link Postings.get} would see them: each unit that asks meets each of its shingles' lists
   * as it was before the unit's own shingles were added.
   */
  replay(entries: Int32Array, from: number, to: number, asks: Uint8Array, cap: number, visit: (position: number, lists: ListNodes, first: number) => void): void {
    let slots = MIN_SLOTS;
    while (slots < (to - from) * 2) slots *= 2;
    const shift = 32 - Math.log2(slots);
    const mask = slots - 1;
    let nodes = 0;
    let used = 0;
    for (let i = from * ENTRY; i < to * ENTRY; i += ENTRY) {
      const low = entries[i]!;
      const high = entries[i + 1]!;
      const position = entries[i + 2]!;
      let slot = Math.imul(hash(low, high), 0x2c1b3c6d) >>> shift;
      while (this.listed[slot] !== 0 && (this.lows[slot] !== low || this.highs[slot] !== high)) slot = (slot + 1) & mask;
      const listed = this.listed[slot]!;
      if (listed === 0) {
        this.lows[slot] = low;
        this.highs[slot] = high;
        this.listed[slot] = 1;
        this.position[nodes] = position;
        this.next[nodes] = -1;
        this.heads[slot] = nodes++;
        this.used[used++] = slot;
        continue;
      }
      const head = this.heads[slot]!;
      // The unit's own earlier entry of the shingle (a unit holding it twice) is not a pair.
      const own = this.position[head] === position;
      const earlier = own ? listed - 1 : listed;
      if (earlier > 0 && earlier <= cap && asks[position] === 1) visit(position, this, own ? this.next[head]! : head);
      if (!own && listed <= cap) {
        this.position[nodes] = position;
        this.next[nodes] = head;
        this.heads[slot] = nodes++;
        this.listed[slot] = listed + 1;
      }
    }
    for (let i = 0; i < used; i++) this.listed[this.used[i]!] = 0;
  }
}

/** How many shingles `codes` has: one per run of {@link SHINGLE} codes, one of all of them when there are fewer, none when empty. */
function shingleCount(codes: string): number {
  if (codes.length === 0) return 0;
  return codes.length <= SHINGLE ? 1 : codes.length - SHINGLE + 1;
}

/** The low 32 bits of shingle `i` of `codes` packed 16 bits a code (as {@link pack} would). */
function shingleLow(codes: string, i: number): number {
  if (codes.length < SHINGLE) return codes.length === 1 ? codes.charCodeAt(0) : (codes.charCodeAt(0) << 16) | codes.charCodeAt(1);
  return (codes.charCodeAt(i + 1) << 16) | codes.charCodeAt(i + 2);
}

/** The high 16 bits of shingle `i` of `codes`: its first code, when it has three. */
function shingleHigh(codes: string, i: number): number {
  return codes.length < SHINGLE ? 0 : codes.charCodeAt(i);
}

/** Per item of `counts[from, to)`, the sum of those before it, and the total last. */
function startsOf(counts: Int32Array, from: number, to: number): Int32Array {
  const starts = int32Array(to - from + 1);
  for (let i = from; i < to; i++) starts[i - from + 1] = starts[i - from]! + counts[i]!;
  return starts;
}
