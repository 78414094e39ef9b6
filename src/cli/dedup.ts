/**
 * The `dedup` mode: drops documents that duplicate an earlier one, exactly or nearly. One machine
 * runs it in one go; a corpus spread over machines runs its phases:
 *
 *     clean-article dedup --jsonl crawl.jsonl > unique.jsonl
 *     clean-article dedup --out-dir unique/ scraped/
 *     clean-article dedup signatures --jsonl --out a.sig shard-a.jsonl     # on each machine
 *     clean-article dedup merge --out-dir drops/ a.sig b.sig               # once
 *     clean-article dedup filter --jsonl --drops drops/a.drops shard-a.jsonl > a.unique.jsonl
 *
 * The phases, and the one-machine run that chains them:
 *
 *   1. signatures: each document's exact key and MinHash signature, in input order (per shard);
 *   2. merge: the clusters of all shards' documents, and per shard the list of its documents to
 *      drop, each with the kept document it duplicates (once, on one machine);
 *   3. filter: each shard's inputs again, without the dropped documents (per shard).
 *
 * Only signatures cross from phase 1 to phase 2 (about 380 bytes of text a document; 265 bytes
 * of memory in the merge), so memory is bounded by them, never by the text. The clusters depend only on the documents and
 * their order, so a sharded run and a single one drop the same documents (tested).
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fs, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { findDuplicates, type Duplicate } from '../dedup/clusters.js';
import { normalisedWords } from '../dedup/normalise.js';
import { DEFAULT_SIGNATURE_SETTINGS, Signer, type SignatureSettings } from '../dedup/signature.js';
import { SignatureStore } from '../dedup/store.js';
import { readDocuments, type DocumentItem, type DocumentSpec, type OtherLine } from './dedup-documents.js';
import { dropsHeader, dropsTrailer, FormatError, openSignatures, readDrops, signatureLine, signaturesHeader, signaturesTrailer, type Drops } from './dedup-formats.js';
import { DropPlan, explainDrop, jsonDrop, type DropReport } from './dedup-report.js';
import { outputFolders, outputPath, PathError, sameFile, writeFileSafely } from './files.js';
import { isStdin, messageOf, writeOut, type RunIO } from './io.js';
import { UsageError, type DedupFilterOptions, type DedupMergeOptions, type DedupOptions, type DedupSignaturesOptions } from './options.js';
import { shownName } from './report.js';

/** How the documents kept and dropped are told and written. */
interface FilterOutput {
  /** One line per dropped document on stderr. */
  readonly explain: boolean;
  /** One JSON object per dropped document on stdout, instead of the records or the list of files. */
  readonly json: boolean;
}

/** Lines that are no records, told one by one up to this many; past it, only counted. */
const TOLD_OTHER_LINES = 20;

/** Output written per this many bytes (or characters) gathered: fewer, larger writes. */
const WRITE_BATCH = 1 << 18;

/** Counts and messages of a run, shared by the phases. */
class Tally {
  failed = 0;
  private told = 0;
  private untold = 0;

  constructor(private readonly io: RunIO) {}

  readonly onError = (name: string, error: unknown): void => {
    this.failed++;
    this.tell(`${shownName(name)}: ${messageOf(error)}`);
  };

  readonly onWarning = (name: string, message: string): void => this.tell(`${shownName(name)}: warning: ${message}`);

  /** A JSON Lines line that is no record: written through, and told. */
  other(line: OtherLine): void {
    if (line.problem === undefined) return;
    if (this.told++ < TOLD_OTHER_LINES) this.tell(`${line.name}: kept as is: ${line.problem}`);
    else this.untold++;
  }

  tell(message: string): void {
    this.io.stderr.write(`clean-article: ${message}\n`);
  }

  /** Says how many lines were not told. */
  finish(): void {
    if (this.untold > 0) this.tell(`${this.untold} more lines that are no records kept as is (not shown)`);
  }
}

/**
 * Phase 1, `dedup signatures`: writes the signatures of the documents to `--out` (atomically), or
 * to stdout. Resolves to the exit code (2 when an input could not be read).
 */
export async function runDedupSignatures(options: DedupSignaturesOptions, io: RunIO): Promise<number> {
  const settings = DEFAULT_SIGNATURE_SETTINGS;
  const tally = new Tally(io);
  const signer = new Signer(settings);
  const sink = options.out === undefined ? streamSink(io) : await fileSink(options.out);
  let documents = 0;
  try {
    await sink.write(signaturesHeader(settings));
    for await (const item of readDocuments(options, io.stdin, tally)) {
      if (item.kind !== 'document') continue;
      const { exactKey, signature } = signer.sign(item.text);
      await sink.write(signatureLine(exactKey, signature, item.name));
      documents++;
    }
    await sink.write(signaturesTrailer(documents));
    await sink.close();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  tally.tell(`signed ${documents} document${documents === 1 ? '' : 's'}${tally.failed > 0 ? `; ${tally.failed} input${tally.failed === 1 ? '' : 's'} failed` : ''}`);
  return tally.failed > 0 ? 2 : 0;
}

/**
 * Phase 2, `dedup merge`: reads signatures files (the shards, in input order), finds the
 * duplicates of all their documents, and writes one drops file per signatures file into
 * `--out-dir`, named after it (`a.sig` -> `a.drops`).
 */
export async function runDedupMerge(options: DedupMergeOptions, io: RunIO): Promise<number> {
  const { files, outDir, threshold, explain } = options;
  const targets = files.map((file) => outputPath(outDir, `${path.basename(file).replace(/\.[^.]*$/u, '')}.drops`));
  const clash = targets.findIndex((target, i) => targets.indexOf(target) !== i);
  if (clash >= 0) throw new UsageError(`${files[clash]} and ${files[targets.indexOf(targets[clash]!)]} would both write ${targets[clash]}; rename one`);
  // The names come from a second reading of the files: only those of kept documents that a drop
  // names are held, and the signatures are gone by then.
  const { plan, duplicates, documents, shardSizes } = await planFromSignatures(files, threshold);
  const prepare = outputFolders(outDir);
  let index = 0;
  for (const [shard, file] of files.entries()) {
    const target = targets[shard]!;
    try {
      prepare(target);
    } catch (error) {
      if (error instanceof PathError) throw error;
      throw new PathError(`cannot write ${shownName(target)}: ${messageOf(error)}`);
    }
    const sink = await fileSink(target);
    try {
      await sink.write(dropsHeader(shardSizes[shard]!, threshold));
      let drops = 0;
      let shardIndex = 0;
      for await (const entry of (await openSignatures(file)).entries) {
        const report = plan.meet(index++, entry.name, shardIndex++);
        if (report === undefined) continue;
        drops++;
        await sink.write(`${JSON.stringify(report)}\n`);
        if (explain) io.stderr.write(`${explainDrop(report)}\n`);
      }
      await sink.write(dropsTrailer(drops));
      await sink.close();
    } catch (error) {
      await sink.abandon();
      throw error;
    }
  }
  io.stderr.write(`clean-article: ${summary(documents, duplicates)}\n`);
  return 0;
}

/** What a run found: the drops, told in input order, and how many documents there were. */
interface Found {
  readonly plan: DropPlan;
  readonly duplicates: readonly Duplicate[];
  readonly documents: number;
}

/**
 * Reads the signatures of the files, in order, checked to be made with one set of settings, and
 * finds their duplicates. The store of signatures (most of the memory) is gone when it returns.
 */
async function planFromSignatures(files: readonly string[], threshold: number): Promise<Found & { shardSizes: number[] }> {
  let settings: SignatureSettings | undefined;
  let store: SignatureStore | undefined;
  const shardSizes: number[] = [];
  for (const file of files) {
    const reader = await openSignatures(file, false);
    if (settings === undefined) {
      settings = reader.settings;
      store = new SignatureStore(settings.positions);
    } else if (reader.settings.shingleSize !== settings.shingleSize || reader.settings.positions !== settings.positions) {
      throw new FormatError(`${file} was made with other settings than ${files[0]} (shingle=${reader.settings.shingleSize} positions=${reader.settings.positions}, not ${settings.shingleSize} and ${settings.positions})`);
    }
    let size = 0;
    for await (const entry of reader.entries) {
      store!.add(entry.exactKey, entry.signature);
      size++;
    }
    shardSizes.push(size);
  }
  if (store === undefined) throw new UsageError('merge needs signatures files');
  const duplicates = findDuplicates(store, threshold);
  return { plan: new DropPlan(duplicates, store), duplicates, documents: store.size, shardSizes };
}

/** Phase 3, `dedup filter`: the documents without those the drops file (`--drops`) lists. */
export async function runDedupFilter(options: DedupFilterOptions, io: RunIO): Promise<number> {
  const drops = await readDrops(options.drops);
  const tally = new Tally(io);
  const kept = await filterDocuments(options, io.stdin, dropsPlan(drops), options, io, tally);
  io.stderr.write(`clean-article: ${kept.documents} document${kept.documents === 1 ? '' : 's'}: ${kept.documents - kept.dropped} kept, ${kept.dropped} dropped\n`);
  return tally.failed > 0 ? 2 : 0;
}

/**
 * `dedup`: all phases in one run, on one machine. The inputs are read twice (stdin is kept in a
 * temporary file meanwhile).
 */
export async function runDedup(options: DedupOptions, io: RunIO): Promise<number> {
  const spool = options.jsonl && isStdin(options.paths) ? await fs.mkdtemp(path.join(os.tmpdir(), 'clean-article-dedup-')) : undefined;
  const keep = spool === undefined ? undefined : removedOnExit(spool);
  try {
    const tally = new Tally(io);
    const { plan, duplicates, documents } = await planFromDocuments(options, spool, DEFAULT_SIGNATURE_SETTINGS, options.threshold, options.explain || options.json, io);
    const again = spool === undefined ? io.stdin : createReadStream(path.join(spool, STDIN_COPY));
    await filterDocuments(options, again, { documents, decide: (item) => plan.meet(item.index, item.name) }, options, io, tally);
    io.stderr.write(`clean-article: ${summary(documents, duplicates)}\n`);
    return tally.failed > 0 ? 2 : 0;
  } finally {
    keep?.();
    if (spool !== undefined) await fs.rm(spool, { recursive: true, force: true });
  }
}

/**
 * Has `file` (a file or a folder) removed if the process ends before the returned function is
 * called: Ctrl-C and SIGTERM end the command with `process.exit`, which runs no `finally`, but
 * does run the `exit` listeners, synchronously.
 */
function removedOnExit(file: string): () => void {
  const remove = (): void => rmSync(file, { recursive: true, force: true });
  process.on('exit', remove);
  return () => void process.off('exit', remove);
}

/** The name of the copy of stdin in the spool folder. */
const STDIN_COPY = 'stdin.jsonl';

/**
 * Signs the documents (copying stdin into `spool`, when given, for the second reading) and finds
 * their duplicates. The store of signatures (most of the memory) is gone when it returns. Read
 * errors are not told here: the second reading meets them again and tells them.
 */
async function planFromDocuments(spec: DocumentSpec, spool: string | undefined, settings: SignatureSettings, threshold: number, withNames: boolean, io: RunIO): Promise<Found> {
  const signer = new Signer(settings);
  const store = new SignatureStore(settings.positions);
  const copy = spool === undefined ? undefined : createWriteStream(path.join(spool, STDIN_COPY));
  let spoolError: unknown;
  copy?.on('error', (error) => (spoolError ??= error));
  const stdin = copy === undefined ? io.stdin : tee(io.stdin, copy);
  for await (const item of readDocuments(spec, stdin, { onError: () => undefined })) {
    if (item.kind !== 'document') continue;
    const { exactKey, signature } = signer.sign(item.text);
    store.add(exactKey, signature);
  }
  if (copy !== undefined) {
    await new Promise<void>((resolve) => copy.end(resolve));
    if (spoolError !== undefined) throw new Error(`cannot keep stdin in ${os.tmpdir()} for the second reading: ${messageOf(spoolError)}`);
  }
  const duplicates = findDuplicates(store, threshold);
  return { plan: new DropPlan(duplicates, store, withNames), duplicates, documents: store.size };
}

/** Which documents a filtering pass drops, and how many documents it expects. */
interface FilterPlan {
  readonly documents: number;
  decide(item: DocumentItem): DropReport | undefined;
}

/** The plan of a drops file; a dropped document is named as this run finds it (the document it duplicates, as the merge did). */
function dropsPlan(drops: Drops): FilterPlan {
  return {
    documents: drops.documents,
    decide: (item) => {
      const report = drops.drops.get(item.index);
      return report === undefined ? undefined : { ...report, document: item.name };
    },
  };
}

/**
 * Reads the documents again and writes those kept: JSON Lines records (and lines that are no
 * records) to stdout as they came; files into `--out-dir` as they came, or, without it, the names
 * of the dropped files to stdout. A dropped document must have the exact key its report gives,
 * or the run stops: the drops were made from other inputs.
 */
async function filterDocuments(spec: DocumentSpec, stdin: NodeJS.ReadableStream, plan: FilterPlan, output: FilterOutput, io: RunIO, tally: Tally): Promise<{ documents: number; dropped: number }> {
  const prepare = spec.outDir === undefined ? undefined : outputFolders(spec.outDir);
  const written = new Map<string, string>();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const bytes = Buffer.concat(pending);
    [pending, pendingBytes] = [[], 0];
    await writeOut(io.stdout, bytes);
  };
  const print = async (bytes: Uint8Array): Promise<void> => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= WRITE_BATCH) await flush();
  };
  /** Records (and lines that are no records) go to stdout unless it holds the `--json` report. */
  const recordsOut = spec.jsonl && !output.json;
  let documents = 0;
  let dropped = 0;
  for await (const item of readDocuments(spec, stdin, tally)) {
    if (item.kind === 'other') {
      tally.other(item);
      if (recordsOut) await print(item.bytes);
      continue;
    }
    documents++;
    const report = plan.decide(item);
    if (report === undefined) {
      if (recordsOut) await print(item.bytes);
      else if (prepare !== undefined) writeKept(spec.outDir!, item, written, prepare, tally);
      continue;
    }
    if (normalisedWords(item.text).exactKey !== report.key) {
      await flush();
      throw new FormatError(`${shownName(item.name)} is not the document the drops were made for (document ${item.index} of these inputs has another text): were the signatures made from other inputs, or in another order?`);
    }
    dropped++;
    if (output.explain) io.stderr.write(`${explainDrop(report)}\n`);
    if (output.json) await print(Buffer.from(`${jsonDrop(report)}\n`));
    else if (!spec.jsonl && prepare === undefined) await print(Buffer.from(`${shownName(item.name)}\n`));
  }
  await flush();
  tally.finish();
  if (documents !== plan.documents) {
    throw new FormatError(`the inputs hold ${documents} document${documents === 1 ? '' : 's'}, the drops were made for ${plan.documents}: were the signatures made from other inputs?`);
  }
  return { documents, dropped };
}

/** Copies a kept file into `--out-dir`, byte for byte, as the main command places its outputs. */
function writeKept(outDir: string, item: DocumentItem, written: Map<string, string>, prepare: (target: string) => void, tally: Tally): void {
  const file = item.file!;
  try {
    const target = outputPath(outDir, file.relative);
    if (sameFile(target, file.path)) throw new PathError(`its output ${target} is the input file itself`);
    const earlier = written.get(target);
    if (earlier !== undefined) throw new PathError(`its output ${target} would overwrite the output of ${shownName(earlier)}`);
    written.set(target, file.path);
    prepare(target);
    writeFileSafely(target, item.bytes);
  } catch (error) {
    tally.onError(file.path, error instanceof PathError ? error : new PathError(`cannot write into ${shownName(outDir)}: ${messageOf(error)}`));
  }
}

function summary(documents: number, duplicates: readonly { exact: boolean }[]): string {
  const exact = duplicates.filter((duplicate) => duplicate.exact).length;
  return `${documents} document${documents === 1 ? '' : 's'}: ${documents - duplicates.length} kept, ${duplicates.length} dropped (${exact} exact, ${duplicates.length - exact} near duplicates)`;
}

/**
 * Where the signatures and drops files go: stdout, or a file written atomically (a temporary file
 * renamed at the end). Text is gathered into writes of {@link WRITE_BATCH} characters.
 */
interface Sink {
  write(text: string): Promise<void>;
  /** Writes what is gathered and ends the output (renames the file into place). */
  close(): Promise<void>;
  /** Ends the output without it (removes the temporary file). */
  abandon(): Promise<void>;
}

/** `sink`, gathering what is written into fewer, larger writes. */
function batched(sink: Sink): Sink {
  let pending = '';
  return {
    write: async (text) => {
      pending += text;
      if (pending.length < WRITE_BATCH) return;
      const full = pending;
      pending = '';
      await sink.write(full);
    },
    close: async () => {
      if (pending !== '') await sink.write(pending);
      pending = '';
      await sink.close();
    },
    abandon: () => sink.abandon(),
  };
}

function streamSink(io: RunIO): Sink {
  return batched({ write: (text) => writeOut(io.stdout, text), close: async () => undefined, abandon: async () => undefined });
}

async function fileSink(file: string): Promise<Sink> {
  const temporary = path.join(path.dirname(file), `.clean-article-${process.pid}-${Date.now()}.tmp`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(temporary, 'wx');
  } catch (error) {
    throw new PathError(`cannot write ${shownName(file)}: ${messageOf(error)}`);
  }
  const keep = removedOnExit(temporary);
  return batched({
    write: async (text) => {
      try {
        // writeFile writes all of it (write may write part of it, on a disk that fills up).
        await handle.writeFile(text);
      } catch (error) {
        throw new PathError(`cannot write ${shownName(file)}: ${messageOf(error)}`);
      }
    },
    close: async () => {
      await handle.close();
      try {
        // Synchronous, as the main command's writes: a signal never finds it half done.
        renameSync(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw new PathError(`cannot write ${shownName(file)}: ${messageOf(error)}`);
      } finally {
        keep();
      }
    },
    abandon: async () => {
      keep();
      await handle.close().catch(() => undefined);
      await fs.rm(temporary, { force: true });
    },
  });
}

/** `stream`, whose chunks are also written to `copy` as they are read. */
function tee(stream: NodeJS.ReadableStream, copy: NodeJS.WritableStream): NodeJS.ReadableStream {
  async function* copying(): AsyncGenerator<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (!copy.write(bytes)) await once(copy, 'drain');
      yield bytes;
    }
  }
  return Readable.from(copying());
}
