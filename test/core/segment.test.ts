import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/core/model.js';
import { segmentSentences } from '../../src/core/segment.js';

/** The sentences of `text` as strings, after checking that every span is a clean slice of it. */
function sentences(text: string, start = 0, end = text.length): string[] {
  const spans = segmentSentences(text, start, end);
  checkSpans(text, spans, start, end);
  return spans.map((span) => text.slice(span.start, span.end));
}

/**
 * Spans lie inside the range, in order, without overlap, start and end on non-space, and leave
 * out nothing but white space. Collects the first problem so that large inputs stay fast.
 */
function checkSpans(text: string, spans: readonly Span[], start: number, end: number): void {
  let problem = '';
  let previousEnd = start;
  for (const [index, span] of spans.entries()) {
    const gap = text.slice(previousEnd, span.start);
    if (span.start < previousEnd || span.end <= span.start || span.end > end) problem = 'out of order or out of range';
    else if (/\s/u.test(text[span.start]!) || /\s/u.test(text[span.end - 1]!)) problem = 'white space at an edge';
    else if (/\S/u.test(gap)) problem = `text left out before it: ${JSON.stringify(gap)}`;
    if (problem) {
      problem = `span ${index} ${JSON.stringify(span)}: ${problem}`;
      break;
    }
    previousEnd = span.end;
  }
  if (!problem && /\S/u.test(text.slice(previousEnd, end))) problem = 'text left out at the end';
  expect(problem).toBe('');
}

function check(text: string, expected: string[]): void {
  expect(sentences(text)).toEqual(expected);
}

// Own sentences, not taken from any corpus.

describe('segmentSentences: plain sentences', () => {
  it.each([
    ['The ferry left at dawn. Nobody waved.', ['The ferry left at dawn.', 'Nobody waved.']],
    ['Is the bridge open? It was closed last week.', ['Is the bridge open?', 'It was closed last week.']],
    ['Watch out! The floor is wet.', ['Watch out!', 'The floor is wet.']],
    ['No punctuation at the end', ['No punctuation at the end']],
    ['  Padded on both sides.   Second one.  ', ['Padded on both sides.', 'Second one.']],
    ['', []],
    ['   \n\t  ', []],
    ['The ferry left.\nNobody waved', ['The ferry left.', 'Nobody waved']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: abbreviations and initials', () => {
  it.each([
    ['Mr. Okafor runs the bakery. Dr. Lind buys bread there.', ['Mr. Okafor runs the bakery.', 'Dr. Lind buys bread there.']],
    ['Mrs. Abe met Prof. Ruiz and Gov. Hale.', ['Mrs. Abe met Prof. Ruiz and Gov. Hale.']],
    ['She moved to the U.S. in 2004.', ['She moved to the U.S. in 2004.']],
    ['He studied in the U.S. Then he went home.', ['He studied in the U.S.', 'Then he went home.']],
    ['The U.S. Navy sent two ships.', ['The U.S. Navy sent two ships.']],
    ['The letter reached U.S. Rep. Dana Cole on Monday.', ['The letter reached U.S. Rep. Dana Cole on Monday.']],
    ['Bring a snack, e.g. Apples or nuts are fine.', ['Bring a snack, e.g. Apples or nuts are fine.']],
    ['Some fruit, i.e. the ripe ones, went to market.', ['Some fruit, i.e. the ripe ones, went to market.']],
    ['Acme Widgets Inc. reported a loss. Its shares fell.', ['Acme Widgets Inc. reported a loss.', 'Its shares fell.']],
    ['He joined Acme Widgets Inc. The firm makes gears.', ['He joined Acme Widgets Inc.', 'The firm makes gears.']],
    ['Hollis & Sons Ltd. Engineering Division is hiring.', ['Hollis & Sons Ltd. Engineering Division is hiring.']],
    ['See p. 12 and No. 4 on the list.', ['See p. 12 and No. 4 on the list.']],
    ['The answer was no. The vote failed.', ['The answer was no.', 'The vote failed.']],
    ['It opens on Jan. 9 this year.', ['It opens on Jan. 9 this year.']],
    ['The chart is in Fig. 3 below.', ['The chart is in Fig. 3 below.']],
    ['They met on Elm St. Then they walked home.', ['They met on Elm St.', 'Then they walked home.']],
    ['The service is at St. Anne\'s chapel.', ['The service is at St. Anne\'s chapel.']],
    ['The train left at 7 p.m. Ms. Varga was not on it.', ['The train left at 7 p.m.', 'Ms. Varga was not on it.']],
    ['By 7 a.m. Ms. Varga was at work.', ['By 7 a.m. Ms. Varga was at work.']],
    ['The painter Carla T. Moss sold it.', ['The painter Carla T. Moss sold it.']],
    ['A note from J. K. Mills arrived.', ['A note from J. K. Mills arrived.']],
    ['They added vitamin C. The taste changed.', ['They added vitamin C.', 'The taste changed.']],
    ['The winner was Henry I. Walsh of Leeds.', ['The winner was Henry I. Walsh of Leeds.']],
    ['Ask Omar and I. We will know.', ['Ask Omar and I.', 'We will know.']],
    ['Judge Kim vs. Judge Park was the headline.', ['Judge Kim vs. Judge Park was the headline.']],
    ['The Smiths, the Lees, etc. Everyone came.', ['The Smiths, the Lees, etc. Everyone came.']],
    ['We bought pens, paper, etc. Then we left.', ['We bought pens, paper, etc.', 'Then we left.']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: numbers, URLs and e-mail addresses', () => {
  it.each([
    ['The rate rose to 3.75 percent. Banks were pleased.', ['The rate rose to 3.75 percent.', 'Banks were pleased.']],
    ['A ticket costs $12.50 on weekdays.', ['A ticket costs $12.50 on weekdays.']],
    ['The bill came to €48.20. We split it.', ['The bill came to €48.20.', 'We split it.']],
    ['Version 2.0.1 fixed it. Update now.', ['Version 2.0.1 fixed it.', 'Update now.']],
    ['Read the guide at https://docs.example.org/v2/start.html. It is short.', ['Read the guide at https://docs.example.org/v2/start.html.', 'It is short.']],
    ['Visit www.example.net/a.b?c=d for more.', ['Visit www.example.net/a.b?c=d for more.']],
    ['Write to anna.berg@mail.example.com. She replies fast.', ['Write to anna.berg@mail.example.com.', 'She replies fast.']],
    ['It happened in 1998. Nobody remembers.', ['It happened in 1998.', 'Nobody remembers.']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: ellipses, quotes and runs of punctuation', () => {
  it.each([
    ['We waited... Then the bus came.', ['We waited...', 'Then the bus came.']],
    ['We waited... and waited.', ['We waited... and waited.']],
    ['She paused…then went on.', ['She paused…then went on.']],
    ['He said it was fine . . . but it was not.', ['He said it was fine . . . but it was not.']],
    ['The road was long . . . I kept walking.', ['The road was long . . . I kept walking.']],
    ['The road ended there . . . . Night fell.', ['The road ended there . . . .', 'Night fell.']],
    ['The lamp went out. . . . Morning came late.', ['The lamp went out.', '. . . Morning came late.']],
    ['The report [...] was never published.', ['The report [...] was never published.']],
    ['He shouted, "Run!" and we ran.', ['He shouted, "Run!" and we ran.']],
    ['He shouted, "Run!" We ran.', ['He shouted, "Run!"', 'We ran.']],
    ['“It is late.” She closed the door.', ['“It is late.”', 'She closed the door.']],
    ['“It is late.” she whispered.', ['“It is late.” she whispered.']],
    ['The tide turned (it always does.) and we sailed.', ['The tide turned (it always does.) and we sailed.']],
    ['Really?! You came back?', ['Really?!', 'You came back?']],
    ['What!? No way!! It cannot be!?!', ['What!?', 'No way!!', 'It cannot be!?!']],
    ['She works at Zappo! in the north wing.', ['She works at Zappo! in the north wing.']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: list numbering', () => {
  it.each([
    ['1. Buy flour 2. Bake the loaf', ['1. Buy flour', '2. Bake the loaf']],
    ['1. Buy flour. 2. Bake the loaf.', ['1. Buy flour.', '2. Bake the loaf.']],
    ['1) Buy flour 2) Bake the loaf 3) Eat it', ['1) Buy flour', '2) Bake the loaf', '3) Eat it']],
    ['1.) Buy flour 2.) Bake the loaf', ['1.) Buy flour', '2.) Bake the loaf']],
    ['a. Buy flour b. Bake the loaf', ['a. Buy flour', 'b. Bake the loaf']],
    ['• 4. Buy flour • 5. Bake the loaf', ['• 4. Buy flour', '• 5. Bake the loaf']],
    // Only the next number of the same list opens an item: "3)" does not follow "1)".
    ['1) Buy flour and 3) more', ['1) Buy flour and 3) more']],
    ['12. Keep the receipt', ['12. Keep the receipt']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: other languages', () => {
  it.each([
    ['今日は雨です。明日は晴れるでしょう。', ['今日は雨です。', '明日は晴れるでしょう。']],
    ['本当ですか？はい、本当です！すごい。', ['本当ですか？', 'はい、本当です！', 'すごい。']],
    ['彼は「行きます。」と言った。それから出かけた。', ['彼は「行きます。」と言った。', 'それから出かけた。']],
    ['我们走吧。他说：“好。”然后走了。', ['我们走吧。', '他说：“好。”', '然后走了。']],
    ['天气很好！我们去公园吧？', ['天气很好！', '我们去公园吧？']],
    ['真的吗?是的。', ['真的吗?', '是的。']],
    ['東京。 Tokyo is big. 大阪。', ['東京。', 'Tokyo is big.', '大阪。']],
    ['Сегодня идёт дождь. Завтра будет солнце.', ['Сегодня идёт дождь.', 'Завтра будет солнце.']],
    // pragmatic_segmenter's Russian rules: an abbreviation's period never ends a sentence.
    ['Это было в 1990 г. Он уехал.', ['Это было в 1990 г. Он уехал.']],
    ['Ты придёшь? да!', ['Ты придёшь?', 'да!']],
    ['Письмо написал А. С. Петров, т. е. мой сосед.', ['Письмо написал А. С. Петров, т. е. мой сосед.']],
    ['Ты придёшь? Да! Хорошо.', ['Ты придёшь?', 'Да!', 'Хорошо.']],
    ['오늘은 비가 옵니다. 내일은 맑겠습니다.', ['오늘은 비가 옵니다.', '내일은 맑겠습니다.']],
    ['정말요? 네, 정말이에요!', ['정말요?', '네, 정말이에요!']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: line breaks', () => {
  it.each([
    // A line of its own: short, no sign of a wrap.
    ['apples\npears and plums\nfigs', ['apples', 'pears and plums', 'figs']],
    // White space before the break, as a PDF's lines: the line wraps into a lower-case one.
    ['The harbour was quiet that \nmorning after the storm.', ['The harbour was quiet that \nmorning after the storm.']],
    // ... but not into a capitalised one, nor after terminal punctuation.
    ['Chapter 4 \nSummary of the findings', ['Chapter 4', 'Summary of the findings']],
    ['The harbour was quiet. \nmorning came late.', ['The harbour was quiet.', 'morning came late.']],
    // A long line (hard-wrapped prose), or one ending on a stop word or a comma, wraps.
    ['The council said that the new ferry timetable\nwould start in the spring.', ['The council said that the new ferry timetable\nwould start in the spring.']],
    ['The talks could\nnarrow the gap.', ['The talks could\nnarrow the gap.']],
    ['Bread, milk,\ncheese and eggs.', ['Bread, milk,\ncheese and eggs.']],
    // A blank line always ends a sentence.
    ['The talks could\n\nnarrow the gap.', ['The talks could', 'narrow the gap.']],
    ['First line\r\nsecond line', ['First line', 'second line']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: quotations and brackets', () => {
  it.each([
    ['She wrote, "The bus was late. We walked." Then she left.', ['She wrote, "The bus was late. We walked."', 'Then she left.']],
    ["He read 'The river rose! Nobody slept.' and sighed.", ["He read 'The river rose! Nobody slept.' and sighed."]],
    ['«Куда ты идёшь? – спросил он. – Уже поздно». Она молчала.', ['«Куда ты идёшь? – спросил он. – Уже поздно».', 'Она молчала.']],
    ['Er sagte: „Es regnet. Wir bleiben.“ Dann ging er.', ['Er sagte: „Es regnet. Wir bleiben.“', 'Dann ging er.']],
    ['The parts (e.g. Pumps, valves. Hoses too.) were sold.', ['The parts (e.g. Pumps, valves. Hoses too.) were sold.']],
    ['Log [08:15 paid? 09:00] closed.', ['Log [08:15 paid? 09:00] closed.']],
    ['"Stay here!" (The dog sat.) "Good boy!"', ['"Stay here!"', '(The dog sat.)', '"Good boy!"']],
    ["'Stop!' she cried, 'the ice is thin! Go back!' (It was.)", ["'Stop!' she cried, 'the ice is thin! Go back!' (It was.)"]],
    ['He began, "If only we had--" Nobody listened.', ['He began, "If only we had--"', 'Nobody listened.']],
    // The dogs' bowls: an apostrophe at a word's end closes nothing that was not opened.
    ["The dogs' bowls were empty. We filled them.", ["The dogs' bowls were empty.", 'We filled them.']],
    // A stray opening quote protects nothing past the end of its line.
    ['He said "wait. Then\nNobody moved. The end.', ['He said "wait.', 'Then', 'Nobody moved.', 'The end.']],
    ['我们去看《好戏！开场》吧？好！', ['我们去看《好戏！开场》吧？', '好！']],
    ['これは本です（本当．本です）．それは箱です．', ['これは本です（本当．本です）．', 'それは箱です．']],
  ])('%j', (text, expected) => check(text, expected));

  it('splits inside quotations when asked to, and keeps brackets whole', () => {
    const text = 'She wrote, "The bus was late. We walked." Then (really. truly.) she left.';
    const spans = segmentSentences(text, 0, text.length, { splitQuotations: true });
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['She wrote, "The bus was late.', 'We walked."', 'Then (really. truly.) she left.']);
  });
});

describe('segmentSentences: sentence marks of other scripts', () => {
  it.each([
    ['Բարև ձեզ: Ես տանն եմ:', ['Բարև ձեզ:', 'Ես տանն եմ:']],
    ['Note: this is fine.', ['Note: this is fine.']],
    ['Τι ώρα είναι; Είναι αργά.', ['Τι ώρα είναι;', 'Είναι αργά.']],
    ['This; that.', ['This; that.']],
    ['ملاحظة: الجو جميل اليوم. سنخرج.', ['ملاحظة:', 'الجو جميل اليوم.', 'سنخرج.']],
    ['ሰላም ነው፧ደህና ነኝ።አመሰግናለሁ።', ['ሰላም ነው፧', 'ደህና ነኝ።', 'አመሰግናለሁ።']],
    ['နေကောင်းလား။ကောင်းပါတယ်။', ['နေကောင်းလား။', 'ကောင်းပါတယ်။']],
    ['वह घर गया। मैं रुका।', ['वह घर गया।', 'मैं रुका।']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: lists, references and glued sentences', () => {
  it.each([
    ['We need three things. a. flour b. salt c. water', ['We need three things.', 'a. flour', 'b. salt', 'c. water']],
    ['i) Sand the door. ii) Paint it. iii) Let it dry.', ['i) Sand the door.', 'ii) Paint it.', 'iii) Let it dry.']],
    ['(a) Sand the door. (b) Paint it.', ['(a) Sand the door.', '(b) Paint it.']],
    ['The bridge opened in 1932.[4] Traffic doubled.[5][6] Tolls followed.', ['The bridge opened in 1932.[4]', 'Traffic doubled.[5][6]', 'Tolls followed.']],
    ['Most patients recovered.12 14 Some did not.', ['Most patients recovered.12 14', 'Some did not.']],
    ['See Fig.2 Details are below.', ['See Fig.2 Details are below.']],
    ['It rained all day.Tomorrow will be dry.', ['It rained all day.', 'Tomorrow will be dry.']],
    ['We sold 2,500.That was enough.', ['We sold 2,500.', 'That was enough.']],
    ['Visit www.Example.com today. It is new.', ['Visit www.Example.com today.', 'It is new.']],
    ['Ask Mr.Lind at the U.S.A desk.', ['Ask Mr.Lind at the U.S.A desk.']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: abbreviations of other languages and dashes', () => {
  it.each([
    ['Wir trafen Hr. Berger im Park.', ['Wir trafen Hr. Berger im Park.']],
    ['Es gibt z. B. Die Zeit als Zeitung.', ['Es gibt z. B. Die Zeit als Zeitung.']],
    ['Ha parlato il Dott. Ferri ieri.', ['Ha parlato il Dott. Ferri ieri.']],
    ['Saludos a la Sra. Ortiz de mi parte.', ['Saludos a la Sra. Ortiz de mi parte.']],
    ['Vi mødtes ved Skt. Peders Kirke.', ['Vi mødtes ved Skt. Peders Kirke.']],
    ['Vi kom med Ole og co. De var trætte.', ['Vi kom med Ole og co.', 'De var trætte.']],
    ['The fee is Rs. 450 per day.', ['The fee is Rs. 450 per day.']],
    ['Мы живём на ул. Ленина в пгт. Заречный.', ['Мы живём на ул. Ленина в пгт. Заречный.']],
    ['He left at 9 P.M. Guests stayed on.', ['He left at 9 P.M.', 'Guests stayed on.']],
    ['And then -- surprise! -- it snowed.', ['And then -- surprise! -- it snowed.']],
    ['Куда ты? – спросила она.', ['Куда ты? – спросила она.']],
    ['Stop! -- The door opened.', ['Stop!', '-- The door opened.']],
  ])('%j', (text, expected) => check(text, expected));
});

describe('segmentSentences: offsets', () => {
  it('returns spans of the original text, also inside a range', () => {
    const text = 'Skip me. First one here.  Second one!  Skip me too.';
    const start = text.indexOf('First');
    const end = text.indexOf('Skip me too');
    const spans = segmentSentences(text, start, end);
    expect(spans).toEqual([
      { start, end: start + 'First one here.'.length },
      { start: text.indexOf('Second'), end: text.indexOf('Second') + 'Second one!'.length },
    ]);
    checkSpans(text, spans, start, end);
  });

  it('keeps offsets exact with surrogate pairs and line breaks', () => {
    const text = '🎉 Party time! 𝒜 fancy letter.\r\nNext line.';
    expect(sentences(text)).toEqual(['🎉 Party time!', '𝒜 fancy letter.', 'Next line.']);
  });

  it('cuts a token that runs past the end of the range at the range end', () => {
    const text = 'One. Two three';
    expect(sentences(text, 0, 8)).toEqual(['One.', 'Two']);
  });
});

describe('segmentSentences: linear time on adversarial input', () => {
  const size = 1_000_000;
  it.each([
    ['dotted word', 'a.a.a.'.repeat(size / 6)],
    ['periods', '.'.repeat(size)],
    ['spaced periods', '. '.repeat(size / 2)],
    ['spaces', ' '.repeat(size)],
    ['initials', 'A. '.repeat(size / 3)],
    ['titles', 'Mr. '.repeat(size / 4)],
    ['list items', Array.from({ length: size / 8 }, (_, i) => `${i % 999}. Item`).join(' ')],
    ['full-width stops', '。'.repeat(size)],
    ['quotes', '"'.repeat(size)],
    ['bracketed ellipses', '[...] '.repeat(size / 6)],
    ['closers after a period', 'word' + '.)'.repeat(size / 2) + ' Next'],
    ['opening quotes', '"a '.repeat(size / 3)],
    ['quotes around sentences', '"A b. C d." '.repeat(size / 12)],
    ['nested brackets', '('.repeat(size / 2) + ')'.repeat(size / 2)],
    ['brackets with stops', '(a. B) '.repeat(size / 7)],
    ['single quotes', "'a' b. ".repeat(size / 8)],
    ['glued periods', 'ab.Cd'.repeat(size / 5)],
    ['glued words in a token', 'word.Next.'.repeat(size / 10)],
    ['references', 'word.12 13 '.repeat(size / 11)],
    ['citation brackets', 'a.[1]'.repeat(size / 5) + ' Next'],
    // Each "]" once looked back through the whole text for its "[": 136 s on this text.
    ['closing brackets without an opening one', 'a.] '.repeat(size / 4)],
    ['line breaks', 'ab \nc'.repeat(size / 5)],
    ['short lines', 'a\n'.repeat(size / 2)],
    ['roman list items', Array.from({ length: size / 8 }, (_, i) => `${['i', 'ii', 'iii', 'iv'][i % 4]}) Item.`).join(' ')],
    ['abbreviations before capitals', 'Hr. Berger '.repeat(size / 11)],
    ['Cyrillic questions', 'кім? '.repeat(size / 5)],
    ['Armenian colons', 'բան: '.repeat(size / 5)],
    ['dashes after stops', 'Stop! -- go '.repeat(size / 12)],
    ['unspaced stops in brackets', '《好！'.repeat(size / 3)],
  ])('completes on 1e6 characters of %s', (_name, text) => {
    const spans = segmentSentences(text);
    checkSpans(text, spans, 0, text.length);
  });
});

// The 48 English "golden rules" of pySBD (MIT), read from the shared folder when it is present.
const goldenFile = fileURLToPath(new URL('../../../shared/external/pysbd-golden-rules-en.json', import.meta.url));

interface GoldenRule {
  readonly input: string;
  readonly expected: readonly string[];
}

/** The golden rules the segmenter passes, as the README states: all of them. */
const GOLDEN_RULES_PASSED = 48;

describe('pySBD golden rules (English)', () => {
  if (!existsSync(goldenFile)) {
    it.skip(`SKIPPED: ${goldenFile} not found (../shared is not beside the repository)`);
    console.warn(`segment.test: skipped the pySBD golden rules: ${goldenFile} not found`);
    return;
  }
  it(`passes ${GOLDEN_RULES_PASSED} of the 48`, () => {
    const rules = JSON.parse(readFileSync(goldenFile, 'utf8')) as GoldenRule[];
    // pySBD's expected strings may differ from the input in white space only.
    const normalise = (sentence: string): string => sentence.replace(/\s+/gu, ' ').trim();
    const failures: string[] = [];
    rules.forEach((rule, index) => {
      const spans = segmentSentences(rule.input);
      checkSpans(rule.input, spans, 0, rule.input.length);
      const got = spans.map((span) => normalise(rule.input.slice(span.start, span.end)));
      const expected = rule.expected.map(normalise);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        failures.push(`#${index + 1} ${JSON.stringify(rule.input)}\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(got)}`);
      }
    });
    const passed = rules.length - failures.length;
    console.log(`pySBD golden rules: ${passed}/${rules.length} passed${failures.length ? `; failing:\n${failures.join('\n')}` : ''}`);
    expect(rules.length).toBe(48);
    expect(passed).toBe(GOLDEN_RULES_PASSED);
  });
});

// pragmatic_segmenter's language specifications (MIT), golden rules left out: 207 cases in 19
// languages, read from the shared folder when it is present. A case passes when the sentences,
// trimmed, equal the expected ones exactly (the issue's measure). 25 cases cannot pass that way
// with any segmenter that returns spans of its input: their expected sentences are rewritten
// (line breaks inside a sentence removed, HTML tags and page numbers dropped, backquotes turned
// into quotes); with white space normalised on both sides 11 remain so.
const pragmaticFolder = fileURLToPath(new URL('../../../shared/external/pragmatic-segmenter/', import.meta.url));

/** The figures reached, per language: exact, and with white space normalised. */
const PRAGMATIC_FLOORS: Readonly<Record<string, readonly [exact: number, spaces: number]>> = {
  amharic: [2, 2], arabic: [2, 2], armenian: [12, 12], bulgarian: [1, 1], burmese: [2, 2], chinese: [1, 1],
  danish: [46, 52], deutsch: [2, 2], dutch: [1, 1], english: [46, 52], french: [1, 1], greek: [0, 0],
  italian: [14, 14], japanese: [3, 3], kazakh: [7, 7], persian: [2, 2], russian: [27, 27], spanish: [8, 8],
  urdu: [2, 2],
};

if (!existsSync(pragmaticFolder)) console.warn(`pragmatic_segmenter cases: skipped, ${pragmaticFolder} is not present`);

describe.skipIf(!existsSync(pragmaticFolder))('pragmatic_segmenter cases (19 languages)', () => {
  it('reaches the figures of every language, and in all', () => {
    const normalise = (sentence: string): string => sentence.replace(/\s+/gu, ' ').trim();
    const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((sentence, i) => sentence === b[i]);
    const rows: string[] = [];
    const failures: string[] = [];
    let exactTotal = 0;
    let spacesTotal = 0;
    let cases = 0;
    for (const [language, [exactFloor, spacesFloor]] of Object.entries(PRAGMATIC_FLOORS)) {
      const file = `${pragmaticFolder}${language}.json`;
      const rules = JSON.parse(readFileSync(file, 'utf8')) as GoldenRule[];
      let exact = 0;
      let spaces = 0;
      rules.forEach((rule, index) => {
        const spans = segmentSentences(rule.input);
        checkSpans(rule.input, spans, 0, rule.input.length);
        const got = spans.map((span) => rule.input.slice(span.start, span.end).trim());
        if (same(got, rule.expected.map((sentence) => sentence.trim()))) exact++;
        if (same(got.map(normalise), rule.expected.map(normalise))) spaces++;
        else failures.push(`${language} #${index}: expected ${JSON.stringify(rule.expected)}\n  got ${JSON.stringify(got)}`);
      });
      rows.push(`${language} ${exact}/${spaces}/${rules.length}`);
      expect([language, exact, spaces]).toEqual([language, Math.max(exact, exactFloor), Math.max(spaces, spacesFloor)]);
      exactTotal += exact;
      spacesTotal += spaces;
      cases += rules.length;
    }
    console.log(`pragmatic_segmenter cases (exact/white space normalised/all): ${rows.join(', ')}; total ${exactTotal}/${spacesTotal}/${cases}`);
    if (failures.length > 0) console.log(`failing even with white space normalised:\n${failures.join('\n')}`);
    expect(cases).toBe(207);
    expect(exactTotal).toBeGreaterThanOrEqual(179);
    expect(spacesTotal).toBeGreaterThanOrEqual(191);
  });
});
