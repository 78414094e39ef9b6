/**
 * The raw texts of the three corpora of `../shared/corpus` (articles, pages, web), in name order:
 * what the scripts that compare two builds clean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The `*.raw.txt` files of `corpus`'s three sets, read, set by set in name order. */
export function rawCorpusTexts(corpus) {
  const texts = [];
  for (const set of ['articles', 'pages', 'web']) {
    const folder = path.join(corpus, set);
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.raw.txt')).sort()) texts.push(readFileSync(path.join(folder, name), 'utf8'));
  }
  return texts;
}
