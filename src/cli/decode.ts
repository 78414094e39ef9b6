/**
 * Turning bytes into text and back. Scraped files come in every state: a UTF-8 BOM, UTF-16 with a
 * BOM, invalid UTF-8, stray NUL bytes, or not text at all. Text with a few invalid bytes is decoded
 * with replacement characters (and a warning), and text with a few NULs loses them (and says so),
 * rather than being refused, since one bad byte in a scraped page should not lose the page; binary
 * files, and files that are mostly invalid, are refused, never "cleaned".
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

/**
 * Decodes `bytes`, honouring a byte-order mark (UTF-16 is only recognised by its BOM), then applies
 * {@link controlRule}. Throws {@link NotTextError} for binary data: more than one character in ten
 * a control character (UTF-16 without a BOM, half NULs, is such), or more than one in ten replaced
 * as invalid.
 */
export function decode(bytes: Uint8Array): Decoded {
  const { text, encoding, label, replaced } = decodeBytes(bytes);
  const rule = controlRule(text);
  if ('notText' in rule) throw new NotTextError(`binary file (${rule.notText} control bytes)`);
  const name = label === 'utf-8' ? 'UTF-8' : label.toUpperCase();
  if (replaced > MAX_REPLACED * text.length) throw new NotTextError(`not ${name} text (${replaced} invalid sequences)`);
  const warnings: string[] = [];
  if (replaced > 0) warnings.push(`invalid ${name}: ${replaced} bad byte sequence${replaced === 1 ? '' : 's'} replaced with U+FFFD`);
  if (rule.nulsRemoved > 0) warnings.push(`${rule.nulsRemoved} NUL byte${rule.nulsRemoved === 1 ? '' : 's'} removed`);
  return warnings.length === 0 ? { text, encoding } : { text: rule.text, encoding, warning: warnings.join('; ') };
}

/** Bytes decoded in their encoding, with the number of invalid sequences replaced by U+FFFD. */
interface Decoding {
  readonly text: string;
  readonly encoding: Encoding;
  readonly label: string;
  readonly replaced: number;
}

function decodeBytes(bytes: Uint8Array): Decoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf16le', 'utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf16be', 'utf-16be', bytes.subarray(2));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return decodeWith(bom ? 'utf8-bom' : 'utf8', 'utf-8', bom ? bytes.subarray(3) : bytes);
}

/** Above this share of control characters (NUL included), input is not text but binary data. */
const MAX_CONTROL = 0.1;

/** What {@link controlRule} makes of a text. */
export type ControlVerdict = { readonly text: string; readonly nulsRemoved: number } | { readonly notText: string };

/**
 * The one rule for control characters, the same for a file, stdin, a batch and a JSONL record.
 * Control characters are those below U+0020 but tab, line feed, carriage return and form feed,
 * which text holds. When more than one character in ten is one, the input is not text (`notText`
 * gives the share, e.g. "38%"): a binary file, or UTF-16 without its byte-order mark. Otherwise it
 * is text, and its NULs, which no text holds (a page dump's stray `\0`), are removed; the other
 * control characters stay, as the text had them.
 */
export function controlRule(text: string): ControlVerdict {
  let control = 0;
  let nuls = 0;
  // An indexed loop: iterating a string with for-of costs several times more.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) {
      control++;
      if (code === 0) nuls++;
    }
  }
  if (control > MAX_CONTROL * text.length) return { notText: `${Math.round((100 * control) / text.length)}%` };
  return { text: nuls === 0 ? text : text.replaceAll('\u0000', ''), nulsRemoved: nuls };
}

/**
 * Above this share of replaced characters the input is not text in this encoding at all (random
 * bytes, or a legacy encoding such as Shift_JIS) and cleaning it would only shuffle garbage.
 */
const MAX_REPLACED = 0.1;

function decodeWith(encoding: Encoding, label: string, bytes: Uint8Array): Decoding {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding, label, replaced: 0 };
  } catch {
    const text = new TextDecoder(label).decode(bytes);
    return { text, encoding, label, replaced: countReplacements(text) };
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
