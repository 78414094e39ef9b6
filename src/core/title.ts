/**
 * Headline detection and matching. The headline is the first line of the text when it reads like
 * one: a single short line that is not a run of sentences. Copies of it are matched ignoring case,
 * spacing, quotes and punctuation, and with or without a site name attached by a separator:
 * "Title - Site", "Title | Site", "Site: Title".
 */
import { analyse, type Analysis } from './analysis.js';
import type { Document, Line, Title } from './model.js';
import { endsSentence } from './predicates.js';
import { comparisonKey, wordCount } from './text.js';
import { uint8Array } from './arrays.js';

/** The longest headline, in words, that detection accepts. */
const MAX_TITLE_WORDS = 40;

/** The longest headline, in words, accepted although it has a period in it. */
const MAX_PERIOD_TITLE_WORDS = 20;

/** The longest site name, in words, that may be attached to a headline copy. */
const MAX_AFFIX_WORDS = 6;

/** The fewest words a headline keeps once an affix is cut off: "Review: Joker" must not match "Joker". */
const MIN_CORE_WORDS = 3;

/** Separators that attach a site or section name to a headline ("Title | Site"). */
// Each run of spaces is entered only from its start (the look-behind), so a line with long runs
// of spaces is scanned once, not once per space.
const AFFIX_SEPARATOR = /(?<=\S)\s+[-|–—:·•»~/]{1,2}\s+|:\s+|(?<=\S)\s+[|]/u;

/**
 * Finds the headline: the first line, when it is short and reads like a headline (one sentence,
 * not ending in a period), or when it is short and stands again later as a line of its own (a
 * headline such as "Meth. We're on it. They just might be." is known by its repeat). Words and keys
 * are read from the document's `analysis` (a first line can be a whole 200 MB text).
 */
export function detectTitle(document: Document, analysis: HeadlineAnalysis & Pick<Analysis, 'wordCount'> = analyse(document)): Title | undefined {
  const first = document.lines[0];
  // A text that is one short line is its own headline: were it not, nothing would protect it, and
  // cleaning "Title\n\nShare this" twice would delete the title the first run kept.
  if (!first) return undefined;
  const words = analysis.wordCount(first);
  if (words === 0 || words > MAX_TITLE_WORDS) return undefined;
  if (words <= MAX_NAVIGATION_WORDS) {
    const printedTwice = headlinePrintedTwice(document, analysis);
    if (printedTwice) return printedTwice;
  }
  const title: Title = { line: first.index, span: first.span, text: first.text };
  const oneSentence = first.sentenceCount === 1 || AFFIX_SEPARATOR.test(first.text);
  if (oneSentence && !/[^.]\.$/u.test(first.text)) return title;
  // "The VW ID. SPACE VIZZION is a weird EV", "... doesn't run at a stable 60fps.": a short first
  // paragraph of one line, ahead of the text, is a headline even with a period in it.
  // (A text of that one line alone counts too, or its second cleaning would lose the headline.)
  const standsAlone = document.paragraphs[0]!.lineCount === 1;
  if (standsAlone && first.sentenceCount <= 2 && words <= MAX_PERIOD_TITLE_WORDS) return title;
  const isCopy = headlineCopyTest(first.text, analysis);
  return document.lines.some((line) => line.index > first.index && isCopy(line)) ? title : undefined;
}

/** The most words of a first line that may be a site's name or a link ("Quanta Magazine", "Skip to content") rather than the headline. */
const MAX_NAVIGATION_WORDS = 4;

/** The lines near the top of a page where its headline is looked for when the first line is not it. */
const HEADLINE_SEARCH_LINES = 60;

/** The fewest words of a headline found below the first line (a menu's entries have fewer). */
const MIN_HEADLINE_WORDS = 5;

/**
 * When the first line is short (a site's name, a skip link), the headline is where the page puts
 * it: the first line near the top that the page prints again (as its `<title>` and its `<h1>` both
 * are) before any sentence of ten words or more, long enough not to be a menu's entry and without
 * a closing period. `undefined` when there is none.
 */
function headlinePrintedTwice(document: Document, analysis: Pick<Analysis, 'key' | 'wordCount'>): Title | undefined {
  const top = document.lines.slice(1, HEADLINE_SEARCH_LINES);
  const seen = new Map<string, Line>();
  for (const line of top) {
    const words = analysis.wordCount(line);
    // Both copies head the page: above its first sentence of text.
    if (line.sentenceCount > 1 || endsSentence(line.text, { ellipsis: false })) {
      if (words >= MIN_HEADLINE_WORDS * 2) return undefined;
      continue;
    }
    if (words < MIN_HEADLINE_WORDS || words > MAX_TITLE_WORDS || /[:]$/u.test(line.text)) continue;
    const key = analysis.key(line);
    const earlier = seen.get(key);
    if (earlier) return { line: earlier.index, span: earlier.span, text: earlier.text };
    seen.set(key, line);
  }
  return undefined;
}

/** What {@link headlineCopyTest} reads of a document's analysis. */
type HeadlineAnalysis = Pick<Analysis, 'key' | 'keyWords' | 'vocabulary'>;

/**
 * A test of whether a line of the analysed document is a copy of the headline `headline`, as
 * {@link sameHeadline} tells. A headline key of three words or more is only in a line's key when
 * its inner words (all but the first and the last, which may be parts of the line's words) are
 * words of the line, in a row: the spaces around them fall on the line's. So when every key is
 * that long, a line without any key's inner words in a row is passed over without its key being
 * made: nearly all lines are. (The inner words, not the second alone: a second word such as "of"
 * or "the" is in a line in ten, whose key was made and searched.) The answers are kept with the
 * analysis, per line, for the next test of the same headline: a reading's rules ask about the
 * same lines four times over.
 */
export function headlineCopyTest(headline: string, analysis: HeadlineAnalysis): (line: Line) => boolean {
  const known = knownCopies(headline, analysis);
  const keys = lastHeadlineKeys(headline);
  const inners = keys.map((key) => key.split(' ').slice(1, -1));
  const filters = inners.every((words) => words.length > 0);
  // The inner words' ids, looked up again when the vocabulary has grown (folding a line can number new words).
  let innerIds: number[][] = [];
  let vocabularySize = -1;
  const isCopy = (line: Line): boolean => {
    if (filters) {
      // The line's words first: folding them can number new words.
      const ids = analysis.keyWords(line);
      if (vocabularySize !== analysis.vocabulary.size) {
        innerIds = inners.map((words) => words.map((word) => analysis.vocabulary.find(word)));
        vocabularySize = analysis.vocabulary.size;
      }
      if (!innerIds.some((run) => holdsRun(ids, run))) return false;
    }
    return sameHeadline(keys, line.text, analysis.key(line));
  };
  return (line) => known.get(line.index) ?? known.set(line.index, isCopy(line));
}

/** The answers of {@link headlineCopyTest} about the lines of one analysed document, for one headline. */
class KnownCopies {
  /** Per line index: 0 not asked yet, {@link NOT_A_COPY} or {@link A_COPY}. */
  private answers = new Uint8Array(0);

  constructor(readonly headline: string) {}

  /** The answer about the line numbered `index`, if known. */
  get(index: number): boolean | undefined {
    const answer = this.answers[index];
    return answer === undefined || answer === 0 ? undefined : answer === A_COPY;
  }

  /** Keeps `copy` as the answer about the line numbered `index`, and returns it. */
  set(index: number, copy: boolean): boolean {
    if (index >= this.answers.length) {
      const larger = uint8Array(Math.max(index + 1, 2 * this.answers.length));
      larger.set(this.answers);
      this.answers = larger;
    }
    this.answers[index] = copy ? A_COPY : NOT_A_COPY;
    return copy;
  }
}

const NOT_A_COPY = 1;
const A_COPY = 2;

/** Per analysis, the answers about the last headline asked of it (see {@link headlineCopyTest}). */
const knownCopiesByAnalysis = new WeakMap<HeadlineAnalysis, KnownCopies>();

function knownCopies(headline: string, analysis: HeadlineAnalysis): KnownCopies {
  let known = knownCopiesByAnalysis.get(analysis);
  if (known?.headline !== headline) {
    known = new KnownCopies(headline);
    knownCopiesByAnalysis.set(analysis, known);
  }
  return known;
}

/** True when `ids` holds the ids of `run` in a row (an id of -1, a word not in the vocabulary, is in no line). */
function holdsRun(ids: ArrayLike<number>, run: readonly number[]): boolean {
  const first = run[0]!;
  for (let i = 0; i + run.length <= ids.length; i++) {
    if (ids[i] !== first) continue;
    let j = 1;
    while (j < run.length && ids[i + j] === run[j]) j++;
    if (j === run.length) return true;
  }
  return false;
}

/**
 * The comparison keys a headline line can stand for: the whole line, and the line without a
 * short affix before or after a separator ("Title - CBS News" also stands for "Title").
 */
export function headlineKeys(text: string): string[] {
  const keys = [comparisonKey(text)];
  const parts = text.split(AFFIX_SEPARATOR);
  const isAffix = (part: string): boolean => wordCount(part) <= MAX_AFFIX_WORDS;
  // Cut off short parts at either end, one at a time: "Title | UK News | Sky News" -> "Title".
  for (let from = 0; from < parts.length && (from === 0 || isAffix(parts[from - 1]!)); from++) {
    for (let to = parts.length; to > from && (to === parts.length || isAffix(parts[to]!)); to--) {
      const core = parts.slice(from, to).join(' ');
      if (wordCount(core) >= MIN_CORE_WORDS) keys.push(comparisonKey(core));
    }
  }
  return keys.filter((key, i) => key !== '' && keys.indexOf(key) === i);
}

/** The headline whose keys {@link lastHeadlineKeys} holds, and those keys. */
let lastHeadline: { readonly text: string; readonly keys: readonly string[] } | undefined;

/**
 * {@link headlineKeys} of `headline`, kept for the next call: a reading asks for the same
 * headline's keys five times (the headline's detection and four rules), and each asking folded
 * every affix cut of it again (2% of a clean).
 */
function lastHeadlineKeys(headline: string): readonly string[] {
  if (lastHeadline?.text !== headline) lastHeadline = { text: headline, keys: headlineKeys(headline) };
  return lastHeadline.keys;
}

/**
 * True when two lines are copies of one headline, allowing a site affix on either. A line ending
 * in a colon introduces what follows it ("Dare to Play 3:" above the game's list of features) and
 * is never a copy. `whole` is the line's {@link comparisonKey}, when already known.
 */
export function sameHeadline(titleKeys: readonly string[], line: string, whole: string = comparisonKey(line)): boolean {
  if (/[:：]\s*$/u.test(line)) return false;
  // Every key of a line is the key of a run of its parts, so a substring of its whole key: a line
  // whose whole key holds no headline key cannot match, and its parts need not be looked at.
  if (!titleKeys.some((key) => whole.includes(key))) return false;
  if (titleKeys.includes(whole)) return true;
  // Without a separator the whole key is the line's only key (a headline quoted in a sentence).
  return AFFIX_SEPARATOR.test(line) && headlineKeys(line).some((key) => titleKeys.includes(key));
}
