/**
 * Parses text once into the {@link Document} model. Paragraphs are runs of non-blank lines; a line
 * is a block of its own (scrapers put one block per line), except where the segmenter reads it as
 * hard-wrapped prose ("the talks could\nnarrow those differences"): then sentences flow across it.
 */
import type { Document, Line, Paragraph, Sentence, Span } from './model.js';
import { sentenceSplitter, type SentenceSplitter } from './segment.js';
import { trimSpan } from './text.js';

const LINE_BREAK = /\r\n|\r|\n/g;

/** Parses `text` into paragraphs, lines and sentences with offsets into `text`. */
export function parseDocument(text: string): Document {
  const { bounds, eol } = splitLines(text);
  const lines: Line[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  // Repeats are looked for sentence by sentence, and a pull quote repeats one sentence of a quotation.
  const split = sentenceSplitter({ splitQuotations: true });
  let block: Span[] = [];
  const flush = (): void => {
    if (block.length > 0) addParagraph(text, block, split, paragraphs, lines, sentences);
    block = [];
  };
  for (let i = 0; i < bounds.length; i += 2) {
    const trimmed = trimSpan(text, { start: bounds[i]!, end: bounds[i + 1]! });
    if (trimmed.end > trimmed.start) block.push(trimmed);
    else flush();
  }
  flush();
  return { text, eol, paragraphs, lines, sentences };
}

/**
 * The lines of `text` as a flat list of bounds (`start, end` of each line, line breaks excluded),
 * and its dominant line ending. Numbers, not an object per line: a text of ten million short
 * lines would otherwise hold ten million objects that live only through the parse.
 */
function splitLines(text: string): { bounds: number[]; eol: string } {
  const bounds: number[] = [];
  let start = 0;
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    bounds.push(start, match.index);
    start = match.index + match[0].length;
    if (match[0] === '\r\n') crlf++;
    else if (match[0] === '\r') cr++;
    else lf++;
  }
  bounds.push(start, text.length);
  return { bounds, eol: dominantLineEnding(crlf, cr, lf) };
}

function addParagraph(text: string, block: Span[], split: SentenceSplitter, paragraphs: Paragraph[], lines: Line[], sentences: Sentence[]): void {
  const paragraphIndex = paragraphs.length;
  const firstLine = lines.length;
  const firstSentence = sentences.length;
  // Sentences come in text order, so those starting on one line are a run of indices: counted
  // here, made into an array of their exact size below.
  const startingOn = new Int32Array(block.length);
  // The segmenter ends a sentence at every line break except a wrapped line's.
  let lineOffset = 0;
  for (const span of split(text, block[0]!.start, block[block.length - 1]!.end)) {
    lineOffset = lineOf(block, span.start, lineOffset);
    startingOn[lineOffset]!++;
    const line = block[lineOffset]!;
    // A line that is one sentence shares its span object with it: one object less per line.
    const shared = span.start === line.start && span.end === line.end ? line : span;
    sentences.push({ index: sentences.length, span: shared, text: text.slice(span.start, span.end), line: firstLine + lineOffset, paragraph: paragraphIndex });
  }
  let next = firstSentence;
  block.forEach((raw, offset) => {
    lines.push({ index: lines.length, span: raw, text: text.slice(raw.start, raw.end), paragraph: paragraphIndex, sentences: range(next, next + startingOn[offset]!) });
    next += startingOn[offset]!;
  });
  const span: Span = { start: block[0]!.start, end: block[block.length - 1]!.end };
  paragraphs.push({
    index: paragraphIndex,
    span,
    lines: range(firstLine, lines.length),
    sentences: range(firstSentence, sentences.length),
  });
}

function lineOf(block: readonly Span[], offset: number, from: number): number {
  let i = from;
  while (i + 1 < block.length && block[i + 1]!.start <= offset) i++;
  return i;
}

/** Most lines start no sentence or one: they share one empty array, or hold one of a single number. */
const NONE: readonly number[] = [];

/**
 * The numbers from `from` to `to` (excluded). An array grown by `push` from empty reserves 17
 * slots: with one per line, that was nearly half the memory of a parsed text of short lines.
 */
function range(from: number, to: number): readonly number[] {
  if (to <= from) return NONE;
  if (to === from + 1) return [from];
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The line ending used most, given how many times each is used. */
function dominantLineEnding(crlf: number, cr: number, lf: number): string {
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}
