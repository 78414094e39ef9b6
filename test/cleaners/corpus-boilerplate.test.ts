import { describe, expect, it } from 'vitest';
import { clean, documentLineKeys, lineKey, RULE_IDS } from '../../src/index.js';

/** Counts, per key, the documents holding it: phase 1 done in memory. */
function countLines(documents: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const key of documentLineKeys(document)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Sums shard counts: the merge step. */
function mergeCounts(shards: readonly Map<string, number>[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const shard of shards) for (const [key, count] of shard) merged.set(key, (merged.get(key) ?? 0) + count);
  return merged;
}

function boilerplate(counts: ReadonlyMap<string, number>, minDocs: number): Map<string, number> {
  return new Map([...counts].filter(([, count]) => count >= minDocs));
}

const FOOTER = 'Copyright 2024 Example Media Group. All rights reserved.';
const MOST_READ = 'Most read';

function article(i: number): string {
  return [
    `Council approves budget number ${i} after long debate`,
    '',
    `The council met on Tuesday to discuss the budget for district ${i}, which had been delayed twice.`,
    `Members argued for three hours about the cost of new roads in the ${i}th ward before voting.`,
    '',
    MOST_READ,
    `Local bakery ${i} wins a prize`,
    '',
    FOOTER,
    '',
  ].join('\n');
}

const corpus = Array.from({ length: 8 }, (_, i) => article(i + 1));

describe('corpus-boilerplate', () => {
  it('is registered after the rules that judge the text, before only soft-hyphen', () => {
    expect(RULE_IDS.slice(-2)).toEqual(['corpus-boilerplate', 'soft-hyphen']);
  });

  it('keys lines alike up to case, spacing and punctuation', () => {
    expect(lineKey('Most Read:')).toBe(lineKey('  most   read '));
    expect(lineKey('Most read')).toMatch(/^[0-9a-f]{16}$/u);
    expect(lineKey('Most read')).not.toBe(lineKey('Most shared'));
  });

  it('takes only short-ish lines with words as candidates', () => {
    expect(lineKey('')).toBeUndefined();
    expect(lineKey('— * —')).toBeUndefined();
    // Twenty words at most, written out: a test that counted from the constant would move with it.
    const line = (words: number): string => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
    expect(lineKey(line(20))).toMatch(/^[0-9a-f]{16}$/u);
    expect(lineKey(line(21))).toBeUndefined();
  });

  it('counts a line once per document', () => {
    const counts = countLines([`${MOST_READ}\nA story\n${MOST_READ}\n`, `${MOST_READ}\n`]);
    expect(counts.get(lineKey(MOST_READ)!)).toBe(2);
  });

  it('removes nothing without counts', () => {
    expect(clean(corpus[0]!).removals.filter((removal) => removal.rule === 'corpus-boilerplate')).toEqual([]);
  });

  it('removes the lines found in enough documents, and keeps the rest', () => {
    const known = boilerplate(countLines(corpus), 5);
    const result = clean(corpus[0]!, { corpusBoilerplate: known });
    const removed = result.removals.filter((removal) => removal.rule === 'corpus-boilerplate');
    // "Most read" may go to `fragment` first (it takes precedence); the footer is this rule's alone.
    expect(removed.map((removal) => corpus[0]!.slice(removal.span.start, removal.span.end))).toContain(FOOTER);
    expect(removed.find((removal) => removal.span.start === corpus[0]!.indexOf(FOOTER))!.reason).toBe('line found in 8 documents of the corpus');
    expect(result.text).not.toContain(FOOTER);
    expect(result.text).not.toContain(MOST_READ);
    expect(result.text).toContain('The council met on Tuesday');
  });

  it('takes any ReadonlyMap of counts (the command passes a sorted table), and refuses what is none', () => {
    const known = boilerplate(countLines(corpus), 5);
    // Not a Map: only `get` and `size`, as a table of millions of keys would offer them.
    const table = { get: (key: string) => known.get(key), size: known.size } as unknown as ReadonlyMap<string, number>;
    expect(clean(corpus[0]!, { corpusBoilerplate: table })).toEqual(clean(corpus[0]!, { corpusBoilerplate: known }));
    expect(() => clean(corpus[0]!, { corpusBoilerplate: Object.fromEntries(known) as unknown as ReadonlyMap<string, number> })).toThrow(RangeError);
  });

  it('can be disabled like any rule', () => {
    const known = boilerplate(countLines(corpus), 5);
    expect(clean(corpus[0]!, { corpusBoilerplate: known, disable: ['corpus-boilerplate'] }).text).toContain(FOOTER);
  });

  it('gives the same output from sharded counts as from one count of the whole corpus', () => {
    const single = boilerplate(countLines(corpus), 3);
    const sharded = boilerplate(mergeCounts([countLines(corpus.slice(0, 3)), countLines(corpus.slice(3, 5)), countLines(corpus.slice(5))]), 3);
    expect(sharded).toEqual(single);
    for (const document of corpus) {
      expect(clean(document, { corpusBoilerplate: sharded })).toEqual(clean(document, { corpusBoilerplate: single }));
    }
  });
});
