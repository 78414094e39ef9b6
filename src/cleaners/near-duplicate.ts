/**
 * `near-duplicate`: a sentence that repeats an earlier one goes, the first occurrence stays.
 * Repeats are found exactly (after folding case, quotes, spacing and punctuation), with a few
 * words changed, added or dropped ("also known as" -> "additionally known as"), or as a
 * truncated copy ("The president said on Tuesday that China"). Candidates come from an index of
 * word shingles, never from comparing every pair, and are confirmed by a word-level edit
 * distance computed with fast-levenshtein.
 *
 * Repetition that is structure stays:
 * - a sentence that occurs three or more times, alike or with a slot filled differently, is a
 *   template ("What inspired you to start?" put to each person interviewed; "Vote for Anna on
 *   the last page!", "Vote for Olga on the last page!");
 * - the same question about two of the article's subjects ("Did the union agree?" / "Did the
 *   operator agree?");
 * - a heading restated as the first sentence of a paragraph ("1. Start small" / "Start small.
 *   The early days are..."), under the heading or in a recap;
 * - a post embedded in the article (a tweet ending in its link, or signed "— Name (@handle)
 *   date"), which quotes what the article reports;
 * - lists: an item two lists share (the features of two products), a card's name above its list
 *   and again under it (see {@link isListStructure}).
 */
import levenshtein from 'fast-levenshtein';
import type { Cleaner, CleanContext } from '../core/cleaner.js';
import type { Document, Sentence } from '../core/model.js';
import { fraction, wholeNumber } from '../core/options.js';
import { CodeMasks, sharedAtMost } from '../core/code-masks.js';
import { Postings, SharedShingles } from '../core/postings.js';
import { endsSentence } from '../core/predicates.js';
import { headlineCopyTest } from '../core/title.js';
import { hashWords, sameWords } from '../core/tokens.js';
import { holdsAsciiDigit, startsLower, startsUpper, trailingNonSpace, wordStart } from '../core/text.js';
import { grownTo, int32Array, uint8Array } from '../core/arrays.js';

/** A shingle found in more sentences than this is too common to point at a candidate. */
const MAX_POSTINGS = 64;

/** Candidates confirmed per sentence, the ones sharing most shingles first. */
const MAX_CANDIDATES = 4;

/** Exact repeats shorter than this (in words) are left to the other rules: "Photo:", "Yes." */
const MIN_EXACT_WORDS = 4;

/** Occurrences from which alike sentences are a template, not duplication. */
const TEMPLATE_OCCURRENCES = 3;

/** True when a sentence or line ends in terminal punctuation (or a colon), past closing quotes. */
function endsInTerminal(text: string): boolean {
  return endsSentence(text, { colon: true });
}

/**
 * A period after a short capitalised word: "Renzo B.", "U.S.", "Dec.". A copy ending so may have
 * been cut at a period inside its original, where naive splitters cut. Wider than the shared
 * `cutAtAbbreviation`, which judges a sentence alone: here the original is at hand to confirm the
 * copy word by word.
 */
const MAY_BE_CUT_AT_PERIOD = /(?:^|\s)\p{Lu}[\p{L}.]{0,3}\.$/u;

/** A sentence as compared: made when looked at, and not kept (see {@link Units}). */
interface Unit {
  readonly position: number;
  readonly sentence: Sentence;
  /** The words of the sentence's comparison key, as vocabulary ids. */
  readonly ids: ArrayLike<number>;
  /** The same words as one code unit each, so edit distances count words. */
  readonly codes: string;
  readonly words: number;
}

/** A sentence found to repeat an earlier one. */
interface Match {
  readonly duplicate: Unit;
  readonly original: Unit;
  readonly reason: string;
  /** Where the copy starts inside `duplicate`, when it was glued to the end of other text. */
  readonly from?: number;
}

/** The options of {@link nearDuplicate}. */
type NearDuplicateOptions = {
  /** How alike two sentences must be, from 0 to 1, for the later one to count as a repeat. */
  readonly similarity: number;
  /** The fewest words a sentence needs to be compared other than exactly; shorter ones must match exactly. */
  readonly minDuplicateWords: number;
};

/** The rule. */
export const nearDuplicate: Cleaner<NearDuplicateOptions> = {
  meta: {
    id: 'near-duplicate',
    description: 'Removes sentences that repeat an earlier sentence exactly, in other words, or truncated.',
    precedence: 30,
    removesCopies: true,
    options: {
      similarity: fraction(0.8, 'how alike (0-1] a sentence must be to an earlier one to be a repeat'),
      minDuplicateWords: wholeNumber(1, 6, 'fewest words for a sentence to be compared other than exactly'),
    },
  },
  check(context) {
    const { document, title, options } = context;
    const count = document.sentences.length;
    const units = new Units(context);
    const groups = new UnionFind(count);
    // First every sentence's codes (given in text order) and its exact repeat, if any; then the
    // candidates of all of them at once (see SharedShingles), then the comparisons.
    const firstByKey = new FirstByKey(units, count);
    const exact = int32Array(count).fill(-1);
    const indexed = uint8Array(count);
    const asks = uint8Array(count);
    for (let position = 0; position < count; position++) {
      const unit = units.unit(position);
      if (unit.ids.length === 0 || unit.sentence.line === title?.line) continue;
      indexed[position] = 1;
      if (unit.codes.length >= options.minDuplicateWords) asks[position] = 1;
      const first = firstByKey.firstOrAdd(unit.ids, position);
      if (first !== undefined) exact[position] = first;
    }
    const candidates = new SharedShingles(count, (position) => (indexed[position] === 1 ? units.codesOf(position) : ''), asks, { cap: MAX_POSTINGS, best: MAX_CANDIDATES });
    const matches: Match[] = [];
    const repeats = uint8Array(count);
    for (let position = 0; position < count; position++) {
      if (indexed[position] === 0) continue;
      const unit = units.unit(position);
      const match = findMatch(unit, exact[position] === -1 ? undefined : exact[position], units, candidates, groups, options);
      if (match) matches.push(match);
      if (match || exact[position] !== -1) repeats[position] = 1;
    }
    const lines = new LineFacts(document);
    const inRunningText = followedByNewText(document, repeats);
    const headlineCopy = title ? headlineCopyTest(title.text, context.analysis) : undefined;
    // Asked once per line: a long line holding many originals is read once.
    const isHeadlineCopy = perLine((index) => headlineCopy?.(document.lines[index]!) ?? false);
    return matches
      .filter((match) => groups.size(match.duplicate.position) < TEMPLATE_OCCURRENCES)
      .filter((match) => !isInRunningText(inRunningText, match))
      // A copy of the headline is the work of repeated-title, which takes it: a sentence that
      // restates it is the article's opening, and stays.
      .filter((match) => !isHeadlineCopy(match.original.sentence.line))
      .filter((match) => !namesOtherThings(context, match))
      .filter((match) => !isEmbeddedPost(document, lines, match.duplicate.sentence, match.from ?? match.duplicate.sentence.span.start))
      .filter((match) => !isListStructure(document, lines, match))
      .map(({ duplicate, original, reason, from }) => ({
        reason,
        span: { start: from ?? duplicate.sentence.span.start, end: duplicate.sentence.span.end },
        related: original.sentence.span,
      }));
  },
};

/**
 * The document's sentences as units, made on demand: a unit is only held while its sentence or a
 * candidate is compared. Only each sentence's codes are kept (a character per word), so a long
 * text's memory does not grow with copies of its sentences' keys.
 */
class Units {
  /**
   * Per vocabulary id, the word's code (0 while it has none), in a typed array made at the
   * vocabulary's size (folding a piece can number more words: it grows then).
   */
  private codes: Int32Array;
  private assigned = 0;
  /** Per position, the codes of the units made so far. */
  private readonly made: string[] = [];
  /**
   * Per code (less {@link FIRST_CODE}), the vocabulary id of its word, while codes are not shared:
   * whether a word holds a digit is asked of the few units compared closely (see {@link numbers}),
   * not of every word as it is given a code (that was a twelfth of the rule's time).
   */
  private readonly wordOfCode: number[] = [];
  /** Per position, the mask of the codes of the unit made there (see {@link mayRepeat}). */
  private readonly masks: CodeMasks;
  /** Per position, the length of the unit made there and its first two codes (`first << 16 | second`); 0 until {@link summarise}d. */
  private readonly shapes: Int32Array;
  /** The mask of the last words of the unit {@link probe} was given. */
  private readonly tail = new CodeMasks(1);

  constructor(private readonly context: CleanContext<NearDuplicateOptions>) {
    this.codes = int32Array(context.analysis.vocabulary.size);
    const count = context.document.sentences.length;
    this.masks = new CodeMasks(count);
    this.shapes = int32Array(count * 2);
  }

  /**
   * The unit of the sentence at `position`. Asked for every sentence in order, it gives each
   * distinct word the next code as the sentences first use it; past 0xfe00 distinct words, codes
   * are shared.
   */
  unit(position: number): Unit {
    const codes = this.made[position];
    if (codes !== undefined) return new MadeUnit(this, position, codes);
    const ids = this.ids(position);
    const made = this.codeString(ids);
    this.made[position] = made;
    return new MadeUnit(this, position, made, ids);
  }

  /**
   * Fills in the length, first two codes and mask of the unit made at `position` (which has codes)
   * unless done before: when it is first a candidate or has candidates, as most units of a short
   * text never do.
   */
  private summarise(position: number): void {
    if (this.shapes[position * 2] !== 0) return;
    const made = this.made[position]!;
    this.masks.set(position, made);
    this.shapes[position * 2] = made.length;
    this.shapes[position * 2 + 1] = (made.charCodeAt(0) << 16) | (made.length > 1 ? made.charCodeAt(1) : 0);
  }

  /** Readies {@link mayRepeat} for the candidates of `unit`, whose repeats need `minWords` words. */
  probe(unit: Unit, minWords: number): void {
    this.summarise(unit.position);
    this.tail.set(0, unit.codes, Math.max(0, unit.codes.length - minWords));
  }

  /**
   * False when {@link compare} would certainly find that `unit` (given to {@link probe}) repeats
   * nothing of the unit made at `position`, told from the two units' lengths, first codes and
   * masks alone: each way a sentence repeats another needs what is asked here. Masks are of code
   * units, and hold for codes that are surrogates too (past 0xd700 distinct words), which
   * {@link sharedCodePoints} reads in pairs: a pair holding a unit the other sentence lacks is
   * itself not shared, so a sentence's shared code points are never more than its code units less
   * its missing ones.
   */
  mayRepeat(unit: Unit, position: number, options: NearDuplicateOptions): boolean {
    const { codes, position: at } = unit;
    const length = codes.length;
    this.summarise(position);
    const earlierLength = this.shapes[position * 2]!;
    const opening = this.shapes[position * 2 + 1]!;
    const first = opening >>> 16;
    const second = opening & 0xffff;
    const own = codes.charCodeAt(0);
    const next = length > 1 ? codes.charCodeAt(1) : 0;
    // A truncated copy (isTruncatedCopy) is shorter and opens as its original, but for its first
    // word changed (the second agrees) or a word put before it (its second is the first). One
    // with the first word dropped is a run of the original's words: a part copy, asked next.
    if (length < earlierLength && (length < 2 || own === first || next === second || next === first)) return true;
    const missing = this.masks.missingFrom(at, this.masks, position);
    // A part copy (isPartCopy) is a run of the original's words: no word of it is missing there.
    if (length < earlierLength && missing === 0) return true;
    // A copy glued to the end of a line (gluedCopy) holds its original's opening words.
    if (length > earlierLength && earlierLength >= MIN_GLUED_WORDS && this.masks.holds(at, first) && this.masks.holds(at, second)) return true;
    // Alike (alikenessOf: never more than the bags' Dice coefficient) or a restatement
    // (isRestatement): the words the two can share bound both.
    const shared = (2 * sharedAtMost(length, missing, earlierLength, this.masks.missingFrom(position, this.masks, at))) / (length + earlierLength);
    if (shared >= options.similarity - ROUNDING_MARGIN) return true;
    if (length >= MIN_RESTATED_WORDS && earlierLength >= MIN_RESTATED_WORDS && own === first && shared >= MIN_RESTATED_SHARE) return true;
    // Its end inside the original (gluedPart): the original holds its last words.
    return length > options.minDuplicateWords && this.tail.missingFrom(0, this.masks, position) === 0;
  }

  /** The codes of the unit at `position`, made before. */
  codesOf(position: number): string {
    return this.made[position]!;
  }

  /** The sentence at `position`. */
  sentence(position: number): Sentence {
    return this.context.document.sentences[position]!;
  }

  /** The {@link Analysis.wordCount} of `sentence`. */
  wordCount(sentence: Sentence): number {
    return this.context.analysis.wordCount(sentence);
  }

  /** Scratch counts by code point for {@link sharedWords}: all zero between calls. */
  scratch(): Int32Array {
    return (sharedScratch ??= new Int32Array(CODE_POINTS_IN_ARRAY));
  }

  /**
   * The words of a unit that hold a digit, in order: the numbers it states, as their ids, or as
   * their codes while every word has a code of its own (then codes stand for ids one to one, and
   * an earlier unit's ids need not be looked up: each look-up is a search in the document's
   * tokens, far away in a long text).
   */
  numbers(unit: Unit): number[] {
    const found: number[] = [];
    if (this.assigned <= DISTINCT_CODES) {
      const codes = unit.codes;
      for (let i = 0; i < codes.length; i++) if (this.holdsDigit(this.wordOfCode[codes.charCodeAt(i) - FIRST_CODE]!)) found.push(codes.charCodeAt(i));
      return found;
    }
    for (let i = 0; i < unit.ids.length; i++) if (this.holdsDigit(unit.ids[i]!)) found.push(unit.ids[i]!);
    return found;
  }

  private holdsDigit(id: number): boolean {
    return holdsAsciiDigit(this.context.analysis.vocabulary.word(id));
  }

  /** The words of the comparison key of the sentence at `position`, as vocabulary ids. */
  ids(position: number): ArrayLike<number> {
    return this.context.analysis.keyWords(this.context.document.sentences[position]!);
  }

  /** The codes of the words `ids` as a string, made a chunk at a time (a sentence can be a whole 200 MB line). */
  private codeString(ids: ArrayLike<number>): string {
    // Most sentences fit one chunk; a sentence without words (a line of punctuation) has no codes.
    if (ids.length === 0) return '';
    if (ids.length <= CODE_CHUNK) {
      const codes = new Array<number>(ids.length);
      for (let i = 0; i < ids.length; i++) codes[i] = this.codeOf(ids[i]!);
      return String.fromCharCode(...codes);
    }
    const parts: string[] = [];
    const chunk: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      chunk.push(this.codeOf(ids[i]!));
      if (chunk.length === CODE_CHUNK) {
        parts.push(String.fromCharCode(...chunk));
        chunk.length = 0;
      }
    }
    parts.push(String.fromCharCode(...chunk));
    return parts.join('');
  }

  private codeOf(id: number): number {
    if (id >= this.codes.length) this.codes = grownTo(this.codes, Math.max(id + 1, 2 * this.codes.length));
    let code = this.codes[id]!;
    if (code === 0) {
      code = FIRST_CODE + (this.assigned++ % DISTINCT_CODES);
      this.codes[id] = code;
      if (this.assigned <= DISTINCT_CODES) this.wordOfCode.push(id);
    }
    return code;
  }
}

/**
 * The scratch counts of {@link sharedWords}, made when first needed and shared by every reading
 * (the calls leave them all zero): 256 kB made and cleared per reading was 0.4% of a clean.
 */
let sharedScratch: Int32Array | undefined;

/** The first code of a word (codes below it are never used, so no shingle starts with zeros). */
const FIRST_CODE = 0x100;

/** Codes of words: past this many distinct words, codes are shared. */
const DISTINCT_CODES = 0xfe00;

/**
 * A unit whose ids are looked up when first read: a candidate is mostly told apart by its codes
 * alone (see {@link Units.numbers}).
 */
class MadeUnit implements Unit {
  readonly sentence: Sentence;

  constructor(private readonly units: Units, readonly position: number, readonly codes: string, private known?: ArrayLike<number>) {
    this.sentence = units.sentence(position);
  }

  get ids(): ArrayLike<number> {
    return (this.known ??= this.units.ids(this.position));
  }

  get words(): number {
    return this.units.wordCount(this.sentence);
  }
}

/** Codes passed to `String.fromCharCode` at a time. */
const CODE_CHUNK = 4096;

/**
 * The position of the first sentence of each comparison key, listed under a hash of the key's
 * words (not under the key's text, which would be a second copy of every sentence).
 */
class FirstByKey {
  /** No cap: a list only grows when different keys share a hash. */
  private readonly byHash: Postings;

  /** An index of the keys of at most `sentences` sentences. */
  constructor(private readonly units: Units, sentences: number) {
    this.byHash = new Postings(Infinity, sentences);
  }

  /**
   * The first sentence of the key whose words are `ids`, when one was recorded; else records
   * `position`, the sentence of those words, as the first of its key (the key hashed once for both).
   */
  firstOrAdd(ids: ArrayLike<number>, position: number): number | undefined {
    const key = listKey(ids);
    const first = this.byHash.get(key).find((earlier) => sameWords(this.units.ids(earlier), ids));
    if (first === undefined) this.byHash.add(key, position);
    return first;
  }
}

/** The {@link Postings} key of a sequence of word ids: its hash, made positive. */
function listKey(ids: ArrayLike<number>): number {
  return hashWords(ids) + 1;
}

/**
 * The earlier sentence `unit` repeats, if any; `exact` is the first sentence with its key, if
 * one came before. Every earlier sentence found alike joins the unit's group, so that templates
 * (groups of three or more) can be told from copies.
 */
function findMatch(unit: Unit, exact: number | undefined, units: Units, candidates: SharedShingles, groups: UnionFind, options: NearDuplicateOptions): Match | undefined {
  let match: Match | undefined;
  if (exact !== undefined) {
    groups.union(unit.position, exact);
    if (unit.words >= MIN_EXACT_WORDS) {
      const original = units.unit(exact);
      const verbatim = original.sentence.text === unit.sentence.text;
      match = { duplicate: unit, original, reason: verbatim ? 'repeats an earlier sentence word for word' : 'repeats an earlier sentence (case, spacing or punctuation aside)' };
    }
  }
  if (unit.codes.length < options.minDuplicateWords) return match;
  const earlierUnits = candidates.candidates(unit.position);
  // Most sentences of a short text have no candidate: nothing to ready for them.
  if (earlierUnits.length > 0) units.probe(unit, options.minDuplicateWords);
  for (const position of earlierUnits) {
    // Most candidates of a long text share a phrase by chance: told so from a few numbers.
    if (!units.mayRepeat(unit, position, options)) continue;
    const earlier = units.unit(position);
    // Codes are made from ids: different codes, different words, without looking up the ids.
    if (earlier.codes === unit.codes && sameWords(earlier.ids, unit.ids)) continue;
    const found = compare(unit, earlier, options, units);
    if (found === undefined) continue;
    // A copy glued to the end of a sentence makes that sentence no more alike its original than
    // the writer's words before it are: only whole sentences join a group (else a sentence with
    // a copy glued to it would count its own repeat and the copy's original as three alike).
    if (found.from === undefined) groups.union(unit.position, earlier.position);
    match ??= found;
  }
  return match;
}

/**
 * How `unit` repeats the earlier sentence `earlier`, if it does. Only the later sentence is ever
 * the copy: an earlier sentence that is the start of a later one is usually a heading that the
 * paragraph under it opens with ("Brydge Pro Keyboard for iPad Pro" / "Brydge Pro Keyboard for
 * iPad Pro is ...").
 */
function compare(unit: Unit, earlier: Unit, options: NearDuplicateOptions, units: Units): Match | undefined {
  const threshold = options.similarity;
  if (isTruncatedCopy(unit, earlier)) return { duplicate: unit, original: earlier, reason: 'repeats the start of an earlier sentence (truncated copy)' };
  if (isPartCopy(unit, earlier)) return { duplicate: unit, original: earlier, reason: 'repeats the end or the middle of an earlier sentence (part copy)' };
  const glued = unit.codes.length > earlier.codes.length ? gluedCopy(unit, earlier, threshold, units.scratch()) : undefined;
  if (glued) return glued;
  // Only when the sentence as a whole is no repeat is the end of it looked at alone: an edited
  // copy goes whole, not from its last colon on.
  const tail = (): Match | undefined => gluedPart(unit, earlier, options.minDuplicateWords);
  const shared = sharedWords(unit.codes, earlier.codes, units.scratch());
  const alike = alikenessOf(shared, unit.codes, earlier.codes, threshold);
  const restates = alike < threshold && isRestatement(unit, earlier, shared);
  // Neither alike nor a restatement, as most candidates are (they share a phrase by chance): the
  // end is all there is to look at, whatever the numbers say, and they need not be read.
  if (alike < threshold && !restates) return tail();
  if (statesOtherNumbers(units, unit, earlier) || saysMore(unit, earlier)) return tail();
  if (restates) return { duplicate: unit, original: earlier, reason: 'restates an earlier sentence (same opening, same facts)' };
  return gluedAfterHead(unit, earlier, threshold, units.scratch()) ?? { duplicate: unit, original: earlier, reason: `repeats an earlier sentence in other words (${Math.round(alike * 100)}% alike)` };
}

/** Words swapped for others, at most, in a sentence that says the same of something else. */
const MAX_SWAPPED_WORDS = 2;

/**
 * True when two questions differ only by a word or two put in place of others, and each of those
 * words is a subject of the article, named elsewhere in it: "Did the union agree to meet again?"
 * / "Did the operator agree to meet again?" ask about two parties, each answered in turn (the
 * interview pattern, with two people). A copy spun with synonyms mostly puts in words the article
 * does not otherwise use; statements are left to the similarity alone, since a spun statement's
 * synonyms often do occur elsewhere.
 */
function namesOtherThings({ analysis }: CleanContext<NearDuplicateOptions>, { duplicate, original, from }: Match): boolean {
  if (from !== undefined || !duplicate.sentence.text.endsWith('?') || !original.sentence.text.endsWith('?')) return false;
  const copy = duplicate.ids;
  const first = original.ids;
  if (copy.length !== first.length) return false;
  const topical = (id: number): boolean => analysis.wordTermCount(id) >= 2;
  let swapped = 0;
  for (let i = 0; i < copy.length; i++) {
    if (copy[i] === first[i]) continue;
    if (++swapped > MAX_SWAPPED_WORDS || !topical(copy[i]!) || !topical(first[i]!)) return false;
  }
  return swapped > 0;
}

/**
 * True when a number of one sentence stands where the other has another number: sentences alike
 * but for their numbers state different facts ("1 sack, 2 tackles" / "1 sack, 3 tackles"; "rose
 * 3%" / "rose 4%"). The numbers are compared in order: a number one sentence adds or leaves out
 * is an edit like any other word ("A survey of 412 nurses found..." / "A survey of nurses
 * found..."), so only numbers that are not the other's with some left out count as replaced.
 */
function statesOtherNumbers(units: Units, a: Unit, b: Unit): boolean {
  const numbersA = units.numbers(a);
  const numbersB = units.numbers(b);
  const [fewer, more] = numbersA.length <= numbersB.length ? [numbersA, numbersB] : [numbersB, numbersA];
  return !isSubsequence(fewer, more);
}

/** True when `part` is `whole` with some items left out (the order kept). */
function isSubsequence(part: readonly number[], whole: readonly number[]): boolean {
  let next = 0;
  for (const item of whole) if (next < part.length && part[next] === item) next++;
  return next === part.length;
}

/**
 * True when `copy` is a run of words from the end or the middle of `original` (its start is a
 * truncated copy): "approved a new buyback plan worth two billion dollars." of "Shares fell after
 * the board approved a new buyback plan worth two billion dollars." A run whose first word the
 * original writes in lower case and the copy capitalises was rewritten as a heading ("How to
 * choose running shoes" under "This guide explains how to choose running shoes for ..."), and
 * stays.
 */
function isPartCopy(copy: Unit, original: Unit): boolean {
  const at = original.codes.indexOf(copy.codes, 1);
  if (at <= 0) return false;
  const offset = wordStart(original.sentence.text, at);
  return offset === undefined || !(startsLower(original.sentence.text.slice(offset)) && startsUpper(copy.sentence.text));
}

/** Words a sentence adds after the whole of an earlier one, from which it says more than a copy. */
const MIN_ADDED_WORDS = 2;

/**
 * True when `unit` is the whole of the earlier sentence and goes on: "Beats Solo3 Wireless
 * On-Ear Headphones - Matte Black" under "Beats Solo3 Wireless On-Ear Headphones", a heading
 * taken up by the sentence that follows it. A copy adds nothing (a word at most, an edit), but
 * the words the two share would make them alike.
 */
function saysMore(unit: Unit, earlier: Unit): boolean {
  return unit.codes.length >= earlier.codes.length + MIN_ADDED_WORDS && unit.codes.startsWith(earlier.codes);
}

/** Words two sentences must open with alike to be compared as restatements. */
const RESTATED_OPENING = 5;

/** The fewest words of each sentence in a restatement. */
const MIN_RESTATED_WORDS = 12;

/** The share of words (Dice) a restatement keeps of its original. */
const MIN_RESTATED_SHARE = 0.5;

/**
 * A sentence that opens with the same five words as an earlier one and keeps half its words:
 * the same fact told twice, "It was the eighth time during Syria's civil war that Moscow has
 * used its veto power..." / "It was the eighth time that Russia has used its veto power...".
 */
function isRestatement(unit: Unit, earlier: Unit, shared: number): boolean {
  if (unit.codes.length < MIN_RESTATED_WORDS || earlier.codes.length < MIN_RESTATED_WORDS) return false;
  return unit.codes.slice(0, RESTATED_OPENING) === earlier.codes.slice(0, RESTATED_OPENING) && shared >= MIN_RESTATED_SHARE;
}

/** Words of the original that must open a glued copy before it is compared. */
const GLUED_HEAD = 3;

/** The fewest words of an original whose copy is looked for glued to other text. */
const MIN_GLUED_WORDS = 8;

/**
 * A copy glued to the end of a line that had no terminal punctuation, so that no sentence
 * boundary separates them: "Eve Door & Window brings automations to your Siri setup Ships with
 * a new smart sensor that's made". Only the copy, from its first word on, is removed.
 */
function gluedCopy(unit: Unit, earlier: Unit, threshold: number, scratch: Int32Array): Match | undefined {
  const at = unit.codes.indexOf(earlier.codes.slice(0, GLUED_HEAD), 1);
  if (at <= 0 || at + GLUED_HEAD > unit.codes.length || earlier.codes.length < MIN_GLUED_WORDS) return undefined;
  const tail = unit.codes.slice(at);
  // The copy is the original, its start (cut short), either with one word changed, added or
  // dropped, or the original in other words, as alike as a copy standing alone must be.
  const copies = tail === earlier.codes || (tail.length <= earlier.codes.length + 1 && ((tail.length * 2 >= earlier.codes.length && withinOneWord(tail, earlier.codes)) || alikeness(tail, earlier.codes, scratch, threshold) >= threshold));
  if (!copies) return undefined;
  // 0 when there is no such word: a count thrown off by Unicode normalisation errs towards
  // removing the whole sentence.
  const offset = wordStart(unit.sentence.text, at) ?? 0;
  // The copy must open like a sentence, "... setup Ships with", not continue one ("... penghinaan").
  if (!startsUpper(unit.sentence.text.slice(offset))) return undefined;
  return { duplicate: unit, original: earlier, reason: 'repeats an earlier sentence, glued to the end of a line', from: unit.sentence.span.start + offset };
}

/**
 * A copy in other words, its first words changed too, glued after a line without terminal
 * punctuation ("© Jane Doe" + a spun copy): as alike as a copy must be once the words it has
 * more than the original are left out at its start, where a word opens in upper case and the
 * copy opens as its original. Only the copy goes, not the line it was glued to.
 */
function gluedAfterHead(unit: Unit, earlier: Unit, threshold: number, scratch: Int32Array): Match | undefined {
  const extra = unit.codes.length - earlier.codes.length;
  // The copy may itself have a word more or less than its original.
  for (const at of [extra, extra + 1, extra - 1]) {
    // It opens as its original does (a word of its first two is the original's first word),
    // so a name is not cut in two ("Anna Berg said ..." with a word put in later).
    const opens = unit.codes[at] === earlier.codes[0] || unit.codes[at + 1] === earlier.codes[0];
    if (at <= 0 || !opens || alikeness(unit.codes.slice(at), earlier.codes, scratch, threshold) < threshold) continue;
    const offset = wordStart(unit.sentence.text, at);
    if (offset !== undefined && startsUpper(unit.sentence.text.slice(offset))) {
      return { duplicate: unit, original: earlier, reason: 'repeats an earlier sentence in other words, glued to the end of a line', from: unit.sentence.span.start + offset };
    }
  }
  return undefined;
}

/**
 * A part copy (see {@link isPartCopy}) that ends a sentence after a sentence of its own, where
 * the segmenter saw no boundary because the copy opens in lower case: "... will update this
 * article. offered no evidence to support their estimates." Only the copy goes. The words
 * before it must end a sentence: a sentence of the writer's that closes on a phrase an earlier
 * one used ("We must act in order to protect the rights of the workers.") stays whole.
 */
function gluedPart(unit: Unit, earlier: Unit, minWords: number): Match | undefined {
  // Its last `minWords` words inside the original, or no longer run is (see longestEndInside):
  // one search settles most candidates.
  if (unit.codes.length <= minWords || earlier.codes.indexOf(unit.codes.slice(unit.codes.length - minWords), 1) === -1) return undefined;
  const words = longestEndInside(unit.codes, earlier.codes);
  const at = unit.codes.length - words;
  if (words < minWords || at <= 0) return undefined;
  const offset = wordStart(unit.sentence.text, at);
  if (offset === undefined || !endsInTerminal(unit.sentence.text.slice(0, offset).trimEnd())) return undefined;
  return { duplicate: unit, original: earlier, reason: 'repeats the end or the middle of an earlier sentence, after a sentence on its line', from: unit.sentence.span.start + offset };
}

/**
 * How many of the last words of `codes` stand, in order, inside `original` past its first word
 * (a run from its start is a truncated copy). A run of the last n words found there holds the
 * last n - 1 too, one word on, so the longest is found by halving: a few searches, each linear.
 */
function longestEndInside(codes: string, original: string): number {
  let found = 0;
  let missing = codes.length + 1;
  while (missing - found > 1) {
    const words = (found + missing) >> 1;
    if (original.indexOf(codes.slice(codes.length - words), 1) !== -1) found = words;
    else missing = words;
  }
  return found;
}

/**
 * How alike two sentences' words are: by edit distance, or as bags of words, whichever is more;
 * exact when it reaches `threshold`, and some value below `threshold` when it does not (see
 * {@link alikenessOf}).
 */
function alikeness(a: string, b: string, scratch: Int32Array, threshold: number): number {
  return alikenessOf(sharedWords(a, b, scratch), a, b, threshold);
}

/** Below `threshold` by more than this, the bags of words settle that two sentences are not alike. */
const ROUNDING_MARGIN = 1e-9;

/**
 * {@link alikeness} given the bags' Dice coefficient `shared` of `a` and `b`. The edit distance is
 * computed only when `shared` is near `threshold` or above: with one code unit per word, the
 * similarity by edit distance is never more than the Dice coefficient (an edit script keeps at
 * most the c words the two bags share, so the distance is at least max(n, m) - c, and
 * 1 - (max - c) / max = c / max <= 2c / (n + m)). Far below the threshold the distance cannot
 * lift the pair over it, and its O(n·m) table was most of the time spent on the candidates that
 * share no more than a run of common words ("said that the"), as a long text has many.
 */
function alikenessOf(shared: number, a: string, b: string, threshold: number): number {
  if (shared < threshold - ROUNDING_MARGIN && !hasSurrogate(a) && !hasSurrogate(b)) return shared;
  return Math.max(editSimilarity(a, b), shared);
}

/** True when `codes` holds a surrogate code unit: two codes of a long text's words can read as one code point. */
function hasSurrogate(codes: string): boolean {
  for (let i = 0; i < codes.length; i++) {
    const code = codes.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** 1 minus the word-level edit distance over the longer length: word changes, insertions, drops. */
function editSimilarity(a: string, b: string): number {
  return 1 - levenshtein.get(a, b) / Math.max(a.length, b.length);
}

/**
 * The Dice coefficient of the two bags of words: insensitive to order, so a spun copy with words
 * swapped ("Man Shot Dallas at Gas Station") is as alike as its original makes it. `unmatched`
 * holds zeros, and is left so.
 */
function sharedWords(a: string, b: string, unmatched: Int32Array): number {
  if (hasSurrogate(a) || hasSurrogate(b)) return sharedCodePoints(a, b, unmatched);
  // Each code one word: counted by code unit, without the visitors of the general case.
  let shared = 0;
  for (let i = 0; i < a.length; i++) unmatched[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    if (unmatched[code]! > 0) {
      shared++;
      unmatched[code]!--;
    }
  }
  for (let i = 0; i < a.length; i++) unmatched[a.charCodeAt(i)] = 0;
  return (2 * shared) / (a.length + b.length);
}

/** {@link sharedWords} of codes that hold surrogate code units, read by code point. */
function sharedCodePoints(a: string, b: string, unmatched: Int32Array): number {
  // Counted in an array by code rather than a map of strings: a sentence of a long text is
  // compared with up to MAX_CANDIDATES others. Past 0xd700 distinct words two codes can form a
  // surrogate pair, read as one code point (beyond the array): those few go to a map.
  let paired: Map<number, number> | undefined;
  const left = (code: number): number => (code < CODE_POINTS_IN_ARRAY ? unmatched[code]! : paired?.get(code) ?? 0);
  const add = (code: number, by: number): void => {
    if (code < CODE_POINTS_IN_ARRAY) unmatched[code]! += by;
    else (paired ??= new Map()).set(code, left(code) + by);
  };
  forEachCodePoint(a, (code) => add(code, 1));
  let shared = 0;
  forEachCodePoint(b, (code) => {
    if (left(code) > 0) {
      shared++;
      add(code, -1);
    }
  });
  forEachCodePoint(a, (code) => {
    if (code < CODE_POINTS_IN_ARRAY) unmatched[code] = 0;
  });
  return (2 * shared) / (a.length + b.length);
}

/** Code points counted in an array by {@link sharedWords}: those of one UTF-16 code unit. */
const CODE_POINTS_IN_ARRAY = 0x10000;

/** Calls `visit` with each code point of `text`, as `for...of` reads them. */
function forEachCodePoint(text: string, visit: (code: number) => void): void {
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    visit(code);
    i += code >= CODE_POINTS_IN_ARRAY ? 2 : 1;
  }
}

/**
 * True when `copy` is the first words of `original`, cut short. A cut copy has no terminal
 * punctuation ("The president said on Tuesday that China"), and may have one word changed; or it
 * was cut at a period inside the original ("threatening to kill U.S." of "... U.S. Rep. Omar");
 * or it was closed with a period where it was cut, and then it matches word for word ("Many of
 * the protesters wear masks." of "... wear masks to shield their identities").
 */
function isTruncatedCopy(copy: Unit, original: Unit): boolean {
  const length = copy.codes.length;
  if (length >= original.codes.length) return false;
  if (endsInTerminal(copy.sentence.text)) {
    const cutAtPeriod = original.sentence.text.startsWith(copy.sentence.text) || MAY_BE_CUT_AT_PERIOD.test(copy.sentence.text);
    return cutAtPeriod ? withinOneWord(copy.codes, original.codes) : original.codes.startsWith(copy.codes);
  }
  // Word for word, any cut is a copy; with a word changed, it keeps at least half the original.
  return original.codes.startsWith(copy.codes) || (length * 2 >= original.codes.length && withinOneWord(copy.codes, original.codes));
}

/** True when `copy` is a prefix of `original` but for one word changed, dropped or added. */
function withinOneWord(copy: string, original: string): boolean {
  const length = copy.length;
  return [length - 1, length, length + 1].some((cut) => levenshtein.get(copy, original.slice(0, cut)) <= 1);
}

/**
 * True when the repeat is part of the writer's running text, not a copy set down beside it: a
 * sentence that repeats nothing follows it on its line, and what it repeats is on an earlier line.
 * A heading restated as the first sentence of its section ("1. Start small" / "Start small. The
 * early days are ..."), the tips taken up again in a closing recap, a quotation said again in the
 * middle of a paragraph: each stays. Copies stand as paragraphs of their own or end a paragraph
 * (a copy of several sentences is followed only by its own repeats); a sentence said twice in a
 * row on one line ("A. A. B. B.") is a stutter of the scraper.
 */
function isInRunningText(followed: Uint8Array, { duplicate, original }: Match): boolean {
  return followed[duplicate.position] === 1 && original.sentence.line !== duplicate.sentence.line;
}

/**
 * Per sentence, 1 when a sentence that repeats nothing follows it on its line (see
 * {@link isInRunningText}). Worked out in one pass from the end.
 */
function followedByNewText(document: Document, repeats: Uint8Array): Uint8Array {
  const followed = uint8Array(document.sentences.length);
  let line = -1;
  let seen = 0;
  for (let position = document.sentences.length - 1; position >= 0; position--) {
    const sentence = document.sentences[position]!;
    if (sentence.line !== line) {
      line = sentence.line;
      seen = 0;
    }
    followed[position] = seen;
    if (repeats[position] === 0) seen = 1;
  }
  return followed;
}

/**
 * What the exceptions ask of a line, worked out once per line: asked once per match, a test of
 * the whole line would make a long line holding many repeats quadratic (a 5 MB line of sentences
 * each said twice took minutes).
 */
class LineFacts {
  /** True when the line is an item of a list: see {@link isListItem}. */
  readonly isListItem: (index: number) => boolean;
  /** True when the line's last word is a link. */
  readonly endsInLink: (index: number) => boolean;
  /** The offset in the text where the line's first link ("https://", "pic.twitter.com/") ends, or Infinity. */
  readonly firstLinkEnd: (index: number) => number;

  constructor(document: Document) {
    this.isListItem = perLine((index) => isListItem(document, index));
    this.endsInLink = perLine((index) => endsInLink(document.lines[index]!.text));
    this.firstLinkEnd = perLine((index) => {
      const line = document.lines[index]!;
      const found = LINK_START.exec(line.text);
      return found ? line.span.start + found.index + found[0].length : Infinity;
    });
  }
}

/** Lines a paragraph has, at the least, to be a list. */
const MIN_LIST_LINES = 3;

/**
 * True when the line at `index` is an item of a list: a paragraph of {@link MIN_LIST_LINES} lines
 * or more, this one not ending in terminal punctuation ("Charges quickly in the case").
 */
function isListItem(document: Document, index: number): boolean {
  const line = document.lines[index]!;
  return document.paragraphs[line.paragraph]!.lineCount >= MIN_LIST_LINES && !endsInTerminal(line.text);
}

/**
 * True when the repeat is the structure of lists, not a copy: two lists share items (the features
 * of two products, "Charges quickly in the case" under each), and a card names its item above its
 * list and again under it ("Apple iPhone 7, 32GB – Black" / its features / "Apple iPhone 7, 32GB -
 * Black" / "$217.99"). Both lines end without terminal punctuation: a copy of a sentence, or a
 * line set down as its own paragraph beside no list, stays a repeat.
 */
function isListStructure(document: Document, lines: LineFacts, { duplicate, original }: Match): boolean {
  const copy = duplicate.sentence.line;
  const first = original.sentence.line;
  if (duplicate.sentence.paragraph === original.sentence.paragraph) return false;
  if (lines.isListItem(copy) && lines.isListItem(first)) return true;
  const [copyLine, firstLine] = [document.lines[copy]!, document.lines[first]!];
  if (endsInTerminal(copyLine.text) || endsInTerminal(firstLine.text) || copyLine.text !== duplicate.sentence.text || firstLine.text !== original.sentence.text) return false;
  // A name above its list and under it: a list stands between them, and nothing else.
  const between = document.paragraphs.slice(firstLine.paragraph + 1, copyLine.paragraph);
  return between.length === 1 && between[0]!.lineCount >= MIN_LIST_LINES;
}

/** `compute`, remembering its answer for each line index. */
function perLine<T>(compute: (index: number) => T): (index: number) => T {
  const known = new Map<number, T>();
  return (index) => {
    if (!known.has(index)) known.set(index, compute(index));
    return known.get(index)!;
  };
}

/** Where a link starts: "https://", "http://", "pic.twitter.com/". */
const LINK_START = /https?:\/\/|pic\.twitter\.com\//u;

/** A link, as embedded posts end in: "... #MethWeAreOnIt https://t.co/hopPjqa95w". */
const LINK = new RegExp(`^(?:${LINK_START.source})\\S`, 'u');

/** True when the last word of `text` is a link (found without a regular expression scanning back). */
function endsInLink(text: string): boolean {
  return LINK.test(trailingNonSpace(text));
}

/** The signature under an embedded post: "— Governor Kristi Noem (@govkristinoem) November 18, 2019". */
const POST_SIGNATURE = /^[—–]\s*\S.{0,80}\(@[\p{L}\p{N}_]+\)/u;

/** Lines after a sentence within which the signature of the post holding it is looked for. */
const SIGNATURE_DISTANCE = 2;

/**
 * True when the sentence belongs to a post embedded in the article: its line (or the next one,
 * the post's link on a line of its own) ends in a link, or a signature follows it closely, and
 * no link comes before the copy (from `start`) on its line. Such a post is a quotation of its
 * own, kept whole even where the article repeats its words. The copy may be the signature itself:
 * two posts of one account are signed alike ("— The Senate (@senate) October 9, 2018").
 */
function isEmbeddedPost(document: Document, lines: LineFacts, sentence: Sentence, start: number): boolean {
  if (POST_SIGNATURE.test(document.text.slice(start, sentence.span.end))) return true;
  // Text after the post's link, on the same line, is not part of the post.
  if (lines.firstLinkEnd(sentence.line) <= start) return false;
  if (lines.endsInLink(sentence.line)) return true;
  const next = document.lines[sentence.line + 1];
  // The post's link on a line of its own: the next line of the same block.
  if (next && next.paragraph === sentence.paragraph && lines.endsInLink(next.index)) return true;
  // A post signed below it: the signature follows its block. A line set between a post whose
  // link closed it just above and that post's signature is no part of it.
  const previous = document.lines[sentence.line - 1];
  if (previous && previous.paragraph !== sentence.paragraph && lines.endsInLink(previous.index)) return false;
  for (const line of document.lines.slice(sentence.line + 1, sentence.line + 1 + SIGNATURE_DISTANCE)) {
    if (POST_SIGNATURE.test(line.text)) return true;
    if (line.paragraph !== sentence.paragraph) return false;
  }
  return false;
}

/** Disjoint sets of unit positions, with their sizes: which sentences are alike. */
class UnionFind {
  private readonly parent: Int32Array;
  private readonly sizes: Int32Array;

  constructor(count: number) {
    this.parent = int32Array(count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
    this.sizes = int32Array(count).fill(1);
  }

  find(item: number): number {
    let root = item;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let node = item; this.parent[node] !== root; ) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    const [small, large] = this.sizes[rootA]! < this.sizes[rootB]! ? [rootA, rootB] : [rootB, rootA];
    this.parent[small] = large;
    this.sizes[large]! += this.sizes[small]!;
  }

  size(item: number): number {
    return this.sizes[this.find(item)]!;
  }
}
