/**
 * What a run over one input and a batch share: telling what became of each cleaned document
 * (warnings, `--explain`, `--check`, `--json`), writing its text where it goes (stdout, `-o`,
 * `--out-dir`, in place), and the run's totals and exit code.
 */
import type { CleanedDocument } from './clean-document.js';
import { encode, NotTextError, type Encoding } from './decode.js';
import { outputFolders, outputPath, PathError, requireRegularFile, sameFile, writeFileSafely, type FileStamp, type WriteOptions } from './files.js';
import { messageOf, writeLine, writeOut, type RunIO } from './io.js';
import { UsageError, type CliOptions } from './options.js';
import { colorsFor, explainLines, jsonRecord, shownName } from './report.js';
import type { ReportCollector } from './report-data.js';
import type { InputFile } from './sources.js';

/** Where one input's cleaned text goes; `read` is the stamp of the input file when it was read. */
export type Destination = (text: string, changed: boolean, encoding: Encoding, read: FileStamp | undefined) => Promise<void>;

/** Totals of a run. */
interface Tally {
  changed: number;
  unchanged: number;
  failed: string[];
  removals: Record<string, number>;
}

/** Failed inputs named in the closing summary; the per-file messages above it name every one. */
const NAMED_FAILURES = 10;

/** Tells and counts what becomes of each input of a run. */
export interface DocumentReporter {
  /** Counts an input as failed and tells why (a file that is not text is "skipped"). */
  readonly fail: (name: string, error: unknown) => void;
  /** Tells something about an input that does not fail it (not under `--quiet`). */
  readonly warn: (name: string, message: string) => void;
  /** Tells something only `--verbose` asks for. */
  readonly info: (name: string, message: string) => void;
  /**
   * Tells what was removed from `cleaned` and writes its text to `destination`; the input is
   * counted once written, so one whose output failed is "failed", not also "cleaned".
   */
  readonly report: (name: string, cleaned: CleanedDocument, destination: Destination, read?: FileStamp) => Promise<void>;
  /**
   * Ends the run: the summary line (for a batch, unless `--quiet`), the HTML report (with
   * `--report`); resolves to the exit code: 0 done, 1 `--check` or `-l` found changes, 2 an input failed.
   */
  readonly finish: (summary: boolean) => Promise<number>;
}

/** What the document modes need to know of the run: the settings every document is cleaned with follow from the options. */
export function documentSettings(options: CliOptions): { readonly describe: boolean; readonly keepInput: boolean } {
  const report = options.report !== undefined;
  return { describe: options.explain || options.json || report, keepInput: options.diff || report };
}

/**
 * A reporter writing its messages to `io.stderr` and data (`--json`, `-l`, `--diff`) to `io.stdout`.
 * The HTML report's modules and the diff library are imported only by a run that asks for them.
 */
export async function documentReporter(options: CliOptions, io: RunIO): Promise<DocumentReporter> {
  const tally: Tally = { changed: 0, unchanged: 0, failed: [], removals: {} };
  const color = colorsFor(options.color, io.stderrIsTerminal, io.env);
  const diffColor = colorsFor(options.color, io.stdoutIsTerminal, io.env);
  const collector: ReportCollector | undefined = options.report === undefined ? undefined : new (await import('./report-data.js')).ReportCollector();
  const unifiedDiff = options.diff ? (await import('./diff.js')).unifiedDiff : undefined;
  const quiet = options.verbosity === 'quiet';
  const started = performance.now();
  const warn = (name: string, message: string): void => {
    if (!quiet) writeLine(io.stderr, `clean-article: ${shownName(name)}: warning: ${message}`);
  };
  const info = (name: string, message: string): void => {
    if (options.verbosity === 'verbose') writeLine(io.stderr, `clean-article: ${shownName(name)}: ${message}`);
  };
  // Nothing is written with --check, -l or --diff; --json writes the records instead of the text.
  const writes = !options.check && !options.listDifferent && !options.diff;
  return {
    fail(name, error) {
      tally.failed.push(name);
      const skipped = error instanceof NotTextError ? 'skipped: ' : '';
      writeLine(io.stderr, `clean-article: ${shownName(name)}: ${skipped}${messageOf(error)}`);
      collector?.fail(name, `${skipped}${messageOf(error)}`);
    },
    warn,
    info,
    async report(name, cleaned, destination, read) {
      const { removals, changed } = cleaned;
      const total = Object.values(cleaned.counts).reduce((sum, count) => sum + count, 0);
      if (cleaned.warning) warn(name, cleaned.warning);
      if (options.explain) for (const line of explainLines(shownName(name), removals, color)) writeLine(io.stderr, line);
      if (options.check && total > 0 && !quiet) writeLine(io.stderr, `${shownName(name)}: ${total} removal${total === 1 ? '' : 's'}`);
      if (options.listDifferent && changed) await writeOut(io.stdout, `${shownName(name)}\n`);
      if (unifiedDiff && changed && cleaned.input !== undefined) await writeOut(io.stdout, unifiedDiff(shownName(name), cleaned.input, cleaned.text, diffColor));
      if (writes) {
        if (options.json) await writeOut(io.stdout, jsonRecord(name, cleaned, removals) + '\n');
        await destination(cleaned.text, changed, cleaned.encoding, read);
      }
      if (changed) tally.changed++;
      else tally.unchanged++;
      for (const [rule, count] of Object.entries(cleaned.counts)) tally.removals[rule] = (tally.removals[rule] ?? 0) + count;
      info(name, total > 0 ? `${total} removal${total === 1 ? '' : 's'} (${rulesOf(cleaned.counts)})` : changed ? 'white space normalised' : 'unchanged');
      collector?.add({ ...cleaned, name });
    },
    async finish(summary) {
      // -l's output is its list; a summary under it would only be noise.
      if (summary && !quiet && !options.listDifferent) writeLine(io.stderr, summaryLine(tally));
      if (options.verbosity === 'verbose') writeLine(io.stderr, `clean-article: took ${((performance.now() - started) / 1000).toFixed(2)} s`);
      if (collector !== undefined && options.report !== undefined) {
        (await import('./report-page.js')).writeReport(options.report, collector);
        info(options.report, 'report written');
      }
      if (tally.failed.length > 0) return 2;
      return (options.check || options.listDifferent) && tally.changed > 0 ? 1 : 0;
    },
  };
}

function rulesOf(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
}

function summaryLine(tally: Tally): string {
  const rules = rulesOf(tally.removals);
  const failed = tally.failed.length;
  const files = tally.changed + tally.unchanged + failed;
  const named = tally.failed.slice(0, NAMED_FAILURES).map(shownName).join(', ');
  const more = failed > NAMED_FAILURES ? ` and ${failed - NAMED_FAILURES} more` : '';
  return (
    `clean-article: ${files} file${files === 1 ? '' : 's'}: ${tally.changed} cleaned, ${tally.unchanged} unchanged, ${failed} failed` +
    (failed > 0 ? ` (${named}${more})` : '') +
    (rules ? `; removed: ${rules}` : '')
  );
}

/** The text of one input (stdin, or a file without `--out-dir` or `--in-place`): stdout or `-o`. */
export function toStream(options: CliOptions, io: RunIO): Destination {
  if (options.output) return toPath(options.output);
  // Like a file, stdout gets the input's encoding back: `clean-article < a > b` matches --in-place.
  return async (text, _changed, encoding) => {
    if (!options.json) await writeOut(io.stdout, encode(text, encoding));
  };
}

/** {@link toStream} for a named file, refusing `-o` when it names that file. */
export async function toOutput(options: CliOptions, file: InputFile, io: RunIO): Promise<Destination> {
  if (options.output && sameFile(options.output, file.path)) {
    throw new UsageError(`-o ${options.output} is the input file; use --in-place to overwrite it`);
  }
  return toStream(options, io);
}

/** What the file outputs of one run share. */
export interface Outputs {
  /** Output path -> the input written there: two inputs with the same name would overwrite each other's output. */
  readonly written: Map<string, string>;
  /** Makes the folder of an output inside `--out-dir` (when given), refusing symlinks on the way. */
  readonly prepareFolder: ((target: string) => void) | undefined;
}

/** The outputs of a run, none written yet. */
export function runOutputs(options: CliOptions): Outputs {
  return { written: new Map(), prepareFolder: options.outDir === undefined ? undefined : outputFolders(options.outDir) };
}

/** Where a file's text goes under `--in-place` or `--out-dir` (nowhere under `--check` or `--json`). */
export async function toFile(options: CliOptions, file: InputFile, { written, prepareFolder }: Outputs): Promise<Destination> {
  if (options.inPlace) {
    const { nlink } = requireRegularFile(file.path);
    // The rename gives this name a new file; the other names would keep the old text, unseen.
    if (nlink > 1 && !options.splitHardLinks) {
      throw new PathError(`has ${nlink} names (hard links); --in-place would give this one a new file and leave the others as they are: pass --split-hard-links to do so`);
    }
    // Unchanged files are left alone: same bytes, same mtime, same inode.
    return async (text, changed, encoding, read) => {
      if (changed) await writeTo(file.path, encode(text, encoding), { unchangedSince: read });
    };
  }
  if (options.outDir) {
    const target = outputPath(options.outDir, file.relative);
    if (sameFile(target, file.path)) throw new PathError(`its output ${target} is the input file itself`);
    const earlier = written.get(target);
    if (earlier !== undefined) throw new PathError(`its output ${target} would overwrite the output of ${shownName(earlier)}`);
    written.set(target, file.path);
    return async (text, _changed, encoding) => {
      await writeTo(target, encode(text, encoding), { followLinks: false }, prepareFolder);
    };
  }
  return async () => undefined;
}

function toPath(target: string): Destination {
  return (text, _changed, encoding) => writeTo(target, encode(text, encoding));
}

/**
 * Writes an output file (inside `--out-dir`, whose folder `prepareFolder` makes, when given).
 * Errors name the output, since the caller's message names the input and "a.txt: permission
 * denied" would point at the wrong file.
 */
async function writeTo(target: string, bytes: Uint8Array, options?: WriteOptions, prepareFolder?: (target: string) => void): Promise<void> {
  try {
    prepareFolder?.(target);
    writeFileSafely(target, bytes, options);
  } catch (error) {
    if (error instanceof PathError) throw error;
    throw new PathError(`cannot write ${shownName(target)}: ${messageOf(error)}`);
  }
}
