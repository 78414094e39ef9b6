/**
 * The command as a user runs it (issue 2): inputs and outputs, reports, options, exit codes.
 * Outputs are compared with the library's own result, so these tests check the command's plumbing
 * and stay true whatever the cleaners decide; a few checks pin what any cleaner must do (a
 * repeated headline goes).
 */
import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, CLEANERS, RULE_IDS } from '../../src/index.js';
import { ARTICLE, BIN, CLEAN, expectNoTrace, expectOneLineError, hasCommand, ROOT, runCli, shellQuote, temporaryFolders, TITLE, listFiles, writeTree } from './helpers.js';

const temporary = temporaryFolders();

const tree = (files: Record<string, string | Buffer>): string => writeTree(temporary, files);

const ARTICLE_CLEANED = clean(ARTICLE).text;

describe('the fixtures', () => {
  it('are what the CLI tests assume: the article has removals, the clean text has none', () => {
    expect(clean(ARTICLE).removals.length).toBeGreaterThan(0);
    expect(ARTICLE_CLEANED.split(TITLE)).toHaveLength(2);
    expect(clean(CLEAN).text).toBe(CLEAN);
  });
});

describe('stdin and stdout', () => {
  it('cleans stdin to stdout when no path is given', async () => {
    const result = await runCli([], { input: ARTICLE });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(ARTICLE_CLEANED);
    expect(result.stderr).toBe('');
  });

  it('reads stdin for "-"', async () => {
    const result = await runCli(['-'], { input: ARTICLE });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(ARTICLE_CLEANED);
  });

  it('cleans one file to stdout', async () => {
    const folder = tree({ 'article.txt': ARTICLE });
    const result = await runCli(['article.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(ARTICLE_CLEANED);
    expect(readFileSync(path.join(folder, 'article.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('writes one file to -o FILE, creating its folder, and nothing to stdout', async () => {
    const folder = tree({ 'article.txt': ARTICLE });
    const result = await runCli(['article.txt', '-o', 'out/deeper/clean.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(path.join(folder, 'out/deeper/clean.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });

  it('writes stdin to -o FILE', async () => {
    const folder = temporary();
    const result = await runCli(['-o', 'clean.txt'], { cwd: folder, input: ARTICLE });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(folder, 'clean.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });

  it('keeps the permission bits of an existing -o file', async () => {
    const folder = tree({ 'article.txt': ARTICLE, 'clean.txt': 'old\n' });
    chmodSync(path.join(folder, 'clean.txt'), 0o604);
    expect((await runCli(['article.txt', '-o', 'clean.txt'], { cwd: folder })).code).toBe(0);
    expect(statSync(path.join(folder, 'clean.txt')).mode & 0o777).toBe(0o604);
    expect(readFileSync(path.join(folder, 'clean.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });
});

describe('--out-dir', () => {
  it('writes files named on the command line to DIR/<name>', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'nested/b.txt': CLEAN, 'c.md': ARTICLE });
    const result = await runCli(['--out-dir', 'out', 'a.txt', 'nested/b.txt', 'c.md'], { cwd: folder });
    expect(result.code).toBe(0);
    // A file named explicitly is taken whatever its extension.
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'b.txt', 'c.md']);
    expect(readFileSync(path.join(folder, 'out/a.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
    expect(readFileSync(path.join(folder, 'out/b.txt'), 'utf8')).toBe(CLEAN);
    expect(result.stderr).toMatch(/^clean-article: 3 files: 2 cleaned, 1 unchanged, 0 failed; removed: /mu);
  });

  it('walks a folder recursively, keeping paths relative to it, taking only --ext files', async () => {
    const folder = tree({ 'in/x.txt': ARTICLE, 'in/deep/er/y.txt': CLEAN, 'in/deep/z.md': ARTICLE, 'in/notes.doc': 'x' });
    const result = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['deep/er/y.txt', 'x.txt']);
    expect(readFileSync(path.join(folder, 'out/x.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });

  it('takes a comma list in --ext, with or without the dot', async () => {
    const folder = tree({ 'in/x.txt': ARTICLE, 'in/deep/z.md': ARTICLE, 'in/w.text': CLEAN });
    const result = await runCli(['--ext', 'md,.text', '--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['deep/z.md', 'w.text']);
  });

  it('mixes named files and folders', async () => {
    const folder = tree({ 'one.txt': CLEAN, 'in/sub/two.txt': ARTICLE });
    const result = await runCli(['--out-dir', 'out', 'one.txt', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['one.txt', 'sub/two.txt']);
  });
});

describe('--in-place', () => {
  it('rewrites changed files by rename and leaves unchanged files untouched', async () => {
    const folder = tree({ 'in/dirty.txt': ARTICLE, 'in/clean.txt': CLEAN });
    const dirty = path.join(folder, 'in/dirty.txt');
    const kept = path.join(folder, 'in/clean.txt');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(kept, past, past);
    const before = { dirty: statSync(dirty).ino, kept: statSync(kept) };

    const result = await runCli(['--in-place', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(readFileSync(dirty, 'utf8')).toBe(ARTICLE_CLEANED);
    // A rename puts a new inode in place; a file written over in place would keep its inode.
    expect(statSync(dirty).ino).not.toBe(before.dirty);
    expect(readFileSync(kept, 'utf8')).toBe(CLEAN);
    expect(statSync(kept).ino).toBe(before.kept.ino);
    expect(statSync(kept).mtimeMs).toBe(before.kept.mtimeMs);
    // No temporary file is left behind.
    expect(listFiles(path.join(folder, 'in'))).toEqual(['clean.txt', 'dirty.txt']);
    expect(result.stderr).toMatch(/2 files: 1 cleaned, 1 unchanged, 0 failed/u);
  });

  it('keeps the permission bits of the file', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'b.txt': ARTICLE });
    chmodSync(path.join(folder, 'a.txt'), 0o640);
    chmodSync(path.join(folder, 'b.txt'), 0o755);
    expect((await runCli(['--in-place', 'a.txt', 'b.txt'], { cwd: folder })).code).toBe(0);
    expect(statSync(path.join(folder, 'a.txt')).mode & 0o7777).toBe(0o640);
    expect(statSync(path.join(folder, 'b.txt')).mode & 0o7777).toBe(0o755);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });

  it('writes through a symlink, which stays a symlink', async () => {
    const folder = tree({ 'real/a.txt': ARTICLE });
    symlinkSync('real/a.txt', path.join(folder, 'link.txt'));
    expect((await runCli(['--in-place', 'link.txt'], { cwd: folder })).code).toBe(0);
    expect(lstatSync(path.join(folder, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(folder, 'real/a.txt'), 'utf8')).toBe(ARTICLE_CLEANED);
  });

  it('refuses stdin', async () => {
    const result = await runCli(['--in-place'], { input: ARTICLE });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /--in-place needs files/u);
  });
});

describe('--explain', () => {
  const LINE = /^(?<name>.+):(?<line>\d+):(?<column>\d+) {2}(?<rule>\S+) {2}(?<reason>.+) {2}(?<text>".*")$/u;

  it('prints one line per removal on stderr, without colour when stderr is not a terminal', async () => {
    const folder = tree({ 'article.txt': ARTICLE });
    const result = await runCli(['--explain', 'article.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(ARTICLE_CLEANED);
    expect(result.stderr).not.toContain('\u001b[');
    const lines = result.stderr.trimEnd().split('\n');
    const removals = clean(ARTICLE).removals;
    expect(lines).toHaveLength(removals.length);
    const sourceLines = ARTICLE.split('\n');
    lines.forEach((line, index) => {
      const match = LINE.exec(line);
      expect(match, line).not.toBeNull();
      const groups = match!.groups!;
      expect(groups['name']).toBe('article.txt');
      expect(RULE_IDS).toContain(groups['rule']);
      expect(groups['rule']).toBe(removals[index]!.rule);
      const shown = JSON.parse(groups['text']!) as string;
      // line:col points at the removed text in the input.
      expect(sourceLines[Number(groups['line']) - 1]!.slice(Number(groups['column']) - 1).startsWith(shown.split('\n')[0]!)).toBe(true);
    });
    expect(lines.some((line) => line.includes('repeated-title') && line.includes(JSON.stringify(TITLE)))).toBe(true);
  });

  it('colours with --color always and not with --color never', async () => {
    const always = await runCli(['--explain', '--color', 'always'], { input: ARTICLE });
    expect(always.stderr).toMatch(/\u001b\[\d+m/u);
    expect(always.stdout).toBe(ARTICLE_CLEANED);
    const never = await runCli(['--explain', '--color', 'never'], { input: ARTICLE });
    expect(never.stderr).not.toContain('\u001b[');
  });

  it('rejects an unknown --color value', async () => {
    const result = await runCli(['--color', 'sometimes'], { input: ARTICLE });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /sometimes/u);
  });

  // Colour on a real terminal needs one: script(1) gives the command a pseudo-terminal.
  describe.skipIf(!hasCommand('script'))('on a terminal', () => {
    const onTerminal = (flags: string, env: Record<string, string | undefined> = {}): string => {
      const folder = tree({ 'article.txt': ARTICLE });
      const command = `${shellQuote(process.execPath)} ${shellQuote(BIN)} --explain ${flags} article.txt >/dev/null`;
      return terminalOutput(folder, command, env);
    };

    it('colours by default, not with NO_COLOR set, and --color always beats NO_COLOR', async () => {
      expect(onTerminal('')).toMatch(/\u001b\[\d+m/u);
      expect(onTerminal('', { NO_COLOR: '1' })).not.toContain('\u001b[');
      expect(onTerminal('--color never')).not.toContain('\u001b[');
      expect(onTerminal('--color always', { NO_COLOR: '1' })).toMatch(/\u001b\[\d+m/u);
    });
  });
});

/** Runs `command` under script(1) in `cwd` and returns what the terminal showed. */
function terminalOutput(cwd: string, command: string, env: Record<string, string | undefined>): string {
  const childEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR')), TERM: 'xterm' };
  Object.assign(childEnv, env);
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: childEnv, encoding: 'utf8', timeout: 30_000 });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('repeated-title');
  return result.stdout;
}

describe('--json', () => {
  it('prints one parseable object per input with text, located removals and counts', async () => {
    const result = await runCli(['--json'], { input: ARTICLE });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as {
      input: string;
      title: string | null;
      text: string;
      removals: Array<{ rule: string; reason: string; start: number; end: number; line: number; column: number; text: string }>;
      counts: Record<string, number>;
    };
    expect(record.input).toBe('-');
    expect(record.title).toBe(TITLE);
    expect(record.text).toBe(ARTICLE_CLEANED);
    expect(record.removals.length).toBeGreaterThan(0);
    const counts: Record<string, number> = {};
    const sourceLines = ARTICLE.split('\n');
    for (const removal of record.removals) {
      expect(RULE_IDS).toContain(removal.rule);
      expect(removal.reason.length).toBeGreaterThan(0);
      expect(ARTICLE.slice(removal.start, removal.end)).toBe(removal.text);
      expect(sourceLines[removal.line - 1]!.slice(removal.column - 1).startsWith(removal.text.split('\n')[0]!)).toBe(true);
      counts[removal.rule] = (counts[removal.rule] ?? 0) + 1;
    }
    expect(record.counts).toEqual(counts);
  });

  it('prints one line per file for several files, and still writes --out-dir files', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/b.txt': CLEAN });
    const result = await runCli(['--json', '--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { input: string; text: string; removals: unknown[] });
    expect(records.map((record) => path.basename(record.input))).toEqual(['a.txt', 'b.txt']);
    expect(records[1]!.removals).toEqual([]);
    expect(records[1]!.text).toBe(CLEAN);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'b.txt']);
  });

  it('reports on a folder without --out-dir, writing no files', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/b.txt': CLEAN });
    const result = await runCli(['--json', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(listFiles(folder)).toEqual(['in/a.txt', 'in/b.txt']);
  });
});

describe('cleaning options', () => {
  it('--body-only leaves the headline out', async () => {
    const result = await runCli(['--body-only'], { input: ARTICLE });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(clean(ARTICLE, { bodyOnly: true }).text);
    expect(result.stdout).not.toContain(TITLE);
  });

  it('--disable switches a rule off', async () => {
    const result = await runCli(['--disable', 'repeated-title,fragment'], { input: ARTICLE });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(clean(ARTICLE, { disable: ['repeated-title', 'fragment'] }).text);
    expect(result.stdout).toContain('Advertisement');
    expect(result.stdout).not.toBe(ARTICLE_CLEANED);
  });

  it('--disable with an unknown rule is a usage error', async () => {
    const result = await runCli(['--disable', 'spelling'], { input: ARTICLE });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /unknown rule in --disable: spelling/u);
  });

  it('--similarity is passed to the cleaner', async () => {
    const text = `${CLEAN}\nThe owners opened it last week after two long years of planning.\n`;
    const outputs: string[] = [];
    for (const similarity of [0.5, 1]) {
      const result = await runCli(['--similarity', String(similarity)], { input: text });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(clean(text, { similarity }).text);
      outputs.push(result.stdout);
    }
    // The reworded repeat goes at 0.5 and stays at 1, so the option really reached the cleaner.
    expect(outputs[0]).not.toBe(outputs[1]);
  });

  it('--similarity out of range is a usage error', async () => {
    for (const value of ['0', '1.5', 'much']) {
      const result = await runCli(['--similarity', value], { input: ARTICLE });
      expect(result.code).toBe(2);
      expectOneLineError(result.stderr, /similarity/u);
    }
  });
});

describe('--check', () => {
  it('exits 1 when something would be removed, and writes nothing', async () => {
    const folder = tree({ 'article.txt': ARTICLE });
    const result = await runCli(['--check', 'article.txt'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^article\.txt: \d+ removals?$/mu);
    expect(readFileSync(path.join(folder, 'article.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('exits 0 for clean text', async () => {
    const result = await runCli(['--check'], { input: CLEAN });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('checks a folder: 1 when any file would change, with --out-dir writing nothing', async () => {
    const folder = tree({ 'in/a.txt': CLEAN, 'in/b.txt': ARTICLE });
    const result = await runCli(['--check', '--out-dir', 'out', 'in'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(existsSync(path.join(folder, 'out'))).toBe(false);
    const clean = await runCli(['--check', 'in/a.txt', 'in/a.txt'], { cwd: folder });
    expect(clean.code).toBe(0);
  });
});

describe('usage errors: exit 2, one line, no trace, nothing on stdout', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['--frobnicate'], /unknown option '--frobnicate'/u],
    ['a misspelt option (with its suggestion on the same line)', ['--jsn'], /unknown option '--jsn'.*--json/u],
    ['-o with two inputs', ['-o', 'x.txt', 'a.txt', 'b.txt'], /-o takes a single/u],
    ['-o with --out-dir', ['-o', 'x.txt', '--out-dir', 'out', 'a.txt'], /choose one of/u],
    ['--in-place with --out-dir', ['--in-place', '--out-dir', 'out', 'a.txt'], /choose one of/u],
    ['a missing option value', ['--out-dir'], /argument missing/u],
    ['"-" mixed with files', ['--out-dir', 'out', '-', 'a.txt'], /"-" \(stdin\) cannot be mixed/u],
    ['--out-dir with stdin', ['--out-dir', 'out'], /--out-dir needs files/u],
  ];
  for (const [name, args, pattern] of cases) {
    it(name, async () => {
      const result = await runCli(args, { cwd: tree({ 'a.txt': ARTICLE, 'b.txt': CLEAN }), input: ARTICLE });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expectOneLineError(result.stderr, pattern);
    });
  }
});

describe('--help and --version', () => {
  it('--help lists the options and examples on stdout and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const option of ['--out-dir', '--in-place', '--explain', '--json', '--check', '--body-only', '--disable', '--similarity', '--color']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toMatch(/Examples:\n\s+\$ clean-article /u);
    expect(result.stdout).toMatch(/Exit codes: 0 .*1 .*2 /u);
    // A flag has no value to default to: "(default: false)" would only be noise.
    expect(result.stdout).not.toContain('default: false');
    // The rules and their options come from each rule's meta, defaults included.
    for (const rule of CLEANERS) {
      expect(result.stdout).toContain(`  ${rule.meta.id}`);
      expect(result.stdout).toContain(rule.meta.description);
    }
    expect(result.stdout).toMatch(/--min-duplicate-words <n>\s+near-duplicate: fewest words/u);
    expect(result.stdout.replace(/\s+/gu, ' ')).toContain(`(default ${CLEANERS.find((rule) => rule.meta.id === 'near-duplicate')!.meta.options['similarity']!.default as number})`);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('no flag leaks a stack trace on a usage error', async () => {
    const result = await runCli(['--similarity']);
    expect(result.code).toBe(2);
    expectNoTrace(result.stderr);
  });
});
