/** Options of the library, with their defaults. */

/** What {@link clean} can be told. Every field is optional. */
export interface CleanOptions {
  /** Rule ids to switch off, e.g. `['near-duplicate']`. */
  readonly disable?: readonly string[];
  /** Leave the headline out of the output (it is still used to find its repeats). */
  readonly bodyOnly?: boolean;
  /**
   * How alike two sentences must be, from 0 to 1, for the later one to count as a repeat
   * (`near-duplicate`). Default 0.8.
   */
  readonly similarity?: number;
  /**
   * The fewest words a sentence needs before `near-duplicate` compares it in other words than
   * exactly; shorter ones must match exactly after normalisation. Default 6.
   */
  readonly minDuplicateWords?: number;
  /**
   * Lines known to recur across many documents of a corpus (`corpus-boilerplate`): their keys, as
   * given by `lineKey`/`documentLineKeys`, each with the number of documents it was found in.
   * Counting is the caller's job (the CLI's `count-lines`); the default, empty, removes nothing.
   */
  readonly corpusBoilerplate?: ReadonlyMap<string, number>;
}

/** {@link CleanOptions} with every default filled in. */
export type ResolvedOptions = Required<CleanOptions>;

/** The defaults. */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  disable: [],
  bodyOnly: false,
  similarity: 0.8,
  minDuplicateWords: 6,
  corpusBoilerplate: new Map<string, number>(),
};

/** Fills in defaults and checks ranges; throws a `RangeError` naming the bad option. */
export function resolveOptions(options: CleanOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(options) };
  if (!(resolved.similarity > 0 && resolved.similarity <= 1)) {
    throw new RangeError(`similarity must be a number in (0, 1], got ${String(options.similarity)}`);
  }
  if (!(Number.isInteger(resolved.minDuplicateWords) && resolved.minDuplicateWords >= 1)) {
    throw new RangeError(`minDuplicateWords must be a whole number >= 1, got ${String(options.minDuplicateWords)}`);
  }
  return resolved;
}

function stripUndefined(options: CleanOptions): CleanOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as CleanOptions;
}
