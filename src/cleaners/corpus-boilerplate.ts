/**
 * `corpus-boilerplate`: lines that recur across many documents of a corpus (a site's footer, its
 * "Most read" block, a newsletter pitch) are boilerplate even when each looks fine on its own.
 * One document cannot tell; the corpus can. The work is split in two so that it also runs sharded:
 *
 * 1. every document gives the keys of its candidate lines ({@link documentLineKeys}); whoever
 *    reads the corpus counts, per key, the documents it occurs in, and sums counts across shards;
 * 2. the keys found in enough documents are passed to {@link clean} as
 *    `CleanOptions.corpusBoilerplate`, and this rule removes every line with such a key.
 *
 * The library does no I/O: counting, merging and storing the counts is the caller's (the CLI's
 * `count-lines` and `merge-counts`). Only whole, short-ish lines are candidates: prose sentences
 * are left alone, since syndicated articles share whole paragraphs across documents, and those
 * are content, not boilerplate.
 */
import type { Cleaner } from '../core/cleaner.js';
import type { Finding } from '../core/model.js';
import { comparisonKey, exceedsWords } from '../core/text.js';

/** The longest line, in words, that can be corpus boilerplate. */
export const MAX_BOILERPLATE_LINE_WORDS = 20;

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The corpus key of one line: a 64-bit hash (16 hex digits) of its comparison key (Unicode forms
 * folded, case folded, punctuation and spacing ignored), or `undefined` when the line is not a
 * candidate (no words, or longer than {@link MAX_BOILERPLATE_LINE_WORDS} words).
 */
export function lineKey(line: string): string | undefined {
  if (exceedsWords(line, MAX_BOILERPLATE_LINE_WORDS)) return undefined;
  const key = comparisonKey(line);
  return key === '' ? undefined : hash64(key);
}

/**
 * The distinct keys ({@link lineKey}) of the candidate lines of a document: what phase 1 counts.
 * A line that occurs twice in one document counts once, so a count is a number of documents.
 */
export function documentLineKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split(LINE_BREAK)) {
    // Lines are trimmed as the parser trims them (String#trim and /\s/ share one definition).
    const key = lineKey(line.trim());
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** The options of {@link corpusBoilerplate}. */
type CorpusBoilerplateOptions = {
  /** Line keys known to recur across the corpus, each with the number of documents it is in. */
  readonly corpusBoilerplate: ReadonlyMap<string, number>;
};

/** The rule: removes every line whose key is in `options.corpusBoilerplate`. */
export const corpusBoilerplate: Cleaner<CorpusBoilerplateOptions> = {
  meta: {
    id: 'corpus-boilerplate',
    description: 'Removes lines that recur across many documents of a corpus (given as counts of line keys).',
    precedence: 10,
    options: {
      corpusBoilerplate: {
        default: new Map<string, number>(),
        description: 'lines known to recur across many documents: their keys (lineKey, documentLineKeys), each with the number of documents it was found in; counting is the caller\'s job (the command\'s count-lines)',
        expected: 'a Map (or any ReadonlyMap, such as the command\'s table of a counts file) of line keys to document counts',
        // Any ReadonlyMap: the command hands over a sorted table of millions of keys, not a Map.
        isValid: (value): value is ReadonlyMap<string, number> => value instanceof Map || isReadonlyMap(value),
      },
    },
  },
  check({ document, options }) {
    const known = options.corpusBoilerplate;
    if (known.size === 0) return [];
    const removals: Finding[] = [];
    for (const line of document.lines) {
      const key = lineKey(line.text);
      const documents = key === undefined ? undefined : known.get(key);
      if (documents === undefined) continue;
      removals.push({ reason: `line found in ${documents} documents of the corpus`, span: line.span });
    }
    return removals;
  },
};

/** True for an object with the `get` and `size` of a `ReadonlyMap`, which is all the rule reads. */
function isReadonlyMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { readonly get?: unknown; readonly size?: unknown };
  return typeof candidate.get === 'function' && typeof candidate.size === 'number';
}

/**
 * A 64-bit string hash (cyrb53's mixing, both 32-bit halves kept). Pure JavaScript so that the
 * library stays free of `node:crypto`; 64 bits make a collision between a rare line and one of
 * the few boilerplate keys practically impossible.
 */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h2) + hex32(h1);
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
