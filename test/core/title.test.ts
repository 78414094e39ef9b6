import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis.js';
import { parseDocument } from '../../src/core/parse.js';
import { detectTitle, headlineCopyTest, headlineKeys, sameHeadline } from '../../src/core/title.js';

function titleOf(text: string): string | undefined {
  return detectTitle(parseDocument(text))?.text;
}

const BODY = 'The harbour ferry resumed its crossings on Monday after six weeks of repairs.';

describe('detectTitle', () => {
  it('takes a short first line without a full stop as the headline', () => {
    const text = `Harbour ferry returns after repairs\n\n${BODY}\n`;
    const title = detectTitle(parseDocument(text));
    expect(title).toEqual({ line: 0, span: { start: 0, end: 35 }, text: 'Harbour ferry returns after repairs' });
  });

  it('gives the span of the trimmed line, after leading blank lines and indentation', () => {
    const text = `\n\n   Harbour ferry returns  \n\n${BODY}`;
    const title = detectTitle(parseDocument(text));
    expect(title?.text).toBe('Harbour ferry returns');
    expect(text.slice(title!.span.start, title!.span.end)).toBe('Harbour ferry returns');
  });

  it('takes a headline that is a question or an exclamation', () => {
    expect(titleOf(`Is the harbour ferry back for good?\n\n${BODY}`)).toBe('Is the harbour ferry back for good?');
    expect(titleOf(`The ferry is back!\n\n${BODY}`)).toBe('The ferry is back!');
  });

  it('takes a headline with a site name attached', () => {
    expect(titleOf(`Harbour ferry returns | Coastal News\n\n${BODY}`)).toBe('Harbour ferry returns | Coastal News');
  });

  it('does not take a first line of prose ending in a full stop that opens a paragraph', () => {
    expect(titleOf(`${BODY}\nCommuters welcomed it.\n\nThe operator plans a second boat.`)).toBeUndefined();
  });

  it('does not take a long first line of prose ending in a full stop, even standing alone', () => {
    const long = `${BODY.slice(0, -1)}, and about two thousand commuters were back on board by nine.`;
    expect(titleOf(`${long}\n\nCommuters welcomed it.`)).toBeUndefined();
  });

  it('takes a short first line with a full stop when it stands alone ahead of the text', () => {
    expect(titleOf(`Ferry is back. Commuters cheer.\n\n${BODY}`)).toBe('Ferry is back. Commuters cheer.');
  });

  it('takes a first line of several sentences when it stands again later (known by its repeat)', () => {
    const text = `Meth. We're on it. They just might be.\n\n${BODY}\n\nMeth. We're on it. They just might be.\n`;
    expect(titleOf(text)).toBe("Meth. We're on it. They just might be.");
  });

  it('does not take a first line of several sentences that does not stand again', () => {
    expect(titleOf(`Meth. We're on it. They just might be.\n\n${BODY}\n`)).toBeUndefined();
  });

  it('does not take a first line longer than a headline can be', () => {
    const long = Array.from({ length: 45 }, (_, i) => `word${i}`).join(' ');
    expect(titleOf(`${long}\n\n${BODY}`)).toBeUndefined();
  });

  it('does not take a first line without words', () => {
    expect(titleOf(`* * *\n\n${BODY}`)).toBeUndefined();
  });

  it('finds nothing in empty or blank text', () => {
    expect(titleOf('')).toBeUndefined();
    expect(titleOf(' \n\r\n\t')).toBeUndefined();
  });

  it('takes a text of one short line as its own headline', () => {
    expect(titleOf('Harbour ferry returns after repairs\n')).toBe('Harbour ferry returns after repairs');
    // Cleaned once, "New trade talks with the U.S.\n\nImage credit: Reuters" is this line alone.
    expect(titleOf('New trade talks with the U.S.\n')).toBe('New trade talks with the U.S.');
  });

  it('takes headlines in scripts without spaces and in Cyrillic', () => {
    expect(titleOf('川沿いに新しい自転車道が開通\n\n市は二十日、自転車道を開通させた。')).toBe('川沿いに新しい自転車道が開通');
    expect(titleOf('В городе открыли новый каток\n\nКаток работает ежедневно.')).toBe('В городе открыли новый каток');
  });

  it('takes the headline the page prints twice near its top when the first line is a site name or a link', () => {
    const page = ['Harbour Times', 'News', 'Sport', 'Ferry returns to the harbour after repairs', 'Share', 'Ferry returns to the harbour after repairs', 'By Ellen Ward', 'The harbour ferry resumed its crossings on Monday after six weeks of repairs in dry dock.'].join('\n\n');
    expect(detectTitle(parseDocument(page))?.text).toBe('Ferry returns to the harbour after repairs');
    // A menu's entries printed twice are too short to be a headline; the site name stays the headline.
    const menus = ['Harbour Times', 'News', 'Sport', 'News', 'Sport', 'The harbour ferry resumed its crossings on Monday after six weeks of repairs in dry dock.'].join('\n\n');
    expect(detectTitle(parseDocument(menus))?.text).toBe('Harbour Times');
  });

  it('does not take a line printed twice below the first sentences of the text as the headline', () => {
    const page = ['Anwalt Berg', 'Willkommen', 'Ich bin Anna Berg, Rechtsanwältin in Hamburg, und ich berate kleine und mittlere Unternehmen in allen Fragen des Vertragsrechts.', 'E-Mail einer Mandantin, Juli 2015', 'Danke!', 'E-Mail einer Mandantin, Juli 2015'].join('\n\n');
    expect(detectTitle(parseDocument(page))?.text).toBe('Anwalt Berg');
  });

  it('reads CRLF and CR text the same way', () => {
    expect(titleOf(`Harbour ferry returns\r\n\r\n${BODY}`)).toBe('Harbour ferry returns');
    expect(titleOf(`Harbour ferry returns\r\r${BODY}`)).toBe('Harbour ferry returns');
  });
});

describe('headlineKeys', () => {
  it('folds case, spacing, quotes and punctuation', () => {
    expect(headlineKeys('  “Harbour  Ferry” RETURNS!  ')).toEqual(['harbour ferry returns']);
  });

  it('adds the headline without a short site suffix or prefix', () => {
    expect(headlineKeys('Harbour ferry returns - Coastal News')).toEqual(['harbour ferry returns coastal news', 'harbour ferry returns']);
    expect(headlineKeys('Harbour ferry returns | Coastal News')).toContain('harbour ferry returns');
    expect(headlineKeys('Harbour ferry returns – Coastal News')).toContain('harbour ferry returns');
    expect(headlineKeys('Harbour ferry returns — Coastal News')).toContain('harbour ferry returns');
    expect(headlineKeys('Coastal News: Harbour ferry returns')).toContain('harbour ferry returns');
  });

  it('does not split words joined by a hyphen', () => {
    expect(headlineKeys("Trump declares US-Russia relations may be at 'all-time low'")).toEqual(["trump declares us russia relations may be at all time low"]);
  });

  it('keeps at least three words of the headline when an affix is cut off', () => {
    expect(headlineKeys('Review: Joker')).toEqual(['review joker']);
  });

  it('cuts off several affixes in turn', () => {
    expect(headlineKeys('Harbour ferry returns | Local | Coastal News')).toContain('harbour ferry returns');
  });

  it('does not cut off a part longer than a site name', () => {
    const line = 'The old harbour ferry finally returns to service - and commuters on the east side are happy again';
    expect(headlineKeys(line)).toEqual(['the old harbour ferry finally returns to service and commuters on the east side are happy again']);
  });

  it('has no key for a line without words', () => {
    expect(headlineKeys('— * —')).toEqual([]);
  });
});

describe('sameHeadline', () => {
  const keys = headlineKeys('Harbour ferry returns after repairs');

  it('matches copies in other case, spacing and quotes', () => {
    expect(sameHeadline(keys, 'HARBOUR FERRY  RETURNS AFTER REPAIRS')).toBe(true);
    expect(sameHeadline(keys, '"Harbour ferry returns after repairs."')).toBe(true);
  });

  it('matches copies with a site affix', () => {
    expect(sameHeadline(keys, 'Harbour ferry returns after repairs | Coastal News')).toBe(true);
    expect(sameHeadline(keys, 'Coastal News - Harbour ferry returns after repairs')).toBe(true);
  });

  it('matches a plain copy of a headline given with an affix', () => {
    expect(sameHeadline(headlineKeys('Harbour ferry returns after repairs - Coastal News'), 'Harbour ferry returns after repairs')).toBe(true);
  });

  it('does not match other lines', () => {
    expect(sameHeadline(keys, 'Harbour ferry returns after repairs and a new paint job')).toBe(false);
    expect(sameHeadline(keys, 'Harbour ferry returns')).toBe(false);
    expect(sameHeadline(keys, 'Coastal News')).toBe(false);
    expect(sameHeadline(keys, '')).toBe(false);
  });
});

describe('headlineCopyTest', () => {
  it('answers as sameHeadline does for every line, whether or not it passes a line over by its inner words', () => {
    const lines = [
      'Harbour ferry returns after repairs - Coastal News',
      'HARBOUR FERRY  RETURNS AFTER REPAIRS',
      'Coastal News: harbour ferry returns after repairs',
      'Saharbour ferry returns after repairsmen left',
      'Harbour ferry returns after a break',
      'The ferry returns',
      'ﬁrst: Harbour ferry returns after repairs',
      'Ferry',
      // The inner words of a key, but not in a row, or all but one of them: no copy.
      'The ferry after repairs returns to the harbour',
      'Harbour ferry returns before repairs',
      'The harbour ferry returns after repairs',
    ];
    const document = parseDocument(lines.join('\n'));
    const analysis = analyse(document);
    // The first headline again last: its keys are kept between calls, and must follow the headline;
    // "Ferry returns" twice: the second test answers from the first's kept answers.
    for (const headline of [lines[0]!, 'Review: Joker', 'Ferry returns', 'Ferry returns', 'The ferry returns after', lines[0]!]) {
      const isCopy = headlineCopyTest(headline, analysis);
      const keys = headlineKeys(headline);
      for (const line of document.lines) expect(isCopy(line), `${headline} / ${line.text}`).toBe(sameHeadline(keys, line.text));
    }
  });
});
