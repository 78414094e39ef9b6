/**
 * What `dedup` says about a dropped document: the document, the one it duplicates (the first of
 * its cluster, which is kept), and their estimated similarity. The same object is a line of a
 * drops file, a `--json` line, and (as text) an `--explain` line.
 */
import type { Duplicate } from '../dedup/clusters.js';
import type { SignatureStore } from '../dedup/store.js';
import { shownName } from './report.js';

/** A dropped document, as reported. */
export interface DropReport {
  /** Its number in its shard (or in the run). */
  readonly index: number;
  /** Its exact key: the filter checks that the document it drops has it. */
  readonly key: string;
  readonly document: string;
  /** The document kept in its place. */
  readonly duplicate_of: string;
  /** Estimated Jaccard similarity of their word pairs, to three decimals (1 for the same text). */
  readonly similarity: number;
  /** True when the two are the same text but for spacing, punctuation and case. */
  readonly exact: boolean;
  /** For a copy of a copy, less than the threshold like the kept one: the member it is most like, and how alike. */
  readonly through?: { readonly document: string; readonly similarity: number };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * The drops of a run, told as its documents are met again in input order: names are not held for
 * every document (a million names cost more than their signatures), only for the kept documents
 * that some drop names, which always come before it, and only when the reports are shown.
 */
export class DropPlan {
  /** Per document, 1 when a drop names it. */
  private readonly named: Uint8Array;
  private readonly names = new Map<number, string>();
  /** The exact keys of the dropped documents, in order: the store of signatures need not outlive the plan. */
  private readonly keys: string[];
  private next = 0;

  /**
   * `duplicates` in input order, as `findDuplicates` gives them for the documents of `store`;
   * `withNames`: whether reports name the documents.
   */
  constructor(
    private readonly duplicates: readonly Duplicate[],
    store: SignatureStore,
    private readonly withNames = true,
  ) {
    this.keys = duplicates.map((duplicate) => store.exactKey(duplicate.index));
    this.named = new Uint8Array(withNames ? store.size : 0);
    if (!withNames) return;
    for (const duplicate of duplicates) {
      this.named[duplicate.of] = 1;
      if (duplicate.through) this.named[duplicate.through.index] = 1;
    }
  }

  /**
   * Called for every document in input order (`index` counting from 0 over the whole run,
   * `shardIndex` within its shard): its report when it is dropped.
   */
  meet(index: number, name: string, shardIndex = index): DropReport | undefined {
    if (this.named[index] === 1) this.names.set(index, name);
    const duplicate = this.duplicates[this.next];
    if (duplicate === undefined || duplicate.index !== index) return undefined;
    const key = this.keys[this.next++]!;
    const through = duplicate.through;
    const nameOf = (document: number): string => (this.withNames ? this.names.get(document)! : '');
    return {
      index: shardIndex,
      key,
      document: name,
      duplicate_of: nameOf(duplicate.of),
      similarity: round(duplicate.similarity),
      exact: duplicate.exact,
      ...(through ? { through: { document: nameOf(through.index), similarity: round(through.similarity) } } : {}),
    };
  }
}

/** The `--explain` line of a drop. */
export function explainDrop(report: DropReport): string {
  const how = report.exact ? 'exact duplicate' : `near duplicate (similarity ${report.similarity})`;
  const through = report.through ? `, through ${shownName(report.through.document)} (similarity ${report.through.similarity})` : '';
  return `${shownName(report.document)}  ${how} of ${shownName(report.duplicate_of)}${through}`;
}

/** The `--json` line of a drop: the report without the bookkeeping of the phases. */
export function jsonDrop(report: DropReport): string {
  const { index: _index, key: _key, ...shown } = report;
  return JSON.stringify(shown);
}
