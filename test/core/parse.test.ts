import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/parse.js';

/** The sentences of `text`, as the parse finds them. */
function sentencesOf(text: string): string[] {
  return parseDocument(text).sentences.map((sentence) => sentence.text);
}

describe('parseDocument: hard-wrapped prose', () => {
  it('reads lines wrapped at a fixed width and set apart by blank lines as one paragraph', () => {
    const text = 'Decorators in Python enable you to modify the behaviour of existing\n\nfunctions without changing the original function, and advice in older lisps\n\nenables the same.\n';
    const document = parseDocument(text);
    expect(document.paragraphs).toHaveLength(1);
    expect(sentencesOf(text)).toEqual([
      'Decorators in Python enable you to modify the behaviour of existing\n\nfunctions without changing the original function, and advice in older lisps\n\nenables the same.',
    ]);
  });

  it('keeps a headline and the short line under it apart, and a standfirst and its byline', () => {
    expect(parseDocument('What Being Asexual Tells Us About Sex And Romance\n\naeon.co Sex\n').paragraphs).toHaveLength(2);
    expect(parseDocument("One member of the defense did not hold back on Monday about the fight\n\nby Bryan Miller\n").paragraphs).toHaveLength(2);
    // A short line is no wrapped text even when it stops mid-phrase.
    expect(parseDocument('Sign up for\n\nour newsletter today\n').paragraphs).toHaveLength(2);
  });

  it('reads lines wrapped at a fixed width before a capital as one sentence', () => {
    const lines = [
      'Die Bootsführerausbildung in der Feuerwehr ist sehr praxisorientiert und',
      'schließt mit der Prüfung zum amtlichen Sportbootführerschein ab. Der',
      'theoretische Unterricht wird in einer eigenen Schulung durchgeführt, die',
      'Prüfung wird vor einer amtlichen Kommission abgelegt, wie jedes Jahr.',
    ];
    expect(sentencesOf(lines.join('\n'))).toEqual([
      `${lines[0]}\n${lines[1]!.slice(0, lines[1]!.indexOf(' Der'))}`,
      `Der\n${lines[2]}\n${lines[3]}`,
    ]);
  });

  it('reads a sentence broken at a link set apart in it, and going on in lower case, as one sentence', () => {
    const text = 'The harbour office said that since last week\n\nFerryLink\n\nshows the crossings of the day on its map.\n';
    expect(parseDocument(text).paragraphs).toHaveLength(1);
    expect(sentencesOf(text)).toEqual([text.trim()]);
    // A link of four words (MAX_LINK_WORDS) after a line of three (MIN_OPEN_LINE_WORDS).
    const short = 'The office uses\n\nthe ferry link site\n\nto show the crossings of the day on its map.\n';
    expect(sentencesOf(short)).toEqual([short.trim()]);
    // Set apart by single line breaks as well, and after a comma.
    const code = 'You can install it on Linux,\n$ apt install ferry\nand it runs on the next start.\n';
    expect(sentencesOf(code)).toEqual([code.trim()]);
  });

  it('reads no link into lines that do not go on as a sentence', () => {
    // The line after the link does not go on in lower case, or is a domain's name, or short and open.
    expect(parseDocument('The harbour office said that since last week\n\nFerryLink\n\nShows the crossings of the day on its map.\n').paragraphs).toHaveLength(3);
    expect(parseDocument('The harbour office said that since last week\n\nFerryLink\n\nferrylink.example shows the crossings of the day.\n').paragraphs).toHaveLength(3);
    expect(parseDocument('The harbour office said that since last week\n\nFerryLink\n\nshows the map\n').paragraphs).toHaveLength(3);
    // A link of five words (MAX_LINK_WORDS), a line of two (MIN_OPEN_LINE_WORDS) or one closed.
    expect(parseDocument('The harbour office said that since last week\n\nthe new ferry link site\n\nshows the crossings of the day on its map.\n').paragraphs).toHaveLength(3);
    expect(parseDocument('Since then\n\nFerryLink\n\nshows the crossings of the day on its map.\n').paragraphs).toHaveLength(3);
    expect(parseDocument('The harbour office opened on Monday.\n\nFerryLink\n\nshows the crossings of the day on its map.\n').paragraphs).toHaveLength(3);
    // The line left open stops on a capitalised word: a label over a byline.
    expect(parseDocument('Read the story of Harbour Ferry\n\nFerryLink\n\nshows the crossings of the day on its map.\n').paragraphs).toHaveLength(3);
  });

  it('does not join the short lines of a list however they end', () => {
    expect(sentencesOf('Ingredients\nFlour\nSugar and\nSalt\n')).toEqual(['Ingredients', 'Flour', 'Sugar and', 'Salt']);
  });
});

describe('parseDocument: the model as plain data', () => {
  const text = 'Ferry fares rise.\n\n  The council voted. It was close.\n';
  const document = parseDocument(text);

  it('gives each line and sentence a span of its own text, a new object each time', () => {
    for (const piece of [...document.lines, ...document.sentences]) expect(text.slice(piece.span.start, piece.span.end)).toBe(piece.text);
    expect(document.lines[1]!.span).toEqual({ start: 21, end: 53 });
    expect(document.lines[1]!.span).not.toBe(document.lines[1]!.span);
  });

  it('serialises lines and sentences with their spans, as the types say', () => {
    expect(JSON.parse(JSON.stringify(document.lines[1]))).toEqual({ index: 1, span: { start: 21, end: 53 }, text: 'The council voted. It was close.', paragraph: 1, firstSentence: 1, sentenceCount: 2 });
    expect(JSON.parse(JSON.stringify(document.sentences[2]))).toEqual({ index: 2, span: { start: 40, end: 53 }, text: 'It was close.', line: 1, paragraph: 1 });
  });
});
