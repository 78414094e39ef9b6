/**
 * A document's fingerprint for duplicate detection: its exact key and its MinHash signature,
 * made from its words (`normalisedWords`), their shingles and a {@link MinHasher}. The settings
 * are part of what a signature means: signatures made with other settings cannot be compared, so
 * files of signatures carry them (see the command's phases).
 */
import { MinHasher, similarity } from './minhash.js';
import { normalisedWords } from './normalise.js';
import { shingles } from './shingles.js';

/** What signatures are made with. */
export interface SignatureSettings {
  /** Words per shingle. */
  readonly shingleSize: number;
  /** Values per signature (MinHash positions, a power of two), one byte each. */
  readonly positions: number;
}

/** The settings chosen on the benchmark (see the README's "Duplicate documents"). */
export const DEFAULT_SIGNATURE_SETTINGS: SignatureSettings = { shingleSize: 2, positions: 256 };

/** The threshold of estimated Jaccard similarity above which two documents are duplicates, by default. */
export const DEFAULT_THRESHOLD = 0.4;

/** A document's fingerprint. */
export interface DocumentSignature {
  /** See `NormalisedWords.exactKey`: '' when the document has no words. */
  readonly exactKey: string;
  /** `undefined` when the document has no words. */
  readonly signature: Uint8Array | undefined;
}

/** Makes the signatures of documents with fixed settings. */
export class Signer {
  private readonly hasher: MinHasher;

  constructor(readonly settings: SignatureSettings = DEFAULT_SIGNATURE_SETTINGS) {
    this.hasher = new MinHasher(settings.positions);
  }

  /** The signature of `text`. */
  sign(text: string): DocumentSignature {
    const words = normalisedWords(text);
    return { exactKey: words.exactKey, signature: this.hasher.signature(shingles(words, this.settings.shingleSize)) };
  }
}

/** The estimated Jaccard similarity of the documents of two signatures of the same settings. */
export function estimatedSimilarity(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures of ${a.length} and ${b.length} values cannot be compared`);
  return similarity(a, 0, b, 0, a.length);
}
