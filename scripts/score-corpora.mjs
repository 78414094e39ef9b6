#!/usr/bin/env node
// The three dev corpora's F1, computed in one process with the shared scorer's metrics
// (../shared/bench/score.mjs): articles and pages by 4-word shingles of word tokens (per-document
// precision and recall averaged, F1 of the averages), web by trafilatura's snippets (a snippet is
// present when its white-space-normalised text is in the output). The scorer runs the command once
// per corpus; this calls the library's `clean()` on each text, a tenth of the time, which the
// constant sweep (scripts/sweep-constants.mjs) needs for its 236 variants. Same figures: at main,
// articles 0.9934, pages 0.9558, web 0.9017 here and 0.993, 0.956, 0.902 from the scorer.
//
//   node scripts/score-corpora.mjs [--module dist/index.js]    # prints {"articles":..,"pages":..,"web":..}
//
// Skips (exit 0, prints nothing) when ../shared is not there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFromSources } from './fresh-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpora = path.resolve(root, '..', 'shared', 'corpus');
if (!existsSync(corpora)) process.exit(0);
const at = process.argv.indexOf('--module');
if (at < 0) buildFromSources(root);
const module = path.resolve(at >= 0 ? process.argv[at + 1] : path.join(root, 'dist', 'index.js'));
const { clean } = await import(pathToFileURL(module).href);

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** 4-word shingles of the text's word tokens, counted (as the scorer makes them). */
function shingles(text) {
  const tokens = text.match(WORD) ?? [];
  const counts = new Map();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const key = tokens.slice(i, i + 4).join('\u0001');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The shares of true positives, false positives and false negatives of `output`'s shingles against `gold`'s. */
function shingleMatch(gold, output) {
  const g = shingles(gold);
  const p = shingles(output);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...g.keys(), ...p.keys()])) {
    const gc = g.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(gc, pc);
    fp += Math.max(0, pc - gc);
    fn += Math.max(0, gc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

const precisionOf = ([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recallOf = ([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const idsOf = (dir) => readdirSync(dir).filter((file) => file.endsWith('.raw.txt')).map((file) => file.slice(0, -8)).sort();

function shingleF1(corpus, bodyOnly) {
  const dir = path.join(corpora, corpus);
  const read = (id, kind) => readFileSync(path.join(dir, `${id}.${kind}`), 'utf8');
  const scored = idsOf(dir).map((id) => shingleMatch(read(id, 'gold.txt'), clean(read(id, 'raw.txt'), { bodyOnly }).text));
  const precision = mean(scored.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(scored.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return (2 * precision * recall) / (precision + recall);
}

function snippetF1() {
  const dir = path.join(corpora, 'web');
  const norm = (text) => text.replace(/\s+/g, ' ').trim();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const id of idsOf(dir)) {
    const snippets = JSON.parse(readFileSync(path.join(dir, `${id}.snippets.json`), 'utf8'));
    const output = norm(clean(readFileSync(path.join(dir, `${id}.raw.txt`), 'utf8'), { bodyOnly: true }).text);
    for (const snippet of snippets.with) if (output.includes(norm(snippet))) tp++; else fn++;
    for (const snippet of snippets.without) if (output.includes(norm(snippet))) fp++;
  }
  return (2 * tp) / (2 * tp + fp + fn);
}

console.log(JSON.stringify({ articles: shingleF1('articles', false), pages: shingleF1('pages', true), web: snippetF1() }));
