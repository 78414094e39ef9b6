/**
 * Faults, issue 10 items 2 and 7: a write lands only where the user asked. A symlink planted inside
 * `--out-dir` is never written through; `--in-place` never replaces a file that changed while it was
 * cleaned (an append would be lost), nor splits a hard-linked file from its other names unless asked.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { ARTICLE, BIN, CLEAN, expectOneLineError, runCli, temporaryFolders, writeTree } from './helpers.js';

const temporary = temporaryFolders();
const ARTICLE_CLEANED = clean(ARTICLE).text;

describe('a symlink planted inside --out-dir (item 2)', () => {
  it('out/a.txt -> ../elsewhere/passwd is refused: the file it leads to is untouched, the link stays', async () => {
    const folder = writeTree(temporary, { 'in/a.txt': ARTICLE, 'in/b.txt': CLEAN, 'elsewhere/passwd': 'root:x:0:0\n' });
    mkdirSync(path.join(folder, 'out'));
    symlinkSync('../elsewhere/passwd', path.join(folder, 'out/a.txt'));
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clean-article: in\/a\.txt: refusing to write outside --out-dir: a\.txt is a symlink to \.\.\/elsewhere\/passwd$/mu);
    expect(readFileSync(path.join(folder, 'elsewhere/passwd'), 'utf8')).toBe('root:x:0:0\n');
    expect(readlinkSync(path.join(folder, 'out/a.txt'))).toBe('../elsewhere/passwd');
    // The other files of the batch are written.
    expect(readFileSync(path.join(folder, 'out/b.txt'), 'utf8')).toBe(CLEAN);
  });

  it('a link that stays inside --out-dir is refused too, at the file or at a folder on the way', async () => {
    const folder = writeTree(temporary, { 'in/a.txt': ARTICLE, 'in/sub/b.txt': ARTICLE, 'out/real/.keep': '', 'out/other.txt': 'other\n' });
    symlinkSync('other.txt', path.join(folder, 'out/a.txt'));
    symlinkSync('real', path.join(folder, 'out/sub'));
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/in\/a\.txt: refusing to write through a symlink inside --out-dir: a\.txt is a symlink to other\.txt$/mu);
    expect(result.stderr).toMatch(/in\/sub\/b\.txt: refusing to write through a symlink inside --out-dir: sub is a symlink to real$/mu);
    expect(readFileSync(path.join(folder, 'out/other.txt'), 'utf8')).toBe('other\n');
    expect(readdirSync(path.join(folder, 'out/real'))).toEqual(['.keep']);
  });

  it('--out-dir may itself be a link the user named; the files land inside it', async () => {
    const folder = writeTree(temporary, { 'in/a.txt': ARTICLE, 'real-out/.keep': '' });
    symlinkSync('real-out', path.join(folder, 'out'));
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(folder, 'real-out/a.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });

  it('-o naming a symlink to the input is refused; -o naming a link to another file writes through it', async () => {
    const folder = writeTree(temporary, { 'a.txt': ARTICLE, 'target.txt': 'old\n' });
    symlinkSync('a.txt', path.join(folder, 'to-input.txt'));
    symlinkSync('target.txt', path.join(folder, 'to-target.txt'));
    const refused = await runCli(['a.txt', '-o', 'to-input.txt'], { cwd: folder });
    expect(refused.code).toBe(2);
    expectOneLineError(refused.stderr, /a\.txt: -o to-input\.txt is the input file/u);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE);
    const written = await runCli(['a.txt', '-o', 'to-target.txt'], { cwd: folder });
    expect(written.code).toBe(0);
    expect(lstatSync(path.join(folder, 'to-target.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(folder, 'target.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });
});

/** CPU seconds `pid` has used, from /proc (Linux); a busy machine slows the clock on the wall, not this one. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /su, '').split(' ');
  // utime and stime, the 14th and 15th fields, are the 12th and 13th after the name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

describe('--in-place and a file that changes while it is cleaned (item 7)', () => {
  /** A few MB of distinct prose: seconds of cleaning, far more than reading it. */
  const big = (): string => {
    let text = 'The Harbour Report\n\nAdvertisement\n\n';
    for (let p = 0; p < 20_000; p++) text += `In part ${p} of the report, the harbour board said ship number ${p * 7} had docked safely after the storm.\n\n`;
    return text;
  };

  it.skipIf(process.platform !== 'linux')('an append during the clean is never lost: the file is left as it is and reported failed', async () => {
    const folder = temporary();
    const file = path.join(folder, 'growing.txt');
    const original = big();
    writeFileSync(file, original);
    const appended = Array.from({ length: 350 }, (_, i) => `Line ${i} appended while the file was being cleaned.\n`).join('');
    const child = spawn(process.execPath, [BIN, '--in-place', '--jobs', '1', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Half a second of CPU: node has started and read the file, and is cleaning it.
    while (cpuSeconds(child.pid!) < 0.5) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(file, 'utf8')).toBe(original);
    appendFileSync(file, appended);
    const code = await exited;
    expect(readFileSync(file, 'utf8')).toBe(original + appended);
    expect(code).toBe(2);
    expectOneLineError(stderr, /^clean-article: .*growing\.txt: changed while it was being cleaned; left as it is$/u);
    expect(readdirSync(folder)).toEqual(['growing.txt']);
  }, 120_000);

  it('a file with other names (hard links) is refused unless --split-hard-links says to give this name a new file', async () => {
    const folder = writeTree(temporary, { 'a.txt': ARTICLE });
    linkSync(path.join(folder, 'a.txt'), path.join(folder, 'b.txt'));
    const refused = await runCli(['--in-place', 'a.txt'], { cwd: folder });
    expect(refused.code).toBe(2);
    expectOneLineError(refused.stderr, /^clean-article: a\.txt: has 2 names \(hard links\); --in-place would give this one a new file and leave the others as they are: pass --split-hard-links to do so$/u);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE);
    expect(statSync(path.join(folder, 'a.txt')).nlink).toBe(2);

    const split = await runCli(['--in-place', '--split-hard-links', 'a.txt'], { cwd: folder });
    expect(split.code, split.stderr).toBe(0);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
    expect(readFileSync(path.join(folder, 'b.txt'), 'utf8')).toBe(ARTICLE);
    expect(statSync(path.join(folder, 'b.txt')).nlink).toBe(1);

    const alone = await runCli(['--split-hard-links', 'a.txt'], { cwd: folder });
    expect(alone.code).toBe(2);
    expectOneLineError(alone.stderr, /--split-hard-links needs --in-place/u);
  });
});
