/**
 * The HTML report (`--report FILE.html`): what it collects (exact totals, the documents that lost
 * most, a bounded sample, the texts removed most often) in memory that does not grow with the
 * number of documents, the page it writes for any run (one file, a batch, a JSONL stream,
 * failures), and that the page is self-contained. The browser test (`report-browser.test.ts`)
 * looks at the page itself.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportCollector, type DocumentSummary } from '../../src/cli/report-data.js';
import { writeReport } from '../../src/cli/report-page.js';
import type { ReportedRemoval } from '../../src/cli/report.js';
import { clean } from '../../src/index.js';
import { ARTICLE, CLEAN, expectOneLineError, runCli, temporaryFolders, writeTree } from './helpers.js';

const temporary = temporaryFolders();

/** A document of `length` characters with removals of the given lengths, each of `rule`, removing the text at its offset. */
function summary(name: string, removed: readonly number[], options: { rule?: string; text?: (i: number) => string } = {}): DocumentSummary {
  let input = '';
  const removals: ReportedRemoval[] = [];
  removed.forEach((size, i) => {
    input += 'kept text here. ';
    const text = options.text?.(i) ?? 'x'.repeat(size);
    removals.push({ rule: options.rule ?? 'fragment', reason: 'a reason', start: input.length, end: input.length + text.length, line: 1, column: input.length + 1, text });
    input += text;
  });
  input += ' the end.';
  return { name, length: input.length, changed: removals.length > 0, counts: removals.length ? { [options.rule ?? 'fragment']: removals.length } : {}, removals, input, milliseconds: 1 };
}

describe('what the report collects', () => {
  it('counts totals and removals per rule exactly, over every document', () => {
    const collector = new ReportCollector();
    collector.add(summary('a', [10, 20]));
    collector.add(summary('b', [5], { rule: 'near-duplicate' }));
    collector.add(summary('c', []));
    collector.fail('d', 'binary file');
    const data = collector.data();
    expect(data.documents).toBe(3);
    expect(data.changed).toBe(2);
    expect(data.unchanged).toBe(1);
    expect(data.removedCharacters).toBe(35);
    expect(data.rules).toEqual([
      { rule: 'fragment', removals: 2, characters: 30 },
      { rule: 'near-duplicate', removals: 1, characters: 5 },
    ]);
    expect(data.failures).toEqual([{ name: 'd', message: 'binary file' }]);
    expect(data.histogram.reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('keeps in detail exactly the documents that lost the most, and a sample of the others, bounded and the same from run to run', () => {
    const sizes = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 3001);
    const run = (): ReturnType<ReportCollector['data']> => {
      const collector = new ReportCollector({ top: 20, sample: 10 });
      sizes.forEach((size, i) => collector.add(summary(`doc${i}`, [size + 1])));
      return collector.data();
    };
    const data = run();
    const top = data.details.filter((detail) => !detail.sampled);
    const expected = sizes
      .map((size, i) => ({ name: `doc${i}`, size: size + 1 }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 20)
      .map((entry) => entry.name);
    expect(top.map((detail) => detail.name)).toEqual(expected);
    const sampled = data.details.filter((detail) => detail.sampled);
    expect(sampled.length).toBeGreaterThan(0);
    expect(sampled.length).toBeLessThanOrEqual(10);
    for (const detail of sampled) expect(expected).not.toContain(detail.name);
    expect(run().details.map((detail) => detail.name)).toEqual(data.details.map((detail) => detail.name));
  });

  it('counts removed texts exactly while its table has room, and finds the frequent ones with upper-bound counts when it has not', () => {
    const exact = new ReportCollector();
    for (let i = 0; i < 50; i++) exact.add(summary(`d${i}`, [0, 0], { text: (j) => (j === 0 ? 'Share this:' : `Related   news ${i % 5}`) }));
    const counted = exact.data().frequent;
    expect(counted[0]).toEqual({ text: 'Share this:', rule: 'fragment', count: 50, error: 0, example: 'd0' });
    expect(counted.slice(1).map((entry) => [entry.text, entry.count])).toEqual([0, 1, 2, 3, 4].map((k) => [`Related news ${k}`, 10]));
    expect(exact.data().frequentApproximate).toBe(false);

    // 20,000 distinct texts through a table of 100: the two frequent ones still stand out.
    const small = new ReportCollector({ frequentCapacity: 100 });
    for (let i = 0; i < 20000; i++) small.add(summary(`d${i}`, [0], { text: () => (i % 10 === 0 ? 'Advertisement' : i % 25 === 0 ? 'Most read' : `unique line ${i}`) }));
    const data = small.data();
    expect(data.frequentApproximate).toBe(true);
    expect(data.frequent[0]!.text).toBe('Advertisement');
    expect(data.frequent[0]!.count).toBeGreaterThanOrEqual(2000);
    expect(data.frequent[0]!.count - data.frequent[0]!.error).toBeLessThanOrEqual(2000);
    expect(data.frequent[1]!.text).toBe('Most read');
  });

  it('stays light for 100,000 documents: the page holds the top and the sample, not every document', () => {
    const collector = new ReportCollector();
    const text = (i: number) => (j: number) => (j === 0 ? 'Advertisement' : `A teaser about another story number ${i} that the page linked to.`);
    for (let i = 0; i < 100_000; i++) collector.add(summary(`scraped/site-${i % 97}/page-${i}.txt`, [0, 0, 0], { text: text(i) }));
    const data = collector.data();
    expect(data.documents).toBe(100_000);
    expect(data.details.length).toBeLessThanOrEqual(130);
    expect(data.frequent[0]).toMatchObject({ text: 'Advertisement', count: 100_000 });
    const file = path.join(temporary(), 'report.html');
    writeReport(file, collector);
    expect(statSync(file).size).toBeLessThan(1_000_000);
  });
});

describe('--report FILE.html on a run', () => {
  const read = (file: string): string => readFileSync(file, 'utf8');

  it('for a batch: totals, rules, the files, failures, and the removed text struck through with its reason', async () => {
    const folder = writeTree(temporary, { 'in/a.txt': ARTICLE, 'in/b.txt': CLEAN, 'in/bin.txt': Buffer.from([0, 1, 2, 0, 0, 0]) });
    const result = await runCli(['--report', 'out/report.html', '--out-dir', 'clean', 'in', 'missing.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    const page = read(path.join(folder, 'out/report.html'));
    expect(page).toMatch(/<dt>documents<\/dt><dd>2<\/dd>/u);
    expect(page).toMatch(/<dt>failed<\/dt><dd>2<\/dd>/u);
    for (const rule of Object.keys(clean(ARTICLE).removals.reduce<Record<string, true>>((rules, removal) => ({ ...rules, [removal.rule]: true }), {}))) {
      expect(page).toContain(`data-rule="${rule}"`);
    }
    expect(page).toMatch(/<a href="#doc-0">in\/a\.txt<\/a>/u);
    expect(page).toMatch(/<del class="removed" title="fragment: interface label">Advertisement<\/del><span class="why"><b>fragment<\/b> interface label/u);
    expect(page).toMatch(/<td>in\/bin\.txt<\/td><td>skipped: binary file/u);
    expect(page).toMatch(/<td>missing\.txt<\/td><td>no such file or directory/u);
  });

  it('for stdin: the text still goes to stdout', async () => {
    const folder = temporary();
    const result = await runCli(['--report', 'r.html'], { cwd: folder, input: ARTICLE });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(clean(ARTICLE).text);
    expect(read(path.join(folder, 'r.html'))).toContain('<a href="#doc-0">-</a>');
  });

  it('for a JSONL stream: each record by its line, bad lines among the failures', async () => {
    const folder = temporary();
    const input = `${JSON.stringify({ text: CLEAN })}\n${JSON.stringify({ text: ARTICLE })}\nnot json\n`;
    const result = await runCli(['--jsonl', '--report', 'r.html'], { cwd: folder, input });
    expect(result.code).toBe(2);
    const page = read(path.join(folder, 'r.html'));
    expect(page).toContain('<a href="#doc-0">&#60;stdin&#62;:2</a>');
    expect(page).toMatch(/<td>&#60;stdin&#62;:3<\/td><td>not JSON/u);
    expect(page).toMatch(/<dt>documents<\/dt><dd>2<\/dd>/u);
  });

  it('is self-contained and escapes what it shows', async () => {
    const folder = temporary();
    const hostile = `${ARTICLE}\n<script>alert("x")</script>\n`;
    await runCli(['--report', 'r.html', '--explain'], { cwd: folder, input: hostile });
    const page = read(path.join(folder, 'r.html'));
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&#60;script&#62;alert(&#34;x&#34;)');
    // One inline script, no source, link, font, image or address to fetch.
    expect(page.match(/<script/gu)).toHaveLength(1);
    expect(page).not.toMatch(/\s(?:src|srcset)=|<link\b|@import|url\(|@font-face|https?:\/\//iu);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('a report that cannot be written is exit 2 naming it', async () => {
    const folder = writeTree(temporary, { 'a.txt': ARTICLE, 'taken/x': 'a file where the report folder should be' });
    const result = await runCli(['--report', 'taken/x/r.html', 'a.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /cannot write the report taken\/x\/r\.html/u);
  });
});
