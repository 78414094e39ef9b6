/**
 * The block model of a page: a whole-page text dump is a sequence of blocks (paragraphs of
 * prose, lists, tables, menus, galleries, comment threads), and the article is a set of them, not
 * one run of lines. This module reads the lines of a document once and gives each line the
 * features the rules need (is it prose, does the page hold it twice, does its shape say what it
 * is), then groups consecutive lines into blocks and says what each block looks like.
 *
 * Nothing here knows what the article is about: the rules weigh blocks against the article's topic
 * (see `outside-article`). Everything here is shape, position and repetition, in any language.
 */
import type { Analysis } from './analysis.js';
import { groupBy } from './group.js';
import type { Document, Line } from './model.js';
import { lineShape } from './text.js';
import { hashWords, sameWords } from './tokens.js';

/** Words a line of prose has at the least. */
const MIN_PROSE_WORDS = 6;

/**
 * The stop-word share of a line of prose, against the document's: half of it. Applied only when
 * the document's own share is at least {@link MIN_DOCUMENT_STOPWORDS}, i.e. when the stop-word
 * list fits its language (Korean, with particles glued to words, has almost none).
 */
const PROSE_STOPWORD_RATIO = 0.5;

/** See {@link PROSE_STOPWORD_RATIO}. */
const MIN_DOCUMENT_STOPWORDS = 0.1;

/** Non-prose lines on each side of a sentence for it to stand isolated. */
const ISOLATING_GAP = 2;

/** A sentence ending: terminal punctuation, possibly followed by closing quotes or brackets. */
export const SENTENCE_END = /[.!?。！？…]["'”’»)\]」』]*$/u;

/** One line of the page, with what the rules read of it. */
export interface PageLine {
  readonly line: Line;
  /** Its position in {@link PageModel.lines}. */
  readonly position: number;
  readonly words: number;
  /** A line of running text: see {@link MIN_PROSE_WORDS}, {@link SENTENCE_END}, {@link PROSE_STOPWORD_RATIO}. */
  readonly prose: boolean;
  /** Prose standing alone between stretches of short lines, as teasers and comments are laid out. */
  readonly isolated: boolean;
  /** The page holds this line again, outside the line's own block (a repeated label, a second menu). */
  readonly repeated: boolean;
}

/** What a block looks like. */
export type BlockKind = 'prose' | 'heading' | 'list';

/** Consecutive lines of one kind: a run of prose, or a run of short lines (a list, a menu, a heading). */
export interface Block {
  /** Its position in {@link PageModel.blocks}. */
  readonly index: number;
  /** Positions in {@link PageModel.lines}, both inclusive. */
  readonly from: number;
  readonly to: number;
  readonly kind: BlockKind;
  /** The share of its lines that have its commonest {@link lineShape}: near 1 for a list or table of one pattern. */
  readonly parallel: number;
}

/** The lines of a page, and the blocks they form. */
export interface PageModel {
  readonly lines: readonly PageLine[];
  readonly blocks: readonly Block[];
  /** Per line position, the index of its block. */
  readonly blockOf: readonly number[];
}

/** Lines a heading block has at the most. */
const MAX_HEADING_LINES = 2;

/**
 * The block model of `document`, leaving out the line at `skip` (the headline's own line, which
 * is no part of the page around the article).
 */
export function pageModel(document: Document, analysis: Analysis, skip?: number): PageModel {
  const lines = document.lines.filter((line) => line.index !== skip);
  const documentShare = analysis.stopwordShare(lines);
  const minStopwords = documentShare >= MIN_DOCUMENT_STOPWORDS ? documentShare * PROSE_STOPWORD_RATIO : 0;
  const flowing = flowingLines(document);
  const prose = lines.map((line) => isProse(analysis, line, minStopwords, flowing));
  const isolated = isolate(prose);
  const blocks: Block[] = [];
  const blockOf: number[] = [];
  let from = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && prose[i] === prose[i - 1]) continue;
    const size = i - from;
    const kind = prose[from] ? 'prose' : size <= MAX_HEADING_LINES ? 'heading' : 'list';
    blocks.push({ index: blocks.length, from, to: i - 1, kind, parallel: commonestShare(lines.slice(from, i).map((line) => lineShape(line.text))) });
    for (let j = from; j < i; j++) blockOf.push(blocks.length - 1);
    from = i;
  }
  const repeated = repeatedKeys(analysis, lines, blockOf);
  const described = lines.map((line, i) => ({
    line,
    position: i,
    words: analysis.wordCount(line),
    prose: prose[i]!,
    isolated: isolated[i]!,
    repeated: repeated[i]!,
  }));
  return { lines: described, blocks, blockOf };
}

/** The share of `items` that are the commonest of them. */
function commonestShare(items: readonly string[]): number {
  let most = 0;
  for (const group of groupBy(items, (item) => item).values()) most = Math.max(most, group.length);
  return items.length === 0 ? 0 : most / items.length;
}

/**
 * A line of running text: long enough, ending a sentence (or holding two, or part of a sentence
 * that runs on across lines), with stop words.
 */
function isProse(analysis: Analysis, line: Line, minStopwords: number, flowing: ReadonlySet<number>): boolean {
  if (analysis.wordCount(line) < MIN_PROSE_WORDS) return false;
  if (!SENTENCE_END.test(line.text) && line.sentences.length < 2 && !flowing.has(line.index)) return false;
  return analysis.stopwordShare(line) >= minStopwords;
}

/**
 * The indices of the lines that a sentence runs across: hard-wrapped prose, whose lines stop
 * mid-sentence ("Decorators in Python enable you to modify the behavior of existing" /
 * "functions without changing ...").
 */
function flowingLines(document: Document): Set<number> {
  const flowing = new Set<number>();
  for (const sentence of document.sentences) {
    let last = sentence.line;
    while (last + 1 < document.lines.length && document.lines[last + 1]!.span.start < sentence.span.end) last++;
    if (last > sentence.line) for (let i = sentence.line; i <= last; i++) flowing.add(i);
  }
  return flowing;
}

/**
 * Marks the prose lines with at least {@link ISOLATING_GAP} non-prose lines on both sides (or
 * the text's end): "Kaylee McGhee" / "Tuesday November 19, 2019" / summary / next headline.
 */
function isolate(prose: readonly boolean[]): boolean[] {
  const gapBefore: number[] = [];
  let gap = Infinity;
  for (const isProseLine of prose) {
    gapBefore.push(gap);
    gap = isProseLine ? 0 : gap + 1;
  }
  const isolated = new Array<boolean>(prose.length);
  gap = Infinity;
  for (let i = prose.length - 1; i >= 0; i--) {
    isolated[i] = prose[i]! && gapBefore[i]! >= ISOLATING_GAP && gap >= ISOLATING_GAP;
    gap = prose[i] ? 0 : gap + 1;
  }
  return isolated;
}

/**
 * Per line, whether a line of another block has the same comparison key: a label or menu the
 * page prints twice. Copies inside one block (the unit "g" on every row of a recipe's table of
 * ingredients) are the block's own pattern, not repetition. Lines are grouped by a hash of their
 * keys' words, and only lines of one group are compared: no key is spelled out.
 */
function repeatedKeys(analysis: Analysis, lines: readonly Line[], blockOf: readonly number[]): boolean[] {
  const byHash = groupBy(lines.map((_, i) => i), (i) => hashWords(analysis.keyWords(lines[i]!)));
  const repeated = new Array<boolean>(lines.length).fill(false);
  for (const group of byHash.values()) {
    if (group.length < 2) continue;
    // Lines of one hash, split by key: nearly always a single key.
    const kinds: number[][] = [];
    for (const i of group) {
      const words = analysis.keyWords(lines[i]!);
      const kind = kinds.find((same) => sameWords(analysis.keyWords(lines[same[0]!]!), words));
      if (kind) kind.push(i);
      else kinds.push([i]);
    }
    for (const kind of kinds) {
      if (kind.length < 2) continue;
      const first = blockOf[kind[0]!];
      if (kind.every((i) => blockOf[i] === first)) continue;
      for (const i of kind) repeated[i] = true;
    }
  }
  return repeated;
}
