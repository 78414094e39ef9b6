/**
 * The command line: options, help text and their checks, for the main command and for its
 * subcommands (`count-lines`, `merge-counts`). Every flag is parsed here, and nowhere else: the
 * modes get checked options.
 */
import os from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CLEANERS, RULE_IDS } from '../index.js';
import { isStdin } from './io.js';
import { addRuleOptions, readRuleOptions, rulesHelp } from './rule-options.js';
import type { BadLineAction } from './records.js';

/** The options the command acts on, checked. */
export interface CliOptions extends ScaleOptions {
  readonly paths: readonly string[];
  readonly output: string | undefined;
  readonly outDir: string | undefined;
  readonly inPlace: boolean;
  /** With `--in-place`: replace a file that has other names too, which keep the old text. */
  readonly splitHardLinks: boolean;
  readonly extensions: readonly string[];
  readonly explain: boolean;
  readonly json: boolean;
  readonly check: boolean;
  readonly bodyOnly: boolean;
  readonly disable: readonly string[];
  /** The rules' options given on the command line, by rule id (see `rule-options.ts`). */
  readonly rules: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly color: 'auto' | 'always' | 'never';
}

/** A usage error: shown as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const EXAMPLES = `
Examples:
  $ clean-article article.txt                     clean one file to stdout
  $ curl -s URL | html2text | clean-article       clean a pipe
  $ clean-article --explain article.txt           show every removal on stderr
  $ clean-article --out-dir clean/ scraped/       clean a folder (recursively) into clean/
  $ clean-article --in-place --ext .txt,.md docs/ clean files where they are
  $ clean-article --json article.txt | jq .removals
  $ clean-article --check article.txt             exit 1 when something would be removed
  $ clean-article --jobs 2 --out-dir clean/ big/  clean a folder on two threads
  $ clean-article --jsonl < crawl.jsonl > clean.jsonl   clean the "text" member of each record
  $ clean-article count-lines --out a.counts shard-a/   corpus boilerplate, phase 1 (per shard)
  $ clean-article merge-counts a.counts b.counts > all.counts
  $ clean-article --line-counts all.counts --out-dir clean/ shard-a/   phase 2

Rules (highest precedence first):
${rulesHelp(CLEANERS)}
Exit codes: 0 done, 1 --check found something to remove, 2 usage or I/O error.`;

/** Parses a comma-separated option that may be given several times. */
function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];
}

/** Builds the commander program; `version` is the package version; help and version go to `writeOut`. */
function buildProgram(version: string, writeOut: (text: string) => void): Command {
  const program = new Command('clean-article')
    .description('Turn raw scraped text into clean article text: one headline, whole sentences, no boilerplate, no repeats.')
    .argument('[paths...]', 'files or folders to clean; none or "-" reads stdin')
    .option('-o, --output <file>', 'write the cleaned text of a single input to <file>')
    .option('--out-dir <dir>', 'write each cleaned file into <dir> (folders keep their layout)')
    .option('--in-place', 'overwrite each file with its cleaned text (atomically; unchanged files are not rewritten)')
    .option('--split-hard-links', 'with --in-place: also clean a file that has other names (hard links), giving this name a new file; the others keep the old text')
    .option('--ext <list>', 'extensions of the files taken from folders', list)
    .option('--explain', 'print one line per removal on stderr: location, rule, reason, text')
    .option('--json', 'print a JSON report per input on stdout (one object per line)')
    .option('--check', 'write nothing; exit 1 when something would be removed')
    .option('--body-only', 'leave the headline out of the output')
    .option('--disable <rules>', `rules to switch off (${RULE_IDS.join(', ')})`, list)
    .addOption(new Option('--color <when>', 'colour in --explain').choices(['auto', 'always', 'never']).default('auto'));
  return addScaleOptions(addRuleOptions(program, CLEANERS))
    .version(version, '-V, --version')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    .configureOutput({ outputError: () => undefined, writeOut })
    .exitOverride();
}

interface RawOptions {
  output?: string;
  outDir?: string;
  inPlace?: boolean;
  splitHardLinks?: boolean;
  ext?: string[];
  explain?: boolean;
  json?: boolean;
  check?: boolean;
  bodyOnly?: boolean;
  disable?: string[];
  color: 'auto' | 'always' | 'never';
  jsonl?: boolean;
}

/** Reads and checks the parsed program; throws {@link UsageError} on contradictions. */
function readOptions(program: Command): CliOptions {
  const raw = program.opts<RawOptions>();
  const paths = program.args;
  const disable = raw.disable ?? [];
  const unknown = disable.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule in --disable: ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  const targets = [raw.output !== undefined, raw.outDir !== undefined, raw.inPlace].filter(Boolean).length;
  if (targets > 1) throw new UsageError('choose one of -o, --out-dir and --in-place');
  if (raw.output !== undefined && paths.length > 1) throw new UsageError('-o takes a single input; use --out-dir for several');
  if (raw.inPlace && (paths.length === 0 || paths.includes('-'))) throw new UsageError('--in-place needs files, not stdin');
  if (raw.splitHardLinks && !raw.inPlace) throw new UsageError('--split-hard-links needs --in-place');
  return {
    paths,
    output: raw.output,
    outDir: raw.outDir,
    inPlace: raw.inPlace === true,
    splitHardLinks: raw.splitHardLinks === true,
    extensions: extensionsOf(raw.ext, raw.jsonl === true),
    explain: raw.explain === true,
    json: raw.json === true,
    check: raw.check === true,
    bodyOnly: raw.bodyOnly === true,
    disable,
    rules: readRuleOptions(program, CLEANERS),
    color: raw.color,
    ...readScaleOptions(program, isStdin(paths)),
  };
}

/** The extensions of `--ext` with their dots, or the default: `.txt`, or `.jsonl` for `--jsonl`. */
function extensionsOf(ext: readonly string[] | undefined, jsonl: boolean): string[] {
  return (ext ?? [jsonl ? '.jsonl' : '.txt']).map((item) => (item.startsWith('.') ? item : `.${item}`));
}

/** The checked options for large runs. */
interface ScaleOptions {
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
const parseMinDocs = whole(2);

/** Adds the options for large runs to `program`: threads, the progress bar, JSON Lines streams and corpus-wide boilerplate. */
function addScaleOptions(program: Command): Command {
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

/** Reads and checks the options for large runs; throws {@link UsageError} on contradictions. */
function readScaleOptions(program: Command, fromStdin: boolean): ScaleOptions {
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

/** The checked options of `count-lines`. */
export interface CountLinesOptions {
  readonly paths: readonly string[];
  readonly extensions: readonly string[];
  readonly jsonl: boolean;
  readonly field: string;
  /** Write the counts to this file (atomically) instead of stdout. */
  readonly out: string | undefined;
}

/** The checked options of `merge-counts`. */
export interface MergeCountsOptions {
  readonly files: readonly string[];
  /** Keep only the lines found in at least this many documents. */
  readonly minDocs: number | undefined;
}

/** What the command line asks for: cleaning (the main command), or one of the subcommands. */
export type Invocation =
  | { readonly command: 'clean'; readonly options: CliOptions }
  | { readonly command: 'count-lines'; readonly options: CountLinesOptions }
  | { readonly command: 'merge-counts'; readonly options: MergeCountsOptions };

/**
 * Parses the arguments (without `node` and the script). A first argument naming a subcommand
 * runs it (a file of that name is cleaned with `./count-lines`). Help and version text go to
 * `writeOut`. Throws commander's errors (help and version included, with exit code 0) and
 * {@link UsageError}s for the caller to show.
 */
export function parseCommandLine(argv: readonly string[], version: string, writeOut: (text: string) => void): Invocation {
  const [first, ...rest] = argv;
  if (first === 'count-lines') return { command: 'count-lines', options: parseCountLines(rest, writeOut) };
  if (first === 'merge-counts') return { command: 'merge-counts', options: parseMergeCounts(rest, writeOut) };
  const program = buildProgram(version, writeOut);
  program.parse(argv, { from: 'user' });
  return { command: 'clean', options: readOptions(program) };
}

function subcommand(name: string, description: string, writeOut: (text: string) => void): Command {
  return new Command(name)
    .description(description)
    .showSuggestionAfterError()
    .configureOutput({ outputError: () => undefined, writeOut })
    .exitOverride();
}

interface CountRaw {
  out?: string;
  jsonl: boolean;
  field: string;
  ext?: string[];
}

function parseCountLines(argv: readonly string[], writeOut: (text: string) => void): CountLinesOptions {
  const program = subcommand('clean-article count-lines', 'Phase 1 of corpus boilerplate: count, per line key, the documents holding it.', writeOut)
    .argument('[paths...]', 'files or folders (or JSONL with --jsonl); none or "-" reads stdin')
    .option('--jsonl', 'the inputs are JSON Lines; each record is a document', false)
    .option('--field <name>', 'with --jsonl: the member holding the text', 'text')
    .option('--ext <list>', 'extensions of the files taken from folders (default .txt, or .jsonl)', list)
    .option('--out <file>', 'write the counts to <file> (atomically) instead of stdout')
    .parse(argv, { from: 'user' });
  const raw = program.opts<CountRaw>();
  return { paths: program.args, extensions: extensionsOf(raw.ext, raw.jsonl), jsonl: raw.jsonl, field: raw.field, out: raw.out };
}

function parseMergeCounts(argv: readonly string[], writeOut: (text: string) => void): MergeCountsOptions {
  const program = subcommand('clean-article merge-counts', 'Sums line counts files (from count-lines or merge-counts) into one.', writeOut)
    .argument('<counts...>', 'counts files to merge')
    .option('--min-docs <n>', 'keep only the lines found in at least <n> documents (a pruned file cannot be merged again)', parseMinDocs)
    .parse(argv, { from: 'user' });
  return { files: program.args, minDocs: program.opts<{ minDocs?: number }>().minDocs };
}
