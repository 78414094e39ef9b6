/**
 * `near-duplicate`: a sentence that repeats an earlier one goes, the first occurrence stays.
 * Repeats are found exactly (after folding case, quotes, spacing and punctuation), with a few
 * words changed, added or dropped ("also known as" -> "additionally known as"), or as a
 * truncated copy. Candidates come from an index of word shingles, never from comparing every
 * pair, and are confirmed by a word-level edit distance computed with fast-levenshtein.
 *
 * Repetition that is structure stays: a line that recurs three or more times (the same interview
 * question put to several people) is a template, not a copy.
 */
import levenshtein from 'fast-levenshtein';
import type { Cleaner, CleanContext } from '../core/cleaner.js';
import type { Removal, Sentence } from '../core/model.js';
import { lowerWords, wordCount } from '../core/text.js';

/** Words per shingle in the candidate index. */
const SHINGLE = 3;

/** A shingle found in more sentences than this is too common to point at a candidate. */
const MAX_POSTINGS = 64;

/** Candidates confirmed per sentence, the ones sharing most shingles first. */
const MAX_CANDIDATES = 4;

/** Exact repeats shorter than this (in words) are left to the other rules: "Photo:", "Yes." */
const MIN_EXACT_WORDS = 4;

/** Occurrences from which a repeated whole line is structure, not duplication. */
const TEMPLATE_OCCURRENCES = 3;

interface Unit {
  readonly sentence: Sentence;
  /** The sentence's words as one code unit each, so edit distances count words. */
  readonly codes: string;
  readonly key: string;
  readonly words: number;
}

/** The rule. */
export const nearDuplicate: Cleaner = {
  meta: {
    id: 'near-duplicate',
    description: 'Removes sentences that repeat an earlier sentence exactly, in other words, or truncated.',
  },
  check(context) {
    const units = toUnits(context);
    const templates = templateKeys(context, units);
    const firstByKey = new Map<string, Unit>();
    const postings = new Map<string, number[]>();
    const removals: Removal[] = [];
    const removed = new Set<number>();
    for (const [position, unit] of units.entries()) {
      if (unit.key === '' || templates.has(unit.key)) continue;
      const match = exactMatch(firstByKey, unit) ?? similarMatch(units, postings, position, context.options.similarity, context.options.minDuplicateWords, removed);
      if (match) {
        removals.push(match);
        removed.add(match.span.start);
      }
      if (!firstByKey.has(unit.key)) firstByKey.set(unit.key, unit);
      indexShingles(postings, unit.codes, position);
    }
    return removals;
  },
};

function toUnits({ document }: CleanContext): Unit[] {
  const codes = new Map<string, string>();
  const codeOf = (word: string): string => {
    let code = codes.get(word);
    if (code === undefined) {
      code = String.fromCharCode(0x100 + (codes.size % 0xfe00));
      codes.set(word, code);
    }
    return code;
  };
  return document.sentences.map((sentence) => {
    const tokens = lowerWords(sentence.text.normalize('NFKC'));
    return { sentence, codes: tokens.map(codeOf).join(''), key: tokens.join(' '), words: wordCount(sentence.text) };
  });
}

/** Keys of sentences that stand alone on a line three or more times: questions of an interview. */
function templateKeys({ document }: CleanContext, units: readonly Unit[]): Set<string> {
  const lineCounts = new Map<string, number>();
  for (const unit of units) {
    if (document.lines[unit.sentence.line]!.sentences.length !== 1) continue;
    lineCounts.set(unit.key, (lineCounts.get(unit.key) ?? 0) + 1);
  }
  return new Set([...lineCounts].filter(([, count]) => count >= TEMPLATE_OCCURRENCES).map(([key]) => key));
}

function exactMatch(firstByKey: ReadonlyMap<string, Unit>, unit: Unit): Removal | undefined {
  const first = firstByKey.get(unit.key);
  if (!first || unit.words < MIN_EXACT_WORDS) return undefined;
  const verbatim = first.sentence.text === unit.sentence.text;
  return removal(unit, first, verbatim ? 'repeats an earlier sentence word for word' : 'repeats an earlier sentence (case, spacing or punctuation aside)');
}

function similarMatch(units: readonly Unit[], postings: Map<string, number[]>, position: number, similarity: number, minWords: number, removed: ReadonlySet<number>): Removal | undefined {
  const unit = units[position]!;
  if (unit.codes.length < minWords) return undefined;
  for (const candidatePosition of candidates(postings, unit.codes)) {
    const earlier = units[candidatePosition]!;
    if (removed.has(earlier.sentence.span.start)) continue;
    if (isTruncatedCopy(unit.codes, earlier.codes)) {
      return removal(unit, earlier, 'repeats the start of an earlier sentence (truncated copy)');
    }
    if (isTruncatedCopy(earlier.codes, unit.codes)) {
      return removal(earlier, unit, 'is the start of a later sentence (truncated copy)');
    }
    const alike = 1 - levenshtein.get(unit.codes, earlier.codes) / Math.max(unit.codes.length, earlier.codes.length);
    if (alike >= similarity) {
      return removal(unit, earlier, `repeats an earlier sentence in other words (${Math.round(alike * 100)}% alike)`);
    }
  }
  return undefined;
}

/** True when `copy` is the first words of `original`, cut short, with at most one word changed. */
function isTruncatedCopy(copy: string, original: string): boolean {
  if (copy.length >= original.length || copy.length * 2 < original.length) return false;
  return levenshtein.get(copy, original.slice(0, copy.length)) <= 1;
}

function removal(duplicate: Unit, original: Unit, reason: string): Removal {
  return { rule: 'near-duplicate', reason, span: duplicate.sentence.span, related: original.sentence.span };
}

/** Earlier units sharing most shingles with `codes`, best first. */
function candidates(postings: ReadonlyMap<string, number[]>, codes: string): number[] {
  const shared = new Map<number, number>();
  for (const shingle of shingles(codes)) {
    const list = postings.get(shingle);
    if (!list || list.length > MAX_POSTINGS) continue;
    for (const position of list) shared.set(position, (shared.get(position) ?? 0) + 1);
  }
  return [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([position]) => position);
}

function indexShingles(postings: Map<string, number[]>, codes: string, position: number): void {
  for (const shingle of new Set(shingles(codes))) {
    const list = postings.get(shingle);
    if (!list) postings.set(shingle, [position]);
    else if (list.length <= MAX_POSTINGS) list.push(position);
  }
}

function shingles(codes: string): string[] {
  if (codes.length <= SHINGLE) return [codes];
  const result: string[] = [];
  for (let i = 0; i + SHINGLE <= codes.length; i++) result.push(codes.slice(i, i + SHINGLE));
  return result;
}
