/**
 * Runs the command over its inputs: reads, cleans with the library, writes, reports. One failing
 * input is reported and counted; the others go on. Returns the exit code.
 */
import { promises as fs } from 'node:fs';
import type { Writable } from 'node:stream';
import type { CleanOptions } from '../index.js';
import { cleanFiles } from './batch.js';
import { cleanDocument, type CleanedDocument, type DocumentSettings } from './clean-document.js';
import { encode, NotTextError, type Encoding } from './decode.js';
import { inputFiles, outputFolders, outputPath, PathError, requireRegularFile, sameFile, writeFileSafely, type InputFile } from './files.js';
import { runJsonl } from './jsonl.js';
import { corpusBoilerplateOf } from './line-counts.js';
import { UsageError, type CliOptions } from './options.js';
import { Progress, showProgress } from './progress.js';
import { explainColors, explainLines, jsonRecord, shownName } from './report.js';

/** The streams and environment the command talks to. */
export interface RunIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stderrIsTerminal: boolean;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Standard output could not be written (a full disk, a closed pipe). Unlike a failing input this
 * ends the run: every later input would fail the same way.
 */
class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(cause: unknown) {
    super(`cannot write output: ${messageOf(cause)}`, { cause });
  }
}

/** Totals of a run. */
interface Tally {
  changed: number;
  unchanged: number;
  failed: string[];
  removals: Record<string, number>;
}

const STDIN = '-';

/** Failed inputs named in the closing summary; the per-file messages above it name every one. */
const NAMED_FAILURES = 10;

/** Runs the command; resolves to its exit code (0 done, 1 `--check` found removals, 2 errors). */
export async function run(options: CliOptions, io: RunIO): Promise<number> {
  const tally: Tally = { changed: 0, unchanged: 0, failed: [], removals: {} };
  const color = explainColors(options.color, io.stderrIsTerminal, io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '');
  const cleanOptions: CleanOptions = {
    bodyOnly: options.bodyOnly,
    disable: options.disable,
    rules: options.rules,
    corpusBoilerplate: await corpusBoilerplateOf(options, io.stdin),
  };
  if (options.jsonl) return runJsonl(options, io, cleanOptions);
  const document: DocumentSettings = { cleanOptions, describe: options.explain || options.json };
  const fail = (name: string, error: unknown): void => {
    tally.failed.push(name);
    const skipped = error instanceof NotTextError ? 'skipped: ' : '';
    writeLine(io.stderr, `clean-article: ${shownName(name)}: ${skipped}${messageOf(error)}`);
  };
  const warn = (name: string, message: string): void => writeLine(io.stderr, `clean-article: ${shownName(name)}: warning: ${message}`);

  const processOne = async (name: string, cleaned: CleanedDocument, destination: Destination): Promise<void> => {
    const { removals, changed } = cleaned;
    const total = Object.values(cleaned.counts).reduce((sum, count) => sum + count, 0);
    if (cleaned.warning) warn(name, cleaned.warning);
    if (options.explain) for (const line of explainLines(shownName(name), removals, color)) writeLine(io.stderr, line);
    if (options.check) {
      if (total > 0) writeLine(io.stderr, `${shownName(name)}: ${total} removal${total === 1 ? '' : 's'}`);
    } else {
      if (options.json) await writeOut(io.stdout, jsonRecord(name, cleaned, removals) + '\n');
      await destination(cleaned.text, changed, cleaned.encoding);
    }
    // Counted only once written: a file whose output failed is "failed", not also "cleaned".
    if (changed) tally.changed++;
    else tally.unchanged++;
    for (const [rule, count] of Object.entries(cleaned.counts)) tally.removals[rule] = (tally.removals[rule] ?? 0) + count;
  };

  if (isStdin(options.paths)) {
    if (options.outDir !== undefined) throw new UsageError('--out-dir needs files or folders, not stdin');
    try {
      await processOne(STDIN, cleanDocument(await readStream(io.stdin), document), toStream(options, io));
    } catch (error) {
      if (error instanceof OutputError) throw error;
      fail('<stdin>', error);
    }
    return exitCode(options, tally);
  }
  if (options.paths.includes(STDIN)) throw new UsageError('"-" (stdin) cannot be mixed with files');

  const several = options.paths.length > 1 || (await isDirectory(options.paths[0]!));
  if (several && options.output !== undefined) throw new UsageError('-o takes a single file; use --out-dir for several files or a folder');
  if (several && !options.outDir && !options.inPlace && !options.check && !options.json) {
    throw new UsageError('several inputs or a folder need --out-dir or --in-place (or --check / --json)');
  }
  const outputs: Outputs = { written: new Map(), prepareFolder: options.outDir === undefined ? undefined : outputFolders(options.outDir) };
  const walk = inputFiles(options.paths, { extensions: options.extensions, exclude: options.outDir, onError: fail, onWarning: warn });
  const progress = several && showProgress(options, io) ? new Progress(io.stderr, 'files') : undefined;
  // While the bar is shown, messages must go above it; `fail` and `warn` write to `io.stderr`.
  if (progress) io = { ...io, stderr: progress.stderr };
  const countWalk = (): AsyncIterable<unknown> => inputFiles(options.paths, { extensions: options.extensions, exclude: options.outDir, onError: () => undefined });
  await cleanFiles(walk, { jobs: several ? options.jobs : 1, document, progress, countWalk }, {
    destination: (file) => (several || options.outDir || options.inPlace ? toFile(options, file, outputs) : toOutput(options, file, io)),
    report: (file, cleaned, destination) => processOne(file.path, cleaned, destination),
    fail: (file, error) => {
      if (error instanceof OutputError) throw error;
      fail(file.path, error);
    },
  });
  if (several) writeLine(io.stderr, summary(tally));
  return exitCode(options, tally);
}

function isStdin(paths: readonly string[]): boolean {
  return paths.length === 0 || (paths.length === 1 && paths[0] === STDIN);
}

/** Where one input's cleaned text goes. */
type Destination = (text: string, changed: boolean, encoding: Encoding) => Promise<void>;

function toStream(options: CliOptions, io: RunIO): Destination {
  if (options.output) return toPath(options.output);
  // Like a file, stdout gets the input's encoding back: `clean-article < a > b` matches --in-place.
  return async (text, _changed, encoding) => {
    if (!options.json) await writeOut(io.stdout, encode(text, encoding));
  };
}

async function toOutput(options: CliOptions, file: InputFile, io: RunIO): Promise<Destination> {
  if (options.output && sameFile(options.output, file.path)) {
    throw new UsageError(`-o ${options.output} is the input file; use --in-place to overwrite it`);
  }
  return toStream(options, io);
}

/** What the outputs of one run share. */
interface Outputs {
  /** Output path -> the input written there: two inputs with the same name would overwrite each other's output. */
  readonly written: Map<string, string>;
  /** Makes and checks the folder of an output inside `--out-dir`, when given. */
  readonly prepareFolder: ((target: string) => void) | undefined;
}

async function toFile(options: CliOptions, file: InputFile, { written, prepareFolder }: Outputs): Promise<Destination> {
  if (options.inPlace) {
    requireRegularFile(file.path);
    // Unchanged files are left alone: same bytes, same mtime, same inode.
    return async (text, changed, encoding) => {
      if (changed) await writeTo(file.path, encode(text, encoding));
    };
  }
  if (options.outDir) {
    const target = outputPath(options.outDir, file.relative);
    if (sameFile(target, file.path)) throw new PathError(`its output ${target} is the input file itself`);
    const earlier = written.get(target);
    if (earlier !== undefined) throw new PathError(`its output ${target} would overwrite the output of ${shownName(earlier)}`);
    written.set(target, file.path);
    return async (text, _changed, encoding) => {
      await writeTo(target, encode(text, encoding), prepareFolder);
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
async function writeTo(target: string, bytes: Uint8Array, prepareFolder?: (target: string) => void): Promise<void> {
  try {
    prepareFolder?.(target);
    writeFileSafely(target, bytes);
  } catch (error) {
    if (error instanceof PathError) throw error;
    throw new PathError(`cannot write ${shownName(target)}: ${messageOf(error)}`);
  }
}

function exitCode(options: CliOptions, tally: Tally): number {
  if (tally.failed.length > 0) return 2;
  return options.check && tally.changed > 0 ? 1 : 0;
}

function summary(tally: Tally): string {
  const rules = Object.entries(tally.removals).map(([rule, count]) => `${rule} ${count}`).join(', ');
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

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a whole stream (stdin) into one buffer. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Writes to a stream, resolving once the data is handed off and rejecting on a write error. */
export function write(stream: Writable, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    // A stream that writes synchronously (stdout to a file) may throw instead of calling back.
    try {
      stream.write(data, (error) => (error ? reject(error) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Writes data to standard output; a failure is an {@link OutputError}, which ends the run. */
export async function writeOut(stream: Writable, data: string | Uint8Array): Promise<void> {
  try {
    await write(stream, data);
  } catch (error) {
    throw new OutputError(error);
  }
}

function writeLine(stream: Writable, line: string): void {
  stream.write(line + '\n');
}

/** True for the error a closed pipe gives (`clean-article big.txt | head -1`). */
export function isBrokenPipe(error: unknown): boolean {
  if (error instanceof OutputError) return isBrokenPipe(error.cause);
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/**
 * A one-line message for an error: Node's "ENOENT: no such file or directory, open 'x'" becomes
 * "no such file or directory (ENOENT)", since the caller already names the file.
 */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    let message = error.message.replace(/\s*\n\s*/gu, ' ');
    // Only system errors carry Node's "CODE: description, syscall 'path'" shape.
    if (code !== undefined) message = message.replace(/^[A-Z0-9_]+: /u, '').replace(/, [a-z]+( '.*')?$/u, '');
    return code && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error).replace(/\s*\n\s*/gu, ' ');
}
