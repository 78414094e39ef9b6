/**
 * The subcommands of corpus-wide boilerplate: `count-lines` (phase 1, once per shard) and
 * `merge-counts` (sums shards). Phase 2 is the main command with `--line-counts`.
 *
 *     clean-article count-lines --out a.counts shard-a/        # on each machine
 *     clean-article merge-counts a.counts b.counts > all.counts   # --min-docs N to prune
 *     clean-article --line-counts all.counts --out-dir clean/ shard-a/
 */
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { writeFileSafely } from './files.js';
import { countInputs, mergeCounts, type LineCounter } from './line-counts.js';
import { extensionsOf, list } from './options.js';
import { parseMinDocs } from './scale-options.js';
import { messageOf, type RunIO } from './run.js';
import { shownName } from './report.js';

/** The subcommand names, as the first argument. */
const CORPUS_COMMANDS = ['count-lines', 'merge-counts'] as const;

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
    .option('--out <file>', 'write the counts to <file> (atomically) instead of stdout')
    .parse(argv, { from: 'user' });
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
  if (raw.out === undefined) await counter.writeTo(io.stdout);
  else await writeCountsFile(raw.out, counter);
  io.stderr.write(`clean-article: counted the lines of ${counter.documents} document${counter.documents === 1 ? '' : 's'}${failed > 0 ? `; ${failed} input${failed === 1 ? '' : 's'} failed` : ''}\n`);
  return failed > 0 ? 2 : 0;
}

async function mergeCountsCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = subcommand('clean-article merge-counts', 'Sums line counts files (from count-lines or merge-counts) into one.')
    .argument('<counts...>', 'counts files to merge')
    .option('--min-docs <n>', 'keep only the lines found in at least <n> documents (a pruned file cannot be merged again)', parseMinDocs)
    .parse(argv, { from: 'user' });
  const raw = program.opts<{ minDocs?: number }>();
  // Streamed to stdout, so that merging any number of shards takes no more memory than a few lines.
  await mergeCounts(program.args, io.stdout, raw.minDocs);
  return 0;
}

/**
 * Writes the counts to `file` atomically, so an interrupted count never leaves a file that looks
 * complete. The text is gathered first: it is no larger than the counts already in memory.
 */
async function writeCountsFile(file: string, counter: LineCounter): Promise<void> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await counter.writeTo(collect);
  try {
    writeFileSafely(file, Buffer.concat(chunks));
  } catch (error) {
    throw new Error(`cannot write ${shownName(file)}: ${messageOf(error)}`, { cause: error });
  }
}
