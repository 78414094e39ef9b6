/**
 * The bench's text generator, shared by `bench-speed.mjs` (which measures on it) and
 * `output-hash.mjs` (which checks that a change leaves the output on it byte for byte the same).
 */

import { mulberry32 } from './prng.mjs';

/** The seed every bench corpus is drawn from. */
export const BENCH_SEED = 20241124;

// A deterministic generator of article-like text: English-like function words among invented
// content words, sentences of varied length, paragraphs, and the noise the cleaners remove
// (repeated headlines, interface labels, near-duplicate and cut-off sentences, site footers).

const FUNCTION_WORDS = 'the of and to a in that is was for on with as by at from it he she they his her their said has have had be been will would not but which who this an or are were its after more than'.split(' ');
const SYLLABLES = 'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go ha he hi ja ka ke ki la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we ya yo za ze'.split(' ');
const LABELS = ['Advertisement', 'Share this:', 'Read more', 'Related news', '12 comments', 'Sign up for our newsletter', 'Follow us on Twitter'];

export function makeText(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const vocabulary = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(''));
  const word = () => (random() < 0.42 ? pick(FUNCTION_WORDS) : pick(vocabulary));
  const capital = (text) => text[0].toUpperCase() + text.slice(1);
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 18) }, word);
    if (words.length > 12) words[6] += ',';
    return `${capital(words.join(' '))}.`;
  };
  const title = () => capital(Array.from({ length: 6 + Math.floor(random() * 5) }, () => pick(vocabulary)).join(' '));
  const footers = Array.from({ length: 40 }, (_, site) => [`Copyright ${2000 + site} ${capital(pick(vocabulary))} Media. All rights reserved.`, `More from ${capital(pick(vocabulary))}`]);

  /** One article of about `bytes` bytes, with noise. */
  const article = (bytes, site) => {
    const headline = title();
    const lines = [headline, ''];
    const said = [];
    let size = 0;
    while (size < bytes) {
      const paragraph = Array.from({ length: 3 + Math.floor(random() * 3) }, sentence);
      said.push(...paragraph);
      const roll = random();
      if (roll < 0.08) paragraph.push(headline);
      else if (roll < 0.16) lines.push(pick(LABELS), '');
      else if (roll < 0.26 && said.length > 4) paragraph.push(pick(said).replace(/ (\S+) /u, ' also $1 '));
      else if (roll < 0.32) paragraph.push(sentence().replace(/ \S+\.$/u, ' of the'));
      const text = paragraph.join(' ');
      lines.push(text, '');
      size += text.length + 2;
    }
    lines.push(...footers[site % footers.length].flatMap((line) => [line, '']));
    return lines.join('\n');
  };

  /** One long document of `count` sentences in paragraphs of five, with some repeats. */
  const longDocument = (count) => {
    const sentences = [];
    for (let i = 0; i < count; i++) sentences.push(i > 50 && random() < 0.03 ? sentences[Math.floor(random() * i)].replace(/ (\S+) /u, ' $1 really ') : sentence());
    const paragraphs = [];
    for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
    return `${title()}\n\n${paragraphs.join('\n\n')}\n`;
  };

  return { article, longDocument };
}

/**
 * The documents of the batch corpus, in order, until they add up to `bytes` bytes: each with its
 * site (0-39, its folder) and its index (its file name).
 */
export function* batchDocuments(bytes) {
  const { article } = makeText(mulberry32(BENCH_SEED));
  const random = mulberry32(BENCH_SEED + 1);
  let total = 0;
  for (let index = 0; total < bytes; index++) {
    const site = index % 40;
    const text = article(2000 + Math.floor(random() * 12000), site);
    yield { site, index, text };
    total += Buffer.byteLength(text);
  }
}

/** The 400 JSONL records the stream bench repeats, as lines of JSON (without line breaks). */
export function jsonlRecords() {
  const { article } = makeText(mulberry32(BENCH_SEED + 3));
  return Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i, url: `https://example.com/${i}`, text: article(3000 + (i % 7) * 1500, i) }));
}
