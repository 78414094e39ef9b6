/**
 * Seeded random numbers: the same seed gives the same numbers on every run and machine, so a
 * sample drawn with them (the run report's examples, the scripts' synthetic corpora) is the same
 * from one run to the next.
 */

/** mulberry32: a small, fast, well-mixed 32-bit generator of numbers in [0, 1), from `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
