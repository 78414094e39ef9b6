/**
 * Statistics of one document that several cleaners read: the stop words of its language, how
 * often each content term occurs, and per piece of it (a line, a sentence, the headline) its
 * words, content terms and comparison key. Computed once per document from its word tokens,
 * found in one scan (see `tokens.ts`): a piece's words are a range of those tokens, and what a
 * word is (a stop word, which terms, how many words) is worked out once per distinct word.
 */
import { firstEndingAfter } from './apply.js';
import type { Document, Line, Span } from './model.js';
import { detectStopwordsOfCounts, stopwordLanguages, type StopwordSet } from './stopwords.js';
import { hasUnspacedScript, isAscii, isFolded, lowerWords, mayFoldAt, wordCount } from './text.js';
import { holdsContextual, tokenizeDocument, tokenRange, Vocabulary, type DocumentWords, type TokenArrays } from './tokens.js';
import { grownTo, int32Array } from './arrays.js';

/** A piece of the analysed document: one of its lines or sentences, or its headline. */
export interface Piece {
  readonly span: Span;
  readonly text: string;
}

/** How many times each content term (by id, see {@link Analysis.eachTerm}) occurs in some pieces. */
export interface TermCounts {
  /** The occurrences of the term numbered `term`. */
  count(term: number): number;
}

/** Shared statistics of a document. */
export interface Analysis {
  readonly stopwords: StopwordSet;
  /** The lower-cased words of the document and of its pieces' comparison keys, by id. */
  readonly vocabulary: Vocabulary;
  /**
   * Calls `visit` with each content term of a piece, in order, as an id (one term, one id): per
   * word token, none for a stop word of this document or a single letter, else its stem; for a
   * script written without spaces, its overlapping character pairs. (A visitor, not an array: a piece
   * can be a line of tens of millions of words.)
   */
  eachTerm(piece: Piece, visit: (term: number) => void): void;
  /** How many content terms a piece has (counting repeats). */
  termCount(piece: Piece): number;
  /**
   * How many times the word numbered `id` (a {@link vocabulary} id) occurs in the whole document
   * as a content term (its stem, or its most frequent character pair); 0 for a stop word.
   */
  wordTermCount(id: number): number;
  /** The content terms of `pieces`, counted. */
  termCounts(pieces: Iterable<Piece>): TermCounts;
  /**
   * The share of the distinct content terms of `piece` (of all of them together when given
   * several) that `counts` holds; when the piece is itself part of what was counted (`inside`),
   * its own occurrences do not count. `undefined` when the piece has no content terms.
   */
  sharedTermShare(counts: TermCounts, piece: Piece | readonly Piece[], inside: boolean): number | undefined;
  /**
   * The share of the content terms of a piece that also occur outside it: near 1 for a
   * subheading of the article ("The Rukban camp"), near 0 for a line about something else
   * ("Woman risks her life to save a koala"). `undefined` when the piece has no content terms; 1
   * when the document is too short to tell what it is about (a few short paragraphs share few
   * words even when they belong together), so that nothing is removed on this evidence alone.
   * With `anyLength`, the share is given for a short document too (for a short line, whose few
   * words are a label's or the article's own, not a paragraph's).
   */
  cohesion(piece: Piece, anyLength?: boolean): number | undefined;
  /**
   * The share of the word tokens of a piece that are stop words of this document's language (0
   * without tokens); of all of them together when given several pieces.
   */
  stopwordShare(piece: Piece | readonly Piece[]): number;
  /** How many word tokens a piece has. */
  tokenCount(piece: Piece): number;
  /** How many word tokens of a piece are written in lower case. */
  lowerCaseTokens(piece: Piece): number;
  /** The `comparisonKey` of a piece. */
  key(piece: Piece): string;
  /**
   * The words of the `comparisonKey` of a piece, as {@link vocabulary} ids: always an `Int32Array`
   * (a view of the document's ids, mostly), so that the code reading keys sees one kind of array.
   */
  keyWords(piece: Piece): Int32Array;
  /** The {@link wordCount} of a piece. */
  wordCount(piece: Piece): number;
}

/**
 * Content terms a document (or a topic drawn from it) needs before the share of them a line
 * holds means anything: a few short paragraphs share few words even when they belong together.
 */
const MIN_TOPIC_TERMS = 100;

/** True when `terms` content terms are enough to judge what lines share with them (see {@link MIN_TOPIC_TERMS}). */
export function judgesTopic(terms: number): boolean {
  return terms >= MIN_TOPIC_TERMS;
}

/** Characters kept of a long word so inflections match ("elections" ~ "election", "Ершова" ~ "Ершову"). */
const STEM_LENGTH = 5;

/**
 * The content term of a lower-cased word token that is not written in a script without spaces,
 * and is a `stopword` of the document's language or not: its stem, or none (`undefined`) for a
 * stop word or a single letter.
 */
function stem(token: string, stopword: boolean): string | undefined {
  if (stopword || (token.length === 1 && !/\d/u.test(token))) return undefined;
  return token.length > STEM_LENGTH ? token.slice(0, STEM_LENGTH) : token;
}

/**
 * The content terms of a token written in a script without spaces, where a token is a phrase:
 * its overlapping character pairs (the character itself when it is alone).
 */
function characterPairs(token: string): string[] {
  if (token.length === 1) return [token];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < token.length; i++) pairs.push(token.slice(i, i + 2));
  return pairs;
}

/**
 * A number per vocabulary id, worked out on first use. Ids are numbered in order, so the values
 * are filled in order up to the id asked about: the table stays dense however ids are asked for.
 * The rules read these per token: held in an `Int32Array` and read through one class, three warm
 * passes over an eighth of the corpora take 2.7% fewer instructions than when each table was a
 * closure over a plain array (one closure's code, shared by tables of flags, numbers and lists,
 * read each as an array of anything).
 */
class PerWord {
  private values: Int32Array;
  private filled = 0;

  /** A table of `compute(id)`, with room for `capacity` ids at first. */
  constructor(
    private readonly compute: (id: number) => number,
    capacity: number,
  ) {
    this.values = int32Array(Math.max(capacity, 16));
  }

  /** The value of the word numbered `id`. */
  get(id: number): number {
    return id < this.filled ? this.values[id]! : this.fill(id);
  }

  private fill(id: number): number {
    if (id >= this.values.length) this.values = grownTo(this.values, Math.max(id + 1, this.values.length * 2));
    while (this.filled <= id) {
      const value = this.compute(this.filled);
      this.values[this.filled++] = value;
    }
    return this.values[id]!;
  }
}

/** Occurrences of numbered things (content terms, words), in an array indexed by id, and the distinct ids met. */
class Tally implements TermCounts {
  private counts: Int32Array;
  /** The distinct ids added, in the order first met. */
  readonly distinct: number[] = [];

  /** A tally with room for the ids below `capacity` (it grows for higher ones). */
  constructor(capacity: number) {
    this.counts = int32Array(capacity);
  }

  add(term: number, times = 1): void {
    if (term >= this.counts.length) this.counts = grownTo(this.counts, Math.max(term + 1, this.counts.length * 2));
    if (this.counts[term] === 0) this.distinct.push(term);
    this.counts[term]! += times;
  }

  count(term: number): number {
    return term < this.counts.length ? this.counts[term]! : 0;
  }

  /** Empties the tally, in time proportional to the terms it holds. */
  clear(): void {
    for (const term of this.distinct) this.counts[term] = 0;
    this.distinct.length = 0;
  }
}

/** Word ids `ids[from, to)`: the words of a piece (see `DocumentAnalysis.lowerIds`). */
interface IdRange {
  ids: Int32Array;
  from: number;
  to: number;
}

/** The ids of a piece without words. */
const NO_IDS = new Int32Array(0);

/** What `DocumentAnalysis.firstTokensOfLines` gives when a token lies between two lines: no table. */
const NO_LINE_TABLE = new Int32Array(0);

/** In `DocumentAnalysis.foldedWords`: folding leaves the piece as it is, and its words are the document's. */
const UNFOLDED = new Int32Array(0);

/** See `DocumentAnalysis.termOfWord`. */
const NO_TERM = -1;
const MANY_TERMS = -2;

/**
 * Computes the {@link Analysis} of a document. `spare`: the token arrays of an analysis no longer
 * used (see {@link tokenArraysOf}), which this one fills again when they have room.
 */
export function analyse(document: Document, spare?: TokenArrays): Analysis {
  return new DocumentAnalysis(document, spare);
}

/**
 * The typed arrays of the tokens of `analysis`, for the next document's {@link analyse} once
 * `analysis` is no longer used: the pipeline's readings hand them on. At 100k sentences they are
 * 15 MB, and the last reading's were still held, waiting for a full collection, when the next
 * reading made its own.
 */
export function tokenArraysOf(analysis: Analysis): TokenArrays | undefined {
  if (!(analysis instanceof DocumentAnalysis)) return undefined;
  const { starts, ids, writtenLower } = analysis.words;
  return { starts, ids, writtenLower };
}

class DocumentAnalysis implements Analysis {
  readonly stopwords: StopwordSet;
  readonly vocabulary: Vocabulary;
  /** The tokens (read by {@link tokenArraysOf}, to hand their arrays on). */
  readonly words: DocumentWords;
  private readonly termIds: Vocabulary;
  /** Per word id, 1 for a stop word of the document's language, else 0. */
  private readonly stopword: PerWord;
  /**
   * Per word id, its one content term (>= 0), {@link NO_TERM}, or for a word written without
   * spaces (several terms) `MANY_TERMS - i`, where `manyTerms[i]` are its terms: one small number
   * per word, not one array, as a long text has millions of distinct words.
   */
  private readonly termOfWord: PerWord;
  private readonly manyTerms: number[][] = [];
  private readonly weightOfWord: PerWord;
  private readonly documentTerms: Tally;
  private readonly judgesTopic: boolean;
  /** Scratch tally of one piece's terms (see {@link sharedTermShare}). */
  private readonly own: Tally;
  /** What {@link lowerIds} returns, reused. */
  private readonly idRange: IdRange = { ids: NO_IDS, from: 0, to: 0 };
  /** The keys asked for, by piece: each line's key is wanted by several rules. */
  private readonly keys = new Map<Piece, string>();
  /** The words of the pieces that folding may change, by piece (see {@link keyWords}): {@link UNFOLDED} for one it leaves as it is. */
  private readonly foldedWords = new Map<Piece, Int32Array>();
  /** False when no word is written in a script without spaces: then every token is one word. */
  private readonly unspaced: boolean;
  /**
   * How many words the document's tokens have: the ids below are the text's own words; those above
   * come of folding a piece (see {@link keyWords}), which can make a word of a script without spaces
   * where the text had none ("㊀" folds to "一").
   */
  private readonly textWords: number;
  /** True when the whole text is ASCII. */
  private readonly ascii: boolean;
  /** The spans of the lines that folding changes, in text order (see {@link mayFold}); worked out when first asked. */
  private foldingLines: Span[] | undefined;
  private readonly lines: readonly Line[];
  /** See {@link firstTokensOfLines}; worked out when first asked. */
  private lineTokens: Int32Array | undefined;
  private readonly text: string;

  constructor(document: Document, spare?: TokenArrays) {
    this.words = tokenizeDocument(document.text, spare);
    this.ascii = isAscii(document.text);
    this.lines = document.lines;
    this.text = document.text;
    this.unspaced = !this.ascii && hasUnspacedScript(document.text);
    this.vocabulary = this.words.vocabulary;
    this.textWords = this.vocabulary.size;
    // A word has one term or none (a script without spaces aside), and words share terms.
    this.termIds = new Vocabulary(this.vocabulary.size);
    const word = (id: number): string => this.vocabulary.word(id);
    const { occurrences, tokens } = this.wordOccurrences(document);
    const languages = (id: number): readonly number[] => stopwordLanguages(word(id), this.vocabulary.hash(id));
    // Kept per word as the detection looks them up, for the stop-word table, which looked each
    // word up again (the two were 2.9% of the self time of `clean()` in a profile): three warm
    // passes over an eighth of the corpora take 0.5% fewer instructions. Words the detection does
    // not look up (those of a script without spaces, words that folding made) are looked up here.
    const looked: (readonly number[] | undefined)[] = [];
    const lookUp = (id: number): readonly number[] => (looked[id] = languages(id));
    this.stopwords = detectStopwordsOfCounts(this.vocabulary.words, (id) => occurrences.count(id), tokens, this.unspaced, lookUp);
    const size = this.vocabulary.size;
    this.stopword = new PerWord((id) => ((looked[id] ?? languages(id)).includes(this.stopwords.position) ? 1 : 0), size);
    this.termOfWord = new PerWord((id) => this.termsOfWord(id), size);
    // A token's lower-cased form counts as many words as it does: no script written without
    // spaces has case, and lower-casing only lengthens a token (İ), never shortens it.
    this.weightOfWord = new PerWord((id) => wordCount(word(id)), size);
    const counted = this.countTerms(occurrences);
    this.documentTerms = counted.tally;
    this.judgesTopic = judgesTopic(counted.total);
    this.own = new Tally(this.termIds.size);
  }

  eachTerm(piece: Piece, visit: (term: number) => void): void {
    const { ids, from, to } = this.lowerIds(piece);
    for (let i = from; i < to; i++) this.forEachTerm(ids[i]!, visit);
  }

  termCount(piece: Piece): number {
    const { ids, from, to } = this.lowerIds(piece);
    let count = 0;
    for (let i = from; i < to; i++) count += this.addTermsOfWord(undefined, ids[i]!, 1);
    return count;
  }

  wordTermCount(id: number): number {
    let most = 0;
    this.forEachTerm(id, (term) => (most = Math.max(most, this.documentTerms.count(term))));
    return most;
  }

  termCounts(pieces: Iterable<Piece>): Tally {
    const tally = new Tally(this.termIds.size);
    for (const piece of pieces) this.tallyTerms(tally, piece);
    return tally;
  }

  sharedTermShare(counts: TermCounts, piece: Piece | readonly Piece[], inside: boolean): number | undefined {
    const own = this.own;
    if ('span' in piece) this.tallyTerms(own, piece);
    else for (const part of piece) this.tallyTerms(own, part);
    let shared = 0;
    for (const term of own.distinct) if (counts.count(term) > (inside ? own.count(term) : 0)) shared++;
    const distinct = own.distinct.length;
    own.clear();
    return distinct === 0 ? undefined : shared / distinct;
  }

  cohesion(piece: Piece, anyLength = false): number | undefined {
    const share = this.sharedTermShare(this.documentTerms, piece, true);
    return share === undefined || this.judgesTopic || anyLength ? share : 1;
  }

  stopwordShare(piece: Piece | readonly Piece[]): number {
    let tokens = 0;
    let hits = 0;
    // Not `for (const part of [piece])`: an array per question (asked of most lines by several rules).
    const parts = 'span' in piece ? undefined : piece;
    for (let k = 0; k < (parts ? parts.length : 1); k++) {
      const { ids, from, to } = this.lowerIds(parts ? parts[k]! : (piece as Piece));
      tokens += to - from;
      for (let i = from; i < to; i++) hits += this.stopword.get(ids[i]!);
    }
    return tokens === 0 ? 0 : hits / tokens;
  }

  tokenCount(piece: Piece): number {
    const { from, to } = this.tokensOf(piece);
    return to - from;
  }

  lowerCaseTokens(piece: Piece): number {
    const { from, to } = this.tokensOf(piece);
    let lower = 0;
    for (let i = from; i < to; i++) lower += this.words.writtenLower[i]!;
    return lower;
  }

  key(piece: Piece): string {
    let key = this.keys.get(piece);
    if (key === undefined) {
      const ids = this.keyWords(piece);
      const parts = new Array<string>(ids.length);
      for (let i = 0; i < ids.length; i++) parts[i] = this.vocabulary.word(ids[i]!);
      key = parts.join(' ');
      this.keys.set(piece, key);
    }
    return key;
  }

  keyWords(piece: Piece): Int32Array {
    // Folding Unicode-compatible forms can change the words ("ﬁ" -> "fi", "½" -> "1⁄2", "™" ->
    // "TM"): a piece that it changes is tokenised again, folded, as `comparisonKey` does.
    // ASCII has no such forms, and folding a long line copies it twice over.
    if (!this.ascii && this.mayFold(piece.span) && !isAscii(piece.text)) {
      // Kept per piece: the rules ask for the words of each line several times a reading, and a
      // line that folds is often a long one, folded and tokenised again at each question (1.2% of
      // the instructions of `clean()` on the corpora, mostly for an ellipsis, "…" -> "...").
      let ids = this.foldedWords.get(piece);
      if (ids === undefined) {
        const folded = piece.text.normalize('NFKC');
        ids = folded === piece.text ? UNFOLDED : this.intern(lowerWords(folded));
        this.foldedWords.set(piece, ids);
      }
      if (ids !== UNFOLDED) return ids;
    }
    const { ids, from, to } = this.lowerIds(piece);
    if (from === to) return NO_IDS;
    return from === 0 && to === ids.length ? ids : ids.subarray(from, to);
  }

  wordCount(piece: Piece): number {
    const { from, to } = this.tokensOf(piece);
    if (!this.unspaced) return to - from;
    let count = 0;
    for (let i = from; i < to; i++) count += this.weightOfWord.get(this.words.ids[i]!);
    return count;
  }

  /**
   * The {@link tokenRange} of a piece, whose span is read once (a parsed piece makes its span when
   * asked: see `ParsedPiece`). V8 still allocates that span in most questions, as it meets pieces
   * of several kinds here; passing the search two numbers saved 0.3% of the instructions.
   */
  private tokensOf(piece: Piece): { readonly from: number; readonly to: number } {
    // A line of the document (not a copy of one, nor a line of another parse) is read from the
    // table of all lines' tokens, made in one pass when first needed: three warm passes over an
    // eighth of the corpora took 3% fewer instructions than when each line's range was searched for.
    // (A table of the sentences' as well saved nothing.)
    const index = (piece as { readonly index?: number }).index;
    if (index !== undefined && this.lines[index] === piece) {
      const firsts = (this.lineTokens ??= this.firstTokensOfLines());
      if (firsts.length > 0) {
        const range = this.words.range;
        range.from = firsts[index]!;
        range.to = firsts[index + 1]!;
        return range;
      }
    }
    const span = piece.span;
    return tokenRange(this.words, span.start, span.end);
  }

  /**
   * Per line, the position of its first token, and last the number of tokens up to the end of the
   * last line: a line's tokens run to the next line's first, as the white space between two lines
   * holds none. Made in one pass over the tokens; empty should a token lie between two lines
   * (then each line's range is searched for).
   */
  private firstTokensOfLines(): Int32Array {
    const lines = this.lines;
    const firsts = int32Array(lines.length + 1);
    const { starts, count } = this.words;
    let t = 0;
    for (let i = 0; i < lines.length; i++) {
      const { start, end } = lines[i]!.span;
      while (t < count && starts[t]! < start) t++;
      if (i > 0 && t !== firsts[i]) return NO_LINE_TABLE;
      firsts[i] = t;
      while (t < count && starts[t]! < end) t++;
      firsts[i + 1] = t;
    }
    return firsts;
  }

  /**
   * The ids of the lower-cased word tokens of a piece, as `lowerWords` finds them: `ids[from, to)`,
   * a range of the document's ids, unless a token must be lower-cased with its line (see
   * `holdsContextual`). A range, not a view: a typed array's view is an object of its own, and
   * the rules ask for the words of each line several times (on ten million lines, half a
   * kilobyte of garbage per line). The answer is one object, overwritten by the next call.
   */
  private lowerIds(piece: Piece): IdRange {
    const { from, to } = this.tokensOf(piece);
    const range = this.idRange;
    if (holdsContextual(this.words, from, to)) {
      range.ids = this.intern(lowerWords(piece.text));
      range.from = 0;
      range.to = range.ids.length;
    } else {
      range.ids = this.words.ids;
      range.from = from;
      range.to = to;
    }
    return range;
  }

  /**
   * False when folding Unicode-compatible forms changes no line that `span` overlaps: then it
   * changes no piece there either (lines and sentences start and end at white space or
   * punctuation, where folding never joins or reorders characters; white space between lines
   * folds to a space at most, which holds no word), and `keyWords` need not fold the piece (it is
   * asked several times per line: German text is not ASCII, and was folded again at every
   * question). Per line, not per document: in a third of the corpora's texts one line folds (a
   * "™", a "ﬁ", a non-breaking space), one line in a hundred; asking of the whole document
   * folded every piece of those texts at every question, 1.2% of the time of `clean()`.
   */
  private mayFold(span: Span): boolean {
    const folding = (this.foldingLines ??= this.linesThatFold());
    if (folding.length === 0) return false;
    const at = firstEndingAfter(folding, span.start, (lineSpan) => lineSpan);
    return at < folding.length && folding[at]!.start < span.end;
  }

  /**
   * The spans of the lines that folding changes, in text order: the lines holding a code unit
   * that may fold, told by one scan of the whole text (a flat string, where reading line by line
   * read each line's slice of it: 1.6% of the time of `clean()`), and confirmed by `isFolded`.
   */
  private linesThatFold(): Span[] {
    const { text, lines } = this;
    const found: Span[] = [];
    for (let at = mayFoldAt(text, 0); at < text.length; ) {
      // The line holding `at`, if any: a code unit between lines (white space trimmed off them) holds no word.
      const line = lines[firstEndingAfter(lines, at, (each) => each.span)];
      if (line === undefined) break;
      const { span } = line;
      if (span.start <= at && !isFolded(line.text)) found.push(span);
      at = mayFoldAt(text, span.start <= at ? span.end : span.start);
    }
    return found;
  }

  /** The {@link termOfWord} value of the word numbered `id`. */
  private termsOfWord(id: number): number {
    const token = this.vocabulary.word(id);
    // A word of a text without such a script is not written in one: the test is left out for it
    // (a regular expression's run per distinct word per reading, 0.5% of the instructions of `clean()`).
    if ((!this.unspaced && id < this.textWords) || !hasUnspacedScript(token)) {
      const term = stem(token, this.stopword.get(id) === 1);
      return term === undefined ? NO_TERM : this.termIds.id(term);
    }
    const pairs = characterPairs(token);
    if (pairs.length === 1) return this.termIds.id(pairs[0]!);
    this.manyTerms.push(pairs.map((pair) => this.termIds.id(pair)));
    return MANY_TERMS - (this.manyTerms.length - 1);
  }

  /** Calls `visit` with each content term of the word numbered `id`, in order. */
  private forEachTerm(id: number, visit: (term: number) => void): void {
    const term = this.termOfWord.get(id);
    if (term >= 0) visit(term);
    else if (term <= MANY_TERMS) for (const each of this.manyTerms[MANY_TERMS - term]!) visit(each);
  }

  /**
   * Adds each content term of the word numbered `id` to `tally` (when given), `times` times, and
   * returns how many terms the word has. The counting done per token ({@link tallyTerms},
   * {@link termCount}) and per distinct word ({@link countTerms}) calls this rather than
   * {@link forEachTerm}: a visitor is a closure made per call (per distinct word, per piece). With
   * those closures, and an array `[piece]` made per question of one piece's shares, a pass of
   * `clean()` over the corpora allocated 115 MB more (of 1.5 GB; V8's sampling heap profiler) and
   * ran 1.2% more instructions.
   */
  private addTermsOfWord(tally: Tally | undefined, id: number, times: number): number {
    const term = this.termOfWord.get(id);
    if (term >= 0) {
      tally?.add(term, times);
      return 1;
    }
    if (term > MANY_TERMS) return 0;
    const terms = this.manyTerms[MANY_TERMS - term]!;
    if (tally) for (const each of terms) tally.add(each, times);
    return terms.length;
  }

  /** The ids of `words`, numbering those not met yet. */
  private intern(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (word) => this.vocabulary.id(word));
  }

  private tallyTerms(tally: Tally, piece: Piece): void {
    const { ids, from, to } = this.lowerIds(piece);
    for (let i = from; i < to; i++) this.addTermsOfWord(tally, ids[i]!, 1);
  }

  /**
   * The content terms of words that occur `occurrences.count(id)` times each, counted (per distinct
   * word, not per occurrence), and their total.
   */
  private countTerms(occurrences: Tally): { tally: Tally; total: number } {
    // Terms are numbered as words are asked about, in the order of their ids: all at once here.
    if (this.vocabulary.size > 0) this.termOfWord.get(this.vocabulary.size - 1);
    const tally = new Tally(this.termIds.size);
    let total = 0;
    for (const id of occurrences.distinct) {
      const times = occurrences.count(id);
      total += times * this.addTermsOfWord(tally, id, times);
    }
    return { tally, total };
  }

  /**
   * How many times each lower-cased word (by id) occurs in the lines of the document, and how
   * many word tokens they have. The document's tokens are its lines' (line breaks and the white
   * space trimmed off lines hold no word, nor carry lower-casing context).
   */
  private wordOccurrences(document: Document): { occurrences: Tally; tokens: number } {
    const occurrences = new Tally(this.vocabulary.size);
    const { ids, count: tokenCount, contextual } = this.words;
    if (contextual.length === 0) {
      // Then the lines' ids are the document's, in order.
      for (let i = 0; i < tokenCount; i++) occurrences.add(ids[i]!);
      return { occurrences, tokens: tokenCount };
    }
    let tokens = 0;
    for (const line of document.lines) {
      const { ids: lineIds, from, to } = this.lowerIds(line);
      tokens += to - from;
      for (let i = from; i < to; i++) occurrences.add(lineIds[i]!);
    }
    return { occurrences, tokens };
  }
}
