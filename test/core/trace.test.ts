import { describe, expect, it } from 'vitest';
import { deleteSpans } from '../../src/core/apply.js';
import type { Span } from '../../src/core/model.js';
import { spanOutside, traceSpans } from '../../src/core/trace.js';

/** The span of the first `needle` in `text`. */
function find(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start === -1) throw new Error(`"${needle}" is not in the text`);
  return { start, end: start + needle.length };
}

describe('traceSpans', () => {
  const source = 'Harbour   news\n\n\nThe quay opens. Read more… The mayor came.\n  A band played.  \n';
  const deleted = [find(source, 'Read more…')];
  const derived = deleteSpans(source, deleted, '\n');

  it('maps spans of the cleaned text onto the same words of the source', () => {
    expect(derived).toBe('Harbour news\n\nThe quay opens. The mayor came.\nA band played.\n');
    const asked = ['The mayor came.', 'A band played.', 'Harbour news', 'opens.'].map((text) => find(derived, text));
    const traced = traceSpans(source, deleted, derived, asked);
    expect(traced.map((span) => span && source.slice(span.start, span.end))).toEqual(['The mayor came.', 'A band played.', 'Harbour   news', 'opens.']);
  });

  it('trims a span to its first and last non-space characters, and gives undefined for white space alone', () => {
    const around = { start: derived.indexOf('\n\nThe quay'), end: derived.indexOf('quay') + 3 };
    const traced = traceSpans(source, deleted, derived, [around, { start: around.start, end: around.start + 2 }]);
    expect(source.slice(traced[0]!.start, traced[0]!.end)).toBe('The qua');
    expect(traced[1]).toBeUndefined();
  });

  it('a span across a deleted part covers it in the source', () => {
    const traced = traceSpans(source, deleted, derived, [find(derived, 'opens. The')])[0]!;
    expect(source.slice(traced.start, traced.end)).toBe('opens. Read more… The');
  });

  it('works when nothing was deleted and only white space changed', () => {
    const text = '  One  two\r\n\r\n\r\nthree ';
    const normalised = deleteSpans(text, [], '\r\n');
    const traced = traceSpans(text, [], normalised, [find(normalised, 'three'), find(normalised, 'One two')]);
    expect(traced.map((span) => span && text.slice(span.start, span.end))).toEqual(['three', 'One  two']);
  });
});

describe('spanOutside', () => {
  const text = 'Alpha beta. Gamma delta. Epsilon.';

  it('cuts a span around deleted parts and trims each part', () => {
    const parts = spanOutside(text, { start: 0, end: text.length }, [find(text, 'Gamma delta.')]);
    expect(parts.map((span) => text.slice(span.start, span.end))).toEqual(['Alpha beta.', 'Epsilon.']);
  });

  it('leaves out parts with nothing but white space, and a span inside a deleted one entirely', () => {
    expect(spanOutside(text, find(text, 'beta. Gamma'), [find(text, 'beta.'), find(text, 'Gamma')])).toEqual([]);
    expect(spanOutside(text, find(text, 'delta'), [find(text, 'Gamma delta.')])).toEqual([]);
  });

  it('returns the span itself when nothing in it was deleted', () => {
    expect(spanOutside(text, find(text, 'Epsilon.'), [find(text, 'Alpha')])).toEqual([find(text, 'Epsilon.')]);
  });
});
