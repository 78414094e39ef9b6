/**
 * Where the inputs come from: the files named on the command line and those found in named
 * folders, standard input, and the JSON Lines records of either, cut into chunks of whole lines.
 * Folders are walked lazily (memory does not grow with their size), symlink loops are cut, and an
 * output folder inside an input folder is never read back.
 */
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { PathError } from './files.js';
import { IgnoreRules, inputGlob, type FilterOptions, type SkipReason } from './input-filter.js';
import { isStdin, STDIN_NAME } from './io.js';

/** One input file, and where its output goes inside `--out-dir`. */
export interface InputFile {
  /** The path as given or found. */
  readonly path: string;
  /** The output path relative to `--out-dir`: the file's name, or its path inside the named folder. */
  readonly relative: string;
}

/** What the walk needs to know. */
export interface WalkOptions extends FilterOptions {
  /** Extensions of the files to take from folders, e.g. `['.txt']`; files named explicitly are always taken. */
  readonly extensions: readonly string[];
  /** A folder never to read from (the output folder); it need not exist yet. */
  readonly exclude?: string | undefined;
  /** Called for a path that was named or should have been read and cannot be; the walk goes on. */
  readonly onError: (file: string, error: unknown) => void;
  /** Called for what is passed over without being an input that failed: symlink loops, broken links. */
  readonly onWarning?: (file: string, message: string) => void;
  /** Called once per folder or glob argument with what was passed over in it (for `--verbose`). */
  readonly onSkipped?: (given: string, skipped: Readonly<Record<SkipReason, number>>) => void;
}

/** A folder or a glob named on the command line gave no input file: exit 2, as Prettier and ESLint do. */
class NoInputError extends Error {
  override readonly name = 'NoInputError';
}

/** What one walk of a named folder or glob found and passed over. */
interface WalkCount {
  found: number;
  errors: number;
  readonly skipped: Record<SkipReason, number>;
}

/**
 * Yields the files named by `paths`, walking folders recursively in name order. An argument that
 * is not a file or folder but a glob pattern (`'scraped/**\/*.txt'`) yields the files it matches
 * in its folder. A folder or glob that yields no file is an error ({@link NoInputError}).
 */
export async function* inputFiles(paths: readonly string[], options: WalkOptions): AsyncGenerator<InputFile> {
  const exclude = options.exclude === undefined ? undefined : await realpathOfFuture(options.exclude);
  for (const given of paths) {
    let stat: Stats;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      const glob = inputGlob(given, options);
      if (glob === undefined) options.onError(given, error);
      // A glob under a folder that is not there matches nothing, which is what to say.
      else if (!(await isFolder(glob.base))) options.onError(given, new NoInputError('no file matches'));
      else yield* walkArgument(given, glob.base, glob.matches, exclude, options);
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
    yield* walkArgument(given, given, (relative) => options.extensions.some((ext) => relative.endsWith(ext)), exclude, options);
  }
}

/** Walks the folder `root` of the argument `given`, taking the files whose path relative to it is `wanted`. */
async function* walkArgument(given: string, root: string, wanted: (relative: string) => boolean, exclude: string | undefined, options: WalkOptions): AsyncGenerator<InputFile> {
  const count: WalkCount = { found: 0, errors: 0, skipped: { hidden: 0, ignored: 0 } };
  const counted: WalkOptions = {
    ...options,
    onError: (file, error) => {
      count.errors++;
      options.onError(file, error);
    },
  };
  const rules = await IgnoreRules.forRoot(root, options);
  for await (const file of walk(root, root, new Set(), exclude, counted, { rules, wanted, count })) {
    count.found++;
    yield file;
  }
  if (count.skipped.hidden + count.skipped.ignored > 0) options.onSkipped?.(given, count.skipped);
  if (count.found === 0 && count.errors === 0) options.onError(given, new NoInputError(noInputMessage(given === root, options, count)));
}

async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

function noInputMessage(isFolder: boolean, options: WalkOptions, count: WalkCount): string {
  const what = isFolder ? `no file ending in ${options.extensions.join(', ')} (see --ext)` : 'no file matches';
  const passed = (['hidden', 'ignored'] as const).filter((reason) => count.skipped[reason] > 0).map((reason) => `${count.skipped[reason]} ${reason}`);
  const flags = [count.skipped.hidden > 0 ? '--hidden' : '', count.skipped.ignored > 0 ? '--no-ignore' : ''].filter(Boolean).join(', ');
  return passed.length > 0 ? `${what}; passed over ${passed.join(' and ')} (see ${flags})` : what;
}

/** What a walk carries down: the ignore rules in force, which files it takes, and its count. */
interface WalkState {
  readonly rules: IgnoreRules;
  readonly wanted: (relative: string) => boolean;
  readonly count: WalkCount;
}

async function* walk(root: string, folder: string, ancestors: Set<string>, exclude: string | undefined, options: WalkOptions, state: WalkState): AsyncGenerator<InputFile> {
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
  const rules = folder === root ? state.rules : await state.rules.enter(path.resolve(folder));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const relative = path.relative(root, full);
    const wanted = state.wanted(relative);
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
    const skip = rules.skips(path.resolve(full), entry.name, isDirectory);
    if (skip !== undefined) {
      if (isDirectory || wanted) state.count.skipped[skip]++;
      continue;
    }
    if (isDirectory) yield* walk(root, full, ancestors, exclude, options, { ...state, rules });
    else if (isFile && wanted) yield { path: full, relative };
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
export interface InputSpec extends FilterOptions {
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
  for await (const file of inputFiles(options.paths, { ...walkFilter(options), onError })) {
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

/** The walk settings of a run's inputs: extensions, hidden entries and ignore rules. */
export function walkFilter(spec: InputSpec): Pick<WalkOptions, 'extensions' | 'hidden' | 'ignore'> {
  return { extensions: spec.extensions, hidden: spec.hidden, ignore: spec.ignore };
}
