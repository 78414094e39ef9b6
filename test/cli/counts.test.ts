/**
 * Faults, issue 10 item 5 (the quick part; the file of more than 16.7 million keys is in
 * counts.stress.test.ts): a counts file cut short at a line boundary, or the partial output of a
 * failed `merge-counts`, is refused, naming the file; huge counts saturate at 2^53 - 1 and are
 * never written in a form the reader refuses; a count past that in a file is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineKey } from '../../src/index.js';
import { ARTICLE, expectOneLineError, runCli, temporaryFolders, writeTree } from './helpers.js';

const temporary = temporaryFolders();

const FOOTER = 'Subscribe to the Riverside Daily newsletter';

/** A counts file in the format: header, entries (sorted), end line. */
function countsFile(documents: number | string, entries: ReadonlyArray<readonly [string, number | string]>, end = `# end keys=${entries.length}\n`): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  return `# clean-article line-counts 2 documents=${documents}\n${sorted.map(([key, count]) => `${key}\t${count}\n`).join('')}${end}`;
}

/** Six short documents, each ending with the footer line. */
function corpus(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`d${i}.txt`] = `${ARTICLE.replace('Tuesday', `day ${i}`)}\n${FOOTER}\n`;
  return writeTree(temporary, files);
}

describe('a counts file that is not whole (item 5)', () => {
  it('one cut short at a line boundary is refused, naming the file; so is one whose end line does not match', async () => {
    const folder = corpus();
    const made = await runCli(['count-lines', '--out', 'all.counts', '.'], { cwd: folder });
    expect(made.code, made.stderr).toBe(0);
    const whole = readFileSync(path.join(folder, 'all.counts'), 'utf8');
    expect(whole).toMatch(/\n# end keys=\d+\n$/u);
    const lines = whole.split('\n');
    writeFileSync(path.join(folder, 'cut.counts'), `${lines.slice(0, 4).join('\n')}\n`);
    const cut = await runCli(['--line-counts', 'cut.counts', '--check', '.'], { cwd: folder });
    expect(cut.code).toBe(2);
    expectOneLineError(cut.stderr, /^clean-article: cut\.counts: ends without its end line \("# end keys=N"\): cut short, or the output of a run that failed; make it again$/u);

    writeFileSync(path.join(folder, 'short.counts'), [...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    const short = await runCli(['--line-counts', 'short.counts', '--check', '.'], { cwd: folder });
    expect(short.code).toBe(2);
    expectOneLineError(short.stderr, /^clean-article: short\.counts:\d+: the end line counts \d+ keys, the file holds \d+: it was cut or changed$/u);

    // The whole file still works: the footer, in all six documents, goes.
    const used = await runCli(['--line-counts', 'all.counts', '--min-docs', '5', '--json', 'd0.txt'], { cwd: folder });
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toContain('"rule":"corpus-boilerplate"');
  });

  it('the partial output of a merge that failed is refused in turn', async () => {
    const folder = corpus();
    expect((await runCli(['count-lines', '--out', 'a.counts', 'd0.txt', 'd1.txt', 'd2.txt'], { cwd: folder })).code).toBe(0);
    expect((await runCli(['count-lines', '--out', 'b.counts', 'd3.txt', 'd4.txt', 'd5.txt'], { cwd: folder })).code).toBe(0);
    const b = readFileSync(path.join(folder, 'b.counts'), 'utf8').split('\n');
    writeFileSync(path.join(folder, 'b-cut.counts'), `${b.slice(0, -3).join('\n')}\n`);
    const merged = await runCli(['merge-counts', 'a.counts', 'b-cut.counts'], { cwd: folder });
    expect(merged.code).toBe(2);
    expectOneLineError(merged.stderr, /^clean-article: b-cut\.counts: ends without its end line/u);
    expect(merged.stdout).not.toMatch(/# end keys=/u);
    writeFileSync(path.join(folder, 'partial.counts'), merged.stdout);
    const used = await runCli(['--line-counts', 'partial.counts', '--check', '.'], { cwd: folder });
    expect(used.code).toBe(2);
    expectOneLineError(used.stderr, /partial\.counts: ends without its end line/u);
  });

  it('a file of the previous format (no end line) is refused with what to do', async () => {
    const folder = corpus();
    writeFileSync(path.join(folder, 'old.counts'), `# clean-article line-counts 1 documents=6\n${lineKey(FOOTER)!}\t6\n`);
    const result = await runCli(['--line-counts', 'old.counts', '--check', '.'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /old\.counts: not a line counts file of this version: it was made by another version \(1\); count the lines again/u);
  });
});

describe('huge counts (item 5)', () => {
  const key = lineKey(FOOTER)!;
  const big = 2 ** 52 + 1;

  it('merge-counts saturates at 2^53 - 1, writes it in digits, and the result is read back', async () => {
    const folder = corpus();
    writeFileSync(path.join(folder, 'a.counts'), countsFile(big, [[key, big], ['0000000000000001', 3]]));
    writeFileSync(path.join(folder, 'b.counts'), countsFile(big, [[key, big]]));
    const merged = await runCli(['merge-counts', 'a.counts', 'b.counts', 'b.counts'], { cwd: folder });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(countsFile(Number.MAX_SAFE_INTEGER, [[key, Number.MAX_SAFE_INTEGER], ['0000000000000001', 3]]));
    expect(merged.stdout).not.toMatch(/e\+/u);
    writeFileSync(path.join(folder, 'merged.counts'), merged.stdout);
    const again = await runCli(['merge-counts', 'merged.counts', 'merged.counts'], { cwd: folder });
    expect(again.code, again.stderr).toBe(0);
    const used = await runCli(['--line-counts', 'merged.counts', '--json', 'd0.txt'], { cwd: folder });
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toContain(`line found in ${Number.MAX_SAFE_INTEGER} documents of the corpus`);
  });

  it('a count past 2^53 - 1 in a file is refused, naming the file and line, never rounded', async () => {
    const folder = corpus();
    writeFileSync(path.join(folder, 'huge.counts'), countsFile(6, [[key, '200000000000000000000000000']]));
    const result = await runCli(['--line-counts', 'huge.counts', '--check', '.'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^clean-article: huge\.counts:2: a count past 9007199254740991 \(2\^53 - 1\), the most a counts file holds$/u);
    writeFileSync(path.join(folder, 'rounded.counts'), countsFile(6, [[key, '9007199254740993']]));
    const rounded = await runCli(['merge-counts', 'rounded.counts'], { cwd: folder });
    expect(rounded.code).toBe(2);
    expectOneLineError(rounded.stderr, /rounded\.counts:2: a count past 9007199254740991/u);
  });
});
