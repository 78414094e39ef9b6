/**
 * The document model: the text is parsed once into paragraphs, lines and sentences, each carrying
 * character offsets (UTF-16 code units, as JavaScript strings index) into the original text.
 * Cleaners read this model; they never edit it.
 */

/** A half-open character range `[start, end)` of the original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One sentence, as found by the segmenter, with surrounding whitespace excluded. */
export interface Sentence {
  /** Position in {@link Document.sentences}. */
  readonly index: number;
  readonly span: Span;
  readonly text: string;
  /** Index of the line the sentence starts on, in {@link Document.lines}. */
  readonly line: number;
  /** Index of the paragraph holding the sentence, in {@link Document.paragraphs}. */
  readonly paragraph: number;
}

/** One non-blank line, trimmed of surrounding whitespace. */
export interface Line {
  readonly index: number;
  readonly span: Span;
  readonly text: string;
  readonly paragraph: number;
  /**
   * The sentences that start on this line: `sentenceCount` of them from `firstSentence` on, in
   * {@link Document.sentences}. Two numbers, not an array: a text of ten million short lines held
   * ten million arrays of one number.
   */
  readonly firstSentence: number;
  readonly sentenceCount: number;
}

/** A run of non-blank lines between blank lines. */
export interface Paragraph {
  readonly index: number;
  readonly span: Span;
  /** Its lines: `lineCount` of them from `firstLine` on, in {@link Document.lines}. */
  readonly firstLine: number;
  readonly lineCount: number;
  /** Its sentences: `sentenceCount` of them from `firstSentence` on, in {@link Document.sentences}. */
  readonly firstSentence: number;
  readonly sentenceCount: number;
}

/** The parsed text. */
export interface Document {
  readonly text: string;
  /** The line ending the text uses most (`\n`, `\r\n` or `\r`); the output keeps it. */
  readonly eol: string;
  readonly paragraphs: readonly Paragraph[];
  readonly lines: readonly Line[];
  readonly sentences: readonly Sentence[];
}

/** What a rule asks to delete, and why (the pipeline adds the rule's id: see {@link Removal}). */
export interface Finding {
  /** Why, in a few words: "repeats the sentence at 3:1". */
  readonly reason: string;
  /** What to delete. */
  readonly span: Span;
  /** The text this finding relates to: the sentence it duplicates, the title it repeats. */
  readonly related?: Span;
}

/** A deletion, with the rule that asked for it and the reason a person can read. */
export interface Removal extends Finding {
  /** The id of the rule that asked for it, e.g. `near-duplicate`. */
  readonly rule: string;
}

/** The headline of the document, as detected once and shared by the cleaners. */
export interface Title {
  /** The line holding the first copy of the headline. */
  readonly line: number;
  readonly span: Span;
  readonly text: string;
}
