/**
 * The command's lowest floor: reading a stream, writing to one with the write checked, and the
 * one-line messages errors become. It imports nothing else of the command, so every other module
 * of `src/cli/` may use it.
 */
import { fstatSync, readlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { isatty } from 'node:tty';

/** The package's version (`--version`, the HTML report). */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** The streams and environment the command talks to. */
export interface RunIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stderrIsTerminal: boolean;
  /** Colour a diff only on a terminal. */
  readonly stdoutIsTerminal: boolean;
  /** Nothing piped in: a run with no input shows its usage instead of waiting on the keyboard. */
  readonly stdinIsTerminal: boolean;
  readonly env: NodeJS.ProcessEnv;
}

/** The path that names standard input. */
export const STDIN = '-';

/** How standard input is named in messages. */
export const STDIN_NAME = '<stdin>';

/** True when the paths name standard input: none at all, or only `-`. */
export function isStdin(paths: readonly string[]): boolean {
  return paths.length === 0 || (paths.length === 1 && paths[0] === STDIN);
}

/** Reads a whole stream (stdin) into one buffer. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Writes part of `bytes` (from `offset`, at most `length` bytes) and returns how many it wrote, as
 * `fs.writeSync` does: a call may write fewer bytes than asked (a disk that fills up mid-write).
 */
export type WriteBytes = (bytes: Uint8Array, offset: number, length: number) => number;

/**
 * An output stream over a file descriptor that writes every byte or fails. Node's own stdout for a
 * file writes each chunk with one `write(2)` and ignores how much it took: on a disk that fills up,
 * `write(1, ..., 289084)` returns 65536 and the rest is dropped without an error. This one writes
 * the rest, and a call that writes nothing (or throws, as ENOSPC does) fails the write.
 */
export class FileOutput extends Writable {
  /** `name` names the output in messages; `writeBytes` does the writing (a file descriptor's, or a test's). */
  constructor(
    readonly outputName: string,
    private readonly writeBytes: WriteBytes,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      writeFully(this.writeBytes, chunk);
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** Writes all of `bytes` with `writeBytes`, call after call; throws when a call writes nothing. */
function writeFully(writeBytes: WriteBytes, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeBytes(bytes, offset, bytes.length - offset);
    if (!(written > 0)) throw new Error(`short write: ${offset} of ${bytes.length} bytes written`);
    offset += written;
  }
}

/**
 * Where the command writes its data: Node's own stdout for a pipe or a terminal (which write every
 * byte), a {@link FileOutput} on descriptor 1 for a file or a device (`> out.txt`, `/dev/full`).
 */
export function standardOutput(): Writable {
  const fd = 1;
  try {
    const stat = fstatSync(fd);
    if (isatty(fd) || !(stat.isFile() || stat.isCharacterDevice() || stat.isBlockDevice())) return process.stdout;
  } catch {
    return process.stdout;
  }
  return new FileOutput(`stdout (${linkedPath(fd)})`, (bytes, offset, length) => writeSync(fd, bytes, offset, length));
}

/** The path a descriptor was opened on, where the system tells it (Linux's /proc). */
function linkedPath(fd: number): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return `descriptor ${fd}`;
  }
}

/** How an output stream is named in messages. */
function outputNameOf(stream: Writable): string {
  return stream instanceof FileOutput ? stream.outputName : 'stdout';
}

/**
 * Standard output could not be written (a full disk, a closed pipe). Unlike a failing input this
 * ends the run: every later input would fail the same way.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(cause: unknown, output: string) {
    super(`cannot write ${output}: ${messageOf(cause)}`, { cause });
  }
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
    throw new OutputError(error, outputNameOf(stream));
  }
}

/** The one-line message for a failure of `stream` outside any write of ours (its 'error' event). */
export function outputFailure(stream: Writable, error: unknown): string {
  return new OutputError(error, outputNameOf(stream)).message;
}

/** Writes one message line (to stderr); a message that cannot be shown is not worth failing for. */
export function writeLine(stream: Writable, line: string): void {
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
