/**
 * Faults, issue 10 item 5, at scale: a counts file of more than 16.7 million keys (the most a
 * JavaScript Map holds) loads with `--line-counts` and merges with `merge-counts`. It failed with
 * "Map maximum size exceeded", naming no file. About 320 MB written and read: a stress test.
 */
import { closeSync, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lineKey } from '../../src/index.js';
import { ARTICLE, runCli, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();

/** Past 2^24 (16,777,216), the most entries a JavaScript Map holds. */
const KEYS = 17_000_000;

const FOOTER = 'Subscribe to the Riverside Daily newsletter';

/**
 * Writes a counts file of `KEYS` keys, each counted twice, with the footer's key among them: the
 * keys are `i` in the high half and a fixed low half, in order, the footer's in its place.
 */
async function writeBigCounts(file: string): Promise<void> {
  const footer = lineKey(FOOTER)!;
  const footerHi = Number.parseInt(footer.slice(0, 8), 16);
  const out = createWriteStream(file);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('# clean-article line-counts 2 documents=2\n');
  let batch: string[] = [];
  let keys = 0;
  const add = async (key: string): Promise<void> => {
    batch.push(`${key}\t2\n`);
    keys++;
    if (batch.length === 65_536) {
      await write(batch.join(''));
      batch = [];
    }
  };
  for (let hi = 0; keys < KEYS - 1; hi++) {
    if (hi === footerHi) await add(footer);
    else await add(`${hi.toString(16).padStart(8, '0')}9e3779b9`);
  }
  if (footerHi >= KEYS - 1) await add(footer);
  else await add(`${(KEYS - 1).toString(16).padStart(8, '0')}9e3779b9`);
  batch.push(`# end keys=${keys}\n`);
  await write(batch.join(''));
  out.end();
  await once(out, 'finish');
}

describe('a counts file of 17 million keys', () => {
  it('loads with --line-counts (the footer it holds is removed) and merges', async () => {
    const folder = temporary();
    const counts = path.join(folder, 'big.counts');
    await writeBigCounts(counts);
    expect(statSync(counts).size).toBeGreaterThan(300_000_000);
    const article = `${ARTICLE}\n${FOOTER}\n`;
    const used = await runCli(['--line-counts', counts, '--min-docs', '2', '--json'], { input: article, timeoutMs: 600_000 });
    expect(used.code, used.stderr).toBe(0);
    const record = JSON.parse(used.stdout) as { text: string; removals: Array<{ rule: string; reason: string }> };
    expect(record.text).not.toContain(FOOTER);
    expect(record.removals).toContainEqual(expect.objectContaining({ rule: 'corpus-boilerplate', reason: 'line found in 2 documents of the corpus' }));

    const mergedFile = path.join(folder, 'merged.counts');
    const fd = openSync(mergedFile, 'w');
    const merged = await runCli(['merge-counts', '--min-docs', '4', counts, counts], { stdoutFd: fd, timeoutMs: 600_000 });
    closeSync(fd);
    expect(merged.code, merged.stderr).toBe(0);
    const size = statSync(mergedFile).size;
    expect(size).toBe(statSync(counts).size + ' pruned=4'.length);
    const head = Buffer.alloc(80);
    const tail = Buffer.alloc(80);
    const read = openSync(mergedFile, 'r');
    readSync(read, head, 0, 80, 0);
    readSync(read, tail, 0, 80, size - 80);
    closeSync(read);
    expect(head.toString().split('\n').slice(0, 2)).toEqual(['# clean-article line-counts 2 documents=4 pruned=4', '000000009e3779b9\t4']);
    expect(tail.toString()).toMatch(new RegExp(`\\t4\\n# end keys=${KEYS}\\n$`, 'u'));
  }, 1_200_000);
});
