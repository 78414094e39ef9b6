/**
 * Properties that hold for every input and every valid option set. A bounded number of runs by
 * default; set FUZZ_RUNS (e.g. `npm run fuzz`) for a long run, and FUZZ_SEED to replay one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, RULE_IDS, type CleanOptions, type CleanResult } from '../src/index.js';
import { articleText, cleanOptions, unicodeText } from './generators.js';

const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 0);
const FUZZ_SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);

/** Runs per property: the default keeps the file to a few seconds on two cores. */
function runs(base: number): fc.Parameters<unknown> {
  return { numRuns: FUZZ_RUNS > 0 ? FUZZ_RUNS : base, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) };
}

/** A long run gets more time than vitest's default per test. */
// A guard against a hang, not a timing: the machine may be shared and busy.
const TIMEOUT = FUZZ_RUNS > 0 ? 0 : 180_000;

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** The words of `text` as the library reads them: a soft hyphen ("coun\u00ADcil") breaks no word. */
function tokens(text: string): string[] {
  return text.replaceAll('\u00AD', '').match(WORD) ?? [];
}

function isSubsequence(small: readonly string[], big: readonly string[]): boolean {
  let j = 0;
  for (const item of small) {
    while (j < big.length && big[j] !== item) j++;
    if (j === big.length) return false;
    j++;
  }
  return true;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * The input with every removed span replaced by a space (a span of invisible characters, such as a
 * soft hyphen, by nothing: it held no words apart): what the output must hold, word for word.
 */
function withoutRemovals(text: string, result: CleanResult): string {
  let out = '';
  let cursor = 0;
  for (const { span } of result.removals) {
    const removed = text.slice(span.start, span.end);
    out += text.slice(cursor, span.start) + (/^\p{Cf}+$/u.test(removed) ? '' : ' ');
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** Every property but idempotence and determinism, for one input and its result. */
function checkResult(input: string, options: CleanOptions, result: CleanResult): void {
  const out = result.text;
  const inTokens = tokens(input);
  const outTokens = tokens(out);
  // The output's words are a subsequence of the input's.
  expect(isSubsequence(outTokens, inTokens)).toBe(true);
  // ...and exactly the words left once the reported removals are cut out.
  expect(outTokens).toEqual(tokens(withoutRemovals(input, result)));
  // Never longer, apart from the final line break (and line breaks normalised to the dominant
  // style: counted apart, other characters never grow and breaks grow by at most one).
  expect(out.replace(LINE_BREAK, '').length).toBeLessThanOrEqual(input.replace(LINE_BREAK, '').length);
  expect(lineBreaks(out)).toBeLessThanOrEqual(lineBreaks(input) + 1);
  if (!/\r/.test(input)) expect(out.length).toBeLessThanOrEqual(input.length + 1);
  // A non-empty output ends with exactly one line break, and has no line with stray white space.
  // One line-break style throughout; no blank line at either end or two in a row.
  expect(new Set(out.match(LINE_BREAK) ?? []).size).toBeLessThanOrEqual(1);
  if (out !== '') {
    const lines = out.split(LINE_BREAK);
    expect(lines.pop()).toBe('');
    expect(lines[0]).not.toBe('');
    expect(lines[lines.length - 1]).not.toBe('');
    lines.forEach((line, i) => {
      expect(line).toBe(line.trim());
      expect(line).not.toMatch(/ {2}|\t/);
      if (i > 0) expect(line === '' && lines[i - 1] === '').toBe(false);
    });
  }
  // Removals: in text order, non-overlapping, within bounds, from enabled known rules, explained.
  let previousEnd = 0;
  for (const removal of result.removals) {
    expect(removal.span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(removal.span.end).toBeGreaterThan(removal.span.start);
    expect(removal.span.end).toBeLessThanOrEqual(input.length);
    expect(RULE_IDS).toContain(removal.rule);
    expect(options.disable ?? []).not.toContain(removal.rule);
    expect(removal.reason.trim()).not.toBe('');
    if (removal.related) {
      expect(removal.related.start).toBeGreaterThanOrEqual(0);
      expect(removal.related.end).toBeLessThanOrEqual(input.length);
      expect(removal.related.end).toBeGreaterThan(removal.related.start);
    }
    previousEnd = removal.span.end;
  }
  // A detected headline is a line of the cleaned text (with bodyOnly, the one left out).
  if (result.title !== undefined && !options.bodyOnly) expect(out.split(LINE_BREAK)).toContain(result.title);
}

function checkAll(input: string, options: CleanOptions): void {
  const result = clean(input, options);
  checkResult(input, options, result);
  // Deterministic.
  expect(clean(input, options)).toEqual(result);
  if (options.bodyOnly && !(options.disable ?? []).includes('repeated-title')) {
    // Body only leaves out exactly the headline line (and the blank line after it), nothing more.
    // (The headline is left out by the repeated-title rule, so with that rule disabled it stays.)
    const full = clean(input, { ...options, bodyOnly: false });
    expect(result.title).toBe(full.title);
    const expected = full.title === undefined ? full.text : full.text.replace(/^[^\r\n]*(?:\r\n|\r|\n)(?:\r\n|\r|\n)?/, '');
    expect(result.text).toBe(expected);
  }
}

/**
 * Cleaning the output again changes nothing. With bodyOnly a second run would rightly drop the
 * next first line as a headline, so idempotence is stated without it.
 */
function checkIdempotent(input: string, options: CleanOptions): void {
  const settled = { ...options, bodyOnly: false };
  const once = clean(input, settled).text;
  expect(clean(once, settled).text).toBe(once);
}

describe('properties of clean()', () => {
  it('hold for arbitrary Unicode text, default options', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(unicodeText, (text) => checkAll(text, {})), runs(1000));
  });

  it('hold for arbitrary Unicode text and random options', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(unicodeText, cleanOptions, (text, options) => checkAll(text, options)), runs(1000));
  });

  it('hold for generated scraped articles, default options', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(articleText, (text) => checkAll(text, {})), runs(1000));
  });

  it('hold for generated scraped articles and random options', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(articleText, cleanOptions, (text, options) => checkAll(text, options)), runs(1000));
  });

  it('reject options out of range with a RangeError, and never anything else', { timeout: TIMEOUT }, () => {
    const bad = fc.oneof(
      fc.record({ similarity: fc.oneof(fc.double({ max: 0 }), fc.double({ min: 1, minExcluded: true }), fc.constant(Number.NaN)) }),
      fc.record({ minDuplicateWords: fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 1.01, max: 100, noInteger: true }), fc.constant(Number.NaN)) }),
      fc.record({ disable: fc.array(fc.string({ minLength: 1 }).filter((id) => !RULE_IDS.includes(id)), { minLength: 1, maxLength: 2 }) }),
    );
    fc.assert(
      fc.property(articleText, bad, (text, options: CleanOptions) => {
        expect(() => clean(text, options)).toThrow(RangeError);
      }),
      runs(100),
    );
  });
});

describe('idempotence: clean(clean(x).text).text === clean(x).text', () => {
  const anyText = fc.oneof(unicodeText, articleText);

  it('holds with repeated-title alone, for any text and options', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(anyText, cleanOptions, (text, options) => checkIdempotent(text, { ...options, disable: RULE_IDS.filter((id) => id !== 'repeated-title') })), runs(1500));
  });

  it('holds with every rule, for any text and options', { timeout: TIMEOUT }, () => {
    fc.assert(fc.property(anyText, cleanOptions, checkIdempotent), runs(600));
  });
});
