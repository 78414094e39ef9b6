/**
 * Big and hostile inputs (issue 5), a stress case (`npm run test:stress`): one very long line, a
 * million one-word lines, and text made to make regular expressions backtrack (2 MB each; the fast
 * suite cleans the same shapes at 200 KB in the library, `hostile.test.ts`). The tests assert that the command finishes without a crash
 * and that its output is made of the input's words; they time nothing (timing belongs in
 * `npm run bench:speed`). An input handled in quadratic time would not finish at these sizes
 * before the generous per-test limit, and one with catastrophic backtracking never would.
 *
 * The 200 MB lines are the sizes the command promises to handle (about a minute and 2.7 GB for
 * the line of sentences). `CLEAN_ARTICLE_BIG=1` makes the backtracking shapes ten times larger
 * (20 MB) for a longer run by hand.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileShapes, wordsAreSubsequence } from '../hostile-text.js';
import { expectNoTrace, runCli, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();
const BIG = process.env['CLEAN_ARTICLE_BIG'] === '1';
const MB = 1_000_000;

/**
 * How long one run may take before it is killed: far above the few seconds each takes alone, so a
 * busy machine does not fail them, and far below the hours a quadratic run would need.
 */
const LIMIT = 600_000;

/** Runs the command on `text` written to a file, and checks that it ended well. */
async function cleanFile(text: string, timeoutMs: number): Promise<string> {
  const folder = temporary();
  const file = path.join(folder, 'input.txt');
  writeFileSync(file, text);
  const result = await runCli(['input.txt'], { cwd: folder, timeoutMs });
  expect(result.signal, 'killed: did not finish in time').toBeNull();
  expectNoTrace(result.stderr);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout.length).toBeLessThanOrEqual(text.length + 1);
  return result.stdout;
}

/** About `bytes` of sentences on one line, each different (about 70 bytes each). */
function sentenceLine(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const sentence = `The board met on day ${n} and agreed to plan ${n * 3} for the harbour. `;
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join('');
}

describe('very large inputs', () => {
  it('a single 200 MB line of sentences', async () => {
    const text = sentenceLine(200 * MB);
    const output = await cleanFile(text, LIMIT);
    expect(output.length).toBeGreaterThan(0);
    expect(wordsAreSubsequence(output.slice(0, 100_000), text)).toBe(true);
  }, LIMIT + 10_000);

  it('a 20 MB line of sentences each said twice: every repeat removed, in linear time', async () => {
    // Each repeat is a match whose exceptions look at its line: once per match, a look at the
    // whole line made this quadratic (minutes for 5 MB).
    const once = sentenceLine(10 * MB).split(/(?<=\. )/u);
    const text = once.flatMap((sentence) => [sentence, sentence]).join('');
    const output = await cleanFile(text, LIMIT);
    expect(output).toBe(`${once.join('').trim()}\n`);
  }, LIMIT + 10_000);

  it('a 5 MB line where each sentence is followed by a copy of the end of the one before: every copy removed, in linear time', async () => {
    // Each copy is found as the end of an earlier sentence glued after a sentence of its own (a
    // lower-case start hides the boundary): the search for the longest end of a sentence inside
    // a candidate must stay a few linear searches per candidate.
    const once = sentenceLine(5 * MB).trim().split(/(?<=\.) /u);
    const end = (sentence: string): string => sentence.slice(sentence.indexOf('agreed'));
    const text = once.map((sentence, i) => (i === 0 ? sentence : `${sentence} ${end(once[i - 1]!)}`)).join(' ');
    const output = await cleanFile(text, LIMIT);
    expect(output).toBe(`${once.join(' ')}\n`);
  }, LIMIT + 10_000);

  it('a single 200 MB line of words without punctuation', async () => {
    const words: string[] = [];
    const size = 200 * MB;
    for (let i = 0, length = 0; length < size; i++) {
      const word = `w${(i % 5000).toString(36)}`;
      words.push(word);
      length += word.length + 1;
    }
    const text = words.join(' ');
    const output = await cleanFile(text, LIMIT);
    expect(wordsAreSubsequence(output.slice(0, 100_000), text)).toBe(true);
  }, LIMIT + 10_000);

  it('a million one-word lines, all different and all the same', async () => {
    const different = `${Array.from({ length: 1_000_000 }, (_, i) => `w${i.toString(36)}`).join('\n')}\n`;
    const out = await cleanFile(different, LIMIT);
    expect(wordsAreSubsequence(out, different)).toBe(true);
    const same = 'word\n'.repeat(1_000_000);
    const sameOut = await cleanFile(same, LIMIT);
    expect(sameOut.split('\n').filter(Boolean).every((line) => line === 'word')).toBe(true);
  }, 2 * LIMIT + 10_000);
});

describe('text made to make regular expressions backtrack', () => {
  for (const [name, text] of Object.entries(hostileShapes((BIG ? 20 : 2) * MB))) {
    it(name, async () => {
      const output = await cleanFile(text, LIMIT);
      expect(wordsAreSubsequence(output, text)).toBe(true);
    }, LIMIT + 10_000);
  }
});
