/**
 * The files that carry `dedup` between its phases: text, one document per line, so that they
 * pass through the tools of a cluster (Hadoop Streaming, `RDD.pipe`, `cat`) and can be read.
 *
 * Signatures (phase 1, `dedup signatures`), one line per document in input order, between a
 * header naming the settings and a trailer counting the documents (a file without its trailer was
 * cut short, and is refused):
 *
 *     # clean-article dedup-signatures 1 shingle=2 positions=256
 *     3f0c...e1<TAB>base64 of the signature<TAB>"the document's name, as JSON"
 *     -<TAB>-<TAB>"a document without words"
 *     # end documents=2
 *
 * Drops (phase 2, `dedup merge`, one file per signatures file), one JSON object per dropped
 * document of that shard (see {@link DropReport}), with its number in the shard and its exact key,
 * which phase 3 checks against the document it drops:
 *
 *     # clean-article dedup-drops 1 documents=2 threshold=0.4
 *     {"index":1,"key":"3f0c...e1","document":"b.txt","duplicate_of":"a.txt","similarity":1,"exact":true}
 *     # end drops=1
 *
 * Trailing white space on a line is allowed: Hadoop Streaming writes a tab after a line it reads
 * as a key without a value.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SignatureSettings } from '../dedup/signature.js';
import type { DropReport } from './dedup-report.js';

const SIGNATURES_MAGIC = '# clean-article dedup-signatures 1';
const SIGNATURES_HEADER = new RegExp(`^${SIGNATURES_MAGIC} shingle=(\\d+) positions=(\\d+)\\s*$`, 'u');
const DROPS_MAGIC = '# clean-article dedup-drops 1';
const DROPS_HEADER = new RegExp(`^${DROPS_MAGIC} documents=(\\d+) threshold=([0-9.]+)\\s*$`, 'u');
const TRAILER = /^# end (documents|drops)=(\d+)\s*$/u;
const KEY = /^[0-9a-f]{16}$/u;

/** The header line of a signatures file made with `settings`. */
export function signaturesHeader(settings: SignatureSettings): string {
  return `${SIGNATURES_MAGIC} shingle=${settings.shingleSize} positions=${settings.positions}\n`;
}

/** The line of one document in a signatures file. */
export function signatureLine(exactKey: string, signature: Uint8Array | undefined, name: string): string {
  const encoded = signature === undefined ? '-' : Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
  return `${exactKey === '' ? '-' : exactKey}\t${encoded}\t${JSON.stringify(name)}\n`;
}

/** The last line of a signatures file of `documents` documents. */
export function signaturesTrailer(documents: number): string {
  return `# end documents=${documents}\n`;
}

/** One document of a signatures file. */
interface SignatureEntry {
  /** '' for a document without words. */
  readonly exactKey: string;
  /** `undefined` for a document without words; otherwise valid only until the next entry is read (its bytes are reused). */
  readonly signature: Uint8Array | undefined;
  /** '' when the names are not read. */
  readonly name: string;
}

/** A signatures file, opened: its settings, then its entries, read one by one. */
export interface SignaturesReader {
  readonly settings: SignatureSettings;
  readonly entries: AsyncGenerator<SignatureEntry>;
}

/** A file that is not what its phase expects; the message names the file and the line. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
}

/**
 * Opens a signatures file: checks its header, then yields its entries, checking each and, at the
 * end, that the trailer is there and counts them. With `names` false, the names are checked to be
 * there but not decoded (the merge reads a million of them twice, and needs them once).
 */
export async function openSignatures(file: string, names = true): Promise<SignaturesReader> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done ? undefined : SIGNATURES_HEADER.exec(first.value);
  if (!header) throw new FormatError(`${file}: not a signatures file of this version (made by "clean-article dedup signatures")`);
  const settings: SignatureSettings = { shingleSize: Number(header[1]), positions: Number(header[2]) };
  const bytes = Buffer.alloc(settings.positions);
  const signature = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encodedLength = 4 * Math.ceil(settings.positions / 3);
  async function* entries(): AsyncGenerator<SignatureEntry> {
    let number = 1;
    let documents = 0;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      number++;
      const line = next.value;
      if (line.startsWith('#')) {
        const trailer = TRAILER.exec(line);
        if (trailer === null || trailer[1] !== 'documents' || Number(trailer[2]) !== documents) throw new FormatError(`${file}:${number}: not the trailer of ${documents} documents`);
        if (!(await lines.next()).done) throw new FormatError(`${file}:${number + 1}: lines after the trailer`);
        return;
      }
      const keyEnd = line.indexOf('\t');
      const signatureEnd = keyEnd < 0 ? -1 : line.indexOf('\t', keyEnd + 1);
      if (signatureEnd < 0) throw new FormatError(`${file}:${number}: not a "key<TAB>signature<TAB>name" line`);
      const quoted = line.slice(signatureEnd + 1).trimEnd();
      const name = names ? parseName(quoted) : quoted.length >= 2 && quoted.startsWith('"') && quoted.endsWith('"') ? '' : undefined;
      if (name === undefined) throw new FormatError(`${file}:${number}: the name is not a JSON string`);
      const key = line.slice(0, keyEnd);
      documents++;
      if (key === '-' && signatureEnd === keyEnd + 2 && line[keyEnd + 1] === '-') {
        yield { exactKey: '', signature: undefined, name };
        continue;
      }
      const encoded = line.slice(keyEnd + 1, signatureEnd);
      if (!KEY.test(key) || encoded.length !== encodedLength || bytes.write(encoded, 'base64') !== settings.positions) {
        throw new FormatError(`${file}:${number}: not a key of 16 hexadecimal digits and a signature of ${settings.positions} bytes`);
      }
      yield { exactKey: key, signature, name };
    }
    throw new FormatError(`${file}: cut short (no "# end" line): was the signatures phase interrupted?`);
  }
  return { settings, entries: entries() };
}

function parseName(quoted: string): string | undefined {
  try {
    const name: unknown = JSON.parse(quoted);
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The header line of a drops file for a shard of `documents` documents. */
export function dropsHeader(documents: number, threshold: number): string {
  return `${DROPS_MAGIC} documents=${documents} threshold=${threshold}\n`;
}

/** The last line of a drops file of `drops` dropped documents. */
export function dropsTrailer(drops: number): string {
  return `# end drops=${drops}\n`;
}

/** A drops file, read whole: the documents of its shard, and its drops by document number. */
export interface Drops {
  readonly documents: number;
  readonly drops: ReadonlyMap<number, DropReport>;
}

/** Reads a drops file (it lists one shard's dropped documents, so it is held whole). */
export async function readDrops(file: string): Promise<Drops> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const drops = new Map<number, DropReport>();
  let documents: number | undefined;
  let ended = false;
  let number = 0;
  for await (const line of lines) {
    number++;
    const where = `${file}:${number}`;
    if (number === 1) {
      const header = DROPS_HEADER.exec(line);
      if (!header) throw new FormatError(`${file}: not a drops file of this version (made by "clean-article dedup merge")`);
      documents = Number(header[1]);
      continue;
    }
    if (ended) throw new FormatError(`${where}: lines after the trailer`);
    const trailer = TRAILER.exec(line);
    if (trailer) {
      if (trailer[1] !== 'drops' || Number(trailer[2]) !== drops.size) throw new FormatError(`${where}: the trailer counts ${trailer[2]} ${trailer[1]}, the file holds ${drops.size}`);
      ended = true;
      continue;
    }
    const report = parseDrop(line, where);
    if (report.index >= documents! || drops.has(report.index)) throw new FormatError(`${where}: document ${report.index} is out of range or listed twice`);
    drops.set(report.index, report);
  }
  if (documents === undefined) throw new FormatError(`${file}: empty, not a drops file`);
  if (!ended) throw new FormatError(`${file}: cut short (no "# end" line)`);
  return { documents, drops };
}

function parseDrop(line: string, where: string): DropReport {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new FormatError(`${where}: not JSON`);
  }
  const report = value as Partial<DropReport> | null;
  const valid =
    report !== null &&
    typeof report === 'object' &&
    Number.isInteger(report.index) &&
    report.index! >= 0 &&
    typeof report.key === 'string' &&
    KEY.test(report.key) &&
    typeof report.document === 'string' &&
    typeof report.duplicate_of === 'string' &&
    typeof report.similarity === 'number' &&
    typeof report.exact === 'boolean';
  if (!valid) throw new FormatError(`${where}: not a drop (index, key, document, duplicate_of, similarity, exact)`);
  return report as DropReport;
}
