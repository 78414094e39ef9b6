/**
 * Files on disk for output: where an output goes inside `--out-dir`, and writing it. Every
 * regular file is written atomically: a temporary file in the same folder, then a rename. Part of
 * the command's lowest floor: it imports nothing else of the command.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Raised when a path would be used in a way that could lose data; the message is shown as is. */
export class PathError extends Error {
  override readonly name = 'PathError';
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
