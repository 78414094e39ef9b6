/**
 * The hash functions of duplicate detection. Every one is a fixed function of its input and of
 * constants written here: no `Math.random`, no per-process seed, so a signature computed on one
 * machine, in one shard, compares equal to the same document's signature computed anywhere else.
 * All work on 32-bit integers with `Math.imul`, which is exact in every JavaScript engine.
 */

/**
 * The finaliser of MurmurHash3: a bijection of 32-bit integers in which every input bit flips
 * each output bit with probability about one half. Word hashes made with FNV-1a (see
 * `hashStep`) are weak in their low bits; mixed by this they are fit to be compared and sorted.
 */
export function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** `hash` with `value` folded in: order matters, so `combine(combine(s, a), b)` differs from `(s, b), a`. */
export function combine(hash: number, value: number): number {
  return mix32((Math.imul(hash, 0x9e3779b1) + value) | 0);
}
