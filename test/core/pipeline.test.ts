/**
 * The pipeline reads the text again after removing what it found, until a reading finds nothing:
 * cleaning the output once more changes nothing. These are the texts where one reading was not
 * enough (found by the idempotence property), and what each removal then reports.
 */
import { describe, expect, it } from 'vitest';
import { clean, RULE_IDS } from '../../src/index.js';

const removedTexts = (text: string, result: ReturnType<typeof clean>): string[] => result.removals.map(({ span }) => text.slice(span.start, span.end));

describe('clean() reads the text until it settles', () => {
  it('a teaser exposed once the teaser after it is gone goes too ("…close… …would…")', () => {
    const text = 'Council approves new budget\n\nThe council said the vote was close… The mayor said the budget would…\n';
    const result = clean(text);
    expect(result.text).toBe('Council approves new budget\n');
    expect(removedTexts(text, result)).toEqual(['The council said the vote was close…', 'The mayor said the budget would…']);
    expect(result.removals.every((removal) => removal.rule === 'fragment')).toBe(true);
    expect(clean(result.text).text).toBe(result.text);
  });

  it('a sentence kept as one of three alike goes once a copy is removed and only two are left', () => {
    const text = 'The the\nThe the the with\nThe the the the. The the the with\nThe the the. The the the the.\n';
    const options = { disable: ['fragment'] };
    const result = clean(text, options);
    expect(clean(result.text, options).text).toBe(result.text);
    // Offsets of later readings are traced back to the input, and point at what they repeat.
    for (const removal of result.removals) {
      expect(removal.rule).toBe('near-duplicate');
      const removed = text.slice(removal.span.start, removal.span.end);
      expect(text.slice(removal.related!.start, removal.related!.end)).toBe(removed);
    }
    expect(removedTexts(text, result)).toEqual(['The the the with', 'The the the the.']);
  });

  it('with bodyOnly, the body is exactly what a full clean leaves under the headline', () => {
    const text = 'Council approves new budget\n\nThe council said the vote was close… The mayor said the budget would…\n\nThe council met on Tuesday and approved the budget for the harbour.\n';
    const full = clean(text);
    const body = clean(text, { bodyOnly: true });
    expect(body.title).toBe(full.title);
    expect(body.text).toBe(full.text.replace(/^.*\n\n/u, ''));
    expect(body.removals.find((removal) => removal.reason.includes('body only'))?.span).toEqual({ start: 0, end: 27 });
  });

  it('with every rule disabled only white space changes, in one reading', () => {
    const text = '  Council  approves\n\n\n\nthe budget.  ';
    expect(clean(text, { disable: [...RULE_IDS] })).toEqual({ text: 'Council approves\n\nthe budget.\n', title: 'Council approves', removals: [] });
  });
});
