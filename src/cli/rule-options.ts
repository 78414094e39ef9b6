/**
 * The rules' part of the command line, made from their `meta` alone: a flag per option a rule
 * lets the command line give (`--similarity <n>`, its help with the default, its check), and the
 * rules' list for `--help`. A new rule's options appear here without an edit. Imports nothing
 * else of the CLI.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Cleaner, OptionMeta } from '../index.js';

/** The flag of an option: its name in kebab case, `minDuplicateWords` -> `--min-duplicate-words`. */
function flagOf(name: string): string {
  return `--${name.replace(/[A-Z]/gu, (capital) => `-${capital.toLowerCase()}`)}`;
}

/** The options of `rules` the command line can give, with the rule each belongs to. */
function cliOptions(rules: readonly Cleaner[]): { rule: string; name: string; option: OptionMeta<unknown> & { fromText: (text: string) => unknown } }[] {
  return rules.flatMap((rule) =>
    Object.entries(rule.meta.options).flatMap(([name, option]) => {
      const { fromText } = option;
      return fromText ? [{ rule: rule.meta.id, name, option: { ...option, fromText } }] : [];
    }),
  );
}

/**
 * Adds a flag to `program` for every option of `rules` that has a `fromText`: its help is the
 * option's description and default, its argument is read and checked as `meta` says (a bad value
 * is a usage error). Throws when a flag is already taken (two options, or one of the command's).
 */
export function addRuleOptions(program: Command, rules: readonly Cleaner[]): Command {
  for (const { rule, name, option } of cliOptions(rules)) {
    const flag = flagOf(name);
    if (program.options.some((existing) => existing.long === flag)) throw new Error(`${rule}: option ${flag} is taken`);
    const parse = (text: string): unknown => {
      const value = option.fromText(text);
      if (!option.isValid(value)) throw new InvalidArgumentError(`expected ${option.expected}.`);
      return value;
    };
    const argument = typeof option.default === 'number' ? '<n>' : '<value>';
    program.addOption(new Option(`${flag} ${argument}`, `${rule}: ${option.description} (default ${String(option.default)})`).argParser(parse));
  }
  return program;
}

/**
 * The rules' options as the parsed `program` has them, for `CleanOptions.rules`: only those given
 * (the library fills in the rest from the same defaults).
 */
export function readRuleOptions(program: Command, rules: readonly Cleaner[]): Record<string, Record<string, unknown>> {
  const given = program.opts<Record<string, unknown>>();
  const byRule: Record<string, Record<string, unknown>> = {};
  for (const { rule, name } of cliOptions(rules)) {
    const value = given[name];
    if (value !== undefined) (byRule[rule] ??= {})[name] = value;
  }
  return byRule;
}

/** The rules, one line each (id and description), for the end of `--help`. */
export function rulesHelp(rules: readonly Cleaner[]): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  return rules.map((rule) => `  ${rule.meta.id.padEnd(width)}  ${rule.meta.description}`).join('\n');
}
