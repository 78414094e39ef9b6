/**
 * fast-check generators of scraped-article text for the property tests: a headline, prose made
 * from a small word list, repeated headlines (with site suffixes), boilerplate labels, lines cut
 * mid-phrase, duplicates and truncated copies of earlier sentences, list items, interview
 * questions, Japanese and Russian sentences, stray white space, soft hyphens, German closing quotes,
 * and every line-ending style.
 */
import fc from 'fast-check';
import type { CleanOptions } from '../src/index.js';
import { RULE_IDS } from '../src/index.js';

const WORDS = [
  'the', 'a', 'of', 'to', 'in', 'and', 'that', 'on', 'for', 'with', 'was', 'is', 'would', 'after',
  'minister', 'council', 'city', 'water', 'budget', 'plan', 'talks', 'river', 'school', 'police',
  'said', 'voted', 'approved', 'rejected', 'announced', 'warned', 'built', 'closed', 'opened',
  'Tuesday', 'Paris', 'Lagos', 'Anna', 'Mr.', 'U.S.', 'No.', '2021', '87', '3.5', 'new', 'long',
  'local', 'old', 'bridge', 'farmers', 'prices', 'rain', 'week', 'year', 'report', 'e.g.',
  // A word a page lets break at a soft hyphen: the same word as 'council'.
  'coun\u00ADcil',
];

const CAPITALISED = ['The', 'Officials', 'Residents', 'Anna', 'Police', 'Farmers', 'It', 'He', 'She', 'Critics', 'Lagos'];

const LABELS = [
  'Share this', 'Share on Facebook', 'Advertisement', '12 comments', '1.2K shares', 'Follow us on Twitter',
  'Related news', 'Read more', 'Subscribe now', 'Sign in', 'March 3, 2021', '18.11.2019 14:05',
  'Updated: June 5, 2020', 'Photo: Jane Doe/AP', '(Getty Images)', 'Image credit: Reuters', '3 min read',
  'Menu', 'Next', 'Our Magazines', 'Most popular', 'Comments', 'Print', 'Tweet',
];

const SITES = ['Daily Planet', 'CBS News', 'The River Times', 'Site', 'ABC'];
const SEPARATORS = [' - ', ' | ', ' – ', ' — ', ': ', ' :: ', ' · '];

const CJK_CHUNKS = ['東京都は', '今日', '雨が降りました', '市長は', '新しい橋を', '発表した', '北京', '的', '天气', '很好', '会議で', '住民が', 'ですか'];
const CJK_ENDS = ['。', '！', '？', '', '…'];
const RUSSIAN = ['Министр', 'сказал', 'что', 'переговоры', 'продолжатся', 'в', 'Москве', 'и', 'городе', 'вода', 'мост', 'был', 'открыт', 'на', 'неделе'];

const TERMINALS = ['.', '.', '.', '!', '?', '."', '.”', '?»', '.“', '...', '…', ''];
const QUESTIONS = ['What inspired you to start?', 'How did you feel on the first day?', 'What would you tell a beginner?'];

/** A sentence as a list of words (before punctuation), and its end. */
interface SentenceSpec {
  readonly words: readonly string[];
  readonly end: string;
}

const sentenceSpec: fc.Arbitrary<SentenceSpec> = fc.record({
  words: fc.tuple(fc.constantFrom(...CAPITALISED), fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 16 })).map(([first, rest]) => [first, ...rest]),
  end: fc.constantFrom(...TERMINALS),
});

function render(sentence: SentenceSpec): string {
  return sentence.words.join(' ') + sentence.end;
}

/** How a later sentence repeats an earlier one. */
type Mutation = 'exact' | 'upper' | 'lower' | 'drop' | 'insert' | 'swap' | 'truncate' | 'spaces';

function mutate(sentence: SentenceSpec, mutation: Mutation, at: number): string {
  const words = [...sentence.words];
  const i = words.length === 0 ? 0 : at % words.length;
  switch (mutation) {
    case 'exact':
      return render(sentence);
    case 'upper':
      return render(sentence).toUpperCase();
    case 'lower':
      return render(sentence).toLowerCase();
    case 'drop':
      words.splice(i, 1);
      return render({ words, end: sentence.end });
    case 'insert':
      words.splice(i, 0, 'really');
      return render({ words, end: sentence.end });
    case 'swap':
      words[i] = 'Geneva';
      return render({ words, end: sentence.end });
    case 'truncate':
      return words.slice(0, Math.max(1, Math.ceil(words.length * 0.6))).join(' ');
    case 'spaces':
      return words.join('   ') + ' ' + sentence.end;
  }
}

/** One block of the document: what a scraper writes as a line or a few lines. */
type Block =
  | { readonly kind: 'prose'; readonly picks: readonly number[]; readonly joiner: string }
  | { readonly kind: 'headline'; readonly form: number; readonly site: string; readonly separator: string }
  | { readonly kind: 'label'; readonly text: string }
  | { readonly kind: 'cut'; readonly pick: number; readonly keep: number; readonly tail: string }
  | { readonly kind: 'dup'; readonly pick: number; readonly mutation: Mutation; readonly at: number; readonly glued: boolean }
  | { readonly kind: 'list'; readonly marker: string; readonly items: readonly (readonly string[])[] }
  | { readonly kind: 'question'; readonly question: string; readonly answer: number }
  | { readonly kind: 'cjk'; readonly sentences: readonly (readonly [readonly string[], string])[] }
  | { readonly kind: 'russian'; readonly words: readonly string[]; readonly end: string }
  | { readonly kind: 'wrapped'; readonly pick: number; readonly at: number }
  | { readonly kind: 'noise'; readonly text: string };

const pick = fc.nat({ max: 1000 });

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('prose' as const), picks: fc.array(pick, { minLength: 1, maxLength: 4 }), joiner: fc.constantFrom(' ', ' ', '  ', '\t') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('headline' as const), form: fc.nat({ max: 5 }), site: fc.constantFrom(...SITES), separator: fc.constantFrom(...SEPARATORS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('label' as const), text: fc.constantFrom(...LABELS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), pick, keep: fc.integer({ min: 1, max: 12 }), tail: fc.constantFrom('', '', '...', '…', ' ...') }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('dup' as const),
      pick,
      mutation: fc.constantFrom<Mutation>('exact', 'upper', 'lower', 'drop', 'insert', 'swap', 'truncate', 'spaces'),
      at: fc.nat({ max: 20 }),
      glued: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('list' as const),
      marker: fc.constantFrom('- ', '* ', '• ', '1. ', 'a) ', ''),
      items: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('question' as const), question: fc.constantFrom(...QUESTIONS), answer: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cjk' as const),
      sentences: fc.array(fc.tuple(fc.array(fc.constantFrom(...CJK_CHUNKS), { minLength: 1, maxLength: 5 }), fc.constantFrom(...CJK_ENDS)), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('russian' as const), words: fc.array(fc.constantFrom(...RUSSIAN), { minLength: 1, maxLength: 10 }), end: fc.constantFrom('.', '!', '', '…') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrapped' as const), pick, at: fc.nat({ max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('noise' as const), text: fc.string({ unit: 'binary', maxLength: 12 }) }) },
);

/** Line breaks between blocks: the document's own style, sometimes mixed. */
const EOLS = ['\n', '\r\n', '\r'] as const;

interface ArticleSpec {
  readonly headline: readonly string[];
  readonly pool: readonly SentenceSpec[];
  readonly blocks: readonly Block[];
  readonly eol: (typeof EOLS)[number];
  readonly mixed: boolean;
  readonly gaps: readonly number[];
  readonly indents: readonly number[];
}

const articleSpec: fc.Arbitrary<ArticleSpec> = fc.record({
  headline: fc.tuple(fc.constantFrom(...CAPITALISED), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 })).map(([first, rest]) => [first, ...rest]),
  pool: fc.array(sentenceSpec, { minLength: 1, maxLength: 10 }),
  blocks: fc.array(block, { maxLength: 18 }),
  eol: fc.constantFrom(...EOLS),
  mixed: fc.boolean(),
  gaps: fc.array(fc.nat({ max: 3 }), { minLength: 20, maxLength: 20 }),
  indents: fc.array(fc.nat({ max: 6 }), { minLength: 20, maxLength: 20 }),
});

function headlineForm(headline: string, form: number, site: string, separator: string): string {
  switch (form) {
    case 0:
      return headline;
    case 1:
      return headline + separator + site;
    case 2:
      return site + separator + headline;
    case 3:
      return headline.toUpperCase();
    case 4:
      return headline.replace(/ /g, '  ') + ' ';
    default:
      return `“${headline}”`;
  }
}

function renderBlock(spec: ArticleSpec, item: Block, lines: string[]): void {
  const pool = spec.pool;
  const from = (n: number): SentenceSpec => pool[n % pool.length]!;
  switch (item.kind) {
    case 'prose':
      lines.push(item.picks.map((n) => render(from(n))).join(item.joiner));
      return;
    case 'headline':
      lines.push(headlineForm(spec.headline.join(' '), item.form, item.site, item.separator));
      return;
    case 'label':
      lines.push(item.text);
      return;
    case 'cut':
      lines.push(from(item.pick).words.slice(0, item.keep).join(' ') + item.tail);
      return;
    case 'dup': {
      const text = mutate(from(item.pick), item.mutation, item.at);
      if (item.glued && lines.length > 0) lines[lines.length - 1] = `${lines[lines.length - 1]!} ${text}`;
      else lines.push(text);
      return;
    }
    case 'list':
      item.items.forEach((words, i) => lines.push(item.marker.replace('1', String(i + 1)) + words.join(' ')));
      return;
    case 'question':
      lines.push(item.question, render(from(item.answer)));
      return;
    case 'cjk':
      lines.push(item.sentences.map(([chunks, end]) => chunks.join('') + end).join(''));
      return;
    case 'russian':
      lines.push(item.words.join(' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase()) + item.end);
      return;
    case 'wrapped': {
      const words = from(item.pick).words;
      const at = 1 + (item.at % Math.max(1, words.length - 1));
      lines.push(words.slice(0, at).join(' '), words.slice(at).join(' ').toLowerCase() + from(item.pick).end);
      return;
    }
    case 'noise':
      lines.push(item.text);
      return;
  }
}

/** Renders a spec to text: lines separated by its line breaks, with blank lines and indents. */
function renderArticle(spec: ArticleSpec): string {
  const lines: string[] = [spec.headline.join(' ')];
  for (const item of spec.blocks) renderBlock(spec, item, lines);
  let text = '';
  lines.forEach((line, i) => {
    const indent = spec.indents[i % spec.indents.length]!;
    const padded = indent >= 5 ? ' '.repeat(indent - 4) + line + '\t' : line;
    const eol = spec.mixed ? EOLS[(i + indent) % EOLS.length]! : spec.eol;
    const gap = spec.gaps[i % spec.gaps.length]!;
    const blank = gap === 0 ? '' : gap === 3 ? eol + '  ' + eol : eol.repeat(gap);
    text += padded + (i < lines.length - 1 ? eol + blank : gap === 1 ? eol : '');
  });
  return text;
}

/** Scraped-article text. */
export const articleText: fc.Arbitrary<string> = articleSpec.map(renderArticle);

/** Any Unicode text: code points of every plane, lone surrogates, and line breaks of every kind. */
export const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n', '.', '. ', '…', '。', ' ', '\t', '\u2028', '\u00a0', '\ud800', '\udc00', '\u0301')), { maxLength: 40 }).map((parts) => parts.join('')),
);

/** Options in their valid ranges. */
export const cleanOptions: fc.Arbitrary<CleanOptions> = fc.record(
  {
    bodyOnly: fc.boolean(),
    disable: fc.subarray([...RULE_IDS]),
    similarity: fc.oneof(fc.integer({ min: 1, max: 100 }).map((n) => n / 100), fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true })),
    minDuplicateWords: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: [] },
);
