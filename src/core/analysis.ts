/**
 * Statistics of one document that several cleaners read: the stop words of its language and how
 * often each content term occurs. Computed once per document.
 */
import type { Document } from './model.js';
import { detectStopwords, type StopwordSet } from './stopwords.js';
import { hasUnspacedScript, lowerWords } from './text.js';

/** Shared statistics of a document. */
export interface Analysis {
  readonly stopwords: StopwordSet;
  /** The content terms of `text` (see {@link contentTerms}), with this document's stop words. */
  terms(text: string): string[];
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
}

/** Content terms a document needs before the share of words a line has with it means anything. */
const MIN_TOPIC_TERMS = 100;

/** Characters kept of a long word so inflections match ("elections" ~ "election", "Ершова" ~ "Ершову"). */
const STEM_LENGTH = 5;

/**
 * The content terms of `text`: lower-cased words that are not stop words, cut to a short stem;
 * for scripts written without spaces, overlapping character pairs stand in for words.
 */
export function contentTerms(text: string, stopwords: ReadonlySet<string>): string[] {
  const terms: string[] = [];
  for (const token of lowerWords(text)) {
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
  const stopwords = detectStopwords(lowerWords(document.text));
  const counts = new Map<string, number>();
  const terms = (text: string): string[] => contentTerms(text, stopwords.words);
  let total = 0;
  for (const line of document.lines) {
    for (const term of terms(line.text)) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      total++;
    }
  }
  const judgesTopic = total >= MIN_TOPIC_TERMS;
  const termCount = (term: string): number => counts.get(term) ?? 0;
  return {
    stopwords,
    terms,
    termCount,
    cohesion(text) {
      const own = new Map<string, number>();
      for (const term of terms(text)) own.set(term, (own.get(term) ?? 0) + 1);
      if (own.size === 0) return undefined;
      if (!judgesTopic) return 1;
      let shared = 0;
      for (const [term, count] of own) if (termCount(term) > count) shared++;
      return shared / own.size;
    },
  };
}
