import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fragment } from '../../src/cleaners/fragment.js';
import { analyse } from '../../src/core/analysis.js';
import { acceptRemovals } from '../../src/core/apply.js';
import type { CleanContext } from '../../src/core/cleaner.js';
import type { Finding, Line, Removal } from '../../src/core/model.js';
import { resolveOptions } from '../../src/core/options.js';
import { parseDocument } from '../../src/core/parse.js';
import { words } from '../../src/core/text.js';
import { detectTitle } from '../../src/core/title.js';
import { clean, CLEANERS, RULE_IDS } from '../../src/index.js';
import { articleText } from '../generators.js';
import { ruleTester } from './rule-tester.js';

const TITLE = 'Harbour ferry returns after repairs';
const P1 = 'The harbour ferry resumed its crossings on Monday after six weeks of repairs in dry dock.';
const P2 = 'About two thousand commuters use the harbour ferry each day, and many faced long detours while it was away.';
const P3 = 'The ferry operator said a second boat would join the harbour route next summer.';

/** A small article with `line` standing as its own paragraph between the body paragraphs. */
function withLine(line: string): string {
  return `${TITLE}\n\n${P1}\n\n${line}\n\n${P2}\n\n${P3}\n`;
}

/** A longer article: enough content words (100 or more) for a line's share of them to mean something. */
const LONG = [
  'The harbour ferry resumed its crossings on Monday after six weeks of repairs in dry dock at the northern shipyard.',
  'Engineers replaced both engines, rebuilt the propeller shafts and fitted a new steering system to the ferry.',
  'About two thousand commuters use the harbour ferry each day, and many faced long detours by road while it was away.',
  'The operator said the repairs cost more than expected because rust had spread through the lower hull plates.',
  'Passengers on the first crossing praised the quieter engines and the repainted cabins, though some complained about the timetable.',
  'The harbour authority plans to build a second landing stage next year so that two ferries can load at once.',
  'A second boat is due to join the harbour route next summer, once the operator has trained enough crew members.',
  'Fares will stay the same until the end of the year, the operator said, but season tickets will rise in January.',
  'Local shopkeepers near the landing stage reported that trade had fallen sharply while the ferry was out of service.',
  'The council will review the timetable in spring, after counting passengers at peak hours on weekdays and weekends.',
  'Cyclists may bring bicycles aboard without charge outside the morning and evening rush, as before the repairs.',
];

/** The long article with `lines` standing as paragraphs after its paragraph number `at`. */
function longWith(at: number, ...lines: string[]): string {
  return `${TITLE}\n\n${[...LONG.slice(0, at), ...lines, ...LONG.slice(at)].join('\n\n')}\n`;
}

/**
 * {@link longWith}, scraped from a page: the headline printed again at the end (which this rule
 * keeps), a sign that lines sharing no words with the article may be the page's.
 */
function scrapedWith(at: number, ...lines: string[]): string {
  return `${longWith(at, ...lines)}\n${TITLE}\n`;
}

/**
 * The long article scraped from a page, set in sections: `headings` (subheadings of its own, or
 * not) before its paragraphs number 2, 5 and 8.
 */
function sectionsWith(...headings: [string, string, string]): string {
  const body = [...LONG.slice(0, 2), headings[0], ...LONG.slice(2, 5), headings[1], ...LONG.slice(5, 8), headings[2], ...LONG.slice(8)];
  return `${TITLE}\n\n${body.join('\n\n')}\n\n${TITLE}\n`;
}

/** A short German article (about 100 words) and the labels of the page around it. */
const GERMAN_SHORT = [
  'Neue Fähre für den Hafen',
  'Die Stadt hat am Montag eine neue Fähre für den Hafen vorgestellt, die ab dem Sommer zwischen der Altstadt und der Insel fahren soll.',
  'Teilen auf Facebook',
  'Die Fähre bietet Platz für zweihundert Fahrgäste und vierzig Fahrräder, sagte der Bürgermeister bei der Vorstellung am Kai.',
  'Anzeige',
  'Bisher brauchten Pendler mit dem Bus fast eine Stunde, mit der Fähre sollen es nur noch zwanzig Minuten sein.',
  'Die Fahrkarten kosten so viel wie ein Busticket, und Schüler fahren in den ersten drei Monaten kostenlos.',
  'Mehr zum Thema',
  'Newsletter abonnieren',
  'Kommentare (8)',
];

/**
 * A German text wrapped at a fixed width, each line a paragraph of its own as some pages print
 * it: lines left open go on in lower case on the next line, and once in a while on a noun, which
 * German writes with a capital ("bei starkem" / "Wind oder Nebel ...").
 */
const GERMAN_WRAPPED = [
  'Fährbetrieb im Winter',
  'Die Fähre fährt auch im Winter nach einem festen Plan, doch bei Sturm oder',
  'dichtem Nebel bleibt sie im Hafen. Die Besatzung prüft jeden Morgen die',
  'aktuelle Wetterlage und entscheidet dann, ob die erste Fahrt stattfinden kann.',
  'Wichtig ist vor allem, dass die Fähre auch bei',
  'Wind oder Nebel sicher anlegen kann, ohne dass Fahrgäste oder das Schiff in',
  'eine gefährliche Lage geraten. Deshalb wird das Anlegen jede Woche geübt.',
];

/** A short Chinese article and the labels of the page around it. */
const CHINESE_SHORT = [
  '港口新渡轮下月启航',
  '市政府周一宣布，新的港口渡轮将于下月开始在老城区和岛屿之间运行。',
  '分享到微信',
  '新渡轮可容纳两百名乘客和四十辆自行车，市长在码头的发布会上表示。',
  '广告',
  '以前通勤者乘坐公交车需要将近一个小时，乘坐渡轮只需二十分钟。',
  '相关新闻',
  '评论 (3)',
];

const LICENCE = 'Texts on this site are licensed under a Creative Commons Attribution 4.0 International License.';
const LICENCE_CODE = 'Dieser Text steht unter der Lizenz CC BY-SA 4.0.';
/** Lines of prose a footer may hold under a licence notice: `count` of them. */
function footerProse(count: number): string[] {
  return ['This site uses cookies to count its visitors and nothing else.', 'It is written and kept by two people who like ferries.', 'We answer every letter we get, though sometimes late.', 'The archive goes back to the first crossing in 1998.'].slice(0, count);
}

ruleTester('fragment', {
  valid: [
    { name: 'an article of whole sentences', text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${P3}\n` },
    { name: 'a subheading whose words recur in the article', text: withLine('Commuters and the ferry') },
    { name: 'list items with markers', text: `${TITLE}\n\n${P1}\n\n- new engine mounts\n- a repainted hull\n- two extra lifeboats\n\n${P2}\n` },
    { name: 'numbered list items', text: `${TITLE}\n\n${P1}\n\n1. Buy a ticket at the pier.\n2. Board ten minutes early.\n\n${P2}\n` },
    { name: 'a quotation ending in a closing quote', text: withLine('“We missed the ferry more than we expected,” said one commuter.') },
    {
      name: 'a whole quotation whose speaker trails off, sharing no words with the article: someone\'s words, not a sentence cut off',
      text: scrapedWith(4, '“I do not know if I should say this, but I am tired of it all…”'),
    },
    { name: 'a whole quotation whose speaker trails off, in German quotation marks', text: scrapedWith(4, '„Ich weiß nicht, ob ich das jetzt sagen sollte…“') },
    { name: 'a dateline at the start of a sentence', text: withLine('PORTSMOUTH (Reuters) - The ferry made its first crossing at six in the morning.') },
    { name: 'a question', text: withLine('Will the harbour ferry keep to its old timetable?') },
    { name: 'photos "by" a place, not by a photographer', text: withLine('Photos by the harbour ferry') },
    { name: 'a line of seven words naming comments: longer than a comment section\'s label', text: withLine('Commuters sent comments about the ferry to the council') },
    { name: 'a word that only starts like the word for comments', text: withLine('Commentators and the ferry') },
    { name: 'a line of seven words naming a newsletter: longer than a prompt', text: withLine('Commuters read the ferry newsletter every week') },
    {
      name: 'a sentence naming a Creative Commons licence amid the article: an article about licences, not a notice',
      text: `${TITLE}\n\n${P1}\n\nThe ferry's timetables are now published under a Creative Commons licence for anyone to reuse.\n\n${footerProse(4).join('\n\n')}\n`,
    },
    {
      name: 'a sentence broken at a link set apart in it, going on in lower case: one sentence, not a line cut off mid-phrase',
      text: `${TITLE}\n\n${P1}\n\nSince the engine failed in the spring the ferry has\n\nHarbour Yard\n\nbeen repaired in dry dock by the yard's own crew, who finished the work last week.\n\n${P2}\n`,
    },
    {
      name: 'a licence notice with four lines of prose under it, and labels between them: more than a footer holds (MAX_PROSE_AFTER_SITE_NOTE)',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${LICENCE}\n\n${footerProse(2).join('\n\n')}\n\nHarbour Yard\n\n${footerProse(4).slice(2).join('\n\n')}\n`,
    },
    {
      name: 'a sentence naming two social networks amid the article',
      text: `${TITLE}\n\n${P1}\n\nCommuters posted photos of the ferry on Instagram and Facebook all week.\n\n${footerProse(4).join('\n\n')}\n`,
    },
    { name: 'a line at the end naming one social network', text: `${TITLE}\n\n${P1}\n\n${P2}\n\nThe harbour ferry posts its timetable on Instagram every Monday.\n` },
    {
      name: 'a line naming two social networks, of 41 words: longer than a follow line (MAX_FOLLOW_LINE_WORDS)',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\nThe crew answered questions from commuters on Instagram and Facebook ${'during the long weeks of repairs '.repeat(5)}gladly.\n`,
    },
    {
      name: 'a licence notice of 61 words: longer than a notice (MAX_LICENCE_NOTICE_WORDS)',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${P3}\n\nTexts on this site are licensed under a Creative Commons Attribution licence, which lets anyone copy them ${'and share them again '.repeat(9)}as long as the site is named here.\n`,
    },
    {
      name: 'a paragraph of the article that ends by naming a source: longer than a caption (MAX_CAPTION_WORDS)',
      text: withLine('The ferry carried more than two thousand commuters on its first day back, and the operator expects the number to rise again over the winter as the roads stay closed for repairs. Source: Harbour Ferry Company'),
    },
    {
      name: 'a point without a period that shares a word with the line under it, which stays: one of the article\'s points',
      text: longWith(4, 'Volunteers from the rowing club will plant young trees beside the kiosk', 'The kiosk by the landing stage sells coffee to commuters waiting for the harbour ferry.'),
    },
    { name: 'a short line of two sentences that ends in no credit', text: withLine('The ferry is back. Commuters cheered the crew') },
    { name: 'a subheading ending in brackets that are no credit', text: withLine('Commuters and the ferry (since 1998)') },
    { name: 'a line introducing what follows, ending in a colon', text: withLine('The operator listed the repairs made to the ferry:') },
    { name: 'a sentence ending on "the U.S.": a whole noun phrase', text: withLine('The old ferry was sold to a company in the U.S.') },
    { name: 'abbreviations inside a sentence', text: withLine('Mr. Jones of the U.S. Coast Guard inspected the ferry at 9 a.m. on Friday.') },
    { name: 'an ellipsis used as a pause before the end of a sentence', text: withLine('The ferry is back… and the commuters are pleased.') },
    { name: 'a Japanese article', text: '川沿いに新しい自転車道が開通\n\n市は二十日、川沿いに自転車道を開通させたと発表した。\n\n自転車道は午前六時から利用でき、夜間は照明が点灯する。\n' },
    { name: 'a Russian article', text: 'В городе открыли новый каток\n\nНовый каток в центральном парке открылся в субботу.\n\nКаток работает ежедневно, а вход для школьников бесплатный.\n' },
    {
      name: 'names heading each part of an interview: lines of one shape are the article\'s own pattern',
      text: `${TITLE}\n\n${['Anna Petrova', LONG[0], 'Ivan Sidorov', LONG[1], 'Olga Smirnova', LONG[2], 'Pavel Orlov', LONG[3]].join('\n\n')}\n\n${LONG.slice(4).join('\n\n')}\n`,
    },
    { name: 'a note closing the article, sharing no words with it', text: scrapedWith(LONG.length, 'This piece was adapted from its original source.') },
    { name: 'in an article with no other sign of a page, a subheading sharing no words with it', text: longWith(4, 'A question of patience') },
    { name: 'in a scraped page, a subheading written as a phrase between two paragraphs', text: scrapedWith(4, 'Straight into calmer waters') },
    { name: 'in a scraped page, a subheading of three words in sentence case between two paragraphs', text: scrapedWith(4, 'Gulls circle overhead') },
    { name: 'in a scraped page, a five-word subheading in German between two paragraphs', text: scrapedWith(4, 'Das soll den Pendlern helfen') },
    { name: 'a credit of the article\'s pictures in a scraped page: a copyright without a year', text: scrapedWith(LONG.length, '© Anna Berg') },
    { name: 'a source in one pair of brackets in a scraped page', text: scrapedWith(4, '[Photo = Harbour Trust]') },
    { name: 'in an article with no other sign of a page, a credit line at the end', text: longWith(LONG.length, '© Anna Berg') },
    { name: 'in an article with no other sign of a page, an answer line sharing no words with it', text: longWith(4, 'Will it work?', 'Yes, definitely') },
    { name: 'in an article with no other sign of a page, a sentence sharing no words with it', text: longWith(4, 'Volcanic eruptions darkened Iceland skies yesterday.') },
    { name: 'an aside in brackets, sharing no words with the article', text: longWith(3, '(Nobody could agree about gardening, painting or music.)') },
    {
      name: 'a paragraph of the article fading out in dots glued to its last word: a writer\'s, not a cut',
      text: withLine('The harbour ferry crossed at dawn. The commuters waited on the harbour steps...'),
    },
    { name: 'a finished sentence followed by an ellipsis: the rest left out', text: longWith(LONG.length, 'The operator may also add a night service on weekends....') },
    {
      name: 'headlines the page sets between its paragraphs, four of them: the page\'s own pattern',
      text: `${TITLE}\n\n${[LONG[0], 'Man Found Safe After Two Nights in the Woods', LONG[1], 'City Approves New Budget for Public Libraries', LONG[2], 'Storm Knocks Out Power to Thousands in Valley', LONG[3], 'Local Bakery Wins National Bread Award', LONG[4]].join('\n\n')}\n\n${LONG.slice(5).join('\n\n')}\n`,
    },
    { name: 'a dateline alone on its line: the place a story opens with', text: longWith(4, 'BAAR, SWITZERLAND') },
    { name: 'an unfinished sentence about the article itself', text: longWith(4, 'The harbour ferry will keep its old timetable until the new boat joins the route') },
    { name: 'a line in another language ending on one of its stop words, with too few of them to tell its language', text: longWith(4, 'Harbour Ferry Fotos und') },
    { name: 'a line too long to be a label, though it shares no words', text: longWith(4, 'Storm Knocks Out Power To Thousands In Valley Towns And Cuts Roads To Three Villages') },
    { name: 'a stand-alone statement with too few content words to judge', text: longWith(3, 'Cats sleep a lot.') },
    { name: 'a closing note with one line of prose after it', text: longWith(LONG.length - 1, 'This piece was adapted from its original source.') },
    { name: 'a three-word line ending on a function word, about the article', text: longWith(4, 'Harbour ferry and') },
    {
      name: 'a line left open that the next line goes on with in lower case: a verse or a wrapped line',
      text: scrapedWith(4, 'The clouds drifted over the', 'quiet villages where nobody had seen such skies.'),
    },
    { name: 'a text wrapped at a fixed width: a line left open before a line of prose starting with a noun goes on', text: `${GERMAN_WRAPPED.join('\n\n')}\n` },
    {
      name: 'in a scraped page set in sections, a subheading sharing no words beside two of its own',
      text: sectionsWith('Repairs to the ferry', 'Volcanic matters', 'The harbour timetable'),
    },
    {
      name: 'in a scraped page set in sections, a one-word subheading sharing no words',
      text: sectionsWith('Repairs to the ferry', 'The harbour timetable', 'Outlook'),
    },
    {
      name: 'in a scraped page, a statement sharing no words among lines that share none either (questions of an interview)',
      text: scrapedWith(4, 'Do you like dancing at weddings?', 'Volcanic eruptions darkened Iceland skies yesterday.', 'Have you ever ridden a camel?'),
    },
    {
      name: 'a line ending on a number and its unit, which a stop-word list holds as a letter',
      text: `${GERMAN_SHORT[0]}\n\n${GERMAN_SHORT[1]}\n\nDie Ladung der Fähre wiegt bei jeder Fahrt 32,5 t\n\n${GERMAN_SHORT[3]}\n`,
    },
    { name: 'in an article with no other sign of a page, three lines in a row sharing no words with it', text: longWith(0, 'Gardening', 'Recipes', 'Travel') },
    {
      // The same words in another order are another key: the label's words recur beyond its copy.
      name: 'a label printed twice whose words a third line holds in another order',
      text: `${TITLE}\n\nKontakt Impressum\n\n${LONG.join('\n\n')}\n\nImpressum Kontakt\n\nKontakt Impressum\n`,
    },
    { name: 'a label printed twice whose words the article uses too', text: `${TITLE}\n\nFerry timetable\n\n${LONG.join('\n\n')}\n\nFerry timetable\n` },
    {
      name: 'in a scraped page, a chronology: lines starting with years, sharing no words with the prose',
      text: scrapedWith(4, '1998 Volcanic ash closed the airport', '1999 Tomatoes grew wild near the lighthouse', '2004 Snowstorms buried the mountain villages'),
    },
    { name: 'a short Japanese heading ending on a particle', text: '川沿いに新しい自転車道が開通\n\n市は二十日、川沿いに自転車道を開通させたと発表した。\n\n自転車道は午前六時から利用でき、夜間は照明が点灯する。\n\n自転車道の地図を\n' },
  ],
  invalid: [
    {
      // Its copies are counted by their key's words (lines of other keys, and lines of no words, are none).
      name: 'a label printed in the header and again in the footer, its words nowhere else',
      text: `${TITLE}\n\nKontakt Impressum\n\n* * *\n\n${LONG.join('\n\n')}\n\n* * *\n\nKontakt Impressum\n`,
      removed: ['Kontakt Impressum', 'Kontakt Impressum'],
      reason: /sharing no words/,
    },
    {
      // The boundary with near-duplicate: a cut-off copy shorter than the fewest words that rule
      // compares (six by default) goes here, as a line cut off mid-phrase.
      name: 'a cut-off copy of five words, below what near-duplicate compares, ending on a function word',
      text: withLine('The harbour ferry resumed its'),
      removed: ['The harbour ferry resumed its'],
      reason: /cut off/,
    },
    {
      name: 'a point without a period about something else, when no line next to it shares its words',
      text: longWith(4, 'Volunteers from the rowing club will plant young trees beside the kiosk'),
      removed: ['Volunteers from the rowing club will plant young trees beside the kiosk'],
      reason: /about something else/,
    },
    {
      name: 'an unfinished sentence about something else',
      text: longWith(4, 'Police in the northern town arrested a man who had stolen three bicycles from a school'),
      removed: ['Police in the northern town arrested a man who had stolen three bicycles from a school'],
      reason: /about something else/,
    },
    {
      name: 'a line in another language cut mid-phrase: its own stop words tell',
      text: longWith(4, 'Die Regierung hat am Montag beschlossen, dass die Steuern für'),
      removed: ['Die Regierung hat am Montag beschlossen, dass die Steuern für'],
      reason: /cut off mid-phrase/,
    },
    { name: 'a Japanese line cut after a particle', text: '川沿いに新しい自転車道が開通\n\n市は二十日、川沿いに自転車道を開通させたと発表した。\n\n自転車道は午前六時から利用でき、夜間は照明が点灯する。\n\n市は来年、川沿いの新しい公園の整備を\n', removed: ['市は来年、川沿いの新しい公園の整備を'], reason: /cut off/ },
    {
      // Lines of two shapes with one space each: the four names are a pattern (MIN_SHAPE_SIBLINGS),
      // the three labels, asked about after the names were counted, are not.
      name: 'four names of one shape are the article\'s pattern, three labels of another shape are not',
      text: scrapedWith(2, 'Anna Petrova', 'Our magazines', 'Ivan Sidorov', 'Olga Smirnova', 'Pavel Orlov', 'Latest videos', 'Contact us'),
      removed: ['Our magazines', 'Latest videos', 'Contact us'],
      reason: /no words/,
    },
    {
      name: 'three names of one shape are no pattern (MIN_SHAPE_SIBLINGS)',
      text: scrapedWith(2, 'Anna Petrova', 'Ivan Sidorov', 'Olga Smirnova'),
      removed: ['Anna Petrova', 'Ivan Sidorov', 'Olga Smirnova'],
      reason: /no words/,
    },
    {
      name: 'four short labels of different shapes are no set of headlines',
      text: scrapedWith(4, 'Our Magazines', 'Local Sport News Today', 'Weather', 'Contact Us Here'),
      removed: ['Our Magazines', 'Local Sport News Today', 'Weather', 'Contact Us Here'],
      reason: /no words/,
    },
    {
      name: 'three headlines and a line with a long word in lower case are not four headlines',
      text: scrapedWith(4, 'Storm Knocks Out Power to Thousands in Valley', 'City Approves New Budget for Public Libraries', 'Local Bakery Wins National Bread Award', 'Bridge Closure Delayed across Eastern Counties'),
      removed: ['Storm Knocks Out Power to Thousands in Valley', 'City Approves New Budget for Public Libraries', 'Local Bakery Wins National Bread Award', 'Bridge Closure Delayed across Eastern Counties'],
    },
    {
      name: 'words of prose without the stop words of prose: a label, not a cut sentence',
      text: scrapedWith(4, 'Volcanic ash clouds darkened Iceland skies yesterday afternoon'),
      removed: ['Volcanic ash clouds darkened Iceland skies yesterday afternoon'],
      reason: /no words/,
    },
    {
      name: 'a line in capitals longer than any dateline is no dateline',
      text: scrapedWith(4, 'BAAR, SWITZERLAND, ZUG, LUCERNE, BERN, BASEL, GENEVA AND LAUSANNE'),
      removed: ['BAAR, SWITZERLAND, ZUG, LUCERNE, BERN, BASEL, GENEVA AND LAUSANNE'],
      reason: /no words/,
    },
    {
      name: 'a label over a byline in lower case: no sentence going on',
      text: scrapedWith(4, 'Volcanic clouds northward over the', 'by Anna Berg'),
      removed: ['Volcanic clouds northward over the', 'by Anna Berg'],
    },
    {
      name: 'in a wrapped text, a line left open before a whole sentence (a teaser over its summary) is cut off',
      text: `${GERMAN_WRAPPED.join('\n\n')}\n\nPolizei sucht nach dem Dieb der drei Fahrräder aus der\n\nDer Mann wurde am Montag in der Nähe der Schule gesehen.\n`,
      removed: ['Polizei sucht nach dem Dieb der drei Fahrräder aus der'],
      reason: /cut off mid-phrase/,
    },
    {
      name: 'a label in title case among subheadings written in capitals is none of them',
      text: sectionsWith('REPAIRS TO THE FERRY', 'Volcanic Deals', 'THE HARBOUR TIMETABLE'),
      removed: ['Volcanic Deals'],
      reason: /no words/,
    },
    {
      name: 'one subheading of its own is no sections yet: a label beside it goes',
      text: sectionsWith('Repairs to the ferry', 'Volcanic matters', 'Unrelated quarrels'),
      removed: ['Volcanic matters', 'Unrelated quarrels'],
      reason: /no words/,
    },
    {
      name: 'a line ending on a short stop word after a figure further back is cut off all the same',
      text: `${GERMAN_SHORT[0]}\n\n${GERMAN_SHORT[1]}\n\nIm Jahr 2020 wiegt die Ladung der Fähre mehr als die\n\n${GERMAN_SHORT[3]}\n`,
      removed: ['Im Jahr 2020 wiegt die Ladung der Fähre mehr als die'],
      reason: /cut off mid-phrase/,
    },
    {
      name: 'four lines in a row sharing no words with the article are a menu, a sign of a page on their own',
      text: longWith(0, 'Gardening', 'Recipes', 'Travel', 'Impressum'),
      removed: ['Gardening', 'Recipes', 'Travel', 'Impressum'],
      reason: /no words/,
    },
    {
      name: 'a label printed in the header and again in the footer shares its words with its copy alone',
      text: `${TITLE}\n\nImpressum\n\n${LONG.join('\n\n')}\n\nImpressum\n`,
      removed: ['Impressum', 'Impressum'],
      reason: /no words/,
    },
    {
      name: 'a stand-alone statement sharing no words between paragraphs that share only a few of the article\'s',
      text: scrapedWith(
        4,
        'Gardeners in the valley grow tomatoes, beans and pumpkins near the harbour every year.',
        'Volcanic eruptions darkened Iceland skies yesterday.',
        'Fishermen near the harbour sell fresh mackerel, crabs and oysters from small wooden boats.',
      ),
      removed: ['Volcanic eruptions darkened Iceland skies yesterday.'],
      reason: /stand-alone/,
    },
    {
      name: 'a line starting with a year, with no line of that shape next to it, is no chronology',
      text: scrapedWith(4, '1998 Volcanic ash closed the airport'),
      removed: ['1998 Volcanic ash closed the airport'],
      reason: /no words/,
    },
    { name: 'a five-word line ending on a function word', text: longWith(4, 'The harbour ferry and the'), removed: ['The harbour ferry and the'], reason: /line cut off mid-phrase/ },
    {
      name: 'a short line sharing no words with a long article',
      text: scrapedWith(4, 'Our Magazines'),
      removed: ['Our Magazines'],
      reason: /no words/,
    },
    {
      name: 'a title-cased label between two paragraphs is no subheading',
      text: scrapedWith(4, 'Suggest a Story Idea'),
      removed: ['Suggest a Story Idea'],
      reason: /no words/,
    },
    {
      name: 'a phrase of two words between two paragraphs is a label, not a subheading',
      text: scrapedWith(4, 'Printable version'),
      removed: ['Printable version'],
      reason: /no words/,
    },
    {
      name: 'a phrase of six words between two paragraphs is another story\'s headline, not a subheading',
      text: scrapedWith(4, 'Volcanic ash darkened northern skies yesterday'),
      removed: ['Volcanic ash darkened northern skies yesterday'],
      reason: /no words/,
    },
    {
      name: 'a phrase with a number between two paragraphs is no subheading (a count, a date)',
      text: scrapedWith(4, 'Old ferries sank in 1999'),
      removed: ['Old ferries sank in 1999'],
      reason: /no words/,
    },
    {
      name: 'a phrase sharing no words, written as running language, after the last paragraph',
      text: scrapedWith(LONG.length, 'Volcanic ash everywhere'),
      removed: ['Volcanic ash everywhere'],
      reason: /no words/,
    },
    {
      name: 'a headline of another story, alone among the paragraphs',
      text: scrapedWith(4, 'Storm Knocks Out Power to Thousands in Valley'),
      removed: ['Storm Knocks Out Power to Thousands in Valley'],
      reason: /no words/,
    },
    {
      name: 'three headlines are not yet a pattern: each goes',
      text: scrapedWith(4, 'Storm Knocks Out Power to Thousands in Valley', 'City Approves New Budget for Public Libraries', 'Local Bakery Wins National Bread Award'),
      removed: ['Storm Knocks Out Power to Thousands in Valley', 'City Approves New Budget for Public Libraries', 'Local Bakery Wins National Bread Award'],
    },
    {
      name: 'a stand-alone sentence of another story between the paragraphs',
      text: scrapedWith(4, 'Volcanic eruptions darkened Iceland skies yesterday.'),
      removed: ['Volcanic eruptions darkened Iceland skies yesterday.'],
      reason: /stand-alone/,
    },
    {
      name: 'a short German article: its labels go as they would from a long one (the counter is the sign of a page)',
      text: `${GERMAN_SHORT.join('\n\n')}\n`,
      removed: ['Teilen auf Facebook', 'Anzeige', 'Mehr zum Thema', 'Newsletter abonnieren', 'Kommentare (8)'],
    },
    {
      name: 'a short Chinese article: its labels go, and a counter by its shape',
      text: `${CHINESE_SHORT.join('\n\n')}\n`,
      removed: ['分享到微信', '广告', '相关新闻', '评论 (3)'],
    },
    { name: 'a counter by its shape, in any language', text: scrapedWith(4, 'Aufrufe (12)'), removed: ['Aufrufe (12)'], reason: /counter/ },
    { name: 'a comment counter in German: the comment section\'s label', text: scrapedWith(4, 'Kommentare (12)'), removed: ['Kommentare (12)'], reason: /comment section label/ },
    { name: 'a site\'s dated copyright in a scraped page', text: scrapedWith(LONG.length, '© 2019 Coastal Media Group'), removed: ['© 2019 Coastal Media Group'], reason: /no words/ },
    { name: 'an interface label: share', text: withLine('Share this'), removed: ['Share this'], reason: /label/ },
    { name: 'an interface label: follow', text: withLine('Follow us on Twitter'), removed: ['Follow us on Twitter'] },
    { name: 'an interface label: subscribe', text: withLine('Subscribe now'), removed: ['Subscribe now'] },
    { name: 'an interface label: advertisement', text: withLine('Advertisement'), removed: ['Advertisement'] },
    { name: 'a trailing "Related news"', text: `${TITLE}\n\n${P1}\n\n${P2}\n\nRelated news\n`, removed: ['Related news'], output: `${TITLE}\n\n${P1}\n\n${P2}\n` },
    { name: 'a counter', text: withLine('12 comments'), removed: ['12 comments'], reason: /counter/ },
    { name: 'a comment form\'s head, in a short article', text: withLine('Leave a comment'), removed: ['Leave a comment'], reason: /comment section label/ },
    { name: 'a licence notice at the end of the text', text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${LICENCE}\n`, removed: [LICENCE], reason: /licence notice/ },
    { name: 'a licence notice by the licence\'s code, in German', text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${LICENCE_CODE}\n`, removed: [LICENCE_CODE], reason: /licence notice/ },
    {
      name: 'a licence notice with a footer of three lines of prose under it (MAX_PROSE_AFTER_SITE_NOTE)',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${LICENCE}\n\n${footerProse(3).join('\n\n')}\n`,
      removed: [LICENCE],
      reason: /licence notice/,
    },
    {
      name: 'a licence notice with three lines of prose under it, and labels between and after them (MAX_PROSE_AFTER_SITE_NOTE)',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\n${LICENCE}\n\n${footerProse(1).join('\n\n')}\n\nHarbour Yard\n\n${footerProse(3).slice(1).join('\n\n')}\n\nHarbour Yard\n`,
      removed: [LICENCE],
      reason: /licence notice/,
    },
    {
      name: 'where to follow the site, at the end of the text',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\nFollow us on Instagram, Facebook and YouTube.\n`,
      removed: ['Follow us on Instagram, Facebook and YouTube.'],
      reason: /social networks/,
    },
    {
      name: 'where to write to and follow the author, under the last paragraph, in Spanish',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\nPuede escribirnos a ana@example.org o seguirnos en Twitter y Mastodon.\n\n${footerProse(3).join('\n\n')}\n`,
      removed: ['Puede escribirnos a ana@example.org o seguirnos en Twitter y Mastodon.'],
      reason: /social networks/,
    },
    { name: 'a newsletter\'s name', text: withLine('Harbour Ferry Newsletter'), removed: ['Harbour Ferry Newsletter'], reason: /newsletter prompt/ },
    { name: 'a newsletter prompt of six words (MAX_NEWSLETTER_LINE_WORDS)', text: withLine('Sign up for our weekly newsletter'), removed: ['Sign up for our weekly newsletter'], reason: /newsletter prompt/ },
    { name: 'a newsletter prompt in German, the word in a compound', text: withLine('Zum Fähren-Newsletter anmelden'), removed: ['Zum Fähren-Newsletter anmelden'], reason: /newsletter prompt/ },
    { name: 'a closed comment section, in German', text: withLine('Kommentare geschlossen'), removed: ['Kommentare geschlossen'], reason: /comment section label/ },
    { name: 'a comment form\'s button, in French', text: withLine('Publier un commentaire'), removed: ['Publier un commentaire'], reason: /comment section label/ },
    {
      name: 'a comment section label of six words (MAX_COMMENTS_LINE_WORDS)',
      text: withLine('No comments on this story yet'),
      removed: ['No comments on this story yet'],
      reason: /comment section label/,
    },
    { name: 'a lone date', text: withLine('March 14, 2023'), removed: ['March 14, 2023'], reason: /date/ },
    { name: 'a lone date and time', text: withLine('14.03.2023 09:30'), removed: ['14.03.2023 09:30'] },
    {
      name: 'a letter\'s greeting ending in a comma, going on in lower case on the next line, stays beside a lone date that goes',
      text: `${TITLE}\n\nDear passengers,\n\nafter six weeks in dry dock the harbour ferry is back on its old route across the bay.\n\n${P2}\n\nMarch 14, 2023\n`,
      removed: ['March 14, 2023'],
    },
    {
      name: 'a quotation on its own line stays where a stray label beside it goes, in a text with a lone date',
      text: `${TITLE}\n\n“Quieter than a sailing boat”\n\n${P1}\n\nOur Magazines\n\n${P2}\n\nMarch 14, 2023\n`,
      removed: ['Our Magazines', 'March 14, 2023'],
    },
    { name: 'a date under a label of any language, with a colon', text: withLine('Aktualisiert: 14.03.2023, 09:30'), removed: ['Aktualisiert: 14.03.2023, 09:30'], reason: /date/ },
    { name: 'a date written with a period after the day', text: withLine('14. März 2023'), removed: ['14. März 2023'], reason: /date/ },
    { name: 'a photo credit', text: withLine('Photo: Maria Lopez/AP'), removed: ['Photo: Maria Lopez/AP'], reason: /credit/ },
    { name: 'a photo credit naming the photographer after "by"', text: withLine('Photo by Maria Lopez on Unsplash'), removed: ['Photo by Maria Lopez on Unsplash'], reason: /photo credit/ },
    { name: 'a photo credit naming a user in lower case on a named site', text: withLine('Photo by mlopez on Unsplash'), removed: ['Photo by mlopez on Unsplash'], reason: /photo credit/ },
    {
      name: 'a caption ending in its picture credit (a name and an agency)',
      text: withLine('The ferry back in the water at dawn. Image: Tom Weller/Harbour Pictures'),
      removed: ['The ferry back in the water at dawn. Image: Tom Weller/Harbour Pictures'],
      reason: /caption/,
    },
    {
      name: 'a caption of one sentence ending in its credit in brackets',
      text: withLine('Commuters wait on the pier for the first crossing (Image: Harbour Pictures)'),
      removed: ['Commuters wait on the pier for the first crossing (Image: Harbour Pictures)'],
      reason: /caption/,
    },
    {
      name: 'a caption ending in its credit in brackets',
      text: withLine('Engineers at work on the new propeller shafts. (Bild: Privat)'),
      removed: ['Engineers at work on the new propeller shafts. (Bild: Privat)'],
      reason: /caption/,
    },
    {
      name: 'a sentence cut off mid-phrase, as its own paragraph',
      text: withLine('The operator also said that ticket prices for the harbour ferry would rise in the'),
      removed: ['The operator also said that ticket prices for the harbour ferry would rise in the'],
      reason: /cut off/,
    },
    {
      name: 'a paragraph whose last sentence is cut off mid-phrase: only that sentence goes',
      text: `${TITLE}\n\n${P1} The operator said ticket prices for the harbour ferry would rise by\n\n${P2}\n`,
      removed: ['The operator said ticket prices for the harbour ferry would rise by'],
      output: `${TITLE}\n\n${P1}\n\n${P2}\n`,
    },
    {
      name: 'a teaser of another story trailing off in an ellipsis',
      text: withLine('Police have named the driver who was injured when his van left the motorway near the…'),
      removed: ['Police have named the driver who was injured when his van left the motorway near the…'],
      reason: /ellipsis/,
    },
    {
      name: 'a paragraph whose last sentence trails off about something else: only that sentence goes',
      text: longWith(4, 'The harbour ferry crossed at dawn. Police have named the driver whose van left the motorway near...'),
      removed: ['Police have named the driver whose van left the motorway near...'],
      reason: /ellipsis/,
      output: longWith(4, 'The harbour ferry crossed at dawn.'),
    },
    {
      name: 'a teaser ending in three dots',
      text: `${TITLE}\n\n${P1}\n\n${P2}\n\nFarmers in the north warn that a late frost could cut this year's apple harvest by half...\n`,
      removed: ["Farmers in the north warn that a late frost could cut this year's apple harvest by half..."],
    },
    {
      name: 'a sentence cut at an abbreviation, as naive splitters cut "U.S.-Russia relations"',
      text: withLine('He said working groups would be established to improve U.S.'),
      removed: ['He said working groups would be established to improve U.S.'],
      reason: /abbreviation/,
    },
    {
      name: 'several kinds at once, in text order',
      text: `${TITLE}\n\nMarch 14, 2023\n\nShare this\n\n${P1}\n\nAdvertisement\n\n${P2}\n\n12 comments\n`,
      removed: ['March 14, 2023', 'Share this', 'Advertisement', '12 comments'],
      output: `${TITLE}\n\n${P1}\n\n${P2}\n`,
    },
  ],
});

describe('fragment on lines made to make patterns backtrack', () => {
  // A pattern ending in `\S+$` tried at every link of a long line takes quadratic time: this
  // line (about 1 MB) would take many minutes that way, and takes well under a second read word by
  // word. The limit is far above that second, so a busy machine does not fail it.
  it('a long run of links glued together, then a last word', () => {
    const line = `${'The same sentence is written here again. '.repeat(3)}${'http://'.repeat(150_000)} x`;
    const result = clean(`Title of the text\n\n${line}\n`, { disable: RULE_IDS.filter((id) => id !== 'fragment') });
    expect(result.text.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('what the rule reads of a line without splitting it', () => {
  // The rule counts a line's words by the analysis's tokens (`tokenCount`) where it counted
  // `words(line.text)`, to pass over long lines: the two must agree on every line.
  it('a line\'s tokens are the words of its text', () => {
    const text = [
      'İstanbul ΣΑΣ ﬁne ½ don\'t — l\'été x\u200by so\u00adft',
      'a\u00a0b c\u2009d \'quoted\' -dash- _under_ #tag @user name@mail.com 3.14 1,000',
      '東京都は今日 晴れ。 Привет, мир! مرحبا بالعالم',
      '  leading and trailing spaces  \t',
      '* * *',
    ].join('\n');
    const document = parseDocument(text);
    const analysis = analyse(document);
    for (const line of document.lines) expect(analysis.tokenCount(line), line.text).toBe(words(line.text).length);
  });
});

describe('lines that rules of higher precedence claim', () => {
  // A finding inside what a rule of higher precedence removes is skipped by the pipeline, so the
  // rule leaves such lines unjudged: what it keeps must be exactly what judging every line keeps.
  const contextOf = (text: string, claims: (line: Line) => boolean): CleanContext => {
    const document = parseDocument(text);
    const analysis = analyse(document);
    return { document, analysis, title: detectTitle(document, analysis), options: {}, claimed: document.lines.filter(claims).map((line) => line.span) };
  };
  /** The findings the pipeline keeps beside the claimed spans, as the texts they take. */
  const kept = (context: CleanContext, findings: readonly Finding[]): string[] =>
    acceptRemovals([...context.claimed.map((span) => ({ rule: 'other', reason: 'claimed', span })), ...findings.map((finding) => ({ rule: 'fragment', ...finding }))])
      .filter((removal) => removal.rule === 'fragment')
      .map((removal) => context.document.text.slice(removal.span.start, removal.span.end));
  /** What the rule keeps told of the claims, and judging every line. */
  const both = (text: string, claims: (line: Line) => boolean): [string[], string[]] => {
    const context = contextOf(text, claims);
    return [kept(context, fragment.check(context)), kept(context, fragment.check({ ...context, claimed: [] }))];
  };
  const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

  it('keeps what judging every line keeps, whichever lines are claimed (generated articles)', () => {
    fc.assert(
      fc.property(articleText, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (text, pattern) => {
        const [told, judgedAll] = both(text, (line) => pattern[line.index % pattern.length]!);
        expect(told).toEqual(judgedAll);
      }),
      { numRuns: 150 },
    );
  });

  it('judges every line when a line cut off next to a claimed one stays or goes by it', () => {
    // The first is cut off and about something else; the second, cut off mid-phrase, shares
    // "kiosk" with it: a line kept next to the first would keep it as one of the article's points,
    // but the second goes too, claimed or not.
    const point = 'Volunteers from the rowing club will plant young trees beside the kiosk';
    const neighbour = 'The kiosk on the pier will open again in the spring with';
    const text = longWith(4, point, neighbour);
    expect(both(text, () => false)).toEqual([[point, neighbour], [point, neighbour]]);
    expect(both(text, (line) => line.text === neighbour)).toEqual([[point], [point]]);
  });

  it('keeps what judging every line keeps on the fixtures, with every second, third or fourth line claimed', () => {
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.raw.txt'))) {
      const text = readFileSync(path.join(fixtures, name), 'utf8');
      for (const every of [2, 3, 4]) {
        for (const offset of [0, 1]) {
          const [told, judgedAll] = both(text, (line) => line.index % every === offset);
          expect(told, `${name}, every ${every} from ${offset}`).toEqual(judgedAll);
        }
      }
    }
  });

  const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
  if (existsSync(corpus)) {
    it('keeps what judging every line keeps on the corpora, told what the library\'s rules of higher precedence take', () => {
      const higher = CLEANERS.filter((rule) => rule.meta.precedence > fragment.meta.precedence);
      const defaults = resolveOptions(CLEANERS).rules;
      for (const set of ['articles', 'pages', 'web']) {
        for (const name of readdirSync(path.join(corpus, set)).filter((file) => file.endsWith('.raw.txt'))) {
          const context = contextOf(readFileSync(path.join(corpus, set, name), 'utf8'), () => false);
          let taken: Removal[] = [];
          for (const rule of higher) {
            const options = defaults.get(rule.meta.id)!;
            taken = acceptRemovals([...taken, ...rule.check({ ...context, options, claimed: taken.map((removal) => removal.span) }).map((finding) => ({ rule: rule.meta.id, ...finding }))]);
          }
          const told = { ...context, claimed: taken.map((removal) => removal.span) };
          expect(kept(told, fragment.check(told)), `${set}/${name}`).toEqual(kept(told, fragment.check(context)));
        }
      }
    });
  } else {
    it.skip(`SKIPPED: the same on the corpora (${corpus} not found: ../shared is not beside the repository)`);
    console.warn(`fragment.test: skipped the claimed lines on the corpora: ${corpus} not found`);
  }
});
