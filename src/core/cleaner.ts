/**
 * The shape of a cleaner, after ESLint's rules: `meta` says what it is, `check` reads the
 * document and reports removals. A cleaner never edits text and does no I/O.
 */
import type { Analysis } from './analysis.js';
import type { Document, Removal, Title } from './model.js';
import type { ResolvedOptions } from './options.js';

/** What a cleaner is told about itself. */
export interface CleanerMeta {
  /** The rule id, as used by `--disable` and printed by `--explain`. */
  readonly id: string;
  /** One sentence on what it removes. */
  readonly description: string;
}

/** What a cleaner gets to read. */
export interface CleanContext {
  readonly document: Document;
  /** The headline, when the document has one. */
  readonly title: Title | undefined;
  /** Statistics of the document shared by the cleaners (computed once). */
  readonly analysis: Analysis;
  readonly options: ResolvedOptions;
}

/** A rule: metadata and a pure check. */
export interface Cleaner {
  readonly meta: CleanerMeta;
  check(context: CleanContext): Removal[];
}
