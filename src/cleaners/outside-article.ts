/**
 * `outside-article`: a whole-page text dump (innerText, get_text, lynx -dump) holds the article
 * inside the page around it: menus ("Home", "World", "Politics", ...), share bars, the page's
 * own copy of the headline, bylines, lists of other stories with their summaries and "2H ago"
 * stamps, comment sections, cookie notices and footers. This rule finds the article's run of
 * lines and removes the page before and after it.
 *
 * Every line gets a value, as in Finn et al.'s Body Text Extraction: a line of prose (six words
 * or more, ending a sentence, with the stop-word share of running text) is worth its words, any
 * other line costs more the longer the stretch of such lines it belongs to (one subheading or
 * caption between paragraphs costs little, a menu of thirty items a lot). The article is a run
 * of lines with a large total:
 *
 * 1. A strict pass (stretches of non-prose cost much more) cuts the text into candidate runs;
 *    the seed is the one with the greatest total weighted by how many of the headline's words it
 *    repeats and by how close it starts below the page's own (first) copy of the headline, so that a
 *    short article wins over a longer comment section or a list of teasers. Prose above the
 *    page's first copy of the headline counts for less: the article follows it. In a text without
 *    copies (a later reading, once they are removed), a paragraph right under the headline is the
 *    article's lead and counts in full even standing alone.
 * 2. The run may not reach above the last copy of the headline before the seed, nor down to a
 *    line that heads a comment section ("[ 167 comments ]") or names the headline again ("34
 *    responses to “...”"). The seed grows on each side while that adds value; the content words
 *    of the seed (of the grown run when the seed is short) are the article's topic.
 * 3. The growth is done again from the seed with prose about something else (sharing few of the
 *    topic's words: the summary of another story, a newsletter form) counting against the run,
 *    and short lines about the topic (a subheading, an item of the article's list) costing
 *    nothing.
 *
 * Two shapes of page furniture weigh less: a sentence standing alone between stretches of
 * short lines ("Kurt Volker throws Rudy Giuliani under the bus" / "Kaylee McGhee" / "Tuesday
 * November 19, 2019" / one-sentence summary / next headline ...) is how teasers and comments are
 * laid out, not paragraphs; a line the text holds more than once is a repeated label or notice.
 * Such a sentence that stops in an ellipsis mid-phrase is another page's summary, cut where its
 * link begins, and counts against the run; the article resumes after an interruption only with
 * paragraphs, not with more such lone pieces.
 *
 * The one line right over the article's first line and the one right under its last paragraph
 * are the article's when they read as its sentences printed without a full stop (a deck, a
 * closing credit: see `unstopped`).
 *
 * Only a text with a page around it is cut (see `isPage`): many lines outside the run, and a
 * page header of non-prose lines before it. The end is cut only when it is long enough to be
 * page rather than the article's own last lines. Each removed line says on which side of the
 * article it was.
 */
import { judgesTopic, type Analysis, type TermCounts } from '../core/analysis.js';
import { endsInColon, endsInCredit, headsComments, pageModel, type Block, type BlockKind, type PageLine, type PageModel } from '../core/blocks.js';
import type { CleanContext, Cleaner, NoOptions } from '../core/cleaner.js';
import type { Finding, Line, Span, Title } from '../core/model.js';
import { endsSentence, hasProseWords, trailsOff } from '../core/predicates.js';
import { comparisonKey, hasLetter, lineShape } from '../core/text.js';
import { headlineCopyTest } from '../core/title.js';
import { uint8Array } from '../core/arrays.js';

/** What a line of prose costs before its words count: a one-line summary of a teaser weighs little. */
const LINE_COST = 5;

/** What the n-th line of a stretch of non-prose costs: n times this, up to {@link MAX_GAP_COST}. */
const GAP_STEP = 2;

/** The most a single non-prose line costs. */
const MAX_GAP_COST = 24;

/** {@link GAP_STEP} in the strict pass that picks candidate runs: stretches of furniture split them. */
const SEED_GAP_STEP = 6;

/** How much more a candidate counts when it repeats all of the headline's content words. */
const TITLE_BOOST = 4;

/** Lines after the page's copy of the headline at which a candidate's score is halved: the article follows it. */
const DISTANCE_SCALE = 20;

/** What prose above the page's first copy of the headline counts for, when choosing the seed. */
const BEFORE_HEADLINE_WEIGHT = 0.3;

/** The value of an isolated sentence (see {@link isolate}) against a paragraph of the same length. */
const ISOLATED_WEIGHT = 0.25;

/** What a line the text holds more than once costs, whatever it is. */
const REPEAT_COST = 6;

/** The share of its content words a line of prose shares with the topic, at the least, to count for it. */
const MIN_TOPIC_SHARE = 0.14;

/** What prose off the topic is worth, per word: it counts against the run. */
const OFF_TOPIC_WEIGHT = -0.5;

/** The share of its distinct content words a block of short lines shares with the topic to belong to the article. */
const MIN_BLOCK_SHARE = 0.4;

/** Distinct content words a block of short lines needs before its share of the topic means anything. */
const MIN_BLOCK_TERMS = 6;

/** The share of its content words a short line shares with the topic to be about it. */
const MIN_LABEL_SHARE = 0.5;

/** Content words a short line needs before its share of the topic means anything ("World" does not). */
const MIN_LABEL_TERMS = 2;

/** Lines outside the run, at the least, for the text to be a page dump rather than an article. */
const MIN_PAGE_LINES = 25;

/** The share of prose lines a page header stays under (menus, bylines, share bars are not prose). */
const MAX_HEAD_PROSE_SHARE = 0.4;

/** Lines on one side of the run, at the least, for that side to be cut. */
const MIN_SIDE_LINES = 6;

/** Where the article is: positions in {@link ArticleRun.lines}, both inclusive. */
interface ArticleRun {
  /** The document's lines, without the headline's own line. */
  readonly lines: readonly PageLine[];
  /** The blocks they form. */
  readonly page: PageModel;
  readonly from: number;
  readonly to: number;
  /** Per line, whether it is the article's: the lines from `from` to `to`, but for interruptions between them. */
  readonly members: readonly boolean[];
  /** True when there is a page around the run to cut (see {@link isPage}). */
  readonly isPage: boolean;
  /** What each line added to the run in the last pass (a short page after the article goes when each of its lines costs: see `check`). */
  readonly values: readonly number[];
  /** Where the seed was (positions in {@link ArticleRun.lines}), when there was one. */
  readonly seed?: { readonly from: number; readonly to: number };
  /** The note on the author that ended the run, when there was one (see {@link authorNote}). */
  readonly note?: Run;
  /** The first line after the run that heads a comment section, when the run has a page around it (see {@link commentsBelowShortArticle}). */
  readonly commentsHead?: number;
  /** True when the article can be told from what is around it though the text is no page: a topic to judge by and enough prose (see {@link closingLabels}). */
  readonly cuttable: boolean;
}

/**
 * What goes from a page whose article is too short to cut the page around it by (see
 * {@link MIN_ARTICLE_WORDS}): the comment section below it, from the line that heads it ("No
 * comments yet", "Leave a comment", "Kommentar verfassen") to the end, when that is at least
 * {@link MIN_SIDE_LINES} long. Wherever the article is, it does not go on under a comment form.
 */
function commentsBelowShortArticle(run: ArticleRun): Finding[] {
  const head = run.commentsHead;
  if (head === undefined || run.lines.length - head < MIN_SIDE_LINES) return [];
  const related = run.lines[head]!.line.span;
  return run.lines.slice(head).map((info) => ({ reason: `page after the article: comment section`, span: info.line.span, related }));
}

/** Lines above the run, at the least, for the labels closing a text that is no page to be cut (see {@link closingLabels}). */
const MIN_HEAD_LINES = 3;

/**
 * What goes from a text that is no page by {@link isPage} (too little around its article), when
 * it still has lines above the run (the site's name, a short menu) and its article can be told:
 * a topic to judge by and enough prose to cut around (a page whose article is too short to tell
 * keeps its end: a form's fields under an agenda may be the page's only furniture or not). The
 * labels that end the text below the run go: short lines that are no sentence ("Categories:
 * gardening", "More by Anna Berg", "© 2024 Harbour Press", a related story's headline), from the
 * last line after the run that is none (a line of prose, a line ending a sentence, "Version
 * tested: PC.", or without letters, a rule "___" between sections) to the end, or to the
 * article's own code, gallery or list of one pattern (see {@link isOwnShape}). A text that starts
 * with its article under a few lines of its site's furniture and ends in labels is a page whose
 * footer was short; what stands before its last sentence may be the article's own (its code, its
 * list). A comment section is {@link commentsBelowShortArticle}'s.
 */
function closingLabels(run: ArticleRun): Finding[] {
  if (!run.cuttable || run.to < 0 || run.from < MIN_HEAD_LINES || run.commentsHead !== undefined) return [];
  let start = run.lines.length;
  while (start > run.to + 1 && isLabel(run.lines[start - 1]!) && !isOwnShape(run.page, start - 1)) start--;
  const after = run.lines.slice(start);
  const related = run.lines[run.to]!.line.span;
  return after.map((info) => ({ reason: `page after the article: ${removalName(run, info)}`, span: info.line.span, related }));
}

/**
 * True when the line at `i` may be the article's own by its shape alone, and so ends the labels
 * closing a text (see {@link closingLabels}): a line of code or of a gallery, which end no
 * sentence, or a row of a list or table, one of {@link MIN_PATTERN_LINES} lines or more in a row
 * of one shape ("12 May – Skerry Point, Boat Shed" / "14 May – Gull Bay, Village Hall" / ...),
 * which the few labels of a short footer are not, whatever block the page model puts them in.
 */
function isOwnShape(page: PageModel, i: number): boolean {
  const kind = blockKind(page, i);
  if (kind === 'code' || kind === 'gallery') return true;
  const { lines } = page;
  const shape = lineShape(lines[i]!.line.text);
  let from = i;
  let to = i;
  while (from > 0 && lineShape(lines[from - 1]!.line.text) === shape) from--;
  while (to < lines.length - 1 && lineShape(lines[to + 1]!.line.text) === shape) to++;
  return to - from + 1 >= MIN_PATTERN_LINES;
}

/** Lines in a row of one shape, at the least, for them to be the article's own list or table (see {@link isOwnShape}). */
const MIN_PATTERN_LINES = 3;

/** A short line that is no sentence and holds a letter: a label, a link, a tag line, a site's credit. */
function isLabel(info: PageLine): boolean {
  return !info.prose && hasLetter(info.line.text) && !endsSentence(info.line.text);
}

/** The rule. */
export const outsideArticle: Cleaner<NoOptions> = {
  meta: {
    id: 'outside-article',
    description: 'Removes the page around the article in a whole-page text dump: menus, other stories, comments, footers.',
    precedence: 40,
    options: {},
  },
  check(context) {
    // A page has MIN_PAGE_LINES lines outside a run of at least one (see `isPage`): a shorter
    // text is an article, and finding its run would be wasted work.
    if (context.document.lines.length <= MIN_PAGE_LINES) return [];
    const run = locateArticle(context);
    if (!run.isPage) return [...commentsBelowShortArticle(run), ...closingLabels(run)];
    // `related` points at the article's first or last line, so --explain says where it is.
    const first = run.lines[run.from]!.line.span;
    const last = run.lines[run.to]!.line.span;
    const name = (info: PageLine): string => removalName(run, info);
    const remove = (info: PageLine, reason: string, related: Span): Finding => ({ reason, span: info.line.span, related });
    const head = run.lines.slice(0, run.from);
    const inside = run.lines.slice(run.from, run.to + 1).filter((info) => !run.members[info.position]);
    // The page after the article goes when it is long enough to be page, or when each of its lines
    // costs the run (a blog's footer of a few short lines: "Comments are closed.", "Back to top", a
    // theme's credit, a licence notice, none of them about the topic). Fewer lines, one of which
    // adds to the run or costs it nothing (a paragraph or a subheading about the topic, a row of the
    // article's list), are the article's own last lines. A short line the page prints elsewhere too
    // ("Current issue" in its menu and again under the article) is a label of the page, though it
    // shares a word with the topic.
    const after = run.lines.slice(run.to + 1);
    const costs = (info: PageLine): boolean => run.values[info.position]! < 0 || (info.repeated && !info.prose);
    const tail = after.length >= MIN_SIDE_LINES || after.every(costs) ? after : [];
    return [
      ...head.map((info) => remove(info, `page before the article: ${name(info)}`, first)),
      ...inside.map((info) => remove(info, `${isCaptionLine(run.page, info) ? 'caption' : name(info)} inside the article`, first)),
      ...tail.map((info) => remove(info, `page after the article: ${name(info)}`, last)),
    ];
  },
};

/** How `--explain` names each kind of block outside the article. */
const BLOCK_NAMES: Readonly<Record<BlockKind, string>> = {
  prose: 'prose about something else',
  heading: 'heading or label',
  list: 'list',
  menu: 'menu or link list',
  table: 'table',
  code: 'code',
  gallery: 'gallery',
  comments: 'comment thread',
  teasers: 'list of other stories',
};

/** How `--explain` names what a line outside the article is: its block's kind, or what the rule read it as. */
function removalName(run: ArticleRun, info: PageLine): string {
  const { note, page } = run;
  if (note && note.from <= info.position && info.position <= note.to) return 'note on the author';
  if (info.sign === 'credit' && blockKind(page, info.position) === 'heading') return 'credit or label';
  return BLOCK_NAMES[kindOf(page, info.position)];
}

/** The kind of the block the line at `position` is in. */
function blockKind(page: PageModel, position: number): BlockKind {
  return page.blocks[page.blockOf[position]!]!.kind;
}

/** The kind of block the line at `position` is in: a gallery's caption is the gallery's. */
function kindOf(page: PageModel, position: number): BlockKind {
  if (page.galleries.some((gallery) => gallery.from <= position && position <= gallery.to)) return 'gallery';
  return blockKind(page, position);
}

/** Finds the article's run of lines (see the file's comment for how). */
function locateArticle(context: CleanContext): ArticleRun {
  const { analysis, document, title } = context;
  const page = pageModel(document, analysis, title?.line);
  const { lines } = page;
  const copies = headlineCopies(context, lines);
  if (lines.length === 0) return { lines, page, from: 0, to: -1, members: [], isPage: false, values: [], cuttable: false };
  const seedWeights = seedWeightsOf(lines, copies);
  // Read once here, not in each of the three passes that weigh the lines.
  const cutOff = lines.map((_, i) => isCutOffSummary(lines, i));
  const seedValues = lineValues(page, cutOff, { gapStep: SEED_GAP_STEP, seedWeights, lead: leadUnderHeadline(lines, title, copies) });
  const candidate = seedRun(context, lines, seedValues, copies);
  if (!candidate) return { lines, page, from: 0, to: -1, members: lines.map(() => false), isPage: false, values: lines.map(() => 0), cuttable: false };
  const limits = runLimits(analysis, page, candidate, copies);
  // A seed running into a comment section ends where it was best before it.
  const seed = candidate.to <= limits.last ? candidate : bestPrefix(seedValues, candidate.from, limits.last);
  const first = grow(lineValues(page, cutOff, { gapStep: GAP_STEP }), seed, limits);
  const proseIn = (run: Run): number[] => {
    const positions: number[] = [];
    for (let i = run.from; i <= run.to; i++) if (lines[i]!.prose) positions.push(i);
    return positions;
  };
  const seedProse = proseIn(seed);
  const seedJudges = judgesTopic(termTotal(analysis, lines, seedProse));
  const start = seedJudges ? seedProse : proseIn(first);
  // (The seed's prose, when it is the topic, was just found to judge by: its terms are not counted again.)
  const judges = seedJudges || judgesTopic(termTotal(analysis, lines, start));
  const { values, run, share, ownBlocks, closing } = topicalRun(context, page, cutOff, start, judges, seed, limits);
  // A note on the author may be what was trimmed off the run's end as lone sentences (see `trimLoneEnd`): it is named so.
  const note = authorNote(analysis, lines, closing ? { from: run.from, to: closing.to, total: run.total } : run, share);
  const end = note ? Math.min(note.from - 1, run.to) : run.to;
  const members = lines.map((_, i) => i >= run.from && i <= end);
  // The article resumes after an interruption (a gallery, an ad, a box of code or links): a later
  // run of prose about the topic is the article's, the lines between are not.
  let resumedAfter = end;
  const { found, refused } = resumptions(lines, values, run, limits, judges);
  for (const resumed of found) {
    // Between the two, the lines that may be the article's own (its list, table, code or
    // subheading) stay with it; furniture (a menu, a gallery, teasers, a repeated label, prose
    // about something else) is the interruption.
    for (let i = resumedAfter + 1; i < resumed.from; i++) members[i] = mayInterruptionBelong(page, values, ownBlocks, i);
    for (let i = resumed.from; i <= resumed.to; i++) members[i] = true;
    resumedAfter = resumed.to;
  }
  // The lead under the page's headline, cut off from the run by a byline, a form or a paywall's
  // offer, is the article's: prose about the topic between the headline and the run. The page
  // may print it twice (a preview of the first paragraphs over the whole text, the lead again
  // as its own teaser under a copy of the headline): a copy is still the article's lead, and
  // the near-duplicate rule keeps one of the two.
  for (let i = limits.first; i < run.from; i++) if (lines[i]!.prose && share(lines[i]!, i) >= MIN_LEAD_SHARE) members[i] = true;
  // So is the lead under the page's first copy of the headline when a later copy stands between
  // it and the run (a table of contents that names the headline again, the headline printed
  // again over the whole text): the prose right under the first copy, up to its first line
  // about something else or printed again (a photo's caption, which a gallery prints twice).
  const headline = copies[0];
  if (headline !== undefined && headline < limits.first) {
    for (let i = headline + 1; i < limits.first; i++) {
      if (!lines[i]!.prose) continue;
      if (share(lines[i]!, i) < MIN_LEAD_SHARE || lines[i]!.repeated) break;
      members[i] = true;
    }
  }
  // Between the lead and the run, the blocks that share the article's words (its list of
  // ingredients under its introduction) are the article's too; a byline or an offer is not.
  const lead = members.indexOf(true, limits.first);
  for (let i = lead + 1; lead >= 0 && i < run.from; i++) if (!lines[i]!.repeated && isOwnList(page, ownBlocks, i)) members[i] = true;
  // The deck under the page's copy of the headline is the article's too (after the lists above: a
  // deck is no lead for the blocks below it to join).
  const deck = deckUnderHeadline(context, page, limits, run, share);
  if (deck !== undefined) members[deck] = true;
  // So are the first items of the numbered list that the run goes on with, in the block above it.
  for (const i of listStart(page, run, limits)) members[i] = true;
  openingSentences(page, members, limits.first);
  // The article's deck or first line over its first member, and the last line under its last
  // paragraph, printed without a full stop, are its own (see `unstopped`).
  const opening = members.indexOf(true) - 1;
  if (opening >= Math.max(limits.first, 0) && unstopped(context, page, opening)) members[opening] = true;
  const ending = members.lastIndexOf(true);
  if (ending >= 0 && lines[ending]!.prose && ending + 1 <= limits.last && unstopped(context, page, ending + 1)) members[ending + 1] = true;
  dropGalleries(page, members);
  dropCredits(page, members);
  dropClosingTeasers(page, members);
  dropDanglingIntroduction(lines, members);
  const from = members.indexOf(true);
  const to = members.lastIndexOf(true);
  // A comment section (or a line naming the headline again) below the run says the page goes on after the article.
  const pageBelow = copies.some((copy) => copy < from) || limits.last < lines.length - 1;
  // Prose refused as the article resumed (see `resumptions`) still says the text around a short
  // article is a page, as it did when it was taken: only what is kept changes.
  // So do the lone sentences trimmed off the run's end (see `trimLoneEnd`).
  const within = (i: number, other: Run | undefined): boolean => other !== undefined && i >= other.from && i <= other.to;
  const evidence = refused || closing ? members.map((member, i) => member || within(i, refused) || within(i, closing)) : members;
  const framed = isPage(page, from, to, pageBelow);
  const enough = proseWords(lines, evidence) >= MIN_ARTICLE_WORDS;
  const comments = framed ? lines.findIndex((info, i) => i > to && isCommentsLine(info)) : -1;
  return {
    lines,
    page,
    from,
    to,
    members,
    isPage: enough && framed,
    cuttable: enough && judges,
    values,
    seed,
    note,
    ...(comments >= 0 && { commentsHead: comments }),
  };
}

/** A personal name at the start of a line: two capitalised words ("Anna Berg ist ...", "J. Doe writes ..."). */
const LEADING_NAME = /^(\p{Lu}[\p{L}\p{M}'’.-]*)\s+(\p{Lu}[\p{L}\p{M}'’-]+)/u;

/** A personal name at the end of a heading: two capitalised words ("About Anna Berg", "Über Anna Berg"). */
const TRAILING_NAME = /(\p{Lu}[\p{L}\p{M}'’.-]*)\s+(\p{Lu}[\p{L}\p{M}'’-]+)$/u;

/** Lines of prose a note on the author has at the most. */
const MAX_NOTE_LINES = 3;

/** The share of the topic's words a line of a note on the author holds, below which it is about the author, not the topic ("Kim ... led a meeting" is the article's). */
const MAX_NOTE_SHARE = 0.3;

/** Words of a heading over a note on the author ("About Anna Berg") at the most. */
const MAX_NOTE_HEADING_WORDS = 6;

/** Words of a line naming the author elsewhere (a byline, "By Anna Berg | 12 May 2024 | 3 comments") at the most. */
const MAX_BYLINE_WORDS = 12;

/**
 * The note on the article's author that ends the run, when there is one: its last lines of prose
 * (up to {@link MAX_NOTE_LINES}, after other lines of the article), the first of them or the short heading over them
 * names a person (two capitalised words that are not stop words: "Anna Berg is a reporter ...",
 * "About Anna Berg") whom a short line elsewhere on the page names too: the byline. Its lines
 * share little of the topic (under {@link MAX_NOTE_SHARE}): a paragraph about the person the article
 * is about, or about a person the page names nowhere else, is the article's own. The heading goes
 * with the note.
 */
function authorNote(analysis: Analysis, lines: readonly PageLine[], run: Run, share: (info: PageLine, i: number) => number): Run | undefined {
  // The note: the last few lines of prose, from one that starts with a name or stands under a
  // heading that ends in one.
  for (let start = run.to; start > run.from && run.to - start < MAX_NOTE_LINES && lines[start]!.prose; start--) {
    const above = lines[start - 1]!;
    const heading = !above.prose && above.words <= MAX_NOTE_HEADING_WORDS ? TRAILING_NAME.exec(above.line.text) : null;
    const keys = [LEADING_NAME.exec(lines[start]!.line.text), heading].flatMap((name) => {
      if (!name) return [];
      const words = [name[1]!, name[2]!].map((word) => comparisonKey(word));
      return words.some((word) => word === '' || analysis.stopwords.words.has(word)) ? [] : [` ${words.join(' ')} `];
    });
    const from = heading ? start - 1 : start;
    if (keys.length === 0 || from <= run.from) continue;
    let onTopic = false;
    for (let i = start; i <= run.to; i++) onTopic ||= share(lines[i]!, i) >= MAX_NOTE_SHARE;
    if (onTopic) return undefined;
    const namesAuthor = (info: PageLine, i: number): boolean => (i < from || i > run.to) && info.words <= MAX_BYLINE_WORDS && keys.some((key) => ` ${analysis.key(info.line)} `.includes(key));
    return lines.some(namesAuthor) ? { from, to: run.to, total: 0 } : undefined;
  }
  return undefined;
}

/**
 * Words of prose the article's lines hold, at the least, for the page around them to be cut: a
 * few short sentences on a page of lists (an agenda, a CV, a song's lyrics, a shop's table) are
 * no sure sign of where its article is ("Du kommentierst mit Deinem Konto." under a comment form
 * outscores an agenda of short lines), and when unsure the rule keeps.
 */
const MIN_ARTICLE_WORDS = 60;

/** The words of the prose lines of `lines` that are `members`. */
function proseWords(lines: readonly PageLine[], members: readonly boolean[]): number {
  let words = 0;
  lines.forEach((info, i) => {
    if (members[i] && info.prose) words += info.words;
  });
  return words;
}

/**
 * Adds to `members` the sentences that open the paragraph the article starts in, below `first`:
 * a paragraph is one text, and its first sentences may share none of the topic's words ("It was
 * a cold morning at the end of March." over "The lighthouse on Skerry Point will have keepers
 * again ..."), or the run may start lower, in a later paragraph, the first one joining as the
 * lead. Lines of prose that end a sentence, printed once, not another page's summary cut off in
 * an ellipsis; a headline run into the paragraph without a full stop is not taken.
 */
function openingSentences(page: PageModel, members: boolean[], first: number): void {
  const start = members.indexOf(true);
  const block = start >= 0 ? page.blocks[page.blockOf[start]!]! : undefined;
  if (block?.kind !== 'prose') return;
  for (let i = Math.max(block.from, first); i < start; i++) {
    const info = page.lines[i]!;
    if (info.prose && !info.repeated && endsSentence(info.line.text) && !isCutOffSummary(page.lines, i)) members[i] = true;
  }
}

/**
 * Words a short line next to the article's paragraphs has at the least to read as its sentence
 * printed without a full stop (see {@link unstopped}): a related story's headline, a label or a
 * caption's credit is shorter.
 */
const MIN_UNSTOPPED_WORDS = 10;

/**
 * True when the short line at `i` reads as a sentence of the article printed without its full
 * stop: a deck set over the first paragraph ("Three ferries a day from May and a new pier for the
 * children of the island"), the first line of a paragraph that the page set apart, a credit under
 * the last paragraph ("Additional reporting by Anna Berg and editing by Jonas Pell"). A line of a
 * list, a table or a heading (not of a menu, a gallery, code, a comment thread or a list of other
 * stories), printed once, without the shape of a date, counter or credit, of at least
 * {@link MIN_UNSTOPPED_WORDS} words with the stop words of the page's prose, that starts with a
 * capital letter or a digit as a sentence does (not a caption's ": from left, ...", nor a byline's
 * "by Anna Berg ...") and does not introduce what follows with a colon. Only the one line right
 * next to the article is read so: further away such a line is as likely another story's.
 */
function unstopped({ analysis }: CleanContext, page: PageModel, i: number): boolean {
  const info = page.lines[i]!;
  const kind = blockKind(page, i);
  if (info.prose || info.repeated || info.sign !== undefined || (kind !== 'list' && kind !== 'table' && kind !== 'heading')) return false;
  if (info.words < MIN_UNSTOPPED_WORDS || !STARTS_WITH_WORD.test(info.line.text) || endsInColon(info.line.text)) return false;
  return hasProseWords(analysis, info.line, page.proseStopwords);
}

/** A line that starts as a sentence does: with a letter not in lower case (a capital, or a script without case) or a digit. */
const STARTS_WITH_WORD = /^(?!\p{Ll})[\p{L}\p{N}]/u;

/**
 * Takes out of `members` the galleries inside the article: when the article has more prose
 * outside its galleries than inside them, a gallery (its numbers, titles, captions and credits)
 * is an interruption. A gallery that is most of the article's prose is the article (a photo story
 * told in captions), and stays.
 */
function dropGalleries(page: PageModel, members: boolean[]): void {
  let inside = 0;
  let outside = 0;
  const inGallery = new Set<number>();
  for (const gallery of page.galleries) for (let i = gallery.from; i <= gallery.to; i++) if (members[i]) inGallery.add(i);
  page.lines.forEach((info, i) => {
    if (!members[i] || !info.prose) return;
    if (inGallery.has(i)) inside += info.words;
    else outside += info.words;
  });
  if (inside === 0 || outside <= inside) return;
  for (const i of inGallery) members[i] = false;
}

/**
 * Takes out of `members` the article's last lines when they end in a colon: such a line
 * introduces what follows ("More on the harbour:", "Choose your plan and read on:"), and what
 * follows is not the article's, so neither is the line. A paragraph of sentences ending in a
 * colon ("We build boats. We do not repair them:") is the article's whatever follows. (A list the
 * article's own sentence introduces is the article's and is kept with it: see {@link introduced}.)
 */
function dropDanglingIntroduction(lines: readonly PageLine[], members: boolean[]): void {
  let last = members.lastIndexOf(true);
  while (last > 0 && endsInColon(lines[last]!.line.text) && lines[last]!.line.sentenceCount <= 1) {
    const previous = members.lastIndexOf(true, last - 1);
    if (previous < 0) return;
    members[last] = false;
    last = previous;
  }
}

/**
 * Links ("Read More", each under a summary) a list of other stories closing the run has at the
 * least; a link is a short line the page prints more often than that.
 */
const MIN_TEASER_LINKS = 2;

/**
 * The share of the summaries that such a line goes with, at the least: a label the page prints
 * over a box of links now and then inside a long article ("News" over two headlines, between the
 * answers of a FAQ) is no link under every summary.
 */
const MIN_LINKED_SHARE = 0.5;

/**
 * Takes out of `members` a list of other stories that ends the run: headlines and summaries, each
 * under or over a short line the page prints again and again ("Keep reading" / "The case of the
 * locked table" / summary / "Read More" / next headline ...). Summaries of the site's other posts
 * share the article's words (a blog writes on one subject) and so were grown into the run; the
 * link printed again and again says they are teasers. (An article's own sections, a subheading
 * over a paragraph each, repeat no line with words: a rule "___" between them has none.)
 */
function dropClosingTeasers(page: PageModel, members: boolean[]): void {
  const last = members.lastIndexOf(true);
  if (last < 0 || blockKind(page, last) !== 'teasers') return;
  let first = last;
  while (first > 0 && members[first - 1] && blockKind(page, first - 1) === 'teasers') first--;
  let links = 0;
  let summaries = 0;
  for (let i = first; i <= last; i++) {
    const info = page.lines[i]!;
    if (info.prose) summaries++;
    else if (hasLetter(info.line.text) && info.copies > MIN_TEASER_LINKS) links++;
  }
  if (links < MIN_TEASER_LINKS || links < summaries * MIN_LINKED_SHARE) return;
  members.fill(false, first, last + 1);
}

/**
 * Takes out of `members` the credits standing alone between the article's paragraphs ("Foto: Anna
 * Berg", "Anna Berg/Bildagentur"): a picture's, not the article's text. A credit-shaped line in a
 * list or table ("Preis: 12 Euro") is a row of it, and stays.
 */
function dropCredits(page: PageModel, members: boolean[]): void {
  page.lines.forEach((info, i) => {
    if (!members[i]) return;
    if ((info.sign === 'credit' && blockKind(page, i) === 'heading') || isCaptionLine(page, info)) members[i] = false;
  });
}

/** True when the line is a caption with its credit (see {@link isCaption}) standing as a paragraph or a heading, not as a row of a list or table. */
function isCaptionLine(page: PageModel, info: PageLine): boolean {
  const kind = blockKind(page, info.position);
  return (kind === 'heading' || kind === 'prose') && isCaption(info);
}

/** A picture's caption that ends in its credit (see `endsInCredit`), of {@link MAX_CREDITED_CAPTION_WORDS} words at most. */
function isCaption(info: PageLine): boolean {
  return info.words <= MAX_CREDITED_CAPTION_WORDS && endsInCredit(info.line.text);
}

/** The most words a caption with its credit has (see {@link isCaption}). */
const MAX_CREDITED_CAPTION_WORDS = 60;

/**
 * The runs below `run` (within `limits`) where the article resumes after an interruption: runs
 * of lines whose values (prose about the topic; see {@link topicalRun}) add up to at least
 * {@link MIN_RESUMED_SHARE} of the run's own and that hold paragraphs (see {@link holdsParagraphs}),
 * each found after the last. When the topic is too small to judge (`judges` false), every
 * paragraph counts as about it, and a short article is not taken to resume farther below it, in
 * lines, than {@link MAX_RESUME_LINES_PER_WORD} times its prose has words: the prose under a long
 * footer of links below a lone paragraph ("HTML-Code zum Einbetten des Videos ...", a sign-in
 * form's messages) is the page's, not the article come back. That run is `refused`, and nothing
 * after it resumes the article. Once the article has resumed, a later run is judged as before (a
 * product's text resumes after its long table of specifications).
 */
function resumptions(lines: readonly PageLine[], values: readonly number[], run: Run, limits: Limits, judges: boolean): { found: Run[]; refused?: Run } {
  const found: Run[] = [];
  let words = 0;
  for (let i = run.from; i <= run.to; i++) if (lines[i]!.prose) words += lines[i]!.words;
  let after = run.to + 1;
  while (after <= limits.last) {
    const next = candidateRuns(values.slice(after, limits.last + 1)).find((each) => each.total >= run.total * MIN_RESUMED_SHARE && holdsParagraphs(lines, after + each.from, after + each.to));
    if (!next) break;
    const resumed = { from: after + next.from, to: after + next.to, total: next.total };
    if (!judges && found.length === 0 && next.from > words * MAX_RESUME_LINES_PER_WORD) return { found, refused: resumed };
    found.push(resumed);
    after = resumed.to + 1;
  }
  return { found };
}

/** Lines below a short article, per word of its prose, within which it may resume when its topic is too small to judge (see {@link resumptions}). */
const MAX_RESUME_LINES_PER_WORD = 1;

/**
 * True when the lines from `from` to `to` hold two paragraphs of prose one under the other: an
 * article resumes with its paragraphs, where other items of a page (messages, posts, summaries
 * each under its share bar) stand alone between short lines.
 */
function holdsParagraphs(lines: readonly PageLine[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (lines[i]!.prose && !lines[i]!.isolated) return true;
  return false;
}

/**
 * True when the line at `i`, between the run and the article resumed, may be the article's (see
 * {@link locateArticle}): not furniture, but for a list of one-word items that shares the
 * article's words (`ownBlocks`: a recipe's ingredients, "Mehl" / "Zucker" / "Butter", between its
 * introduction and its steps).
 */
function mayInterruptionBelong(page: PageModel, values: readonly number[], ownBlocks: readonly boolean[], i: number): boolean {
  const info = page.lines[i]!;
  const kind = blockKind(page, i);
  if (info.repeated || (kind === 'menu' && !ownBlocks[page.blockOf[i]!]) || kind === 'teasers' || kind === 'comments' || kind === 'gallery') return false;
  return !info.prose || values[i]! > 0;
}

/**
 * True when the line at `i` is in a list, table or menu that shares the article's words
 * (`ownBlocks`); not in a heading (a video's or another story's title over the article).
 */
function isOwnList(page: PageModel, ownBlocks: readonly boolean[], i: number): boolean {
  const block = page.blocks[page.blockOf[i]!]!;
  return ownBlocks[block.index]! && (block.kind === 'list' || block.kind === 'table' || block.kind === 'menu');
}

/**
 * The position of the article's deck, when it has one: the line right under the page's copy of
 * the headline that tops the run, above the run, that sums the article up without being a
 * sentence of its prose ("Anna Berg on why the harbour needs a deeper channel", "Three ferries
 * a day from May, the council says" with no full stop): a short line printed once, not in a
 * menu (unless it has {@link MIN_DECK_WORDS_IN_MENU} words: a page without a blank line between
 * its links and the deck runs them into one block), a gallery, a comment thread, a list of other
 * stories or code, with at least
 * {@link MIN_LABEL_TERMS} content words of which {@link MIN_LEAD_SHARE} are the topic's. A
 * byline or a date there shares none of them; a caption stands under the deck, right above the
 * text, and is not taken.
 */
function deckUnderHeadline({ analysis }: CleanContext, page: PageModel, limits: Limits, run: Run, share: (info: PageLine, i: number) => number): number | undefined {
  const at = limits.first;
  // `limits.first` is the line under the page's last copy of the headline above the seed, when there is one.
  if (at === 0 || at >= run.from) return undefined;
  const info = page.lines[at]!;
  const kind = blockKind(page, at);
  if (info.prose || info.repeated || info.sign !== undefined || (kind === 'menu' && info.words < MIN_DECK_WORDS_IN_MENU) || kind === 'gallery' || kind === 'comments' || kind === 'teasers' || kind === 'code') return undefined;
  return hasProseWords(analysis, info.line, 0) && analysis.termCount(info.line) >= MIN_LABEL_TERMS && share(info, at) >= MIN_LEAD_SHARE ? at : undefined;
}

/**
 * Words a deck has at the least when the page's layout ran it into the block of short links
 * above it ("Home" / "Sport" / "Ferries" / "Three ferries a day from May, the council says"):
 * a link of a menu is a few words, a deck a clause.
 */
const MIN_DECK_WORDS_IN_MENU = 6;

/**
 * The positions of the lines, in the block right above `run` (within `limits`), from the item of
 * a numbered list that comes before the run's first item to the run: a run that holds items from
 * n on ("2. Results", "3. Trust") starts a list whose item n - 1 ("1. Joy and ease.") the page's
 * layout set apart, with its text. Lines the page prints again (a menu's, a share bar's) are not
 * taken. Nothing when the run holds no numbered item, or item 1.
 */
function listStart(page: PageModel, run: Run, limits: Limits): number[] {
  const { lines } = page;
  const above = page.blocks[page.blockOf[run.from]! - 1];
  if (!above || run.from - 1 < limits.first) return [];
  let smallest = Infinity;
  for (let i = run.from; i <= run.to; i++) smallest = Math.min(smallest, itemNumber(lines[i]!.line.text) ?? Infinity);
  if (smallest < 2 || smallest === Infinity) return [];
  for (let i = run.from - 1; i >= Math.max(above.from, limits.first); i--) {
    if (itemNumber(lines[i]!.line.text) === smallest - 1) return [...range(i, run.from)].filter((k) => !lines[k]!.repeated);
  }
  return [];
}

/** The number of a numbered list's item at the start of a line: "2. Results", "3) Trust". */
const ITEM_NUMBER = /^(\p{N}{1,2})[.)]\s/u;

/** The number of the numbered item that `text` starts, if it starts one (see {@link ITEM_NUMBER}). */
function itemNumber(text: string): number | undefined {
  const match = ITEM_NUMBER.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The share of the run's value a later run of prose about the topic adds up to, at the least, to be the article resumed. */
const MIN_RESUMED_SHARE = 0.3;

/** The share of its content words a line of prose above the run shares with the topic to be the article's lead. */
const MIN_LEAD_SHARE = 0.3;

/**
 * What each line's prose counts for when choosing the seed: less above the page's first copy of
 * the headline (the article follows it).
 */
function seedWeightsOf(lines: readonly PageLine[], copies: readonly number[]): number[] {
  const firstCopy = copies[0] ?? -1;
  return lines.map((_, i) => (i < firstCopy ? BEFORE_HEADLINE_WEIGHT : 1));
}

/** Lines at most between the headline and the article's lead for the lead to stand right under it (a byline, a date). */
const MAX_LINES_ABOVE_LEAD = 2;

/**
 * The position of the article's lead right under the headline, in a text that holds no later copy
 * of it: the first line of prose, with at most {@link MAX_LINES_ABOVE_LEAD} short lines (a byline,
 * a date) between it and the headline. A paragraph standing alone between short lines reads like
 * a teaser's summary and counts for little when the seed is chosen; right under the headline it
 * is the article's start (a short article of one paragraph, "After twenty years of automatic
 * operation, the lighthouse ...", above a video's labels, a footer and a sign-in form's many short
 * messages), and counts as a paragraph. This is what keeps the seed in place from one reading to
 * the next: the first reading of a dump finds the article under the page's copies of the headline
 * (see {@link seedRun}), `repeated-title` removes the copies, and the next reading would otherwise
 * move the seed to the longer form below and cut the article as the page before it. A text that
 * prints the headline again is weighed by its copies instead.
 */
function leadUnderHeadline(lines: readonly PageLine[], title: Title | undefined, copies: readonly number[]): number | undefined {
  if (!title || copies.length > 0) return undefined;
  const under = lines.findIndex((info) => info.line.index > title.line);
  const lead = lines.findIndex((info, i) => i >= under && info.prose);
  return under >= 0 && lead >= 0 && lead - under <= MAX_LINES_ABOVE_LEAD ? lead : undefined;
}

/**
 * True when the run `[from, to]` of `lines` has a page around it: many lines outside it (a stray
 * line or two around an article is the `fragment` rule's business), and a page header before it
 * of non-prose lines (menus, share bars), or else a long page after it, when something says the
 * page goes on there (`pageBelow`: the page's copy of the headline above the run, or a comment
 * section below it), or a footer mostly of menus (the site's links, its address, its legal
 * pages) under it: a text that starts with its article may still end in a page. A head of prose
 * is the article's own start, missed by the seed; a text that starts with its article and goes on
 * with one list of a single pattern ends in its own list (the votes of a poll), not in a page.
 */
function isPage(page: PageModel, from: number, to: number, pageBelow: boolean): boolean {
  const { lines } = page;
  const head = lines.slice(0, from);
  const headProse = head.filter((info) => info.prose).length;
  const tail = lines.length - 1 - to;
  if (head.length > 0 && headProse >= head.length * MAX_HEAD_PROSE_SHARE) return false;
  // A page header of furniture above the run (menus, bylines, share bars) is a page, however short the rest.
  if (head.length >= MIN_SIDE_LINES) return true;
  // A footer of menus under the run (the site's links, its address, its legal pages) is a page, as a header is.
  if (tail >= MIN_FOOTER_LINES) {
    let menuLines = 0;
    for (let i = to + 1; i < lines.length; i++) if (blockKind(page, i) === 'menu') menuLines++;
    if (menuLines >= tail * MIN_FOOTER_MENU_SHARE) return true;
  }
  if (from + tail < MIN_PAGE_LINES) return false;
  const next = page.blocks[page.blockOf[to + 1] ?? -1];
  const ownList = next !== undefined && next.kind !== 'prose' && next.parallel >= OWN_LIST_PARALLEL && next.to - next.from + 1 >= tail * OWN_LIST_PARALLEL;
  return tail >= MIN_PAGE_LINES && pageBelow && !ownList;
}

/** Lines of a footer of menus under the run, at the least, for the text to be a page (see {@link isPage}). */
const MIN_FOOTER_LINES = 15;

/** The share of the lines under the run that are in menus, at the least, for them to be a page's footer. */
const MIN_FOOTER_MENU_SHARE = 0.6;

/** The share of a list's lines in one pattern, and of the page after the article in that list, for it to be the article's own. */
const OWN_LIST_PARALLEL = 0.8;

/** The content words of the lines at `positions`, counted. */
function termTotal(analysis: Analysis, lines: readonly PageLine[], positions: readonly number[]): number {
  let total = 0;
  for (const i of positions) total += analysis.termCount(lines[i]!.line);
  return total;
}

/**
 * The run grown from `seed` when the topic is the content words of the lines at `topicLines`:
 * prose sharing too few of them counts against the run; short lines about them, and blocks of
 * short lines that share enough of them (the article's list, table or code), cost nothing.
 * `judges` says whether the topic has words enough to judge prose by (see `judgesTopic`): when it
 * has not, all prose counts as about it. `cutOff` flags the cut-off summaries (see {@link isCutOffSummary}).
 */
function topicalRun(
  context: CleanContext,
  page: PageModel,
  cutOff: readonly boolean[],
  topicLines: readonly number[],
  judges: boolean,
  seed: Run,
  limits: Limits,
): { values: number[]; run: Run; share: (info: PageLine, i: number) => number; ownBlocks: boolean[]; closing: Run | undefined } {
  const { analysis } = context;
  const { lines } = page;
  const topic = analysis.termCounts(topicLines.map((i) => lines[i]!.line));
  const inTopic = new Set(topicLines);
  const share = (info: PageLine, i: number): number => analysis.sharedTermShare(topic, info.line, inTopic.has(i)) ?? 0;
  const shares = page.blocks.map((block) => (mayBelong(page, block) ? blockShare(analysis, topic, page, block, inTopic) : -1));
  const belongs = shares.map((value) => value >= MIN_BLOCK_SHARE);
  // A run of prose lines is about the topic as a whole (when it holds some of the topic's own lines,
  // or shares enough of it): one of its lines may say what it says in other words ("Weil dadurch
  // Stress von uns abfällt" after "Warum lebt man mit Ikigai länger?"), and does not count
  // against the run; but a run does not grow to it (a newsletter's offer under the last paragraph).
  const blockOnTopic = page.blocks.map((block) => {
    if (block.kind !== 'prose' || block.to === block.from) return false;
    for (let i = block.from; i <= block.to; i++) if (inTopic.has(i)) return true;
    return blockShare(analysis, topic, page, block, inTopic) >= MIN_TOPIC_SHARE;
  });
  const onTopic = (info: PageLine, i: number): boolean => !judges || share(info, i) >= MIN_TOPIC_SHARE;
  const introducedLines = introducedLists(page, (info, i) => share(info, i) >= MIN_TOPIC_SHARE);
  const values = lineValues(page, cutOff, {
    gapStep: GAP_STEP,
    onTopic,
    amidTopic: (_, i) => blockOnTopic[page.blockOf[i]!]!,
    aboutTopic: (info, i) => belongs[page.blockOf[i]!]! || introducedLines[i] === 1 || (analysis.termCount(info.line) >= MIN_LABEL_TERMS && share(info, i) >= MIN_LABEL_SHARE),
  });
  // The blocks of short lines that share the article's words: its list, table or code, and a list
  // of one-word items (a recipe's ingredients). A menu does not make the run grow (a site's menu
  // shares words with its news about itself); it is the article's own only between two parts of
  // the article (see `mayInterruptionBelong` and the lead in `locateArticle`).
  const ownBlocks = page.blocks.map((block, b) => belongs[b]! || (block.kind === 'menu' && printedOnce(page, block) && blockShare(analysis, topic, page, block, inTopic) >= MIN_BLOCK_SHARE));
  const closed = trimEnd(values, grow(values, seed, limits), (i) => closesRun(lines[i]!, share(lines[i]!, i)));
  // The article's own list, table or code (one that shares its words, or that its sentence introduces).
  // (A gallery or code costs the run nothing whatever its words: the article may go on after it.)
  const ownLine = (i: number): boolean => {
    const kind = blockKind(page, i);
    return kind === 'gallery' || kind === 'code' || (belongs[page.blockOf[i]!]! && OWN_KINDS.has(kind)) || introducedLines[i] === 1;
  };
  // Of those, what a stretch after the last paragraph may hold and still be the article's: all but a
  // list that only shares its words (related headlines do; see `trimAfterLastParagraph`).
  const carries = (i: number): boolean => ownLine(i) && (blockKind(page, i) !== 'list' || introducedLines[i] === 1);
  const trimmed = trimAfterLastParagraph(lines, trimLoneEnd(lines, values, closed, (i) => share(lines[i]!, i) < MAX_LONE_CLOSING_SHARE, ownLine), carries);
  const run = wholeGalleries(page, namedSections(page, introduced(page, trimmed, limits, belongs), limits), limits);
  // The lone sentences trimmed off still say, as they did, that the text is a page (see `locateArticle`).
  const closing = trimmed.to < closed.to && run.to < closed.to ? { from: run.to + 1, to: closed.to, total: 0 } : undefined;
  return { values, run, share, ownBlocks, closing };
}

/**
 * Per line, whether it is an item of a list or table that a line of the article's prose
 * introduces ("Tickets go on sale on Friday, and the band will play these dates:"): a block of
 * short lines that may be the article's (see {@link mayBelong}) right under a line of prose about
 * the topic that ends in a colon, up to the end of the block's pattern (see {@link patternEnd}).
 * Such items cost the run nothing, so that the article goes on after its list. `aboutTopic` says
 * whether the introducing line shares enough of the topic's words, even when the topic is too
 * small for prose to be judged by them (a comment form's "Enter your details below:" over its
 * fields shares none of an agenda's).
 */
function introducedLists(page: PageModel, aboutTopic: (info: PageLine, i: number) => boolean): Uint8Array {
  const flags = uint8Array(page.lines.length);
  for (const block of page.blocks) {
    const intro = page.lines[block.from - 1];
    if (!intro || !intro.prose || !endsInColon(intro.line.text) || !aboutTopic(intro, intro.position) || !mayBelong(page, block)) continue;
    flags.fill(1, block.from, patternEnd(page, block) + 1);
  }
  return flags;
}

/**
 * The run with the list or table that its last line introduces ("The band plays these dates:"):
 * a block of short lines (not a menu) right after a line ending in a colon is the article's own,
 * up to the end of its pattern. Nothing after it says the article goes on, so a block without a
 * pattern, whose end the colon does not tell ("Read more about the lighthouse:" over a box of the
 * site's links run on into its footer's phone numbers), is the article's only when it shares the
 * article's words like any block of short lines (`belongs`); a list of one pattern (dates, prices,
 * names) need not.
 */
function introduced(page: PageModel, run: Run, limits: Limits, belongs: readonly boolean[]): Run {
  const next = page.blocks[page.blockOf[run.to]! + 1];
  if (!endsInColon(page.lines[run.to]!.line.text) || !next || !mayBelong(page, next) || next.to > limits.last) return run;
  if (next.parallel < MIN_PATTERN_SHARE && !belongs[next.index]) return run;
  return { from: run.from, to: patternEnd(page, next), total: run.total };
}

/**
 * The run with the rest of the sections that the page's table of contents names, when the run
 * holds one of them: to the end of the block of each named subheading below it, in order, while
 * that block may be the article's (see {@link mayBelong}: "Pulpo" / "Enchufla switch" over their
 * steps, not a menu of other tours). The table lists the article's parts; the article ends with its last.
 */
function namedSections(page: PageModel, run: Run, limits: Limits): Run {
  const { headings } = page;
  if (!headings.some((i) => run.from <= i && i <= run.to)) return run;
  let to = run.to;
  for (const i of headings) {
    if (i <= to) continue;
    const block = page.blocks[page.blockOf[i]!]!;
    if (!mayBelong(page, block) || block.to > limits.last) break;
    to = block.to;
  }
  return to === run.to ? run : { from: run.from, to, total: run.total };
}

/**
 * The last line of a block's pattern: of a list in one shape, its last line of that shape (a
 * label after a list of dates, "More from the Gazette", is the next box's); of a block without
 * one, its last line.
 */
function patternEnd(page: PageModel, block: Block): number {
  if (block.parallel < MIN_PATTERN_SHARE) return block.to;
  const shape = lineShape(page.lines[block.from]!.line.text);
  let end = block.to;
  while (end > block.from && lineShape(page.lines[end]!.line.text) !== shape) end--;
  return end;
}

/** The share of a block's lines in one shape from which it is a list of that shape. */
const MIN_PATTERN_SHARE = 0.5;

/** The run with the rest of a gallery it starts or ends in (the first slide's number, the last slide's credit). */
function wholeGalleries(page: PageModel, run: Run, limits: Limits): Run {
  const last = page.galleries.find((each) => each.from <= run.to && run.to < each.to);
  const first = page.galleries.find((each) => each.from < run.from && run.from <= each.to);
  return {
    from: first && first.from >= limits.first ? first.from : run.from,
    to: last && last.to <= limits.last ? last.to : run.to,
    total: run.total,
  };
}

/** The share of a block's lines that the page holds elsewhere, below which it may be the article's own list or table. */
const MAX_REPEATED_SHARE = 0.2;

/**
 * The most times a page prints one menu (a header and a footer, and a menu for small screens).
 * A line printed more often is a pattern of the page (a label under each of its items: "Buy
 * Now", "Worked solution"), not a menu.
 */
const MAX_MENU_COPIES = 3;

/**
 * True when a block of short lines may be part of the article by the words it shares with it: a
 * list, a table or a gallery, not a menu, and few of its lines printed elsewhere on the page (a
 * site's menu shares words with the site's news about itself).
 */
function mayBelong(page: PageModel, block: Block): boolean {
  if (block.kind === 'prose' || block.kind === 'menu' || block.kind === 'comments' || block.kind === 'teasers') return false;
  return printedOnce(page, block);
}

/** True when few of a block's lines are printed elsewhere on the page (see {@link MAX_REPEATED_SHARE}, {@link MAX_MENU_COPIES}). */
function printedOnce(page: PageModel, block: Block): boolean {
  let repeated = 0;
  for (let i = block.from; i <= block.to; i++) if (page.lines[i]!.repeated && page.lines[i]!.copies <= MAX_MENU_COPIES) repeated++;
  return repeated <= (block.to - block.from + 1) * MAX_REPEATED_SHARE;
}

/** The share of a block's distinct content terms that the topic holds (0 without terms). */
function blockShare(analysis: Analysis, topic: TermCounts, page: PageModel, block: Block, inTopic: ReadonlySet<number>): number {
  const pieces: Line[] = [];
  let inside = false;
  for (let i = block.from; i <= block.to; i++) {
    pieces.push(page.lines[i]!.line);
    inside ||= inTopic.has(i);
  }
  if (!holdsTerms(analysis, pieces, MIN_BLOCK_TERMS)) return 0;
  return analysis.sharedTermShare(topic, pieces, inside) ?? 0;
}

/**
 * True when `pieces` hold at least `least` distinct content terms. (The pieces after those that
 * reach the number are not read: a long block's count is not needed past it.)
 */
function holdsTerms(analysis: Analysis, pieces: readonly Line[], least: number): boolean {
  const terms = new Set<number>();
  for (const piece of pieces) {
    analysis.eachTerm(piece, (term) => terms.add(term));
    if (terms.size >= least) return true;
  }
  return terms.size >= least;
}

/** Positions (both inclusive) the article's run cannot reach beyond. */
interface Limits {
  readonly first: number;
  readonly last: number;
}

/**
 * Where the run around `seed` must stop: not above the last copy of the headline before it (the
 * page's own headline tops the article); not at or below the first line after its start that
 * heads a comment section ("[ 167 comments ]", "Leave a comment", "Комментарии") or names the
 * headline again ("34 responses to “<headline>”", the headline in a list of popular stories):
 * both come after the article. A sentence of the article's own prose that restates its headline
 * ("Here are the ten best ways to <headline>.") ends nothing.
 */
function runLimits(analysis: Analysis, page: PageModel, seed: Run, copies: readonly number[]): Limits {
  const { lines } = page;
  const anchor = lastBefore(copies, seed.from);
  const first = anchor === undefined ? 0 : anchor + 1;
  const names = anchor === undefined ? () => false : namesHeadline(analysis, lines[anchor]!.line);
  // (A line of code that quotes the headline, `query = "<headline>"`, heads nothing; nor does a
  // sentence of the article that restates it.)
  const end = lines.findIndex((info, i) => i > seed.from && blockKind(page, i) !== 'code' && (isCommentsLine(info) || (!info.prose && names(info)) || blockKind(page, i) === 'comments'));
  return { first, last: end === -1 ? lines.length - 1 : end - 1 };
}

/**
 * True when the line at `i` is the cut-off summary of another page: a paragraph that stops
 * mid-sentence in an ellipsis ("... traçando um plano paralelo para …"), cut where its link begins
 * (see `trailsOff`), standing alone between short lines or set right over or under another such
 * summary (a box of other stories printed as lines of prose, "The ferry stopped for a week and
 * the farmers had to …" / "Three teams will play in the cup and the youngest hopes to …"; one
 * paragraph of the article trailing off among its others is none). Prose about something else,
 * whatever words it shares with the article (a page of short messages on one theme). (`fragment`
 * cuts such a last sentence where it is kept; here the whole line weighs against the run, so that
 * the run does not grow over the summaries under the article.)
 */
function isCutOffSummary(lines: readonly PageLine[], i: number): boolean {
  const info = lines[i]!;
  if (!info.prose || !trailsOff(info.line.text)) return false;
  const cut = (other: PageLine | undefined): boolean => other !== undefined && other.prose && trailsOff(other.line.text);
  return info.isolated || cut(lines[i - 1]) || cut(lines[i + 1]);
}

/** The most words a line naming the headline has besides it ("34 responses to “...”"). */
const MAX_WORDS_AROUND_HEADLINE = 6;

/**
 * Words a headline needs for a line holding it to name it: a headline of a word or two
 * ("Baumgutachten") is a word of the article's own lines and list items ("Baumgutachten zur
 * Wertermittlung"), not a name that a comment section's head or a list of popular stories gives
 * again.
 */
const MIN_NAMED_HEADLINE_WORDS = 3;

/** A test for short lines that hold `headline` (the page's copy of it) whole. */
function namesHeadline(analysis: Analysis, headline: Line): (info: PageLine) => boolean {
  const key = ` ${analysis.key(headline)} `;
  const words = analysis.wordCount(headline);
  if (words < MIN_NAMED_HEADLINE_WORDS) return () => false;
  return (info) => info.words <= words + MAX_WORDS_AROUND_HEADLINE && ` ${analysis.key(info.line)} `.includes(key);
}

/** True when the line heads, counts or closes a comment section (see {@link headsComments}). */
function isCommentsLine(info: PageLine): boolean {
  return headsComments(info.line.text, info.words);
}

/** The last of `positions` (ascending) before `position`, by binary search. */
function lastBefore(positions: readonly number[], position: number): number | undefined {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < position) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? positions[lo - 1] : undefined;
}

/** Positions in `lines` of the later copies of the headline, ascending. */
function headlineCopies({ title, analysis }: CleanContext, lines: readonly PageLine[]): number[] {
  if (!title) return [];
  const isCopy = headlineCopyTest(title.text, analysis);
  // A loop, not `flatMap`: an array per line was a third of the time this took.
  const copies: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.line.index > title.line && isCopy(lines[i]!.line)) copies.push(i);
  return copies;
}

/** How {@link lineValues} weighs lines in one pass. */
interface Weighing {
  /** What the n-th line of a stretch of non-prose costs, times n. */
  readonly gapStep: number;
  /** The seed pass: what each line's prose counts for (see {@link seedWeightsOf}). */
  readonly seedWeights?: readonly number[];
  /** The seed pass: the position of the article's lead under the headline, which counts as a paragraph even standing alone (see {@link leadUnderHeadline}). */
  readonly lead?: number;
  /** Whether a line of prose is about the article's topic (all are when not given). */
  readonly onTopic?: (info: PageLine, i: number) => boolean;
  /**
   * Whether a line of prose off the topic stands in a run of prose about it: then it is worth
   * nothing either way (the run may hold it, but does not grow to it).
   */
  readonly amidTopic?: (info: PageLine, i: number) => boolean;
  /** Whether a short line is about the article's topic: then it costs nothing. */
  readonly aboutTopic?: (info: PageLine, i: number) => boolean;
}

/** What each line adds to a run that holds it; `cutOff` flags the cut-off summaries (see {@link isCutOffSummary}). */
function lineValues(page: PageModel, cutOff: readonly boolean[], weighing: Weighing): number[] {
  let stretch = 0;
  return page.lines.map((info, i) => {
    if (info.prose) {
      if (info.repeated) return -REPEAT_COST;
      stretch = 0;
      const weight = (info.isolated && i !== weighing.lead ? ISOLATED_WEIGHT : 1) * (weighing.seedWeights?.[i] ?? 1);
      if (!cutOff[i] && (weighing.onTopic?.(info, i) ?? true)) return (info.words - LINE_COST) * weight;
      return weighing.amidTopic?.(info, i) ? 0 : info.words * OFF_TOPIC_WEIGHT * weight;
    }
    // A gallery's numbers, credits and titles, a step's number, a tutorial's code: the article may go on after it.
    const kind = blockKind(page, i);
    if (weighing.aboutTopic?.(info, i) || info.sign === 'step' || kind === 'gallery' || kind === 'code') return 0;
    if (info.repeated) return -REPEAT_COST;
    stretch++;
    return -Math.min(weighing.gapStep * stretch, MAX_GAP_COST);
  });
}

/** A run of lines `[from, to]` (inclusive) and its total value. */
interface Run {
  readonly from: number;
  readonly to: number;
  readonly total: number;
}

/**
 * The seed of the article: of the candidate runs, the one whose total, weighted by the share of
 * the headline's content words its prose repeats and by how close it starts below the page's
 * first copy of the headline, is greatest. The first copy is the page's own headline over its
 * article; a later one heads a list of the site's stories or a comment section ("Ile jest warta
 * godzina pracy?" again at the top of a list of twenty other headlines), and a run right under
 * it is no closer to the article for that.
 */
function seedRun({ analysis, title }: CleanContext, lines: readonly PageLine[], values: readonly number[], copies: readonly number[]): Run | undefined {
  const titleTerms = new Set<number>();
  if (title) analysis.eachTerm(title, (term) => titleTerms.add(term));
  let best: Run | undefined;
  let bestScore = -Infinity;
  for (const run of candidateRuns(values)) {
    const repeated = termsHeld(analysis, lines, run, titleTerms);
    const headline = copies[0] !== undefined && copies[0] < run.from ? copies[0] : undefined;
    const distance = headline === undefined ? 0 : run.from - headline;
    const score = (run.total * (1 + (titleTerms.size === 0 ? 0 : (TITLE_BOOST * repeated) / titleTerms.size))) / (1 + distance / DISTANCE_SCALE);
    if (score > bestScore) {
      best = run;
      bestScore = score;
    }
  }
  return best;
}

/** How many of `terms` the prose lines of `run` hold. */
function termsHeld(analysis: Analysis, lines: readonly PageLine[], run: Run, terms: ReadonlySet<number>): number {
  const found = new Set<number>();
  for (let i = run.from; i <= run.to && found.size < terms.size; i++) {
    if (!lines[i]!.prose) continue;
    analysis.eachTerm(lines[i]!.line, (term) => {
      if (terms.has(term)) found.add(term);
    });
  }
  return found.size;
}

/**
 * Disjoint candidate runs: Kadane's maximum-sum scan, keeping the best run of every stretch
 * between the points where the running sum falls to zero.
 */
function candidateRuns(values: readonly number[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let start = 0;
  let sum = 0;
  values.forEach((value, i) => {
    if (sum <= 0) {
      if (current) runs.push(current);
      current = undefined;
      start = i;
      sum = 0;
    }
    sum += value;
    if (sum > 0 && (!current || sum > current.total)) current = { from: start, to: i, total: sum };
  });
  if (current) runs.push(current);
  return runs;
}

/**
 * The run holding `seed`, grown on each side by the stretch that adds most (by nothing when any
 * stretch would cost), within `limits`.
 */
function grow(values: readonly number[], seed: Run, limits: Limits): Run {
  const from = farthestGain(values, seed.from - 1, limits.first - 1) ?? seed.from;
  const to = farthestGain(values, seed.to + 1, limits.last + 1) ?? seed.to;
  let total = 0;
  for (let i = from; i <= to; i++) total += values[i]!;
  return { from, to, total };
}

/**
 * Of the positions from `start` towards `end` (exclusive, counting up or down), the one up to
 * which `values` from `start` add most, when they add anything. (A loop over the positions, not a
 * generator of them: a run grows over the whole page, twice a reading.)
 */
function farthestGain(values: readonly number[], start: number, end: number): number | undefined {
  const step = end >= start ? 1 : -1;
  let sum = 0;
  let bestSum = 0;
  let bestAt: number | undefined;
  for (let i = start; i !== end; i += step) {
    sum += values[i]!;
    if (sum > bestSum) {
      bestSum = sum;
      bestAt = i;
    }
  }
  return bestAt;
}

/**
 * The run without the lines at its end that add nothing to it and that `closes` accepts: the seed,
 * chosen before the topic was known, may end in lines about something else that stand in the
 * article's last paragraph ("Subscribe now to our print edition for the full story.").
 */
function trimEnd(values: readonly number[], run: Run, closes: (i: number) => boolean): Run {
  let to = run.to;
  while (to > run.from && values[to]! <= 0 && closes(to)) to--;
  return to === run.to ? run : { from: run.from, to, total: run.total };
}

/**
 * Words a line at the end of the run, sharing none of the topic's words, has at the most to be
 * trimmed from it: an offer, a notice, an invitation to follow, not a paragraph of the article.
 */
const MAX_CLOSING_WORDS = 30;

/**
 * True when a line at the end of the run, adding nothing to it, is no part of the article (see
 * {@link trimEnd}): a short line sharing none of the topic's words, or too few of them to be
 * about it (an offer, a notice, an invitation to download the site's app). A line that starts
 * with a person's name is about that person, as the article's last paragraph may be ("Jonas Pell
 * runs the bakery by the harbour ..."): it goes only when it shares nothing, or as a note on the
 * author (see {@link authorNote}).
 */
function closesRun(info: PageLine, share: number): boolean {
  if (info.words > MAX_CLOSING_WORDS) return false;
  return share === 0 || (share < MIN_TOPIC_SHARE && !LEADING_NAME.test(info.line.text));
}

/**
 * The run without the short sentences standing alone at its end (see `PageLine.isolated`), and
 * the furniture between them: under the article's last paragraph, a line of prose set apart by
 * short lines on each side is the page's ("Never miss a story: sign up for our weekly letter.",
 * "The contents of this site are licensed under ..."), not the article's closing paragraph.
 * Lines that cost the run nothing (its list, its code) end the trimming.
 */
function trimLoneEnd(lines: readonly PageLine[], values: readonly number[], run: Run, offTopic: (i: number) => boolean, ownLine: (i: number) => boolean): Run {
  let to = run.to;
  let kept = to;
  // From the end: the lone sentences, and the furniture between them (a label, a counter), up to the line above them.
  while (to > run.from) {
    const info = lines[to]!;
    // (A line ending in a colon introduces what follows: it is no closing line.)
    if (info.prose && info.isolated && info.words <= MAX_LONE_CLOSING_WORDS && !endsInColon(info.line.text) && offTopic(to)) kept = to - 1;
    else if (info.prose || values[to]! > 0 || ownLine(to)) break;
    to--;
  }
  // Only right under a paragraph and the furniture after it: in a run of sentences each standing
  // alone (a page of teasers, a product's selling points) the last is one of them, and a sentence
  // under the article's own list or subheading (which cost the run nothing) goes on with it.
  if (kept === run.to || !lines[to]!.prose || lines[to]!.isolated) return run;
  return { from: run.from, to, total: run.total };
}

/**
 * The run without what it holds after its last paragraph, when that is a long stretch of short
 * lines ({@link MIN_SIDE_LINES} or more, as long as a side of the page that is cut) and then only
 * sentences standing alone (see `PageLine.isolated`): under the article's last paragraph, a box of
 * links to related stories ("More on the harbour" / "New ferry for the island" / "Harbour master
 * retires" ...), whose headlines share the article's words and so cost the run nothing, then one
 * story's summary or a newsletter's offer, is the page around the article, not the article going
 * on. The article resumes after an interruption only with paragraphs (as in `resumptions`). A
 * stretch holding the article's own code, gallery, table that shares its words ("Tower height: 38
 * metres" / "Lamp range: 18 miles" ...) or list its sentence introduces (`carries`) is the
 * article's, and the sentence under it too. (A list that shares its words is not enough: related
 * headlines are such a list.)
 */
function trimAfterLastParagraph(lines: readonly PageLine[], run: Run, carries: (i: number) => boolean): Run {
  let last = run.to;
  while (last >= run.from && !(lines[last]!.prose && !lines[last]!.isolated)) last--;
  if (last < run.from || last === run.to) return run;
  // The first line of prose below the last paragraph: a sentence standing alone, as every one below it is.
  let first = last + 1;
  while (first <= run.to && !lines[first]!.prose) first++;
  if (first > run.to || first - last - 1 < MIN_SIDE_LINES) return run;
  for (let i = last + 1; i < first; i++) if (carries(i)) return run;
  return { from: run.from, to: last, total: run.total };
}

/** The kinds of block that are the article's own when they share its words: a heading that does is another story's headline as often as the article's subheading. */
const OWN_KINDS: ReadonlySet<BlockKind> = new Set(['list', 'table']);

/** Words a sentence standing alone at the end of the run has at the most to be trimmed from it (see {@link trimLoneEnd}). */
const MAX_LONE_CLOSING_WORDS = 25;

/**
 * The share of the topic's words from which a sentence standing alone at the end of the run is
 * the article's last word, not the page's ("Remove the jars from the water and let the jam set."
 * under a recipe's steps): an offer or a notice names the site and the reader, a few of the topic's words at most.
 */
const MAX_LONE_CLOSING_SHARE = 0.7;

/** The run from `from` to the position up to `last` where the running total is greatest. */
function bestPrefix(values: readonly number[], from: number, last: number): Run {
  let sum = 0;
  let best: Run = { from, to: from, total: values[from]! };
  for (let i = from; i <= last; i++) {
    sum += values[i]!;
    if (sum > best.total) best = { from, to: i, total: sum };
  }
  return best;
}

/** The integers from `start` towards `end` (exclusive), counting up or down. */
function* range(start: number, end: number): Generator<number> {
  const step = end >= start ? 1 : -1;
  for (let i = start; i !== end; i += step) yield i;
}
