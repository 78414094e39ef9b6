/**
 * Cleaning one input's bytes: decode, clean, describe the removals. Pure computation with no I/O,
 * so it runs the same on the main thread (a small document with one job) and on a worker thread
 * (a batch, or a large document); {@link documentThreads} decides which.
 */
import { clean, type CleanOptions } from '../index.js';
import { decode, NotTextError, type Encoding } from './decode.js';
import { memoryBudget } from './memory.js';
import { threads, type Executor } from './pool.js';
import { countByRule, describeRemovals, type CleanedSummary } from './report.js';

/** How to clean each document of a run. */
export interface DocumentSettings {
  readonly cleanOptions: CleanOptions;
  /**
   * Whether each removal is described (location, text) for `--explain` or `--json`. Without them
   * only the counts are kept: a text with a million removals would otherwise carry a million
   * descriptions, and copy them across threads, for nothing.
   */
  readonly describe: boolean;
  /**
   * Whether a changed document carries its decoded input back, for `--diff` and the HTML report
   * (which show the removals in context); off, the input is not copied back across threads.
   */
  readonly keepInput?: boolean;
}

/**
 * One input, cleaned: everything the command reports and writes for it. Its `removals` are empty
 * unless {@link DocumentSettings.describe}, its `input` unset unless {@link DocumentSettings.keepInput}
 * and the text changed.
 */
export interface CleanedDocument extends CleanedSummary {
  readonly encoding: Encoding;
  /** Set when the bytes were not valid in their encoding (see {@link decode}). */
  readonly warning: string | undefined;
  /** The cleaned text. */
  readonly text: string;
  /** The detected headline, if any. */
  readonly title: string | undefined;
}

/** Decodes and cleans `bytes`; throws what {@link decode} throws for input that is not text. */
export function cleanDocument(bytes: Uint8Array, settings: DocumentSettings): CleanedDocument {
  const started = performance.now();
  const decoded = decode(bytes);
  const result = clean(decoded.text, settings.cleanOptions);
  const changed = result.text !== decoded.text;
  return {
    encoding: decoded.encoding,
    warning: decoded.warning,
    text: result.text,
    title: result.title,
    removals: settings.describe ? describeRemovals(decoded.text, result.removals) : [],
    counts: countByRule(result.removals),
    changed,
    input: settings.keepInput === true && (changed || result.removals.length > 0) ? decoded.text : undefined,
    length: decoded.text.length,
    milliseconds: performance.now() - started,
  };
}

/**
 * A document this large (bytes) is cleaned on a worker thread even with one job: cleaning 256 KiB
 * takes a few tens of milliseconds, the longest a Ctrl-C waits on the main thread.
 */
const HEAVY_DOCUMENT = 256 * 1024;

/** Cleans documents on `jobs` threads (see `threads` in `pool.ts`). */
export function documentThreads(jobs: number, settings: DocumentSettings): Executor<Uint8Array, CleanedDocument> {
  return threads({
    script: new URL('./document-worker.js', import.meta.url),
    jobs,
    data: settings,
    here: (bytes) => cleanDocument(bytes, settings),
    heavy: HEAVY_DOCUMENT,
    budget: memoryBudget(),
    revive: reviveDecodeError,
  });
}

/** A file that is not text is skipped, not failed: the one error class the command tells apart. */
function reviveDecodeError(name: string, message: string): Error {
  return name === 'NotTextError' ? new NotTextError(message) : new Error(message);
}
