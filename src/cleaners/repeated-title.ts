/**
 * `repeated-title`: scrapers keep the headline from the page title, the `<h1>` and the share
 * card, so it stands two or three times, sometimes as "Headline - Site" or "Headline | Site".
 * The first copy stays; every later line that is a copy goes. (`--body-only` leaves the first
 * copy out too, once the text is clean: see the pipeline.)
 */
import type { Cleaner } from '../core/cleaner.js';
import type { Removal } from '../core/model.js';
import { headlineCopyTest } from '../core/title.js';

/** The rule. */
export const repeatedTitle: Cleaner = {
  meta: {
    id: 'repeated-title',
    description: 'Removes later copies of the headline, with or without a site name attached.',
  },
  check({ document, title, analysis }) {
    if (!title) return [];
    const removals: Removal[] = [];
    const isCopy = headlineCopyTest(title.text, analysis);
    for (const line of document.lines) {
      if (line.index <= title.line || !isCopy(line)) continue;
      removals.push({ rule: this.meta.id, reason: 'repeats the headline', span: line.span, related: title.span });
    }
    return removals;
  },
};
