/**
 * Faults, issue 10 item 1: a disk that fills up in the middle of a write. Every write to stdout and
 * to files is checked to its last byte; a failed or short write is exit 2 with one line naming the
 * output, whatever the size. A real small filesystem (a tmpfs, which root can mount) gives the short
 * write a full disk gives; a fake writer gives it where no filesystem can be mounted.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileOutput, write } from '../../src/cli/io.js';
import { expectOneLineError, runCli, temporaryFolders, type CliResult } from './helpers.js';

const temporary = temporaryFolders();

/** Bytes of the small filesystem: far less than the outputs written to it. */
const DISK = 64 * 1024;

/** Many distinct paragraphs that mostly survive cleaning: about 20 bytes of output per byte of `paragraphs`. */
function bigArticle(paragraphs: number): string {
  let text = 'The Harbour Report\n\n';
  for (let p = 0; p < paragraphs; p++) {
    text += `In part ${p} of the report, the harbour board said ship number ${p * 7} had docked safely. Crews unloaded ${p + 3} crates before the evening tide turned.\n\n`;
  }
  return text;
}

/** Mounts a tmpfs of `DISK` bytes on a new folder; undefined where that is not allowed (not root, no mount). */
function mountSmallDisk(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'clean-article-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK}`, 'tmpfs', folder], { stdio: 'ignore' });
  if (mounted.status === 0) return folder;
  rmSync(folder, { recursive: true, force: true });
  return undefined;
}

const disk = mountSmallDisk();
const SKIPPED = 'SKIPPED: cannot mount a tmpfs here (needs root on Linux); the fake writer below still runs';
if (disk === undefined) console.warn(`full-disk.test.ts: ${SKIPPED}`);

describe.skipIf(disk === undefined)(`a disk that fills up (a ${DISK / 1024} KiB tmpfs)${disk === undefined ? `: ${SKIPPED}` : ''}`, () => {
  const mount = disk!;
  let inputs: string;
  const ARTICLE = bigArticle(2_000);

  beforeAll(() => {
    inputs = temporary();
    writeFileSync(path.join(inputs, 'big.txt'), ARTICLE);
    mkdirSync(path.join(inputs, 'folder'));
    for (let i = 0; i < 3; i++) writeFileSync(path.join(inputs, 'folder', `${i}.txt`), bigArticle(700 + i));
    writeFileSync(path.join(inputs, 'records.jsonl'), [1, 2, 3].map((n) => JSON.stringify({ id: n, text: bigArticle(600 + n) })).join('\n') + '\n');
    // Short lines, each counted: a counts file of some 100 KB.
    writeFileSync(path.join(inputs, 'lines.txt'), Array.from({ length: 5_000 }, (_, i) => `Item number ${i} of the list`).join('\n') + '\n');
    // For dedup: 1,000 distinct short records, each followed by a copy (signatures of some 800 KB, drops of some 150 KB).
    const records = Array.from({ length: 1_000 }, (_, i) => JSON.stringify({ text: `Record ${i} says ship ${i * 7} docked with ${i + 3} crates at the quay ${i % 13}.` }));
    writeFileSync(path.join(inputs, 'copies.jsonl'), records.flatMap((line) => [line, line]).join('\n') + '\n');
  });
  afterAll(() => {
    spawnSync('umount', [mount], { stdio: 'ignore' });
    rmSync(mount, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const name of readdirSync(mount)) rmSync(path.join(mount, name), { recursive: true, force: true });
  });

  /** Runs the command with stdout redirected to a file on the small disk. */
  const toFullDisk = async (args: string[], input?: string): Promise<CliResult> => {
    const target = path.join(mount, 'out.txt');
    const fd = openSync(target, 'w');
    try {
      return await runCli(args, { cwd: inputs, stdoutFd: fd, ...(input === undefined ? {} : { input }) });
    } finally {
      closeSync(fd);
    }
  };

  const stdoutFull = new RegExp(`^clean-article: cannot write stdout \\(${path.join(mount, 'out.txt').replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}\\): no space left on device \\(ENOSPC\\)$`, 'u');

  it.each([
    ['a file to stdout', ['big.txt'], undefined],
    ['stdin to stdout', [], 'stdin'],
    ['--json', ['--json', 'big.txt'], undefined],
    ['--json over a folder', ['--json', 'folder'], undefined],
    ['a small --jsonl stream', ['--jsonl', 'records.jsonl'], undefined],
    ['count-lines', ['count-lines', 'lines.txt'], undefined],
    ['merge-counts', ['merge-counts', 'lines.counts', 'lines.counts'], undefined],
    ['dedup', ['dedup', '--jsonl', 'records.jsonl'], undefined],
    ['dedup signatures', ['dedup', 'signatures', '--jsonl', 'copies.jsonl'], undefined],
  ])('%s: exit 2 and one line naming stdout, never exit 0 with the output cut', async (_name, args, stdin) => {
    if (args[0] === 'merge-counts') expect((await runCli(['count-lines', '--out', 'lines.counts', 'lines.txt'], { cwd: inputs })).code).toBe(0);
    const result = await toFullDisk(args, stdin === undefined ? undefined : ARTICLE);
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    // count-lines and a stream tell their summary too; exactly one line is about the output.
    expect(lines.filter((line) => /cannot write/u.test(line))).toHaveLength(1);
    expect(lines.find((line) => /cannot write/u.test(line))).toMatch(stdoutFull);
    expect(statSync(path.join(mount, 'out.txt')).size).toBeLessThan(DISK + 1);
  });

  it('dedup signatures --out and dedup merge --out-dir on the full disk: exit 2, one line naming the file, no file and no temporary file left', async () => {
    const signatures = path.join(mount, 'copies.sig');
    const signed = await runCli(['dedup', 'signatures', '--jsonl', '--out', signatures, 'copies.jsonl'], { cwd: inputs });
    expect(signed.code).toBe(2);
    expectOneLineError(signed.stderr, new RegExp(`^clean-article: cannot write ${signatures.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}: no space left on device \\(ENOSPC\\)$`, 'u'));
    expect(readdirSync(mount)).toEqual([]);
    const elsewhere = path.join(temporary(), 'copies.sig');
    expect((await runCli(['dedup', 'signatures', '--jsonl', '--out', elsewhere, 'copies.jsonl'], { cwd: inputs })).code).toBe(0);
    // Leave less room than the drops file needs.
    writeFileSync(path.join(mount, 'filler'), Buffer.alloc(DISK - 32 * 1024));
    const merged = await runCli(['dedup', 'merge', '--out-dir', path.join(mount, 'drops'), elsewhere]);
    expect(merged.code).toBe(2);
    expectOneLineError(merged.stderr, /^clean-article: cannot write .*drops\/copies\.drops: no space left on device \(ENOSPC\)$/u);
    expect(readdirSync(path.join(mount, 'drops'))).toEqual([]);
  });

  it('-o on the full disk: exit 2, one line naming the file, the old file intact, no temporary file', async () => {
    const target = path.join(mount, 'clean.txt');
    writeFileSync(target, 'the old output\n');
    const result = await runCli(['-o', target, 'big.txt'], { cwd: inputs });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, new RegExp(`^clean-article: big\\.txt: cannot write ${target.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}: no space left on device \\(ENOSPC\\)$`, 'u'));
    expect(readFileSync(target, 'utf8')).toBe('the old output\n');
    expect(readdirSync(mount).sort()).toEqual(['clean.txt']);
  });

  it('--out-dir and --in-place on the full disk: each file that does not fit fails with its name; the rest of the batch goes on', async () => {
    const outDir = path.join(mount, 'out');
    const result = await runCli(['--out-dir', outDir, 'folder'], { cwd: inputs });
    expect(result.code).toBe(2);
    const failed = result.stderr.split('\n').filter((line) => /cannot write/u.test(line));
    expect(failed.length).toBeGreaterThan(0);
    for (const line of failed) expect(line).toMatch(/^clean-article: folder\/\d\.txt: cannot write .*out\/\d\.txt: no space left on device \(ENOSPC\)$/u);
    expect(result.stderr).toMatch(/3 files: .* failed/u);
    // What was written is whole: each output present is the full cleaned text of its input.
    for (const name of readdirSync(outDir)) {
      expect(name).toMatch(/^\d\.txt$/u);
      const wanted = (await runCli([path.join('folder', name)], { cwd: inputs })).stdout;
      expect(readFileSync(path.join(outDir, name), 'utf8')).toBe(wanted);
    }

    for (const name of readdirSync(mount)) rmSync(path.join(mount, name), { recursive: true, force: true });
    const inPlace = path.join(mount, 'in-place.txt');
    const original = bigArticle(150).replace('The Harbour Report\n\n', 'The Harbour Report\n\nAdvertisement\n\n');
    writeFileSync(inPlace, original);
    // Leave less room than the cleaned copy needs.
    const filler = path.join(mount, 'filler');
    writeFileSync(filler, Buffer.alloc(DISK - statSync(inPlace).size - 4096));
    const again = await runCli(['--in-place', inPlace]);
    expect(again.code).toBe(2);
    expectOneLineError(again.stderr, /in-place\.txt: cannot write .*in-place\.txt: no space left on device \(ENOSPC\)$/u);
    expect(readFileSync(inPlace, 'utf8')).toBe(original);
    expect(readdirSync(mount).sort()).toEqual(['filler', 'in-place.txt']);
  });
});

describe('a writer that takes part of each write (a fake file descriptor)', () => {
  it('writes every byte, in order, however little each call takes', async () => {
    const sink: number[] = [];
    const output = new FileOutput('fake', (bytes, offset, length) => {
      const taken = Math.min(length, 1 + (sink.length % 7));
      for (let i = 0; i < taken; i++) sink.push(bytes[offset + i]!);
      return taken;
    });
    const text = 'Short writes must be finished, not dropped. '.repeat(50);
    await write(output, text);
    await write(output, Buffer.from(' And the next write follows the first.'));
    expect(Buffer.from(sink).toString('utf8')).toBe(`${text} And the next write follows the first.`);
  });

  it('rejects, naming the bytes written, when a call takes nothing; later writes fail too', async () => {
    let room = 100;
    const output = new FileOutput('fake', (_bytes, _offset, length) => {
      const taken = Math.min(length, room, 30);
      room -= taken;
      return taken;
    });
    output.on('error', () => undefined);
    await expect(write(output, 'x'.repeat(250))).rejects.toThrow(/short write: 100 of 250 bytes written/u);
    await expect(write(output, 'y')).rejects.toThrow();
  });
});
