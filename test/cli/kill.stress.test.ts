/**
 * A kill in the middle of `--in-place` (issue 5), a stress case (`npm run test:stress`): a batch
 * of 600 files is interrupted with SIGKILL and with SIGTERM, and every file must be its old or its
 * new text, never truncated.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { BIN, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();

describe('--in-place killed with SIGKILL mid-batch', () => {
  /** A file whose cleaning changes it: a repeated headline and a boilerplate line. */
  const original = (index: number): string => {
    let text = `Report Number ${index} On The Harbour\n\n`;
    for (let p = 0; p < 40; p++) {
      text += `In part ${p} of report ${index}, the harbour board said ship ${p * index} had docked safely. Crews unloaded ${p + index} crates before the tide turned.\n\n`;
    }
    return `${text}Report Number ${index} On The Harbour\n\nAdvertisement\n`;
  };

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  /** Starts the batch, waits until the first file is replaced, then signals at a random moment. */
  const killMidBatch = async (folder: string, first: string, before: string, signal: NodeJS.Signals): Promise<number | null> => {
    const child = spawn(process.execPath, [BIN, '--in-place', folder], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (readFileSync(first, 'utf8') === before && Date.now() < deadline) await sleep(2);
    await sleep(Math.floor(Math.random() * 300));
    child.kill(signal);
    return exited;
  };

  /**
   * Runs a batch of `count` files, interrupts it with `signal`, and checks every file is its old or
   * its new text; retries (up to three times) until the signal came mid-batch. Returns the names
   * left in the folder besides the inputs, and the exit code.
   */
  const interruptBatch = async (signal: NodeJS.Signals): Promise<{ leftovers: string[]; code: number | null }> => {
    const count = 600;
    const names = Array.from({ length: count }, (_, i) => `f${String(i).padStart(4, '0')}.txt`);
    const olds = names.map((_, i) => original(i));
    const news = olds.map((text) => clean(text).text);
    for (let i = 0; i < count; i++) expect(news[i]).not.toBe(olds[i]);
    for (let attempt = 0; attempt < 3; attempt++) {
      const folder = temporary();
      names.forEach((name, i) => writeFileSync(path.join(folder, name), olds[i]!));
      const code = await killMidBatch(folder, path.join(folder, names[0]!), olds[0]!, signal);
      let replaced = 0;
      for (let i = 0; i < count; i++) {
        const now = readFileSync(path.join(folder, names[i]!), 'utf8');
        if (now === news[i]) replaced++;
        else expect(now, names[i]).toBe(olds[i]);
      }
      expect(replaced).toBeGreaterThan(0);
      if (replaced < count) return { leftovers: readdirSync(folder).filter((name) => !names.includes(name)), code };
    }
    // The signal must have come mid-batch at least once, or the test proved nothing.
    throw new Error(`the batch always finished before ${signal}`);
  };

  it('SIGKILL leaves every file either old or new, never truncated', async () => {
    const { leftovers } = await interruptBatch('SIGKILL');
    // What a kill can leave besides the inputs: only our own temporary files, never a .txt.
    for (const name of leftovers) expect(name).toMatch(/^\.clean-article-[0-9a-f]+\.tmp$/u);
  }, 300_000);

  it('SIGTERM does the same, leaves no temporary file and exits 143', async () => {
    const { leftovers, code } = await interruptBatch('SIGTERM');
    expect(leftovers).toEqual([]);
    expect(code).toBe(143);
  }, 300_000);
});
