/**
 * clean-article: turns raw scraped text into clean article text. The library never touches the
 * file system or the process; the command line lives in `src/cli/`.
 */
export { clean, type CleanResult } from './core/pipeline.js';
export { DEFAULT_OPTIONS, type CleanOptions } from './core/options.js';
export type { Document, Line, Paragraph, Removal, Sentence, Span, Title } from './core/model.js';
export type { Cleaner, CleanerMeta, CleanContext } from './core/cleaner.js';
export type { Analysis, Piece, TermCounts } from './core/analysis.js';
export { CLEANERS, RULE_IDS } from './cleaners/index.js';
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
