/**
 * Cleaning one input's bytes: decode, clean, describe the removals. Pure computation with no I/O,
 * so it runs the same on the main thread (one job, stdin) and on a worker thread (a batch).
 */
import { clean, type CleanOptions, type CleanResult } from '../index.js';
import { decode, type Encoding } from './decode.js';
import { describeRemovals, type ReportedRemoval } from './report.js';

/** One input, cleaned: everything the command reports and writes for it. */
export interface CleanedDocument {
  readonly encoding: Encoding;
  /** Set when the bytes were not valid in their encoding (see {@link decode}). */
  readonly warning: string | undefined;
  readonly result: CleanResult;
  readonly removals: readonly ReportedRemoval[];
  /** True when the cleaned text differs from the input text. */
  readonly changed: boolean;
}

/** Decodes and cleans `bytes`; throws what {@link decode} throws for input that is not text. */
export function cleanDocument(bytes: Uint8Array, options: CleanOptions): CleanedDocument {
  const decoded = decode(bytes);
  const result = clean(decoded.text, options);
  return {
    encoding: decoded.encoding,
    warning: decoded.warning,
    result,
    removals: describeRemovals(decoded.text, result.removals),
    changed: result.text !== decoded.text,
  };
}
