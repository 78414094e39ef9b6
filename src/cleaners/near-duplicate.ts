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
import type { Sentence } from '../core/model.js';
import type { ResolvedOptions } from '../core/options.js';
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
    const templates = templateKeys(units);
    const firstByKey = new Map<string, Unit>();
    const postings = new Map<string, number[]>();
    const matches: Match[] = [];
    for (const [position, unit] of units.entries()) {
      if (unit.key === '' || templates.has(unit.key)) continue;
      const match = exactMatch(firstByKey, unit) ?? similarMatch(units, postings, position, context.options);
      if (match) matches.push(match);
      if (!firstByKey.has(unit.key)) firstByKey.set(unit.key, unit);
      indexShingles(postings, unit.codes, position);
    }
    return withoutTemplates(matches).map(({ duplicate, original, reason }) => ({
      rule: this.meta.id,
      reason,
      span: duplicate.sentence.span,
      related: original.sentence.span,
    }));
  },
};

/** A sentence found to repeat an earlier one. */
interface Match {
  readonly duplicate: Unit;
  readonly original: Unit;
  readonly reason: string;
}

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

/** Keys of sentences that occur three or more times: the questions of an interview, a template line. */
function templateKeys(units: readonly Unit[]): Set<string> {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit.key, (counts.get(unit.key) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count >= TEMPLATE_OCCURRENCES).map(([key]) => key));
}

/**
 * Drops matches whose original is matched three or more times in all: "Vote for Anna on the last
 * page!", "Vote for Olga on the last page!", ... is a template with a slot, not a repeat.
 */
function withoutTemplates(matches: readonly Match[]): Match[] {
  const copies = new Map<Unit, number>();
  for (const match of matches) copies.set(match.original, (copies.get(match.original) ?? 0) + 1);
  return matches.filter((match) => copies.get(match.original)! + 1 < TEMPLATE_OCCURRENCES);
}

function exactMatch(firstByKey: ReadonlyMap<string, Unit>, unit: Unit): Match | undefined {
  const original = firstByKey.get(unit.key);
  if (!original || unit.words < MIN_EXACT_WORDS) return undefined;
  const verbatim = original.sentence.text === unit.sentence.text;
  return { duplicate: unit, original, reason: verbatim ? 'repeats an earlier sentence word for word' : 'repeats an earlier sentence (case, spacing or punctuation aside)' };
}

function similarMatch(units: readonly Unit[], postings: ReadonlyMap<string, number[]>, position: number, options: ResolvedOptions): Match | undefined {
  const unit = units[position]!;
  if (unit.codes.length < options.minDuplicateWords) return undefined;
  for (const candidatePosition of candidates(postings, unit.codes)) {
    const original = units[candidatePosition]!;
    if (isTruncatedCopy(unit.codes, original.codes)) {
      return { duplicate: unit, original, reason: 'repeats the start of an earlier sentence (truncated copy)' };
    }
    const alike = 1 - levenshtein.get(unit.codes, original.codes) / Math.max(unit.codes.length, original.codes.length);
    if (alike >= options.similarity) {
      return { duplicate: unit, original, reason: `repeats an earlier sentence in other words (${Math.round(alike * 100)}% alike)` };
    }
  }
  return undefined;
}

/** True when `copy` is the first words of `original`, cut short, with at most one word changed. */
function isTruncatedCopy(copy: string, original: string): boolean {
  if (copy.length >= original.length || copy.length * 2 < original.length) return false;
  return levenshtein.get(copy, original.slice(0, copy.length)) <= 1;
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
