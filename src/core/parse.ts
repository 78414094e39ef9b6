/**
 * Parses text once into the {@link Document} model. Paragraphs are runs of non-blank lines; a line
 * is a block of its own (scrapers put one block per line), except where the segmenter reads it as
 * hard-wrapped prose ("the talks could\nnarrow those differences"): then sentences flow across it.
 * Two more kinds of hard wrap are read here, as page dumps make them: lines wrapped at a fixed
 * width, broken before any word ("... ist sehr praxisorientiert und" / "schließt ... ab. Der" /
 * "Prüfung vor einer ..."), and wrapped lines set apart by blank lines (see {@link wrapsAcrossBlank}).
 */
import type { Document, Line, Paragraph, Sentence, Span } from './model.js';
import { endsSentence } from './predicates.js';
import { sentenceSplitter, type SentenceSplitter } from './segment.js';
import { exceedsWords, hasWideCharacter, lastWordToken, lineBreakLength, lineEndAt, narrowSlice, startsLower, trimSpan } from './text.js';
import { int32Array } from './arrays.js';

/**
 * Parses `text` into paragraphs, lines and sentences with offsets into `text`. Given the
 * {@link ParagraphSplits} of an earlier parse, a paragraph whose text that parse met is not split
 * again: its sentences are the ones found there, moved to where it stands now.
 */
export function parseDocument(text: string, earlier?: ParagraphSplits): Document {
  const lines: Line[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  // Repeats are looked for sentence by sentence, and a pull quote repeats one sentence of a quotation.
  const split = sentenceSplitter({ splitQuotations: true });
  let block: Span[] = [];
  let blank = false;
  // The line after a link set apart in a sentence goes on in the paragraph (see `linkRunsOn`).
  let carried = false;
  // In a text held two bytes a character, lines are copied one byte a character where they can be (see `narrowSlice`).
  const slice = hasWideCharacter(text) ? narrowSlice : sliceOf;
  const flush = (): void => {
    if (block.length > 0) addParagraph(text, block, split, slice, earlier, paragraphs, lines, sentences);
    block = [];
  };
  // The lines are read as they are met, not listed first: a text of ten million short lines
  // would hold their bounds through the whole parse.
  const breaks = { '\r\n': 0, '\r': 0, '\n': 0 };
  for (let start = 0; ; ) {
    const end = lineEndAt(text, start);
    const trimmed = trimSpan(text, { start, end });
    if (trimmed.end === trimmed.start) blank = true;
    else {
      const previous = block[block.length - 1];
      if (blank && !carried && !wrapsAcrossBlank(text, previous, trimmed)) {
        carried = previous !== undefined && linkRunsOn(text, previous, trimmed, () => nextLineAfter(text, end));
        if (!carried) flush();
      } else carried = false;
      block.push(trimmed);
      blank = false;
    }
    const length = lineBreakLength(text, end);
    if (length === 0) break;
    breaks[length === 2 ? '\r\n' : text[end] === '\r' ? '\r' : '\n']++;
    start = end + length;
  }
  flush();
  return { text, eol: dominantLineEnding(breaks['\r\n'], breaks['\r'], breaks['\n']), paragraphs, lines, sentences };
}

/** The fewest characters of a line that a page dump wrapped at a fixed width (see {@link wrapsAcrossBlank}). */
const MIN_WRAPPED_LINE = 40;

/**
 * True when `line`, followed by a blank line and then `next`, is hard-wrapped prose all the same:
 * some page dumps set every line of a text wrapped at a fixed width apart ("Decorators in Python
 * enable you to modify the behavior of existing" / "" / "functions without changing ..."). A long
 * line that stops on a word in lower case, without terminal punctuation, and a next line that starts
 * in lower case are one paragraph, when the next line is long too or ends its sentence. (A headline
 * ends on a capitalised word: "What Being Asexual Tells Us About Romance" / "" / "aeon.co Sex" are
 * two; so are a standfirst and its byline, "... about Thursday night's fight" / "" / "by Bryan".)
 */
function wrapsAcrossBlank(text: string, line: Span | undefined, next: Span): boolean {
  if (line === undefined || line.end - line.start < MIN_WRAPPED_LINE) return false;
  const last = lastWordToken(text.slice(line.start, line.end));
  const following = text.slice(next.start, next.end);
  // The next line is wrapped text too (long), or the end of its sentence; a short line without
  // an end is a byline or a label ("by Bryan DeArdo").
  const continues = next.end - next.start >= MIN_WRAPPED_LINE || endsSentence(following);
  return last !== undefined && startsLower(last) && continues && wraps(text.slice(line.start, line.end), following);
}

/** The most words of a link's text that a page dump set apart from the sentence around it. */
const MAX_LINK_WORDS = 4;

/**
 * True when `link`, a few words between `line` and `next`, is a link that a page dump set apart
 * from the sentence it stands in: `line` stops without terminal punctuation, and the sentence goes
 * on after the link in `next`, in lower case, long or to its end ("Mitte Januar hat" / "Strava" /
 * "ein Update für sein Routen-Tool ausgerollt."; "available on Linux," / "macOS and Windows" /
 * "through Docker Desktop, and as a static binary."). The three are one paragraph and one sentence.
 * `next` is the line `nextOf` finds after the link, looked for only when the other tests pass.
 */
function linkRunsOn(text: string, line: Span, link: Span, nextOf: () => Span | undefined): boolean {
  // The cheap tests first: this is asked of every line after a blank one that does not wrap.
  if (!endsOpen(text, line)) return false;
  const linkText = text.slice(link.start, link.end);
  if (exceedsWords(linkText, MAX_LINK_WORDS)) return false;
  const next = nextOf();
  if (next === undefined) return false;
  const following = text.slice(next.start, next.end);
  if (!wraps(linkText, following) || !GOES_ON.test(following)) return false;
  const continues = next.end - next.start >= MIN_WRAPPED_LINE || endsSentence(following);
  const opening = text.slice(line.start, line.end);
  return continues && exceedsWords(opening, MIN_OPEN_LINE_WORDS - 1) && LEFT_OPEN.test(opening);
}

/** The last character of a line {@link LEFT_OPEN} may match: a letter, a mark, an apostrophe, a hyphen or a comma. */
const ENDS_OPEN = /[\p{L}\p{M}'’,-]$/u;

/**
 * True when `line` ends on a character {@link ENDS_OPEN} matches. Most lines end in ASCII, told by
 * its code (this is asked of nearly every line); the regular expression reads the others.
 */
function endsOpen(text: string, line: Span): boolean {
  const code = text.charCodeAt(line.end - 1);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27 || code === 0x2c || code === 0x2d;
  return ENDS_OPEN.test(text.slice(Math.max(line.start, line.end - 2), line.end));
}

/** Words of the line a link breaks, at the least: a menu's entry or a label is shorter. */
const MIN_OPEN_LINE_WORDS = 3;

/** A line left open mid-sentence: on a word in lower case or a comma ("Mitte Januar hat", "on Linux,"). */
const LEFT_OPEN = /(?:^|\s)\p{Ll}[\p{L}\p{M}'’-]*,?$|,$/u;

/** A sentence going on in lower case with a word and a space ("ein Update ..."), not a domain's name ("selbst.de macht"). */
const GOES_ON = /^\p{Ll}[\p{L}\p{M}'’-]*[\s,]/u;

/** The next non-blank line after the line break at `end`, trimmed; `undefined` at the end of `text`. */
function nextLineAfter(text: string, end: number): Span | undefined {
  let length = lineBreakLength(text, end);
  let start = end + length;
  while (length > 0) {
    const lineEnd = lineEndAt(text, start);
    const trimmed = trimSpan(text, { start, end: lineEnd });
    if (trimmed.end > trimmed.start) return trimmed;
    length = lineBreakLength(text, lineEnd);
    start = lineEnd + length;
  }
  return undefined;
}

/**
 * True when `line` runs on into `next`: it stops without terminal punctuation and `next` starts in
 * lower case, or with any letter when `line` fills the width its block was wrapped at (`full`).
 */
function wraps(line: string, next: string, full = false): boolean {
  return !/[.!?…。！？:;"'”’)\]]$/u.test(line) && (startsLower(next) || (full && /^\p{L}/u.test(next)));
}

/** `text[start, end)`. */
function sliceOf(text: string, start: number, end: number): string {
  return text.slice(start, end);
}

function addParagraph(text: string, block: Span[], split: SentenceSplitter, slice: typeof sliceOf, earlier: ParagraphSplits | undefined, paragraphs: Paragraph[], lines: Line[], sentences: Sentence[]): void {
  const paragraphIndex = paragraphs.length;
  const firstLine = lines.length;
  const firstSentence = sentences.length;
  // Sentences come in text order, so those starting on one line are a run of indices: counted here.
  const startingOn = int32Array(block.length);
  // The segmenter ends a sentence at every line break except a wrapped line's; the wraps it
  // cannot see (a blank line between, a break before a capital at a fixed width) are joined here.
  const lineTexts = block.map((raw) => slice(text, raw.start, raw.end));
  let lineOffset = 0;
  const start = block[0]!.start;
  const end = block[block.length - 1]!.end;
  const spans = earlier?.sentencesOf(text, start, end) ?? joinWraps(text, block, lineTexts, split(text, start, end));
  for (const span of spans) {
    lineOffset = lineOf(block, span.start, lineOffset);
    startingOn[lineOffset]!++;
    const line = block[lineOffset]!;
    // A line that is one sentence shares its text with it: a string less per line.
    const whole = span.start === line.start && span.end === line.end;
    const sentenceText = whole ? lineTexts[lineOffset]! : span.end <= line.end ? lineTexts[lineOffset]!.slice(span.start - line.start, span.end - line.start) : slice(text, span.start, span.end);
    sentences.push(new ParsedSentence(sentences.length, span.start, span.end, sentenceText, firstLine + lineOffset, paragraphIndex));
  }
  let next = firstSentence;
  for (let offset = 0; offset < block.length; offset++) {
    lines.push(new ParsedLine(lines.length, block[offset]!.start, block[offset]!.end, lineTexts[offset]!, paragraphIndex, next, startingOn[offset]!));
    next += startingOn[offset]!;
  }
  paragraphs.push({
    index: paragraphIndex,
    span: { start, end },
    firstLine,
    lineCount: lines.length - firstLine,
    firstSentence,
    sentenceCount: sentences.length - firstSentence,
  });
}

/**
 * A piece of the parse (a line, a sentence) that holds its bounds as two numbers and makes its
 * span when asked: one object a piece, not two (a text of ten million short lines held ten
 * million spans besides its lines).
 */
abstract class ParsedPiece {
  readonly #start: number;
  readonly #end: number;

  constructor(start: number, end: number) {
    this.#start = start;
    this.#end = end;
  }

  get span(): Span {
    return { start: this.#start, end: this.#end };
  }
}

/** A {@link Line} of the parse (see {@link ParsedPiece}). */
class ParsedLine extends ParsedPiece implements Line {
  constructor(
    readonly index: number,
    start: number,
    end: number,
    readonly text: string,
    readonly paragraph: number,
    readonly firstSentence: number,
    readonly sentenceCount: number,
  ) {
    super(start, end);
  }

  /** The plain shape of a {@link Line}, for `JSON.stringify`. */
  toJSON(): Line {
    return { index: this.index, span: this.span, text: this.text, paragraph: this.paragraph, firstSentence: this.firstSentence, sentenceCount: this.sentenceCount };
  }
}

/** A {@link Sentence} of the parse (see {@link ParsedPiece}). */
class ParsedSentence extends ParsedPiece implements Sentence {
  constructor(
    readonly index: number,
    start: number,
    end: number,
    readonly text: string,
    readonly line: number,
    readonly paragraph: number,
  ) {
    super(start, end);
  }

  /** The plain shape of a {@link Sentence}, for `JSON.stringify`. */
  toJSON(): Sentence {
    return { index: this.index, span: this.span, text: this.text, line: this.line, paragraph: this.paragraph };
  }
}

/**
 * `spans`, the sentences of `block` (whose texts are `lineTexts`), with each sentence that ends at the end of a line that runs on
 * into the next (see {@link wraps}: at a fixed width, or across a blank line) joined to the one
 * starting the next line.
 */
function joinWraps(text: string, block: readonly Span[], lineTexts: readonly string[], spans: readonly Span[]): readonly Span[] {
  const width = wrapWidth(block);
  const runsOn = new Set<number>();
  for (let i = 0; i + 1 < block.length; i++) {
    const line = block[i]!;
    const next = block[i + 1]!;
    const full = width > 0 && line.end - line.start >= width * FULL_LINE_SHARE;
    if (wraps(lineTexts[i]!, lineTexts[i + 1]!, full) || linkRunsOn(text, line, next, () => block[i + 2])) runsOn.add(next.start);
  }
  if (runsOn.size === 0) return spans;
  const joined: Span[] = [];
  for (const span of spans) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && runsOn.has(span.start) && /^\s*$/u.test(text.slice(previous.end, span.start))) joined[joined.length - 1] = { start: previous.start, end: span.end };
    else joined.push(span);
  }
  return joined;
}

/** Lines a block needs before the width it is wrapped at can be told. */
const MIN_WRAPPED_LINES = 3;

/** The share of a block's widest line that a line wrapped at that width fills, at the least. */
const FULL_LINE_SHARE = 0.75;

/**
 * The width a block of lines was hard-wrapped at, or 0 when it was not: its widest line (of
 * {@link MIN_WRAPPED_LINE} characters or more), when all lines but the last, bar one in three,
 * fill at least {@link FULL_LINE_SHARE} of it. Prose wrapped so breaks lines mid-sentence before any
 * word ("... ist sehr praxisorientiert und" / "schließt mit der Prüfung ... ab. Der" / "Prüfung vor
 * einer ..."), in German before capitalised nouns too.
 */
function wrapWidth(block: readonly Span[]): number {
  if (block.length < MIN_WRAPPED_LINES) return 0;
  let widest = 0;
  for (const line of block) widest = Math.max(widest, line.end - line.start);
  if (widest < MIN_WRAPPED_LINE) return 0;
  let full = 0;
  for (let i = 0; i + 1 < block.length; i++) if (block[i]!.end - block[i]!.start >= widest * FULL_LINE_SHARE) full++;
  return full * 3 >= (block.length - 1) * 2 ? widest : 0;
}

function lineOf(block: readonly Span[], offset: number, from: number): number {
  let i = from;
  while (i + 1 < block.length && block[i + 1]!.start <= offset) i++;
  return i;
}

/** The line ending used most, given how many times each is used. */
function dominantLineEnding(crlf: number, cr: number, lf: number): string {
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/**
 * The sentences of the paragraphs of a parse, by the paragraph's text (see {@link paragraphSplits}).
 * A paragraph's sentences depend on its text alone (its lines, their wraps, the segmenter's reading
 * of them), so a later parse that meets the same text can take them from here.
 */
export interface ParagraphSplits {
  /**
   * The sentences of the paragraph `text[start, end)` when the earlier parse held a paragraph of
   * that text, moved to `start`; `undefined` otherwise.
   */
  sentencesOf(text: string, start: number, end: number): readonly Span[] | undefined;
}

/**
 * The {@link ParagraphSplits} of `document`: what {@link parseDocument} reuses when it parses
 * the text that `document` becomes once a reading's removals are cut out. Most paragraphs come
 * through a reading unchanged, and splitting them again was about half of the parse.
 */
export function paragraphSplits(document: Document): ParagraphSplits {
  const { text, paragraphs, sentences } = document;
  // Per paragraph met first with its text, its sentences' bounds from its start, in one array.
  const byText = new Map<string, number>();
  const firsts: number[] = [];
  const counts: number[] = [];
  const bounds = int32Array(sentences.length * 2);
  let filled = 0;
  for (const paragraph of paragraphs) {
    const key = text.slice(paragraph.span.start, paragraph.span.end);
    if (byText.has(key)) continue;
    byText.set(key, firsts.length);
    firsts.push(filled);
    counts.push(paragraph.sentenceCount);
    for (let s = paragraph.firstSentence; s < paragraph.firstSentence + paragraph.sentenceCount; s++) {
      const { span } = sentences[s]!;
      bounds[filled++] = span.start - paragraph.span.start;
      bounds[filled++] = span.end - paragraph.span.start;
    }
  }
  return {
    sentencesOf(next, start, end) {
      const found = byText.get(next.slice(start, end));
      if (found === undefined) return undefined;
      const spans: Span[] = [];
      for (let i = firsts[found]!, last = i + 2 * counts[found]!; i < last; i += 2) spans.push({ start: start + bounds[i]!, end: start + bounds[i + 1]! });
      return spans;
    },
  };
}
