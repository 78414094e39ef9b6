/**
 * The signatures of a corpus, held for the merge that finds its duplicates: per document its
 * exact key and its MinHash signature, in input order, in fixed-size blocks of typed arrays. That
 * is `positions` + 9 bytes a document and no object (a million documents at 256 positions:
 * 265 MB), and growing copies at most the first block.
 */

/** Documents per block: 65,536 signatures of 256 bytes are 16 MB. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;

/** Documents the first block has room for; it doubles up to a whole block (a small corpus needs no 16 MB). */
const FIRST_BLOCK = 256;

/** Signatures, exact keys and a mark for documents without words, in input order. */
export class SignatureStore {
  private readonly signatureBlocks: Uint8Array[] = [];
  private readonly keyBlocks: Int32Array[] = [];
  private readonly wordlessBlocks: Uint8Array[] = [];
  private documents = 0;

  constructor(readonly positions: number) {}

  /** How many documents are stored; they are numbered from 0 in the order they were added. */
  get size(): number {
    return this.documents;
  }

  /**
   * Adds a document: its exact key (16 hexadecimal digits, or '' when it has no words) and its
   * signature (`undefined` when it has no words). Returns its number.
   */
  add(exactKey: string, signature: Uint8Array | undefined): number {
    const index = this.documents;
    const block = index >>> BLOCK_BITS;
    const at = index & (BLOCK - 1);
    if (block === this.signatureBlocks.length) {
      const documents = block === 0 ? FIRST_BLOCK : BLOCK;
      this.signatureBlocks.push(new Uint8Array(documents * this.positions));
      this.keyBlocks.push(new Int32Array(documents * 2));
      this.wordlessBlocks.push(new Uint8Array(documents));
    } else if (at === this.wordlessBlocks[block]!.length) {
      this.signatureBlocks[block] = grown(this.signatureBlocks[block]!);
      this.keyBlocks[block] = grown(this.keyBlocks[block]!);
      this.wordlessBlocks[block] = grown(this.wordlessBlocks[block]!);
    }
    if (signature === undefined || exactKey === '') {
      this.wordlessBlocks[block]![at] = 1;
    } else {
      if (signature.length !== this.positions) throw new RangeError(`a signature of ${signature.length} values in a store of ${this.positions}`);
      if (!/^[0-9a-f]{16}$/u.test(exactKey)) throw new RangeError(`not an exact key: ${JSON.stringify(exactKey)}`);
      this.signatureBlocks[block]!.set(signature, at * this.positions);
      this.keyBlocks[block]![2 * at] = Number.parseInt(exactKey.slice(0, 8), 16) | 0;
      this.keyBlocks[block]![2 * at + 1] = Number.parseInt(exactKey.slice(8), 16) | 0;
    }
    this.documents++;
    return index;
  }

  /** True when document `index` has no words (and so no signature). */
  wordless(index: number): boolean {
    return this.wordlessBlocks[index >>> BLOCK_BITS]![index & (BLOCK - 1)] === 1;
  }

  /** The block holding the signature of document `index`; it starts at {@link signatureStart}. */
  signatureBlock(index: number): Uint8Array {
    return this.signatureBlocks[index >>> BLOCK_BITS]!;
  }

  /** Where the signature of document `index` starts in its {@link signatureBlock}. */
  signatureStart(index: number): number {
    return (index & (BLOCK - 1)) * this.positions;
  }

  /** The first or (`half` 1) second 32 bits of the exact key of document `index`. */
  keyHalf(index: number, half: 0 | 1): number {
    return this.keyBlocks[index >>> BLOCK_BITS]![2 * (index & (BLOCK - 1)) + half]!;
  }

  /** The exact key of document `index` ('' when it has no words). */
  exactKey(index: number): string {
    if (this.wordless(index)) return '';
    return [this.keyHalf(index, 0), this.keyHalf(index, 1)].map((half) => (half >>> 0).toString(16).padStart(8, '0')).join('');
  }

  /** True when documents `a` and `b` have the same exact key (both have words). */
  sameText(a: number, b: number): boolean {
    return this.keyHalf(a, 0) === this.keyHalf(b, 0) && this.keyHalf(a, 1) === this.keyHalf(b, 1);
  }
}

/** `array` in one twice as long. */
function grown<T extends Uint8Array | Int32Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}
