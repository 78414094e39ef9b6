/**
 * The runner: runs the mode the command line asks for and resolves to its exit code. One input
 * (stdin or a file), a batch (several files or a folder), a JSON Lines stream, or a subcommand
 * (corpus boilerplate's phases, duplicate documents).
 * One failing input is reported and counted and the others go on; a failure of stdout itself, or
 * a usage error, is thrown for the entry to show.
 *
 * Each mode is imported when it runs, not before: every run of the command starts by loading
 * what it imports, and a cleaning of stdin need not compile the batch walk, the JSON Lines
 * stream, the duplicate finder and their libraries (a third of the start-up time).
 */
import { promises as fs } from 'node:fs';
import type { CleanOptions } from '../index.js';
import { documentSettings } from './document-output.js';
import { isStdin, STDIN, VERSION, type RunIO } from './io.js';
import { helpText, UsageError, type CliOptions, type Invocation } from './options.js';

/** Runs what the command line asks for; resolves to the exit code (0 done, 1 `--check` found removals, 2 errors). */
export async function run(invocation: Invocation, io: RunIO): Promise<number> {
  // Nothing named and nothing piped in: show how to use the command instead of waiting on the
  // keyboard (Prettier's and ripgrep's way). `-` still reads the terminal, for who means it.
  if ('paths' in invocation.options && invocation.options.paths.length === 0 && io.stdinIsTerminal) {
    io.stderr.write(helpText(VERSION));
    io.stderr.write('\nclean-article: no input: name files, folders or globs, or pipe text in (or give "-" to type it)\n');
    return 2;
  }
  switch (invocation.command) {
    case 'count-lines':
      return (await import('./count-lines.js')).runCountLines(invocation.options, io);
    case 'merge-counts':
      return (await import('./merge-counts.js')).runMergeCounts(invocation.options, io);
    case 'dedup':
      return (await import('./dedup.js')).runDedup(invocation.options, io);
    case 'dedup signatures':
      return (await import('./dedup.js')).runDedupSignatures(invocation.options, io);
    case 'dedup merge':
      return (await import('./dedup.js')).runDedupMerge(invocation.options, io);
    case 'dedup filter':
      return (await import('./dedup.js')).runDedupFilter(invocation.options, io);
    case 'clean':
      return runClean(invocation.options, io);
  }
}

async function runClean(options: CliOptions, io: RunIO): Promise<number> {
  const cleanOptions: CleanOptions = {
    bodyOnly: options.bodyOnly,
    disable: options.disable,
    rules: options.rules,
    corpusBoilerplate: await corpusBoilerplateOf(options, io.stdin),
  };
  if (options.verbosity === 'verbose' && options.configFile !== undefined) io.stderr.write(`clean-article: options from ${options.configFile}\n`);
  if (options.jsonl) return (await import('./jsonl.js')).runJsonl(options, io, cleanOptions);
  const document = { cleanOptions, ...documentSettings(options) };
  if (isStdin(options.paths)) return (await import('./single.js')).runStdin(options, io, document);
  if (options.paths.includes(STDIN)) throw new UsageError('"-" (stdin) cannot be mixed with files');
  const several = options.paths.length > 1 || (await namesSeveral(options.paths[0]!, options));
  if (several) return (await import('./batch.js')).runBatch(options, io, document);
  return (await import('./single.js')).runOneFile(options, io, document);
}

/** True when one path names several files: a folder, or a glob that is not a file's name. */
async function namesSeveral(given: string, options: CliOptions): Promise<boolean> {
  try {
    return (await fs.stat(given)).isDirectory();
  } catch {
    return (await import('./input-filter.js')).inputGlob(given, options) !== undefined;
  }
}

/**
 * The corpus boilerplate a cleaning run uses: the keys of `--line-counts` at or above `--min-docs`,
 * or, with `--corpus-boilerplate`, of the run's own inputs counted first (read errors are left to
 * the cleaning pass, which reports them); `undefined` when neither is asked for.
 */
async function corpusBoilerplateOf(options: CliOptions, stdin: NodeJS.ReadableStream): Promise<ReadonlyMap<string, number> | undefined> {
  if (options.lineCounts !== undefined) return (await import('./counts-file.js')).readBoilerplate(options.lineCounts, options.minDocs);
  if (!options.corpusBoilerplate) return undefined;
  const counter = await (await import('./line-counts.js')).countInputs(options, stdin, { onError: () => undefined });
  return counter.boilerplate(options.minDocs);
}
