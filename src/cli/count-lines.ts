/**
 * The `count-lines` mode, phase 1 of corpus-wide boilerplate (once per shard): counts, per line
 * key, the documents holding it, and writes the counts file. `merge-counts` sums shards; phase 2
 * is the main command with `--line-counts`.
 *
 *     clean-article count-lines --out a.counts shard-a/        # on each machine
 *     clean-article merge-counts a.counts b.counts > all.counts   # --min-docs N to prune
 *     clean-article --line-counts all.counts --out-dir clean/ shard-a/
 */
import { Writable } from 'node:stream';
import { writeFileSafely } from './files.js';
import { messageOf, type RunIO } from './io.js';
import { countInputs, type LineCounter } from './line-counts.js';
import type { CountLinesOptions } from './options.js';
import { shownName } from './report.js';

/** Runs `count-lines`; resolves to the exit code (2 when an input could not be counted). */
export async function runCountLines(options: CountLinesOptions, io: RunIO): Promise<number> {
  let failed = 0;
  const counter = await countInputs({ ...options, outDir: undefined }, io.stdin, {
    onError: (file, error) => {
      failed++;
      io.stderr.write(`clean-article: ${shownName(file)}: ${messageOf(error)}\n`);
    },
    onWarning: (file, message) => void io.stderr.write(`clean-article: ${shownName(file)}: warning: ${message}\n`),
  });
  if (options.out === undefined) await counter.writeTo(io.stdout);
  else await writeCountsFile(options.out, counter);
  io.stderr.write(`clean-article: counted the lines of ${counter.documents} document${counter.documents === 1 ? '' : 's'}${failed > 0 ? `; ${failed} input${failed === 1 ? '' : 's'} failed` : ''}\n`);
  return failed > 0 ? 2 : 0;
}

/**
 * Writes the counts to `file` atomically, so an interrupted count never leaves a file that looks
 * complete. The text is gathered first: it is no larger than the counts already in memory.
 */
async function writeCountsFile(file: string, counter: LineCounter): Promise<void> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await counter.writeTo(collect);
  try {
    writeFileSafely(file, Buffer.concat(chunks));
  } catch (error) {
    throw new Error(`cannot write ${shownName(file)}: ${messageOf(error)}`, { cause: error });
  }
}
