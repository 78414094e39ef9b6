/** The command line: options, help text and their checks. */
import { Command, Option } from 'commander';
import { CLEANERS, RULE_IDS } from '../index.js';
import { addRuleOptions, readRuleOptions, rulesHelp } from './rule-options.js';
import { addScaleOptions, readScaleOptions, type ScaleOptions } from './scale-options.js';

/** The options the command acts on, checked. */
export interface CliOptions extends ScaleOptions {
  readonly paths: readonly string[];
  readonly output: string | undefined;
  readonly outDir: string | undefined;
  readonly inPlace: boolean;
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
  $ clean-article dedup --jsonl crawl.jsonl > unique.jsonl   drop duplicate documents (dedup --help)

Rules (highest precedence first):
${rulesHelp(CLEANERS)}
Exit codes: 0 done, 1 --check found something to remove, 2 usage or I/O error.`;

/** Parses a comma-separated option that may be given several times. */
export function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];
}

/** Builds the commander program; `version` is the package version. */
export function buildProgram(version: string): Command {
  const program = new Command('clean-article')
    .description('Turn raw scraped text into clean article text: one headline, whole sentences, no boilerplate, no repeats.')
    .argument('[paths...]', 'files or folders to clean; none or "-" reads stdin')
    .option('-o, --output <file>', 'write the cleaned text of a single input to <file>')
    .option('--out-dir <dir>', 'write each cleaned file into <dir> (folders keep their layout)')
    .option('--in-place', 'overwrite each file with its cleaned text (atomically; unchanged files are not rewritten)')
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
    .configureOutput({ outputError: () => undefined })
    .exitOverride();
}

interface RawOptions {
  output?: string;
  outDir?: string;
  inPlace?: boolean;
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
export function readOptions(program: Command): CliOptions {
  const raw = program.opts<RawOptions>();
  const paths = program.args;
  const disable = raw.disable ?? [];
  const unknown = disable.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule in --disable: ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`);
  const targets = [raw.output !== undefined, raw.outDir !== undefined, raw.inPlace].filter(Boolean).length;
  if (targets > 1) throw new UsageError('choose one of -o, --out-dir and --in-place');
  if (raw.output !== undefined && paths.length > 1) throw new UsageError('-o takes a single input; use --out-dir for several');
  if (raw.inPlace && (paths.length === 0 || paths.includes('-'))) throw new UsageError('--in-place needs files, not stdin');
  return {
    paths,
    output: raw.output,
    outDir: raw.outDir,
    inPlace: raw.inPlace === true,
    extensions: extensionsOf(raw.ext, raw.jsonl === true),
    explain: raw.explain === true,
    json: raw.json === true,
    check: raw.check === true,
    bodyOnly: raw.bodyOnly === true,
    disable,
    rules: readRuleOptions(program, CLEANERS),
    color: raw.color,
    ...readScaleOptions(program, paths.length === 0 || (paths.length === 1 && paths[0] === '-')),
  };
}

/** The extensions of `--ext` with their dots, or the default: `.txt`, or `.jsonl` for `--jsonl`. */
export function extensionsOf(ext: readonly string[] | undefined, jsonl: boolean): string[] {
  return (ext ?? [jsonl ? '.jsonl' : '.txt']).map((item) => (item.startsWith('.') ? item : `.${item}`));
}
