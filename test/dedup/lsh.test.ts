import { describe, expect, it } from 'vitest';
import { bandingFor, candidateProbability, forEachCandidate } from '../../src/dedup/lsh.js';
import { SignatureStore } from '../../src/dedup/store.js';

const KEY = '0123456789abcdef';

/** A store of signatures of 12 positions given as lists of bytes. */
function storeOf(signatures: number[][]): SignatureStore {
  const store = new SignatureStore(12);
  for (const signature of signatures) store.add(KEY, Uint8Array.from(signature));
  return store;
}

function candidates(store: SignatureStore, rows: number, skip: (a: number, b: number) => boolean = () => false): [number, number][] {
  const pairs: [number, number][] = [];
  forEachCandidate(store, { bands: Math.floor(12 / rows), rows }, () => true, skip, (document, earlier) => pairs.push([document, earlier]));
  return pairs;
}

describe('bandingFor and candidateProbability', () => {
  it('makes a pair at the threshold a candidate with probability 0.995 or more, with as many rows as allows it', () => {
    for (const threshold of [0.4, 0.5, 0.6, 0.8, 0.95]) {
      const banding = bandingFor(threshold, 256);
      expect(banding.rows * banding.bands).toBeLessThanOrEqual(256);
      expect(candidateProbability(threshold, banding)).toBeGreaterThanOrEqual(0.995);
      if (banding.rows < 4) expect(candidateProbability(threshold, { bands: 64, rows: 4 })).toBeLessThan(0.995);
    }
    expect(bandingFor(0.4, 256)).toEqual({ bands: 85, rows: 3 });
    expect(bandingFor(0.8, 256)).toEqual({ bands: 64, rows: 4 });
  });

  it('never uses fewer than three rows, even when a low threshold is then less sure of its candidates', () => {
    const banding = bandingFor(0.2, 256);
    expect(banding.rows).toBe(3);
    expect(candidateProbability(0.2, banding)).toBeLessThan(0.995);
  });

  it('grows with similarity and is about 0 for unrelated documents', () => {
    const banding = bandingFor(0.4, 256);
    const values = [0, 0.1, 0.2, 0.3, 0.4, 0.6].map((similarity) => candidateProbability(similarity, banding));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(1e-4);
  });
});

describe('forEachCandidate', () => {
  it('pairs the documents that agree on a whole band, the later with the earlier', () => {
    const store = storeOf([
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9],
      [1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 2, 3, 4, 0, 6, 7, 0, 9, 10, 0, 12],
    ]);
    // Rows of 3: document 2 agrees with 0 on the first band; 3 agrees with no band of anyone.
    expect(candidates(store, 3)).toEqual([[2, 0]]);
  });

  it('meets a pair once per band it agrees on, oldest first in a bucket, and passes over the pairs `skip` refuses', () => {
    const same = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const store = storeOf([same, same, same]);
    expect(candidates(store, 3)).toHaveLength(4 * 3);
    expect(candidates(store, 3).slice(0, 3)).toEqual([[1, 0], [2, 0], [2, 1]]);
    expect(candidates(store, 3, (_, earlier) => earlier === 0)).toEqual(Array.from({ length: 4 }, () => [2, 1]));
  });

  it('looks at the 64 oldest documents of a bucket at most, per document and band', () => {
    const same = [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7];
    const store = storeOf(Array.from({ length: 100 }, () => same));
    const forLast = candidates(store, 4).filter(([document]) => document === 99);
    expect(forLast).toHaveLength(64 * 3);
    expect(Math.max(...forLast.map(([, earlier]) => earlier))).toBe(63);
  });

  it('leaves out the documents `include` refuses', () => {
    const same = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const store = storeOf([same, same, same]);
    const pairs: number[][] = [];
    forEachCandidate(store, { bands: 1, rows: 3 }, (index) => index !== 1, () => false, (document, earlier) => pairs.push([document, earlier]));
    expect(pairs).toEqual([[2, 0]]);
  });

  it('gives each document its pairs in the order of a plain scan: band by band, oldest earlier document first, 64 at most', () => {
    // Values of two bytes (255 too, so that keys of four positions are negative numbers), so
    // that buckets are large, some larger than 64; the reference finds each bucket by comparing
    // every earlier document.
    let state = 7;
    const byte = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 16) & 1 ? 255 : 1;
    };
    const signatures = Array.from({ length: 1000 }, () => Array.from({ length: 12 }, byte));
    const store = storeOf(signatures);
    for (const rows of [3, 4]) {
      const expected = signatures.map(() => [] as number[]);
      let capped = 0;
      for (let band = 0; band < Math.floor(12 / rows); band++) {
        const keys = signatures.map((signature) => signature.slice(band * rows, (band + 1) * rows).join(','));
        for (let document = 0; document < signatures.length; document++) {
          const earlier = [...Array(document).keys()].filter((other) => keys[other] === keys[document]);
          if (earlier.length > 64) capped++;
          expected[document]!.push(...earlier.slice(0, 64));
        }
      }
      const found = signatures.map(() => [] as number[]);
      for (const [document, earlier] of candidates(store, rows)) found[document]!.push(earlier);
      expect(found, `rows ${rows}`).toEqual(expected);
      expect(capped, `rows ${rows}`).toBeGreaterThan(0);
    }
  });
});
