/**
 * Files on disk: reading an input with the stamp that `--in-place` checks before it replaces the
 * file, where an output goes inside `--out-dir`, and writing it. Every regular file is written
 * atomically: a temporary file in the same folder, then a rename. Part of the command's lowest
 * floor: it imports nothing else of the command.
 */
import { randomBytes } from 'node:crypto';
import { type BigIntStats, chmodSync, chownSync, closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
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
 * For one run, a function that makes an output `target` inside `outDir` ready to be written: its
 * folders are made, and no name between `outDir` (which the user named, and which may be a link)
 * and the file is a symlink. A link planted inside the output folder would carry the write
 * somewhere else (`out/a.txt -> ../elsewhere/passwd` would overwrite `elsewhere/passwd`), so it is
 * refused, as is every file bound for a folder behind one. Each folder is made and checked once per
 * run (a batch writes thousands of files into a few folders, and these were most of its
 * file-system calls); the file's own name is checked each time, and written with
 * `{ followLinks: false }`, so a link that appears after the check is replaced, not followed.
 */
export function outputFolders(outDir: string): (target: string) => void {
  const base = path.resolve(outDir);
  const prepared = new Set<string>();
  return (target) => {
    const folder = path.dirname(target);
    if (!prepared.has(folder)) {
      mkdirSync(base, { recursive: true });
      let current = base;
      for (const name of path.relative(base, folder).split(path.sep)) {
        if (name === '') continue;
        current = path.join(current, name);
        refuseLink(base, current);
        try {
          mkdirSync(current);
        } catch (error) {
          // A folder already there is what is wanted; a file there fails the write with ENOTDIR.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      prepared.add(folder);
    }
    refuseLink(base, target);
  };
}

/** Throws {@link PathError} when `file`, inside `base`, is a symlink. */
function refuseLink(base: string, file: string): void {
  let stat: Stats | undefined;
  try {
    stat = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return;
  }
  if (stat === undefined || !stat.isSymbolicLink()) return;
  const named = `${path.relative(base, file)} is a symlink to ${readlinkSync(file)}`;
  const realBase = realpathSync(base);
  let real: string | undefined;
  try {
    real = realpathSync(file);
  } catch {
    real = undefined;
  }
  if (real === undefined || (real !== realBase && !real.startsWith(realBase + path.sep))) throw new PathError(`refusing to write outside --out-dir: ${named}`);
  throw new PathError(`refusing to write through a symlink inside --out-dir: ${named}`);
}

/** What identifies the content of a file without reading it: its inode, size, and times to the nanosecond. */
export interface FileStamp {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

function stampOf(stat: BigIntStats): FileStamp {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * Reads a whole input file with its stamp, taken before the first byte is read: any write to the
 * file after that (an append while it is cleaned) changes the stamp that `--in-place` checks.
 */
export function readFileStamped(file: string): { readonly bytes: Buffer; readonly stamp: FileStamp } {
  const fd = openSync(file, 'r');
  try {
    const stamp = stampOf(fstatSync(fd, { bigint: true }));
    return { bytes: readFileSync(fd), stamp };
  } finally {
    closeSync(fd);
  }
}

/** How {@link writeFileSafely} treats what is already there. */
export interface WriteOptions {
  /**
   * Follow a symlink at `file` and replace the file it leads to, so the link stays a link (the
   * default: `-o link.txt`, `--in-place` on a link), or replace the link itself (`--out-dir`).
   */
  readonly followLinks?: boolean;
  /**
   * Replace the file only if it is still as it was when read (`--in-place`): checked just before
   * the rename, so an append made while the file was cleaned is not lost.
   */
  readonly unchangedSince?: FileStamp;
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
export function writeFileSafely(file: string, data: Uint8Array, options: WriteOptions = {}): void {
  const followLinks = options.followLinks ?? true;
  let existing = followLinks ? statOrUndefined(file) : statOrUndefined(file, lstatSync);
  if (existing?.isDirectory()) throw new PathError(`${file} is a folder`);
  // Not following: a link is replaced by the rename, like a file that is not there.
  if (existing?.isSymbolicLink()) existing = undefined;
  if (existing !== undefined && (!existing.isFile() || DEVICE_NAMES.test(path.resolve(file)))) {
    writeFileSync(file, data);
    return;
  }
  const target = existing === undefined || !followLinks ? file : realpathSync(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeAtomic(target, data, existing, options.unchangedSince);
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

function writeAtomic(file: string, data: Uint8Array, existing: Stats | undefined, unchangedSince: FileStamp | undefined): void {
  const temporary = temporaryName(file);
  try {
    // 'wx': never open something that is already there (a name collision or a planted link).
    writeFileSync(temporary, data, { flag: 'wx', mode: existing === undefined ? 0o666 : existing.mode & 0o7777 });
    if (existing !== undefined) keepOwnerAndMode(temporary, existing);
    // The last moment to look: a write to the file from now to the rename is lost, as with any
    // editor that saves by rename; before now, it is caught here.
    if (unchangedSince !== undefined && !sameStamp(stampOf(statSync(file, { bigint: true })), unchangedSince)) {
      throw new PathError('changed while it was being cleaned; left as it is');
    }
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

/** `statSync` or `lstatSync`, asked not to throw for a missing file. */
type StatNoThrow = (file: string, options: { throwIfNoEntry: false }) => Stats | undefined;

function statOrUndefined(file: string, stat: StatNoThrow = statSync): Stats | undefined {
  try {
    // Not thrown for a missing file: every new output file is looked up first, and an error
    // made and thrown costs ten times the look-up.
    return stat(file, { throwIfNoEntry: false });
  } catch (error) {
    // ENOTDIR: a parent is a file, so this path does not exist either.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
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
