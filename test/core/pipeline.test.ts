/**
 * The pipeline reads the text again after removing what it found, until a reading finds nothing:
 * cleaning the output once more changes nothing. These are the texts where one reading was not
 * enough (found by the idempotence property), and what each removal then reports.
 */
import { describe, expect, it } from 'vitest';
import { clean, CLEANERS, createPipeline, DEFAULT_OPTIONS, RULE_IDS, type Cleaner } from '../../src/index.js';

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

/** A toy rule: removes every line that is exactly `word`; its option says which word. */
function lineRule(id: string, precedence: number, word: string, extra: Partial<Cleaner['meta']> = {}): Cleaner {
  return {
    meta: {
      id,
      description: `Removes lines reading "${word}".`,
      precedence,
      options: { [`${id}Word`]: { default: word, description: 'the word', expected: 'a word', isValid: (value): value is string => typeof value === 'string' && /^\w+$/u.test(value) } },
      ...extra,
    },
    check({ document, options }) {
      const target = options[`${id}Word`];
      return document.lines.filter((line) => line.text === target).map((line) => ({ reason: `reads ${String(target)}`, span: line.span }));
    },
  };
}

describe('a pipeline of the rules it is given', () => {
  const text = 'Headline of the text\n\nAlpha\n\nThe body of the text.\n';

  it('stamps each finding with the id of the rule that reported it', () => {
    const { removals } = createPipeline([lineRule('drop-alpha', 1, 'Alpha')]).clean(text);
    expect(removals).toEqual([{ rule: 'drop-alpha', reason: 'reads Alpha', span: { start: 22, end: 27 } }]);
  });

  it('orders rules by precedence, not by the order given: the higher one wins an overlap', () => {
    for (const [low, high] of [[1, 2], [2, 1]] as const) {
      const pipeline = createPipeline([lineRule('first', low, 'Alpha'), lineRule('second', high, 'Alpha')]);
      expect(pipeline.ruleIds).toEqual(low > high ? ['first', 'second'] : ['second', 'first']);
      expect(pipeline.clean(text).removals.map((removal) => removal.rule)).toEqual([pipeline.ruleIds[0]]);
    }
  });

  it('checks options from meta once: defaults, nested under the rule id or by name alone', () => {
    const pipeline = createPipeline([lineRule('drop', 1, 'Alpha')]);
    const body = 'Headline of the text\n\nBeta\n\nThe body of the text.\n';
    expect(pipeline.clean(body).removals).toEqual([]);
    expect(pipeline.clean(body, { rules: { drop: { dropWord: 'Beta' } } }).removals).toHaveLength(1);
    expect(pipeline.clean(body, { dropWord: 'Beta' }).removals).toHaveLength(1);
    expect(() => pipeline.clean(body, { dropWord: 'two words' })).toThrow(/dropWord must be a word, got two words/u);
    expect(() => pipeline.clean(body, { dropWord: 'Beta', rules: { drop: { dropWord: 'Beta' } } })).toThrow(/given twice/u);
    expect(() => pipeline.clean(body, { rules: { drop: { other: 1 } } })).toThrow(/unknown option of drop: other/u);
    expect(() => pipeline.clean(body, { dropWorld: 'Beta' })).toThrow(/unknown option: dropWorld/u);
    expect(() => pipeline.clean(body, { rules: { nope: {} } })).toThrow(/unknown rule: nope/u);
  });

  it('refuses two rules with one id, one precedence or one option name', () => {
    expect(() => createPipeline([lineRule('a', 1, 'Alpha'), lineRule('a', 2, 'Alpha')])).toThrow(/share an id or a precedence/u);
    expect(() => createPipeline([lineRule('a', 1, 'Alpha'), lineRule('b', 1, 'Alpha')])).toThrow(/share an id or a precedence/u);
    const clash = lineRule('b', 2, 'Alpha', { options: lineRule('a', 1, 'Alpha').meta.options });
    expect(() => createPipeline([lineRule('a', 1, 'Alpha'), clash])).toThrow(/option aWord of a is taken \(b\)/u);
  });

  it('a copy whose original another rule removes in the same reading stays, for a rule that removesCopies', () => {
    // "Beta" repeats "Alpha" (its related text); a rule without that flag keeps its findings whatever happens to the related text.
    const copies = (removesCopies: boolean): Cleaner => ({
      meta: { id: 'copies', description: 'Removes Beta as a copy of Alpha.', precedence: 2, options: {}, ...(removesCopies ? { removesCopies: true as const } : {}) },
      check: ({ document }) => {
        const alpha = document.lines.find((line) => line.text === 'Alpha');
        return document.lines.filter((line) => line.text === 'Beta' && alpha).map((line) => ({ reason: 'repeats Alpha', span: line.span, related: alpha!.span }));
      },
    });
    const copied = 'Headline of the text\n\nAlpha\n\nBeta\n\nThe body of the text.\n';
    const removed = (rules: Cleaner[]): string[] => createPipeline(rules).clean(copied).removals.map((removal) => `${removal.rule}: ${copied.slice(removal.span.start, removal.span.end)}`);
    expect(removed([copies(true)])).toEqual(['copies: Beta']);
    expect(removed([copies(true), lineRule('drop', 1, 'Alpha')])).toEqual(['drop: Alpha']);
    expect(removed([copies(false), lineRule('drop', 1, 'Alpha')])).toEqual(['drop: Alpha', 'copies: Beta']);
  });

  it('a rule is told what the rules of higher precedence claim in the reading: their accepted spans, in text order', () => {
    const seen: string[][] = [];
    const watcher: Cleaner = {
      meta: { id: 'watcher', description: 'Removes nothing; records what it was told.', precedence: 1, options: {} },
      check: ({ document, claimed }) => {
        seen.push(claimed.map((span) => document.text.slice(span.start, span.end)));
        return [];
      },
    };
    // "second" reports "Gamma" and "Alpha" (in that order: not sorted), and "Alpha" again, which
    // "first" takes: the watcher is told each span once, sorted.
    const second: Cleaner = {
      meta: { id: 'second', description: 'Removes Gamma, then Alpha.', precedence: 2, options: {} },
      check: ({ document }) => ['Gamma', 'Alpha'].flatMap((word) => document.lines.filter((line) => line.text === word).map((line) => ({ reason: word, span: line.span }))),
    };
    const input = 'Headline of the text\n\nAlpha\n\nThe body of the text.\n\nGamma\n';
    const result = createPipeline([watcher, second, lineRule('first', 3, 'Alpha')]).clean(input);
    expect(removedTexts(input, result)).toEqual(['Alpha', 'Gamma']);
    expect(result.removals.map((removal) => removal.rule)).toEqual(['first', 'second']);
    // Two readings: the second, of the text without them, finds nothing to claim.
    expect(seen).toEqual([['Alpha', 'Gamma'], []]);
  });

  it('bodyOnly leaves the headline out in the name of the rule that declares it, and keeps it without one', () => {
    const owner = lineRule('titles', 2, 'Alpha', { leavesOutHeadline: { reason: 'headline gone' } });
    const withOwner = createPipeline([owner, lineRule('other', 1, 'Gamma')]).clean(text, { bodyOnly: true });
    expect(withOwner.text).toBe('The body of the text.\n');
    expect(withOwner.removals.map(({ rule, reason }) => [rule, reason])).toEqual([['titles', 'headline gone'], ['titles', 'reads Alpha']]);
    const withoutOwner = createPipeline([lineRule('other', 1, 'Alpha')]).clean(text, { bodyOnly: true });
    expect(withoutOwner.text).toBe('Headline of the text\n\nThe body of the text.\n');
    expect(createPipeline([owner]).clean(text, { bodyOnly: true, disable: ['titles'] }).text).toBe(text);
  });

  it('the library wires its own rules, in the order of their precedence', () => {
    expect(RULE_IDS).toEqual(CLEANERS.map((rule) => rule.meta.id));
    const precedences = CLEANERS.map((rule) => rule.meta.precedence);
    expect(precedences).toEqual([...precedences].sort((a, b) => b - a));
    expect(RULE_IDS[0]).toBe('repeated-title');
  });

  it('the flat similarity and minDuplicateWords options are aliases of near-duplicate\'s', () => {
    const s1 = 'The union said talks with the rail operator had broken down on Wednesday evening without any new offer.';
    const input = `Rail strike\n\n${s1}\n\n${s1.replace('talks', 'negotiations')}\n`;
    for (const similarity of [0.5, 1]) {
      expect(clean(input, { similarity })).toEqual(clean(input, { rules: { 'near-duplicate': { similarity } } }));
    }
    expect(clean(input, { similarity: 1 }).removals).toEqual([]);
    expect(clean(input, { minDuplicateWords: 100 })).toEqual(clean(input, { rules: { 'near-duplicate': { minDuplicateWords: 100 } } }));
    expect(clean(input, { minDuplicateWords: 100 }).removals).toEqual([]);
    expect(DEFAULT_OPTIONS).toMatchObject({ similarity: 0.8, minDuplicateWords: 6, bodyOnly: false, disable: [] });
  });
});
