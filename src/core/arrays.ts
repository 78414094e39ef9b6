/**
 * Zeroed typed arrays for the tables a reading makes and drops. V8 keeps the elements of a typed
 * array of more than 64 bytes outside its heap: making one costs microseconds (an allocation
 * outside the heap, which the collector then tracks and sweeps), where a small one on the heap
 * costs tens of nanoseconds; and a reading makes dozens of them whatever the length of its text
 * (77 thousand per pass of `clean()` over the corpora). Up to {@link MAX_CARVED_BYTES}, they are
 * carved instead from a shared buffer of {@link BUFFER_BYTES}, each part handed out once (so it
 * is zeroed, as a new array is), which the collector frees with the last array carved from it.
 * A 100-character text is cleaned in less than half the time (159 -> 61 µs, side by side), and
 * records of a few hundred characters faster too (see the README's "Known limits"); a pass over
 * the corpora's whole texts (9 KB on average) and the 100k-sentence document take about as long as
 * before.
 *
 * Only for arrays that live no longer than a clean: one kept for good keeps its whole buffer.
 */

/** The largest array carved from the shared buffer: a larger one is made on its own. */
const MAX_CARVED_BYTES = 16 * 1024;

/** The size of each shared buffer the small arrays are carved from. */
const BUFFER_BYTES = 64 * 1024;

let buffer = new ArrayBuffer(BUFFER_BYTES);
let used = 0;

/**
 * The offset of `bytes` bytes (a multiple of 8 at most {@link MAX_CARVED_BYTES}) not handed out
 * yet, in {@link buffer}, which it may replace: read `buffer` after calling it.
 */
function carve(bytes: number): number {
  if (used + bytes > BUFFER_BYTES) {
    buffer = new ArrayBuffer(BUFFER_BYTES);
    used = 0;
  }
  const offset = used;
  used += bytes;
  return offset;
}

/** A kind of typed array: its two constructors, of a length and of a part of a buffer. */
interface TypedArrayKind<T> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** A new array of `kind` of `length` zeros: carved from {@link buffer} when its size is between 64 bytes and {@link MAX_CARVED_BYTES}. */
function zeros<T>(kind: TypedArrayKind<T>, length: number): T {
  const bytes = length * kind.BYTES_PER_ELEMENT;
  if (bytes <= 64 || bytes > MAX_CARVED_BYTES) return new kind(length);
  // Eight bytes apart, so that a `Float64Array` carved after a `Uint8Array` starts where it may.
  const offset = carve((bytes + 7) & ~7);
  return new kind(buffer, offset, length);
}

/** A new `Int32Array` of `length` zeros. */
export function int32Array(length: number): Int32Array<ArrayBuffer> {
  return zeros(Int32Array, length);
}

/** A new `Uint8Array` of `length` zeros. */
export function uint8Array(length: number): Uint8Array<ArrayBuffer> {
  return zeros(Uint8Array, length);
}

/** A copy of `array` at `length` (no shorter), its new elements zeros: a table grown. */
export function grownTo(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const larger = int32Array(length);
  larger.set(array);
  return larger;
}

/** A new `Float64Array` of `length` zeros. */
export function float64Array(length: number): Float64Array<ArrayBuffer> {
  return zeros(Float64Array, length);
}
