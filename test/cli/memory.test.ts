/**
 * Faults, issue 10 item 9: under a memory cap (`ulimit -v` below what a document needs), the
 * command says in one line that the document is too large for the memory available and goes on
 * with the next input, instead of aborting with a V8 dump and empty output.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeTask, type MemoryBudget } from '../../src/cli/memory.js';
import { clean } from '../../src/index.js';
import { ARTICLE, BIN, CLEAN, expectNoTrace, hasCommand, shellQuote, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();

/** The cap: room for node and a worker thread, far from room for the large document's model. */
const ULIMIT_KB = 3_000_000;

/** Ten million one-character lines (20 MB): their model needs over 2 GB of heap. */
const HUGE = '.\n'.repeat(10_000_000);

interface Capped {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command in bash under `ulimit -v`, in `cwd`. */
function underCap(args: readonly string[], cwd: string, input = ''): Promise<Capped> {
  const command = `ulimit -v ${ULIMIT_KB} && exec ${[process.execPath, BIN, ...args].map(shellQuote).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** What a V8 abort prints: none of it may appear. */
const V8_DUMP = /Fatal|FATAL|Last few GCs|JavaScript heap out of memory|bad_alloc|Native stack trace/u;

const TOO_LARGE = /too large for the memory available \(it needs at least \d+ MB, \d+ MB: the address space left under ulimit -v 3000000\); see "Large documents" in the README$/u;

describe.skipIf(process.platform !== 'linux' || !hasCommand('bash'))(`under ulimit -v ${ULIMIT_KB} KB`, () => {
  for (const jobs of ['1', '2']) {
    it(`--jobs ${jobs}: a document too large is refused in one line; the files before and after it are cleaned`, async () => {
      const root = temporary();
      mkdirSync(path.join(root, 'in'));
      writeFileSync(path.join(root, 'in/a.txt'), ARTICLE);
      writeFileSync(path.join(root, 'in/b-huge.txt'), HUGE);
      writeFileSync(path.join(root, 'in/c.txt'), CLEAN);
      const result = await underCap(['--jobs', jobs, '--out-dir', 'out', 'in'], root);
      expect(result.code, result.stderr).toBe(2);
      expectNoTrace(result.stderr);
      expect(result.stderr).not.toMatch(V8_DUMP);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^clean-article: in\/b-huge\.txt: /u);
      expect(lines[0]).toMatch(TOO_LARGE);
      expect(lines[1]).toMatch(/^clean-article: 3 files: 1 cleaned, 1 unchanged, 1 failed \(in\/b-huge\.txt\)/u);
      expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['a.txt', 'c.txt']);
      expect(readFileSync(path.join(root, 'out/a.txt'), 'utf8')).toBe(clean(ARTICLE).text);
    }, 120_000);
  }

  it('stdin: one line, exit 2', async () => {
    const result = await underCap([], temporary(), HUGE);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(V8_DUMP);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^clean-article: <stdin>: too large for the memory available/u);
  }, 120_000);

  it('--jsonl: the record too large fails with its line; the records around it are cleaned', async () => {
    const records = [JSON.stringify({ id: 1, text: ARTICLE }), JSON.stringify({ id: 2, text: HUGE }), JSON.stringify({ id: 3, text: ARTICLE })];
    const result = await underCap(['--jsonl', '--jobs', '1'], temporary(), `${records.join('\n')}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(V8_DUMP);
    expect(result.stderr).toMatch(/^clean-article: <stdin>: lines? 2(-2)?: too large for the memory available/mu);
    const ids = result.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids).toEqual([1, 3]);
  }, 120_000);
});

describe('placeTask: where a document is cleaned, by what it needs of the heap', () => {
  const budget = (heapMb: number): MemoryBudget => ({ heapMb, source: 'the test' });
  const lines = (count: number): Uint8Array => new Uint8Array(count).fill(0x0a);

  it('an article shares the run\'s threads', () => {
    expect(placeTask(new TextEncoder().encode(ARTICLE), budget(4000))).toEqual({ kind: 'shared' });
  });

  it('many lines get a thread of their own, sized in proportion to them and under the budget', () => {
    const one = placeTask(lines(2_000_000), budget(100_000));
    const two = placeTask(lines(4_000_000), budget(100_000));
    expect(one.kind).toBe('own');
    expect(two.kind).toBe('own');
    if (one.kind !== 'own' || two.kind !== 'own') return;
    expect(two.heapMb / one.heapMb).toBeCloseTo(2, 1);
    // The sized heap is under what the budget gives; the same text under a budget below it shares the threads (and their whole budget).
    expect(placeTask(lines(2_000_000), budget(one.heapMb)).kind).toBe('shared');
  });

  it('a text that cannot fit is refused with what it needs', () => {
    const placement = placeTask(lines(4_000_000), budget(300));
    expect(placement.kind).toBe('refused');
    if (placement.kind === 'refused') expect(placement.needMb).toBeGreaterThan(300);
  });
});
