/**
 * Finding the inputs and writing the outputs. Folders are walked lazily (memory does not grow with
 * their size), symlink loops are cut, an output folder inside an input folder is never read back,
 * and every regular file is written atomically: a temporary file in the same folder, then a rename.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, promises as fs, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

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

/** Raised when a path would be used in a way that could lose data; the message is shown as is. */
export class PathError extends Error {
  override readonly name = 'PathError';
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

/**
 * The path inside `outDir` for `relative`; throws {@link PathError} when `..` components or an
 * absolute path would leave `outDir`.
 */
export function outputPath(outDir: string, relative: string): string {
  const base = path.resolve(outDir);
  const target = path.resolve(base, relative);
  if (target === base || !target.startsWith(base + path.sep)) {
    throw new PathError(`refusing to write outside --out-dir: ${relative}`);
  }
  return target;
}

/**
 * For one run, a function that creates the folder of an output `target` inside `outDir` and
 * checks that, links resolved, it is still inside `outDir`: a symlink inside the output folder
 * must not carry writes somewhere else. Each folder is made and checked once per run (a batch
 * writes thousands of files into a few folders, and these were most of its file-system calls); a
 * link planted before the run is refused, as is every file bound for its folder.
 */
export function outputFolders(outDir: string): (target: string) => void {
  const prepared = new Set<string>();
  return (target) => {
    const folder = path.dirname(target);
    if (prepared.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    const base = realpathSync(outDir);
    const real = realpathSync(folder);
    if (real !== base && !real.startsWith(base + path.sep)) {
      throw new PathError(`refusing to write outside --out-dir: ${path.relative(outDir, target)} leads to ${real}`);
    }
    prepared.add(folder);
  };
}

/**
 * Writes `data` to `file`. A regular file (or a new one) is written atomically: into a temporary
 * file beside it, then renamed over it, so a reader or a crash sees the old file or the new one,
 * never a part; the old file's permission bits (and owner, where allowed) are kept. A link is
 * followed so the link stays a link. Anything else (`/dev/full`, a FIFO, a name under `/dev` or
 * `/proc`) is written to directly: renaming over a device would replace the device. Creates
 * missing folders.
 *
 * Synchronous on purpose: the write is a few small system calls, which the thread pool would
 * only delay, and a Ctrl-C or SIGTERM (handled between tasks, never inside one) then always finds
 * the file renamed into place or the temporary file removed: an interrupt leaves nothing behind.
 */
export function writeFileSafely(file: string, data: Uint8Array): void {
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) throw new PathError(`${file} is a folder`);
  if (existing !== undefined && (!existing.isFile() || DEVICE_NAMES.test(path.resolve(file)))) {
    writeFileSync(file, data);
    return;
  }
  const target = existing === undefined ? file : realpathSync(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeAtomic(target, data, existing);
}

/**
 * `/dev/stdout` and `/proc/self/fd/1` may lead to a regular file (the shell's redirection); a
 * rename would put a new file in its place behind the shell's back, so such names are written to.
 */
const DEVICE_NAMES = /^\/(dev|proc)\//u;

/** The temporary file's name has a fixed length, so a name near the 255-byte limit still fits. */
function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.clean-article-${randomBytes(8).toString('hex')}.tmp`);
}

function writeAtomic(file: string, data: Uint8Array, existing: Stats | undefined): void {
  const temporary = temporaryName(file);
  try {
    // 'wx': never open something that is already there (a name collision or a planted link).
    writeFileSync(temporary, data, { flag: 'wx', mode: existing === undefined ? 0o666 : existing.mode & 0o7777 });
    if (existing !== undefined) keepOwnerAndMode(temporary, existing);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The mode given to `open` is masked by the umask, so it is set again explicitly. */
function keepOwnerAndMode(file: string, original: Stats): void {
  if (typeof process.getuid === 'function' && (original.uid !== process.getuid() || original.gid !== process.getgid?.())) {
    // Only root may give a file away; for anyone else the new file stays theirs.
    try {
      chownSync(file, original.uid, original.gid);
    } catch {
      // Not allowed: the file stays the writer's.
    }
  }
  chmodSync(file, original.mode & 0o7777);
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    // ENOTDIR: a parent is a file, so this path does not exist either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** True when `a` and `b` are the same file: the same device and inode, so hard links and symlinks count. */
export function sameFile(a: string, b: string): boolean {
  const first = statOrUndefined(a);
  const second = statOrUndefined(b);
  if (first === undefined || second === undefined) return path.resolve(a) === path.resolve(b);
  return first.dev === second.dev && first.ino === second.ino;
}

/** Stats `file`, following links; for `--in-place`, which may only replace regular files. */
export function requireRegularFile(file: string): Stats {
  const stat = statSync(file);
  if (!stat.isFile()) throw new PathError('not a regular file; --in-place only replaces regular files');
  return stat;
}
