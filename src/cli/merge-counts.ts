/** The `merge-counts` mode: sums line counts files (from `count-lines` or `merge-counts`) into one. */
import type { RunIO } from './io.js';
import { mergeCounts } from './counts-file.js';
import type { MergeCountsOptions } from './options.js';

/**
 * Runs `merge-counts`, streaming the merged file to stdout, so that merging any number of shards
 * takes no more memory than a few lines; resolves to the exit code.
 */
export async function runMergeCounts(options: MergeCountsOptions, io: RunIO): Promise<number> {
  await mergeCounts(options.files, io.stdout, options.minDocs);
  return 0;
}
