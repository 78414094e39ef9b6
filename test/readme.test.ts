/**
 * The README's option tables are checked against the command's own `--help` (and those of
 * `count-lines`, `merge-counts`, `dedup` and its phases): the same options, in the same order,
 * each row stating the default that help shows. A flag added, renamed or given a new default without the README fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli/helpers.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface HelpOption {
  readonly flags: string;
  readonly description: string;
}

/** The options of a help text: the flags column, and the description joined over its wrapped lines. */
function helpOptions(help: string): HelpOption[] {
  const section = help.slice(help.indexOf('\nOptions:\n') + '\nOptions:\n'.length).split('\n\n')[0]!;
  const options: Array<{ flags: string; description: string }> = [];
  for (const line of section.split('\n')) {
    const start = /^ {2}(-\S.*?)(?: {2,}(.*))?$/u.exec(line);
    if (start) options.push({ flags: start[1]!.trim(), description: start[2] ?? '' });
    else if (options.length > 0) options[options.length - 1]!.description += ` ${line.trim()}`;
  }
  return options;
}

/** The rows of the README table that follows `heading` (a line of text that precedes it). */
function readmeRows(heading: string): Map<string, string> {
  const start = README.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const table = README.slice(start).split('\n\n')[1]!;
  const rows = new Map<string, string>();
  for (const line of table.split('\n').slice(2)) {
    const match = /^\| `([^`]+)` \| (.*) \|$/u.exec(line);
    expect(match, line).not.toBeNull();
    rows.set(match![1]!, match![2]!.replace(/`/gu, ''));
  }
  return rows;
}

/** The defaults a help description states: `(default: "text")`, `(default 0.8)`, `(choices: ..., default: "auto")`. */
function defaultsOf(description: string): string[] {
  return [...description.matchAll(/default:? ("[^"]*"|[^,)]+(?:, or [^)]+)?)/gu)].map((match) => match[1]!.replace(/^"|"$/gu, '').trim());
}

const TABLES: ReadonlyArray<{ readonly args: readonly string[]; readonly heading: string }> = [
  { args: ['--help'], heading: 'Options (this table is checked against `--help`' },
  { args: ['count-lines', '--help'], heading: '`clean-article count-lines [options] [paths...]` (phase 1' },
  { args: ['merge-counts', '--help'], heading: '`clean-article merge-counts [options] <counts...>` sums' },
  { args: ['dedup', '--help'], heading: '`clean-article dedup [options] [paths...]` drops' },
  { args: ['dedup', 'signatures', '--help'], heading: '`clean-article dedup signatures [options] [paths...]` (phase 1' },
  { args: ['dedup', 'merge', '--help'], heading: '`clean-article dedup merge [options] <signatures...>` (phase 2' },
  { args: ['dedup', 'filter', '--help'], heading: '`clean-article dedup filter [options] [paths...]` (phase 3' },
];

describe('the README option tables', () => {
  for (const { args, heading } of TABLES) {
    it(`match clean-article ${args.join(' ')}: the same options in the same order, with their defaults`, async () => {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      const options = helpOptions(result.stdout);
      expect(options.length).toBeGreaterThan(1);
      const rows = readmeRows(heading);
      expect([...rows.keys()]).toEqual(options.map((option) => option.flags));
      for (const option of options) {
        for (const value of defaultsOf(option.description)) expect(rows.get(option.flags), `${option.flags}: default ${value}`).toContain(value);
      }
    });
  }

  it('read the defaults help states', () => {
    expect(defaultsOf('the member holding the text (default: "text")')).toEqual(['text']);
    expect(defaultsOf('to be a repeat (default 0.8)')).toEqual(['0.8']);
    expect(defaultsOf('colour (choices: "auto", "always", "never", default: "auto")')).toEqual(['auto']);
    expect(defaultsOf('from folders (default: .txt, or .jsonl with --jsonl)')).toEqual(['.txt, or .jsonl with --jsonl']);
  });
});
