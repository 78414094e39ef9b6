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
  let bad = 0;
  const tell = (line: string): void => void io.stderr.write(`clean-article: ${line}\n`);
  const counter = await countInputs({ ...options, outDir: undefined }, io.stdin, {
    onError: (file, error) => {
      failed++;
      tell(`${shownName(file)}: ${messageOf(error)}`);
    },
    onWarning: (file, message) => {
      if (!options.quiet) tell(`${shownName(file)}: warning: ${message}`);
    },
    // As in phase 2: a line that is not a record is told, and fails the run unless `--bad-lines keep`.
    onBadLine: (source, line, message) => {
      if (options.badLines === 'fail') throw new Error(`${shownName(source)}:${line}: ${message}`);
      const isError = options.badLines === 'skip';
      if (bad++ < TOLD_BAD_LINES && (isError || !options.quiet)) tell(`${shownName(source)}:${line}: not counted: ${message}`);
    },
  });
  if (options.out === undefined) await counter.writeTo(io.stdout);
  else await writeCountsFile(options.out, counter);
  if (bad > TOLD_BAD_LINES && (options.badLines === 'skip' || !options.quiet)) tell(`${bad - TOLD_BAD_LINES} more bad lines not counted (not shown)`);
  const failures = [failed > 0 ? `${failed} input${failed === 1 ? '' : 's'} failed` : '', bad > 0 ? `${bad} bad line${bad === 1 ? '' : 's'} not counted` : ''].filter(Boolean).join(', ');
  if (!options.quiet) tell(`counted the lines of ${counter.documents} document${counter.documents === 1 ? '' : 's'}${failures ? `; ${failures}` : ''}`);
  return failed > 0 || (bad > 0 && options.badLines === 'skip') ? 2 : 0;
}

/** Bad lines told one by one; past this, only counted. */
const TOLD_BAD_LINES = 20;

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
