/**
 * `fragment`: lines and sentences that are not article prose.
 *
 * - Truncated sentences: a line or a paragraph's last sentence that stops without terminal
 *   punctuation in the middle of a phrase ("Garrett, who was the first pick, has been suspended
 *   without"), trails off in an ellipsis ("Read the full story…"), or is cut at an abbreviation
 *   the way naive splitters cut ("working groups would be established to improve U.S.").
 * - Boilerplate lines: interface labels and counters ("Share this:", "12 comments", "Advertisement"),
 *   lone dates, photo credits, and short lines that share no words with the rest of the article
 *   ("Our Magazines", "Woman risks her life to save a koala").
 *
 * Subheadings, list items and quotes stay: a short line whose words recur in the article is taken
 * as part of it ("The Rukban camp" in an article about the Rukban camp). The decision rests on
 * general features (terminal punctuation, length, stop-word density, capitalisation, cohesion
 * with the rest of the document), not on a list of phrases from any one site.
 */
import type { Analysis, Piece } from '../core/analysis.js';
import type { Cleaner, CleanContext, NoOptions } from '../core/cleaner.js';
import type { Document, Finding, Line, Sentence, Span } from '../core/model.js';
import { cutAtAbbreviation, endsOnPeriod, endsSentence, hasProseWords, pausesAtEnd, QUOTE_CLOSERS, QUOTE_OPENERS, trailsOff } from '../core/predicates.js';
import { detectStopwords, isStopwordOfSomeLanguage } from '../core/stopwords.js';
import { headlineCopyTest } from '../core/title.js';
import { endsInCredit, headsComments, lineSign, namesOpenLicence, socialNetworksNamed } from '../core/blocks.js';
import { groupBy } from '../core/group.js';
import { hashWords, sameWords } from '../core/tokens.js';
import { hasLetter, hasUnspacedScript, isWhiteSpace, lastWordToken, lineShape, startsUpper, trailingNonSpace, words } from '../core/text.js';
import { int32Array, uint8Array } from '../core/arrays.js';
import { insideSpans } from '../core/apply.js';

/**
 * True when a line ends properly: terminal punctuation (with closing quotes and brackets), or a
 * colon, since it introduces what follows ("Take a look at what he said:"). An ellipsis
 * character is no proper end: it marks text cut off (see `trailsOff`).
 */
function endsProperly(text: string): boolean {
  return endsSentence(text, { colon: true, ellipsis: false });
}

/** A line that is a list item by its marker: "• item", "- item", "1) item", "a. item". */
const LIST_ITEM = /^(?:[-*•▪◦‣⁃–—]|\d{1,3}[.)]|\p{Ll}[.)])\s/u;

/**
 * English words that cannot end a sentence: articles, conjunctions, subject pronouns. A period
 * right after one marks text cut short and closed off, as in "... reported that the." or "was
 * why he." Prepositions are left out, since English strands them ("what it is made of."), and
 * the match is case-sensitive so "Path A." or "Plan B." stay. A short closed list, English only.
 */
const DANGLING_BEFORE_PERIOD = /\s(?:the|a|an|and|or|but|nor|because|whose|than|he|she|they|we)\.$/u;

/**
 * Interface labels every site prints: sharing, following, signing in, paging and counting. A
 * short, language-agnostic-by-shape list used as one signal: it only fires on a short line.
 */
const INTERFACE_LABEL = /^(?:share(?: this| on \p{L}+| article| story)?|tweet|email|print|comments?|reply|advertisement|advertising|sponsored(?: content)?|related(?: news| articles| stories| posts)?|read more|more(?: stories| news)?|see (?:more|all)|show more|load more|next|previous|back to top|sign in|sign up|log in|login|register|subscribe(?: now)?|follow us(?: on \p{L}+)?|newsletter|click to copy|copy link|skip to (?:main )?content|menu|search|close|home|watch|listen)[:.!]?$/iu;

/** "12 comments", "1.2K shares", "3 min read", "Views: 2,345": a number and what interfaces count. */
const COUNTER = /^(?:\d[\d,.]*\s*[kKmM]?\s+(?:comments?|shares?|views?|likes?|replies|reply|reads?|votes?|photos?|images?|videos?|min(?:ute)?s? read|followers?|subscribers?|responses?)|(?:comments?|shares?|views?|likes?|replies|votes?)[:\s]\s*\d[\d,.]*[kKmM]?)$/iu;

/**
 * The word "newsletter", which most languages the web writes in borrow as it is ("Newsletter
 * abonnieren", "Inscrivez-vous à notre newsletter", "Coaching-Newsletter"). A short line holding
 * it offers one; an article's sentence about a newsletter is longer.
 */
const NEWSLETTER = /(?:^|[^\p{L}])newsletters?(?:$|[^\p{L}])/iu;

/** The most words a line offering a newsletter has (see {@link NEWSLETTER}). */
const MAX_NEWSLETTER_LINE_WORDS = 6;

/** A line that is only a date or time: "November 18, 2019", "18.11.2019 14:05", "2 hours ago". */
const LONE_DATE = /^(?:(?:updated|published|posted)[:\s]+|\p{L}+(?:\s\p{L}+)?\s*:\s*)?(?:\p{L}+,?\s+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4}|\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago)(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\p{Lu}{2,4})?)?$/iu;

/** A digit, as {@link COUNTER} and {@link LONE_DATE} (ignoring case) match one. */
const DIGIT = /\d/u;

/** Photo credits: "Photo: Jane Doe/AP", "(Getty Images)", "Image credit: Reuters". */
const PHOTO_CREDIT = /^\(?(?:photo|image|picture|foto|credit|source|illustration)s?(?:\s+(?:credit|by|courtesy))?\s*[:/]|^\(?(?:getty images|ap photo|reuters|afp)[^.]*\)?$/iu;

/**
 * A photo credit naming the photographer after "by": "Photo by Jane Doe", or a user's name of any
 * case on a named site, "Photo by jdoe on Unsplash"; "Photos by the sea" is none.
 */
const PHOTO_BY = /^\(?(?:[Pp]hoto|[Ii]mage|[Pp]icture)s?\s+by\s+(?:\p{Lu}|\S+(?:\s\S+){0,2}\son\s\p{Lu})/u;

/** A dateline opening a story: the place in capitals, "BAAR, SWITZERLAND", "WASHINGTON (Reuters)". */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'-]+(?:,\s*\p{Lu}[\p{Lu}\s.'-]+)*(?:\s*\([^)]{1,30}\))?\s*[-—–]?$/u;

/** The longest dateline; the length check keeps the pattern's nested runs from backtracking on long lines. */
const MAX_DATELINE_LENGTH = 60;

/** Short labels whose words recur in fewer than half of the cases elsewhere are off-topic. */
const MIN_LABEL_COHESION = 0.34;

/** The reason given for a line or a last sentence cut off that reads as prose about something else. */
const CUT_OFF_ELSEWHERE = 'sentence cut off, about something else';

/** Prose lines (not labels) sharing fewer words than this with the article are off-topic. */
const MIN_PROSE_COHESION = 0.34;

/** Characters a run without spaces needs before its ending is read as a cut. */
const MIN_UNSPACED_LINE = 10;

/** Stop words a line needs before its own language, rather than the article's, is trusted. */
const MIN_OWN_STOPWORDS = 3;

/** The most words a line can have and still be read as a heading or a label. */
const MAX_LABEL_WORDS = 12;

/** The rule. */
export const fragment: Cleaner<NoOptions> = {
  meta: {
    id: 'fragment',
    description: 'Removes truncated sentences and boilerplate lines (labels, counters, dates, credits, off-topic teasers).',
    precedence: 20,
    options: {},
  },
  check(cleanContext) {
    const context = fragmentContext(cleanContext);
    const page = showsPage(context);
    // The lines that rules of higher precedence remove whole (on a page, most lines: the page rule
    // runs first) are left unjudged, as a finding there would be skipped; unless the judgement of
    // another line turns on theirs, and then every line is judged.
    return (context.claimed.length > 0 ? judgeLines(context, page, true) : undefined) ?? judgeLines(context, page, false)!;
  },
};

/**
 * The rule's findings, every line judged but (with `skipClaimed`) those wholly inside the context's
 * `claimed` spans; `undefined` when a line left unjudged could have changed them: a line found cut
 * off and about something else stays when a line next to it stays and shares its words, and a line
 * that only shares no words with the article goes only when the text shows other signs of a page
 * (`page`: see {@link showsPage}), which any line may show.
 */
function judgeLines(context: FragmentContext, page: boolean, skipClaimed: boolean): Finding[] | undefined {
  const { document, title } = context;
  const found: Finding[] = [];
  const lineOf = new Map<Finding, Line>();
  const evidence = new Evidence(page);
  const inside = insideSpans(context.claimed);
  const skipped = uint8Array(skipClaimed ? document.lines.length : 0);
  let skips = 0;
  for (const line of document.lines) {
    if (title && line.index === title.line) continue;
    if (skipClaimed && inside(line.span)) {
      skipped[line.index] = 1;
      skips++;
      continue;
    }
    const removal = checkLine(context, line, evidence);
    if (removal) {
      found.push(removal);
      lineOf.set(removal, line);
    }
  }
  const nextToSkipped = (finding: Finding): boolean => {
    const line = lineOf.get(finding)!;
    return needsNeighbours(finding, line) && (skipped[line.index - 1] === 1 || skipped[line.index + 1] === 1);
  };
  if (skips > 0 && found.some(nextToSkipped)) return undefined;
  const removals = keepPointsOfTheArticle(context, found, lineOf);
  // A line that only shares no words with the article is a stray only in a text that shows
  // other signs of a page around it: in a clean article it is a subheading, a credit or an
  // answer ("Neues Leitmotto", "© Regan", "TL;DR"). When unsure, keep.
  if (evidence.found(removals)) return removals;
  if (skips > 0 && removals.some((removal) => evidence.weak.has(removal))) return undefined;
  return removals.filter((removal) => !evidence.weak.has(removal));
}

/** True when whether `finding` stays depends on the lines next to its `line` (see {@link keepPointsOfTheArticle}). */
function needsNeighbours(finding: Finding, line: Line): boolean {
  return finding.reason === CUT_OFF_ELSEWHERE && finding.span.start === line.span.start;
}

/**
 * `found` without the lines judged cut off and about something else that share a content word with
 * a line next to them that stays: one of the article's points written without a period, in a run
 * of such points ("Keine Provision beim Kauf - dafür ist die Grundgebühr höher" over "Die
 * Grundgebühr wird monatlich berechnet"). A teaser dropped between the article's paragraphs
 * shares no word with the paragraph above or below it.
 */
function keepPointsOfTheArticle({ analysis, document }: CleanContext, found: readonly Finding[], lineOf: ReadonlyMap<Finding, Line>): Finding[] {
  const removed = new Set<number>();
  for (const finding of found) removed.add(lineOf.get(finding)!.index);
  const staysNextTo = (line: Line, other: Line | undefined): boolean => {
    if (other === undefined || removed.has(other.index) || other.paragraph === line.paragraph) return false;
    return (analysis.sharedTermShare(analysis.termCounts([other]), line, false) ?? 0) > 0;
  };
  return found.filter((finding) => {
    const line = lineOf.get(finding)!;
    if (!needsNeighbours(finding, line)) return true;
    return !staysNextTo(line, document.lines[line.index - 1]) && !staysNextTo(line, document.lines[line.index + 1]);
  });
}

/**
 * A line that is one quotation, in double quotation marks of any language: someone's words
 * ("„Außen weich, innen warm“" over the paragraph that says who said them), not a page's label,
 * whatever words it shares.
 */
const QUOTATION = new RegExp(`^[${QUOTE_OPENERS}][^${QUOTE_OPENERS}]+[${QUOTE_CLOSERS}]$`, 'u');

/** The context of one check, with what the rule works out once per document when first needed. */
interface FragmentContext extends CleanContext {
  /** True when a line of the document ends properly (see {@link endsProperly}); asked of each line several times, worked out once. */
  readonly lineEndsProperly: (line: Line) => boolean;
  /** True when a line of the document reads as prose (see {@link looksLikeProse}); asked of each line several times, worked out once. */
  readonly lineIsProse: (line: Line) => boolean;
  /** How many lines after each line read as prose. */
  readonly proseLinesAfter: () => readonly number[];
  /** How many lines of the document are written as headlines (see {@link countHeadlines}). */
  readonly headlineCount: () => number;
  /** How many lines of the document read as subheadings of the article, by whether they are written in capitals (see {@link countSubheadings}). */
  readonly subheadingCount: (capitals: boolean) => number;
  /** How many lines of at most {@link MAX_LABEL_WORDS} words have the `key` of `line`, itself one of them (asked of those alone). */
  readonly copies: (line: Line) => number;
  /** True when the text wraps its sentences over lines (see {@link wrapsLines}). */
  readonly wrapped: () => boolean;
  /** How many lines of the document have the `lineShape` of `line` (itself included). */
  readonly shapeCount: (line: Line) => number;
  /** The `lineShape` of a line of the document, worked out once. */
  readonly shapeOf: (line: Line) => string;
}

function fragmentContext(context: CleanContext): FragmentContext {
  let proseAfter: number[] | undefined;
  let headlines: number | undefined;
  let wrapped: boolean | undefined;
  let subheadings: readonly [number, number] | undefined;
  let copies: Int32Array | undefined;
  const shapes = lineShapes(context.document);
  // The context's fields named, not spread: an object spread into is slower to read from, and
  // the checks read this one's fields millions of times.
  const fragment: FragmentContext = {
    document: context.document,
    title: context.title,
    analysis: context.analysis,
    options: context.options,
    claimed: context.claimed,
    lineEndsProperly: perLine(context.document, (line) => endsProperly(line.text)),
    lineIsProse: perLine(context.document, (line) => looksLikeProse(context.analysis, line)),
    proseLinesAfter: () => (proseAfter ??= countProseLinesAfter(fragment)),
    headlineCount: () => (headlines ??= countHeadlines(fragment)),
    wrapped: () => (wrapped ??= wrapsLines(fragment)),
    subheadingCount: (capitals) => (subheadings ??= countSubheadings(fragment))[capitals ? 1 : 0],
    shapeCount: shapes.shapeCount,
    shapeOf: shapes.shapeOf,
    copies: (line) => (copies ??= copiesOfShortLines(context))[line.index]!,
  };
  return fragment;
}

/** `test` of the lines of `document`, worked out for a line when first asked and kept. */
function perLine(document: Document, test: (line: Line) => boolean): (line: Line) => boolean {
  // Per line: 0 not asked yet, 1 false, 2 true.
  const known = uint8Array(document.lines.length);
  return (line) => {
    const answer = known[line.index];
    if (answer !== 0) return answer === 2;
    const holds = test(line);
    known[line.index] = holds ? 2 : 1;
    return holds;
  };
}

/** Per line of at most {@link MAX_LABEL_WORDS} words, how many such lines have its `key` (itself included); 0 for a longer line. */
function copiesOfShortLines({ analysis, document }: CleanContext): Int32Array {
  const byKey = new LinesByKey(analysis);
  // Per line, the number of its key, then (in place) how many lines have it.
  const copies = int32Array(document.lines.length).fill(-1);
  for (const line of document.lines) if (analysis.wordCount(line) <= MAX_LABEL_WORDS) copies[line.index] = byKey.add(line).index;
  for (let i = 0; i < copies.length; i++) copies[i] = copies[i]! < 0 ? 0 : byKey.keys[copies[i]!]!.count;
  return copies;
}

/** A key of {@link LinesByKey}: its number, the first line that has it, and how many lines added have it. */
interface KeyCount {
  readonly index: number;
  readonly first: Line;
  count: number;
}

/**
 * Lines counted by their `key`, told by its words' ids (`hashWords`, `sameWords`): no key is
 * spelled out (a string per line, for every short line of every reading), and no line is held but
 * the first of each key (ten million one-character lines are one key).
 */
class LinesByKey {
  /** The keys met, in the order first met. */
  readonly keys: KeyCount[] = [];
  /** Per hash of key words, the keys that have it (nearly always one). */
  private readonly byHash = new Map<number, KeyCount[]>();

  constructor(private readonly analysis: Pick<Analysis, 'keyWords'>) {}

  /** Adds `line`, and returns its key, whose count includes it. */
  add(line: Line): KeyCount {
    const ids = this.analysis.keyWords(line);
    const hash = hashWords(ids);
    let kinds = this.byHash.get(hash);
    if (kinds === undefined) {
      kinds = [];
      this.byHash.set(hash, kinds);
    }
    let key = kinds.find((kind) => sameWords(this.analysis.keyWords(kind.first), ids));
    if (key === undefined) {
      key = { index: this.keys.length, first: line, count: 0 };
      kinds.push(key);
      this.keys.push(key);
    }
    key.count++;
    return key;
  }
}

/**
 * True when a short line printed more than once shares its words with its own copies alone: a
 * page's label in the header and again in the footer ("Kontakt", "Impressum"), whose words
 * recur, but nowhere in the article.
 */
function sharesOnlyWithCopies({ analysis, copies }: FragmentContext, line: Line): boolean {
  const times = copies(line);
  if (times < 2) return false;
  const ids = analysis.keyWords(line);
  const inLine = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) inLine.set(ids[i]!, (inLine.get(ids[i]!) ?? 0) + 1);
  let content = false;
  for (const [id, count] of inLine) {
    const inDocument = analysis.wordTermCount(id);
    if (inDocument === 0) continue;
    content = true;
    if (inDocument > times * count) return false;
  }
  return content;
}

/**
 * Lines in a row, each sharing no words with the article, that make a menu: the page's sections
 * ("Stars" / "Royals" / "Lifestyle" / "Impressum" / "Kontakt"). An article's own lines that share
 * nothing with it (a subheading, a credit, an answer) come one at a time.
 */
const MIN_MENU_LINES = 4;

/**
 * What a text shows of the page it was scraped from, besides lines that share no words with it:
 * a line of boilerplate by its shape (a label, a counter, a date, a credit, a cut-off line), a
 * repeated headline, a short line the text holds twice, a menu (lines sharing no words with the
 * article, {@link MIN_MENU_LINES} or more in a row).
 */
class Evidence {
  /** The findings whose only ground is that the line shares no words with the article. */
  readonly weak = new Set<Finding>();
  /** The last line of a weak finding, and how many such lines in a row end there. */
  private lastWeakLine = -2;
  private weakRun = 0;
  private menu = false;

  /** `page`: see {@link showsPage}. */
  constructor(private readonly page: boolean) {}

  /** A finding made on the weak ground alone, about `line` (asked in text order). */
  weakly(finding: Finding, line: Line): Finding {
    this.weak.add(finding);
    this.weakRun = line.index === this.lastWeakLine + 1 ? this.weakRun + 1 : 1;
    this.lastWeakLine = line.index;
    if (this.weakRun >= MIN_MENU_LINES) this.menu = true;
    return finding;
  }

  /** True when the text shows signs of a page: see the class. */
  found(findings: readonly Finding[]): boolean {
    return this.page || this.menu || findings.some((finding) => !this.weak.has(finding));
  }
}

/**
 * True when the text repeats its headline below it, or a short line that does not end as a
 * sentence does: signs of the page around an article (see {@link Evidence}).
 */
function showsPage({ document, title, analysis, lineEndsProperly }: FragmentContext): boolean {
  const isCopy = title ? headlineCopyTest(title.text, analysis) : () => false;
  const seen = new LinesByKey(analysis);
  for (const line of document.lines) {
    if (title && line.index > title.line && isCopy(line)) return true;
    if (analysis.wordCount(line) > MAX_LABEL_WORDS || lineEndsProperly(line)) continue;
    // A key of no words (a line of "* * *") is no label.
    if (seen.add(line).count > 1 && analysis.keyWords(line).length > 0) return true;
  }
  return false;
}

function checkLine(context: FragmentContext, line: Line, evidence: Evidence): Finding | undefined {
  const { document, analysis } = context;
  const text = line.text;
  const label = boilerplateLabel(analysis, line);
  if (label) return remove(line.span, label);
  const note = siteNote(context, line);
  if (note) return remove(line.span, note);
  if (LIST_ITEM.test(text) || !hasLetter(text) || inNumberedSequence(document, line)) return undefined;
  const endsWell = context.lineEndsProperly(line);
  if (!endsWell && continuesOnNextLine(context, line)) return undefined;
  // Of the line's sentences, the checks read how many there are and the last.
  const several = line.sentenceCount > 1;
  const last = document.sentences[line.firstSentence + line.sentenceCount - 1];
  if (line.sentenceCount === 0 || !last) return undefined;
  const alone = standsAlone(context, line);
  if (alone && isCreditedCaption(analysis, line, several ? last : undefined)) return remove(line.span, 'caption ending in its picture credit');
  if (trailsOff(text)) return several ? checkEllipsis(analysis, last, true) : alone ? checkEllipsis(analysis, line, false) : undefined;
  if (!alone) return several && !endsWell ? checkTrailingSentence(analysis, last) : undefined;
  if (endsWell) return several ? undefined : checkProseLine(context, line, evidence);
  if (several) return checkTrailingSentence(analysis, last);
  return checkShortLine(context, line, evidence);
}

/** The most words of a notice of the licence a site's texts are published under. */
const MAX_LICENCE_NOTICE_WORDS = 60;

/** The most words of a line saying where to follow a site or its author. */
const MAX_FOLLOW_LINE_WORDS = 40;

/** Lines of prose a page's footer may hold after a note of the site's (a cookie notice, a "powered by" line). */
const MAX_PROSE_AFTER_SITE_NOTE = 3;

/**
 * The reason `line` is a note of the site's at the end of the text, if it is one: the notice of
 * the licence the site publishes its texts under, a line of {@link MAX_LICENCE_NOTICE_WORDS} words
 * at most naming a Creative Commons licence (see `namesOpenLicence`: "Texts on this site are
 * licensed under a Creative Commons Attribution 4.0 International License."), or where to follow
 * the site or its author, a line of {@link MAX_FOLLOW_LINE_WORDS} words at most naming two social
 * networks or more ("Follow us on Instagram, Facebook and YouTube.", "Email Anna at
 * anna@example.org or follow her on Twitter and Mastodon."); either with at most
 * {@link MAX_PROSE_AFTER_SITE_NOTE} lines of prose after it. An article's sentence about licences
 * or networks stands amid its paragraphs.
 */
function siteNote({ analysis, proseLinesAfter }: FragmentContext, line: Line): string | undefined {
  const count = analysis.wordCount(line);
  const note = count <= MAX_LICENCE_NOTICE_WORDS && namesOpenLicence(line.text) ? 'licence notice of the site'
    : count <= MAX_FOLLOW_LINE_WORDS && socialNetworksNamed(line.text) >= 2 ? 'where to follow the site (social networks)'
    : undefined;
  return note !== undefined && proseLinesAfter()[line.index]! <= MAX_PROSE_AFTER_SITE_NOTE ? note : undefined;
}

/** The shape of a line's leading number ("1957–1959" -> "9999–9999", "2008" -> "9999"), or undefined. */
function leadingNumber(text: string): string | undefined {
  const lead = /^\p{N}[\p{N}.,:/–-]*(?=\s)/u.exec(text);
  return lead ? lead[0].replace(/\p{N}/gu, '9') : undefined;
}

/**
 * True when the line and the one before or after it start with numbers of one shape: an item of a
 * chronology or a table ("2008 Erstellung eines Parkpflegewerks ..." between "2006 ..." and
 * "2009 ..."), the article's own list, however little its words share with the prose.
 */
function inNumberedSequence(document: Document, line: Line): boolean {
  const shape = leadingNumber(line.text);
  if (shape === undefined) return false;
  const same = (other: Line | undefined): boolean => other !== undefined && leadingNumber(other.text) === shape;
  return same(document.lines[line.index - 1]) || same(document.lines[line.index + 1]);
}

/**
 * True when the next line goes on with the sentence this one leaves open: it starts in lower case
 * ("... auch bei widrigen" / "starkem Wind ...", "Er lebte still und unscheinbar," / "er starb,
 * weil es so üblich war."), as no sentence does. A text wrapped at a fixed width, or a verse, is
 * cut into lines mid-sentence; a teaser cut off is followed by the next block, which starts a
 * sentence of its own. Both lines have the words of a phrase ({@link MIN_CUT_LINE_WORDS}): a label
 * over a byline ("Backgammon" / "by Tom Rogan") or a menu in lower case ("twittern" / "teilen")
 * is no sentence going on; but a line of any length ending in a comma goes on into a next line of
 * a phrase: a letter's greeting ("Liebe Leserinnen und Leser," / "heute ...").
 */
function continuesOnNextLine(context: FragmentContext, line: Line): boolean {
  const next = context.document.lines[line.index + 1];
  if (next === undefined) return false;
  if (line.text.endsWith(',') && startsInLowerCase(next) && context.analysis.wordCount(next) >= MIN_CUT_LINE_WORDS) return true;
  if (!phraseLines(context, line, next)) return false;
  return startsInLowerCase(next) || (context.wrapped() && !context.lineEndsProperly(next) && context.lineIsProse(next));
}

function phraseLines({ analysis, lineEndsProperly }: FragmentContext, line: Line, next: Line): boolean {
  return analysis.wordCount(line) >= MIN_CUT_LINE_WORDS && (analysis.wordCount(next) >= MIN_CUT_LINE_WORDS || lineEndsProperly(next));
}

function startsInLowerCase(line: Line): boolean {
  return /^[\p{Pi}\p{Ps}"'„‚]*\p{Ll}/u.test(line.text);
}

/** Lines going on in lower case after a line left open that show a text wrapped at a fixed width. */
const MIN_LINES_GOING_ON = 3;

/**
 * True when the text wraps its sentences over lines: several lines left open go on in lower case
 * on the next line. There a line left open before a line of prose starting with a capital and left
 * open in turn goes on too (German writes nouns with one: "bei widrigen" / "Wind oder Strömung
 * sicher anfahren zu können, ohne dass es zu einer Gefährdung"); before a heading or a menu ("Home
 * | Autoren | Themen"), or before a whole sentence (a teaser's title before its summary), it does
 * not.
 */
function wrapsLines(context: FragmentContext): boolean {
  const { document } = context;
  let wraps = 0;
  for (let i = 0; i + 1 < document.lines.length && wraps < MIN_LINES_GOING_ON; i++) {
    const line = document.lines[i]!;
    const next = document.lines[i + 1]!;
    if (!context.lineEndsProperly(line) && startsInLowerCase(next) && phraseLines(context, line, next)) wraps++;
  }
  return wraps >= MIN_LINES_GOING_ON;
}

/**
 * True when the line is a paragraph of its own, or the text separates paragraphs by single line
 * breaks. Lines grouped into one block (a product's list of features, a table, an address) are
 * read together: a short line there is part of a structure, not a stray label.
 */
function standsAlone({ document }: CleanContext, line: Line): boolean {
  const blocksAreLines = document.paragraphs.length === 1;
  return blocksAreLines || document.paragraphs[line.paragraph]!.lineCount === 1;
}

function remove(span: Span, reason: string): Finding {
  return { reason, span };
}

/** The most words of a picture's caption with its credit (a paragraph of the article is longer). */
const MAX_CAPTION_WORDS = 30;

/** The part of a line in brackets at its end: "(Image: Getty)", "[AP Photo/Anna Berg]". */
const CLOSING_BRACKETS = /[([][^()[\]]+[)\]]\s*$/u;

/**
 * True when a short line is a picture's caption that ends in its credit: by the credit's shape
 * (see `endsInCredit`: "Pumps at dusk. Photo: Anna Berg/Agency", "The harbour before the storm
 * (Image: Getty)"), or, in its last sentence or closing brackets, by a credit's words ("... in
 * Hialeah. (AP Photo/Anna Berg, File)"). The credit names the picture's source, not the
 * article's: the caption goes with it, as the picture it describes is not in the text. (A line
 * that is only a credit is a label: see {@link boilerplateLabel}.)
 */
function isCreditedCaption(analysis: Analysis, line: Line, lastOfSeveral: Sentence | undefined): boolean {
  if (analysis.wordCount(line) > MAX_CAPTION_WORDS) return false;
  if (endsInCredit(line.text)) return true;
  const credit = lastOfSeveral !== undefined ? lastOfSeveral.text : CLOSING_BRACKETS.exec(line.text)?.[0];
  return credit !== undefined && credit.length < line.text.length && PHOTO_CREDIT.test(credit);
}

/** The reason a line is an interface label, counter, lone date or credit, if it is one. */
function boilerplateLabel(analysis: Analysis, line: Line): string | undefined {
  const count = analysis.wordCount(line);
  if (count > MAX_LABEL_WORDS) return undefined;
  const text = line.text;
  if (INTERFACE_LABEL.test(text)) return 'interface label';
  // Both patterns need a digit: on a line of words without one, the date's pattern tried every
  // split of its first words before failing.
  const digit = DIGIT.test(text);
  if (digit && COUNTER.test(text)) return 'counter';
  if (digit && LONE_DATE.test(text)) return 'lone date';
  if (PHOTO_CREDIT.test(text) || PHOTO_BY.test(text)) return 'photo credit';
  // "Leave a comment", "Kommentare geschlossen", "Publier un commentaire": a comment section's
  // head, counter or form, in a text of any length (the page rule cuts a long section whole).
  if (headsComments(text, count)) return 'comment section label';
  if (count <= MAX_NEWSLETTER_LINE_WORDS && NEWSLETTER.test(text)) return 'newsletter prompt';
  return undefined;
}

/**
 * A line or sentence ending in an ellipsis. Cut-off text has the dots glued to the last word
 * ("shares outside...", "a conference of the Republican…"); a writer's pause has a space before
 * them ("But here's the disconnect …") and stays when it is about the article. So does the last
 * sentence of a paragraph that fades out on a word that may end a phrase (`closesParagraph`: "We
 * walked on. The rest you can guess..."): a teaser or a cut is a line standing alone, or stops
 * on a word no phrase ends on ("The mayor said the budget would…").
 */
function checkEllipsis(analysis: Analysis, unit: Piece, closesParagraph: boolean): Finding | undefined {
  const pause = (closesParagraph && !endsOnStopword(analysis, unit.text)) || pausesAtEnd(unit.text);
  const cohesion = analysis.cohesion(unit);
  if (pause && (cohesion === undefined || cohesion >= MIN_LABEL_COHESION)) return undefined;
  return remove(unit.span, 'trails off in an ellipsis (teaser or cut-off sentence)');
}

/** True when the last word of `text`, whatever follows it, is one of the article's stop words ("the budget would…"). */
function endsOnStopword(analysis: Analysis, text: string): boolean {
  const last = lastWordToken(text);
  return last !== undefined && analysis.stopwords.words.has(last.toLowerCase());
}

/**
 * A line of one sentence ending in terminal punctuation (a paragraph of several stays): cut at an
 * abbreviation ("to improve U.S."), or ending on a word that cannot end a sentence ("reported
 * the.", "was why he.").
 */
function checkProseLine(context: FragmentContext, line: Line, evidence: Evidence): Finding | undefined {
  if (cutAtAbbreviation(line.text)) return remove(line.span, 'sentence cut off at an abbreviation');
  // The pattern's longest match, " because.", is nine characters: only the line's end is tried.
  if (DANGLING_BEFORE_PERIOD.test(line.text.slice(-9))) return remove(line.span, 'sentence cut off before its last words');
  if (isStray(context, line)) return evidence.weakly(remove(line.span, 'stand-alone sentence sharing no words with the article'), line);
  return undefined;
}

/** Content words from which a stand-alone statement that shares none with the article is a stray. */
const MIN_STRAY_TERMS = 4;

/** Lines of prose that may follow a closing note of the article (a stray line of noise among them). */
const MAX_PROSE_AFTER_NOTE = 1;

/**
 * A paragraph of one statement whose content words occur nowhere else in the text: a sentence of
 * another story dropped between this one's paragraphs ("Brydge Pro for iPad." in an article about
 * a thermostat). Questions stay: a rhetorical "The good news?" shares nothing and belongs. So do
 * an aside in brackets ("(We never did settle on one.)") and a note closing the article, with no
 * more prose after it ("This article was first published in The Review.").
 */
function isStray({ analysis, document, proseLinesAfter, lineIsProse }: FragmentContext, line: Line): boolean {
  const text = line.text;
  if (!endsOnPeriod(text) || /^\(.*\)$/u.test(text) || distinctTerms(analysis, line) < MIN_STRAY_TERMS) return false;
  if (analysis.cohesion(line) !== 0) return false;
  return proseLinesAfter()[line.index]! > MAX_PROSE_AFTER_NOTE && amidTheArticle({ analysis, document, lineIsProse }, line);
}

/**
 * True when a paragraph next to `line` is the article's: prose sharing some of its words (a long
 * paragraph shares a fifth of its terms at times). A statement of another story lands among the
 * article's paragraphs; among lines that share nothing themselves (a diary of short sentences, a
 * page's welcome, an interview's questions), a line sharing nothing is their like, and is kept.
 */
function amidTheArticle({ analysis, document, lineIsProse }: Pick<FragmentContext, 'analysis' | 'document' | 'lineIsProse'>, line: Line): boolean {
  const isArticle = (neighbour: Line | undefined): boolean => {
    if (neighbour === undefined || !lineIsProse(neighbour)) return false;
    const cohesion = analysis.cohesion(neighbour);
    return cohesion !== undefined && cohesion > 0;
  };
  return isArticle(document.lines[line.index - 1]) || isArticle(document.lines[line.index + 1]);
}

function distinctTerms(analysis: Analysis, line: Line): number {
  const terms = new Set<number>();
  analysis.eachTerm(line, (term) => terms.add(term));
  return terms.size;
}

/** Per line of the document, how many lines after it read as prose. */
function countProseLinesAfter({ document, lineIsProse }: FragmentContext): number[] {
  const counts = new Array<number>(document.lines.length);
  let after = 0;
  for (let i = document.lines.length - 1; i >= 0; i--) {
    counts[i] = after;
    if (lineIsProse(document.lines[i]!)) after++;
  }
  return counts;
}

/**
 * The last sentence of a paragraph, left without terminal punctuation: cut off when it stops on
 * a function word, or when it is prose about something else (a teaser glued to the paragraph).
 */
function checkTrailingSentence(analysis: Analysis, last: Sentence): Finding | undefined {
  if (endsOnReference(last.text)) return undefined;
  if (endsOnFunctionWord(analysis, last.text)) return remove(last.span, 'sentence cut off mid-phrase');
  const cohesion = analysis.cohesion(last);
  if (looksLikeProse(analysis, last) && cohesion !== undefined && cohesion < MIN_PROSE_COHESION) {
    return remove(last.span, CUT_OFF_ELSEWHERE);
  }
  return undefined;
}

/** A line without terminal punctuation: a heading or caption of the article, a label, or a cut-off sentence. */
function checkShortLine(context: FragmentContext, line: Line, evidence: Evidence): Finding | undefined {
  const { analysis, document, shapeCount, headlineCount } = context;
  const text = line.text;
  const prose = context.lineIsProse(line);
  const count = analysis.wordCount(line);
  if (endsOnReference(text)) return undefined;
  if (prose) {
    if (endsOnFunctionWord(analysis, text)) return remove(line.span, 'sentence cut off mid-phrase');
    // Someone's words, whole in their quotation marks, however little they share ("“I do not know
    // if I should say this…”"), are no sentence cut off.
    const cohesion = analysis.cohesion(line);
    if (cohesion !== undefined && cohesion < MIN_PROSE_COHESION && !QUOTATION.test(text)) return remove(line.span, CUT_OFF_ELSEWHERE);
    return undefined;
  }
  // The count first: most lines that are not prose are labels of a word or two, and their last
  // word need not be looked up.
  if (count >= MIN_CUT_LINE_WORDS && endsOnFunctionWord(analysis, text)) return remove(line.span, 'line cut off mid-phrase');
  if (count > MAX_LABEL_WORDS) return undefined;
  // A label's few words are judged in a short text too: "Teilen auf Facebook" under a
  // 150-word article as under a 500-word one.
  const cohesion = analysis.cohesion(line, true);
  if (cohesion !== undefined && cohesion >= MIN_LABEL_COHESION && !sharesOnlyWithCopies(context, line)) return undefined;
  if ((text.length <= MAX_DATELINE_LENGTH && DATELINE.test(text)) || headsABlock(document, line)) return undefined;
  if (hasPattern(context.shapeOf(line)) && shapeCount(line) > MIN_SHAPE_SIBLINGS) return undefined;
  if (creditsTheArticle(text)) return undefined;
  if (isHeadline(text) && headlineCount() > MIN_SHAPE_SIBLINGS) return undefined;
  // A number and a word or two that share nothing with the article: an interface's count
  // ("Kommentare (8)", "% 6 голосов"), in any language.
  if (lineSign(text, count) === 'counter') return remove(line.span, 'counter');
  if (isSubheading(context, line) || isSiblingSubheading(context, line) || QUOTATION.test(text)) return undefined;
  return evidence.weakly(remove(line.span, 'short line sharing no words with the article'), line);
}

/** Words a subheading between two paragraphs has at the least: a label is a word or two ("Printable version"). */
const MIN_SUBHEADING_WORDS = 3;

/** Words a subheading between two paragraphs has at the most: another story's headline is longer. */
const MAX_SUBHEADING_WORDS = 5;

/**
 * True when a short line sharing no words with the article is a subheading of it, as the keep-
 * when-unsure rule reads one: it stands between two paragraphs of prose, has a subheading's few
 * words, no number (a count or a date), and is written as a phrase of running language, a word
 * after its first in lower case that is no stop word ("Straight into calmer waters", "Gulls
 * circle overhead", "Das soll den Pendlern helfen"). A label, a menu's entry or another story's
 * headline is written in title case ("Suggest a Story Idea", "Our Magazines") or is longer. (Only
 * the words count: the text is read again once the page around the article is gone, and what the
 * line stands in must say the same each time.)
 */
function isSubheading(context: FragmentContext, line: Line): boolean {
  const tokens = words(line.text);
  if (tokens.length < MIN_SUBHEADING_WORDS || tokens.length > MAX_SUBHEADING_WORDS || /\p{N}/u.test(line.text)) return false;
  if (!tokens.slice(1).some((token) => /^\p{Ll}/u.test(token) && !isStopwordOfSomeLanguage(token.toLowerCase()))) return false;
  return betweenParagraphs(context, line);
}

/** True when the lines before and after `line` are paragraphs of prose, each ending its sentence. */
function betweenParagraphs({ document, lineEndsProperly, lineIsProse }: FragmentContext, line: Line): boolean {
  const isParagraph = (neighbour: Line | undefined): boolean => neighbour !== undefined && lineEndsProperly(neighbour) && lineIsProse(neighbour);
  return isParagraph(document.lines[line.index - 1]) && isParagraph(document.lines[line.index + 1]);
}

/** Subheadings of its own (sharing its words) an article needs before one sharing none is read as another. */
const MIN_SUBHEADING_SIBLINGS = 2;

/**
 * True when a short line sharing no words with the article is one more of the subheadings the
 * article sets between its paragraphs: the text has {@link MIN_SUBHEADING_SIBLINGS} or more lines
 * of that kind whose words recur in it ("Menschliche Eizellspende", "Mit 80 Jahren noch aktiv"),
 * and this one, of a subheading's few words and no number, stands between two paragraphs too
 * ("Tausende von Texten zum Thema", "The takeaway"), written in capitals as they are or not. An
 * article written in sections names them as it likes; a label dropped into an article without
 * sections has no such siblings.
 */
function isSiblingSubheading(context: FragmentContext, line: Line): boolean {
  const count = words(line.text).length;
  if (count > MAX_SUBHEADING_WORDS || /\p{N}/u.test(line.text) || !betweenParagraphs(context, line)) return false;
  return context.subheadingCount(inCapitals(line.text)) >= MIN_SUBHEADING_SIBLINGS;
}

/** True when `text` has letters with case and none of them in lower case ("WHAT YOU NEED"). */
function inCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * How many lines read as the article's own subheadings, those in lower case and those in capitals
 * apart (a page's label in sentence or title case, "Touch Arcade", is none of an article's
 * "WHAT YOU NEED" / "HOW TO USE IT"): a few words without terminal punctuation, between two
 * paragraphs of prose, sharing words with the rest of the text.
 */
function countSubheadings(context: FragmentContext): [number, number] {
  const { analysis, document } = context;
  const counts: [number, number] = [0, 0];
  for (const line of document.lines) {
    // The line's word tokens, as `words` finds them, counted without splitting the line.
    const tokens = analysis.tokenCount(line);
    if (tokens === 0 || tokens > MAX_SUBHEADING_WORDS || context.lineEndsProperly(line)) continue;
    const cohesion = analysis.cohesion(line, true);
    if (cohesion !== undefined && cohesion >= MIN_LABEL_COHESION && betweenParagraphs(context, line)) counts[inCapitals(line.text) ? 1 : 0]++;
  }
  return counts;
}

/**
 * Words a line that is not prose needs before ending on a function word marks it cut off ("The
 * results of the"): a shorter one is a label or a heading ("Terms of", "Sign in or").
 */
const MIN_CUT_LINE_WORDS = 4;

/** Words a line needs to read as a headline rather than a menu entry ("Local News", "Sign In Now"). */
const MIN_HEADLINE_WORDS = 5;

/** The longest word a title-cased headline leaves in lower case ("at", "and", "with", "from"). */
const MAX_HEADLINE_SMALL_WORD = 4;

/**
 * True when `text` is written as a headline: five or more words, each capitalised or a number,
 * but for short function words ("Man Shot at Dallas Gas Station Dies at Hospital").
 */
function isHeadline(text: string): boolean {
  const tokens = words(text);
  if (tokens.length < MIN_HEADLINE_WORDS || tokens.length > MAX_LABEL_WORDS) return false;
  let capitalised = 0;
  for (const token of tokens) {
    if (startsUpper(token)) capitalised++;
    else if (/^\p{L}/u.test(token) && token.length > MAX_HEADLINE_SMALL_WORD) return false;
  }
  return capitalised >= MIN_HEADLINE_WORDS - 1;
}

/**
 * How many lines of the document are written as headlines. A page that sets several headlines
 * of its own between the paragraphs (links to its other stories, kept by the people who marked
 * these articles' bodies) makes them part of the text; a lone headline dropped in from elsewhere
 * has no such siblings.
 */
function countHeadlines({ analysis, document, lineEndsProperly }: FragmentContext): number {
  // A line of more words than a headline's (`tokenCount` counts the tokens of `words`) is not split to be looked at.
  return document.lines.filter((line) => analysis.tokenCount(line) <= MAX_LABEL_WORDS && !lineEndsProperly(line) && isHeadline(line.text)).length;
}

/**
 * Other lines of the same shape (see `lineShape`) a short line needs to be read as one item of
 * the article's own list or pattern: the names heading each interview ("Anna Petrova" /
 * "Ivan Sidorov" / ...), the sources after each quote ("[ CNET ]", "[ The Verge ]"). A label
 * dropped in from elsewhere has no such siblings.
 */
const MIN_SHAPE_SIBLINGS = 3;

/**
 * True when a short line credits the article's words or pictures rather than the site: a
 * copyright without a year ("© Regan", "저작권자 ⓒ 엔터미디어"; a site's footer dates its
 * copyright, "© 1996-2019 News Communication"), or a source in one pair of brackets ("[사진=JTBC]",
 * "[ CNET ]"). It shares no words with the article by nature; when unsure, keep.
 */
function creditsTheArticle(text: string): boolean {
  if (/[©ⓒ]/u.test(text)) return !/(?:^|\D)(?:1[89]|20)\d\d(?:\D|$)/u.test(text);
  return /^\[[^[\]]+\]$/u.test(text);
}

/**
 * True when a line's shape (see `lineShape`) is a pattern that siblings can share: more than one
 * word, or a word in brackets or with a number. A lone word ("Sport", "Cats") or a lone phrase of
 * a script without spaces ("相关新闻") has the shape of every other one.
 */
function hasPattern(shape: string): boolean {
  return !/^[Aao]$/u.test(shape);
}

/**
 * True when the next paragraph is a block of several lines (a list, a table, a set of steps):
 * a short line right before it is that block's heading ("Instructions", "Story Timeline").
 */
function headsABlock(document: Document, line: Line): boolean {
  const next = document.paragraphs[line.paragraph + 1];
  return next !== undefined && next.lineCount > 1 && document.paragraphs[line.paragraph]!.lineCount === 1;
}

/** The share of stop words typical of sentences ("he said that the ..."); headings have fewer. */
const MIN_PROSE_STOPWORD_SHARE = 0.25;

/**
 * True when a piece reads as running prose rather than a heading: the words and stop words of
 * prose (`hasProseWords`, with a share typical of sentences), starting with a capital, mostly
 * lower-case.
 */
function looksLikeProse(analysis: Analysis, piece: Piece): boolean {
  if (!startsUpper(piece.text) || !hasProseWords(analysis, piece, MIN_PROSE_STOPWORD_SHARE)) return false;
  return analysis.lowerCaseTokens(piece) * 2 > analysis.tokenCount(piece);
}

/**
 * True when `text` ends in something that is no part of a sentence's wording: a link, a handle,
 * a hashtag or a number ("... my friend. pic.twitter.com/dUO6AJlMxR", "— The Senate (@senate)
 * October 9, 2018"). Such a tail is an embed or a caption, not a sentence cut short.
 */
function endsOnReference(text: string): boolean {
  // The tests look at the last word alone: a pattern ending in `\S+$` tried at every link in a
  // long line would be quadratic ("http://http://http://... x").
  const last = trailingNonSpace(text);
  // A link, a handle, a hashtag and an address each hold a "." ":" "@" or "#"; most last words none.
  const referenceLast = /[.:@#]/u.test(last)
    && (/(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S/u.test(last) || /[@#][\p{L}\p{N}_]+$/u.test(last) || isEmailAddress(last) || /\.(?:com|org|net)/u.test(last));
  return referenceLast || (text.includes('(@') && /\(@[\p{L}\p{N}_]+\)/u.test(text));
}

/** True when `word` reads as an e-mail address: "name@host.tld" (letters after the last dot). */
function isEmailAddress(word: string): boolean {
  const at = word.indexOf('@', 1);
  const dot = word.lastIndexOf('.');
  return at !== -1 && at + 1 < dot && /^\p{L}+$/u.test(word.slice(dot + 1));
}

/** True when the last word is a stop word ("without", "the", "of") or a possessive ("Minnesota’s"). */
function endsOnFunctionWord(analysis: Analysis, text: string): boolean {
  // The patterns read the end of the text alone (its last three characters, a letter outside the
  // Basic Multilingual Plane taking two code units): tried at every character of a long line,
  // they cost more than the rest of the test.
  const end = text.slice(-4);
  if (/\p{L}['’]s$/u.test(end)) return true;
  const last = lastWordToken(text);
  // A heading ends on a capitalised word ("... for iPad Pro"); a cut sentence on a small one.
  if (last === undefined || !/\p{L}$/u.test(end) || startsUpper(last) || endsOnMeasure(text, last)) return false;
  const endings = hasUnspacedScript(last) ? unspacedEndings(last) : [last.toLowerCase()];
  if (endings.some((ending) => analysis.stopwords.words.has(ending))) return true;
  // The line may be in another language than the article (a teaser from another site): its own
  // stop words count when the line has enough of them to tell its language (only worth finding
  // when it ends on a word that some language's list holds).
  if (!endings.some(isStopwordOfSomeLanguage)) return false;
  const tokens = words(text).map((token) => token.toLowerCase());
  const own = detectStopwords(tokens).words;
  return endings.some((ending) => own.has(ending)) && tokens.filter((token) => own.has(token)).length >= MIN_OWN_STOPWORDS;
}

/** The longest unit written after a number ("210 g", "32,23 Mio. t", "5 km"). */
const MAX_UNIT_LENGTH = 2;

/**
 * True when `text` ends on a number and its unit ("Lösung: m = 210 g", "32,23 Mio. t"): a short
 * last word after a number, one word between at the most. Some stop-word lists hold single
 * letters; a unit after a figure closes a table's cell or an answer, it cuts nothing off.
 */
function endsOnMeasure(text: string, last: string): boolean {
  if (last.length > MAX_UNIT_LENGTH) return false;
  const before = words(text.slice(Math.max(0, text.length - 40))).slice(-3, -1);
  return before.some((token) => /\p{N}/u.test(token));
}

/**
 * The possible last words of a run of text written without spaces: its last one to three
 * characters, so that a Japanese line cut after a particle ("新しい公園を") ends on "を".
 * Short runs are left alone: a short heading may end on anything.
 */
function unspacedEndings(token: string): string[] {
  if (token.length < MIN_UNSPACED_LINE) return [];
  return [1, 2, 3].map((length) => token.slice(-length));
}

/** Runs of white space up to which lines are told apart by their number at first (see {@link lineShapes}). */
const FEW_RUNS = 16;

/**
 * `FragmentContext.shapeCount` and `shapeOf` of a document. Only short lines that might be labels ask for their
 * shape, in few documents. Lines of one shape have as many runs of white space (a shape keeps
 * them, one space each), so lines are grouped by that number at the first question, and shapes
 * are worked out only for the group of a line asked about (the line's own among them). The lines
 * asked about are short: the runs of a line are counted up to {@link FEW_RUNS} + 1 only (most of
 * a prose line is not read), and the lines with more are told apart when a line with more is
 * asked about.
 */
function lineShapes(document: Document): Pick<FragmentContext, 'shapeCount' | 'shapeOf'> {
  let byRuns: Map<number, Line[]> | undefined;
  let byManyRuns: Map<number, Line[]> | undefined;
  const linesWithRuns = (runs: number): readonly Line[] => {
    byRuns ??= groupBy(document.lines, (line) => whiteSpaceRuns(line.text, FEW_RUNS + 1));
    if (runs <= FEW_RUNS) return byRuns.get(runs) ?? [];
    byManyRuns ??= groupBy(byRuns.get(FEW_RUNS + 1) ?? [], (line) => whiteSpaceRuns(line.text));
    return byManyRuns.get(runs) ?? [];
  };
  // Per line index, its shape once worked out: an array, not a map (ten million one-character
  // lines made a map of ten million entries, and the clean superlinear).
  const shapes = new Array<string | undefined>(document.lines.length);
  const shapeOf = (line: Line): string => (shapes[line.index] ??= lineShape(line.text));
  const shapesByRuns = new Map<number, Map<string, number>>();
  const shapeCount = (line: Line): number => {
    const runs = whiteSpaceRuns(line.text);
    let counts = shapesByRuns.get(runs);
    if (counts === undefined) {
      counts = new Map();
      for (const other of linesWithRuns(runs)) {
        const shape = shapeOf(other);
        counts.set(shape, (counts.get(shape) ?? 0) + 1);
      }
      shapesByRuns.set(runs, counts);
    }
    return counts.get(shapeOf(line)) ?? 0;
  };
  return { shapeCount, shapeOf };
}

/** How many runs of white space `text` holds, counting no further than `most`. */
function whiteSpaceRuns(text: string, most = Infinity): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length && runs < most; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}
