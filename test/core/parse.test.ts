import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deleteSpans } from '../../src/core/apply.js';
import type { Span } from '../../src/core/model.js';
import { paragraphSplits, parseDocument } from '../../src/core/parse.js';

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

describe('parseDocument: a later parse reusing the paragraphs of an earlier one', () => {
  const text = 'Ferry fares rise. The council voted.\n\nA teaser of another story\n\nThe harbour office said that since last week\n\nFerryLink\n\nshows the crossings of the day on its map.\n';
  const earlier = parseDocument(text);

  it('gives the sentences of a paragraph whose text it met, where the paragraph now stands, and nothing for one it did not', () => {
    const next = deleteSpans(text, [earlier.lines[1]!.span], earlier.eol);
    const splits = paragraphSplits(earlier);
    const start = next.indexOf('The harbour');
    const end = next.indexOf('map.') + 4;
    const shift = text.indexOf('The harbour') - start;
    expect(earlier.paragraphs[2]!.sentenceCount).toBe(1);
    expect(splits.sentencesOf(next, start, end)).toEqual([{ start: earlier.sentences[3]!.span.start - shift, end: earlier.sentences[3]!.span.end - shift }]);
    expect(splits.sentencesOf(next, 0, 'Ferry fares rise.'.length)).toBeUndefined();
    expect(parseDocument(next, splits)).toEqual(parseDocument(next));
  });

  // Pieces that make sentences, wrapped lines (long, or short and open), links set apart, lists, quotes.
  const piece = fc.constantFrom(
    'The harbour office said that since last week the ferry',
    'shows the crossings of the day on its map.',
    'Ferry fares rise.',
    '"It was close," she said.',
    'Dr. Smith',
    'FerryLink',
    'and',
    '(see below)',
    '1. First step',
    'Read more',
    'Die Fähre fährt wieder. Der',
    'Hafen öffnet am Montag!',
    '联合国说。',
    ' ',
    '\n',
    '\n\n',
    '\r\n',
  );

  it('parses a text with some of its lines, sentences or paragraphs cut out as a parse of it from scratch does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, picks) => {
        const document = parseDocument(pieces.join(' ').replaceAll(' \n', '\n'));
        const kinds: readonly { readonly span: Span }[][] = [[...document.lines], [...document.sentences], [...document.paragraphs]];
        // Each pick names a kind (pick % 3) and one of its pieces (the rest of it).
        const cut = picks.flatMap((pick) => {
          const kind = kinds[pick % 3]!;
          return kind.length === 0 ? [] : [kind[Math.floor(pick / 3) % kind.length]!.span];
        });
        const spans = cut.sort((a, b) => a.start - b.start).filter((span, i, all) => i === 0 || span.start >= all[i - 1]!.end);
        const next = deleteSpans(document.text, spans, document.eol);
        expect(JSON.stringify(parseDocument(next, paragraphSplits(document)))).toBe(JSON.stringify(parseDocument(next)));
      }),
      { numRuns: 300 },
    );
  });
});
