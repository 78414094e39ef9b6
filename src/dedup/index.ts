/**
 * Duplicate documents: what the library offers of `src/dedup/`. For texts in memory,
 * {@link findDuplicateTexts}; for a corpus that does not fit, the parts it is made of: a
 * {@link Signer} per shard, a {@link SignatureStore} of all signatures, {@link findDuplicates}.
 */
import { findDuplicates, type Duplicate } from './clusters.js';
import { DEFAULT_SIGNATURE_SETTINGS, DEFAULT_THRESHOLD, Signer, type SignatureSettings } from './signature.js';
import { SignatureStore } from './store.js';

export { findDuplicates, type Duplicate } from './clusters.js';
export { DEFAULT_SIGNATURE_SETTINGS, DEFAULT_THRESHOLD, estimatedSimilarity, Signer, type DocumentSignature, type SignatureSettings } from './signature.js';
export { SignatureStore } from './store.js';

/** Options of {@link findDuplicateTexts}. */
export interface DedupOptions {
  /** Estimated Jaccard similarity of word pairs from which two texts are duplicates, in (0, 1]. */
  readonly threshold?: number;
  readonly settings?: SignatureSettings;
}

/**
 * The texts that duplicate an earlier one, in order: for each, its index, the index of the first
 * text of its cluster (kept), and their estimated similarity. The same as the command's `dedup`.
 */
export function findDuplicateTexts(texts: Iterable<string>, options: DedupOptions = {}): Duplicate[] {
  const signer = new Signer(options.settings ?? DEFAULT_SIGNATURE_SETTINGS);
  const store = new SignatureStore(signer.settings.positions);
  for (const text of texts) {
    const { exactKey, signature } = signer.sign(text);
    store.add(exactKey, signature);
  }
  return findDuplicates(store, options.threshold ?? DEFAULT_THRESHOLD);
}
