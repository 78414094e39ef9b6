/**
 * Text made to make regular expressions backtrack, 200 KB of each shape, cleaned in the library:
 * a pass that backtracks catastrophically or goes quadratic would not finish within the test's
 * limit at this size (the stress suite runs the same shapes through the command at 2 MB). Nothing
 * is timed beyond that limit.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { hostileShapes, wordsAreSubsequence } from './hostile-text.js';

describe('clean() on text made to make patterns backtrack', () => {
  for (const [name, text] of Object.entries(hostileShapes(200_000))) {
    for (const bodyOnly of [false, true]) {
      it(`${name}${bodyOnly ? ' (body only)' : ''}`, () => {
        const { text: output } = clean(text, { bodyOnly });
        expect(output.length).toBeLessThanOrEqual(text.length + 1);
        expect(wordsAreSubsequence(output, text)).toBe(true);
      });
    }
  }
});
