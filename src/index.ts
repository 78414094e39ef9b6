/**
 * clean-article: turns raw scraped text into clean article text. The library never touches the
 * file system or the process; the command line lives in `src/cli/`. This module wires the
 * library's rules (`rules.ts`) into the pipeline (`core/pipeline.ts`), which knows no rule.
 */
import { createPipeline, type CleanResult } from './core/pipeline.js';
import type { PipelineOptions } from './core/options.js';
import { REGISTRY } from './rules.js';

export type { CleanResult, Pipeline } from './core/pipeline.js';
export { createPipeline } from './core/pipeline.js';
export type { OptionMeta, OptionsMeta, PipelineOptions } from './core/options.js';
export type { Document, Finding, Line, Paragraph, Removal, Sentence, Span, Title } from './core/model.js';
export type { Cleaner, CleanerMeta, CleanContext, NoOptions } from './core/cleaner.js';
export type { Analysis, Piece, TermCounts } from './core/analysis.js';
export { documentLineKeys, lineKey, MAX_BOILERPLATE_LINE_WORDS } from './cleaners/corpus-boilerplate.js';
export { parseDocument } from './core/parse.js';
export { segmentSentences, type SegmentOptions } from './core/segment.js';
export { locator, type Location } from './core/location.js';
export {
  DEFAULT_SIGNATURE_SETTINGS,
  DEFAULT_THRESHOLD,
  estimatedSimilarity,
  findDuplicates,
  findDuplicateTexts,
  SignatureStore,
  Signer,
  type DedupOptions,
  type DocumentSignature,
  type Duplicate,
  type SignatureSettings,
} from './dedup/index.js';

/**
 * What {@link clean} can be told. Every field is optional. A rule's options go under `rules`, by
 * rule id (`{ rules: { 'near-duplicate': { similarity: 0.9 } } }`), or by their name alone: the
 * fields below are the library's rules' options given so.
 */
export interface CleanOptions extends PipelineOptions {
  /** `near-duplicate`: how alike two sentences must be, from 0 to 1, for the later one to count as a repeat. Default 0.8. */
  readonly similarity?: number;
  /**
   * `near-duplicate`: the fewest words a sentence needs to be compared in other words than
   * exactly; shorter ones must match exactly after normalisation. Default 6.
   */
  readonly minDuplicateWords?: number;
  /**
   * `corpus-boilerplate`: lines known to recur across many documents of a corpus: their keys, as
   * given by `lineKey`/`documentLineKeys`, each with the number of documents it was found in.
   * Counting is the caller's job (the CLI's `count-lines`); the default, empty, removes nothing.
   */
  readonly corpusBoilerplate?: ReadonlyMap<string, number>;
}

const pipeline = createPipeline(REGISTRY);

/** Every rule of the library, highest precedence first: a repeated headline is reported as such, not as a duplicate. */
export const CLEANERS = pipeline.rules;

/** The rule ids, in the same order. */
export const RULE_IDS = pipeline.ruleIds;

/** The defaults of the pipeline and of every rule's options, by option name. */
export const DEFAULT_OPTIONS: Readonly<Required<Omit<CleanOptions, 'rules'>>> = {
  disable: [],
  bodyOnly: false,
  ...Object.fromEntries(CLEANERS.flatMap((rule) => Object.entries(rule.meta.options).map(([name, option]) => [name, option.default]))),
};

/**
 * Cleans scraped text: one headline, whole sentences, no boilerplate, no repeats. The output is
 * always the input with spans deleted and white space normalised, and cleaning it again changes
 * nothing.
 *
 * @throws RangeError when an option is not valid or names an unknown rule or option.
 */
export function clean(text: string, options?: CleanOptions): CleanResult {
  return pipeline.clean(text, options);
}
