/**
 * Finding the inputs and writing the outputs. Folders are walked lazily (memory does not grow with
 * their size), symlink loops are cut, an output folder inside an input folder is never read back,
 * and every file is written atomically: a temporary file in the same folder, then a rename.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
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
  /** A folder never to read from (the output folder). */
  readonly exclude?: string | undefined;
  /** Called for a path that cannot be read; the walk goes on. */
  readonly onError: (file: string, error: unknown) => void;
}

/** Yields the files named by `paths`, walking folders recursively in name order. */
export async function* inputFiles(paths: readonly string[], options: WalkOptions): AsyncGenerator<InputFile> {
  const exclude = options.exclude ? await realpathOrSelf(options.exclude) : undefined;
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      options.onError(given, error);
      continue;
    }
    if (stat.isDirectory()) yield* walk(given, given, new Set(), exclude, options);
    else yield { path: given, relative: path.basename(given) };
  }
}

async function* walk(root: string, folder: string, visited: Set<string>, exclude: string | undefined, options: WalkOptions): AsyncGenerator<InputFile> {
  let real: string;
  let entries;
  try {
    real = await fs.realpath(folder);
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    options.onError(folder, error);
    return;
  }
  if (visited.has(real) || real === exclude) return;
  visited.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        options.onError(full, error);
        continue;
      }
    }
    if (isDirectory) yield* walk(root, full, visited, exclude, options);
    else if (isFile && options.extensions.some((ext) => entry.name.endsWith(ext))) {
      yield { path: full, relative: path.relative(root, full) };
    }
  }
  visited.delete(real);
}

async function realpathOrSelf(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The path inside `outDir` for `relative`; throws when `..` components would leave `outDir`.
 */
export function outputPath(outDir: string, relative: string): string {
  const base = path.resolve(outDir);
  const target = path.resolve(base, relative);
  if (target !== base && !target.startsWith(base + path.sep)) {
    throw new Error(`refusing to write outside --out-dir: ${relative}`);
  }
  return target;
}

/**
 * Writes `data` to `file` atomically: into a temporary file beside it, then renamed over it, so a
 * reader (or a crash) sees either the old file or the new one, never a part. Creates folders.
 */
export async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** True when two paths name the same file (after resolving links), or the same path when either does not exist. */
export async function samePath(a: string, b: string): Promise<boolean> {
  return (await realpathOrSelf(a)) === (await realpathOrSelf(b));
}
