/**
 * Cleaning many files: each file is read on the main thread, cleaned on the main thread or one of
 * `jobs - 1` worker threads, and reported and written in input order, so the output, `--explain`
 * and `--json` are the same whatever the number of jobs. A bounded number of files (and of bytes)
 * is in flight, and the folder walk is pulled only as fast as files are done: memory does not grow
 * with the number of files.
 */
import { readFileSync } from 'node:fs';
import { cleanDocument, type CleanedDocument, type DocumentSettings } from './clean-document.js';
import { NotTextError } from './decode.js';
import type { InputFile } from './files.js';
import { inlineExecutor, inOrder, ownBytes, workerPool, type Executor } from './pool.js';
import type { Progress } from './progress.js';

/** How a batch runs. */
export interface BatchSettings {
  /** Worker threads; 1 cleans on the main thread. */
  readonly jobs: number;
  readonly document: DocumentSettings;
  /** The progress bar to advance, if one is shown. */
  readonly progress?: Progress | undefined;
  /** A second walk of the same inputs, counted in the background to give the bar its total. */
  readonly countWalk?: (() => AsyncIterable<unknown>) | undefined;
}

/** What the command does with each file, in input order; `D` is where its output goes. */
export interface BatchHooks<D> {
  /** Decides where the output of `file` goes; throwing fails the file. Called in input order. */
  destination(file: InputFile): Promise<D>;
  /** Reports and writes a cleaned file; throwing fails the file. */
  report(file: InputFile, cleaned: CleanedDocument, destination: D): Promise<void>;
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

type Prepared<D> = { readonly file: InputFile; readonly destination: D; readonly bytes: Uint8Array } | { readonly file: InputFile; readonly error: unknown };
type Done<D> = { readonly file: InputFile; readonly size: number } & ({ readonly destination: D; readonly cleaned: CleanedDocument } | { readonly error: unknown });

/** Cleans `files` with `settings.jobs` threads; see the module comment. */
export async function cleanFiles<D>(files: AsyncIterable<InputFile>, settings: BatchSettings, hooks: BatchHooks<D>): Promise<void> {
  const executor = documentExecutor(settings);
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
          await hooks.report(done.file, done.cleaned, done.destination);
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

function documentExecutor(settings: BatchSettings): Executor<Uint8Array, CleanedDocument> {
  const here = (bytes: Uint8Array): CleanedDocument => cleanDocument(bytes, settings.document);
  if (settings.jobs <= 1) return inlineExecutor(here);
  return workerPool(new URL('./document-worker.js', import.meta.url), settings.jobs, settings.document, here, reviveDecodeError);
}

/** A file that is not text is skipped, not failed: the one error class the command tells apart. */
function reviveDecodeError(name: string, message: string): Error {
  return name === 'NotTextError' ? new NotTextError(message) : new Error(message);
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
      yield { file, destination, bytes: ownBytes(readFileSync(file.path)) };
    } catch (error) {
      yield { file, error };
    }
  }
}

async function cleanOne<D>(executor: Executor<Uint8Array, CleanedDocument>, item: Prepared<D>): Promise<Done<D>> {
  if ('error' in item) return { ...item, size: 0 };
  const { file, destination, bytes } = item;
  const size = bytes.byteLength;
  try {
    return { file, destination, size, cleaned: await executor.run(bytes, [bytes.buffer as ArrayBuffer]) };
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
