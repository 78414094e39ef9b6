/**
 * The pipeline: parse once, let every enabled cleaner report removals, apply them in one step.
 */
import { CLEANERS, RULE_IDS } from '../cleaners/index.js';
import { analyse } from './analysis.js';
import { acceptRemovals, deleteSpans } from './apply.js';
import type { CleanContext } from './cleaner.js';
import type { Removal } from './model.js';
import { resolveOptions, type CleanOptions } from './options.js';
import { parseDocument } from './parse.js';
import { detectTitle } from './title.js';

/** What {@link clean} returns. */
export interface CleanResult {
  /** The cleaned text: the input with the removals cut out and white space normalised. */
  readonly text: string;
  /** The detected headline, or `undefined` when the text has none. */
  readonly title: string | undefined;
  /** What was removed, in text order, with offsets into the input. */
  readonly removals: readonly Removal[];
}

/**
 * Cleans scraped text: one headline, whole sentences, no boilerplate, no repeats. The output is
 * always the input with spans deleted and white space normalised.
 *
 * @throws RangeError when an option is out of range or names an unknown rule.
 */
export function clean(text: string, options?: CleanOptions): CleanResult {
  const resolved = resolveOptions(options);
  const unknown = resolved.disable.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) throw new RangeError(`unknown rule: ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  const document = parseDocument(text);
  const analysis = analyse(document);
  const context: CleanContext = { document, title: detectTitle(document, analysis), analysis, options: resolved };
  const reported = CLEANERS.filter((cleaner) => !resolved.disable.includes(cleaner.meta.id)).flatMap((cleaner) => cleaner.check(context));
  const removals = acceptRemovals(reported);
  return {
    text: deleteSpans(text, removals.map((removal) => removal.span), document.eol),
    title: context.title?.text,
    removals,
  };
}
