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
import type { Document, Line } from './model.js';
import { endsSentence, hasProseWords } from './predicates.js';
import { hasLetter, holdsAsciiDigit, isAscii, lineShape } from './text.js';
import { hashWords, sameWords } from './tokens.js';
import { int32Array, uint8Array } from './arrays.js';

/**
 * The stop-word share of a line of prose, against the document's: half of it. Applied only when
 * the document's own share is at least {@link MIN_DOCUMENT_STOPWORDS}, i.e. when the stop-word
 * list fits its language (Korean, with particles glued to words, has almost none).
 */
const PROSE_STOPWORD_RATIO = 0.5;

/** See {@link PROSE_STOPWORD_RATIO}. */
const MIN_DOCUMENT_STOPWORDS = 0.1;

/**
 * Non-prose lines on each side of a sentence for it to stand isolated: one is enough, a summary
 * under its headline and over the next story's ("Ferry timetable changes" / summary / "New cycle
 * path opens" / summary); the paragraphs of an article touch each other, or a subheading's
 * paragraph touches the next.
 */
const ISOLATING_GAP = 1;

/** One line of the page, with what the rules read of it. */
export interface PageLine {
  readonly line: Line;
  /** Its position in {@link PageModel.lines}. */
  readonly position: number;
  readonly words: number;
  /** A line of running text: see {@link isProse}, {@link PROSE_STOPWORD_RATIO}. */
  readonly prose: boolean;
  /** Prose standing alone between stretches of short lines, as teasers and comments are laid out. */
  readonly isolated: boolean;
  /** The page holds this line again, outside the line's own block (a repeated label, a second menu). */
  readonly repeated: boolean;
  /** How many lines of the page have its comparison key, itself included. */
  readonly copies: number;
  /** What the line's shape says it is, when it says something (see {@link LineSign}). */
  readonly sign: LineSign | undefined;
}

/**
 * What a short line's shape says, in any language: `date` a date or time ("14. Juni 2013 at
 * 20:51", "2019-11-20", "November 20, 2019"), `counter` a number an interface counts ("12
 * comments", "Kommentare (8)"), `slide` the position in a gallery ("3/12", "3 of 12", "Bild 3 von
 * 12"), `credit` a copyright or a source credit ("© Mila Hacke", "Foto: Privat"), `intro` a line
 * that ends in a colon and introduces what follows, `step` the number of a step in a numbered
 * sequence ("1." ... "2." ... "3.", see {@link numberedSteps}).
 */
export type LineSign = 'date' | 'counter' | 'slide' | 'credit' | 'intro' | 'step';

/** The signs by their code in a page's array of signs: 0 is a line whose shape says nothing. */
const SIGNS: readonly (LineSign | undefined)[] = [undefined, 'date', 'counter', 'slide', 'credit', 'intro', 'step'];

/** The code of `sign` in a page's array of signs (see {@link SIGNS}). */
function signCode(sign: LineSign | undefined): number {
  return SIGNS.indexOf(sign);
}

/**
 * Per line of a page, a yes (1) or a no (0): a byte a line, where an array of booleans takes eight
 * (a page of ten million short lines holds a dozen of these).
 */
type LineFlags = Uint8Array;

/**
 * What a block looks like: `prose` paragraphs; `heading` one or two short lines; `menu` many
 * short lines of a word or two (links); `table` rows of numbers or "label: value" pairs; `list`
 * any other run of short lines; `gallery` a run holding a slide counter ("3/12"); `comments` the
 * lines of a comment thread (see {@link commentThreads}); `teasers` a list of other stories, each a
 * sentence of summary under a headline or a few short lines (see {@link teaserLists}).
 */
export type BlockKind = 'prose' | 'heading' | 'list' | 'menu' | 'table' | 'code' | 'gallery' | 'comments' | 'teasers';

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

/** A run of lines, by position in {@link PageModel.lines}, both inclusive. */
interface LineRange {
  readonly from: number;
  readonly to: number;
}

/** The lines of a page, and the blocks they form. */
export interface PageModel {
  readonly lines: readonly PageLine[];
  readonly blocks: readonly Block[];
  /** The page's galleries: runs of slides numbered in order ("1/6", "2/6", ...) with their captions. */
  readonly galleries: readonly LineRange[];
  /** Per line position, the index of its block. */
  readonly blockOf: Readonly<Int32Array>;
  /** Positions, ascending, of the subheadings that a table of contents on the page names (see {@link namedHeadings}). */
  readonly headings: readonly number[];
  /** The stop-word share from which a line's words are those of prose on this page (see {@link PROSE_STOPWORD_RATIO}). */
  readonly proseStopwords: number;
}

/** Lines per paragraph, on average, from which a text's blank lines separate blocks. */
const MIN_LINES_PER_PARAGRAPH = 1.5;

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
  const prose = flagLines(lines, (line) => isProse(analysis, line, minStopwords, flowing));
  const words = int32Array(lines.length);
  const signs = uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    words[i] = analysis.wordCount(lines[i]!);
    if (prose[i] === 0) signs[i] = signCode(lineSign(lines[i]!.text, words[i]!));
  }
  const galleries = [...findGalleries(lines), ...datedSlides(lines, signs, prose)];
  const isolated = isolate(prose);
  // A caption between a gallery's slide numbers is laid out as a teaser is, and is none.
  const inGallery: LineFlags = uint8Array(lines.length);
  for (const gallery of galleries) {
    inGallery.fill(1, gallery.from, gallery.to + 1);
    isolated.fill(0, gallery.from, gallery.to + 1);
  }
  const blocks: Block[] = [];
  const blockOf = int32Array(lines.length);
  let from = 0;
  // The text of a numbered step stands between two numbers ("1." / text / "2." / text), as a
  // teaser's summary stands between headlines: it is part of an ordered list, not isolated.
  const steps = numberedSteps(lines);
  for (const step of steps) {
    signs[step.at] = signCode('step');
    isolated.fill(0, step.at + 1, step.next);
  }
  // So does a tutorial's sentence between two pieces of its code.
  const code = flagLines(lines, (line, i) => prose[i] === 0 && isCode(line.text));
  for (let i = 0; i < lines.length; i++) if (code[i - 1] === 1 || code[i + 1] === 1) isolated[i] = 0;
  const threads = commentThreads(prose, signs, words, lines, inGallery);
  const teasers = teaserLists(prose, isolated, threads);
  // A text that groups lines into paragraphs (most dumps set each line apart) says where blocks end.
  const grouped = lines.length >= document.paragraphs.length * MIN_LINES_PER_PARAGRAPH;
  for (let i = 1; i <= lines.length; i++) {
    const sameParagraph = !grouped || lines[i]?.paragraph === lines[i - 1]!.paragraph;
    if (i < lines.length && sameParagraph && prose[i] === prose[i - 1] && threads[i] === threads[i - 1] && teasers[i] === teasers[i - 1] && inGallery[i] === inGallery[i - 1]) continue;
    const short = !threads[from] && !teasers[from] && !prose[from] && !inGallery[from];
    // A run of short lines may be two blocks that touch: the article's list and the page's footer.
    const at = short ? shapeBreak(words, from, i) : undefined;
    const parts: Array<[number, number]> = at === undefined ? [[from, i]] : [[from, at], [at, i]];
    for (const [start, end] of parts) {
      const kind = threads[start] ? 'comments' : teasers[start] ? 'teasers' : prose[start] ? 'prose' : inGallery[start] ? 'gallery' : shortBlockKind(analysis, lines, start, end, words, code);
      blockOf.fill(blocks.length, start, end);
      blocks.push(new PageBlock(lines, blocks.length, start, end - 1, kind));
    }
    from = i;
  }
  const { repeated, copies, nextCopy, keyStarts } = repeatedKeys(analysis, lines, blockOf);
  // "3." is a step's number, not a label the page prints again because a quantity reads "3".
  for (const step of steps) repeated[step.at] = 0;
  // A subheading that the page's table of contents names is the article's heading, not a label.
  const headings = namedHeadings(nextCopy, copies, prose, blockOf);
  for (const i of headings) repeated[i] = 0;
  const titleLine = skip === undefined ? undefined : document.lines[skip];
  for (const i of restatedHeadlines(analysis, lines, prose, words, keyStarts, titleLine)) repeated[i] = 1;
  const facts: LineFacts = { lines, words, prose, isolated, repeated, copies, signs };
  const described = lines.map((_, i) => new PageLineView(facts, i));
  return { lines: described, blocks, blockOf, galleries, headings: headings.sort((a, b) => a - b), proseStopwords: minStopwords };
}

/** Lines each side of a {@link shapeBreak} holds at the least. */
const MIN_SHAPE_LINES = 5;

/** How many times longer, in words per line, the lines above a {@link shapeBreak} are than those below it, at the least. */
const MIN_SHAPE_RATIO = 3;

/**
 * Where a run of short lines `[from, to)` changes shape, if it does: the line from which its mean
 * words per line fall most below those before it, by {@link MIN_SHAPE_RATIO} at the least, with
 * {@link MIN_SHAPE_LINES} lines on each side. Nothing but line length sets a wiki's own list of
 * steps ("die linke Hand greifen" / "von da an wie oben") apart from the footer of one-word
 * links under it ("Edit" / "Tags" / "History"), when no blank line does.
 */
function shapeBreak(words: Readonly<Int32Array>, from: number, to: number): number | undefined {
  if (to - from < 2 * MIN_SHAPE_LINES) return undefined;
  let total = 0;
  for (let i = from; i < to; i++) total += words[i]!;
  let before = 0;
  let best: number | undefined;
  let bestRatio = MIN_SHAPE_RATIO;
  for (let at = from + 1; at < to; at++) {
    before += words[at - 1]!;
    if (at - from < MIN_SHAPE_LINES || to - at < MIN_SHAPE_LINES) continue;
    const above = before / (at - from);
    const below = (total - before) / (to - at);
    const ratio = above / Math.max(below, 1);
    if (ratio >= bestRatio) {
      best = at;
      bestRatio = ratio;
    }
  }
  return best;
}

/**
 * A {@link Block} whose {@link Block.parallel} share is worked out when first read: the rules read
 * it of a few blocks (the one under the article, a list that a sentence introduces), and the
 * shape of every line of every block (long lines of prose most of all) was 3% of a clean's time.
 */
class PageBlock implements Block {
  private parallelShare: number | undefined;

  constructor(
    private readonly lines: readonly Line[],
    readonly index: number,
    readonly from: number,
    readonly to: number,
    readonly kind: BlockKind,
  ) {}

  get parallel(): number {
    return (this.parallelShare ??= commonestShare(this.lines.slice(this.from, this.to + 1), (line) => lineShape(line.text)));
  }
}

/** Per line of `lines`, whether `test` holds for it (see {@link LineFlags}). */
function flagLines(lines: readonly Line[], test: (line: Line, i: number) => boolean): LineFlags {
  const flags: LineFlags = uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) if (test(lines[i]!, i)) flags[i] = 1;
  return flags;
}

/** What the page knows of each of its lines, a typed array per fact, read by its {@link PageLineView}s. */
interface LineFacts {
  readonly lines: readonly Line[];
  readonly words: Readonly<Int32Array>;
  readonly prose: Readonly<LineFlags>;
  readonly isolated: Readonly<LineFlags>;
  readonly repeated: Readonly<LineFlags>;
  readonly copies: Readonly<Int32Array>;
  /** Codes of {@link SIGNS}. */
  readonly signs: Readonly<Uint8Array>;
}

/**
 * A {@link PageLine} that reads its facts from the page's arrays: an object of two fields per
 * line, not of eight holding copies of them (ten million one-character lines peaked 0.5 GB lower).
 */
class PageLineView implements PageLine {
  constructor(
    private readonly facts: LineFacts,
    readonly position: number,
  ) {}

  get line(): Line {
    return this.facts.lines[this.position]!;
  }

  get words(): number {
    return this.facts.words[this.position]!;
  }

  get prose(): boolean {
    return this.facts.prose[this.position] === 1;
  }

  get isolated(): boolean {
    return this.facts.isolated[this.position] === 1;
  }

  get repeated(): boolean {
    return this.facts.repeated[this.position] === 1;
  }

  get copies(): number {
    return this.facts.copies[this.position]!;
  }

  get sign(): LineSign | undefined {
    return SIGNS[this.facts.signs[this.position]!];
  }
}

/** The most words (numbers count, a date is several) a line that is a date, counter, slide number or credit has. */
const MAX_SIGN_WORDS = 12;

/** A date: "14.06.2013", "2019-11-20", "20/11/19", "14. Juni 2013", "November 20, 2019", "2019年11月20日"; or a time, "20:51". (A month's name is read from
 * the start of its word: tried from inside a word, the pattern went over every suffix of it.) */
const DATE = /(?:^|[^\p{N}])(?:\p{N}{1,2}[./-]\p{N}{1,2}[./-](?:\p{N}{4}|\p{N}{2})|\p{N}{4}-\p{N}{2}-\p{N}{2}|\p{N}{1,2}:\p{N}{2}|\p{N}{1,2}\.?\s+\p{L}{3,}\.?,?\s+(?:19|20)\p{N}{2}|(?<!\p{L})\p{L}{3,}\.?\s+\p{N}{1,2}(?:\p{L}{2})?,?\s+(?:19|20)\p{N}{2}|\p{N}{4}\s*年\s*\p{N}{1,2}\s*月)(?:$|[^\p{N}])/u;

/**
 * What every match of {@link DATE} holds: a digit (or a character outside ASCII, which may be one)
 * right before a date's or a time's separator, a century ("19", "20") or "年". A short line holding
 * a number in none of these ways ("12 comments", "Share with 3 friends") is not tried from each of
 * its characters, which took several times longer.
 */
const DATE_MARK = /[0-9\u0080-\uffff][./:-]|19|20|年/;

/** A slide's position in a gallery: "3/12", "(3 / 12)", "3 of 12", "Bild 3 von 12": two numbers joined by a slash or a short word. */
const SLIDE = /^(?:\p{L}+\s+)?\(?\p{N}{1,3}\s*(?:\/|\p{L}{1,3})\s*\p{N}{1,3}\)?$/u;

/** A number an interface counts, with a word or two: "12 comments", "Kommentare (8)", "1.2K", "评论 (3)", "6% votes". (Each run of letters is
 * taken whole, the look-aheads: a word split between the two optional words was tried every way.) */
const COUNTER = /^(?:[\p{L}\p{M}]+(?![\p{L}\p{M}])\s*){0,2}[([%#+]?\s*\p{N}[\p{N}.,]*\s*[kKmM%]?[)\]]?(?:\s*[\p{L}\p{M}]+(?![\p{L}\p{M}])){0,2}$/u;

/**
 * A credit: a copyright sign, a word or two and a colon before a name ("Foto: Privat", "Image
 * credit: Reuters"), or names joined by slashes, a photographer and an agency ("Anna Berg/Bildagentur",
 * "DPA / Lutz Mahler").
 */
const CREDIT = /©|^\(?\p{L}+(?:\s\p{L}+)?\s*:\s*[\p{Lu}\p{N}@]|^\(?\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?\s?\/\s?\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?(?:\s?\/\s?\p{Lu}[\p{L}.-]*)*\)?$/u;

/**
 * The credit ending a picture's caption: a word or two and a colon before a name,
 * after a sentence's end or in brackets; a copyright sign and a name after the caption ("...
 * harbour | © Anna Berg"); an agency's short name in capitals after a sentence ("... at dawn. AFP");
 * a photographer and an agency joined by a slash after a sentence ("... at dawn. AGENCY/Anna Berg");
 * or the Creative Commons licence the picture is used under ("... Anna Berg, CC-BY-SA 4.0", "(CC0)").
 */
const CAPTION_CREDIT =
  /(?:[.!?]["'”’»“‘«]*\s*|\s\()\p{L}+(?:\s\p{L}+)?\s?:\s?[\p{Lu}\p{N}][^\s.!?:()]*(?:[\s/,-]+[\p{L}\p{N}][^\s!?:()]*){0,5}(?<![.,])\s?\)?$|\S\s?©\s?[\p{Lu}\p{N}][^©|.!?]{0,60}$|[.!?]\s+\p{Lu}{2,6}$|[.!?]\s+\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?\s?\/\s?\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?$|\bCC[- ]?(?:BY(?:[- ](?:SA|NC|ND))*|0)(?:\s?\d\.\d)?\)?$/u;

/**
 * True when `text` is a picture's caption that ends in its credit (see {@link CAPTION_CREDIT}):
 * "Gulls over the harbour at dawn. Photo: Anna Berg", "The new ferry on its first crossing (Bild:
 * Werft Nord)", "The harbour at dawn | © Anna Berg", "Gulls over the harbour at dawn. AFP". A
 * sentence that ends in a colon and a clause ("The answer: it works.") is none.
 */
export function endsInCredit(text: string): boolean {
  return mayEndInCredit(text) && CAPTION_CREDIT.test(text);
}

/**
 * A colon, a copyright sign, a slash or "CC": every match of {@link CAPTION_CREDIT} holds one, but
 * for an agency's name in capitals at the end.
 */
const CAPTION_CREDIT_MARK = /[:©/]|CC/;

/**
 * False when `text` cannot match {@link CAPTION_CREDIT}: it holds none of
 * {@link CAPTION_CREDIT_MARK}, and its last character is neither outside ASCII nor a capital (the
 * end of an agency's name, "AFP"). Most lines of prose end in a full stop and are not tried from
 * each of their characters.
 */
function mayEndInCredit(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return (last >= 0x41 && last <= 0x5a) || last > 0x7f || CAPTION_CREDIT_MARK.test(text);
}

/** A Creative Commons licence, by its name or its code ("CC BY-SA 4.0", "CC0"), the same in every language. */
const OPEN_LICENCE = /\bCreative[\s-]Commons\b|\bCC[- ]?(?:BY(?:[- ](?:SA|NC|ND))*|0)\b/u;

/** True when `text` names a Creative Commons licence (see {@link OPEN_LICENCE}). */
export function namesOpenLicence(text: string): boolean {
  return OPEN_LICENCE.test(text);
}

/** The social networks a page names when it says where to follow it: their names are the same in every language. */
const SOCIAL_NETWORK = /\b(?:facebook|twitter|instagram|youtube|whatsapp|linkedin|pinterest|tiktok|telegram|xing|tumblr|reddit|snapchat|mastodon|flickr|vimeo|bluesky)\b/giu;

/**
 * {@link SOCIAL_NETWORK}, to ask whether a line names one at all (most lines name none): without
 * the Unicode flag, which makes the engine try each name at each character several times slower
 * (the names are ASCII; only "ſ" and the Kelvin sign fold into them, as no network is written).
 */
const NAMES_SOCIAL_NETWORK = new RegExp(SOCIAL_NETWORK.source, 'i');

/** How many different social networks `text` names (see {@link SOCIAL_NETWORK}). */
export function socialNetworksNamed(text: string): number {
  if (!NAMES_SOCIAL_NETWORK.test(text)) return 0;
  const names = new Set<string>();
  for (const match of text.matchAll(SOCIAL_NETWORK)) names.add(match[0].toLowerCase());
  return names.size;
}

/**
 * The word for "comments" in major languages. A short line holding one heads, counts or closes a
 * comment section ("[ 167 comments ]", "Leave a comment", "Lascia un commento", "Комментарии",
 * "댓글", "Comments are closed."); it is never part of an article's text.
 */
const COMMENTS_WORD =
  /(?:^|[^\p{L}])(?:comments?|commentaires?|kommentare?|kommentarer|comentarios?|comentários?|commenti|commento|reacties|komentarze|komentáře|yorumlar|комментари[йяи]|комментарий|коментарі|コメント|댓글|评论|評論|留言)(?:$|[^\p{L}])/iu;

/**
 * A piece of every word of {@link COMMENTS_WORD}, with its flags ("ment" of "comments",
 * "komentáře" and "коментарі" alike): a line holding none holds no such word, and is not tried
 * from each of its characters (which took five times as long; the rules ask it of every short line).
 */
const COMMENTS_PIECE = /ment|eacti|orumlar|мент|コメント|댓글|评论|評論|留言/iu;

/** The most words a line heading, counting or closing a comment section has. */
const MAX_COMMENTS_LINE_WORDS = 6;

/**
 * True when a line of `words` words heads, counts or closes a comment section: a short line
 * holding the word for comments (see {@link COMMENTS_WORD}).
 */
export function headsComments(text: string, words: number): boolean {
  return words <= MAX_COMMENTS_LINE_WORDS && COMMENTS_PIECE.test(text) && COMMENTS_WORD.test(text);
}

/**
 * True when `text` introduces what follows: it ends in a colon. (Its last character, read
 * directly: a pattern anchored at the end is tried from every character of the line.)
 */
export function endsInColon(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3a || last === 0xff1a;
}

/** True when `text` ends on a sentence's or a label's punctuation, where a credit line ends on the name. */
function endsClause(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x2e || last === 0x21 || last === 0x3f || last === 0x3a;
}

/**
 * A character one of which every match of {@link CREDIT} holds (a copyright sign, a colon, a
 * slash): most short lines hold none, and need not be tried from each of their characters.
 */
const CREDIT_CHARACTER = /[©:/]/;

/** What a short line's shape says it is (see {@link LineSign}), if anything; `words` is its word count. */
export function lineSign(text: string, words: number): LineSign | undefined {
  if (words > MAX_SIGN_WORDS) return endsInColon(text) ? 'intro' : undefined;
  // A slide number, a date and a counter all hold a number: most short lines hold none.
  const numbered = hasNumber(text);
  if (numbered && mayEndInNumber(text, ')') && SLIDE.test(text)) return 'slide';
  if (numbered && DATE_MARK.test(text) && DATE.test(text)) return 'date';
  if (numbered && COUNTER.test(text) && hasLetter(text)) return 'counter';
  if (CREDIT_CHARACTER.test(text) && CREDIT.test(text) && !endsClause(text)) return 'credit';
  if (endsInColon(text)) return 'intro';
  return undefined;
}

/**
 * False when `text` cannot end in a number, then at most one of `closers` (as "3.", "(3)" or "3/12"
 * do): the character before is an ASCII one other than a digit. A character outside ASCII may be
 * a number's (`\p{N}`). One look at the line's end, where a pattern anchored at its start went
 * over its first word at every line.
 */
function mayEndInNumber(text: string, closers: string): boolean {
  let last = text.length - 1;
  if (last > 0 && closers.includes(text.charAt(last))) last--;
  const code = text.charCodeAt(last);
  return (code >= 0x30 && code <= 0x39) || code > 0x7f;
}

/** False when `text` cannot start with a number, after at most a bracket, as "(3/12) ..." or "2 of 4 ..." do (see {@link mayEndInNumber}). */
function mayStartWithNumber(text: string): boolean {
  const code = text.charCodeAt(text.charCodeAt(0) === 0x28 ? 1 : 0);
  return (code >= 0x30 && code <= 0x39) || code > 0x7f;
}

/** A line that is only a step's number: "3.", "(3)", "3)", "Step 3", "Schritt 3:". */
const STEP_NUMBER = /^(?:\p{L}+\s+)?\(?(\p{N}{1,2})[.):]?$/u;

/** Lines from one step's number to the next's, at the most. */
const MAX_STEP_LINES = 6;

/** Numbers a numbered sequence has at the least: two can be a date and a count. */
const MIN_STEPS = 3;

/**
 * The numbers of the page's numbered sequences: lines that are only a number counting up by one
 * ("1." ... "2." ... "3."), each within {@link MAX_STEP_LINES} of the next, at least
 * {@link MIN_STEPS} of them. Each is given with the position where its step's text ends (the
 * next number, or as far below the last number as the steps are apart).
 */
function numberedSteps(lines: readonly Line[]): Array<{ at: number; next: number }> {
  const found: Array<{ at: number; next: number }> = [];
  let run: Array<{ at: number; n: number }> = [];
  const close = (): void => {
    if (run.length >= MIN_STEPS) {
      const period = Math.round((run[run.length - 1]!.at - run[0]!.at) / (run.length - 1));
      run.forEach((step, k) => found.push({ at: step.at, next: run[k + 1]?.at ?? Math.min(lines.length, step.at + period) }));
    }
    run = [];
  };
  lines.forEach(({ text }, at) => {
    const match = mayEndInNumber(text, '.):') ? STEP_NUMBER.exec(text) : null;
    if (!match) return;
    const n = Number(match[1]);
    const previous = run[run.length - 1];
    if (previous && (n !== previous.n + 1 || at - previous.at > MAX_STEP_LINES)) close();
    if (run.length > 0 || n <= 1) run.push({ at, n });
  });
  close();
  return found;
}

/** Lines from one comment's date to the next's, at the most, for the two to belong to one thread. */
const MAX_COMMENT_LINES = 12;

/** Comments a thread has at the least: two dated paragraphs can be an article's byline and update. */
const MIN_THREAD_COMMENTS = 3;

/**
 * Per line, whether it is part of a comment thread: a run of comments, each headed by a short
 * line holding a date (the author's name and "says:" or "schrieb am" around it, in any language)
 * and followed by its text; at least {@link MIN_THREAD_COMMENTS} such heads, each within
 * {@link MAX_COMMENT_LINES} of the next with prose between them, all of one shape (see
 * {@link headShape}). A post embedded in an article is
 * signed the same way, after a dash ("— Name (@handle) November 18, 2019"), and heads nothing. A
 * thread runs from its first head to the text after its last.
 */
function commentThreads(prose: Readonly<LineFlags>, signs: Readonly<Uint8Array>, words: Readonly<Int32Array>, lines: readonly Line[], inGallery: Readonly<LineFlags>): LineFlags {
  const thread: LineFlags = uint8Array(prose.length);
  const heads: number[] = [];
  const date = signCode('date');
  for (let i = 0; i < prose.length; i++) if (signs[i] === date && !inGallery[i] && !/^[-–—]/u.test(lines[i]!.text) && commentTextEnd(prose, words, i) >= 0) heads.push(i);
  let start = 0;
  for (let h = 0; h < heads.length; h++) {
    const head = heads[h]!;
    const next = heads[h + 1];
    if (next !== undefined && next - head <= MAX_COMMENT_LINES && prose.subarray(head + 1, next).includes(1) && headShape(lines[head]!.text) === headShape(lines[next]!.text)) continue;
    if (h - start + 1 >= MIN_THREAD_COMMENTS) thread.fill(1, heads[start], commentTextEnd(prose, words, head) + 1);
    start = h + 1;
  }
  return thread;
}

/** A caption that starts with its slide's position: "1 of 4 Shoppers look at extension cords ...", "2/6 The harbour at dawn". */
const CAPTION_SLIDE = /^\(?\p{N}{1,3}\s*(?:\/|\p{L}{1,3})\s*\p{N}{1,3}\)?\s+\p{L}/u;

/** The numbers of a slide's position, a line of `shape` ({@link SLIDE} or {@link CAPTION_SLIDE}): "3/12" -> [3, 12]. */
function slideNumbers(text: string, shape: RegExp): [number, number] | undefined {
  if (!shape.test(text)) return undefined;
  const numbers = text.match(/\p{N}+/gu)!;
  const [n, m] = [Number(numbers[0]), Number(numbers[1])];
  return n >= 1 && n <= m ? [n, m] : undefined;
}

/** Lines between two slide numbers of one gallery, at the most. */
const MAX_SLIDE_GAP = 8;

/**
 * The galleries of a page: two or more slide numbers of one count, in order ("1/6" ... "6/6", "Bild
 * 1 von 10" ..., or captions that start with theirs, "1 of 4 Shoppers at ..."), each within
 * {@link MAX_SLIDE_GAP} lines of the next. A gallery runs from its
 * first number to the end of its last slide (as many lines after the last number as slides are
 * apart).
 */
function findGalleries(lines: readonly Line[]): LineRange[] {
  const galleries: LineRange[] = [];
  let slides: Array<{ at: number; n: number; m: number }> = [];
  const close = (): void => {
    if (slides.length >= 2) {
      const first = slides[0]!.at;
      const last = slides[slides.length - 1]!.at;
      const period = Math.round((last - first) / (slides.length - 1));
      galleries.push({ from: first, to: Math.min(lines.length - 1, last + period - 1) });
    }
    slides = [];
  };
  lines.forEach(({ text }, at) => {
    const alone = text.length <= 30;
    // (A slide's number ends its line, a numbered caption's starts it: most lines are not tried.)
    const shaped = alone ? mayEndInNumber(text, ')') : mayStartWithNumber(text);
    const numbers = shaped ? slideNumbers(text, alone ? SLIDE : CAPTION_SLIDE) : undefined;
    if (!numbers) return;
    const [n, m] = numbers;
    const previous = slides[slides.length - 1];
    if (previous && (m !== previous.m || n <= previous.n || at - previous.at > MAX_SLIDE_GAP)) close();
    // A caption numbered at its start is a slide only in a run from the first slide on, one by one
    // ("1 of 4 Shoppers at the hardware store ...", "2 of 4 ..."): "1/4 cup of sugar" is none.
    if (!alone && (slides.length === 0 ? n !== 1 : n !== slides[slides.length - 1]!.n + 1)) {
      close();
      if (n !== 1) return;
    }
    slides.push({ at, n, m });
  });
  close();
  return galleries;
}

/** Dated slides a gallery of them has at the least: two dated lines under one label can be a byline and an update. */
const MIN_DATED_SLIDES = 3;

/**
 * The galleries whose slides are dated instead of numbered: every slide repeats the gallery's
 * title over a line that is only a date, then its caption and credit ("Harbour life in pictures"
 * / "3 May 2024" / "Fishing boats return at dawn" / "Photo agency"). A comment's head holds its
 * author's name beside the date, or stands under the name: the line above each head differs. A
 * link that closes each text above the next date ("Read more" under a teaser's summary, "Reply"
 * under a comment) is no title: the line above it is prose.
 * At least {@link MIN_DATED_SLIDES} such dates under one line, each within {@link MAX_SLIDE_GAP}
 * lines of the next; the gallery runs from the first title to the line before the title after
 * the last slide (as far below its date as slides are apart).
 */
function datedSlides(lines: readonly Line[], signs: Readonly<Uint8Array>, prose: Readonly<LineFlags>): LineRange[] {
  const galleries: LineRange[] = [];
  const date = signCode('date');
  let slides: number[] = [];
  const close = (): void => {
    if (slides.length >= MIN_DATED_SLIDES) {
      const period = Math.round((slides[slides.length - 1]! - slides[0]!) / (slides.length - 1));
      galleries.push({ from: slides[0]! - 1, to: Math.min(lines.length - 1, slides[slides.length - 1]! + period - 2) });
    }
    slides = [];
  };
  for (let i = 1; i < lines.length; i++) {
    // The line above the date closes no text: "Read more" under a teaser's summary, "Reply" under a comment.
    if (signs[i] !== date || hasLetter(lines[i]!.text.replace(DATE, '')) || prose[i - 2] === 1) continue;
    const previous = slides[slides.length - 1];
    if (previous !== undefined && (i - previous > MAX_SLIDE_GAP || lines[i - 1]!.text !== lines[previous - 1]!.text)) close();
    slides.push(i);
  }
  close();
  return galleries;
}

/** Lines between two summaries of one list of other stories, at the most (a headline, a byline, a date, a label). */
const MAX_TEASER_GAP = 5;

/** Summaries a list of other stories has at the least. */
const MIN_TEASERS = 3;

/**
 * Per line, whether it is part of a list of other stories: sentences standing alone (see
 * {@link isolate}), each under a few short lines (a headline, a byline, a date, a "read more"),
 * at least {@link MIN_TEASERS} of them in a row with no paragraph of prose between. The list runs
 * from the short lines above its first summary (as many as stand between the first two) to its
 * last summary.
 */
function teaserLists(prose: Readonly<LineFlags>, isolated: Readonly<LineFlags>, threads: Readonly<LineFlags>): LineFlags {
  const list: LineFlags = uint8Array(prose.length);
  const summaries: number[] = [];
  const close = (): void => {
    if (summaries.length >= MIN_TEASERS) {
      // The first summary has as many short lines above it as the next one has.
      const above = summaries[1]! - summaries[0]! - 1;
      let start = summaries[0]!;
      while (start > 0 && !prose[start - 1] && !threads[start - 1] && summaries[0]! - start < above) start--;
      list.fill(1, start, summaries[summaries.length - 1]! + 1);
    }
    summaries.length = 0;
  };
  for (let i = 0; i < prose.length; i++) {
    if (!prose[i] || threads[i]) continue;
    const last = summaries[summaries.length - 1];
    if (!isolated[i] || (last !== undefined && i - last > MAX_TEASER_GAP)) close();
    if (isolated[i]) summaries.push(i);
  }
  close();
  return list;
}

/**
 * The shape of a comment's head with its words run together: every head of a thread has it
 * ("Anna Weber says: 12.05.2024 at 09:14" and "Mia says: 13.05.2024 at 18:40" are both
 * "W: 0.0.0 W 0:0"), where an article's byline under a list of dated teasers has another.
 */
function headShape(text: string): string {
  return lineShape(text).replace(/[Aao](?:\s+[Aao])*/gu, 'W');
}

/** Lines of prose one comment has at the most: a longer text under a dated line is an article under its byline. */
const MAX_COMMENT_TEXT = 6;

/**
 * The position of the last line of a comment's text under the line at `i` (prose starting within
 * two lines of it, at most {@link MAX_COMMENT_TEXT} lines long), or -1 when there is none.
 */
function commentTextEnd(prose: Readonly<LineFlags>, words: Readonly<Int32Array>, i: number): number {
  for (let j = i + 1; j <= i + 3 && j < prose.length; j++) {
    if (!prose[j] || words[j] === 0) continue;
    let end = j;
    while (end + 1 < prose.length && prose[end + 1]) end++;
    return end - j + 1 <= MAX_COMMENT_TEXT ? end : -1;
  }
  return -1;
}

/** A table's cell: a line holding a number ("3:1", "12,99 €"), or a "label: value" pair ("Preis: auf Anfrage"). */
const NUMBER = /\p{N}/u;
const LABEL_VALUE = /^[^:]{1,40}:\s*\S/u;

/**
 * True when `text` holds a number (see {@link NUMBER}): an ASCII digit, or a number outside ASCII
 * ("٣", "²") in a line that holds a character outside ASCII. The Unicode class, tried at each
 * character of every short line (most hold no number), took twice as long as the two plain ones.
 */
function hasNumber(text: string): boolean {
  return holdsAsciiDigit(text) || (!isAscii(text) && NUMBER.test(text));
}

/** True when `text` is a "label: value" pair (see {@link LABEL_VALUE}): only a line with a colon after its first character is tried. */
function isLabelValue(text: string): boolean {
  return text.indexOf(':') > 0 && LABEL_VALUE.test(text);
}

/**
 * A line of a program, by its punctuation, in any programming language: a call ("print(results)",
 * "resp.get(url)"), an assignment ("total = 0", "x += 1", "a == b", "=>", "->"), a name with an
 * underscore ("status_code"), a line ending in a brace or a semicolon, or one that is a brace.
 * Text puts a space before a parenthesis and around few "=" signs.
 */
const CODE = /[\p{L}\p{N}_]\(|\s[=!+\-*/]?=\s|==|=>|->|[\p{L}\p{N}]_[\p{L}\p{N}]|[{};]\s*$|^\s*[{}\]]/u;

/** An address, whose underscores and dots are no code: "first_last@example.org", "https://example.org/a_b". */
const ADDRESS = /\S+@\S+|\S+:\/\/\S+/gu;

/**
 * A character one of which every match of {@link CODE} holds: a line of text without any is no
 * code, and is not tried from each of its characters.
 */
const CODE_CHARACTER = /[(=>_{};\]]/;

/** True when `text` is a line of a program (see {@link CODE}). */
function isCode(text: string): boolean {
  if (!CODE_CHARACTER.test(text)) return false;
  // Only a line holding "@" or "://" can hold an address: the pattern, tried from every word of
  // every other line, was 4.5% of a clean's time.
  const mayHoldAddress = text.includes('@') || text.includes('://');
  return CODE.test(mayHoldAddress ? text.replace(ADDRESS, ' ') : text);
}

/** The share of a block's lines that are code (see {@link CODE}) for it to be a block of code. */
const MIN_CODE_SHARE = 0.3;

/** Mean words per line of a menu, at the most. */
const MAX_MENU_WORDS = 3;

/** The share of a table's lines that hold a number or a "label: value" pair, at the least. */
const MIN_TABLE_SHARE = 0.5;

/**
 * What the run of short lines `[from, to)` of `lines` looks like (see {@link BlockKind}); `words`
 * and `code` are the page's, by line. (Positions, not a copy of the run's lines: a page has a
 * block of short lines for every few lines.)
 */
function shortBlockKind(analysis: Analysis, lines: readonly Line[], from: number, to: number, words: Readonly<Int32Array>, code: Readonly<LineFlags>): BlockKind {
  const count = to - from;
  let codeLines = 0;
  for (let i = from; i < to; i++) codeLines += code[i]!;
  if (codeLines >= count * MIN_CODE_SHARE) return 'code';
  if (count <= MAX_HEADING_LINES) return 'heading';
  let cells = 0;
  for (let i = from; i < to; i++) if (hasNumber(lines[i]!.text) || isLabelValue(lines[i]!.text)) cells++;
  if (cells >= count * MIN_TABLE_SHARE) return 'table';
  let total = 0;
  for (let i = from; i < to; i++) total += words[i]!;
  if (total <= count * MAX_MENU_WORDS && analysis.stopwordShare(lines.slice(from, to)) < MENU_STOPWORDS) return 'menu';
  return 'list';
}

/** The stop-word share of a menu's words, below which a run of short lines reads as links rather than items of text. */
const MENU_STOPWORDS = 0.15;

/** The share of `items` whose `keyOf` is the commonest of their keys. */
function commonestShare<T>(items: readonly T[], keyOf: (item: T) => string): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (const item of items) {
    const key = keyOf(item);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    most = Math.max(most, count);
  }
  return items.length === 0 ? 0 : most / items.length;
}

/**
 * Words a question alone on its line has at the most to be a heading, not prose: a subheading
 * ("Why does the ferry matter?"), a teaser's headline over its summary ("Will the old pier be
 * saved?"). A longer question is a sentence of the text.
 */
const MAX_QUESTION_HEADING_WORDS = 10;

/** True when `text` ends in a question mark (read directly: see {@link endsInColon}). */
function endsInQuestionMark(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3f || last === 0xff1f;
}

/**
 * A line of running text: the words and stop words of prose (see `hasProseWords`), ending a
 * sentence (or one that introduces what follows, with a colon), holding two, or part of a sentence
 * that runs on across lines; not a short question alone on its line (a heading: see
 * {@link MAX_QUESTION_HEADING_WORDS}).
 */
function isProse(analysis: Analysis, line: Line, minStopwords: number, flowing: Readonly<LineFlags>): boolean {
  if (!endsSentence(line.text, { colon: true }) && line.sentenceCount < 2 && flowing[line.index] === 0) return false;
  if (line.sentenceCount < 2 && endsInQuestionMark(line.text) && analysis.wordCount(line) <= MAX_QUESTION_HEADING_WORDS) return false;
  return hasProseWords(analysis, line, minStopwords);
}

/**
 * Per line of the document (by index), whether a sentence runs across it: hard-wrapped prose, whose
 * lines stop mid-sentence ("Decorators in Python enable you to modify the behavior of existing" /
 * "functions without changing ...").
 */
function flowingLines(document: Document): LineFlags {
  const flowing: LineFlags = uint8Array(document.lines.length);
  for (const sentence of document.sentences) {
    let last = sentence.line;
    while (last + 1 < document.lines.length && document.lines[last + 1]!.span.start < sentence.span.end) last++;
    if (last > sentence.line) flowing.fill(1, sentence.line, last + 1);
  }
  return flowing;
}

/**
 * Marks the prose lines with at least {@link ISOLATING_GAP} non-prose lines on both sides (or
 * the text's end): "Kaylee McGhee" / "Tuesday November 19, 2019" / summary / next headline.
 */
function isolate(prose: Readonly<LineFlags>): LineFlags {
  // Whether a line has the gap above it; the gap below is counted on the way back.
  const gapAbove: LineFlags = uint8Array(prose.length);
  let gap = Infinity;
  for (let i = 0; i < prose.length; i++) {
    gapAbove[i] = gap >= ISOLATING_GAP ? 1 : 0;
    gap = prose[i] === 1 ? 0 : gap + 1;
  }
  const isolated: LineFlags = uint8Array(prose.length);
  gap = Infinity;
  for (let i = prose.length - 1; i >= 0; i--) {
    isolated[i] = prose[i] === 1 && gapAbove[i] === 1 && gap >= ISOLATING_GAP ? 1 : 0;
    gap = prose[i] === 1 ? 0 : gap + 1;
  }
  return isolated;
}

/** Words of a link's headline, at the least and at the most, that a teaser restates over its summary. */
const MIN_LINK_HEADLINE_WORDS = 4;
const MAX_LINK_HEADLINE_WORDS = 16;

/**
 * The positions of the prose lines that start with a short line the page prints elsewhere: a
 * teaser of another story, its headline (a link in a list, "Ferry timetable changes for the
 * winter") run together with its summary ("Ferry timetable changes for the winter The harbour's
 * last boat now leaves ..."). The page holds the line again, as it holds a repeated label. The
 * article's own headline (the start of the page's title, `title`) may open its first paragraph.
 */
function restatedHeadlines(analysis: Analysis, lines: readonly Line[], prose: Readonly<LineFlags>, words: Readonly<Int32Array>, keyStarts: KeyStarts, title: Line | undefined): number[] {
  const headlines = new Set<string>();
  // The first word of each headline: the prefixes of a line of prose that starts with none of
  // them are not spelled out (they were 2% of a clean's time).
  const firstWords = new Set<number>();
  const titleKey = title ? `${idsKey(analysis.keyWords(title))} ` : '';
  for (let i = 0; i < lines.length; i++) {
    if (prose[i] || words[i]! < MIN_LINK_HEADLINE_WORDS || words[i]! > MAX_LINK_HEADLINE_WORDS) continue;
    const ids = analysis.keyWords(lines[i]!);
    // (A key of fewer words is no prefix that is looked up below.)
    if (ids.length < MIN_LINK_HEADLINE_WORDS) continue;
    const key = idsKey(ids);
    if (titleKey.startsWith(`${key} `)) continue;
    headlines.add(key);
    firstWords.add(ids[0]!);
  }
  if (headlines.size === 0) return [];
  const found: number[] = [];
  lines.forEach((line, i) => {
    // (Its key is read only when it starts with a headline's first word: see `KeyStarts`.)
    if (!prose[i] || keyStarts.length[i]! <= MIN_LINK_HEADLINE_WORDS || !firstWords.has(keyStarts.first[i]!)) return;
    // Its first words, one more at a time, as the headlines' keys are written.
    const ids = analysis.keyWords(line);
    let prefix = '';
    for (let n = 1; n <= Math.min(MAX_LINK_HEADLINE_WORDS, ids.length - 1); n++) {
      prefix = n === 1 ? String(ids[0]) : `${prefix} ${ids[n - 1]}`;
      if (n >= MIN_LINK_HEADLINE_WORDS && headlines.has(prefix)) {
        found.push(i);
        return;
      }
    }
  });
  return found;
}

/**
 * `ids` written as {@link restatedHeadlines} writes a headline's key: their numbers joined by
 * spaces. (Built in a loop: `Array.from(ids).join(' ')` of a typed array took four times as long.)
 */
function idsKey(ids: ArrayLike<number>): string {
  let key = ids.length > 0 ? String(ids[0]) : '';
  for (let k = 1; k < ids.length; k++) key += ` ${ids[k]}`;
  return key;
}

/**
 * Per line, the start of its comparison key's words (`Analysis.keyWords`): the id of its first
 * word (-1 for none) and how many words it has, read with the key's hash (see
 * {@link repeatedKeys}). {@link restatedHeadlines} spells out the key of a line of prose only when
 * it starts with a headline's first word (most do not).
 */
interface KeyStarts {
  readonly first: Int32Array;
  readonly length: Int32Array;
}

/**
 * Per line, whether a line of another block has the same comparison key: a label or menu the
 * page prints twice. Copies inside one block (the unit "g" on every row of a recipe's table of
 * ingredients) are the block's own pattern, not repetition. Lines are grouped by a hash of their
 * keys' words, and only lines of one group are compared: no key is spelled out.
 */
function repeatedKeys(analysis: Analysis, lines: readonly Line[], blockOf: Readonly<Int32Array>): { repeated: LineFlags; copies: Int32Array; nextCopy: Int32Array; keyStarts: KeyStarts } {
  // Most lines are the only one of their hash: a group (an array) is made for the others only.
  const firstOfHash = new Map<number, number>();
  const byHash = new Map<number, number[]>();
  const keyStarts: KeyStarts = { first: int32Array(lines.length), length: int32Array(lines.length) };
  lines.forEach((line, i) => {
    const ids = analysis.keyWords(line);
    keyStarts.first[i] = ids.length > 0 ? ids[0]! : -1;
    keyStarts.length[i] = ids.length;
    const hash = hashWords(ids);
    const first = firstOfHash.get(hash);
    if (first === undefined) firstOfHash.set(hash, i);
    else {
      const group = byHash.get(hash);
      if (group) group.push(i);
      else byHash.set(hash, [first, i]);
    }
  });
  const repeated: LineFlags = uint8Array(lines.length);
  const copies = int32Array(lines.length).fill(1);
  const nextCopy = int32Array(lines.length).fill(-1);
  for (const group of byHash.values()) {
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
      for (const i of kind) copies[i] = kind.length;
      // A group lists its lines in the page's order.
      for (let k = 0; k + 1 < kind.length; k++) nextCopy[kind[k]!] = kind[k + 1]!;
      const first = blockOf[kind[0]!];
      if (kind.every((i) => blockOf[i] === first)) continue;
      for (const i of kind) repeated[i] = 1;
    }
  }
  return { repeated, copies, nextCopy, keyStarts };
}

/** Lines a table of contents (see {@link namedHeadings}) holds at the least. */
const MIN_CONTENTS_LINES = 4;

/**
 * The positions of the headings that a table of contents names: a run of at least
 * {@link MIN_CONTENTS_LINES} short lines of one block ("Barbi" / "Candelaria" / "Cubanita" / ...)
 * each printed again below the whole run, its copies in the run's order with a line or more
 * between each two (a menu printed again in the footer has its copies side by side). The copy is the
 * article's subheading, not a label the page prints twice, when the page holds the line only
 * there and in the table (`copies` 2). `nextCopy` is each line's next line with its key (-1 for
 * none).
 */
function namedHeadings(nextCopy: Readonly<Int32Array>, copies: Readonly<Int32Array>, prose: Readonly<LineFlags>, blockOf: Readonly<Int32Array>): number[] {
  const found: number[] = [];
  let from = 0;
  for (let i = 0; i <= nextCopy.length; i++) {
    const goesOn = i < nextCopy.length && i > from && !prose[i] && blockOf[i] === blockOf[from] && nextCopy[i]! > nextCopy[i - 1]! + 1 && nextCopy[from]! > i;
    if (goesOn) continue;
    if (i - from >= MIN_CONTENTS_LINES) for (let k = from; k < i; k++) if (copies[nextCopy[k]!] === 2) found.push(nextCopy[k]!);
    from = i;
    // A run starts at a short line printed again below it.
    while (from < nextCopy.length && (prose[from] || nextCopy[from]! < 0)) from++;
    i = from;
  }
  return found;
}
