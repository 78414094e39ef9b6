/** The shared predicates, each with its own table of cases. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, judgesTopic } from '../../src/core/analysis.js';
import { parseDocument } from '../../src/core/parse.js';
import { CLOSERS, cutAtAbbreviation, endsOnPeriod, endsSentence, hasProseWords, pausesAtEnd, TERMINALS, trailsOff, type SentenceEnd } from '../../src/core/predicates.js';
import { trailingNonSpace } from '../../src/core/text.js';

describe('endsSentence', () => {
  const cases: [string, SentenceEnd, boolean][] = [
    ['The ferry left at dawn.', {}, true],
    ['Is the bridge open?', {}, true],
    ['Stop!', {}, true],
    ['“We missed the ferry,” he said.”', {}, true],
    ['(see above.)', {}, true],
    // German and Danish quotation marks close with “ ‘ « ‹.
    ['„Die Fähre fährt wieder.“', {}, true],
    ['»Die Fähre fährt wieder.«', {}, true],
    ['‚Sie fährt.‘', {}, true],
    ['She said “yes.”)', {}, true],
    ['今日は晴れ。', {}, true],
    ['本当？」', {}, true],
    ['Really‼', {}, true],
    ['The minister said that…', {}, true],
    ['The minister said that…', { ellipsis: false }, false],
    ['The minister said that...', { ellipsis: false }, true],
    ['Take a look at what he said:', {}, false],
    ['Take a look at what he said:', { colon: true }, true],
    ['以下の通り：', { colon: true }, true],
    ['The ferry left at dawn', {}, false],
    ['Harbour news', { colon: true, ellipsis: true }, false],
    ['"', {}, false],
    ['', {}, false],
    // Invisible format characters a page leaves after the last word are read past, as closers are.
    ['The ferry left at dawn.\u200B\u200B', {}, true],
    ['The ferry left at dawn.”\u200D', {}, true],
    ['The ferry left at dawn\u200B', {}, false],
    // Other scripts' marks end a sentence for the segmenter, not yet for a line's end.
    ['كيف يمكن تقييم حصيلة؟', {}, false],
  ];
  it.each(cases)('%j %j -> %s', (text, also, expected) => {
    expect(endsSentence(text, also)).toBe(expected);
  });

  it('reads past every closer and counts every terminal', () => {
    for (const terminal of TERMINALS) {
      for (const closer of CLOSERS) expect(endsSentence(`Word${terminal}${closer}${closer}`), `${terminal}${closer}`).toBe(true);
    }
  });
});

describe('cutAtAbbreviation', () => {
  const cases: [string, boolean][] = [
    ['He said working groups would be established to improve U.S.', true],
    ['The talks were led by Mr.', true],
    ['The report was sent to the E.U.', false],
    ['The plant was sold to a company in the U.S.', false],
    ['The ferry left at dawn.', false],
    ['He moved to the U.S. last year.', false],
    ['U.S.', false],
    ['He spoke to Dr.', true],
    ['He lives on Elm St.', true],
    ['Made in the USA.', false],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(cutAtAbbreviation(text)).toBe(expected);
  });
});

describe('trailsOff', () => {
  const cases: [string, boolean][] = [
    ['The harbour master said that the ferry…', true],
    ['The harbour master said that the ferry...', true],
    ['The harbour master said that the ferry . . .', true],
    ['The harbour master said that the ferry, …', true],
    ['The harbour master said that the ferry…”', true],
    ['Der Hafenmeister sagte, die Fähre…“', true],
    ['„Der Hafenmeister sagte, die Fähre…“', false],
    ['“The ferry, well, the ferry...”', false],
    ['„Die Fähre fuhr....“', false],
    ['The ferry left at dawn....', false],
    ['The ferry left at dawn.…', false],
    ['The ferry left at dawn.', false],
    ['Wait… the ferry left at dawn.', false],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(trailsOff(text)).toBe(expected);
  });
});

describe('pausesAtEnd and endsOnPeriod', () => {
  const cases: [string, boolean, boolean][] = [
    ['But here is the disconnect …', true, false],
    ['But here is the disconnect ...“', true, true],
    // The longest end the pause is read in: a space and three spaced dots, then closing marks.
    ['But here is the disconnect . . .”)', true, true],
    ['But here is the disconnect. . .', false, true],
    ['The ferry left the…', false, false],
    ['The ferry left at dawn.', false, true],
    ['„Die Fähre fährt wieder.“', false, true],
    ['Did the ferry leave?”', false, false],
    ['渡轮恢复了航行……', true, false],
    ['渡轮恢复了航行…', false, false],
  ];
  it.each(cases)('%j -> pause %s, period %s', (text, pause, period) => {
    expect(pausesAtEnd(text)).toBe(pause);
    expect(endsOnPeriod(text)).toBe(period);
  });
});

describe('trailsOff and pausesAtEnd against their patterns', () => {
  // The patterns as the module states them, without the test of the last character that runs first.
  const closers = '["\'”’»›“‘«‹)\\]」』）】》〉]*';
  const dots = '(?:\\.\\.\\.|…|\\. \\. \\.)';
  const ellipsis = new RegExp(`${dots}${closers}$`, 'u');
  const finished = new RegExp(`(?:\\.\\.\\.\\.|\\.…)${closers}$`, 'u');
  const inQuotation = (text: string): boolean => new RegExp(`${dots}[”“"»«」』]$`, 'u').test(text) && /[„“”"«»「『]/u.test(text.slice(0, -2));
  const pause = new RegExp(`(?:\\s${dots}|……)${closers}$`, 'u');
  it('agree on text ending in dots, marks and letters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '.', '…', '"', '”', '“', '„', ')', '」', '?', '›'), { maxLength: 12 }), (parts) => {
        const text = `Word${parts.join('')}`;
        expect(trailsOff(text)).toBe(ellipsis.test(text) && !finished.test(text) && !inQuotation(text));
        expect(pausesAtEnd(text)).toBe(pause.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hasProseWords', () => {
  const body = 'The harbour ferry resumed its crossings on Monday after six weeks of repairs.';
  const cases: [string, number, boolean][] = [
    [body, 0.25, true],
    [body, 0.6, false],
    ['The ferry is back in service.', 0.25, true],
    ['The ferry is back now.', 0.25, false],
    ['Harbour Ferry Returns After Six Weeks Of Repairs', 0.3, false],
    ['Harbour Ferry Returns After Six Weeks Of Repairs', 0, true],
    ['市は二十日、川沿いに自転車道を開通させたと発表した。', 0, true],
    ['自転車道', 0, false],
  ];
  it.each(cases)('%j (share >= %s) -> %s', (line, share, expected) => {
    const document = parseDocument(`${body}\n\n${line}\n`);
    expect(hasProseWords(analyse(document), document.lines[1]!, share)).toBe(expected);
  });
});

describe('judgesTopic', () => {
  it.each([[0, false], [99, false], [100, true], [5000, true]])('%i content terms -> %s', (terms, expected) => {
    expect(judgesTopic(terms)).toBe(expected);
  });
});

describe('trailingNonSpace', () => {
  it.each([
    ['see https://t.co/abc', 'https://t.co/abc'],
    ['ends in a space ', ''],
    ['one', 'one'],
    ['', ''],
    ['a\u00a0b', 'b'],
    ['tab\tpic.twitter.com/x', 'pic.twitter.com/x'],
  ])('%j -> %j', (text, expected) => {
    expect(trailingNonSpace(text)).toBe(expected);
  });
});
