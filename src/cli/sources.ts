/**
 * Where the inputs come from: the files named on the command line and those found in named
 * folders, standard input, and the JSON Lines records of either, cut into chunks of whole lines.
 * Folders are walked lazily (memory does not grow with their size), symlink loops are cut, and an
 * output folder inside an input folder is never read back.
 */
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { PathError } from './files.js';
import { isStdin, STDIN_NAME } from './io.js';

/** One input file, and where its output goes inside `--out-dir`. */
export interface InputFile {
  /** The path as given or found. */
  readonly path: string;
  /** The output path relative to `--out-dir`: the file's name, or its path inside the named folder. */
  readonly relative: string;
}

/** What the walk needs to know. */
export interface WalkOptions {
  /** Extensions of the files to take from folders, e.g. `['.txt']`; files named explicitly are always taken. */
  readonly extensions: readonly string[];
  /** A folder never to read from (the output folder); it need not exist yet. */
  readonly exclude?: string | undefined;
  /** Called for a path that was named or should have been read and cannot be; the walk goes on. */
  readonly onError: (file: string, error: unknown) => void;
  /** Called for what is passed over without being an input that failed: symlink loops, broken links. */
  readonly onWarning?: (file: string, message: string) => void;
}

/** Yields the files named by `paths`, walking folders recursively in name order. */
export async function* inputFiles(paths: readonly string[], options: WalkOptions): AsyncGenerator<InputFile> {
  const exclude = options.exclude === undefined ? undefined : await realpathOfFuture(options.exclude);
  for (const given of paths) {
    let stat: Stats;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      options.onError(given, error);
      continue;
    }
    if (!stat.isDirectory()) {
      yield { path: given, relative: path.basename(given) };
      continue;
    }
    // Writing a folder's outputs into the folder itself would put them over their inputs.
    if (exclude !== undefined && (await realpathOfFuture(given)) === exclude) {
      options.onError(given, new PathError('is the --out-dir itself; use --in-place to clean files where they are'));
      continue;
    }
    yield* walk(given, given, new Set(), exclude, options);
  }
}

async function* walk(root: string, folder: string, ancestors: Set<string>, exclude: string | undefined, options: WalkOptions): AsyncGenerator<InputFile> {
  let real: string;
  let entries;
  try {
    real = await fs.realpath(folder);
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    options.onError(folder, error);
    return;
  }
  // The output folder is skipped so that outputs are never read back as inputs.
  if (real === exclude) return;
  // Only the folders on the current path are remembered: a link back to one of them is a loop,
  // while two links to the same folder elsewhere are walked twice, as `find -L` does.
  if (ancestors.has(real)) {
    options.onWarning?.(folder, 'symlink loop, not followed');
    return;
  }
  ancestors.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const wanted = options.extensions.some((ext) => entry.name.endsWith(ext));
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        // A broken or self-referring link is not a file; say so only when it looks like an input.
        if (wanted) options.onWarning?.(full, `${linkProblem(error)}, skipped`);
        continue;
      }
    }
    if (isDirectory) yield* walk(root, full, ancestors, exclude, options);
    else if (isFile && wanted) yield { path: full, relative: path.relative(root, full) };
  }
  ancestors.delete(real);
}

function linkProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symlink loop';
  if (code === 'ENOENT') return 'broken symlink';
  return `unreadable symlink (${code ?? 'error'})`;
}

/**
 * The real path `file` has or will have once created: the real path of its deepest existing
 * ancestor followed by the rest, so an output folder made later in the run still compares equal.
 */
async function realpathOfFuture(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}


/** The inputs of a run, as the options name them. */
export interface InputSpec {
  readonly paths: readonly string[];
  /** Extensions of the files taken from folders. */
  readonly extensions: readonly string[];
}

/** A named stream of JSONL bytes. */
export interface RecordSource {
  readonly name: string;
  readonly stream: AsyncIterable<Buffer | string>;
}

/**
 * The sources of a JSONL run: stdin when no path (or `-`) is given, else the named files and the
 * files of the named folders with the run's extensions (`.jsonl` by default).
 */
export async function* recordSources(options: InputSpec, stdin: NodeJS.ReadableStream, onError: (name: string, error: unknown) => void): AsyncGenerator<RecordSource> {
  if (isStdin(options.paths)) {
    yield { name: STDIN_NAME, stream: stdin as AsyncIterable<Buffer | string> };
    return;
  }
  for await (const file of inputFiles(options.paths, { extensions: options.extensions, onError })) {
    yield { name: file.path, stream: createReadStream(file.path) };
  }
}

/**
 * Bytes of records per chunk: large enough to make a thread's round trip cheap, small enough that
 * the chunks in flight and their garbage stay small (1 MiB chunks peaked 40 MB higher).
 */
const CHUNK_BYTES = 1 << 18;

/** A chunk of whole lines of one source, or the error that ended reading it. */
export type SourceChunk = { readonly source: string; readonly bytes: Buffer } | { readonly source: string; readonly error: unknown };

/** The chunks of every source in turn; a read error ends that source only, and comes in order. */
export async function* sourceChunks(sources: AsyncIterable<RecordSource>): AsyncGenerator<SourceChunk> {
  for await (const source of sources) {
    try {
      for await (const bytes of lineChunks(source.stream, CHUNK_BYTES)) yield { source: source.name, bytes };
    } catch (error) {
      yield { source: source.name, error };
    }
  }
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into chunks of whole lines of about `target` bytes: a chunk ends at the
 * last newline read once the target is reached. A line longer than the target travels alone: the
 * lines before it go as soon as it outgrows the target, the lines after it wait for the next
 * chunk. So a record too large for memory fails alone, not with its neighbours. Memory is bounded
 * by the chunk (or by the longest line, which must be held whole to be parsed).
 */
async function* lineChunks(stream: AsyncIterable<Buffer | string>, target: number): AsyncGenerator<Buffer> {
  let pending = new Pending();
  for await (const read of stream) {
    pending.add(typeof read === 'string' ? Buffer.from(read) : read);
    while (pending.size >= target && pending.lastEnd > 0) {
      // A first line longer than the target goes alone; else every whole line read so far.
      const cut = pending.firstEnd > target ? pending.firstEnd : pending.lastEnd;
      const [chunk, rest] = pending.split(cut);
      yield chunk;
      pending = rest;
    }
  }
  if (pending.size > 0) yield pending.split(pending.size)[0];
}

/** Bytes read and not yet yielded, with where their first and last lines end (0: no newline yet). */
class Pending {
  private readonly parts: Buffer[] = [];
  size = 0;
  /** The offset after the first newline. */
  firstEnd = 0;
  /** The offset after the last newline. */
  lastEnd = 0;

  add(bytes: Buffer): void {
    const last = bytes.lastIndexOf(NEWLINE);
    if (last !== -1) {
      if (this.firstEnd === 0) this.firstEnd = this.size + bytes.indexOf(NEWLINE) + 1;
      this.lastEnd = this.size + last + 1;
    }
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  /** The first `at` bytes, in a buffer of their own (it is handed to a thread), and the rest. */
  split(at: number): [Buffer, Pending] {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    const rest = new Pending();
    if (at < this.size) rest.add(Buffer.from(all.subarray(at)));
    return [at === all.length && all.byteOffset === 0 && all.buffer.byteLength === all.length ? all : Buffer.from(all.subarray(0, at)), rest];
  }
}
