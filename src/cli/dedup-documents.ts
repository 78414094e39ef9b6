/**
 * The documents of a `dedup` run, in input order: the files of the inputs (folders walked as the
 * main command walks them), or the records of JSON Lines inputs. Every phase reads its inputs
 * through this, so a document has the same number in each phase: the phases only agree on which
 * document is which by that number (the `index`), checked by its exact key where it matters.
 *
 * A JSON Lines input also gives its other lines (blank, not JSON, without the field as a string,
 * not UTF-8): they are no documents, have no number, and are written through by the filter exactly
 * as they came, as every kept record is (byte for byte, its line ending included).
 */
import { promises as fs } from 'node:fs';
import { decode } from './decode.js';
import { decodeLines, parseRecord, recordText } from './records.js';
import { shownName } from './report.js';
import { inputFiles, recordSources, sourceChunks, walkFilter, type InputFile, type InputSpec } from './sources.js';

/** What is read: the inputs (folders walked as the main command walks them), and for JSON Lines where the text and the name of each record are. */
export interface DocumentSpec extends InputSpec {
  readonly jsonl: boolean;
  /** The member holding the text of a record. */
  readonly field: string;
  /** The member naming a record in reports (a string or a number); otherwise `source:line`. */
  readonly idField: string | undefined;
  /** A folder never read from (the output folder). */
  readonly outDir: string | undefined;
}

/** One document. */
export interface DocumentItem {
  readonly kind: 'document';
  /** Its number: documents are numbered from 0 in input order. */
  readonly index: number;
  /** How reports name it: the file's path, or `source:line` or the record's id. */
  readonly name: string;
  readonly text: string;
  /** The bytes to write when it is kept: the file, or the record's line with its line ending. */
  readonly bytes: Uint8Array;
  /** The file it is, for a file. */
  readonly file?: InputFile;
}

/** A line of a JSON Lines input that is no document. */
export interface OtherLine {
  readonly kind: 'other';
  readonly bytes: Uint8Array;
  /** Why it is no document, for a line that is not a record (a blank line or a record without the field has none). */
  readonly problem?: string;
  /** `source:line`, for messages. */
  readonly name: string;
}

/** What reading tells the caller about inputs that could not be read. */
export interface ReadHooks {
  readonly onError: (name: string, error: unknown) => void;
  readonly onWarning?: (name: string, message: string) => void;
}

/**
 * The documents (and, for JSON Lines, other lines) of `spec`'s inputs, in order: for JSON Lines,
 * stdin when no path (or `-`) is given. A file that cannot be read or is not text is passed to
 * `hooks` and is no document.
 */
export async function* readDocuments(spec: DocumentSpec, stdin: NodeJS.ReadableStream, hooks: ReadHooks): AsyncGenerator<DocumentItem | OtherLine> {
  let index = 0;
  if (spec.jsonl) {
    const sources = recordSources(spec, stdin, hooks.onError);
    let current = '';
    let line = 0;
    for await (const chunk of sourceChunks(sources)) {
      if ('error' in chunk) {
        hooks.onError(chunk.source, chunk.error);
        continue;
      }
      if (chunk.source !== current) [current, line] = [chunk.source, 0];
      const decoded = decodeLines(chunk.bytes);
      const raw = rawLines(chunk.bytes);
      for (const [i, { text, valid }] of decoded.entries()) {
        line++;
        const bytes = raw[i]!;
        const name = `${shownName(current)}:${line}`;
        if (!valid) {
          yield { kind: 'other', bytes, problem: 'invalid UTF-8', name };
          continue;
        }
        if (text.trim() === '') {
          yield { kind: 'other', bytes, name };
          continue;
        }
        const record = parseRecord(text, spec.field);
        if ('error' in record) yield { kind: 'other', bytes, problem: record.error, name };
        else if (record.text === undefined) yield { kind: 'other', bytes, name };
        else {
          // The text as the cleaning reads it: NULs removed, and no document when it is not text.
          const checked = recordText(record.text);
          if ('error' in checked) yield { kind: 'other', bytes, problem: checked.error, name };
          else yield { kind: 'document', index: index++, name: recordName(text, spec.idField) ?? name, text: checked.text, bytes };
        }
      }
    }
    return;
  }
  const walk = inputFiles(spec.paths, { ...walkFilter(spec), exclude: spec.outDir, onError: hooks.onError, onWarning: hooks.onWarning });
  for await (const file of walk) {
    let bytes: Buffer;
    let text: string;
    try {
      bytes = await fs.readFile(file.path);
      const decoded = decode(bytes);
      if (decoded.warning) hooks.onWarning?.(file.path, decoded.warning);
      text = decoded.text;
    } catch (error) {
      hooks.onError(file.path, error);
      continue;
    }
    yield { kind: 'document', index: index++, name: file.path, text, bytes, file };
  }
}

/**
 * The lines of a chunk of whole lines as bytes, each with its line ending, split as
 * `decodeLines` splits them (a final newline ends the last line), so that the two line up.
 */
function rawLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, end + 1));
    start = end + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

/** The `idField` member of a record (already known to be a JSON object) as a name, if it is a string or a number. */
function recordName(line: string, idField: string | undefined): string | undefined {
  if (idField === undefined) return undefined;
  // A byte-order mark before the first record is passed over, as parseRecord passes it over.
  const id: unknown = (JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line) as Record<string, unknown>)[idField];
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}
