/**
 * The first ten minutes: the README's set-up cleans an example that ships in `examples/`, and the
 * commands it shows give the expected outputs beside each example (written by an editor's eye,
 * checked here against the real command). Every example is used by a command of the README, and
 * so is every recipe for an engine in a folder of `examples/` (which its own test runs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli/helpers.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const EXAMPLES = path.join(ROOT, 'examples');
const PACKAGE_SCRIPTS = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The README's set-up section, up to the next heading. */
const setUp = README.slice(README.indexOf('## Set up and run'), README.indexOf('\n## ', README.indexOf('## Set up and run') + 1));

/** `npx clean-article ... examples/<name>.txt` commands the set-up section shows, in code blocks or inline. */
const commands = [...setUp.matchAll(/npx clean-article((?: [^\s`#]+)*? examples\/([\w-]+)\.txt)(?=[\s`])/gu)].map((match) => ({
  args: match[1]!.trim().split(/\s+/u),
  name: match[2]!,
}));

describe('the examples of the README', () => {
  it('the set-up is two commands, install and clean an example, then the test command', () => {
    const blocks = [...setUp.matchAll(/```sh\n([\s\S]*?)```/gu)].map((match) => match[1]!.split('\n').filter((line) => line.trim() !== '').map((line) => line.replace(/\s+#.*$/u, '')));
    expect(blocks[0]).toEqual(['npm ci', 'npx clean-article examples/article.txt']);
    // The test command first; what follows it are scripts the package has (the stress cases, lint).
    expect(blocks[1]![0]).toBe('npm test');
    for (const line of blocks[1]!.slice(1)) expect(Object.keys(PACKAGE_SCRIPTS)).toContain(/^npm run (\S+)$/u.exec(line)?.[1]);
  });

  it('every example has its expected output and is run by a command of the README', () => {
    // The examples to clean are the .txt files at the top; folders hold recipes for an engine (below).
    const raw = readdirSync(EXAMPLES).filter((name) => name.endsWith('.txt') && !name.endsWith('.expected.txt')).map((name) => name.slice(0, -4)).sort();
    expect(raw).toEqual(expect.arrayContaining(['article', 'page']));
    for (const name of raw) expect(readdirSync(EXAMPLES), name).toContain(`${name}.expected.txt`);
    expect(new Set(commands.map((command) => command.name))).toEqual(new Set(raw));
  });

  it('every recipe in a folder of examples/ is run by a command of the README, and has a test of its own', () => {
    const folders = readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders).toContain('dask');
    for (const folder of folders) {
      const scripts = readdirSync(path.join(EXAMPLES, folder), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
      expect(scripts, folder).not.toEqual([]);
      for (const script of scripts) expect(README, script).toMatch(new RegExp(`^\\S+ examples/${folder}/${script.replace(/\./gu, '\\.')} `, 'mu'));
      expect(readdirSync(path.join(ROOT, 'test/examples')), folder).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${folder}\\.`, 'u'))]));
    }
  });

  for (const { args, name } of commands.filter((command) => !command.args.includes('--explain'))) {
    it(`clean-article ${args.join(' ')} prints examples/${name}.expected.txt`, async () => {
      const result = await runCli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(readFileSync(path.join(EXAMPLES, `${name}.expected.txt`), 'utf8'));
    });
  }

  it('the output the README shows for the first example is what the command prints', async () => {
    const shown = /```text\n([\s\S]*?)```/u.exec(setUp)?.[1];
    expect(shown).toBe((await runCli(['examples/article.txt'])).stdout);
  });

  it('--explain on the first example names a reason for each of its removals', async () => {
    const result = await runCli(['--explain', 'examples/article.txt']);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/^examples\/article\.txt:\d+:\d+ {2}[a-z-]+ {2}\S/u);
  });
});
