/**
 * What the rules and the segmenter mean by a few ideas they share, each written once: the
 * punctuation that ends a sentence, a line that ends one, a sentence cut at an abbreviation, a
 * line of running prose. (A topic large enough to judge is the analysis's: `judgesTopic`.)
 */
import type { Analysis, Piece } from './analysis.js';

/**
 * Characters that end a line as a sentence for the rules: "." "!" "?" "…", their doubled forms,
 * and the full-width forms of Chinese and Japanese. The segmenter (`segment.ts`) decides where
 * sentences end inside a line by Unicode's Sentence_Terminal, which holds more (the marks of
 * Arabic, Urdu, Hindi, ...): counting those here changes what is kept on two pages of the web
 * corpus (an Arabic question kept, a Bengali line given to the article), a change of output to
 * measure on its own.
 */
export const TERMINALS: ReadonlySet<string> = new Set(Array.from('.!?…‼⁉。！？'));

/**
 * Closing quotes and brackets that may follow terminal punctuation: `"Hi."`, `(see above.)`,
 * German `„Ja.“` and Danish `»Ja.«`.
 */
const CLOSING_MARKS = '"\'”’»›“‘«‹)]」』）】》〉';
export const CLOSERS: ReadonlySet<string> = new Set(Array.from(CLOSING_MARKS));

/** Any run of {@link CLOSERS}, as a pattern's source. */
const CLOSERS_RUN = `[${CLOSING_MARKS.replace(/[\]\\]/gu, '\\$&')}]*`;

/** What besides {@link TERMINALS} may end a line for {@link endsSentence}. */
export interface SentenceEnd {
  /**
   * A colon too: it introduces what follows ("Take a look at what he said:"), so the line is not
   * cut short. Default false.
   */
  readonly colon?: boolean;
  /**
   * The ellipsis character `…` too (three periods always count, as periods). Default true; a rule
   * that reads `…` as a sign of text cut off says false.
   */
  readonly ellipsis?: boolean;
}

/**
 * Invisible format characters a page may leave after the last word: zero-width spaces and joiners,
 * a soft hyphen, a byte-order mark. They are not white space to the parse, so a line can end in
 * "Rückzugsräume.\u200B\u200B" and still end with its period.
 */
const INVISIBLE = /\p{Cf}/u;

/**
 * True when `text` ends like a sentence: its last character, past closing quotes and brackets
 * ("great.”", "(see above.)") and invisible format characters, is terminal punctuation, or what
 * `also` admits.
 */
export function endsSentence(text: string, also: SentenceEnd = {}): boolean {
  let end = text.length;
  while (end > 0 && (CLOSERS.has(text[end - 1]!) || INVISIBLE.test(text[end - 1]!))) end--;
  const last = text[end - 1];
  if (last === undefined) return false;
  if (last === '…') return also.ellipsis ?? true;
  if (last === ':' || last === '：') return also.colon === true;
  return TERMINALS.has(last);
}

/**
 * A sentence that ends where naive splitters cut it: on dotted capitals ("to improve U.S.", cut
 * from "U.S.-Russia relations") or on a title that always precedes a name ("said Mr.").
 */
const ENDS_ON_ABBREVIATION = /(?:\s(?:\p{Lu}\.){2,}|\s(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Gov|Sen|Rep)\.)$/u;

/**
 * Dotted capitals after "the" close a noun phrase: "The plant was sold to a company in the U.S."
 * is whole, where "to improve U.S." was cut from "U.S.-Russia relations".
 */
const WHOLE_NOUN_PHRASE = /\sthe\s+(?:\p{Lu}\.){2,}$/iu;

/** An ellipsis, as a pattern's source: three dots, spaced or not, or the one character. */
const DOTS = '(?:\\.\\.\\.|…|\\. \\. \\.)';

/** A trailing ellipsis: the sign of a teaser or a cut-off sentence ("The minister said that…"). */
const ELLIPSIS = new RegExp(`${DOTS}${CLOSERS_RUN}$`, 'u');

/**
 * Characters before its closing marks that an end-anchored pattern of dots reads at most: `\s`
 * and ". . ." ({@link PAUSE}).
 */
const DOTS_READ = 6;

/**
 * The end of `text` that {@link ELLIPSIS}, {@link PAUSE} and {@link FINISHED_BEFORE_ELLIPSIS} can
 * match, when the last character before its closing marks is a period or `…`, as in every text
 * they match; else `undefined`. Each pattern ends in dots and then the whole run of closing marks
 * (no dot is one), so its match lies within {@link DOTS_READ} characters and that run: read from
 * the end, this spares the patterns a scan of the whole line, from each of its characters (they
 * are asked of nearly every line and sentence, and most prose ends in a period).
 */
function dotsTail(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--;
  const last = text.charCodeAt(end - 1);
  return last === 0x2e || last === 0x2026 ? text.slice(Math.max(0, end - DOTS_READ)) : undefined;
}

/**
 * A writer's pause: an ellipsis after a space ("But here's the disconnect …"), or the ellipsis of
 * Chinese and Japanese, two characters wide ("……"), which writers set as others set three dots.
 */
const PAUSE = new RegExp(`(?:\\s${DOTS}|……)${CLOSERS_RUN}$`, 'u');

/**
 * True when `text` ends in a writer's pause (see {@link PAUSE}), where cut-off text has the dots
 * glued to its last word.
 */
export function pausesAtEnd(text: string): boolean {
  const tail = dotsTail(text);
  return tail !== undefined && PAUSE.test(tail);
}

/**
 * Marks that open a quotation: „ “ ” " « » 「 『 (German and Danish open with “ and », Swedish with
 * ”, so a mark may open in one language and close in another).
 */
export const QUOTE_OPENERS = '„“”"«»「『';

/** Marks that close a quotation: “ ” " « » 」 』. */
export const QUOTE_CLOSERS = '“”"«»」』';

/** An ellipsis right before a closing quotation mark: "„Ich weiß nicht, ob ich…“". */
const ELLIPSIS_IN_QUOTE = new RegExp(`${DOTS}[${QUOTE_CLOSERS}]$`, 'u');

/** An opening quotation mark. */
const OPENING_QUOTE = new RegExp(`[${QUOTE_OPENERS}]`, 'u');

/**
 * True when `text` ends in the dots of a quotation that it opened and closes after them ("„Ich
 * weiß, ich bin müde und sollte das nicht sagen…“"): the speaker trails off, and the quotation is
 * whole; a summary cut where its link begins has nothing after its dots.
 */
function trailsOffInQuotation(text: string): boolean {
  return ELLIPSIS_IN_QUOTE.test(text) && OPENING_QUOTE.test(text.slice(0, -2));
}

/** A period, then any {@link CLOSERS}. */
const PERIOD_END = new RegExp(`\\.${CLOSERS_RUN}$`, 'u');

/** True when `text` ends on a period, past closing quotes and brackets: a statement ("It rained.”), not a question or an exclamation. */
export function endsOnPeriod(text: string): boolean {
  return PERIOD_END.test(text);
}

/**
 * A period and an ellipsis, "... may face further discipline....": the sentence was finished and
 * the rest of the text left out (a paywall, a quotation cut after a full sentence); a cut-off
 * sentence has no period of its own before the dots.
 */
const FINISHED_BEFORE_ELLIPSIS = new RegExp(`(?:\\.\\.\\.\\.|\\.…)${CLOSERS_RUN}$`, 'u');

/**
 * True when `text` stops mid-sentence in an ellipsis, the sign of a teaser or of a sentence cut
 * off ("The minister said that…", "... traçando um plano paralelo para …"); not when a finished
 * sentence comes before the dots ("... further discipline....") or the dots end a quotation (see
 * {@link trailsOffInQuotation}).
 */
export function trailsOff(text: string): boolean {
  const tail = dotsTail(text);
  return tail !== undefined && ELLIPSIS.test(tail) && !FINISHED_BEFORE_ELLIPSIS.test(tail) && !trailsOffInQuotation(text);
}

/** True when `text`, a whole sentence as written, was cut at an abbreviation (see {@link ENDS_ON_ABBREVIATION}). */
export function cutAtAbbreviation(text: string): boolean {
  return ENDS_ON_ABBREVIATION.test(text) && !WHOLE_NOUN_PHRASE.test(text);
}

/** Words a piece needs to read as running prose rather than a heading or a label. */
const MIN_PROSE_WORDS = 6;

/**
 * True when a piece has the words and stop words of running prose ("he said that the ..."):
 * {@link MIN_PROSE_WORDS} words at least (`wordCount`: a run of Chinese counts a word per two
 * characters), and a share of stop words of at least `minStopwordShare` (headings, menus and
 * labels have few).
 */
export function hasProseWords(analysis: Pick<Analysis, 'wordCount' | 'stopwordShare'>, piece: Piece, minStopwordShare: number): boolean {
  return analysis.wordCount(piece) >= MIN_PROSE_WORDS && analysis.stopwordShare(piece) >= minStopwordShare;
}
