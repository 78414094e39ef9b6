/**
 * Clusters of duplicates, and which document of each is kept: the first in input order. Every
 * other document of a cluster is dropped, and named with the kept one and their similarity.
 *
 * A document's links are the earliest earlier documents it is at least `threshold` like (found
 * among its LSH candidates). Documents are taken in input order, and each joins the clusters of
 * its links (union-find), except that two clusters join only when every member of the later one
 * is at least half the threshold like the earlier one's first document, the one kept. So a copy
 * of a copy joins its original (a copy with 20% of its words changed, met before the original
 * and a copy with 10% changed, is not at the threshold with that copy but is once the original
 * joins them), while a chain of documents each like the one before but drifting away from the
 * first stops: joining every linked pair (single linkage) made one cluster of 2,200 of 3,000
 * distinct records built from the fixtures' sentences, each sharing a few sentences with the next,
 * and dropped documents sharing no word pair with the one they were said to duplicate.
 *
 * A document with the same exact key as an earlier one joins it. The result depends only on the
 * documents and their order, not on how the corpus was cut into shards; the candidates are found
 * band by band, so that only one band's buckets are in memory.
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
   * When the document is less than the threshold like the kept one (a copy of a copy): the
   * member of the cluster it is most like among those it was linked with, and how alike.
   */
  readonly through?: { readonly index: number; readonly similarity: number };
}

/**
 * Earlier documents at least the threshold alike remembered per document: the earliest found.
 * The earliest are the likeliest to be kept; past a few, a document has many copies before it
 * and one of the first is kept.
 */
const LINKS = 4;

/** A document must be at least this share of the threshold like its cluster's kept document. */
const KEPT_SHARE = 0.5;

const NONE = -1;

/**
 * The duplicates of the documents of `store`, in input order, at `threshold` (in (0, 1]) of
 * estimated Jaccard similarity (see the module's comment). Documents without words are never
 * dropped.
 */
export function findDuplicates(store: SignatureStore, threshold: number): Duplicate[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], not ${threshold}`);
  const documents = store.size;
  const compare = (a: number, b: number): number => similarity(store.signatureBlock(a), store.signatureStart(a), store.signatureBlock(b), store.signatureStart(b), store.positions);
  const copyOf = exactCopies(store);
  const links = new Int32Array(documents * LINKS).fill(NONE);
  const hasLink = (document: number, earlier: number): boolean => {
    for (let i = document * LINKS; i < (document + 1) * LINKS; i++) if (links[i] === earlier) return true;
    return false;
  };
  forEachCandidate(
    store,
    bandingFor(threshold, store.positions),
    // An exact copy goes where its original goes, and the original stands for it in the buckets.
    (index) => !store.wordless(index) && copyOf[index] === NONE,
    // Known already, or later than every link when there is no room left.
    (document, earlier) => hasLink(document, earlier) || (links[(document + 1) * LINKS - 1] !== NONE && earlier > links[(document + 1) * LINKS - 1]!),
    (document, earlier) => {
      if (compare(document, earlier) >= threshold) addLink(links, document, earlier);
    },
  );

  // In input order, each document joins the clusters of its links (an exact copy, its
  // original's). Two clusters join only when every member of the later one (whose first document
  // stops being first) is at least half the threshold like the earlier one's first document.
  const clusters = new Clusters(documents);
  /** Per document that was first of its cluster when another joined it, the document that joined them, + 1. */
  const joinedBy = new Int32Array(documents);
  const join = (index: number, member: number, check: boolean): void => {
    const own = clusters.find(index);
    const other = clusters.find(member);
    if (own === other) return;
    const [early, late] = own < other ? [own, other] : [other, own];
    if (check && !clusters.everyMember(late, (each) => compare(each, early) >= KEPT_SHARE * threshold)) return;
    joinedBy[late] = index + 1;
    clusters.merge(early, late);
  };
  for (let index = 0; index < documents; index++) {
    const original = copyOf[index]!;
    if (original !== NONE) join(index, original, false);
    else for (let i = index * LINKS; i < (index + 1) * LINKS && links[i] !== NONE; i++) join(index, links[i]!, true);
  }

  const duplicates: Duplicate[] = [];
  for (let index = 0; index < documents; index++) {
    const of = clusters.find(index);
    if (of === index) continue;
    const exact = store.sameText(index, of);
    const alike = exact ? 1 : compare(index, of);
    duplicates.push({ index, of, similarity: alike, exact, ...throughOf(index, of, alike) });
  }
  return duplicates;

  /** For a document less than the threshold like its kept one: the member it is most like of those it was linked with. */
  function throughOf(index: number, of: number, alike: number): Pick<Duplicate, 'through'> {
    if (alike >= threshold) return {};
    const met: number[] = [];
    const original = copyOf[index]!;
    if (original !== NONE) met.push(original);
    for (let i = index * LINKS; i < (index + 1) * LINKS && links[i] !== NONE; i++) met.push(links[i]!);
    if (joinedBy[index] !== 0) met.push(joinedBy[index]! - 1);
    let best: { index: number; similarity: number } | undefined;
    for (const member of met) {
      if (member === of || member === index || clusters.find(member) !== of) continue;
      const similarity = store.sameText(index, member) ? 1 : compare(index, member);
      if (best === undefined || similarity > best.similarity) best = { index: member, similarity };
    }
    return best === undefined ? {} : { through: best };
  }
}

/**
 * Disjoint sets of document numbers whose representative (root) is their smallest member, with
 * each set's members listed, so that a join can look at them.
 */
class Clusters {
  private readonly parent: Int32Array;
  /** Per member, the next member of its set (NONE at the end). */
  private readonly nextMember: Int32Array;
  /** Per root, the last member of its set. */
  private readonly lastMember: Int32Array;
  /** Per root, the number of members. */
  private readonly sizes: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.lastMember = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = this.lastMember[i] = i;
    this.nextMember = new Int32Array(size).fill(NONE);
    this.sizes = new Int32Array(size).fill(1);
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

  /**
   * True when `test` holds for every member of the set rooted at `root`; false without asking
   * when the set has more than {@link MAX_CHECKED_MEMBERS} members.
   */
  everyMember(root: number, test: (member: number) => boolean): boolean {
    if (this.sizes[root]! > MAX_CHECKED_MEMBERS) return false;
    for (let member = root; member !== NONE; member = this.nextMember[member]!) if (!test(member)) return false;
    return true;
  }

  /** Joins the set rooted at `late` to the set rooted at `early` (`early < late`). */
  merge(early: number, late: number): void {
    this.parent[late] = early;
    this.nextMember[this.lastMember[early]!] = late;
    this.lastMember[early] = this.lastMember[late]!;
    this.sizes[early] = this.sizes[early]! + this.sizes[late]!;
  }
}

/**
 * The most members of a cluster checked before it joins another: a larger cluster whose first
 * document loses its place stays apart (rare: its first document is then like another cluster's
 * first document, and so are the copies that came after it).
 */
const MAX_CHECKED_MEMBERS = 64;

/** Adds `earlier` to the links of `document`, kept in ascending order, the largest falling off when full. */
function addLink(links: Int32Array, document: number, earlier: number): void {
  const start = document * LINKS;
  let at = start + LINKS - 1;
  if (links[at] !== NONE && links[at]! < earlier) return;
  while (at > start && (links[at - 1] === NONE || links[at - 1]! > earlier)) {
    links[at] = links[at - 1]!;
    at--;
  }
  links[at] = earlier;
}

/** Per document with words, the first earlier document of the same exact key, or NONE. */
function exactCopies(store: SignatureStore): Int32Array {
  const documents = store.size;
  const copyOf = new Int32Array(documents).fill(NONE);
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
      copyOf[index] = first;
      break;
    }
    if (firsts[slot] === 0) firsts[slot] = index + 1;
  }
  return copyOf;
}
