/**
 * `soft-hyphen`: pages mark where a long word may break at the end of a line with a soft hyphen
 * (U+00AD), which no reader sees: "Tau\u00ADsende" shows as "Tausende". Scraped text keeps the marks,
 * and a word that holds one no longer matches the same word typed without it (a search for
 * "Tausende", a quotation of the page, a copy of the text elsewhere). The rule deletes them; every
 * other rule already reads a word with soft hyphens as the word without them, so nothing else
 * changes. It has the lowest precedence: a soft hyphen inside a line that another rule removes goes
 * with that line and is not reported on its own.
 */
import type { Cleaner, NoOptions } from '../core/cleaner.js';
import type { Finding } from '../core/model.js';

/** A run of soft hyphens (one is the rule; a page that prints two in a row is no different). */
const SOFT_HYPHENS = /\u00AD+/gu;

/** The rule. */
export const softHyphen: Cleaner<NoOptions> = {
  meta: {
    id: 'soft-hyphen',
    description: 'Removes soft hyphens (U+00AD), the invisible marks of where a word may break.',
    precedence: 5,
    options: {},
  },
  check({ document }) {
    // Most texts hold none: one search, not a scan per line.
    if (!document.text.includes('\u00AD')) return [];
    const removals: Finding[] = [];
    for (const match of document.text.matchAll(SOFT_HYPHENS)) {
      removals.push({ reason: 'soft hyphen (an invisible mark of where a word may break)', span: { start: match.index, end: match.index + match[0].length } });
    }
    return removals;
  },
};
