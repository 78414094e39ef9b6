/** The cleaners, in the order their removals take precedence when two overlap. */
import type { Cleaner } from '../core/cleaner.js';
import { corpusBoilerplate } from './corpus-boilerplate.js';
import { fragment } from './fragment.js';
import { nearDuplicate } from './near-duplicate.js';
import { outsideArticle } from './outside-article.js';
import { repeatedTitle } from './repeated-title.js';

/** Every cleaner, highest precedence first: a repeated headline is reported as such, not as a duplicate. */
export const CLEANERS: readonly Cleaner[] = [repeatedTitle, outsideArticle, nearDuplicate, fragment, corpusBoilerplate];

/** The rule ids, for option checking and help text. */
export const RULE_IDS: readonly string[] = CLEANERS.map((cleaner) => cleaner.meta.id);
