/** The shared analysis: content terms (stems of words that are not stop words) and cohesion. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, tokenArraysOf } from '../../src/core/analysis.js';
import type { Document, Line } from '../../src/core/model.js';
import { parseDocument } from '../../src/core/parse.js';
import { comparisonKey } from '../../src/core/text.js';

/** The content terms of each line of `text`, as ids. */
function lineTerms(text: string): number[][] {
  const document = parseDocument(text);
  const analysis = analyse(document);
  return document.lines.map((line) => {
    const terms: number[] = [];
    analysis.eachTerm(line, (term) => terms.push(term));
    return terms;
  });
}

describe('content terms', () => {
  it.each([
    // A word longer than five letters counts as its first five: inflections match.
    ['elections', 'election', true],
    ['Ершова', 'Ершову', true],
    ['close', 'closed', true],
    // ...and words that differ within them do not; nor do words of five letters or fewer.
    ['vote', 'voted', false],
    ['harbour', 'harvest', false],
    ['voted', 'voter', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    const [first, second] = lineTerms(`${a}\n${b}\n`);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first![0] === second![0]).toBe(same);
  });

  it('counts and tallies the terms of a piece as it visits them, the pairs of a run of Japanese too', () => {
    const document = parseDocument('The ferry and a boat of the town\n\n自転車道と市役所\n');
    const analysis = analyse(document);
    for (const line of document.lines) {
      const visited: number[] = [];
      analysis.eachTerm(line, (term) => visited.push(term));
      expect(analysis.termCount(line)).toBe(visited.length);
      const tally = analysis.termCounts([line]);
      for (const term of visited) expect(tally.count(term)).toBe(visited.filter((each) => each === term).length);
    }
    expect(analysis.termCount(document.lines[1]!)).toBeGreaterThan(2);
  });

  it('stop words and single letters are no terms; a run of Japanese gives its character pairs', () => {
    const [english, japanese] = lineTerms('The ferry and a boat of the town\n\n自転車道\n');
    expect(english).toHaveLength(3);
    expect(japanese).toHaveLength(3);
  });
});

describe('cohesion', () => {
  const body = Array.from({ length: 30 }, (_, i) => `The harbour ferry crossing number ${i} carried commuters and bicycles over the water.`).join('\n\n');

  it('is 1 in a text too short to tell what it is about', () => {
    const document = parseDocument('Harbour ferry returns\n\nVolcanic ash darkened the skies.\n');
    expect(analyse(document).cohesion(document.lines[1]!)).toBe(1);
  });

  it('is the share of a line\'s terms found elsewhere in a text long enough to judge', () => {
    const document = parseDocument(`${body}\n\nVolcanic ash darkened harbour skies.\n`);
    const analysis = analyse(document);
    // volcanic, ash, darkened, harbour, skies: only "harbour" recurs.
    expect(analysis.cohesion(document.lines[document.lines.length - 1]!)).toBeCloseTo(1 / 5);
  });
});

describe('keyWords', () => {
  /** The words of a line's comparison key, spelled out. */
  function keyOf(text: string, line: number): string[] {
    const document = parseDocument(text);
    const analysis = analyse(document);
    return Array.from(analysis.keyWords(document.lines[line]!), (id) => analysis.vocabulary.word(id));
  }

  it('folds compatibility forms in a document that holds one, whatever line is asked about', () => {
    // Line 1 folds ("ﬁ" -> "fi"); line 0 does not, and needs no folding to be read.
    const text = 'Größere Fähren fahren wieder.\nDie ﬁnale Prüfung kommt.\n';
    expect(keyOf(text, 1)).toEqual(['die', 'finale', 'prüfung', 'kommt']);
    expect(keyOf(text, 0)).toEqual(['größere', 'fähren', 'fahren', 'wieder']);
  });

  it('gives one kind of array for every piece: a folded line, a line lower-cased whole, a plain one', () => {
    // The code reading keys is compiled for the array it meets; a second kind deoptimises it.
    // Line 0 is read as it is, line 1 folds ("ﬁ"), line 2 is lower-cased as a whole (a capital sigma).
    const document = parseDocument('Die Fähre fährt.\nDie ﬁnale Prüfung.\nΟΔΟΣ ΚΛΕΙΣΤΗ.\n');
    const analysis = analyse(document);
    for (const line of document.lines) expect(analysis.keyWords(line)).toBeInstanceOf(Int32Array);
    expect(Array.from(analysis.keyWords(document.lines[2]!), (id) => analysis.vocabulary.word(id))).toEqual(['οδος', 'κλειστη']);
  });

  it('folds each piece that overlaps a line folding changes, and only those need it', () => {
    // Folding is decided per line: the sentences of a folding line (one spans a wrap into the
    // next line) must still be folded, and every other piece read as it is.
    const texts = [
      'Größere Fähren fahren wieder. Die ﬁnale Prüfung\nkommt bald. Danach ist Ruhe.\n\nÜber ½ der Gäste blieb.\n',
      'Größere Fähren fahren wieder. Die finale Prüfung\nkommt ﬁnal bald. Danach ist Ruhe.\n',
      'Ruhe überall.\nKeine Änderung hier.\nDas Logo™ steht. Es bleibt.\n',
    ];
    for (const text of texts) {
      const document = parseDocument(text);
      const analysis = analyse(document);
      for (const piece of [...document.lines, ...document.sentences]) {
        expect(Array.from(analysis.keyWords(piece), (id) => analysis.vocabulary.word(id)).join(' ')).toBe(comparisonKey(piece.text));
      }
    }
  });

  it('finds the lines that fold wherever the forms stand: between lines, at their ends, unchanged by folding', () => {
    // "q\u0301" may fold and does not; a non-breaking space folds, and between lines is trimmed off them.
    const unit = fc.constantFrom('ﬁ', '½', '\u00a0', 'q\u0301', 'e\u0301', 'ä', 'a', 'B', ' ', '.', '\n', '\n\n');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const document = parseDocument(units.join(''));
        const analysis = analyse(document);
        for (const piece of [...document.lines, ...document.sentences]) {
          expect(Array.from(analysis.keyWords(piece), (id) => analysis.vocabulary.word(id)).join(' ')).toBe(comparisonKey(piece.text));
        }
      }),
    );
  });

  it('numbers the new words of a folded piece after the text\'s, which keep their terms and counts', () => {
    // "ﬁnale" folds to "finale", a word the text does not hold: it is numbered after the text's
    // words, and its term is worked out then, past the room the per-word tables were made with.
    const text = 'Die Finalisten der Regatta segelten gestern bei starkem Wind über den großen See.\nZwei Boote kenterten kurz nach dem Start, die Mannschaften wurden gerettet.\nDie ﬁnale Wertung folgt morgen.\n';
    const document = parseDocument(text);
    const analysis = analyse(document);
    const fresh = analyse(document);
    const textWords = analysis.vocabulary.size;
    expect(textWords).toBeGreaterThan(16);
    const folded = Array.from(analysis.keyWords(document.lines[2]!));
    const finale = folded.find((id) => analysis.vocabulary.word(id) === 'finale')!;
    expect(finale).toBeGreaterThanOrEqual(textWords);
    // Its stem is the stem of "Finalisten", which occurs once: so does the folded word's term.
    expect(analysis.wordTermCount(finale)).toBe(1);
    for (let id = 0; id < textWords; id++) expect(analysis.wordTermCount(id)).toBe(fresh.wordTermCount(id));
    for (const line of document.lines) expect(analysis.stopwordShare(line)).toBe(fresh.stopwordShare(line));
  });

  it('reads the words of a document without such forms as they are', () => {
    expect(keyOf('Größere Fähren fahren wieder.\nDie finale Prüfung kommt.\n', 1)).toEqual(['die', 'finale', 'prüfung', 'kommt']);
  });
});

describe('the tokens of a piece', () => {
  it('are, for each line of the document, those its span holds; for a piece that only looks like a line, those of its own span', () => {
    const text = 'Harbour ferry returns\n\nThe ferry resumed its crossings on Monday.\n  Two boats  \n\n\nA third, next summer!\n';
    const document = parseDocument(text);
    const analysis = analyse(document);
    const spanned = (span: { start: number; end: number }): number => text.slice(span.start, span.end).split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
    expect(document.lines.map((line) => analysis.tokenCount(line))).toEqual(document.lines.map((line) => spanned(line.span)));
    expect(document.lines.map((line) => analysis.tokenCount(line))).toEqual([3, 7, 2, 4]);
    // The numbers of the first line, the words of the second: not the document's line.
    const lookalike = { index: 0, span: document.lines[1]!.span, text: document.lines[1]!.text };
    expect(analysis.tokenCount(lookalike)).toBe(7);
  });

  it('are found for each line, should a document hold words between its lines', () => {
    // No parse makes such a document (the white space between lines holds no word), but a
    // document can be given: each line's tokens are then searched for.
    const text = 'alpha beta gamma delta';
    const line = (index: number, start: number, end: number): Line => ({ index, span: { start, end }, text: text.slice(start, end), paragraph: 0, firstSentence: index, sentenceCount: 0 });
    const document: Document = { text, eol: '\n', paragraphs: [], lines: [line(0, 0, 5), line(1, 11, 16)], sentences: [] };
    const analysis = analyse(document);
    expect(document.lines.map((each) => analysis.tokenCount(each))).toEqual([1, 1]);
  });
});

describe('an analysis on the token arrays of an earlier one', () => {
  it('reads its document as a new one does', () => {
    const earlier = analyse(parseDocument('A longer text read before, of many more words than the next one.\n\nIts second paragraph, with more words still.\n'));
    const document = parseDocument('The Harbour Board met.\nThe harbour board voted on Tuesday.\n');
    const fresh = analyse(document);
    const reused = analyse(document, tokenArraysOf(earlier));
    // The earlier arrays had room: they were filled again, not made anew.
    expect(tokenArraysOf(reused)!.ids).toBe(tokenArraysOf(earlier)!.ids);
    for (const line of document.lines) {
      expect(reused.key(line)).toBe(fresh.key(line));
      expect(reused.tokenCount(line)).toBe(fresh.tokenCount(line));
      expect(reused.lowerCaseTokens(line)).toBe(fresh.lowerCaseTokens(line));
      expect(reused.cohesion(line, true)).toBe(fresh.cohesion(line, true));
    }
    expect(Array.from(reused.keyWords(document.lines[1]!))).toEqual(Array.from(fresh.keyWords(document.lines[1]!)));
  });
});
