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
import { acceptRemovals, deleteSpans } from './apply.js';
import type { CleanContext } from './cleaner.js';
import type { Document, Removal, Span, Title } from './model.js';
import { resolveOptions, type CleanOptions, type ResolvedOptions } from './options.js';
import { parseDocument } from './parse.js';
import { comparisonKey } from './text.js';
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
  let current = text;
  let document = parseDocument(text);
  let removals: Removal[] = [];
  for (let reading = 1; ; reading++) {
    const found = read(document, resolved);
    const next = deleteSpans(current, found.removals.map((removal) => removal.span), document.eol);
    if (found.removals.length > 0) removals = mergeRemovals(text, removals, current, found.removals);
    const nextDocument = next === current ? document : parseDocument(next);
    // Settled when nothing changed, or only white space changed and the text reads the same
    // (then it has the same lines, and the headline is on the same one).
    const settled = next === current || (found.removals.length === 0 && readsTheSame(document, nextDocument));
    if (settled) return finish(text, nextDocument, found.title && nextDocument.lines[found.title.line]!, removals, resolved);
    if (reading === MAX_READINGS) return finish(text, nextDocument, detectTitle(nextDocument, comparisonKey), removals, resolved);
    current = next;
    document = nextDocument;
  }
}

/**
 * The result, given the settled text. With `bodyOnly` the headline goes last, from the settled
 * text: every reading saw it, so the body is exactly what a full clean leaves under it. That is
 * the work of `repeated-title`, and left undone when that rule is disabled.
 */
function finish(input: string, settled: Document, title: { readonly span: Span } | undefined, removals: Removal[], options: ResolvedOptions): CleanResult {
  if (!title) return { text: settled.text, title: undefined, removals };
  // The headline as the cleaned text has it (a teaser glued to its line is gone).
  const titleText = settled.text.slice(title.span.start, title.span.end);
  if (!options.bodyOnly || options.disable.includes('repeated-title')) return { text: settled.text, title: titleText, removals };
  const leftOut: Removal = { rule: 'repeated-title', reason: 'headline left out (body only)', span: title.span };
  return {
    text: deleteSpans(settled.text, [title.span], settled.eol),
    title: titleText,
    removals: settled.text === input ? [leftOut] : mergeRemovals(input, removals, settled.text, [leftOut]),
  };
}

/** One reading: every enabled cleaner's removals, accepted in rule order, and the headline. */
function read(document: Document, options: ResolvedOptions): { removals: Removal[]; title: Title | undefined } {
  const analysis = analyse(document);
  const context: CleanContext = { document, title: detectTitle(document, analysis.key), analysis, options };
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

/** True when two parses hold the same lines, sentences and paragraphs, word for word. */
function readsTheSame(a: Document, b: Document): boolean {
  if (a.lines.length !== b.lines.length || a.sentences.length !== b.sentences.length || a.paragraphs.length !== b.paragraphs.length) return false;
  return a.lines.every((line, i) => line.text === b.lines[i]!.text && line.paragraph === b.lines[i]!.paragraph)
    && a.sentences.every((sentence, i) => sentence.text === b.sentences[i]!.text && sentence.line === b.sentences[i]!.line);
}
