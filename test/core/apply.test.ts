import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptRemovals, deleteSpans, insideSpans, isNormalised } from '../../src/core/apply.js';
import type { Removal, Span } from '../../src/core/model.js';
import { clean } from '../../src/index.js';

function removal(start: number, end: number, rule = 'fragment'): Removal {
  return { rule, reason: 'test', span: { start, end } };
}

/** The spans of `parts` in `text`, each found after the previous one. */
function spansOf(text: string, ...parts: string[]): Span[] {
  let from = 0;
  return parts.map((part) => {
    const start = text.indexOf(part, from);
    if (start < 0) throw new Error(`"${part}" not in text`);
    from = start + part.length;
    return { start, end: from };
  });
}

describe('acceptRemovals', () => {
  it('accepts disjoint removals and returns them in text order', () => {
    const accepted = acceptRemovals([removal(20, 30), removal(0, 5), removal(10, 15)]);
    expect(accepted.map((r) => r.span.start)).toEqual([0, 10, 20]);
  });

  it('skips a removal that overlaps one accepted before it, whatever their positions', () => {
    const first = removal(10, 20, 'repeated-title');
    const accepted = acceptRemovals([first, removal(5, 11, 'near-duplicate'), removal(19, 25, 'fragment'), removal(12, 14, 'fragment')]);
    expect(accepted).toEqual([first]);
  });

  it('lets the earlier rule win when two report the same span', () => {
    const accepted = acceptRemovals([removal(3, 9, 'repeated-title'), removal(3, 9, 'near-duplicate')]);
    expect(accepted.map((r) => r.rule)).toEqual(['repeated-title']);
  });

  it('skips a removal that contains an accepted one', () => {
    expect(acceptRemovals([removal(4, 6), removal(0, 10)]).map((r) => r.span)).toEqual([{ start: 4, end: 6 }]);
  });

  it('accepts exactly what checking each removal against every earlier accepted one accepts', () => {
    // The reference: the plain quadratic reading of "in order, skipping overlaps".
    const reference = (all: readonly Removal[]): Removal[] => {
      const accepted: Removal[] = [];
      for (const r of all) {
        if (r.span.end <= r.span.start) continue;
        if (accepted.every((a) => a.span.end <= r.span.start || r.span.end <= a.span.start)) accepted.push(r);
      }
      return accepted.sort((a, b) => a.span.start - b.span.start);
    };
    const span = fc.tuple(fc.nat(200), fc.nat(30)).map(([start, length]) => removal(start, start + length));
    // Runs of rising starts, as rules report, and arbitrary orders.
    const runs = fc.array(fc.array(span, { maxLength: 12 }).map((run) => run.sort((a, b) => a.span.start - b.span.start)), { maxLength: 5 }).map((all) => all.flat());
    fc.assert(fc.property(fc.oneof(runs, fc.array(span, { maxLength: 40 })), (all) => {
      expect(acceptRemovals(all)).toEqual(reference(all));
    }), { numRuns: 500 });
  });

  it('accepts spans that only touch', () => {
    expect(acceptRemovals([removal(5, 10), removal(0, 5), removal(10, 12)])).toHaveLength(3);
  });

  it('skips empty and inverted spans', () => {
    expect(acceptRemovals([removal(4, 4), removal(9, 3)])).toEqual([]);
  });

  it('returns the removals themselves, not copies with other spans', () => {
    const input = [removal(0, 2), removal(4, 8)];
    const accepted = acceptRemovals(input);
    expect(accepted[0]).toBe(input[0]);
    expect(accepted[1]).toBe(input[1]);
  });

  it('handles many removals, keeping exactly the non-overlapping ones', () => {
    const input = Array.from({ length: 2000 }, (_, i) => removal(i * 3, i * 3 + 5));
    const accepted = acceptRemovals(input);
    expect(accepted).toHaveLength(1000);
    for (let i = 1; i < accepted.length; i++) expect(accepted[i]!.span.start).toBeGreaterThanOrEqual(accepted[i - 1]!.span.end);
  });
});

describe('insideSpans', () => {
  const span = (start: number, end: number): Span => ({ start, end });

  it('tells the spans asked in text order that lie wholly inside the given ones', () => {
    const inside = insideSpans([span(10, 20), span(30, 40), span(40, 45), span(60, 70)]);
    expect([
      inside(span(0, 5)), // before them all
      inside(span(10, 20)), // one of them exactly
      inside(span(12, 18)), // within one
      inside(span(15, 25)), // running past its end
      inside(span(32, 44)), // over two that meet with no gap
      inside(span(44, 62)), // over the gap after them
      inside(span(59, 65)), // starting a character early
      inside(span(65, 70)), // up to the last one's end
      inside(span(70, 80)), // after them all
    ]).toEqual([false, true, true, false, true, false, false, true, false]);
  });

  it('holds nothing inside no spans, and lets spans that only touch cover their join', () => {
    expect(insideSpans([])(span(0, 1))).toBe(false);
    const inside = insideSpans([span(0, 5), span(5, 9)]);
    expect(inside(span(3, 7))).toBe(true);
    expect(inside(span(8, 10))).toBe(false);
  });
});

describe('deleteSpans', () => {
  it('returns the empty string for empty or blank input', () => {
    expect(deleteSpans('', [], '\n')).toBe('');
    expect(deleteSpans(' \n\t\n  \r\n', [], '\n')).toBe('');
  });

  it('returns the empty string when everything is deleted', () => {
    const text = 'Only line';
    expect(deleteSpans(text, [{ start: 0, end: text.length }], '\n')).toBe('');
  });

  it('normalises white space without deletions: runs of spaces and tabs, trimmed lines, one final line break', () => {
    expect(deleteSpans('  Title  here \t\n\nOne  sentence.\tTwo\t\tsentences.  ', [], '\n')).toBe('Title here\n\nOne sentence. Two sentences.\n');
  });

  it('keeps exactly one blank line between paragraphs and none at either end', () => {
    expect(deleteSpans('\n\n\nFirst.\n\n\n\n  \nSecond.\n\n\n', [], '\n')).toBe('First.\n\nSecond.\n');
  });

  it('keeps single line breaks inside a paragraph', () => {
    expect(deleteSpans('Name\nRole\nAnswer.\n', [], '\n')).toBe('Name\nRole\nAnswer.\n');
  });

  it('deletes a whole line without leaving a blank line behind', () => {
    const text = 'First.\nDelete me\nThird.\n';
    expect(deleteSpans(text, spansOf(text, 'Delete me'), '\n')).toBe('First.\nThird.\n');
  });

  it('deletes a paragraph: the blank lines around it become one', () => {
    const text = 'First.\n\nDelete me\n\nThird.';
    expect(deleteSpans(text, spansOf(text, 'Delete me'), '\n')).toBe('First.\n\nThird.\n');
  });

  it('deletes the first and the last paragraph without blank lines at the ends', () => {
    const text = 'Gone\n\nKept.\n\nGone too\n';
    expect(deleteSpans(text, spansOf(text, 'Gone', 'Gone too'), '\n')).toBe('Kept.\n');
  });

  it('deletes a sentence inside a line and closes the gap to one space', () => {
    const text = 'One. Two. Three.';
    expect(deleteSpans(text, spansOf(text, 'Two.'), '\n')).toBe('One. Three.\n');
  });

  it('deletes a sentence at the end of a line without a trailing space', () => {
    const text = 'One. Two.\nNext.';
    expect(deleteSpans(text, spansOf(text, 'Two.'), '\n')).toBe('One.\nNext.\n');
  });

  it('puts a space where a deletion would fuse two words', () => {
    const text = 'Alpha.Beta.Gamma';
    expect(deleteSpans(text, spansOf(text, 'Beta.'), '\n')).toBe('Alpha. Gamma\n');
  });

  it('puts no space into scripts written without spaces', () => {
    const text = '東京は晴れ。大阪は雨。京都は曇り。';
    expect(deleteSpans(text, spansOf(text, '大阪は雨。'), '\n')).toBe('東京は晴れ。京都は曇り。\n');
  });

  it('deletes a span that crosses line breaks', () => {
    const text = 'Keep.\nGone one\nGone two\nKeep too.';
    const [from] = spansOf(text, 'Gone one');
    const [to] = spansOf(text, 'Gone two');
    expect(deleteSpans(text, [{ start: from!.start, end: to!.end }], '\n')).toBe('Keep.\nKeep too.\n');
  });

  it('deletes several spans on one line and on several lines', () => {
    const text = 'A one. B two. C three.\n\nD four. E five.';
    expect(deleteSpans(text, spansOf(text, 'A one.', 'C three.', 'E five.'), '\n')).toBe('B two.\n\nD four.\n');
  });

  it('writes CRLF line endings when told to', () => {
    const text = 'Title\r\n\r\nGone\r\n\r\nBody.\r\nMore.';
    expect(deleteSpans(text, spansOf(text, 'Gone'), '\r\n')).toBe('Title\r\n\r\nBody.\r\nMore.\r\n');
  });

  it('writes lone CR line endings when told to', () => {
    const text = 'Title\r\rGone\r\rBody.\rMore.';
    expect(deleteSpans(text, spansOf(text, 'Gone'), '\r')).toBe('Title\r\rBody.\rMore.\r');
  });

  it('counts a line of Unicode white space as blank', () => {
    expect(deleteSpans('First.\n\u00a0\u2003\nSecond.', [], '\n')).toBe('First.\n\nSecond.\n');
  });

  it('gives back a text normalised before as it is, the same string, not a copy', () => {
    const settled = deleteSpans('Title  here\n\n\nOne sentence. Two.\nNext line', [], '\n');
    expect(settled).toBe('Title here\n\nOne sentence. Two.\nNext line\n');
    // The same string: a copy of a long text would be held beside it.
    expect(Object.is(deleteSpans(settled, [], '\n'), settled)).toBe(true);
    const crlf = 'Title\r\n\r\nBody.\r\n';
    expect(Object.is(deleteSpans(crlf, [], '\r\n'), crlf)).toBe(true);
  });

  it('writes the normalised text when it differs from the text at the same length', () => {
    // A tab for a space, a line ending for another: the lengths match, the characters do not.
    expect(deleteSpans('One\tsentence.\n', [], '\n')).toBe('One sentence.\n');
    expect(deleteSpans('Line one\rLine two\n', [], '\n')).toBe('Line one\nLine two\n');
    expect(deleteSpans('No final break', [], '\n')).toBe('No final break\n');
  });

  it('tells a normalised text by its codes alone, as normalising it line by line would (isNormalised)', () => {
    // An oracle of its own: the lines split, each normalised by regular expressions, joined again.
    const normalised = (text: string, eol: string): string => {
      const paragraphs = text.split(/\r\n|\r|\n/u).map((line) => line.replace(/[ \t\f\v]{2,}|\t/gu, ' ').trim()).join('\n').split(/\n{2,}/u);
      const kept = paragraphs.map((paragraph) => paragraph.replace(/^\n+|\n+$/gu, '')).filter((paragraph) => paragraph !== '');
      return kept.length === 0 ? '' : kept.join('\n\n').replaceAll('\n', eol) + eol;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b c', ' ', '  ', '\t', '\f', '\u00a0', '\n', '\r', '\r\n', '\n\n', '.'), { maxLength: 24 }), fc.constantFrom('\n', '\r\n', '\r'), (parts, eol) => {
        const text = parts.join('');
        const expected = normalised(text, eol);
        expect(isNormalised(text, eol)).toBe(expected === text);
        expect(isNormalised(expected, eol)).toBe(true);
        expect(deleteSpans(text, [], eol)).toBe(expected);
      }),
    );
    expect(isNormalised('One.\n\nTwo.\n', '\n')).toBe(true);
    expect(isNormalised('One.\n\n\nTwo.\n', '\n')).toBe(false);
    expect(isNormalised('One.\nTwo.', '\n')).toBe(false);
    expect(isNormalised('One.\r\nTwo.\r\n', '\n')).toBe(false);
    expect(isNormalised('One. \u000bTwo.\n', '\n')).toBe(false);
    expect(isNormalised('', '\n')).toBe(true);
  });

  it('gives what joining the lines gives, normalised before or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Word', 'two words', ' ', '\t', '\n', '\r\n', '\n\n', '.'), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (parts, eol) => {
        const once = deleteSpans(parts.join(''), [], eol);
        expect(deleteSpans(once, [], eol)).toBe(once);
      }),
    );
  });
});

describe('clean: line endings and empty input', () => {
  it('returns nothing for empty input', () => {
    expect(clean('')).toEqual({ text: '', title: undefined, removals: [] });
  });

  it('returns nothing for white space only', () => {
    expect(clean(' \r\n\t\n ').text).toBe('');
  });

  it('keeps CRLF text in CRLF', () => {
    const text = 'Ferry returns\r\n\r\nThe ferry is back in service after six weeks of repairs.\r\n\r\nAdvertisement\r\n\r\nCommuters welcomed the ferry back on Monday morning.\r\n';
    const out = clean(text).text;
    expect(out).toBe('Ferry returns\r\n\r\nThe ferry is back in service after six weeks of repairs.\r\n\r\nCommuters welcomed the ferry back on Monday morning.\r\n');
  });

  it('keeps lone-CR text in CR', () => {
    const text = 'Ferry returns\r\rThe ferry is back in service after six weeks of repairs.\r\rAdvertisement\r\rCommuters welcomed the ferry back on Monday morning.';
    expect(clean(text).text).toBe('Ferry returns\r\rThe ferry is back in service after six weeks of repairs.\r\rCommuters welcomed the ferry back on Monday morning.\r');
  });

  it('writes mixed line endings in the style the text uses most', () => {
    const text = 'Ferry returns\r\n\r\nThe ferry is back in service.\nCommuters welcomed it.\r\n';
    expect(clean(text).text).toBe('Ferry returns\r\n\r\nThe ferry is back in service.\r\nCommuters welcomed it.\r\n');
  });

  it('reports removals with offsets into the input, so the input minus them is the output', () => {
    const text = 'Ferry returns\r\n\r\nShare this\r\n\r\nThe ferry is back in service after six weeks of repairs.\r\n';
    const { removals } = clean(text);
    expect(removals.map((r) => text.slice(r.span.start, r.span.end))).toEqual(['Share this']);
  });
});
