#!/usr/bin/env node
// Near-duplicate benchmark on text the rules were not tuned on. It takes clean article bodies
// (the gold of one half of ../shared/corpus/articles, chosen by the parity of the id's place in
// sorted order), injects copies of their own sentences of every kind the shared README names,
// plus the kinds of issue 14, and writes a corpus in the articles' format (raw, gold, labels),
// which the shared scorer then reads as it reads the dev articles:
//
//   exact      the sentence again, word for word
//   surface    spacing doubled, the final period dropped, or the quotes' style changed
//   spun       two neighbouring words swapped, or a common word put in another's place
//   edit       one word inserted (taken from elsewhere in the text) or dropped
//   prefix     the start of the sentence, cut at a word, no end punctuation
//   substring  its end (with the end punctuation) or a run of its middle words (without)
//   number     the sentence with one of its numbers left out
//
// Each copy goes after a later paragraph as a paragraph of its own, or at the end of a later
// paragraph. One document in five gets no copy at all ("clean documents untouched").
//
//   node scripts/near-dup-corpus.mjs                      # half 1, seed 1: generate and score
//   node scripts/near-dup-corpus.mjs --half 0 --seed 7    # the other half, another draw
//   node scripts/near-dup-corpus.mjs --out DIR            # only write the corpus to DIR
//   node scripts/near-dup-corpus.mjs --failures 40        # passed on to the scorer
//
// Scoring runs the built command (npm run build first). Skips (exit 0) without ../shared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const source = path.join(shared, 'corpus', 'articles');
const scorer = path.join(shared, 'bench', 'score.mjs');

const KINDS = ['exact', 'surface', 'spun', 'edit', 'prefix', 'substring', 'number'];

/** Copies injected per document with copies, at most. */
const COPIES_PER_DOCUMENT = 5;

/** Fewest words of a sentence that is copied; of a prefix or substring copy. */
const MIN_ORIGINAL_WORDS = 8;
const MIN_PART_WORDS = 6;

/** Common words and a word that can stand in for each (for the spun kind). */
const SYNONYMS = new Map(Object.entries({
  also: 'additionally', said: 'stated', says: 'states', big: 'large', large: 'big', small: 'little', many: 'numerous',
  often: 'frequently', help: 'assist', start: 'begin', started: 'began', show: 'demonstrate', shows: 'demonstrates',
  important: 'significant', new: 'fresh', old: 'aged', fast: 'quick', quickly: 'rapidly', buy: 'purchase',
  bought: 'purchased', get: 'obtain', got: 'obtained', use: 'utilise', used: 'utilised', need: 'require',
  needs: 'requires', about: 'regarding', before: 'prior to', after: 'following', because: 'since', but: 'yet',
  very: 'highly', most: 'majority of', people: 'individuals', children: 'kids', company: 'firm', car: 'vehicle',
  house: 'home', city: 'town', job: 'position', end: 'finish', ended: 'finished', make: 'create', made: 'created',
  think: 'believe', thinks: 'believes', told: 'informed', asked: 'questioned', found: 'discovered', hard: 'difficult',
  easy: 'simple', enough: 'sufficient', almost: 'nearly', maybe: 'perhaps', likely: 'probably', whole: 'entire',
}));

const args = parseArgs(process.argv.slice(2));
main();

function main() {
  if (!existsSync(source) || !existsSync(scorer)) {
    console.log(`near-dup corpus skipped: ${source} or ${scorer} not found`);
    return;
  }
  const half = Number(args.half ?? 1);
  const seed = Number(args.seed ?? 1);
  const out = args.out ?? mkdtempSync(path.join(os.tmpdir(), 'near-dup-corpus-'));
  mkdirSync(out, { recursive: true });
  const ids = readdirSync(source).filter((file) => file.endsWith('.gold.txt')).map((file) => file.slice(0, -9)).sort();
  const chosen = ids.filter((_, i) => i % 2 === half);
  const random = mulberry32(seed);
  const injected = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  for (const id of chosen) {
    const gold = readFileSync(path.join(source, `${id}.gold.txt`), 'utf8');
    const document = inject(gold, random, injected);
    writeFileSync(path.join(out, `${id}.gold.txt`), gold);
    writeFileSync(path.join(out, `${id}.raw.txt`), document.raw);
    writeFileSync(path.join(out, `${id}.labels.json`), JSON.stringify({ clean: document.clean, units: document.units }));
  }
  console.log(`near-dup corpus: half ${half}, seed ${seed}, ${chosen.length} documents in ${out}; copies injected: ${KINDS.map((kind) => `${kind} ${injected[kind]}`).join(', ')}`);
  if (args.out) return;
  const command = `node ${JSON.stringify(path.join(root, 'bin', 'clean-article.js'))}`;
  const extra = args.failures ? ['--failures', args.failures] : [];
  const result = spawnSync(process.execPath, [scorer, '--corpus', out, '--batch', '--cmd', command, ...extra], { stdio: 'inherit' });
  rmSync(out, { recursive: true, force: true });
  process.exitCode = result.status ?? 1;
}

/**
 * The gold text with copies injected: `{raw, clean, units}`, units in the articles' labels
 * format (the headline, each body sentence, each copy and its original sharing a group).
 */
function inject(gold, random, injected) {
  const [headline, ...rest] = gold.trimEnd().split(/\n\n+/);
  // Paragraphs of sentences; a paragraph's lines are kept as they are (joined back by "\n").
  const paragraphs = rest.map((text) => text.split('\n').map((line) => splitSentences(line).map((sentence) => ({ text: sentence }))));
  const clean = random() < 0.2;
  let copies = 0;
  if (!clean) {
    const sentences = [];
    paragraphs.forEach((lines, p) => lines.forEach((line) => line.forEach((sentence) => sentences.push({ sentence, p }))));
    const candidates = shuffle(sentences.filter(({ sentence }) => wordsOf(sentence.text).length >= MIN_ORIGINAL_WORDS), random);
    const vocabulary = [...new Set(wordsOf(rest.join(' ')).filter((word) => /^\p{Ll}{4,}$/u.test(word)))];
    const additions = paragraphs.map(() => ({ glued: [], after: [] }));
    let turn = Math.floor(random() * KINDS.length);
    for (const { sentence, p } of candidates) {
      if (copies === COPIES_PER_DOCUMENT) break;
      const kind = KINDS[turn % KINDS.length];
      const text = copyOf(kind, sentence.text, random, vocabulary);
      if (text === undefined) continue;
      turn++;
      copies++;
      injected[kind]++;
      const group = `d${copies}`;
      sentence.group = group;
      const at = p + Math.floor(random() * (paragraphs.length - p));
      const copy = { text, label: `near-dup-${kind}`, group };
      (random() < 0.5 ? additions[at].glued : additions[at].after).push(copy);
    }
    // A glued copy ends its paragraph's last line; the others follow the paragraph, one paragraph each.
    const withCopies = [];
    paragraphs.forEach((lines, p) => {
      lines[lines.length - 1].push(...additions[p].glued);
      withCopies.push(lines, ...additions[p].after.map((copy) => [[copy]]));
    });
    paragraphs.splice(0, paragraphs.length, ...withCopies);
  }
  let raw = '';
  const units = [];
  const unit = (text, label, group) => {
    units.push({ start: raw.length, end: raw.length + text.length, label, ...(group ? { group } : {}) });
    raw += text;
  };
  unit(headline, 'title', 't');
  for (const lines of paragraphs) {
    raw += '\n\n';
    lines.forEach((line, i) => {
      if (i > 0) raw += '\n';
      line.forEach((sentence, j) => {
        if (j > 0) raw += ' ';
        unit(sentence.text, sentence.label ?? (sentence.group ? 'body-original' : 'body'), sentence.group);
      });
    });
  }
  raw += '\n';
  return { raw, clean: copies === 0, units };
}

/** The copy of `text` of the given kind, or undefined when the sentence does not allow it. */
function copyOf(kind, text, random, vocabulary) {
  const words = text.split(' ').filter((word) => word !== '');
  const pick = (from, to) => from + Math.floor(random() * (to - from));
  switch (kind) {
    case 'exact':
      return text;
    case 'surface': {
      const changes = [
        () => words.join('  '),
        () => (/[.!?]$/u.test(text) ? text.slice(0, -1) : undefined),
        () => (/[“”‘’]/u.test(text) ? text.replace(/[“”]/gu, '"').replace(/[‘’]/gu, "'") : /["']/u.test(text) ? text.replace(/"/gu, '“').replace(/'/gu, '’') : undefined),
      ];
      const order = shuffle(changes, random);
      for (const change of order) {
        const changed = change();
        if (changed !== undefined && changed !== text) return changed;
      }
      return undefined;
    }
    case 'spun': {
      const swaps = words.map((word, i) => [i, SYNONYMS.get(word.toLowerCase())]).filter(([, synonym]) => synonym);
      if (swaps.length > 0 && random() < 0.5) {
        const [i, synonym] = swaps[pick(0, swaps.length)];
        // Written as the word it replaces was: "After" -> "Following".
        const cased = /^\p{Lu}/u.test(words[i]) ? synonym[0].toUpperCase() + synonym.slice(1) : synonym;
        return [...words.slice(0, i), cased, ...words.slice(i + 1)].join(' ');
      }
      const i = pick(1, words.length - 2);
      return [...words.slice(0, i), words[i + 1], words[i], ...words.slice(i + 2)].join(' ');
    }
    case 'edit': {
      const i = pick(1, words.length - 1);
      if (random() < 0.5 && vocabulary.length > 0) return [...words.slice(0, i), vocabulary[pick(0, vocabulary.length)], ...words.slice(i)].join(' ');
      return [...words.slice(0, i), ...words.slice(i + 1)].join(' ');
    }
    case 'prefix': {
      const cut = pick(Math.max(MIN_PART_WORDS, Math.floor(words.length * 0.3)), Math.max(MIN_PART_WORDS + 1, Math.floor(words.length * 0.75)));
      if (cut >= words.length - 1) return undefined;
      return words.slice(0, cut).join(' ').replace(/[,;:]$/u, '');
    }
    case 'substring': {
      if (words.length < MIN_PART_WORDS + 2) return undefined;
      const from = pick(2, Math.max(3, words.length - MIN_PART_WORDS + 1));
      const toEnd = random() < 0.5;
      const to = toEnd ? words.length : pick(from + MIN_PART_WORDS, words.length);
      if (to - from < MIN_PART_WORDS) return undefined;
      return words.slice(from, to).join(' ').replace(toEnd ? /^$/u : /[,;:]$/u, '');
    }
    case 'number': {
      const numbers = words.map((word, i) => [i, word]).filter(([i, word]) => i > 0 && /\d/u.test(word));
      if (numbers.length === 0) return undefined;
      const [i] = numbers[pick(0, numbers.length)];
      return [...words.slice(0, i), ...words.slice(i + 1)].join(' ');
    }
  }
  return undefined;
}

/** A line's sentences, as a naive splitter cuts them: after . ! ? and a space before a capital. */
function splitSentences(line) {
  return line.split(/(?<=[.!?]["'”’)]*)\s+(?=["'“‘(]?\p{Lu})/u).filter((sentence) => sentence.trim() !== '');
}

function wordsOf(text) {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shuffle(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) parsed[argv[i].replace(/^--/u, '')] = argv[++i];
  return parsed;
}
