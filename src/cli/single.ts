/**
 * The mode for one input: standard input, or a single named file, cleaned (on the main thread, or
 * on a worker thread when it is large) and written to stdout, `-o FILE`, `--out-dir` or in place.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { documentThreads, type CleanedDocument, type DocumentSettings } from './clean-document.js';
import { documentReporter, runOutputs, toFile, toOutput, toStream } from './document-output.js';
import { readFileStamped } from './files.js';
import { OutputError, readStream, STDIN, STDIN_NAME, type RunIO } from './io.js';
import { UsageError, type CliOptions } from './options.js';
import { ownBytes } from './pool.js';

/** Cleans standard input; resolves to the exit code. A failure of stdout itself is thrown. */
export async function runStdin(options: CliOptions, io: RunIO, document: DocumentSettings): Promise<number> {
  if (options.outDir !== undefined) throw new UsageError('--out-dir needs files or folders, not stdin');
  const reporter = await documentReporter(options, io);
  try {
    await reporter.report(STDIN, await cleanOne(await readStream(io.stdin), document), toStream(options, io));
  } catch (error) {
    if (error instanceof OutputError) throw error;
    reporter.fail(STDIN_NAME, error);
  }
  return reporter.finish(false);
}

/** Cleans the one file that `options.paths` names; resolves to the exit code. */
export async function runOneFile(options: CliOptions, io: RunIO, document: DocumentSettings): Promise<number> {
  const reporter = await documentReporter(options, io);
  const given = options.paths[0]!;
  try {
    await fs.stat(given);
  } catch (error) {
    reporter.fail(given, error);
    return reporter.finish(false);
  }
  const file = { path: given, relative: path.basename(given) };
  try {
    const destination = options.outDir !== undefined || options.inPlace ? await toFile(options, file, runOutputs(options)) : await toOutput(options, file, io);
    const { bytes, stamp } = readFileStamped(given);
    await reporter.report(given, await cleanOne(bytes, document), destination, stamp);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    reporter.fail(given, error);
  }
  return reporter.finish(false);
}

/** Cleans one document: here when it is small, on a worker thread when it is large (see `documentThreads`). */
async function cleanOne(bytes: Uint8Array, document: DocumentSettings): Promise<CleanedDocument> {
  const executor = documentThreads(1, document);
  const own = ownBytes(bytes);
  try {
    return await executor.run(own, [own.buffer as ArrayBuffer]);
  } finally {
    await executor.close();
  }
}
