/**
 * Text made to make regular expressions backtrack or a pass go quadratic, at a chosen size: the
 * fast suite cleans it in the library (`hostile.test.ts`), the stress suite through the command at
 * ten times the size (`cli/scale.stress.test.ts`).
 */

/** Shapes of about `size` characters each, by name. */
export function hostileShapes(size: number): Record<string, string> {
  return {
    'a long run of dots': '.'.repeat(size),
    'dots with spaces': '. '.repeat(size / 2),
    'a.a.a.': 'a.'.repeat(size / 2),
    'A. B. C. initials': 'A. B. C. '.repeat(size / 9),
    'spaces and tabs': ' \t'.repeat(size / 2),
    'straight quotes': '"'.repeat(size / 2) + "'".repeat(size / 2),
    'curly quotes and ellipses': '“”‘’…'.repeat(size / 5),
    'nested brackets': '('.repeat(size / 2) + ')'.repeat(size / 2),
    'exclamation and question marks': '!?'.repeat(size / 2),
    'one word with no space': 'x'.repeat(size),
    'a word, a comma, repeated': 'word, '.repeat(size / 6),
    'dots on lines of their own': '.\n'.repeat(size / 2),
    'capitalised words, no punctuation': 'Breaking News Today '.repeat(size / 20),
    'a sentence that never ends': `The ${'very '.repeat(size / 5)}long sentence`,
    'URL-like text': 'http://a.b/c?d=e&f=g '.repeat(size / 21),
    // Long runs of white space inside a line (once quadratic in the headline's affix separator).
    'a long run of spaces between two words': `start${' '.repeat(size)}end`,
    'a long run of tabs between two words': `start${'\t'.repeat(size)}end`,
    'a long run of no-break spaces after a sentence': `A sentence.${'\u00a0'.repeat(size)}Another one.`,
  };
}

/** True when the words of `output` appear in `input` in the same order (the tool only deletes). */
export function wordsAreSubsequence(output: string, input: string): boolean {
  const words = output.split(/\s+/u).filter(Boolean);
  let at = 0;
  for (const word of words) {
    const found = input.indexOf(word, at);
    if (found === -1) return false;
    at = found + word.length;
  }
  return true;
}
