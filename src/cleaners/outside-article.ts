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
 *    repeats and by how close it starts below the page's own copy of the headline, so that a
 *    short article wins over a longer comment section or a list of teasers. Prose above the
 *    page's first copy of the headline counts for less: the article follows it.
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
 *
 * Only a text with a page around it is cut (see `isPage`): many lines outside the run, and a
 * page header of non-prose lines before it. The end is cut only when it is long enough to be
 * page rather than the article's own last lines. Each removed line says on which side of the
 * article it was.
 */
import { judgesTopic, type Analysis } from '../core/analysis.js';
import type { CleanContext, Cleaner, NoOptions } from '../core/cleaner.js';
import type { Finding, Line, Span } from '../core/model.js';
import { headlineCopyTest } from '../core/title.js';
import { groupBy } from '../core/group.js';
import { endsSentence, hasProseWords } from '../core/predicates.js';
import { hashWords, sameWords } from '../core/tokens.js';

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

/** Non-prose lines on each side of a sentence for it to stand isolated. */
const ISOLATING_GAP = 2;

/** What a line the text holds more than once costs, whatever it is. */
const REPEAT_COST = 6;

/** The share of its content words a line of prose shares with the topic, at the least, to count for it. */
const MIN_TOPIC_SHARE = 0.2;

/** What prose off the topic is worth, per word: it counts against the run. */
const OFF_TOPIC_WEIGHT = -0.5;

/** The share of its content words a short line shares with the topic to be about it. */
const MIN_LABEL_SHARE = 0.5;

/** Content words a short line needs before its share of the topic means anything ("World" does not). */
const MIN_LABEL_TERMS = 2;

/**
 * The stop-word share of a line of prose, against the document's: half of it. Applied only when
 * the document's own share is at least {@link MIN_DOCUMENT_STOPWORDS}, i.e. when the stop-word
 * list fits its language (Korean, with particles glued to words, has almost none).
 */
const PROSE_STOPWORD_RATIO = 0.5;

/** See {@link PROSE_STOPWORD_RATIO}. */
const MIN_DOCUMENT_STOPWORDS = 0.1;

/** Lines outside the run, at the least, for the text to be a page dump rather than an article. */
const MIN_PAGE_LINES = 25;

/** The share of prose lines a page header stays under (menus, bylines, share bars are not prose). */
const MAX_HEAD_PROSE_SHARE = 0.4;

/** Lines on one side of the run, at the least, for that side to be cut. */
const MIN_SIDE_LINES = 8;

/** What the rule knows of one line (the headline's own line excluded). */
interface LineInfo {
  readonly line: Line;
  readonly words: number;
  /** A line of running text: see `hasProseWords`, `endsSentence`, {@link PROSE_STOPWORD_RATIO}. */
  readonly prose: boolean;
  /** Prose standing alone between stretches of short lines, as teasers and comments are laid out. */
  readonly isolated: boolean;
  /** The text holds this line more than once. */
  readonly repeated: boolean;
  /** What its prose counts for when choosing the seed (less above the page's copy of the headline). */
  readonly seedWeight: number;
}

/** Where the article is: positions in {@link ArticleRun.lines}, both inclusive. */
interface ArticleRun {
  /** The document's lines, without the headline's own line. */
  readonly lines: readonly LineInfo[];
  readonly from: number;
  readonly to: number;
  /** True when there is a page around the run to cut (see {@link isPage}). */
  readonly page: boolean;
  /** What each line added to the run in the last pass (for explaining and debugging). */
  readonly values: readonly number[];
  /** Where the seed was (positions in {@link ArticleRun.lines}), when there was one. */
  readonly seed?: { readonly from: number; readonly to: number };
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
    if (!run.page) return [];
    // `related` points at the article's first or last line, so --explain says where it is.
    const first = run.lines[run.from]!.line.span;
    const last = run.lines[run.to]!.line.span;
    const remove = (info: LineInfo, reason: string, related: Span): Finding => ({ reason, span: info.line.span, related });
    const head = run.lines.slice(0, run.from);
    const tail = run.lines.length - 1 - run.to >= MIN_SIDE_LINES ? run.lines.slice(run.to + 1) : [];
    return [
      ...head.map((info) => remove(info, 'page before the article (menus, header, byline, share bar)', first)),
      ...tail.map((info) => remove(info, 'page after the article (other stories, comments, footer)', last)),
    ];
  },
};

/** Finds the article's run of lines (see the file's comment for how). */
function locateArticle(context: CleanContext): ArticleRun {
  const { analysis } = context;
  const { lines, copies } = describeLines(context);
  if (lines.length === 0) return { lines, from: 0, to: -1, page: false, values: [] };
  const seedValues = lineValues(lines, { gapStep: SEED_GAP_STEP, seed: true });
  const candidate = seedRun(context, lines, seedValues, copies);
  if (!candidate) return { lines, from: 0, to: -1, page: false, values: lines.map(() => 0) };
  const limits = runLimits(analysis, lines, candidate, copies);
  // A seed running into a comment section ends where it was best before it.
  const seed = candidate.to <= limits.last ? candidate : bestPrefix(seedValues, candidate.from, limits.last);
  const first = grow(lineValues(lines, { gapStep: GAP_STEP }), seed, limits);
  const proseIn = (run: Run): number[] => [...range(run.from, run.to + 1)].filter((i) => lines[i]!.prose);
  const seedProse = proseIn(seed);
  const start = judgesTopic(termTotal(analysis, lines, seedProse)) ? seedProse : proseIn(first);
  const { values, run } = topicalRun(context, lines, start, seed, limits);
  const { from, to } = run;
  return { lines, from, to, page: isPage(lines, from, to), values, seed };
}

/**
 * True when the run `[from, to]` of `lines` has a page around it: many lines outside it (a stray
 * line or two around an article is the `fragment` rule's business), and a page header before it
 * of non-prose lines (menus, share bars). A text that starts with its article is an article, and
 * what follows its run is its own (a list, a box of products); a head of prose is the article's
 * own start, missed by the seed.
 */
function isPage(lines: readonly LineInfo[], from: number, to: number): boolean {
  const head = lines.slice(0, from);
  const headProse = head.filter((info) => info.prose).length;
  return from + (lines.length - 1 - to) >= MIN_PAGE_LINES && head.length >= MIN_SIDE_LINES && headProse < head.length * MAX_HEAD_PROSE_SHARE;
}

/** The content words of the lines at `positions`, counted. */
function termTotal(analysis: Analysis, lines: readonly LineInfo[], positions: readonly number[]): number {
  let total = 0;
  for (const i of positions) total += analysis.termCount(lines[i]!.line);
  return total;
}

/**
 * The run grown from `seed` when the topic is the content words of the lines at `topicLines`:
 * prose sharing too few of them counts against the run, short lines about them cost nothing.
 */
function topicalRun(context: CleanContext, lines: readonly LineInfo[], topicLines: readonly number[], seed: Run, limits: Limits): { values: number[]; run: Run } {
  const { analysis } = context;
  const topic = analysis.termCounts(topicLines.map((i) => lines[i]!.line));
  const inTopic = new Set(topicLines);
  const share = (info: LineInfo, i: number): number => analysis.sharedTermShare(topic, info.line, inTopic.has(i)) ?? 0;
  const judges = judgesTopic(termTotal(analysis, lines, topicLines));
  const values = lineValues(lines, {
    gapStep: GAP_STEP,
    onTopic: (info, i) => !judges || share(info, i) >= MIN_TOPIC_SHARE,
    aboutTopic: (info, i) => analysis.termCount(info.line) >= MIN_LABEL_TERMS && share(info, i) >= MIN_LABEL_SHARE,
  });
  return { values, run: grow(values, seed, limits) };
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
 * both come after the article.
 */
function runLimits(analysis: Analysis, lines: readonly LineInfo[], seed: Run, copies: readonly number[]): Limits {
  const anchor = lastBefore(copies, seed.from);
  const first = anchor === undefined ? 0 : anchor + 1;
  const names = anchor === undefined ? () => false : namesHeadline(analysis, lines[anchor]!.line);
  const end = lines.findIndex((info, i) => i > seed.from && (isCommentsLine(info) || names(info)));
  return { first, last: end === -1 ? lines.length - 1 : end - 1 };
}

/** The most words a line naming the headline has besides it ("34 responses to “...”"). */
const MAX_WORDS_AROUND_HEADLINE = 6;

/** A test for short lines that hold `headline` (the page's copy of it) whole. */
function namesHeadline(analysis: Analysis, headline: Line): (info: LineInfo) => boolean {
  const key = ` ${analysis.key(headline)} `;
  const words = analysis.wordCount(headline);
  return (info) => info.words <= words + MAX_WORDS_AROUND_HEADLINE && ` ${analysis.key(info.line)} `.includes(key);
}

/**
 * The word for "comments" in major languages. A short line holding one heads, counts or closes a
 * comment section ("[ 167 comments ]", "Leave a comment", "Lascia un commento", "Комментарии",
 * "댓글"); it is never part of an article's text.
 */
const COMMENTS_WORD =
  /(?:^|[^\p{L}])(?:comments?|commentaires?|kommentare?|kommentarer|comentarios?|comentários?|commenti|commento|reacties|komentarze|komentáře|yorumlar|комментари[йяи]|комментарий|коментарі|コメント|댓글|评论|評論|留言)(?:$|[^\p{L}])/iu;

/** The most words a line heading or counting a comment section has. */
const MAX_COMMENTS_LINE_WORDS = 6;

/** True when the line heads, counts or closes a comment section. */
function isCommentsLine(info: LineInfo): boolean {
  return info.words <= MAX_COMMENTS_LINE_WORDS && COMMENTS_WORD.test(info.line.text);
}

/**
 * The features of every line but the headline's own, and the positions among them of the later
 * copies of the headline (see {@link headlineCopies}).
 */
function describeLines(context: CleanContext): { lines: LineInfo[]; copies: number[] } {
  const { document, title, analysis } = context;
  const lines = document.lines.filter((line) => line.index !== title?.line);
  const documentShare = analysis.stopwordShare(lines);
  const minStopwords = documentShare >= MIN_DOCUMENT_STOPWORDS ? documentShare * PROSE_STOPWORD_RATIO : 0;
  const copies = headlineCopies(context, lines);
  const firstCopy = copies[0];
  const anchor = firstCopy === undefined ? -1 : lines[firstCopy]!.index;
  const repeated = repeatedKeys(analysis, lines);
  const prose = lines.map((line) => isProse(analysis, line, minStopwords));
  const isolated = isolate(prose);
  const described = lines.map((line, i) => ({
    line,
    words: analysis.wordCount(line),
    prose: prose[i]!,
    isolated: isolated[i]!,
    repeated: repeated[i]!,
    seedWeight: line.index < anchor ? BEFORE_HEADLINE_WEIGHT : 1,
  }));
  return { lines: described, copies };
}

/**
 * Per line, whether another of `lines` has the same comparison key. Lines are grouped by a hash
 * of their keys' words, and only lines of one group are compared: no key is spelled out.
 */
function repeatedKeys(analysis: Analysis, lines: readonly Line[]): boolean[] {
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
    for (const kind of kinds) if (kind.length > 1) for (const i of kind) repeated[i] = true;
  }
  return repeated;
}

/** A line of running text: long enough, ending a sentence (or holding two), with stop words. */
function isProse(analysis: Analysis, line: Line, minStopwords: number): boolean {
  if (!endsSentence(line.text) && line.sentences.length < 2) return false;
  return hasProseWords(analysis, line, minStopwords);
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
function headlineCopies({ title, analysis }: CleanContext, lines: readonly Line[]): number[] {
  if (!title) return [];
  const isCopy = headlineCopyTest(title.text, analysis);
  return lines.flatMap((line, i) => (line.index > title.line && isCopy(line) ? [i] : []));
}

/** How {@link lineValues} weighs lines in one pass. */
interface Weighing {
  /** What the n-th line of a stretch of non-prose costs, times n. */
  readonly gapStep: number;
  /** The seed pass: prose counts with its {@link LineInfo.seedWeight}. */
  readonly seed?: boolean;
  /** Whether a line of prose is about the article's topic (all are when not given). */
  readonly onTopic?: (info: LineInfo, i: number) => boolean;
  /** Whether a short line is about the article's topic: then it costs nothing. */
  readonly aboutTopic?: (info: LineInfo, i: number) => boolean;
}

/** What each line adds to a run that holds it. */
function lineValues(lines: readonly LineInfo[], weighing: Weighing): number[] {
  let stretch = 0;
  return lines.map((info, i) => {
    if (info.repeated) return -REPEAT_COST;
    if (info.prose) {
      stretch = 0;
      const weight = (info.isolated ? ISOLATED_WEIGHT : 1) * (weighing.seed ? info.seedWeight : 1);
      const onTopic = weighing.onTopic?.(info, i) ?? true;
      return (onTopic ? info.words - LINE_COST : info.words * OFF_TOPIC_WEIGHT) * weight;
    }
    if (weighing.aboutTopic?.(info, i)) return 0;
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
 * the headline's content words its prose repeats, is greatest.
 */
function seedRun({ analysis, title }: CleanContext, lines: readonly LineInfo[], values: readonly number[], copies: readonly number[]): Run | undefined {
  const titleTerms = new Set<number>();
  if (title) analysis.eachTerm(title, (term) => titleTerms.add(term));
  let best: Run | undefined;
  let bestScore = -Infinity;
  for (const run of candidateRuns(values)) {
    const repeated = termsHeld(analysis, lines, run, titleTerms);
    const copy = lastBefore(copies, run.from);
    const distance = copy === undefined ? 0 : run.from - copy;
    const score = (run.total * (1 + (titleTerms.size === 0 ? 0 : (TITLE_BOOST * repeated) / titleTerms.size))) / (1 + distance / DISTANCE_SCALE);
    if (score > bestScore) {
      best = run;
      bestScore = score;
    }
  }
  return best;
}

/** How many of `terms` the prose lines of `run` hold. */
function termsHeld(analysis: Analysis, lines: readonly LineInfo[], run: Run, terms: ReadonlySet<number>): number {
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
  const best = (positions: Iterable<number>): number | undefined => {
    let sum = 0;
    let bestSum = 0;
    let bestAt: number | undefined;
    for (const i of positions) {
      sum += values[i]!;
      if (sum > bestSum) {
        bestSum = sum;
        bestAt = i;
      }
    }
    return bestAt;
  };
  const from = best(range(seed.from - 1, limits.first - 1)) ?? seed.from;
  const to = best(range(seed.to + 1, limits.last + 1)) ?? seed.to;
  let total = 0;
  for (let i = from; i <= to; i++) total += values[i]!;
  return { from, to, total };
}

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
