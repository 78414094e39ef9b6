/**
 * Turning bytes into text and back. Scraped files come in every state: a UTF-8 BOM, UTF-16 with a
 * BOM, invalid UTF-8, or not text at all. Text with a few invalid bytes is decoded with replacement
 * characters (and a warning) rather than refused, since one bad byte in a scraped page should not
 * lose the page; binary files, and files that are mostly invalid, are refused, never "cleaned".
 */

/** The encodings read and written back. */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** A decoded input. */
export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  /** Set when bytes were not valid in the encoding and were replaced by U+FFFD. */
  readonly warning?: string;
}

/** Raised for input that is not text; the message is shown to the user as is. */
export class NotTextError extends Error {
  override readonly name = 'NotTextError';
}

/** Bytes sampled to tell text from binary. */
const SAMPLE = 64 * 1024;

/**
 * Decodes `bytes`, honouring a byte-order mark (UTF-16 is only recognised by its BOM). Throws
 * {@link NotTextError} for binary data: a NUL byte anywhere, more than one control character in
 * ten in the first 64 KiB, or more than one character in ten replaced as invalid.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf16le', 'utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf16be', 'utf-16be', bytes.subarray(2));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  assertText(body);
  return decodeWith(bom ? 'utf8-bom' : 'utf8', 'utf-8', body);
}

function assertText(bytes: Uint8Array): void {
  // A NUL anywhere means binary (text encodings other than UTF-16, which has its BOM, never hold
  // one); indexOf is a memchr, so scanning the whole file costs next to nothing.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1) {
    throw new NotTextError('binary file (contains NUL bytes)');
  }
  const sampled = Math.min(bytes.length, SAMPLE);
  let control = 0;
  // An indexed loop: iterating the bytes with for-of cost more than decoding them.
  for (let i = 0; i < sampled; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control * 10 > sampled) throw new NotTextError('binary file (mostly control bytes)');
}

/**
 * Above this share of replaced characters the input is not text in this encoding at all (random
 * bytes, or a legacy encoding such as Shift_JIS) and cleaning it would only shuffle garbage.
 */
const MAX_REPLACED = 0.1;

function decodeWith(encoding: Encoding, label: string, bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
  } catch {
    const text = new TextDecoder(label).decode(bytes);
    const name = label === 'utf-8' ? 'UTF-8' : label.toUpperCase();
    const replaced = countReplacements(text);
    if (replaced > MAX_REPLACED * text.length) throw new NotTextError(`not ${name} text (${replaced} invalid sequences)`);
    return { text, encoding, warning: `invalid ${name}: ${replaced} bad byte sequence${replaced === 1 ? '' : 's'} replaced with U+FFFD` };
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

/** Encodes `text` back into the encoding it was read in (a BOM is written again). */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
