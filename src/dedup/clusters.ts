/**
 * Clusters of duplicates, and which document of each is kept. Documents with the same exact key
 * are joined; so are the candidate pairs of {@link forEachCandidate} whose estimated similarity is
 * at least the threshold. The clusters are the connected components of those pairs (union-find),
 * which depend neither on the order pairs are met in nor on how the corpus was cut into shards;
 * the first document of each cluster in input order is kept and the others are dropped.
 */
import { bandingFor, forEachCandidate } from './lsh.js';
import { similarity } from './minhash.js';
import type { SignatureStore } from './store.js';

/** A dropped document: which one it duplicates, and how alike they are. */
export interface Duplicate {
  /** The dropped document's number. */
  readonly index: number;
  /** The document kept for its cluster: the first in input order. */
  readonly of: number;
  /** The estimated Jaccard similarity of the two (1 for the same text). */
  readonly similarity: number;
  /** True when the two have the same text once normalised (see `normalisedWords`). */
  readonly exact: boolean;
  /**
   * When the document is not itself similar enough to the kept one (it joined the cluster through
   * another member, as a copy of a copy), the earliest member found similar to it, and how similar.
   */
  readonly through?: { readonly index: number; readonly similarity: number };
}

/** Disjoint sets of document numbers whose representative is always the smallest member. */
class EarliestUnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(index: number): number {
    let node = index;
    while (this.parent[node] !== node) {
      // Path halving: every other node on the way points to its grandparent.
      const grandparent = this.parent[this.parent[node]!]!;
      this.parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }
}

/**
 * The duplicates of the documents of `store`, in input order: every document but the first of
 * its cluster, where documents are joined when their estimated similarity is at least
 * `threshold` (in (0, 1]) or their texts are the same. Documents without words are never joined.
 */
export function findDuplicates(store: SignatureStore, threshold: number): Duplicate[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], not ${threshold}`);
  const documents = store.size;
  const clusters = new EarliestUnionFind(documents);
  /** Per document, the first earlier document it was found similar to, + 1 (0: none). */
  const matched = new Int32Array(documents);
  const copy = joinExactCopies(store, clusters, matched);
  const compare = (a: number, b: number): number => similarity(store.signatureBlock(a), store.signatureStart(a), store.signatureBlock(b), store.signatureStart(b), store.positions);
  forEachCandidate(
    store,
    bandingFor(threshold, store.positions),
    // An exact copy is already in its original's cluster, and the original stands for it in the buckets.
    (index) => !store.wordless(index) && copy[index] === 0,
    (a, b) => clusters.find(a) === clusters.find(b),
    (document, earlier) => {
      if (compare(document, earlier) < threshold) return;
      clusters.union(document, earlier);
      if (matched[document] === 0) matched[document] = earlier + 1;
    },
  );
  const duplicates: Duplicate[] = [];
  for (let index = 0; index < documents; index++) {
    const of = clusters.find(index);
    if (of === index) continue;
    const exact = store.sameText(index, of);
    const alike = exact ? 1 : compare(index, of);
    const match = matched[index]! - 1;
    const through = !exact && alike < threshold && match >= 0 && match !== of ? { index: match, similarity: compare(index, match) } : undefined;
    duplicates.push({ index, of, similarity: alike, exact, ...(through ? { through } : {}) });
  }
  return duplicates;
}

/**
 * Joins each document with words to the first document of the same exact key. Returns, per
 * document, 1 when it is such a copy (of an earlier document), else 0.
 */
function joinExactCopies(store: SignatureStore, clusters: EarliestUnionFind, matched: Int32Array): Uint8Array {
  const documents = store.size;
  const copy = new Uint8Array(documents);
  let slots = 16;
  while (slots < 2 * documents) slots *= 2;
  const mask = slots - 1;
  /** Per slot, the first document of a key, + 1 (0: empty). */
  const firsts = new Int32Array(slots);
  for (let index = 0; index < documents; index++) {
    if (store.wordless(index)) continue;
    let slot = (store.keyHalf(index, 0) ^ store.keyHalf(index, 1)) & mask;
    for (; firsts[slot] !== 0; slot = (slot + 1) & mask) {
      const first = firsts[slot]! - 1;
      if (!store.sameText(index, first)) continue;
      clusters.union(index, first);
      matched[index] = first + 1;
      copy[index] = 1;
      break;
    }
    if (firsts[slot] === 0) firsts[slot] = index + 1;
  }
  return copy;
}
