/**
 * Batches on worker threads (issue 4): whatever `--jobs`, the outputs, `--json` and `--explain`
 * are those of cleaning the files one at a time, in input order; the closing summary counts them.
 * Corpus boilerplate: counting shards and merging the counts gives the counts of the whole corpus,
 * and cleaning shards with them gives the output of one run over everything. Nothing is timed.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { ARTICLE, CLEAN, expectOneLineError, runCli, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();

const FOOTER = 'Copyright 2024 Riverside Daily Media. All rights reserved.';
const PITCH = 'Get the morning briefing in your inbox';

/** A small article that differs by `i`, with a site's footer lines (short, the same in every file). */
function article(i: number): string {
  const noise = i % 3 === 0 ? `\nAdvertisement\n\nThe town hall number ${i} opened on Monday after a long wait.\n` : '';
  return [
    `Town Hall ${i} Opens After Long Renovation`,
    '',
    `The town hall number ${i} opened on Monday after a long wait. Residents queued from early morning to see the restored hall and its clock tower.`,
    noise,
    `Officials said the work on building ${i} had cost less than planned, and that the hall would host concerts from the spring.`,
    '',
    PITCH,
    '',
    FOOTER,
    '',
  ].join('\n');
}

/** A folder of `count` articles (some in a subfolder), the clean text, the fixture article and a binary file. */
function corpus(count: number): string {
  const root = temporary();
  mkdirSync(path.join(root, 'sub'));
  for (let i = 0; i < count; i++) writeFileSync(path.join(root, i % 4 === 0 ? 'sub' : '', `a${String(i).padStart(3, '0')}.txt`), article(i));
  writeFileSync(path.join(root, 'clean.txt'), CLEAN);
  writeFileSync(path.join(root, 'fixture.txt'), ARTICLE);
  writeFileSync(path.join(root, 'sub', 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  return root;
}

/** Relative path -> content of every file under `folder`. */
function contents(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (sub: string): void => {
    for (const entry of readdirSync(path.join(folder, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) visit(relative);
      else found.set(relative, readFileSync(path.join(folder, relative), 'utf8'));
    }
  };
  visit('');
  return found;
}

describe('a batch on worker threads', () => {
  const input = corpus(40);

  it('writes what cleaning each file alone writes, with any number of jobs', async () => {
    const outputs: Map<string, string>[] = [];
    for (const jobs of ['1', '2', '3']) {
      const out = path.join(temporary(), 'out');
      const result = await runCli(['--jobs', jobs, '--out-dir', out, input]);
      expect(result.code, result.stderr).toBe(2);
      outputs.push(contents(out));
    }
    const [one, two, three] = outputs;
    expect(one!.size).toBe(42);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    for (const [relative, text] of one!) expect(text, relative).toBe(clean(readFileSync(path.join(input, relative), 'utf8')).text);
  });

  it('prints --json records and --explain lines in input order, the same for one job and two', async () => {
    const one = await runCli(['--jobs', '1', '--json', '--explain', input]);
    const two = await runCli(['--jobs', '2', '--json', '--explain', input]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const names = one.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { input: string }).input);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(42);
  });

  it('ends with a summary: files cleaned, unchanged, failed, removals by rule; a failed file gives exit 2', async () => {
    const result = await runCli(['--jobs', '2', '--check', input]);
    expect(result.code).toBe(2);
    const texts = [...contents(input)].filter(([relative]) => !relative.endsWith('binary.txt')).map(([, text]) => text);
    const changed = texts.filter((text) => clean(text).text !== text).length;
    const summary = result.stderr.trim().split('\n').at(-1)!;
    expect(changed).toBeGreaterThan(0);
    expect(summary).toMatch(new RegExp(`^clean-article: 43 files: ${changed} cleaned, ${42 - changed} unchanged, 1 failed \\(.*binary\\.txt\\); removed: .*repeated-title \\d+`, 'u'));
    expect(result.stderr).toMatch(/binary\.txt: skipped: binary file/u);
  });

  it('cleans in place with several jobs, leaving unchanged files alone', async () => {
    const folder = corpus(12);
    const before = contents(folder);
    const result = await runCli(['--jobs', '2', '--in-place', folder]);
    expect(result.code).toBe(2);
    for (const [relative, text] of contents(folder)) {
      const original = before.get(relative)!;
      expect(text, relative).toBe(relative.endsWith('binary.txt') ? original : clean(original).text);
    }
  });

  it('refuses --jobs 0 with a usage message', async () => {
    const result = await runCli(['--jobs', '0', '--check', input]);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /--jobs.*whole number >= 1/u);
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const result = await runCli(['--jobs', '2', '--check', input]);
    expect(result.stderr).not.toMatch(/\u001b\[|files \|/u);
  });
});

describe('corpus boilerplate, sharded', () => {
  const all = temporary();
  const shards = [temporary(), temporary(), temporary()];
  for (let i = 0; i < 18; i++) {
    const text = article(i);
    writeFileSync(path.join(all, `a${String(i).padStart(2, '0')}.txt`), text);
    writeFileSync(path.join(shards[i % 3]!, `a${String(i).padStart(2, '0')}.txt`), text);
  }
  const work = temporary();
  const at = (name: string): string => path.join(work, name);

  it('merges shard counts into the counts of the whole corpus', async () => {
    for (const [i, shard] of shards.entries()) expect((await runCli(['count-lines', '--out', at(`${i}.counts`), shard])).code).toBe(0);
    const merged = await runCli(['merge-counts', at('0.counts'), at('1.counts'), at('2.counts')]);
    const whole = await runCli(['count-lines', all]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(whole.stdout.split('\n')[0]).toBe('# clean-article line-counts 2 documents=18');
    writeFileSync(at('all.counts'), merged.stdout);
  });

  it('cleans each shard with the merged counts as one run over everything does', async () => {
    const single = await runCli(['--corpus-boilerplate', '--min-docs', '5', '--out-dir', at('single'), all]);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stderr).toMatch(/corpus-boilerplate 36/u);
    for (const [i, shard] of shards.entries()) {
      const result = await runCli(['--line-counts', at('all.counts'), '--min-docs', '5', '--out-dir', at(`shard${i}`), shard]);
      expect(result.code, result.stderr).toBe(0);
    }
    const sharded = new Map([...shards.keys()].flatMap((i) => [...contents(at(`shard${i}`))]));
    expect(sharded).toEqual(contents(at('single')));
    for (const text of sharded.values()) {
      expect(text).not.toContain(FOOTER);
      expect(text).not.toContain(PITCH);
    }
  });

  it('prunes merged counts with --min-docs: same cleaning, and the pruned file is not merged again', async () => {
    const pruned = await runCli(['merge-counts', '--min-docs', '5', at('0.counts'), at('1.counts'), at('2.counts')]);
    expect(pruned.code, pruned.stderr).toBe(0);
    writeFileSync(at('pruned.counts'), pruned.stdout);
    const text = pruned.stdout;
    expect(text.split('\n')[0]).toBe('# clean-article line-counts 2 documents=18 pruned=5');
    expect(text.length).toBeLessThan(readFileSync(at('all.counts'), 'utf8').length);
    const withPruned = await runCli(['--line-counts', at('pruned.counts'), '--min-docs', '5', '--json', all]);
    const withAll = await runCli(['--line-counts', at('all.counts'), '--min-docs', '5', '--json', all]);
    expect(withPruned.stdout).toBe(withAll.stdout);
    const again = await runCli(['merge-counts', at('pruned.counts'), at('0.counts')]);
    expect(again.code).toBe(2);
    expectOneLineError(again.stderr, /was pruned with --min-docs and cannot be merged/u);
    const lower = await runCli(['--line-counts', at('pruned.counts'), '--min-docs', '3', '--check', all]);
    expectOneLineError(lower.stderr, /--min-docs 3 needs the unpruned counts/u);
  });

  it('reads counts whose lines end in white space (as Hadoop Streaming writes them)', async () => {
    writeFileSync(at('tabbed.counts'), readFileSync(at('all.counts'), 'utf8').replace(/\n/gu, '\t\n'));
    const tabbed = await runCli(['--line-counts', at('tabbed.counts'), '--json', all]);
    const plain = await runCli(['--line-counts', at('all.counts'), '--json', all]);
    expect(tabbed.code).toBe(0);
    expect(tabbed.stdout).toBe(plain.stdout);
  });

  it('keeps lines found in fewer documents than --min-docs', async () => {
    const result = await runCli(['--line-counts', at('all.counts'), '--min-docs', '19', '--json', all]);
    expect(result.stdout).toContain(FOOTER);
    expect(result.stdout).not.toContain('corpus-boilerplate');
  });

  it('refuses a file that is not a counts file, and --min-docs alone', async () => {
    writeFileSync(at('bogus.counts'), 'key\t1\n');
    const bogus = await runCli(['--line-counts', at('bogus.counts'), '--check', all]);
    expect(bogus.code).toBe(2);
    expectOneLineError(bogus.stderr, /not a line counts file/u);
    const alone = await runCli(['--min-docs', '3', '--check', all]);
    expect(alone.code).toBe(2);
    expectOneLineError(alone.stderr, /--min-docs needs --line-counts/u);
  });
});
