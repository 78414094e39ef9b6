/**
 * The shape of a rule (a cleaner), after ESLint's rules and unified's plugins: `meta` says what it
 * is, `check` reads the document and reports findings. A rule never edits text, does no I/O and
 * does not name itself in its findings: the pipeline stamps the rule id on each.
 */
import type { Analysis } from './analysis.js';
import type { Document, Finding, Span, Title } from './model.js';
import type { OptionsMeta } from './options.js';

/** What a rule says about itself. */
export interface CleanerMeta<O = NoOptions> {
  /** The rule id, as used by `--disable` and printed by `--explain`. */
  readonly id: string;
  /** One sentence on what it removes (shown by `--help`). */
  readonly description: string;
  /**
   * Where its findings stand when two rules' findings overlap: the higher wins, the other is
   * skipped (as ESLint skips overlapping fixes). A repeated headline is reported as such, not as
   * a duplicate sentence. No two rules of a pipeline share a precedence.
   */
  readonly precedence: number;
  /** Its options: each one's default, validation and help (see `OptionMeta`). */
  readonly options: OptionsMeta<O>;
  /**
   * Set by the rule that answers for the headline: with `bodyOnly`, once the text is clean, the
   * pipeline leaves the headline line out too, reported in this rule's name with this reason.
   * While no enabled rule sets it, `bodyOnly` keeps the headline.
   */
  readonly leavesOutHeadline?: { readonly reason: string };
  /**
   * Set by a rule whose findings are copies of their `related` text, which stays (a sentence that
   * repeats an earlier one): when another rule removes that text in the same reading (the earlier
   * sentence is a teaser of the page, or a caption), the pipeline drops the finding, as the copy is
   * then the one left.
   */
  readonly removesCopies?: true;
}

/** The options of a rule that has none. */
export type NoOptions = Record<string, never>;

/** What a rule gets to read. */
export interface CleanContext<O = NoOptions> {
  readonly document: Document;
  /** The headline, when the document has one. */
  readonly title: Title | undefined;
  /** Statistics of the document shared by the rules (computed once per reading). */
  readonly analysis: Analysis;
  /** The rule's own options, checked, with defaults filled in. */
  readonly options: Readonly<O>;
  /**
   * What the rules of higher precedence remove in this reading: the spans of their accepted
   * findings, sorted and disjoint. A finding that overlaps one of them is skipped (see
   * `acceptRemovals`), so a rule may leave unjudged a piece that lies wholly inside them, as long
   * as none of its other findings depends on that judgement.
   */
  readonly claimed: readonly Span[];
}

/** A rule: metadata and a pure check. `O` is the type of its options (a `type`, not an `interface`). */
export interface Cleaner<O = Record<string, unknown>> {
  readonly meta: CleanerMeta<O>;
  check(context: CleanContext<O>): Finding[];
}
