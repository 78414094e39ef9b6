/**
 * The pipeline: parse once, let every enabled cleaner report removals, apply them in one step;
 * then read the result again, until a reading finds nothing more to remove.
 *
 * Why more than one reading: rules judge a line by the rest of the text (a short line is kept
 * because its words recur elsewhere, a sentence repeated three times is structure), and the
 * removals change that rest. A second run over the output would then find what the first left
 * ("The council said the vote was close…" once the teaser after it is gone). Cleaning to a
 * fixpoint makes the output a text in which no rule finds anything: cleaning it again changes
 * nothing.
 */
import { CLEANERS, RULE_IDS } from '../cleaners/index.js';
import { analyse } from './analysis.js';
import { acceptRemovals, deleteSpans, hasSpaceRuns } from './apply.js';
import type { CleanContext } from './cleaner.js';
import type { Document, Removal, Span, Title } from './model.js';
import { resolveOptions, type CleanOptions, type ResolvedOptions } from './options.js';
import { parseDocument } from './parse.js';
import { detectTitle } from './title.js';
import { spanOutside, traceSpans } from './trace.js';

/** What {@link clean} returns. */
export interface CleanResult {
  /** The cleaned text: the input with the removals cut out and white space normalised. */
  readonly text: string;
  /** The detected headline, as the cleaned text has it (also with `bodyOnly`, which leaves it out of `text`); `undefined` when the text has none. */
  readonly title: string | undefined;
  /** What was removed, in text order, with offsets into the input. */
  readonly removals: readonly Removal[];
}

/**
 * Readings of one text at most. Each reading that removes something makes the text shorter, so
 * the loop ends anyway; the cap bounds the time on text built to expose one line per reading.
 * Real text settles in two readings, rarely three.
 */
const MAX_READINGS = 8;

/**
 * Cleans scraped text: one headline, whole sentences, no boilerplate, no repeats. The output is
 * always the input with spans deleted and white space normalised, and cleaning it again changes
 * nothing.
 *
 * @throws RangeError when an option is out of range or names an unknown rule.
 */
export function clean(text: string, options?: CleanOptions): CleanResult {
  const resolved = resolveOptions(options);
  const unknown = resolved.disable.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) throw new RangeError(`unknown rule: ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  let document = parseDocument(text);
  let removals: Removal[] = [];
  for (let reading = 1; ; reading++) {
    const found = read(document, resolved);
    const next = deleteSpans(document.text, found.removals.map((removal) => removal.span), document.eol);
    if (found.removals.length > 0) {
      removals = mergeRemovals(text, removals, document.text, found.removals);
    } else if (readsTheSame(document, next)) {
      return finish(text, next, document, found.title, removals, resolved);
    }
    document = parseDocument(next);
    if (reading === MAX_READINGS) return finish(text, next, document, detectTitle(document), removals, resolved);
  }
}

/**
 * The result, given the settled text and a parse of it (or of a text that reads the same) with
 * its headline. With `bodyOnly` the headline goes last, from the settled text: every reading saw
 * it, so the body is exactly what a full clean leaves under it. That is the work of
 * `repeated-title`, and left undone when that rule is disabled.
 */
function finish(input: string, settled: string, document: Document, title: Title | undefined, removals: Removal[], options: ResolvedOptions): CleanResult {
  if (!title || !options.bodyOnly || options.disable.includes('repeated-title')) return { text: settled, title: title?.text, removals };
  const settledDocument = document.text === settled ? document : parseDocument(settled);
  const span = settledDocument.lines[title.line]!.span;
  const leftOut: Removal = { rule: 'repeated-title', reason: 'headline left out (body only)', span };
  return {
    text: deleteSpans(settled, [span], settledDocument.eol),
    title: title.text,
    removals: settled === input ? [leftOut] : mergeRemovals(input, removals, settled, [leftOut]),
  };
}

/** One reading: every enabled cleaner's removals, accepted in rule order, and the headline. */
function read(document: Document, options: ResolvedOptions): { removals: Removal[]; title: Title | undefined } {
  const analysis = analyse(document);
  const context: CleanContext = { document, title: detectTitle(document, analysis), analysis, options };
  const reported = CLEANERS.filter((cleaner) => !options.disable.includes(cleaner.meta.id)).flatMap((cleaner) => cleaner.check(context));
  return { removals: acceptRemovals(reported), title: context.title };
}

/**
 * Adds the removals found in `current` (the input with `earlier` removed) to `earlier`, traced
 * back to offsets of the input. A later removal that spans text an earlier one already took is
 * cut around it, so the list stays disjoint and each part keeps its own reason.
 */
function mergeRemovals(input: string, earlier: readonly Removal[], current: string, found: readonly Removal[]): Removal[] {
  if (current === input) return [...found];
  const deleted = earlier.map((removal) => removal.span);
  const spans = traceSpans(input, deleted, current, found.map((removal) => removal.span));
  const related = traceSpans(input, deleted, current, found.map((removal) => removal.related ?? EMPTY));
  const merged: Removal[] = [...earlier];
  found.forEach((removal, i) => {
    const span = spans[i];
    if (span === undefined) return;
    const relatedSpan = removal.related === undefined ? undefined : related[i];
    for (const part of spanOutside(input, span, deleted)) merged.push({ ...removal, span: part, ...(relatedSpan ? { related: relatedSpan } : {}) });
  });
  return merged.sort((a, b) => a.span.start - b.span.start);
}

const EMPTY: Span = { start: 0, end: 0 };

/**
 * True when `next`, the text `document` became with white space normalised and nothing removed,
 * holds the same lines, sentences and paragraphs word for word: the rules would find nothing in it
 * either. Without runs of spaces, normalising only trims lines, drops blank ones and evens out
 * line endings, which no parse sees; otherwise the two parses are compared.
 */
function readsTheSame(document: Document, next: string): boolean {
  if (next === document.text || !hasSpaceRuns(document.text)) return true;
  const other = parseDocument(next);
  if (document.lines.length !== other.lines.length || document.sentences.length !== other.sentences.length || document.paragraphs.length !== other.paragraphs.length) return false;
  return document.lines.every((line, i) => line.text === other.lines[i]!.text && line.paragraph === other.lines[i]!.paragraph)
    && document.sentences.every((sentence, i) => sentence.text === other.sentences[i]!.text && sentence.line === other.sentences[i]!.line);
}
