/**
 * Postings lists of a candidate index: for each key (a shingle packed into a number), the
 * positions of the units holding it. An open-addressing hash table over typed arrays, where a key
 * met once (most of them) takes 12 bytes and no object: a `Map` of arrays took over a gigabyte
 * for the shingles of a 200 MB line.
 */

/** The share of slots in use beyond which the table doubles. */
const MAX_LOAD = 0.75;

/** The fewest slots a table has. */
const MIN_SLOTS = 16;

/**
 * Keys a table is made to hold at most before it grows: the shingles of a text of about 100k
 * sentences (a 25 MB table). Growing to that size left the tables it outgrew behind as garbage, as
 * much again, until the next full collection; a larger text's table still grows, and a text that
 * repeats itself (a 200 MB line of 5000 words) costs the 25 MB at most.
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
    this.table = new Int32Array(slots * SLOT);
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
    this.table = new Int32Array(this.slots * SLOT);
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
