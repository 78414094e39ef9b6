/**
 * The corpus of `npm run bench:dedup`: documents with known duplicates, made from real text.
 *
 * Originals are the shared corpora's raw files (`../shared/corpus/articles` and `web`), cleaned
 * with the built library as `clean-article` would (dedup compares cleaned text); when
 * `../shared` is missing, synthetic articles instead, and the caller says so. Every original of
 * 50 words or more gets copies of each kind below; every copy and its original form a family, and
 * a pair of documents is a duplicate exactly when both are of one family.
 *
 *   exact          the same text
 *   reformatted    the same words, re-wrapped at 60 characters, CRLF line endings, upper case
 *   changed-5/10/20  that share of the words changed at random places: 80% replaced by a word
 *                  drawn from the whole corpus (frequent words more often), 10% deleted, 10% with a
 *                  word inserted after them
 *   reordered      the paragraphs shuffled (originals of three paragraphs or more)
 *   header-footer  1-6 short lines (6 words and 40 characters at most) before and 1-6 after,
 *                  from the top and the bottom of a real page dump (menus, "Sign in", copyright)
 *
 * Hard negatives, which must never be joined to the original:
 *
 *   follow-up      a distinct document on the same subject: the original's first 30% of words
 *                  (whole sentences: the lead a follow-up story or a rewrite re-uses), then runs
 *                  of sentences from the middle of the originals nearest to it (most content
 *                  words shared), at most 20% of its length from each, up to the original's length
 *   the originals themselves: distinct pages, many of one site (same menus and footers), the
 *                  nearest of which share a subject (two press releases of one company)
 *
 * Two originals that turn out to be copies of each other (a press release syndicated on two
 * sites: 3-word-shingle Jaccard >= 0.4, counted exactly here) are one family, and are listed.
 * The page dumps of `pages/` hold the same articles as `articles/`: each, cleaned, is a
 * "same article, other page" copy of its article (a real near duplicate, without a target).
 *
 * Everything is seeded: every run builds the same corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from './prng.mjs';

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
const words = (text) => text.toLowerCase().match(WORD) ?? [];

/** The kinds of copies, with the recall target each is held to (undefined: reported only). */
export const COPY_KINDS = {
  exact: 0.98,
  reformatted: 0.98,
  'changed-5': 0.98,
  'changed-10': 0.98,
  'changed-20': 0.9,
  reordered: 0.98,
  'header-footer': 0.98,
  'other-page': undefined,
  syndicated: undefined,
};

/** Jaccard similarity of two sets. */
function jaccard(a, b) {
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

function shingleSet(text, size) {
  const list = words(text);
  const set = new Set();
  for (let i = 0; i + size <= Math.max(list.length, size); i++) set.add(list.slice(i, i + size).join(' '));
  return set;
}

/**
 * Builds the corpus. `clean` is the library's function (from dist/); `shared` the folder of the
 * shared corpora. Returns `{ source, documents, families, syndicated }`: documents in corpus
 * order `{ id, text, family, kind }` (kind `original`, a copy kind, or `follow-up`).
 */
export function buildCorpus({ clean, shared, seed = 20250117 }) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const real = existsSync(path.join(shared, 'corpus/articles')) && existsSync(path.join(shared, 'corpus/web'));
  const { originals, twins, chrome } = real ? realOriginals(clean, shared) : syntheticOriginals(mulberry32(seed + 1));

  // Originals that are copies of an earlier one join its family.
  const familyOf = originals.map((_, i) => `o${i}`);
  const syndicated = [];
  const sets = originals.map((original) => shingleSet(original.text, 3));
  for (let i = 0; i < originals.length; i++) {
    for (let j = 0; j < i; j++) {
      if (familyOf[j] !== `o${j}`) continue;
      const similarity = jaccard(sets[i], sets[j]);
      if (similarity >= 0.4) {
        familyOf[i] = familyOf[j];
        syndicated.push({ a: originals[j].name, b: originals[i].name, similarity });
        break;
      }
    }
  }

  const pool = originals.flatMap((original) => words(original.text));
  const documents = [];
  const add = (text, family, kind, name) => documents.push({ id: `${kind}:${name}`, text, family, kind });
  originals.forEach((original, i) => add(original.text, familyOf[i], familyOf[i] === `o${i}` ? 'original' : 'syndicated', original.name));
  for (const twin of twins) add(twin.text, familyOf[twin.of], 'other-page', originals[twin.of].name);

  const eligible = originals.map((_, i) => i).filter((i) => familyOf[i] === `o${i}` && words(originals[i].text).length >= 50);
  const contentSets = originals.map((original) => new Set(words(original.text).filter((word) => word.length > 3)));
  for (const i of eligible) {
    const { text, name } = originals[i];
    const family = familyOf[i];
    add(text, family, 'exact', name);
    add(reformat(text), family, 'reformatted', name);
    for (const share of [5, 10, 20]) add(changeWords(text, share / 100, random, pool), family, `changed-${share}`, name);
    const paragraphs = text.split(/\n\s*\n/u);
    if (paragraphs.length >= 3) add(shuffle(paragraphs, random).join('\n\n'), family, 'reordered', name);
    add(withHeaderFooter(text, pick(chrome), random), family, 'header-footer', name);
    const closeness = new Map(eligible.map((j) => [j, jaccard(contentSets[i], contentSets[j])]));
    const nearest = eligible.filter((j) => j !== i).sort((a, b) => closeness.get(b) - closeness.get(a));
    add(followUp(text, nearest.map((j) => originals[j].text), random), `f${i}`, 'follow-up', name);
  }
  return { source: real ? `real text (${path.join(shared, 'corpus')}: articles/ and web/ cleaned, pages/ as other-page copies)` : 'synthetic text (../shared/corpus is missing)', documents: shuffle(documents, random), syndicated, originals: eligible.length };
}

function realOriginals(clean, shared) {
  const read = (folder, file) => readFileSync(path.join(shared, 'corpus', folder, file), 'utf8');
  const raws = (folder) => readdirSync(path.join(shared, 'corpus', folder)).filter((file) => file.endsWith('.raw.txt')).sort();
  const originals = [];
  const twins = [];
  for (const file of raws('articles')) {
    originals.push({ name: `articles/${file}`, text: clean(read('articles', file)).text });
    if (existsSync(path.join(shared, 'corpus/pages', file))) twins.push({ of: originals.length - 1, text: clean(read('pages', file)).text });
  }
  for (const file of raws('web')) originals.push({ name: `web/${file}`, text: clean(read('web', file)).text });
  // The page chrome of header-footer copies: runs of short lines at the top and bottom of real dumps.
  const chrome = [];
  for (const folder of ['pages', 'web']) {
    for (const file of raws(folder)) {
      const lines = read(folder, file).split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== '' && line.length <= 40 && line.split(/\s+/u).length <= 6);
      if (lines.length >= 16) chrome.push(lines);
    }
  }
  return { originals, twins, chrome };
}

/** Articles of invented words on a few dozen subjects (each its own vocabulary), for when ../shared is missing. */
function syntheticOriginals(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const syllables = 'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go ha he hi ja ka ke ki la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we ya yo za ze'.split(' ');
  const invent = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
  const common = 'the of and to a in that is was for on with as by at from it he she they his her their said has have had be been will would not but which who this an or are were its after more than'.split(' ');
  const shared = Array.from({ length: 4000 }, invent);
  const subjects = Array.from({ length: 40 }, () => Array.from({ length: 60 }, invent));
  const originals = [];
  for (let i = 0; i < 600; i++) {
    const subject = subjects[i % subjects.length];
    const word = () => (random() < 0.45 ? pick(common) : random() < 0.3 ? pick(subject) : pick(shared));
    const sentence = () => {
      const list = Array.from({ length: 8 + Math.floor(random() * 18) }, word);
      return `${list[0][0].toUpperCase()}${list.join(' ').slice(1)}.`;
    };
    const paragraphs = Array.from({ length: 2 + Math.floor(random() * 8) }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' '));
    originals.push({ name: `synthetic/${i}`, text: `${sentence().slice(0, -1)}\n\n${paragraphs.join('\n\n')}\n` });
  }
  const chrome = Array.from({ length: 50 }, () => Array.from({ length: 20 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, invent).join(' ')));
  return { originals, twins: [], chrome };
}

function shuffle(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same words, laid out otherwise: lines re-wrapped at 60 characters, CRLF, upper case. */
function reformat(text) {
  const paragraphs = text.split(/\n\s*\n/u).map((paragraph) => {
    const lines = [];
    let line = '';
    for (const word of paragraph.split(/\s+/u).filter(Boolean)) {
      if (line !== '' && line.length + word.length + 1 > 60) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(line);
    return lines.join('\r\n');
  });
  return paragraphs.join('\r\n\r\n').toUpperCase();
}

/** `share` of the words of `text` changed at random places (see the module's comment). */
export function changeWords(text, share, random, pool) {
  const parts = text.split(/([\p{L}\p{N}\p{M}_]+)/u);
  const positions = [];
  for (let i = 1; i < parts.length; i += 2) positions.push(i);
  const changes = Math.round(positions.length * share);
  for (let n = 0; n < changes; n++) {
    const [at] = positions.splice(Math.floor(random() * positions.length), 1);
    const roll = random();
    const other = pool[Math.floor(random() * pool.length)];
    if (roll < 0.8) parts[at] = other;
    else if (roll < 0.9) parts[at] = '';
    else parts[at] = `${parts[at]} ${other}`;
  }
  return parts.join('');
}

function withHeaderFooter(text, lines, random) {
  const header = 1 + Math.floor(random() * 6);
  const footer = 1 + Math.floor(random() * 6);
  const start = Math.floor(random() * Math.max(1, lines.length / 2 - header));
  return [...lines.slice(start, start + header), '', text.trim(), '', ...lines.slice(lines.length - footer)].join('\n') + '\n';
}

/** Sentences, and lines that end none (a page's text is often one block per line). */
function sentencesOf(text) {
  return text.split(/(?<=[.!?…])\s+|\s*\n\s*/u).filter((sentence) => words(sentence).length > 0);
}

/**
 * A distinct document on the original's subject: the original's first 30% of words (whole
 * sentences, or the first sentence cut when it alone is longer), then, up to the original's
 * length, runs of sentences from the middle of the nearest other originals, at most 20% of the
 * length from each, so that it copies no other document either.
 */
function followUp(text, others, random) {
  const target = words(text).length;
  const out = [];
  let count = 0;
  for (const sentence of sentencesOf(text)) {
    const size = words(sentence).length;
    if (count + size > 0.3 * target) {
      if (out.length === 0) out.push(sentence.split(/\s+/u).slice(0, Math.max(1, Math.floor(0.3 * target))).join(' '));
      break;
    }
    out.push(sentence);
    count += size;
  }
  count = words(out.join(' ')).length;
  for (const other of others) {
    const sentences = sentencesOf(other);
    const from = Math.floor(sentences.length / 3) + Math.floor(random() * Math.max(1, sentences.length / 3));
    let taken = 0;
    for (const sentence of sentences.slice(from)) {
      const size = words(sentence).length;
      if (count >= target) return out.join(' ');
      if (taken + size > 0.2 * target) continue;
      out.push(sentence);
      count += size;
      taken += size;
    }
  }
  return out.join(' ');
}
