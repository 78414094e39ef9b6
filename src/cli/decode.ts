/**
 * Turning bytes into text and back. Scraped files come in every state: a UTF-8 BOM, UTF-16 with a
 * BOM, invalid UTF-8, or not text at all. Text is decoded with replacement characters (and a
 * warning) rather than refused; binary files are refused, never "cleaned".
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
 * Decodes `bytes`, honouring a byte-order mark. Throws {@link NotTextError} for binary data:
 * a NUL byte or more than one control character in ten in the first 64 KiB.
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
  const sample = bytes.subarray(0, SAMPLE);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw new NotTextError('binary file (contains NUL bytes)');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control * 10 > sample.length) throw new NotTextError('binary file (mostly control bytes)');
}

function decodeWith(encoding: Encoding, label: string, bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
  } catch {
    const text = new TextDecoder(label).decode(bytes);
    return { text, encoding, warning: `invalid ${label === 'utf-8' ? 'UTF-8' : label.toUpperCase()}: bad bytes replaced with U+FFFD` };
  }
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
