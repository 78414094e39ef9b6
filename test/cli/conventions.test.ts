/**
 * The terminal conventions users of ripgrep, Prettier and ESLint rely on (issue 16), each run on
 * the real command: colour as chalk reads FORCE_COLOR and NO_COLOR, --color/--no-color; folder
 * walks that pass over hidden entries, node_modules/ and what .gitignore ignores; quoted globs;
 * a configuration file; --quiet and --verbose; -l; --diff; usage on a terminal; a run that
 * matches nothing; `help`; and the surprises that used to pass in silence.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { ARTICLE, BIN, CLEAN, expectNoTrace, expectOneLineError, hasCommand, listFiles, ROOT, runCli, shellQuote, temporaryFolders, writeTree } from './helpers.js';

const temporary = temporaryFolders();
const tree = (files: Record<string, string | Buffer>): string => writeTree(temporary, files);
const CLEANED = clean(ARTICLE).text;
const COLOR = /\u001b\[\d+m/u;

/** The inputs a run read, from its --json records. */
function inputsOf(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { input: string }).input)
    .sort();
}

/** Runs a shell command under script(1), which gives it a terminal; returns what the terminal showed and the exit code. */
function onTerminal(cwd: string, command: string, env: Record<string, string | undefined> = {}): { output: string; code: number | null } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) Reflect.deleteProperty(childEnv, name);
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) Reflect.deleteProperty(childEnv, name);
    else childEnv[name] = value;
  }
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: childEnv, encoding: 'utf8', timeout: 30_000 });
  return { output: result.stdout, code: result.status };
}

const command = (args: string): string => `${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args}`;

describe('colour, as chalk reads the environment', () => {
  /** Whether chalk itself colours stderr (not a terminal) under `env`: the convention the command follows. */
  const chalkColours = (env: Record<string, string>): boolean => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv['NO_COLOR'];
    if (!('FORCE_COLOR' in env)) delete childEnv['FORCE_COLOR'];
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "import { supportsColorStderr } from 'chalk'; process.stdout.write(String(supportsColorStderr ? supportsColorStderr.level : 0))"], { cwd: ROOT, env: childEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return Number(result.stdout.trim()) > 0;
  };

  it('FORCE_COLOR turns colour on and off exactly as chalk reads it, off a terminal', async () => {
    for (const value of ['0', '1', '2', '3', 'true', 'false', '']) {
      const result = await runCli(['--explain'], { input: ARTICLE, env: { FORCE_COLOR: value } });
      expect(COLOR.test(result.stderr), `FORCE_COLOR=${JSON.stringify(value)}`).toBe(chalkColours({ FORCE_COLOR: value }));
    }
    expect(chalkColours({ FORCE_COLOR: '1' })).toBe(true);
    expect(chalkColours({ FORCE_COLOR: '0' })).toBe(false);
  });

  it('off a terminal there is no colour; --color, --color=always and --color always force it; FORCE_COLOR wins over NO_COLOR; --no-color wins over both', async () => {
    const colours = async (args: string[], env: Record<string, string> = {}): Promise<boolean> => COLOR.test((await runCli(['--explain', ...args], { input: ARTICLE, env })).stderr);
    expect(await colours([])).toBe(false);
    expect(await colours(['--color'])).toBe(true);
    expect(await colours(['--color=always'])).toBe(true);
    expect(await colours(['--color', 'always'])).toBe(true);
    expect(await colours([], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(await colours(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
    expect(await colours(['--color', 'never'], { FORCE_COLOR: '1' })).toBe(false);
    // A bare --color does not swallow the path after it.
    const folder = tree({ 'a.txt': ARTICLE });
    const bare = await runCli(['--explain', '--color', 'a.txt'], { cwd: folder });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(CLEANED);
    expect(COLOR.test(bare.stderr)).toBe(true);
  });

  describe.skipIf(!hasCommand('script'))('on a terminal', () => {
    const explain = (flags: string, env: Record<string, string | undefined> = {}): string => {
      const folder = tree({ 'a.txt': ARTICLE });
      const shown = onTerminal(folder, `${command(`--explain ${flags} a.txt`)} >/dev/null`, env);
      expect(shown.output).toContain('repeated-title');
      return shown.output;
    };

    it('colours; not with NO_COLOR set (empty does not count), FORCE_COLOR=0, TERM=dumb or --no-color', () => {
      expect(explain('')).toMatch(COLOR);
      expect(explain('', { NO_COLOR: '' })).toMatch(COLOR);
      expect(explain('', { NO_COLOR: '1' })).not.toMatch(COLOR);
      expect(explain('', { FORCE_COLOR: '0' })).not.toMatch(COLOR);
      expect(explain('', { TERM: 'dumb' })).not.toMatch(COLOR);
      expect(explain('--no-color')).not.toMatch(COLOR);
      expect(explain('--color', { NO_COLOR: '1' })).toMatch(COLOR);
    });
  });
});

describe('folder walks', () => {
  const layout = (): string =>
    tree({
      'in/a.txt': ARTICLE,
      'in/.draft.txt': ARTICLE,
      'in/.cache/b.txt': ARTICLE,
      'in/node_modules/pkg/readme.txt': ARTICLE,
      'in/.git/notes.txt': ARTICLE,
      'in/.gitignore': 'build/\n*.tmp.txt\n!keep.tmp.txt\n',
      'in/build/out.txt': ARTICLE,
      'in/sub/c.txt': ARTICLE,
      'in/sub/d.tmp.txt': ARTICLE,
      'in/sub/keep.tmp.txt': ARTICLE,
      'in/sub/.gitignore': 'private/\n',
      'in/sub/private/e.txt': ARTICLE,
    });

  it('pass over hidden entries, node_modules/, .git/ and what .gitignore files ignore (negations and nested files included)', async () => {
    const folder = layout();
    const result = await runCli(['--json', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(inputsOf(result.stdout)).toEqual(['in/a.txt', 'in/sub/c.txt', 'in/sub/keep.tmp.txt']);
  });

  it('--hidden takes hidden entries (not .git/), --no-ignore the ignored ones, both take everything', async () => {
    const folder = layout();
    expect(inputsOf((await runCli(['--json', '--hidden', 'in'], { cwd: folder })).stdout)).toEqual(['in/.cache/b.txt', 'in/.draft.txt', 'in/a.txt', 'in/sub/c.txt', 'in/sub/keep.tmp.txt']);
    expect(inputsOf((await runCli(['--json', '--no-ignore', 'in'], { cwd: folder })).stdout)).toEqual([
      'in/a.txt',
      'in/build/out.txt',
      'in/node_modules/pkg/readme.txt',
      'in/sub/c.txt',
      'in/sub/d.tmp.txt',
      'in/sub/keep.tmp.txt',
      'in/sub/private/e.txt',
    ]);
    const everything = inputsOf((await runCli(['--json', '--hidden', '--no-ignore', 'in'], { cwd: folder })).stdout);
    expect(everything).toHaveLength(10);
    expect(everything).toContain('in/.git/notes.txt');
  });

  it('a named hidden folder or file is taken: only what a walk finds is passed over', async () => {
    const folder = layout();
    expect(inputsOf((await runCli(['--json', 'in/.cache', 'in/.draft.txt'], { cwd: folder })).stdout)).toEqual(['in/.cache/b.txt', 'in/.draft.txt']);
  });

  it('reads the .gitignore files above the walked folder up to the repository root, and none outside a repository', async () => {
    const files = { 'docs/a.txt': ARTICLE, 'docs/old/b.txt': ARTICLE, '.gitignore': 'old/\n' };
    const repository = tree(files);
    mkdirSync(path.join(repository, '.git'));
    expect(inputsOf((await runCli(['--json', 'docs'], { cwd: repository })).stdout)).toEqual(['docs/a.txt']);
    const plain = tree(files);
    expect(inputsOf((await runCli(['--json', 'docs'], { cwd: plain })).stdout)).toEqual(['docs/a.txt', 'docs/old/b.txt']);
  });

  it('--verbose says what a walk passed over', async () => {
    const result = await runCli(['--json', '--verbose', 'in'], { cwd: layout() });
    // Hidden: .draft.txt, .cache/ (and .gitignore files, which are not inputs); ignored: node_modules/, .git/, build/, sub/d.tmp.txt, sub/private/.
    expect(result.stderr).toMatch(/^clean-article: in: passed over 2 hidden and 5 ignored entries \(--hidden, --no-ignore\)$/mu);
  });
});

describe('globs in arguments', () => {
  it('a quoted glob is expanded by the command, hidden files only with --hidden, ignored files passed over', async () => {
    const folder = tree({ 'scraped/a.txt': ARTICLE, 'scraped/x/b.txt': ARTICLE, 'scraped/x/c.md': ARTICLE, 'scraped/.d.txt': ARTICLE, 'scraped/node_modules/e.txt': ARTICLE });
    expect(inputsOf((await runCli(['--json', 'scraped/**/*.txt'], { cwd: folder })).stdout)).toEqual(['scraped/a.txt', 'scraped/x/b.txt']);
    expect(inputsOf((await runCli(['--json', '--hidden', 'scraped/**/*.txt'], { cwd: folder })).stdout)).toEqual(['scraped/.d.txt', 'scraped/a.txt', 'scraped/x/b.txt']);
    // The glob decides, not --ext.
    expect(inputsOf((await runCli(['--json', 'scraped/*/*.md'], { cwd: folder })).stdout)).toEqual(['scraped/x/c.md']);
  });

  it('writes a glob\'s files under --out-dir by their path below the glob\'s folder', async () => {
    const folder = tree({ 'scraped/a.txt': ARTICLE, 'scraped/x/b.txt': CLEAN });
    const result = await runCli(['--out-dir', 'out', 'scraped/**/*.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt', 'x/b.txt']);
    expect(readFileSync(path.join(folder, 'out/a.txt'), 'utf8')).toBe(CLEANED);
  });

  it('a file whose name looks like a glob is taken as named', async () => {
    const folder = tree({ '[draft].txt': ARTICLE });
    const result = await runCli(['[draft].txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(CLEANED);
  });
});

describe('a run that matches no file', () => {
  it('exits 2 naming the folder and why: no file with the extensions, or all passed over', async () => {
    const empty = tree({ 'in/notes.md': ARTICLE, 'hidden/.a.txt': ARTICLE });
    const none = await runCli(['--check', 'in'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^clean-article: in: no file ending in \.txt \(see --ext\)$/mu);
    const passed = await runCli(['--check', 'hidden'], { cwd: empty });
    expect(passed.code).toBe(2);
    expect(passed.stderr).toMatch(/^clean-article: hidden: no file ending in \.txt \(see --ext\); passed over 1 hidden \(see --hidden\)$/mu);
    expectNoTrace(passed.stderr);
  });

  it('exits 2 for a glob that matches nothing, even when other arguments match', async () => {
    const folder = tree({ 'a.txt': ARTICLE });
    const result = await runCli(['--out-dir', 'out', 'a.txt', 'nothing/**/*.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clean-article: nothing\/\*\*\/\*\.txt: no file matches$/mu);
    expect(listFiles(path.join(folder, 'out'))).toEqual(['a.txt']);
  });

  it('count-lines and --jsonl too', async () => {
    const folder = tree({ 'in/a.md': ARTICLE });
    const counted = await runCli(['count-lines', 'in'], { cwd: folder });
    expect(counted.code).toBe(2);
    expect(counted.stderr).toMatch(/in: no file ending in \.txt/u);
    const records = await runCli(['--jsonl', 'in'], { cwd: folder });
    expect(records.code).toBe(2);
    expect(records.stderr).toMatch(/in: no file ending in \.jsonl/u);
  });
});

describe('the configuration file', () => {
  const FRAGMENTED = 'Budget Vote Set For Tuesday\n\nThe council will vote on the new budget for the parks on Tuesday evening. The members have argued about it since the spring.\n\nAdvertisement\n\nThe mayor said she expected the plan to pass with a large majority.\n';

  it('is found from the working folder up, in each of the usual places, and its options apply', async () => {
    for (const [name, content] of [
      ['.clean-articlerc', '{ "disable": ["fragment"] }'],
      ['.clean-articlerc.json', '{ "disable": "fragment" }'],
      ['clean-article.config.js', 'module.exports = { disable: ["fragment"] };'],
      ['clean-article.config.mjs', 'export default { disable: ["fragment"] };'],
      ['package.json', '{ "name": "x", "clean-article": { "disable": ["fragment"] } }'],
    ] as const) {
      const folder = tree({ [name]: content, 'deep/er/a.txt': FRAGMENTED });
      const result = await runCli(['a.txt'], { cwd: path.join(folder, 'deep/er') });
      expect(result.stderr, name).toBe('');
      expect(result.stdout, name).toContain('Advertisement');
    }
    const none = tree({ 'a.txt': FRAGMENTED });
    expect((await runCli(['a.txt'], { cwd: none })).stdout).not.toContain('Advertisement');
  });

  it('flags win over it; --no-config and --config FILE choose another', async () => {
    const folder = tree({ '.clean-articlerc': '{ "disable": ["fragment"], "explain": true }', 'other.json': '{ "disable": ["near-duplicate"] }', 'a.txt': FRAGMENTED });
    const flag = await runCli(['--disable', 'near-duplicate', 'a.txt'], { cwd: folder });
    expect(flag.stdout).not.toContain('Advertisement');
    // Options the flags do not give still come from the file.
    expect(flag.stderr).toMatch(/fragment {2}interface label/u);
    expect((await runCli(['--no-config', 'a.txt'], { cwd: folder })).stdout).not.toContain('Advertisement');
    const other = await runCli(['--config', 'other.json', 'a.txt'], { cwd: folder });
    expect(other.stdout).not.toContain('Advertisement');
    expect(other.stderr).toBe('');
  });

  it('takes flag names, resolves paths from its own folder, and --verbose names it', async () => {
    const folder = tree({ '.clean-articlerc': '{ "out-dir": "clean", "ext": [".md"] }', 'in/a.md': ARTICLE, 'in/b.txt': ARTICLE });
    mkdirSync(path.join(folder, 'work'));
    const result = await runCli(['--verbose', '../in'], { cwd: path.join(folder, 'work') });
    expect(result.code).toBe(0);
    expect(listFiles(path.join(folder, 'clean'))).toEqual(['a.md']);
    expect(result.stderr).toMatch(/^clean-article: options from \.\.\/\.clean-articlerc$/mu);
  });

  it('an unknown option, a bad value or a broken file is a usage error naming the file', async () => {
    const cases: Array<[string, RegExp]> = [
      ['{ "explian": true }', /^clean-article: \.clean-articlerc: unknown option "explian"/u],
      ['{ "similarity": 3 }', /^clean-article: \.clean-articlerc: "similarity" must be expected a number in \(0, 1\], not 3$/u],
      ['{ "color": "sometimes" }', /"color" must be one of auto, always, never/u],
      ['{ "explain": "yes" }', /"explain" must be true or false/u],
      ['{ "disable": ["nope"] }', /unknown rule in --disable: nope/u],
      ['[1, 2]', /expected an object of options/u],
      ['{ oops', /^clean-article: .*\.clean-articlerc: /u],
    ];
    for (const [content, pattern] of cases) {
      const folder = tree({ '.clean-articlerc': content, 'a.txt': ARTICLE });
      const result = await runCli(['a.txt'], { cwd: folder });
      expect(result.code, content).toBe(2);
      expect(result.stdout).toBe('');
      expectOneLineError(result.stderr, pattern);
    }
  });

  it('holds count-lines options too, which takes those it has', async () => {
    const folder = tree({ '.clean-articlerc': '{ "ext": ".md", "explain": true }', 'in/a.md': ARTICLE });
    const result = await runCli(['count-lines', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/counted the lines of 1 document$/mu);
  });
});

describe('--quiet and --verbose', () => {
  const INVALID = Buffer.concat([Buffer.from(ARTICLE), Buffer.from([0xff]), Buffer.from('\n')]);

  it('--quiet prints errors only: no warning, no summary, no --check lines', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'bad.txt': INVALID });
    const loud = await runCli(['--check', 'a.txt', 'bad.txt', 'gone.txt'], { cwd: folder });
    expect(loud.stderr).toMatch(/warning/u);
    expect(loud.stderr).toMatch(/3 files:/u);
    const quiet = await runCli(['--check', '--quiet', 'a.txt', 'bad.txt', 'gone.txt'], { cwd: folder });
    expect(quiet.code).toBe(2);
    expectOneLineError(quiet.stderr, /^clean-article: gone\.txt: no such file or directory/u);
  });

  it('--verbose tells each file, and the time taken', async () => {
    const folder = tree({ 'a.txt': ARTICLE, 'b.txt': CLEAN });
    const result = await runCli(['--verbose', '--out-dir', 'out', 'a.txt', 'b.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^clean-article: a\.txt: \d+ removals \(.*repeated-title \d+/mu);
    expect(result.stderr).toMatch(/^clean-article: b\.txt: unchanged$/mu);
    expect(result.stderr).toMatch(/^clean-article: took \d+\.\d\d s$/mu);
  });

  it('are exclusive', async () => {
    const result = await runCli(['--quiet', '--verbose'], { input: ARTICLE });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /choose one of --quiet and --verbose/u);
  });
});

describe('-l, --list-different', () => {
  it('prints the paths that would change on stdout, writes nothing, exits 1 when any and 0 when none', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/b.txt': CLEAN, 'in/c.txt': ARTICLE });
    const result = await runCli(['-l', 'in'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('in/a.txt\nin/c.txt\n');
    expect(result.stderr).toBe('');
    expect(readFileSync(path.join(folder, 'in/a.txt'), 'utf8')).toBe(ARTICLE);
    const none = await runCli(['--list-different', 'in/b.txt'], { cwd: folder });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
  });

  it('refuses options that write or print on stdout', async () => {
    for (const args of [['-l', '--out-dir', 'x'], ['-l', '--json'], ['-l', '--diff'], ['-l', '--jsonl']]) {
      const result = await runCli([...args, 'a.txt'], { cwd: temporary() });
      expect(result.code, args.join(' ')).toBe(2);
      expectOneLineError(result.stderr, /-l/u);
    }
  });
});

describe('--diff', () => {
  it('prints a unified diff of each changed file, writes nothing, colours nothing off a terminal', async () => {
    const folder = tree({ 'in/a.txt': ARTICLE, 'in/b.txt': CLEAN });
    const result = await runCli(['--diff', 'in'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(COLOR);
    expect(result.stdout.startsWith('--- in/a.txt\n+++ in/a.txt\t(cleaned)\n@@ -')).toBe(true);
    expect(result.stdout).not.toContain('in/b.txt');
    expect(result.stdout).toMatch(/^-Advertisement$/mu);
    // Every removed line is a "-" line; every "+" line is a line of the cleaned text.
    const added = result.stdout.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    for (const line of added) expect(CLEANED.split('\n')).toContain(line.slice(1));
    expect(readFileSync(path.join(folder, 'in/a.txt'), 'utf8')).toBe(ARTICLE);
    expect((await runCli(['--diff', '--check', 'in/a.txt'], { cwd: folder })).code).toBe(1);
  });

  it.skipIf(!hasCommand('script'))('is coloured when stdout is a terminal, and not when it is piped on', () => {
    const folder = tree({ 'a.txt': ARTICLE });
    const shown = onTerminal(folder, command('--diff a.txt'));
    expect(shown.output).toMatch(/\u001b\[31m-Advertisement/u);
    const piped = onTerminal(folder, `${command('--diff a.txt')} | cat`);
    expect(piped.output).toContain('-Advertisement');
    expect(piped.output).not.toMatch(COLOR);
  });
});

describe.skipIf(!hasCommand('script'))('no input on a terminal', () => {
  it('prints the usage and exits 2 instead of waiting on the keyboard', () => {
    for (const args of ['', '--explain', 'count-lines']) {
      const shown = onTerminal(temporary(), command(args));
      expect(shown.code, args).toBe(2);
      expect(shown.output).toMatch(/Usage: clean-article \[options\] \[paths\.\.\.\]/u);
      expect(shown.output).toMatch(/clean-article: no input: name files, folders or globs, or pipe text in/u);
    }
  });
});

describe('help', () => {
  it('`clean-article help` shows the help, with a section for each command; `help count-lines` shows its options', async () => {
    const main = await runCli(['help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toBe((await runCli(['--help'])).stdout);
    expect(main.stdout).toMatch(/^Commands \(clean-article <command> --help for their options\):$/mu);
    expect(main.stdout).toMatch(/^ {2}count-lines \[options\] \[paths\.\.\.\] +phase 1 of corpus boilerplate/mu);
    expect(main.stdout).toMatch(/^ {2}merge-counts \[options\] <counts\.\.\.> +sum line counts files/mu);
    const sub = await runCli(['help', 'count-lines']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/^Usage: clean-article count-lines \[options\] \[paths\.\.\.\]/mu);
    expect(sub.stdout).toContain('--bad-lines <action>');
    expect((await runCli(['help', 'merge-counts'])).stdout).toMatch(/^Usage: clean-article merge-counts/mu);
  });

  it('--help shows the default of --ext', async () => {
    const help = (await runCli(['--help'])).stdout.replace(/\s+/gu, ' ');
    expect(help).toMatch(/--ext <list> extensions of the files taken from folders \(default: \.txt, or \.jsonl with --jsonl\)/u);
    expect((await runCli(['count-lines', '--help'])).stdout.replace(/\s+/gu, ' ')).toContain('(default: .txt, or .jsonl with --jsonl)');
  });

  it('a file named help is cleaned as ./help', async () => {
    const folder = tree({ help: ARTICLE });
    expect((await runCli(['./help'], { cwd: folder })).stdout).toBe(CLEANED);
  });
});

describe('what used to pass in silence', () => {
  it('--json under --check is a usage error', async () => {
    const result = await runCli(['--check', '--json'], { input: ARTICLE });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /--check prints no report; choose --check .* or --json/u);
  });

  it('--body-only with repeated-title disabled is a usage error', async () => {
    const result = await runCli(['--body-only', '--disable', 'fragment,repeated-title'], { input: ARTICLE });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /--body-only needs the repeated-title rule/u);
  });

  describe('count-lines --jsonl with a bad line', () => {
    const input = `${JSON.stringify({ text: ARTICLE })}\nnot json\n${JSON.stringify({ text: CLEAN })}\n`;

    it('tells it by line and exits 2, the counts still written', async () => {
      const result = await runCli(['count-lines', '--jsonl'], { input });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^# clean-article line-counts 2 documents=2\n/u);
      expect(result.stderr).toMatch(/^clean-article: <stdin>:2: not counted: not JSON/mu);
      expect(result.stderr).toMatch(/counted the lines of 2 documents; 1 bad line not counted$/mu);
    });

    it('--bad-lines keep tells it and exits 0; fail stops with no counts; --quiet keeps only errors', async () => {
      const keep = await runCli(['count-lines', '--jsonl', '--bad-lines', 'keep'], { input });
      expect(keep.code).toBe(0);
      expect(keep.stderr).toMatch(/<stdin>:2: not counted/u);
      const fail = await runCli(['count-lines', '--jsonl', '--bad-lines', 'fail'], { input });
      expect(fail.code).toBe(2);
      expect(fail.stdout).toBe('');
      expectOneLineError(fail.stderr, /^clean-article: <stdin>:2: not JSON/u);
      const quiet = await runCli(['count-lines', '--jsonl', '--bad-lines', 'keep', '--quiet'], { input });
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
      expect((await runCli(['count-lines', '--bad-lines', 'keep'], { input: ARTICLE })).code).toBe(2);
    });
  });

  it('--jsonl --quiet prints nothing for a clean stream and still tells a skipped line', async () => {
    const good = await runCli(['--jsonl', '--quiet'], { input: `${JSON.stringify({ text: ARTICLE })}\n` });
    expect(good.code).toBe(0);
    expect(good.stderr).toBe('');
    const bad = await runCli(['--jsonl', '--quiet'], { input: 'nope\n' });
    expect(bad.code).toBe(2);
    expectOneLineError(bad.stderr, /<stdin>:1: skipped: not JSON/u);
  });
});
