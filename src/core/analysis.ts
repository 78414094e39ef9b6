/**
 * Statistics of one document that several cleaners read: the stop words of its language and how
 * often each content term occurs. Computed once per document.
 */
import type { Document } from './model.js';
import { detectStopwords, type StopwordSet } from './stopwords.js';
import { comparisonKey, hasUnspacedScript, lineShape, lowerWords, wordCount } from './text.js';

/** Shared statistics of a document. */
export interface Analysis {
  readonly stopwords: StopwordSet;
  /** The content terms of `text` (see {@link contentTerms}), with this document's stop words. */
  terms(text: string): readonly string[];
  /** How many times a content term occurs in the whole document. */
  termCount(term: string): number;
  /**
   * The share of the content terms of `text` (a part of this document) that also occur outside
   * it: near 1 for a subheading of the article ("The Rukban camp"), near 0 for a line about
   * something else ("Woman risks her life to save a koala"). `undefined` when `text` has no
   * content terms; 1 when the document is too short to tell what it is about (a few short
   * paragraphs share few words even when they belong together), so that nothing is removed on
   * this evidence alone.
   */
  cohesion(text: string): number | undefined;
  /**
   * The share of the word tokens of `text` that are stop words of this document's language (0
   * without tokens); of all of them together when `text` is several texts.
   */
  stopwordShare(text: string | readonly string[]): number;
  /** How many lines of the document have the {@link lineShape} of `text`. */
  shapeCount(text: string): number;
  /** The {@link comparisonKey} of `text`, worked out once per document for each text asked about. */
  key(text: string): string;
  /** The {@link wordCount} of `text`, worked out once per document for each text asked about. */
  wordCount(text: string): number;
}

/**
 * `compute`, remembering its result for each text: the rules ask about the same lines many times
 * (each line's key is wanted by headline detection, `repeated-title` and `outside-article`), and
 * tokenising them again was most of the pipeline's time. Lives as long as the document's analysis.
 */
function memoised<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let found = known.get(text);
    if (found === undefined && !known.has(text)) {
      found = compute(text);
      known.set(text, found);
    }
    return found as T;
  };
}

/** How many times each content term occurs in some stretch of a document. */
export type TermCounts = ReadonlyMap<string, number>;

/** Counts the content terms of `texts`, as `terms` finds them. */
export function countTerms(terms: (text: string) => readonly string[], texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * The share of the distinct content terms of `text` that `counts` holds; when `text` is itself
 * part of what was counted (`inside`), its own occurrences do not count. `undefined` when `text`
 * has no content terms.
 */
export function sharedTermShare(terms: (text: string) => readonly string[], counts: TermCounts, text: string, inside: boolean): number | undefined {
  const own = countTerms(terms, [text]);
  if (own.size === 0) return undefined;
  let shared = 0;
  for (const [term, count] of own) if ((counts.get(term) ?? 0) > (inside ? count : 0)) shared++;
  return shared / own.size;
}

/** Content terms a document needs before the share of words a line has with it means anything. */
const MIN_TOPIC_TERMS = 100;

/** Characters kept of a long word so inflections match ("elections" ~ "election", "Ершова" ~ "Ершову"). */
const STEM_LENGTH = 5;

/**
 * The content terms of `text`: lower-cased words that are not stop words, cut to a short stem;
 * for scripts written without spaces, overlapping character pairs stand in for words.
 * `tokens` are the lower-cased word tokens of `text`, when already known.
 */
export function contentTerms(text: string, stopwords: ReadonlySet<string>, tokens: readonly string[] = lowerWords(text)): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    if (hasUnspacedScript(token)) {
      for (let i = 0; i + 1 < token.length; i++) terms.push(token.slice(i, i + 2));
      if (token.length === 1) terms.push(token);
    } else if (!stopwords.has(token) && (token.length > 1 || /\d/u.test(token))) {
      terms.push(token.length > STEM_LENGTH ? token.slice(0, STEM_LENGTH) : token);
    }
  }
  return terms;
}

/** Computes the {@link Analysis} of a document. */
export function analyse(document: Document): Analysis {
  // The same lines are asked about by several rules: their tokens, terms and shapes are worked out once.
  const tokensOf = memoised(lowerWords);
  // The document's tokens are its lines' (line breaks and the white space trimmed off lines hold
  // no word, nor carry lower-casing context), so the text is not tokenised a second time.
  const stopwords = detectStopwords(document.lines.flatMap((line) => tokensOf(line.text)));
  const terms = memoised((text): readonly string[] => contentTerms(text, stopwords.words, tokensOf(text)));
  const shapeOf = memoised(lineShape);
  const counts = countTerms(terms, document.lines.map((line) => line.text));
  let total = 0;
  for (const count of counts.values()) total += count;
  const judgesTopic = total >= MIN_TOPIC_TERMS;
  // Only short lines that might be labels ask for their shape, in few documents: the lines'
  // shapes are counted at the first question.
  let shapes: Map<string, number> | undefined;
  const shapeCounts = (): Map<string, number> => {
    if (shapes === undefined) {
      shapes = new Map();
      for (const line of document.lines) {
        const shape = shapeOf(line.text);
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
    }
    return shapes;
  };
  return {
    stopwords,
    terms,
    termCount: (term) => counts.get(term) ?? 0,
    cohesion(text) {
      const share = sharedTermShare(terms, counts, text, true);
      return share === undefined || judgesTopic ? share : 1;
    },
    shapeCount: (text) => shapeCounts().get(shapeOf(text)) ?? 0,
    key: memoised(comparisonKey),
    wordCount: memoised(wordCount),
    stopwordShare(text) {
      let tokens = 0;
      let hits = 0;
      for (const part of typeof text === 'string' ? [text] : text) {
        const partTokens = tokensOf(part);
        tokens += partTokens.length;
        for (const token of partTokens) if (stopwords.words.has(token)) hits++;
      }
      return tokens === 0 ? 0 : hits / tokens;
    },
  };
}
