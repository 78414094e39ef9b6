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
import { analyse, tokenArraysOf } from './analysis.js';
import { acceptRemovals, deleteSpans, firstEndingAfter, hasSpaceRuns } from './apply.js';
import type { Cleaner, CleanContext } from './cleaner.js';
import type { Document, Removal, Span, Title } from './model.js';
import { resolveOptions, type PipelineOptions, type ResolvedOptions } from './options.js';
import { paragraphSplits, parseDocument } from './parse.js';
import { detectTitle } from './title.js';
import type { TokenArrays } from './tokens.js';
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

/** A pipeline made of a set of rules (see {@link createPipeline}). */
export interface Pipeline {
  /** The rules, highest precedence first. */
  readonly rules: readonly Cleaner[];
  /** Their ids, in the same order. */
  readonly ruleIds: readonly string[];
  /**
   * Cleans scraped text with the rules: the output is always the input with spans deleted and
   * white space normalised, and cleaning it again changes nothing.
   *
   * @throws RangeError when an option is not valid or names an unknown rule or option.
   */
  clean(text: string, options?: PipelineOptions): CleanResult;
}

/**
 * The pipeline of `rules` (a registry: the library's is `CLEANERS`). They run in the order of
 * their `meta.precedence`, highest first; the order given does not matter.
 *
 * @throws Error when two rules share an id, a precedence or an option name.
 */
export function createPipeline(rules: readonly Cleaner[]): Pipeline {
  const sorted = [...rules].sort((a, b) => b.meta.precedence - a.meta.precedence);
  for (const [i, rule] of sorted.entries()) {
    const earlier = sorted.slice(0, i);
    const same = earlier.find((other) => other.meta.id === rule.meta.id || other.meta.precedence === rule.meta.precedence);
    if (same) throw new Error(`rules ${same.meta.id} and ${rule.meta.id} share an id or a precedence (${rule.meta.precedence})`);
    for (const name of Object.keys(rule.meta.options)) {
      const owner = earlier.find((other) => Object.hasOwn(other.meta.options, name));
      if (owner || ['disable', 'bodyOnly', 'rules'].includes(name)) throw new Error(`option ${name} of ${rule.meta.id} is taken (${owner?.meta.id ?? 'the pipeline'})`);
    }
  }
  const ruleIds = sorted.map((rule) => rule.meta.id);
  return { rules: sorted, ruleIds, clean: (text, options) => clean(sorted, text, resolveOptions(sorted, options)) };
}

function clean(rules: readonly Cleaner[], text: string, resolved: ResolvedOptions): CleanResult {
  const enabled = rules.filter((rule) => !resolved.disable.includes(rule.meta.id));
  let document = parseDocument(text);
  let removals: Removal[] = [];
  let spare: TokenArrays | undefined;
  for (let reading = 1; ; reading++) {
    const found = read(enabled, document, resolved, spare);
    spare = found.spare;
    // A later reading's text is what deleteSpans made, normalised already: one that finds nothing
    // more leaves it as it is, and need not be read through again to tell.
    const next = reading > 1 && found.removals.length === 0 ? document.text : deleteSpans(document.text, found.removals.map((removal) => removal.span), document.eol);
    if (found.removals.length > 0) {
      removals = mergeRemovals(text, removals, document.text, found.removals);
    } else if (readsTheSame(document, next)) {
      return finish(enabled, text, next, document, found.title, removals, resolved);
    }
    // The next parse splits again only the paragraphs this reading changed. The reading's document
    // goes before the next is parsed, not after: the two parses of a long text are not held at once
    // when a collection falls within the parse (100k sentences: 15 MB).
    const splits = paragraphSplits(document);
    // eslint-disable-next-line no-useless-assignment -- the variable held the last document alive through the parse
    document = NO_DOCUMENT;
    document = parseDocument(next, splits);
    if (reading === MAX_READINGS) return finish(enabled, text, next, document, detectTitle(document), removals, resolved);
  }
}

/** A document of no text, held between readings in place of the one read (see {@link clean}). */
const NO_DOCUMENT: Document = { text: '', eol: '\n', paragraphs: [], lines: [], sentences: [] };

/**
 * The result, given the settled text and a parse of it (or of a text that reads the same) with
 * its headline. With `bodyOnly` the headline goes last, from the settled text: every reading saw
 * it, so the body is exactly what a full clean leaves under it. That is the work of the rule that
 * answers for the headline (`meta.leavesOutHeadline`), and left undone when none is enabled.
 */
function finish(enabled: readonly Cleaner[], input: string, settled: string, document: Document, title: Title | undefined, removals: Removal[], options: ResolvedOptions): CleanResult {
  const owner = enabled.find((rule) => rule.meta.leavesOutHeadline !== undefined);
  if (!title || !options.bodyOnly || !owner) return { text: settled, title: title?.text, removals };
  const settledDocument = document.text === settled ? document : parseDocument(settled);
  const span = settledDocument.lines[title.line]!.span;
  const leftOut: Removal = { rule: owner.meta.id, reason: owner.meta.leavesOutHeadline!.reason, span };
  return {
    text: deleteSpans(settled, [span], settledDocument.eol),
    title: title.text,
    removals: settled === input ? [leftOut] : mergeRemovals(input, removals, settled, [leftOut]),
  };
}

/**
 * One reading: every enabled rule's findings, stamped with its id and accepted in rule order, and
 * the headline; with the token arrays of its analysis, for the next reading's (`spare`: the last
 * reading's, see `tokenArraysOf`).
 */
function read(enabled: readonly Cleaner[], document: Document, options: ResolvedOptions, spare: TokenArrays | undefined): { removals: Removal[]; title: Title | undefined; spare: TokenArrays | undefined } {
  const analysis = analyse(document, spare);
  const title = detectTitle(document, analysis);
  // Accepted rule by rule: what a rule's findings may not overlap is known before it runs (its
  // context's `claimed`). The same as accepting all the findings at once, as a finding that is
  // skipped takes no part in accepting the next.
  let accepted: Removal[] = [];
  for (const rule of enabled) {
    const claimed = accepted.map((removal) => removal.span);
    const context: CleanContext<Record<string, unknown>> = { document, title, analysis, options: options.rules.get(rule.meta.id)!, claimed };
    const reported: Removal[] = [...accepted];
    for (const finding of rule.check(context)) reported.push({ rule: rule.meta.id, ...finding });
    accepted = acceptRemovals(reported);
  }
  return { removals: withoutOrphanedCopies(document.text, accepted, enabled), title, spare: tokenArraysOf(analysis) };
}

/**
 * `accepted` (sorted, disjoint) without the copies (findings of a rule that `removesCopies`) whose
 * original, their `related` text, the other rules remove: an article's sentence that repeats the
 * page's teaser of it above the article, which the page rule removes, is the sentence left.
 */
function withoutOrphanedCopies(text: string, accepted: readonly Removal[], enabled: readonly Cleaner[]): Removal[] {
  const copyRules = new Set(enabled.filter((rule) => rule.meta.removesCopies).map((rule) => rule.meta.id));
  if (copyRules.size === 0) return [...accepted];
  const others = accepted.filter((removal) => !copyRules.has(removal.rule));
  return accepted.filter((removal) => !copyRules.has(removal.rule) || removal.related === undefined || !isRemoved(text, removal.related, others));
}

/** True when `removals` (sorted, disjoint) take every character of `span` in `text` but white space. */
function isRemoved(text: string, span: Span, removals: readonly Removal[]): boolean {
  let cursor = span.start;
  for (let i = firstEndingAfter(removals, span.start, (removal) => removal.span); i < removals.length && cursor < span.end; i++) {
    const { start, end } = removals[i]!.span;
    if (start >= span.end) break;
    if (start > cursor && text.slice(cursor, start).trim() !== '') return false;
    cursor = Math.max(cursor, end);
  }
  return cursor >= span.end || text.slice(cursor, span.end).trim() === '';
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
