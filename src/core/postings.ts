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

/** Keys a table is made to hold at most before it grows. */
const MAX_INITIAL_KEYS = 1 << 16;

/** What {@link Postings.get} gives for a key never added. */
const NO_POSITIONS: readonly number[] = [];

/** Lists with one position are kept in the table; longer ones here, by index. */
const SINGLE = 0;

/** Postings lists of numeric keys (integers from 1 up to 2^53). */
export class Postings {
  /** Per slot, its key, or 0 when the slot is empty. */
  private keys: Float64Array;
  /** Per slot, the one position listed (>= 0), or -(index + 1) of the list in {@link lists}. */
  private values: Int32Array;
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
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots);
  }

  /**
   * Lists `position` under `key`, unless the list is past the cap or already ends with it (a
   * unit holding a shingle twice is listed once). Positions are added in ascending order.
   */
  add(key: number, position: number): void {
    const slot = this.slotOf(key);
    if (this.keys[slot] === 0) {
      this.keys[slot] = key;
      this.values[slot] = position;
      if (++this.used > this.keys.length * MAX_LOAD) this.grow();
      return;
    }
    const value = this.values[slot]!;
    if (value >= SINGLE) {
      if (value !== position) {
        this.values[slot] = -(this.lists.length + 1);
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
    const slot = this.slotOf(key);
    if (this.keys[slot] === 0) return NO_POSITIONS;
    const value = this.values[slot]!;
    if (value < SINGLE) return this.lists[-value - 1]!;
    this.single[0] = value;
    return this.single;
  }

  /** The slot holding `key`, or the empty slot where it goes. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    keys.forEach((key, slot) => {
      if (key === 0) return;
      const to = this.slotOf(key);
      this.keys[to] = key;
      this.values[to] = values[slot]!;
    });
  }
}

/** A 32-bit hash of an integer below 2^53, both halves mixed. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = (key / 0x100000000) >>> 0;
  const mixed = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  return mixed ^ (mixed >>> 15);
}
