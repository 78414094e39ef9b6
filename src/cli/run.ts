/**
 * Runs the command over its inputs: reads, cleans with the library, writes, reports. One failing
 * input is reported and counted; the others go on. Returns the exit code.
 */
import { promises as fs } from 'node:fs';
import type { Writable } from 'node:stream';
import { clean, type CleanOptions } from '../index.js';
import { decode, encode } from './decode.js';
import { inputFiles, outputPath, samePath, writeAtomic, type InputFile } from './files.js';
import { UsageError, type CliOptions } from './options.js';
import { countByRule, describeRemovals, explainColors, explainLines, jsonRecord } from './report.js';

/** The streams and environment the command talks to. */
export interface RunIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stderrIsTerminal: boolean;
  readonly env: NodeJS.ProcessEnv;
}

/** Totals of a run. */
interface Tally {
  changed: number;
  unchanged: number;
  failed: number;
  removals: Record<string, number>;
}

const STDIN = '-';

/** Runs the command; resolves to its exit code (0 done, 1 `--check` found removals, 2 errors). */
export async function run(options: CliOptions, io: RunIO): Promise<number> {
  const tally: Tally = { changed: 0, unchanged: 0, failed: 0, removals: {} };
  const color = explainColors(options.color, io.stderrIsTerminal, io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '');
  const cleanOptions: CleanOptions = {
    bodyOnly: options.bodyOnly,
    disable: options.disable,
    similarity: options.similarity,
    minDuplicateWords: options.minDuplicateWords,
  };
  const fail = (name: string, error: unknown): void => {
    tally.failed++;
    writeLine(io.stderr, `clean-article: ${name}: ${messageOf(error)}`);
  };

  const processOne = async (name: string, bytes: Uint8Array, destination: Destination): Promise<void> => {
    const decoded = decode(bytes);
    if (decoded.warning) writeLine(io.stderr, `clean-article: ${name}: warning: ${decoded.warning}`);
    const result = clean(decoded.text, cleanOptions);
    const removals = describeRemovals(decoded.text, result.removals);
    const changed = result.text !== decoded.text;
    if (changed) tally.changed++;
    else tally.unchanged++;
    for (const [rule, count] of Object.entries(countByRule(removals))) tally.removals[rule] = (tally.removals[rule] ?? 0) + count;
    if (options.explain) for (const line of explainLines(name, removals, color)) writeLine(io.stderr, line);
    if (options.check) {
      if (removals.length > 0) writeLine(io.stderr, `${name}: ${removals.length} removal${removals.length === 1 ? '' : 's'}`);
      return;
    }
    if (options.json) await write(io.stdout, jsonRecord(name, result, removals) + '\n');
    await destination(result.text, changed, decoded.encoding);
  };

  const single = options.paths.length === 0 || (options.paths.length === 1 && options.paths[0] === STDIN);
  if (single) {
    try {
      await processOne(STDIN, await readStream(io.stdin), toStream(options, io));
    } catch (error) {
      fail('<stdin>', error);
    }
    return exitCode(options, tally);
  }

  const several = options.paths.length > 1 || (await isDirectory(options.paths[0]!));
  if (several && !options.outDir && !options.inPlace && !options.check && !options.json) {
    throw new UsageError('several inputs or a folder need --out-dir or --in-place (or --check / --json)');
  }
  for await (const file of inputFiles(options.paths, { extensions: options.extensions, exclude: options.outDir, onError: fail })) {
    try {
      const destination = several || options.outDir || options.inPlace ? await toFile(options, file) : await toOutput(options, file, io);
      await processOne(file.path, await fs.readFile(file.path), destination);
    } catch (error) {
      if (isBrokenPipe(error)) throw error;
      fail(file.path, error);
    }
  }
  if (several) writeLine(io.stderr, summary(tally));
  return exitCode(options, tally);
}

/** Where one input's cleaned text goes. */
type Destination = (text: string, changed: boolean, encoding: ReturnType<typeof decode>['encoding']) => Promise<void>;

function toStream(options: CliOptions, io: RunIO): Destination {
  if (options.output) return toPath(options.output);
  return async (text) => {
    if (!options.json) await write(io.stdout, text);
  };
}

async function toOutput(options: CliOptions, file: InputFile, io: RunIO): Promise<Destination> {
  if (options.output && (await samePath(options.output, file.path))) throw new UsageError(`-o ${options.output} is the input file; use --in-place to overwrite it`);
  return toStream(options, io);
}

async function toFile(options: CliOptions, file: InputFile): Promise<Destination> {
  if (options.inPlace) {
    return async (text, changed, encoding) => {
      if (changed) await writeAtomic(file.path, encode(text, encoding));
    };
  }
  if (options.outDir) {
    const target = outputPath(options.outDir, file.relative);
    if (await samePath(target, file.path)) throw new Error(`output ${target} is the input file`);
    return toPath(target);
  }
  return async () => undefined;
}

function toPath(target: string): Destination {
  return (text, _changed, encoding) => writeAtomic(target, encode(text, encoding));
}

function exitCode(options: CliOptions, tally: Tally): number {
  if (tally.failed > 0) return 2;
  return options.check && tally.changed > 0 ? 1 : 0;
}

function summary(tally: Tally): string {
  const rules = Object.entries(tally.removals).map(([rule, count]) => `${rule} ${count}`).join(', ');
  const files = tally.changed + tally.unchanged + tally.failed;
  return `clean-article: ${files} file${files === 1 ? '' : 's'}: ${tally.changed} cleaned, ${tally.unchanged} unchanged, ${tally.failed} failed${rules ? `; removed: ${rules}` : ''}`;
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Writes to a stream, resolving once the data is handed off and rejecting on a write error. */
export function write(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

function writeLine(stream: Writable, line: string): void {
  stream.write(line + '\n');
}

/** True for the error a closed pipe gives (`clean-article big.txt | head -1`). */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/** A one-line message for an error: its message, with the system's error code where there is one. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error.message.replace(/^[A-Z]+: /u, '');
    return code && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}
