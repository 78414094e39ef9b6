/**
 * The command line: options, help text and their checks, for the main command and for its
 * subcommands (`count-lines`, `merge-counts`, `dedup` and its phases). Every flag is parsed here,
 * and nowhere else: the modes get checked options.
 */
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_THRESHOLD } from '../dedup/signature.js';
import { CLEANERS, RULE_IDS } from '../index.js';
import { loadConfig, type LoadedConfig } from './config.js';
import type { DocumentSpec } from './dedup-documents.js';
import { isStdin, STDIN } from './io.js';
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
  readonly color: ColorWhen;
  /** Take hidden entries of folders too (`--hidden`). */
  readonly hidden: boolean;
  /** Skip `node_modules/`, `.git/` and what `.gitignore` ignores (off with `--no-ignore`). */
  readonly ignore: boolean;
  /** `-l`: print the paths that would change, write nothing. */
  readonly listDifferent: boolean;
  /** `--diff`: print a unified diff of what would change, write nothing. */
  readonly diff: boolean;
  /** `--report FILE`: write an HTML report of the run there. */
  readonly report: string | undefined;
  /** How much to tell on stderr. */
  readonly verbosity: Verbosity;
  /** The configuration file the options came from, if any (for `--verbose`). */
  readonly configFile: string | undefined;
}

/** When to colour: `--color WHEN`, `--no-color` (never), or the terminal and the environment (auto). */
type ColorWhen = 'auto' | 'always' | 'never';

/** `--quiet`: errors only; `--verbose`: a line per file, the configuration used, what the walk passed over. */
type Verbosity = 'quiet' | 'normal' | 'verbose';

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
  $ clean-article -l 'scraped/**/*.txt'           list the files that would change
  $ clean-article --diff article.txt              show what would be removed, as a diff
  $ clean-article --report report.html --out-dir clean/ scraped/   a page to look at
  $ clean-article --jobs 2 --out-dir clean/ big/  clean a folder on two threads
  $ clean-article --jsonl < crawl.jsonl > clean.jsonl   clean the "text" member of each record
  $ clean-article count-lines --out a.counts shard-a/   corpus boilerplate, phase 1 (per shard)
  $ clean-article merge-counts a.counts b.counts > all.counts
  $ clean-article --line-counts all.counts --out-dir clean/ shard-a/   phase 2
  $ clean-article dedup --jsonl crawl.jsonl > unique.jsonl   drop duplicate documents

Rules (highest precedence first):
${rulesHelp(CLEANERS)}
Configuration: options by name in .clean-articlerc, .clean-articlerc.json, clean-article.config.js
  or the "clean-article" key of package.json (found from the working folder up); flags win.
Exit codes: 0 done, 1 --check or -l found something to change, 2 usage or I/O error.`;

/** Parses a comma-separated option that may be given several times. */
function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];
}

/** The default of `--ext`, as help shows it; `--jsonl` changes it to `.jsonl`. */
const DEFAULT_EXTENSION = '.txt';

/** `--ext` as an option: a list whose default is replaced, not added to, by the first `--ext`. */
function extOption(): Option {
  const defaults = [DEFAULT_EXTENSION];
  return new Option('--ext <list>', 'extensions of the files taken from folders')
    .argParser((value: string, previous: string[]) => list(value, previous === defaults ? [] : previous))
    .default(defaults, '.txt, or .jsonl with --jsonl');
}

/**
 * Builds the commander program; `version` is the package version. Help and version text go to
 * `writeOut` when given (the checked stdout); a program built only to print its help needs none.
 */
function buildProgram(version: string, writeOut?: (text: string) => void): Command {
  const program = new Command('clean-article')
    .description('Turn raw scraped text into clean article text: one headline, whole sentences, no boilerplate, no repeats.')
    .argument('[paths...]', 'files, folders or quoted globs to clean; none or "-" reads stdin')
    .option('-o, --output <file>', 'write the cleaned text of a single input to <file>')
    .option('--out-dir <dir>', 'write each cleaned file into <dir> (folders keep their layout)')
    .option('--in-place', 'overwrite each file with its cleaned text (atomically; unchanged files are not rewritten)')
    .option('--split-hard-links', 'with --in-place: also clean a file that has other names (hard links), giving this name a new file; the others keep the old text')
    .addOption(extOption())
    .option('--hidden', 'also take hidden files and folders (names starting with a dot) from folders')
    .option('--no-ignore', 'also take node_modules/, .git/ and what .gitignore files ignore')
    .option('--explain', 'print one line per removal on stderr: location, rule, reason, text')
    .option('--json', 'print a JSON report per input on stdout (one object per line)')
    .option('--check', 'write nothing; exit 1 when something would be removed')
    .option('-l, --list-different', 'write nothing; print the paths that would change, exit 1 when any')
    .option('--diff', 'write nothing; print a unified diff of what would change, per file')
    .option('--report <file>', 'write an HTML report of the run to <file>: removals per rule, the files that lost most, in context')
    .option('--body-only', 'leave the headline out of the output (needs the repeated-title rule)')
    .option('--disable <rules>', `rules to switch off (${RULE_IDS.join(', ')})`, list)
    .addOption(new Option('--color <when>', 'colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces), always, never').choices(['auto', 'always', 'never']).default('auto'))
    .option('--no-color', 'never colour (same as --color never)')
    .option('-q, --quiet', 'print errors only: no warnings, no summary')
    .option('--verbose', 'also print a line per file, the configuration file used and what folder walks passed over')
    .option('--config <file>', 'read options from <file> instead of the configuration file found from the working folder')
    .option('--no-config', 'read no configuration file');
  return addScaleOptions(addRuleOptions(program, CLEANERS))
    .version(version, '-V, --version')
    .addHelpText('after', () => commandsHelp() + EXAMPLES)
    .showSuggestionAfterError()
    .configureOutput({ outputError: () => undefined, ...(writeOut ? { writeOut } : {}) })
    .exitOverride();
}

/** The subcommands, as the main help lists them. */
function commandsHelp(): string {
  const commands = [
    countLinesProgram(),
    mergeCountsProgram(),
    dedupProgram(),
    ...DEDUP_PHASES.map((phase) => dedupPhaseProgram(phase)),
    new Command('help').usage('[command]').description('show this help, or the help of a command'),
  ];
  const rows = commands.map((command) => [`${command.name().replace(/^clean-article /u, '')} ${command.usage()}`, command.description()] as const);
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return `\nCommands (clean-article <command> --help for their options):\n${rows.map(([usage, description]) => `  ${usage.padEnd(width)}  ${description}`).join('\n')}\n`;
}

interface RawOptions {
  output?: string;
  outDir?: string;
  inPlace?: boolean;
  splitHardLinks?: boolean;
  ext: string[];
  hidden?: boolean;
  ignore: boolean;
  explain?: boolean;
  json?: boolean;
  check?: boolean;
  listDifferent?: boolean;
  diff?: boolean;
  report?: string;
  bodyOnly?: boolean;
  disable?: string[];
  color: ColorWhen | false;
  quiet?: boolean;
  verbose?: boolean;
  jsonl?: boolean;
}

/** Reads and checks the parsed program; throws {@link UsageError} on contradictions. */
function readOptions(program: Command, config: LoadedConfig | undefined): CliOptions {
  const raw = program.opts<RawOptions>();
  const paths = program.args;
  const disable = raw.disable ?? [];
  const unknown = disable.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule in --disable: ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  if (raw.bodyOnly && disable.includes('repeated-title')) {
    throw new UsageError('--body-only needs the repeated-title rule, which finds the headline to leave out; it is disabled');
  }
  const targets = [raw.output !== undefined, raw.outDir !== undefined, raw.inPlace].filter(Boolean).length;
  if (targets > 1) throw new UsageError('choose one of -o, --out-dir and --in-place');
  if (raw.output !== undefined && paths.length > 1) throw new UsageError('-o takes a single input; use --out-dir for several');
  if (raw.inPlace && (paths.length === 0 || paths.includes('-'))) throw new UsageError('--in-place needs files, not stdin');
  if (raw.splitHardLinks && !raw.inPlace) throw new UsageError('--split-hard-links needs --in-place');
  if (raw.check && raw.json) throw new UsageError('--check prints no report; choose --check (exit 1 when something would be removed) or --json (the removals of each input)');
  const dryRuns = (['listDifferent', 'diff', 'json'] as const).filter((name) => raw[name]);
  if (dryRuns.length > 1) throw new UsageError(`${dryRuns.map(flagOf).join(' and ')} both print on stdout; choose one`);
  const dryRun = raw.listDifferent ? 'listDifferent' : raw.diff ? 'diff' : undefined;
  if (dryRun !== undefined && targets > 0) throw new UsageError(`${flagOf(dryRun)} writes no file; leave out -o, --out-dir and --in-place`);
  if (raw.quiet && raw.verbose) throw new UsageError('choose one of --quiet and --verbose');
  if (dryRun !== undefined && raw.jsonl) throw new UsageError(`${flagOf(dryRun)} works on files; for a JSONL stream use --check or --removals-key`);
  return {
    paths,
    output: raw.output,
    outDir: raw.outDir,
    inPlace: raw.inPlace === true,
    splitHardLinks: raw.splitHardLinks === true,
    extensions: extensionsOf(program, raw.ext, raw.jsonl === true),
    hidden: raw.hidden === true,
    ignore: raw.ignore,
    explain: raw.explain === true,
    json: raw.json === true,
    check: raw.check === true,
    listDifferent: raw.listDifferent === true,
    diff: raw.diff === true,
    report: raw.report,
    bodyOnly: raw.bodyOnly === true,
    disable,
    rules: readRuleOptions(program, CLEANERS),
    color: raw.color === false ? 'never' : raw.color,
    verbosity: raw.quiet ? 'quiet' : raw.verbose ? 'verbose' : 'normal',
    configFile: config?.file,
    ...readScaleOptions(program, isStdin(paths)),
  };
}

/** The flag of an option attribute, for messages: `listDifferent` -> `-l`. */
function flagOf(attribute: 'listDifferent' | 'diff' | 'json'): string {
  return attribute === 'listDifferent' ? '-l' : `--${attribute}`;
}

/** The extensions of `--ext` with their dots, or the default: `.txt`, or `.jsonl` for `--jsonl`. */
function extensionsOf(program: Command, ext: readonly string[], jsonl: boolean): string[] {
  const given = program.getOptionValueSource('ext') === 'default' ? [jsonl ? '.jsonl' : DEFAULT_EXTENSION] : ext;
  return given.map((item) => (item.startsWith('.') ? item : `.${item}`));
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
  readonly hidden: boolean;
  readonly ignore: boolean;
  readonly jsonl: boolean;
  readonly field: string;
  /** What becomes of a JSONL line that is not a record: told and exit 2 (`skip`), told and exit 0 (`keep`), or the end of the run. */
  readonly badLines: BadLineAction;
  /** Write the counts to this file (atomically) instead of stdout. */
  readonly out: string | undefined;
  readonly quiet: boolean;
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
  | { readonly command: 'merge-counts'; readonly options: MergeCountsOptions }
  | { readonly command: 'dedup'; readonly options: DedupOptions }
  | { readonly command: 'dedup signatures'; readonly options: DedupSignaturesOptions }
  | { readonly command: 'dedup merge'; readonly options: DedupMergeOptions }
  | { readonly command: 'dedup filter'; readonly options: DedupFilterOptions };

/**
 * Parses the arguments (without `node` and the script), with the options of the configuration
 * file under them (found from `cwd`, or named by `--config`). A first argument naming a
 * subcommand runs it (a file of that name is cleaned with `./count-lines`); `help [command]`
 * shows help. Help and version text go to `writeOut`. Throws commander's errors (help and version
 * included, with exit code 0) and {@link UsageError}s for the caller to show.
 */
export async function parseCommandLine(argv: readonly string[], version: string, cwd: string, writeOut: (text: string) => void): Promise<Invocation> {
  const [first, ...rest] = argv;
  if (first === 'help') return parseCommandLine(helpArguments(rest), version, cwd, writeOut);
  if (first === 'count-lines') return { command: 'count-lines', options: await parseCountLines(rest, cwd, writeOut) };
  if (first === 'merge-counts') return { command: 'merge-counts', options: parseMergeCounts(rest, writeOut) };
  if (first === DEDUP) return parseDedup(rest, cwd, writeOut);
  const program = buildProgram(version, writeOut);
  program.parse(withBareColor(argv), { from: 'user' });
  const config = await configOf(program, cwd);
  if (config !== undefined) applyConfig(program, config, true);
  return { command: 'clean', options: readOptions(program, config) };
}

/** `help [command]` as the arguments that show that help: `help dedup merge` -> `dedup merge --help`. */
function helpArguments(rest: readonly string[]): string[] {
  const [command, phase] = rest;
  if (command === 'count-lines' || command === 'merge-counts') return [command, '--help'];
  if (command === DEDUP) return isDedupPhase(phase) ? [DEDUP, phase, '--help'] : [DEDUP, '--help'];
  return ['--help'];
}

/** The main command's help, for a run on a terminal given nothing to read. */
export function helpText(version: string): string {
  return buildProgram(version).helpInformation();
}

/**
 * A bare `--color` means always, as chalk's own flags read it; `--color WHEN` takes a value. So a
 * `--color` not followed by a value it takes becomes `--color=always` (before `--` only).
 */
function withBareColor(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) => (arg === '--color' && (end === -1 || i < end) && !['auto', 'always', 'never'].includes(argv[i + 1] ?? '') ? '--color=always' : arg));
}

/** The configuration of a run: none with `--no-config`, the file `--config` names, or the one found from `cwd`. */
async function configOf(program: Command, cwd: string): Promise<LoadedConfig | undefined> {
  const given = program.opts<{ config?: string | false }>().config;
  if (given === false) return undefined;
  try {
    return await loadConfig(given, cwd);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Options a configuration file cannot hold: they say which file to read, or print and stop. */
const NOT_IN_CONFIG = new Set(['config', 'version', 'help']);

/** Options naming paths: in a configuration file they are relative to its folder. */
const PATH_OPTIONS = new Set(['output', 'outDir', 'report', 'lineCounts', 'out']);

/**
 * Sets the options of `config` that the command line did not give (flags win). Names are the
 * options' camelCase names or their flags (`"outDir"` or `"out-dir"`); values are checked as the
 * flag's would be. With `strict`, a name the program does not know is an error; the subcommands
 * take from the file the options they have (or, given `only`, those of them it names) and pass
 * over the others.
 */
function applyConfig(program: Command, config: LoadedConfig, strict: boolean, only?: ReadonlySet<string>): void {
  for (const [name, value] of Object.entries(config.options)) {
    const attribute = name.replace(/^-+/u, '').replace(/-([a-z])/gu, (_, letter: string) => letter.toUpperCase());
    if (only !== undefined && !only.has(attribute)) continue;
    const options = program.options.filter((option) => option.attributeName() === attribute && !NOT_IN_CONFIG.has(attribute));
    if (options.length === 0) {
      if (strict) throw new UsageError(`${config.file}: unknown option "${name}" (see clean-article --help)`);
      continue;
    }
    if (program.getOptionValueSource(attribute) === 'cli') continue;
    program.setOptionValueWithSource(attribute, configValue(options, value, config, name), 'config');
  }
}

/** A configuration value checked and converted as its flag's argument would be. */
function configValue(options: readonly Option[], value: unknown, config: LoadedConfig, name: string): unknown {
  const bad = (expected: string): UsageError => new UsageError(`${config.file}: "${name}" must be ${expected}, not ${JSON.stringify(value)}`);
  const withArgument = options.find((option) => option.required || option.optional);
  if (withArgument === undefined) {
    // A switch (`"explain": true`) or its negation (`"ignore": false` for --no-ignore).
    if (typeof value !== 'boolean') throw bad('true or false');
    return value;
  }
  // `"color": false` reads as --no-color, as a switch would.
  if (typeof value === 'boolean' && options.some((option) => option.negate)) {
    if (value) throw bad(`one of ${withArgument.argChoices?.join(', ') ?? 'its values'}, or false`);
    return false;
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0 || !items.every((item) => typeof item === 'string' || typeof item === 'number')) throw bad('a string or a number, or a list of them');
  const text = items.join(',');
  if (withArgument.argChoices && !withArgument.argChoices.includes(text)) throw bad(`one of ${withArgument.argChoices.join(', ')}`);
  let parsed: unknown = text;
  try {
    // commander types parseArg as generic over the previous value; here there is none.
    const parseArg = withArgument.parseArg as ((value: string, previous: undefined) => unknown) | undefined;
    if (parseArg) parsed = parseArg(text, undefined);
  } catch (error) {
    throw bad(error instanceof Error ? error.message.replace(/\.$/u, '') : 'valid');
  }
  const attribute = withArgument.attributeName();
  return PATH_OPTIONS.has(attribute) && typeof parsed === 'string' ? path.join(path.dirname(config.file), parsed) : parsed;
}

function subcommand(name: string, description: string, writeOut?: (text: string) => void): Command {
  return new Command(name)
    .description(description)
    .showSuggestionAfterError()
    .configureOutput({ outputError: () => undefined, ...(writeOut ? { writeOut } : {}) })
    .exitOverride();
}

interface CountRaw {
  out?: string;
  jsonl?: boolean;
  field: string;
  ext: string[];
  hidden?: boolean;
  ignore: boolean;
  badLines: BadLineAction;
  quiet?: boolean;
}

function countLinesProgram(writeOut?: (text: string) => void): Command {
  return subcommand('clean-article count-lines', 'phase 1 of corpus boilerplate: count, per line key, the documents holding it', writeOut)
    .argument('[paths...]', 'files, folders or quoted globs (or JSONL with --jsonl); none or "-" reads stdin')
    .option('--jsonl', 'the inputs are JSON Lines; each record is a document')
    .option('--field <name>', 'with --jsonl: the member holding the text', 'text')
    .addOption(
      new Option('--bad-lines <action>', 'with --jsonl: a line that is not a JSON object is not counted and is told, with exit 2 at the end (skip) or 0 (keep), or ends the run (fail)')
        .choices(['skip', 'keep', 'fail'])
        .default('skip'),
    )
    .addOption(extOption())
    .option('--hidden', 'also take hidden files and folders from folders')
    .option('--no-ignore', 'also take node_modules/, .git/ and what .gitignore files ignore')
    .option('--out <file>', 'write the counts to <file> (atomically) instead of stdout')
    .option('-q, --quiet', 'print errors only')
    .option('--config <file>', 'read options from <file> (those count-lines has)')
    .option('--no-config', 'read no configuration file');
}

async function parseCountLines(argv: readonly string[], cwd: string, writeOut: (text: string) => void): Promise<CountLinesOptions> {
  const program = countLinesProgram(writeOut).parse(argv, { from: 'user' });
  const config = await configOf(program, cwd);
  if (config !== undefined) applyConfig(program, config, false);
  const raw = program.opts<CountRaw>();
  const jsonl = raw.jsonl === true;
  if (!jsonl && program.getOptionValueSource('badLines') === 'cli') throw new UsageError('--bad-lines needs --jsonl');
  return {
    paths: program.args,
    extensions: extensionsOf(program, raw.ext, jsonl),
    hidden: raw.hidden === true,
    ignore: raw.ignore,
    jsonl,
    field: raw.field,
    badLines: raw.badLines,
    out: raw.out,
    quiet: raw.quiet === true,
  };
}

function mergeCountsProgram(writeOut?: (text: string) => void): Command {
  return subcommand('clean-article merge-counts', 'sum line counts files (from count-lines or merge-counts) into one', writeOut)
    .argument('<counts...>', 'counts files to merge')
    .option('--min-docs <n>', 'keep only the lines found in at least <n> documents (a pruned file cannot be merged again)', parseMinDocs);
}

function parseMergeCounts(argv: readonly string[], writeOut: (text: string) => void): MergeCountsOptions {
  const program = mergeCountsProgram(writeOut).parse(argv, { from: 'user' });
  return { files: program.args, minDocs: program.opts<{ minDocs?: number }>().minDocs };
}

/** The first argument that names the duplicate documents' command. */
const DEDUP = 'dedup';

/** Its phases, as the argument after it (a file of that name is read as `./merge`). */
const DEDUP_PHASES = ['signatures', 'merge', 'filter'] as const;

type DedupPhase = (typeof DEDUP_PHASES)[number];

function isDedupPhase(name: string | undefined): name is DedupPhase {
  return (DEDUP_PHASES as readonly (string | undefined)[]).includes(name);
}

/** The checked options of `dedup`: which documents, how alike, and how drops are told. */
export interface DedupOptions extends DocumentSpec {
  /** Estimated Jaccard similarity of word pairs from which a document is a duplicate, in (0, 1]. */
  readonly threshold: number;
  /** One line per dropped document on stderr. */
  readonly explain: boolean;
  /** One JSON object per dropped document on stdout, instead of the records or the list of files. */
  readonly json: boolean;
}

/** The checked options of `dedup signatures` (phase 1). */
export interface DedupSignaturesOptions extends DocumentSpec {
  /** Write the signatures to this file (atomically) instead of stdout. */
  readonly out: string | undefined;
}

/** The checked options of `dedup merge` (phase 2). */
export interface DedupMergeOptions {
  /** Signatures files, in the order of their shards. */
  readonly files: readonly string[];
  /** Where the drops files go, one per signatures file. */
  readonly outDir: string;
  readonly threshold: number;
  readonly explain: boolean;
}

/** The checked options of `dedup filter` (phase 3). */
export interface DedupFilterOptions extends DocumentSpec {
  /** The shard's drops file (from `dedup merge`). */
  readonly drops: string;
  readonly explain: boolean;
  readonly json: boolean;
}

const DEDUP_EXAMPLES = `
Examples:
  $ clean-article dedup --jsonl crawl.jsonl > unique.jsonl    drop duplicate records
  $ clean-article dedup scraped/                              list the duplicate files
  $ clean-article dedup --out-dir unique/ scraped/            copy the files that are no duplicates
  $ clean-article dedup --explain --jsonl crawl.jsonl > /dev/null   say what duplicates what

In phases, across machines (the same result as one run over the shards in order):
  $ clean-article dedup signatures --jsonl --out a.sig shard-a.jsonl     phase 1, per shard
  $ clean-article dedup merge --out-dir drops/ a.sig b.sig               phase 2, once
  $ clean-article dedup filter --jsonl --drops drops/a.drops shard-a.jsonl > a.jsonl   phase 3

Of each group of duplicates the first in input order is kept. Compare cleaned text (clean-article
  --jsonl first), so that two pages of one site are not compared on their menus.
Configuration: only the options that choose the inputs (ext, hidden, ignore, jsonl, field) are
  taken from the configuration file; flags win.`;

/**
 * What `dedup` takes from a configuration file: the options that say which documents are read, so
 * that it reads what the cleaning read. Not `outDir`, `explain` or `json`, which a file meant for
 * cleaning would give it with another meaning (its cleaned files' folder would get the survivors).
 */
const DEDUP_FROM_CONFIG: ReadonlySet<string> = new Set(['ext', 'hidden', 'ignore', 'jsonl', 'field']);

/** Parses a `--threshold` value: a number in (0, 1]. */
function parseThreshold(value: string): number {
  const number = Number(value);
  if (!(number > 0 && number <= 1)) throw new InvalidArgumentError('expected a number in (0, 1].');
  return number;
}

function thresholdOption(): Option {
  return new Option('--threshold <n>', 'how alike (0-1]: estimated Jaccard similarity of word pairs').argParser(parseThreshold).default(DEFAULT_THRESHOLD);
}

/** The options that say which documents a dedup phase reads. */
function addDocumentOptions(program: Command): Command {
  return program
    .argument('[paths...]', 'files, folders or quoted globs (or JSON Lines with --jsonl); none or "-" reads stdin (with --jsonl)')
    .option('--jsonl', 'the inputs are JSON Lines; each record is a document')
    .option('--field <name>', 'with --jsonl: the member holding the text', 'text')
    .option('--id-field <name>', 'with --jsonl: the member naming a record in reports (default: file:line)')
    .addOption(extOption())
    .option('--hidden', 'also take hidden files and folders from folders')
    .option('--no-ignore', 'also take node_modules/, .git/ and what .gitignore files ignore');
}

/** The options that say where a dedup phase reads its configuration. */
function addConfigOptions(program: Command): Command {
  return program.option('--config <file>', 'read the options that choose the inputs from <file>').option('--no-config', 'read no configuration file');
}

function dedupProgram(writeOut?: (text: string) => void): Command {
  const program = addDocumentOptions(
    subcommand('clean-article dedup', 'drop documents that repeat an earlier one, exactly or nearly (MinHash of word pairs)', writeOut),
  )
    .option('--out-dir <dir>', 'files: copy the files kept into <dir> (instead of listing the dropped ones)')
    .addOption(thresholdOption())
    .option('--explain', 'one line per dropped document on stderr: which document it duplicates, how alike')
    .option('--json', 'one JSON object per dropped document on stdout, instead of the records or the list');
  return addConfigOptions(program).addHelpText('after', DEDUP_EXAMPLES);
}

function dedupPhaseProgram(phase: DedupPhase, writeOut?: (text: string) => void): Command {
  switch (phase) {
    case 'signatures':
      return addConfigOptions(
        addDocumentOptions(subcommand('clean-article dedup signatures', 'phase 1 of dedup: the signature of each document, in input order', writeOut)).option(
          '--out <file>',
          'write the signatures to <file> (atomically) instead of stdout',
        ),
      );
    case 'merge':
      return subcommand('clean-article dedup merge', 'phase 2 of dedup: the duplicates of all shards, a drops file per signatures file', writeOut)
        .argument('<signatures...>', 'signatures files, in the order of their shards')
        .requiredOption('--out-dir <dir>', 'write the drops files into <dir>')
        .addOption(thresholdOption())
        .option('--explain', 'one line per dropped document on stderr');
    case 'filter':
      return addConfigOptions(
        addDocumentOptions(subcommand('clean-article dedup filter', "phase 3 of dedup: a shard's documents without those its drops file lists", writeOut))
          .requiredOption('--drops <file>', "the shard's drops file (from dedup merge)")
          .option('--out-dir <dir>', 'files: copy the files kept into <dir> (instead of listing the dropped ones)')
          .option('--explain', 'one line per dropped document on stderr')
          .option('--json', 'one JSON object per dropped document on stdout, instead of the records or the list'),
      );
  }
}

interface DedupRaw {
  jsonl?: boolean;
  field: string;
  idField?: string;
  ext: string[];
  hidden?: boolean;
  ignore: boolean;
  outDir?: string;
  threshold: number;
  explain?: boolean;
  json?: boolean;
  out?: string;
  drops: string;
}

/** Parses `dedup [phase] ...` (the arguments after `dedup`). */
async function parseDedup(argv: readonly string[], cwd: string, writeOut: (text: string) => void): Promise<Invocation> {
  const [phase, ...rest] = argv;
  if (phase === 'merge') {
    const program = dedupPhaseProgram('merge', writeOut).parse(rest, { from: 'user' });
    const raw = program.opts<DedupRaw & { outDir: string }>();
    return { command: 'dedup merge', options: { files: program.args, outDir: raw.outDir, threshold: raw.threshold, explain: raw.explain === true } };
  }
  const program = (isDedupPhase(phase) ? dedupPhaseProgram(phase, writeOut) : dedupProgram(writeOut)).parse(isDedupPhase(phase) ? rest : argv, { from: 'user' });
  const config = await configOf(program, cwd);
  if (config !== undefined) applyConfig(program, config, false, DEDUP_FROM_CONFIG);
  const raw = program.opts<DedupRaw>();
  const spec = dedupDocuments(program, raw, phase === 'signatures' ? 'dedup signatures reads' : phase === 'filter' ? 'dedup filter reads' : 'dedup compares');
  const report = { explain: raw.explain === true, json: raw.json === true };
  if (phase === 'signatures') return { command: 'dedup signatures', options: { ...spec, out: raw.out } };
  if (phase === 'filter') return { command: 'dedup filter', options: { ...spec, drops: raw.drops, ...report } };
  return { command: 'dedup', options: { ...spec, threshold: raw.threshold, ...report } };
}

/** The documents a dedup phase reads, checked; `reads` says what it does with them, for the message without inputs. */
function dedupDocuments(program: Command, raw: DedupRaw, reads: string): DocumentSpec {
  const jsonl = raw.jsonl === true;
  if (!jsonl && (program.getOptionValueSource('field') === 'cli' || raw.idField !== undefined)) throw new UsageError('--field and --id-field need --jsonl');
  if (jsonl && raw.outDir !== undefined) throw new UsageError('--out-dir takes files; with --jsonl the records go to stdout: redirect it to a file');
  const paths = program.args;
  if (!jsonl && (paths.length === 0 || paths.includes(STDIN))) throw new UsageError(`${reads} files, folders or globs, or JSON Lines records with --jsonl (from stdin too)`);
  if (jsonl && paths.includes(STDIN) && paths.length > 1) throw new UsageError('"-" (stdin) cannot be mixed with files');
  return {
    paths,
    extensions: extensionsOf(program, raw.ext, jsonl),
    hidden: raw.hidden === true,
    ignore: raw.ignore,
    jsonl,
    field: raw.field,
    idField: raw.idField,
    outDir: raw.outDir,
  };
}
