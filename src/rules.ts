/**
 * The registry: every rule the library runs. A new rule is a file in `src/cleaners/` and one entry
 * here; its `meta` gives its place (precedence), its options and its help, which the pipeline and
 * the command line read from it.
 */
import type { Cleaner } from './core/cleaner.js';
import { corpusBoilerplate } from './cleaners/corpus-boilerplate.js';
import { fragment } from './cleaners/fragment.js';
import { nearDuplicate } from './cleaners/near-duplicate.js';
import { outsideArticle } from './cleaners/outside-article.js';
import { repeatedTitle } from './cleaners/repeated-title.js';
import { softHyphen } from './cleaners/soft-hyphen.js';

/** The library's rules (in any order: the pipeline orders them by `meta.precedence`). */
export const REGISTRY: readonly Cleaner[] = [repeatedTitle, outsideArticle, nearDuplicate, fragment, corpusBoilerplate, softHyphen];
