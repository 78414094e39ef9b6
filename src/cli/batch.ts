/**
 * The mode for many files (several paths, or a folder): `--out-dir`, `--in-place`, `--check` or
 * `--json`, with a progress bar on a terminal and a closing summary.
 *
 * Each file is read on the main thread, cleaned on the main thread or one of
 * `jobs - 1` worker threads, and reported and written in input order, so the output, `--explain`
 * and `--json` are the same whatever the number of jobs. A bounded number of files (and of bytes)
 * is in flight, and the folder walk is pulled only as fast as files are done: memory does not grow
 * with the number of files.
 */
import { documentThreads, type CleanedDocument, type DocumentSettings } from './clean-document.js';
import { documentReporter, runOutputs, toFile } from './document-output.js';
import { readFileStamped, type FileStamp } from './files.js';
import { OutputError, type RunIO } from './io.js';
import { UsageError, type CliOptions } from './options.js';
import { inOrder, ownBytes, type Executor } from './pool.js';
import { progressBar, type Progress } from './progress.js';
import { inputFiles, walkFilter, type InputFile } from './sources.js';

/** Cleans the files of `options.paths` (several, or a folder); resolves to the exit code. */
export async function runBatch(options: CliOptions, io: RunIO, document: DocumentSettings): Promise<number> {
  if (options.output !== undefined) throw new UsageError('-o takes a single file; use --out-dir for several files or a folder');
  if (!options.outDir && !options.inPlace && !options.check && !options.json && !options.listDifferent && !options.diff && options.report === undefined) {
    throw new UsageError('several inputs or a folder need --out-dir or --in-place (or --check, -l, --diff, --json, --report)');
  }
  const progress = await progressBar(options, io, 'files');
  // While the bar is shown, messages must go above it.
  const shown: RunIO = progress ? { ...io, stderr: progress.stderr } : io;
  const reporter = await documentReporter(options, shown);
  const outputs = runOutputs(options);
  const walk = inputFiles(options.paths, { ...walkFilter(options), exclude: options.outDir, onError: reporter.fail, onWarning: reporter.warn, onSkipped: (given, skipped) => reporter.info(given, `passed over ${skipped.hidden} hidden and ${skipped.ignored} ignored entries (--hidden, --no-ignore)`) });
  const countWalk = (): AsyncIterable<unknown> => inputFiles(options.paths, { ...walkFilter(options), exclude: options.outDir, onError: () => undefined });
  await cleanFiles(walk, { jobs: options.jobs, document, progress, countWalk }, {
    destination: (file) => toFile(options, file, outputs),
    report: (file, cleaned, destination, read) => reporter.report(file.path, cleaned, destination, read),
    fail: (file, error) => {
      if (error instanceof OutputError) throw error;
      reporter.fail(file.path, error);
    },
  });
  return reporter.finish(true);
}

/** How a batch runs. */
interface BatchSettings {
  /** Worker threads; 1 cleans on the main thread. */
  readonly jobs: number;
  readonly document: DocumentSettings;
  /** The progress bar to advance, if one is shown. */
  readonly progress?: Progress | undefined;
  /** A second walk of the same inputs, counted in the background to give the bar its total. */
  readonly countWalk?: (() => AsyncIterable<unknown>) | undefined;
}

/** What the command does with each file, in input order; `D` is where its output goes. */
interface BatchHooks<D> {
  /** Decides where the output of `file` goes; throwing fails the file. Called in input order. */
  destination(file: InputFile): Promise<D>;
  /** Reports and writes a cleaned file; throwing fails the file. */
  report(file: InputFile, cleaned: CleanedDocument, destination: D, read: FileStamp): Promise<void>;
  /** Counts and tells a failed file; throwing ends the run (a broken stdout). */
  fail(file: InputFile, error: unknown): void;
}

/**
 * Files in flight per job. The results are written in input order, so the main thread waits
 * whenever the oldest file is still on a worker; with four per job it sat idle 5% of a two-job
 * batch, with sixteen under 2%.
 */
const IN_FLIGHT_PER_JOB = 16;

/** Bytes of input in flight, about (nothing starts after a larger file until it is done): large files must not pile up. */
const IN_FLIGHT_BYTES = 64 << 20;

type Prepared<D> = { readonly file: InputFile; readonly destination: D; readonly bytes: Uint8Array; readonly read: FileStamp } | { readonly file: InputFile; readonly error: unknown };
type Done<D> = { readonly file: InputFile; readonly size: number } & ({ readonly destination: D; readonly cleaned: CleanedDocument; readonly read: FileStamp } | { readonly error: unknown });

/** Cleans `files` with `settings.jobs` threads; see the module comment. */
async function cleanFiles<D>(files: AsyncIterable<InputFile>, settings: BatchSettings, hooks: BatchHooks<D>): Promise<void> {
  const executor = documentThreads(settings.jobs, settings.document);
  const progress = settings.progress;
  let finished = false;
  progress?.start();
  if (progress && settings.countWalk) void countTotal(progress, settings.countWalk(), () => finished);
  try {
    await inOrder(
      prepare(files, hooks),
      { items: Math.max(2, settings.jobs * IN_FLIGHT_PER_JOB), weight: IN_FLIGHT_BYTES, weigh: (item) => ('bytes' in item ? item.bytes.byteLength : 0) },
      (item) => cleanOne(executor, item),
      async (done) => {
        progress?.advance(done.size);
        if ('error' in done) {
          hooks.fail(done.file, done.error);
          return;
        }
        try {
          await hooks.report(done.file, done.cleaned, done.destination, done.read);
        } catch (error) {
          hooks.fail(done.file, error);
        }
      },
    );
  } finally {
    finished = true;
    progress?.stop();
    await executor.close();
  }
}

/**
 * Each file's destination and bytes, one file at a time, in order: destinations so that clashes
 * are found deterministically, bytes so that the window knows what a file weighs.
 */
async function* prepare<D>(files: AsyncIterable<InputFile>, hooks: BatchHooks<D>): AsyncGenerator<Prepared<D>> {
  for await (const file of files) {
    try {
      const destination = await hooks.destination(file);
      // Read synchronously: a small file takes one call instead of several trips to the thread pool.
      const { bytes, stamp } = readFileStamped(file.path);
      yield { file, destination, bytes: ownBytes(bytes), read: stamp };
    } catch (error) {
      yield { file, error };
    }
  }
}

async function cleanOne<D>(executor: Executor<Uint8Array, CleanedDocument>, item: Prepared<D>): Promise<Done<D>> {
  if ('error' in item) return { ...item, size: 0 };
  const { file, destination, bytes, read } = item;
  const size = bytes.byteLength;
  try {
    return { file, destination, size, read, cleaned: await executor.run(bytes, [bytes.buffer as ArrayBuffer]) };
  } catch (error) {
    return { file, size, error };
  }
}

/** Counts the inputs for the bar's total while the batch runs; the total is a lower bound until done. */
async function countTotal(progress: Progress, walk: AsyncIterable<unknown>, finished: () => boolean): Promise<void> {
  let total = 0;
  try {
    for await (const _ of walk) {
      if (finished()) return;
      if (++total % 100 === 0) progress.setTotal(total, false);
    }
    progress.setTotal(total, true);
  } catch {
    // The count only feeds the bar; the batch itself reports unreadable paths.
  }
}
