/**
 * The subcommands of corpus-wide boilerplate: `count-lines` (phase 1, once per shard) and
 * `merge-counts` (sums shards). Phase 2 is the main command with `--line-counts`.
 *
 *     clean-article count-lines --out a.counts shard-a/        # on each machine
 *     clean-article merge-counts a.counts b.counts > all.counts
 *     clean-article --line-counts all.counts --out-dir clean/ shard-a/
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Command } from 'commander';
import { countInputs, mergeCounts } from './line-counts.js';
import { extensionsOf, list } from './options.js';
import { parseMinDocs } from './scale-options.js';
import { messageOf, type RunIO } from './run.js';
import { shownName } from './report.js';

/** The subcommand names, as the first argument. */
export const CORPUS_COMMANDS = ['count-lines', 'merge-counts'] as const;

/** True when `first` names a subcommand (a file of that name is cleaned with `./count-lines`). */
export function isCorpusCommand(first: string | undefined): boolean {
  return (CORPUS_COMMANDS as readonly string[]).includes(first ?? '');
}

/**
 * Runs a subcommand (`argv[0]` names it); resolves to the exit code. Throws commander's errors
 * and usage errors for the caller to show, as the main command does.
 */
export async function runCorpusCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const [name, ...rest] = argv;
  return name === 'count-lines' ? countLinesCommand(rest, io) : mergeCountsCommand(rest, io);
}

function subcommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .option('--out <file>', 'write the counts to <file> instead of stdout')
    .showSuggestionAfterError()
    .configureOutput({ outputError: () => undefined })
    .exitOverride();
}

interface CountRaw {
  out?: string;
  jsonl: boolean;
  field: string;
  ext?: string[];
}

async function countLinesCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = subcommand('clean-article count-lines', 'Phase 1 of corpus boilerplate: count, per line key, the documents holding it.')
    .argument('[paths...]', 'files or folders (or JSONL with --jsonl); none or "-" reads stdin')
    .option('--jsonl', 'the inputs are JSON Lines; each record is a document', false)
    .option('--field <name>', 'with --jsonl: the member holding the text', 'text')
    .option('--ext <list>', 'extensions of the files taken from folders (default .txt, or .jsonl)', list)
    .parse(argv as string[], { from: 'user' });
  const raw = program.opts<CountRaw>();
  let failed = 0;
  const counter = await countInputs(
    { paths: program.args, extensions: extensionsOf(raw.ext, raw.jsonl), jsonl: raw.jsonl, field: raw.field, outDir: undefined },
    io.stdin,
    {
      onError: (file, error) => {
        failed++;
        io.stderr.write(`clean-article: ${shownName(file)}: ${messageOf(error)}\n`);
      },
      onWarning: (file, message) => void io.stderr.write(`clean-article: ${shownName(file)}: warning: ${message}\n`),
    },
  );
  await toOutput(raw.out, io, (out) => counter.writeTo(out));
  io.stderr.write(`clean-article: counted the lines of ${counter.documents} document${counter.documents === 1 ? '' : 's'}${failed > 0 ? `; ${failed} input${failed === 1 ? '' : 's'} failed` : ''}\n`);
  return failed > 0 ? 2 : 0;
}

async function mergeCountsCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = subcommand('clean-article merge-counts', 'Sums line counts files (from count-lines or merge-counts) into one.')
    .argument('<counts...>', 'counts files to merge')
    .option('--min-docs <n>', 'keep only the lines found in at least <n> documents (a pruned file cannot be merged again)', parseMinDocs)
    .parse(argv as string[], { from: 'user' });
  const raw = program.opts<{ out?: string; minDocs?: number }>();
  await toOutput(raw.out, io, (out) => mergeCounts(program.args, out, raw.minDocs));
  return 0;
}

/** Runs `produce` on `file` (created or truncated) or on stdout; a failure to write ends the run. */
async function toOutput(file: string | undefined, io: RunIO, produce: (out: Writable) => Promise<void>): Promise<void> {
  if (file === undefined) return produce(io.stdout);
  const out = createWriteStream(file);
  try {
    await produce(out);
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
}
