/**
 * `repeated-title`: scrapers keep the headline from the page title, the `<h1>` and the share
 * card, so it stands two or three times, sometimes as "Headline - Site" or "Headline | Site".
 * The first copy stays; every later line that is a copy goes. (`--body-only` leaves the first
 * copy out too, once the text is clean: the pipeline does it in this rule's name, as
 * `meta.leavesOutHeadline` asks.)
 */
import type { Cleaner, NoOptions } from '../core/cleaner.js';
import type { Finding } from '../core/model.js';
import { headlineCopyTest } from '../core/title.js';

/** The rule. */
export const repeatedTitle: Cleaner<NoOptions> = {
  meta: {
    id: 'repeated-title',
    description: 'Removes later copies of the headline, with or without a site name attached.',
    precedence: 50,
    options: {},
    leavesOutHeadline: { reason: 'headline left out (body only)' },
  },
  check({ document, title, analysis }) {
    if (!title) return [];
    const removals: Finding[] = [];
    const isCopy = headlineCopyTest(title.text, analysis);
    for (const line of document.lines) {
      if (line.index <= title.line || !isCopy(line)) continue;
      removals.push({ reason: 'repeats the headline', span: line.span, related: title.span });
    }
    return removals;
  },
};
