/**
 * Paths (issue 5): missing and unreadable inputs, unwritable outputs, outputs that would land on
 * inputs or outside --out-dir, symlink loops, awkward names.
 */
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPath, PathError } from '../../src/cli/files.js';
import { clean } from '../../src/index.js';
import { ARTICLE, CLEAN, expectNoTrace, expectOneLineError, IS_ROOT, NOBODY, runCli, temporaryFolders, listFiles, writeTree } from './helpers.js';

const temporary = temporaryFolders();
const CLEANED = clean(ARTICLE).text;

const tree = (files: Record<string, string | Buffer>): string => writeTree(temporary, files);

/**
 * Permission bits do not stop root, so as root the command runs as nobody, in a folder nobody can
 * use; otherwise it runs as the current user.
 */
function permissionRun(folder: string): { uid?: number } {
  if (!IS_ROOT) return {};
  chmodSync(folder, 0o777);
  return { uid: NOBODY };
}

describe('missing inputs', () => {
  it('a missing file: exit 2, one line naming it', async () => {
    const result = await runCli(['no-such-file.txt'], { cwd: temporary() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /^clean-article: no-such-file\.txt: no such file or directory \(ENOENT\)$/u);
  });

  it('a missing file in a batch: the others are written, the summary names it', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'c.txt': CLEAN });
    const result = await runCli(['--out-dir', 'out', 'a.txt', 'gone.txt', 'c.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'c.txt']);
    expectNoTrace(result.stderr);
    expect(result.stderr).toMatch(/^clean-article: gone\.txt: no such file or directory \(ENOENT\)$/mu);
    expect(result.stderr).toMatch(/^clean-article: 3 files: 1 cleaned, 1 unchanged, 1 failed \(gone\.txt\); removed: /mu);
  });
});

describe('a folder needs --out-dir or --in-place', () => {
  it('is refused with a usage message and nothing written', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE });
    const result = await runCli(['in'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /folder need --out-dir or --in-place/u);
    expect(readFileSync(path.join(folder, 'in/a.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('as is -o with a folder', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE });
    const result = await runCli(['-o', 'x.txt', 'in'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /-o takes a single file/u);
    expect(existsSync(path.join(folder, 'x.txt'))).toBe(false);
  });
});

describe('permissions', () => {
  it('an unreadable file: exit 2 with EACCES, the other files still cleaned', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'secret.txt': ARTICLE });
    chmodSync(path.join(folder, 'secret.txt'), 0o000);
    const as = permissionRun(folder);
    const single = await runCli(['secret.txt'], { cwd: folder, ...as });
    expect(single.code).toBe(2);
    expectOneLineError(single.stderr, /^clean-article: secret\.txt: permission denied \(EACCES\)$/u);

    const batch = await runCli(['--out-dir', 'out', 'a.txt', 'secret.txt'], { cwd: folder, ...as });
    expect(batch.code).toBe(2);
    expect(readFileSync(path.join(folder, 'out/a.txt'), 'utf8')).toBe(CLEANED);
    expect(existsSync(path.join(folder, 'out/secret.txt'))).toBe(false);
    expect(batch.stderr).toMatch(/1 failed \(secret\.txt\)/u);
  });

  it('an unreadable folder met while walking is a failure; the walk goes on', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/locked/b.txt': ARTICLE, 'in/z.txt': CLEAN });
    chmodSync(path.join(folder, 'in/locked'), 0o000);
    chmodSync(path.join(folder, 'in'), 0o777);
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder, ...permissionRun(folder) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/in\/locked: permission denied \(EACCES\)/u);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'z.txt']);
  });

  it('an unwritable output folder: exit 2, a message naming the output, the input untouched', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'b.txt': ARTICLE });
    mkdirSync(path.join(folder, 'out'));
    const as = permissionRun(folder);
    chmodSync(path.join(folder, 'out'), 0o555);
    const result = await runCli(['--out-dir', 'out', 'a.txt', 'b.txt'], { cwd: folder, ...as });
    expect(result.code).toBe(2);
    expectNoTrace(result.stderr);
    expect(result.stderr).toMatch(/^clean-article: a\.txt: cannot write .*out\/a\.txt: permission denied \(EACCES\)$/mu);
    expect(result.stderr).toMatch(/^clean-article: 2 files: 0 cleaned, 0 unchanged, 2 failed \(a\.txt, b\.txt\)$/mu);
    expect(readdirSync(path.join(folder, 'out'))).toEqual([]);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('--out-dir naming an existing file: every input fails, nothing is lost', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'out': 'I am a file\n' });
    const result = await runCli(['--out-dir', 'out', 'a.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /a\.txt: cannot write .*\((EEXIST|ENOTDIR)\)/u);
    expect(readFileSync(path.join(folder, 'out'), 'utf8')).toBe('I am a file\n');
  });

  it('-o into an unwritable folder', async () => {
    const folder = tree({ 'a.txt': ARTICLE });
    mkdirSync(path.join(folder, 'ro'));
    const as = permissionRun(folder);
    chmodSync(path.join(folder, 'ro'), 0o555);
    const result = await runCli(['-o', 'ro/a.txt', 'a.txt'], { cwd: folder, ...as });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /cannot write ro\/a\.txt: permission denied \(EACCES\)/u);
  });
});

describe('outputs that would overwrite inputs', () => {
  it('-o naming the input is refused, also through a symlink or a hard link', async () => {
    const folder = tree({ 'a.txt': ARTICLE });
    symlinkSync('a.txt', path.join(folder, 'soft.txt'));
    linkSync(path.join(folder, 'a.txt'), path.join(folder, 'hard.txt'));
    for (const target of ['a.txt', './a.txt', 'soft.txt', 'hard.txt', path.join(folder, 'a.txt')]) {
      const result = await runCli(['-o', target, 'a.txt'], { cwd: folder });
      expect(result.code, target).toBe(2);
      expectOneLineError(result.stderr, /is the input file; use --in-place/u);
      expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE);
    }
  });

  it('an output folder inside the input folder is not read back', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/m/b.txt': ARTICLE, 'in/z.txt': CLEAN });
    // "in/clean" does not exist yet: it is made while the walk is under way, before the walk reaches it.
    for (let round = 0; round < 2; round++) {
      const result = await runCli(['--out-dir', 'in/clean', 'in'], { cwd: folder });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^clean-article: 3 files: /mu);
    }
    expect(listFiles(path.join(folder, 'in'))).toEqual(['a.txt', 'clean/a.txt', 'clean/m/b.txt', 'clean/z.txt', 'm/b.txt', 'z.txt']);
  });

  it('--out-dir equal to the input folder is refused', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE });
    const result = await runCli(['--out-dir', 'in/', 'in'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/in: is the --out-dir itself; use --in-place/u);
    expect(readFileSync(path.join(folder, 'in/a.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('a file named on the command line whose output is itself is refused', async () => {
    const folder = tree({ 'a.txt': ARTICLE });
    const result = await runCli(['--out-dir', '.', 'a.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /a\.txt: its output .* is the input file itself/u);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('two inputs with the same output name: the second is refused, the first kept', async () => {
    const folder = tree({ 'one/a.txt': ARTICLE, 'two/a.txt': CLEAN });
    const result = await runCli(['--out-dir', 'out', 'one/a.txt', 'two/a.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/two\/a\.txt: its output .*out\/a\.txt would overwrite the output of one\/a\.txt/u);
    expect(readFileSync(path.join(folder, 'out/a.txt'), 'utf8')).toBe(CLEANED);
  });
});

describe('symlinks while walking', () => {
  it('loops are cut with a warning, broken links skipped, each real file cleaned once', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/sub/b.txt': CLEAN });
    symlinkSync('.', path.join(folder, 'in/again'));
    symlinkSync('..', path.join(folder, 'in/sub/up'));
    symlinkSync('self.txt', path.join(folder, 'in/self.txt'));
    symlinkSync('nowhere.txt', path.join(folder, 'in/broken.txt'));
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder, timeoutMs: 30_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'sub/b.txt']);
    expectNoTrace(result.stderr);
    expect(result.stderr).toMatch(/in\/again: warning: symlink loop, not followed/u);
    expect(result.stderr).toMatch(/in\/sub\/up: warning: symlink loop, not followed/u);
    expect(result.stderr).toMatch(/in\/self\.txt: warning: symlink loop, skipped/u);
    expect(result.stderr).toMatch(/in\/broken\.txt: warning: broken symlink, skipped/u);
    expect(result.stderr).toMatch(/2 files: 1 cleaned, 1 unchanged, 0 failed/u);
  });

  it('a link to a folder outside is followed, as an input', async () => {
    const folder = tree({ 'elsewhere/e.txt': ARTICLE, 'in/a.txt': CLEAN });
    symlinkSync('../elsewhere', path.join(folder, 'in/linked'));
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'linked/e.txt']);
  });
});

describe('awkward names', () => {
  const names = ['with space.txt', `it's "quoted".txt`, 'new\nline.txt', 'ünïcødé 記事 🎉.txt', '-starts-with-dash.txt', '$(echo pwned).txt'];

  it('are read and written under the same names in a folder walk', async () => {
    const files: Record<string, string> = {};
    for (const name of names) files[path.join('in', name)] = ARTICLE;
    const folder = tree(files);
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out')).sort()).toEqual([...names].sort());
    for (const name of names) expect(readFileSync(path.join(folder, 'out', name), 'utf8')).toBe(CLEANED);
  });

  it('work named on the command line (after -- for a leading dash), to stdout and in place', async () => {
    const files: Record<string, string> = {};
    for (const name of names) files[name] = ARTICLE;
    const folder = tree(files);
    for (const name of names) {
      const result = await runCli(['--', name], { cwd: folder });
      expect(result.code, name).toBe(0);
      expect(result.stdout).toBe(CLEANED);
    }
    const inPlace = await runCli(['--in-place', '--', ...names], { cwd: folder });
    expect(inPlace.code).toBe(0);
    for (const name of names) expect(readFileSync(path.join(folder, name), 'utf8')).toBe(CLEANED);
  });

  it('a newline in a name is quoted, so each message stays one line', async () => {
    const folder = tree({ 'bad\nname.txt': Buffer.from([0, 1, 2, 3]) });
    const result = await runCli(['bad\nname.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^clean-article: "bad\\nname\.txt": skipped: binary file/u);
  });
});

describe('".." and links cannot carry writes outside --out-dir', () => {
  it('outputPath refuses paths that leave the folder', () => {
    expect(() => outputPath('out', '../x.txt')).toThrow(PathError);
    expect(() => outputPath('out', 'a/../../x.txt')).toThrow(/refusing to write outside --out-dir/u);
    expect(() => outputPath('out', '/etc/x.txt')).toThrow(PathError);
    expect(() => outputPath('out', '.')).toThrow(PathError);
    expect(outputPath('out', 'a/../b.txt')).toBe(path.resolve('out/b.txt'));
  });

  it('inputs named with ".." still land inside --out-dir', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/deep/b.txt': CLEAN, 'work/.keep': '' });
    const work = path.join(folder, 'work');
    const result = await runCli(['--out-dir', 'out', '../in/a.txt', '../in/deep/../deep'], { cwd: work });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(work, 'out'))).toEqual(['a.txt', 'b.txt']);
    expect(listFiles(folder)).toEqual(['in/a.txt', 'in/deep/b.txt', 'work/.keep', 'work/out/a.txt', 'work/out/b.txt']);
  });

  it('a symlink inside --out-dir that leads outside is refused', async () => {
    const folder = tree({ 'in/deep/x.txt': ARTICLE, 'in/y.txt': CLEAN, 'elsewhere/.keep': '' });
    mkdirSync(path.join(folder, 'out'));
    symlinkSync('../elsewhere', path.join(folder, 'out/deep'));
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/in\/deep\/x\.txt: refusing to write outside --out-dir/u);
    expect(readdirSync(path.join(folder, 'elsewhere'))).toEqual(['.keep']);
    expect(readFileSync(path.join(folder, 'out/y.txt'), 'utf8')).toBe(CLEAN);
  });
});

describe('--in-place on what is not a regular file', () => {
  it('is refused for a device', async () => {
    const result = await runCli(['--in-place', '/dev/null']);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /\/dev\/null: not a regular file/u);
  });
});
