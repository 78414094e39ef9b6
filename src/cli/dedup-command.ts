/**
 * `clean-article dedup`: drops documents that duplicate an earlier one, exactly or nearly. One
 * machine runs it in one go; a corpus spread over machines runs its phases (see `dedup-run.ts`):
 *
 *     clean-article dedup --jsonl crawl.jsonl > unique.jsonl
 *     clean-article dedup --out-dir unique/ scraped/
 *     clean-article dedup signatures --jsonl --out a.sig shard-a.jsonl     # on each machine
 *     clean-article dedup merge --out-dir drops/ a.sig b.sig               # once
 *     clean-article dedup filter --jsonl --drops drops/a.drops shard-a.jsonl > a.unique.jsonl
 */
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_SIGNATURE_SETTINGS, DEFAULT_THRESHOLD } from '../dedup/signature.js';
import type { DocumentSpec } from './dedup-documents.js';
import { dedupAll, filterPhase, mergePhase, signaturesPhase } from './dedup-run.js';
import { extensionsOf, list, UsageError } from './options.js';
import type { RunIO } from './run.js';

/** The name of the command, as the first argument. */
const DEDUP = 'dedup';

/** The phases, as the argument after it (a file of that name is read as `./merge`). */
const PHASES = ['signatures', 'merge', 'filter'] as const;

/** True when `first` names the command. */
export function isDedupCommand(first: string | undefined): boolean {
  return first === DEDUP;
}

const EXAMPLES = `
Examples:
  $ clean-article dedup --jsonl crawl.jsonl > unique.jsonl    drop duplicate records
  $ clean-article dedup scraped/                              list the duplicate files
  $ clean-article dedup --out-dir unique/ scraped/            copy the files that are no duplicates
  $ clean-article dedup --explain --jsonl crawl.jsonl > /dev/null   say what duplicates what

Across machines (the same result as one run over the shards in order):
  $ clean-article dedup signatures --jsonl --out a.sig shard-a.jsonl     phase 1, per shard
  $ clean-article dedup merge --out-dir drops/ a.sig b.sig               phase 2, once
  $ clean-article dedup filter --jsonl --drops drops/a.drops shard-a.jsonl > a.jsonl   phase 3`;

function threshold(value: string): number {
  const number = Number(value);
  if (!(number > 0 && number <= 1)) throw new InvalidArgumentError('expected a number in (0, 1].');
  return number;
}

function command(name: string, description: string): Command {
  return new Command(name).description(description).showSuggestionAfterError().configureOutput({ outputError: () => undefined }).exitOverride();
}

/** Adds the options that say which documents are read. */
function addInputOptions(program: Command): Command {
  return program
    .argument('[paths...]', 'files or folders (or JSON Lines with --jsonl); none or "-" reads stdin (with --jsonl)')
    .option('--jsonl', 'the inputs are JSON Lines; each record is a document')
    .option('--field <name>', 'with --jsonl: the member holding the text', 'text')
    .option('--id-field <name>', 'with --jsonl: the member naming a record in reports (default: file:line)')
    .option('--ext <list>', 'extensions of the files taken from folders (default .txt, or .jsonl)', list);
}

interface RawInputOptions {
  jsonl?: boolean;
  field: string;
  idField?: string;
  ext?: string[];
  outDir?: string;
}

/** The documents a phase reads, checked. */
function documentSpec(program: Command, reads: string): DocumentSpec {
  const raw = program.opts<RawInputOptions>();
  const jsonl = raw.jsonl === true;
  if (!jsonl && (program.getOptionValueSource('field') !== 'default' || raw.idField !== undefined)) throw new UsageError('--field and --id-field need --jsonl');
  if (jsonl && raw.outDir !== undefined) throw new UsageError('--out-dir takes files; with --jsonl the records go to stdout: redirect it to a file');
  const paths = program.args;
  if (!jsonl && (paths.length === 0 || paths.includes('-'))) throw new UsageError(`${reads} files or folders, or JSON Lines records with --jsonl (from stdin too)`);
  return { paths, extensions: extensionsOf(raw.ext, jsonl), jsonl, field: raw.field, idField: raw.idField, outDir: raw.outDir };
}

/**
 * Runs `clean-article dedup ...` (`argv[0]` is `dedup`); resolves to the exit code. Throws
 * commander's errors and usage errors for the caller to show, as the main command does.
 */
export async function runDedupCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const [, phase, ...rest] = argv;
  switch (phase as (typeof PHASES)[number] | undefined) {
    case 'signatures':
      return signaturesCommand(rest, io);
    case 'merge':
      return mergeCommand(rest, io);
    case 'filter':
      return filterCommand(rest, io);
    default:
      return dedupCommand(argv.slice(1), io);
  }
}

interface RawReportOptions {
  explain?: boolean;
  json?: boolean;
  threshold: number;
  drops: string;
}

async function dedupCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = addInputOptions(command('clean-article dedup', 'Drop documents that duplicate an earlier one (the same text, or nearly: MinHash of word pairs). The first of each group is kept.'))
    .option('--out-dir <dir>', 'files: copy the files kept into <dir> (instead of listing the dropped ones)')
    .option('--threshold <n>', 'how alike (0-1]: estimated Jaccard similarity of word pairs', threshold, DEFAULT_THRESHOLD)
    .option('--explain', 'one line per dropped document on stderr: which document it duplicates, how alike')
    .option('--json', 'one JSON object per dropped document on stdout, instead of the records or the list')
    .addHelpText('after', `${EXAMPLES}\n\nPhases: ${PHASES.map((name) => `clean-article dedup ${name} --help`).join(', ')}`)
    .parse(argv, { from: 'user' });
  const raw = program.opts<RawReportOptions>();
  const spec = documentSpec(program, 'dedup compares');
  return dedupAll(spec, DEFAULT_SIGNATURE_SETTINGS, raw.threshold, { explain: raw.explain === true, json: raw.json === true }, io);
}

async function signaturesCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = addInputOptions(command('clean-article dedup signatures', 'Phase 1 of dedup: the signature of each document, in input order.'))
    .option('--out <file>', 'write the signatures to <file> (atomically) instead of stdout')
    .parse(argv, { from: 'user' });
  const spec = documentSpec(program, 'dedup signatures reads');
  return signaturesPhase(spec, DEFAULT_SIGNATURE_SETTINGS, program.opts<{ out?: string }>().out, io);
}

async function mergeCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = command('clean-article dedup merge', 'Phase 2 of dedup: the duplicates among all the shards, as one drops file per signatures file (a.sig -> DIR/a.drops).')
    .argument('<signatures...>', 'signatures files, in the order of their shards')
    .requiredOption('--out-dir <dir>', 'write the drops files into <dir>')
    .option('--threshold <n>', 'how alike (0-1]: estimated Jaccard similarity of word pairs', threshold, DEFAULT_THRESHOLD)
    .option('--explain', 'one line per dropped document on stderr')
    .parse(argv, { from: 'user' });
  const raw = program.opts<RawReportOptions & { outDir: string }>();
  return mergePhase(program.args, raw.outDir, raw.threshold, raw.explain === true, io);
}

async function filterCommand(argv: readonly string[], io: RunIO): Promise<number> {
  const program = addInputOptions(command('clean-article dedup filter', "Phase 3 of dedup: a shard's documents without those its drops file lists."))
    .requiredOption('--drops <file>', "the shard's drops file (from dedup merge)")
    .option('--out-dir <dir>', 'files: copy the files kept into <dir> (instead of listing the dropped ones)')
    .option('--explain', 'one line per dropped document on stderr')
    .option('--json', 'one JSON object per dropped document on stdout, instead of the records or the list')
    .parse(argv, { from: 'user' });
  const raw = program.opts<RawReportOptions>();
  const spec = documentSpec(program, 'dedup filter reads');
  return filterPhase(spec, raw.drops, { explain: raw.explain === true, json: raw.json === true }, io);
}
