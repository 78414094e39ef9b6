/**
 * Parses text once into the {@link Document} model. Paragraphs are runs of non-blank lines; a line
 * is a block of its own (scrapers put one block per line), except where the segmenter reads it as
 * hard-wrapped prose ("the talks could\nnarrow those differences"): then sentences flow across it.
 */
import type { Document, Line, Paragraph, Sentence, Span } from './model.js';
import { sentenceSplitter, type SentenceSplitter } from './segment.js';
import { trimSpan } from './text.js';

const LINE_BREAK = /\r\n|\r|\n/g;

interface RawLine {
  readonly start: number;
  readonly end: number;
}

/** Parses `text` into paragraphs, lines and sentences with offsets into `text`. */
export function parseDocument(text: string): Document {
  const { rawLines, eol } = splitLines(text);
  const lines: Line[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  // Repeats are looked for sentence by sentence, and a pull quote repeats one sentence of a quotation.
  const split = sentenceSplitter({ splitQuotations: true });
  let block: RawLine[] = [];
  const flush = (): void => {
    if (block.length > 0) addParagraph(text, block, split, paragraphs, lines, sentences);
    block = [];
  };
  for (const raw of rawLines) {
    const trimmed = trimSpan(text, raw);
    if (trimmed.end > trimmed.start) block.push(trimmed);
    else flush();
  }
  flush();
  return { text, eol, paragraphs, lines, sentences };
}

/** The lines of `text`, and its dominant line ending. */
function splitLines(text: string): { rawLines: RawLine[]; eol: string } {
  const rawLines: RawLine[] = [];
  let start = 0;
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    rawLines.push({ start, end: match.index });
    start = match.index + match[0].length;
    if (match[0] === '\r\n') crlf++;
    else if (match[0] === '\r') cr++;
    else lf++;
  }
  rawLines.push({ start, end: text.length });
  return { rawLines, eol: dominantLineEnding(crlf, cr, lf) };
}

function addParagraph(text: string, block: RawLine[], split: SentenceSplitter, paragraphs: Paragraph[], lines: Line[], sentences: Sentence[]): void {
  const paragraphIndex = paragraphs.length;
  const firstLine = lines.length;
  const firstSentence = sentences.length;
  const lineSentences: number[][] = block.map(() => []);
  // The segmenter ends a sentence at every line break except a wrapped line's.
  let lineOffset = 0;
  for (const span of split(text, block[0]!.start, block[block.length - 1]!.end)) {
    lineOffset = lineOf(block, span.start, lineOffset);
    lineSentences[lineOffset]!.push(sentences.length);
    sentences.push({ index: sentences.length, span, text: text.slice(span.start, span.end), line: firstLine + lineOffset, paragraph: paragraphIndex });
  }
  block.forEach((raw, offset) => {
    lines.push({ index: lines.length, span: raw, text: text.slice(raw.start, raw.end), paragraph: paragraphIndex, sentences: lineSentences[offset]! });
  });
  const span: Span = { start: block[0]!.start, end: block[block.length - 1]!.end };
  paragraphs.push({
    index: paragraphIndex,
    span,
    lines: block.map((_, offset) => firstLine + offset),
    sentences: range(firstSentence, sentences.length),
  });
}

function lineOf(block: RawLine[], offset: number, from: number): number {
  let i = from;
  while (i + 1 < block.length && block[i + 1]!.start <= offset) i++;
  return i;
}

function range(from: number, to: number): number[] {
  const numbers: number[] = [];
  for (let i = from; i < to; i++) numbers.push(i);
  return numbers;
}

/** The line ending used most, given how many times each is used. */
function dominantLineEnding(crlf: number, cr: number, lf: number): string {
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}
