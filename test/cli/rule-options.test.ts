/**
 * The command line's rule flags are made from the rules' meta: a rule added to the registry gets
 * its flags, help and checks without an edit of the CLI.
 */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { addRuleOptions, readRuleOptions, rulesHelp } from '../../src/cli/rule-options.js';
import type { Cleaner } from '../../src/index.js';

const toy: Cleaner = {
  meta: {
    id: 'toy-rule',
    description: 'Removes nothing, for the test.',
    precedence: 1,
    options: {
      maxLineWords: { default: 7, description: 'longest line looked at', expected: 'a whole number >= 2', isValid: (value): value is number => Number.isInteger(value) && (value as number) >= 2, fromText: Number },
      lineCounts: { default: new Map(), description: 'given by the library only', expected: 'a Map', isValid: (value): value is Map<string, number> => value instanceof Map },
    },
  },
  check: () => [],
};

function program(): Command {
  return addRuleOptions(new Command('test').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined }), [toy]);
}

describe('rule options on the command line', () => {
  it('adds a flag, in kebab case, for each option the command line can give, with its default in the help', () => {
    const help = program().helpInformation();
    expect(help).toMatch(/--max-line-words <n>\s+toy-rule: longest line looked at \(default 7\)/u);
    expect(help).not.toContain('line-counts');
  });

  it('reads given values under the rule id, and nothing for options not given', () => {
    const given = program().parse(['--max-line-words', '9'], { from: 'user' });
    expect(readRuleOptions(given, [toy])).toEqual({ 'toy-rule': { maxLineWords: 9 } });
    expect(readRuleOptions(program().parse([], { from: 'user' }), [toy])).toEqual({});
  });

  it('checks a value as meta says: a bad one is a usage error naming what is expected', () => {
    expect(() => program().parse(['--max-line-words', '1'], { from: 'user' })).toThrow(CommanderError);
    expect(() => program().parse(['--max-line-words', '1'], { from: 'user' })).toThrow(/expected a whole number >= 2/u);
  });

  it('refuses a flag that is taken', () => {
    expect(() => addRuleOptions(new Command().option('--max-line-words <n>'), [toy])).toThrow(/toy-rule: option --max-line-words is taken/u);
  });

  it('lists the rules with their descriptions', () => {
    expect(rulesHelp([toy])).toBe('  toy-rule  Removes nothing, for the test.');
  });
});
