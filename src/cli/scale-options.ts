/**
 * The options for large runs: threads, the progress bar, JSON Lines streams and corpus-wide
 * boilerplate. Kept apart from `options.ts` so each part of the command line stays small.
 */
import os from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { BadLineAction } from './records.js';
import { UsageError } from './options.js';

/** The checked options for large runs. */
export interface ScaleOptions {
  /** Worker threads for a batch or a stream; 1 cleans on the main thread. */
  readonly jobs: number;
  /** Show a progress bar (only ever on a terminal). */
  readonly progress: boolean;
  /** Read JSON Lines records instead of text files. */
  readonly jsonl: boolean;
  /** The member of each record holding the text. */
  readonly field: string;
  /** The member to put each record's removals under, if any. */
  readonly removalsKey: string | undefined;
  /** What becomes of a JSONL line that is not a record. */
  readonly badLines: BadLineAction;
  /** A line counts file (`count-lines`, `merge-counts`) giving the corpus boilerplate. */
  readonly lineCounts: string | undefined;
  /** Count the inputs' lines first, then clean with those counts (both phases in one run). */
  readonly corpusBoilerplate: boolean;
  /** The fewest documents a line must be found in to be corpus boilerplate. */
  readonly minDocs: number;
}

/** The default of `--min-docs`: a line in five documents is a pattern, not a coincidence of wording. */
const DEFAULT_MIN_DOCS = 5;

function whole(minimum: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < minimum) throw new InvalidArgumentError(`expected a whole number >= ${minimum}.`);
    return number;
  };
}

/** Parses a `--min-docs` value: a whole number, at least 2 (a line in one document recurs nowhere). */
export const parseMinDocs = whole(2);

/** Adds the options to `program`. */
export function addScaleOptions(program: Command): Command {
  return program
    .option('-j, --jobs <n>', 'threads that clean a batch or a JSONL stream, the main one included (default: one per core)', whole(1))
    .option('--no-progress', 'never show the progress bar (it is shown only when stderr is a terminal)')
    .option('--jsonl', 'read JSON Lines (stdin or files) and write each record back with its text cleaned')
    .option('--field <name>', 'with --jsonl: the member holding the text', 'text')
    .option('--removals-key <name>', 'with --jsonl: also put {title, removals, counts} under this member')
    .addOption(
      new Option('--bad-lines <action>', 'with --jsonl: a line that is not a JSON object is skipped (exit 2 at the end), kept as it is (exit 0), or ends the run')
        .choices(['skip', 'keep', 'fail'])
        .default('skip'),
    )
    .option('--line-counts <file>', 'remove lines that the counts (from count-lines / merge-counts) find in many documents')
    .option('--corpus-boilerplate', 'count the lines of all inputs first, then clean with those counts (files only)')
    .option('--min-docs <n>', `with --line-counts or --corpus-boilerplate: documents a line must be in (default ${DEFAULT_MIN_DOCS})`, parseMinDocs);
}

interface RawScaleOptions {
  jobs?: number;
  progress: boolean;
  jsonl?: boolean;
  field: string;
  removalsKey?: string;
  badLines: BadLineAction;
  lineCounts?: string;
  corpusBoilerplate?: boolean;
  minDocs?: number;
  output?: string;
  outDir?: string;
  inPlace?: boolean;
  json?: boolean;
}

/** Reads and checks the options; throws {@link UsageError} on contradictions. */
export function readScaleOptions(program: Command, fromStdin: boolean): ScaleOptions {
  const raw = program.opts<RawScaleOptions>();
  if (raw.jsonl && (raw.output !== undefined || raw.outDir !== undefined || raw.inPlace)) {
    throw new UsageError('--jsonl writes the records to stdout; redirect it to a file');
  }
  if (raw.jsonl && raw.json) throw new UsageError('--json does not apply to --jsonl; use --removals-key KEY to add the removals to each record');
  const jsonlOnly = raw.removalsKey !== undefined || program.getOptionValueSource('field') !== 'default' || program.getOptionValueSource('badLines') !== 'default';
  if (!raw.jsonl && jsonlOnly) throw new UsageError('--field, --removals-key and --bad-lines need --jsonl');
  if (raw.removalsKey !== undefined && raw.removalsKey === raw.field) throw new UsageError('--removals-key must differ from --field');
  if (raw.lineCounts !== undefined && raw.corpusBoilerplate) throw new UsageError('choose one of --line-counts and --corpus-boilerplate');
  if (raw.corpusBoilerplate && fromStdin) {
    throw new UsageError('--corpus-boilerplate reads the inputs twice and needs files; for a stream use count-lines, then --line-counts');
  }
  if (raw.minDocs !== undefined && raw.lineCounts === undefined && !raw.corpusBoilerplate) {
    throw new UsageError('--min-docs needs --line-counts or --corpus-boilerplate');
  }
  return {
    jobs: raw.jobs ?? os.availableParallelism(),
    progress: raw.progress,
    jsonl: raw.jsonl === true,
    field: raw.field,
    removalsKey: raw.removalsKey,
    badLines: raw.badLines,
    lineCounts: raw.lineCounts,
    corpusBoilerplate: raw.corpusBoilerplate === true,
    minDocs: raw.minDocs ?? DEFAULT_MIN_DOCS,
  };
}
