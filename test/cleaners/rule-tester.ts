/**
 * A small RuleTester after ESLint's: a rule's `valid` cases must come out of `clean` with nothing
 * removed, its `invalid` cases must lose exactly the listed texts, each reported by that rule. The
 * rule runs through `clean` with every other rule disabled, so what is checked is what users get.
 */
import { describe, expect, it } from 'vitest';
import { clean, RULE_IDS, type CleanOptions } from '../../src/index.js';

interface ValidCase {
  /** What the case shows; the test's name. */
  readonly name: string;
  readonly text: string;
  /** Options besides `disable`. */
  readonly options?: Omit<CleanOptions, 'disable'>;
}

interface InvalidCase extends ValidCase {
  /** The exact texts removed (the spans' text), in text order. */
  readonly removed: readonly string[];
  /** The exact texts of the removals' `related` spans, in the same order, when given. */
  readonly related?: readonly (string | undefined)[];
  /** A word each removal's reason must contain, when given. */
  readonly reason?: RegExp;
  /** The whole output, when given. */
  readonly output?: string;
}

export interface RuleTests {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

function run(rule: string, testCase: ValidCase) {
  const disable = RULE_IDS.filter((id) => id !== rule);
  return clean(testCase.text, { ...testCase.options, disable });
}

/** Registers the tests of one rule. */
export function ruleTester(rule: string, tests: RuleTests): void {
  describe(rule, () => {
    it('is a known rule', () => {
      expect(RULE_IDS).toContain(rule);
    });

    describe('valid (kept)', () => {
      for (const testCase of tests.valid) {
        it(testCase.name, () => {
          const result = run(rule, testCase);
          expect(result.removals.map((removal) => testCase.text.slice(removal.span.start, removal.span.end))).toEqual([]);
        });
      }
    });

    describe('invalid (removed)', () => {
      for (const testCase of tests.invalid) {
        it(testCase.name, () => {
          const result = run(rule, testCase);
          const slice = (span: { start: number; end: number } | undefined): string | undefined => (span ? testCase.text.slice(span.start, span.end) : undefined);
          expect(result.removals.map((removal) => slice(removal.span))).toEqual(testCase.removed);
          for (const removal of result.removals) {
            expect(removal.rule).toBe(rule);
            if (testCase.reason) expect(removal.reason).toMatch(testCase.reason);
          }
          if (testCase.related) expect(result.removals.map((removal) => slice(removal.related))).toEqual(testCase.related);
          if (testCase.output !== undefined) expect(result.text).toBe(testCase.output);
        });
      }
    });
  });
}
