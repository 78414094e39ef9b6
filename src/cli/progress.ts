/**
 * The progress line of a long run, drawn with cli-progress on stderr (only when stderr is a
 * terminal): files done of the total, MB/s and ETA for a batch; records, MB and MB/s for a stream.
 * Messages written while it is shown go through {@link Progress.stderr}, which prints them above
 * the bar instead of through it.
 */
import { Writable } from 'node:stream';
import type cliProgress from 'cli-progress';

/** cli-progress, which a run loads only to show a bar (see {@link progressBar}). */
type CliProgress = typeof cliProgress;

/** What is counted: files (with a total, once known) or JSONL records (no total). */
export type ProgressUnit = 'files' | 'records';

interface Payload {
  bytes: number;
  /** False while the total is still being counted: it is then a lower bound. */
  totalKnown: boolean;
}

/** Frames per second: enough to look alive, few enough to cost nothing. */
const FPS = 5;

/**
 * The bar of a run, when it should show one: asked for (not `--no-progress`), on a terminal, and
 * without `--explain`, whose lines on the same stderr are the output the user asked to read.
 * cli-progress is imported only then: most runs (off a terminal) never draw a bar.
 */
export async function progressBar(options: { readonly progress: boolean; readonly explain: boolean }, io: { readonly stderr: NodeJS.WritableStream; readonly stderrIsTerminal: boolean }, unit: ProgressUnit): Promise<Progress | undefined> {
  if (!options.progress || !io.stderrIsTerminal || options.explain) return undefined;
  return new Progress(io.stderr, unit, (await import('cli-progress')).default);
}

/** A progress bar on a terminal. */
export class Progress {
  /** Writes here appear above the bar (one message per write, as the command writes lines). */
  readonly stderr: Writable;
  private readonly multibar: cliProgress.MultiBar;
  private bar: cliProgress.SingleBar | undefined;
  private readonly payload: Payload = { bytes: 0, totalKnown: false };
  private done = 0;
  private total = 0;

  /** Draws on `terminal` with `library` (cli-progress). */
  constructor(terminal: NodeJS.WritableStream, unit: ProgressUnit, library: CliProgress) {
    this.multibar = new library.MultiBar({
      stream: terminal,
      format: unit === 'files' ? formatFiles(library.Format) : formatRecords(library.Format),
      fps: FPS,
      // The cursor stays visible and no SIGINT handler is installed: cli-progress's handler only
      // stops the bar, so Ctrl-C would no longer end the run, and a hidden cursor would outlive it.
      hideCursor: false,
      gracefulExit: false,
      clearOnComplete: true,
      linewrap: false,
    });
    this.stderr = new Writable({
      write: (chunk: Buffer | string, _encoding, done) => {
        const text = String(chunk);
        if (this.bar) this.multibar.log(text.endsWith('\n') ? text : `${text}\n`);
        else terminal.write(text);
        done();
      },
    });
  }

  /** Shows the bar. */
  start(): void {
    this.bar = this.multibar.create(0, 0, this.payload);
  }

  /** Sets the total; `known` false while it is still being counted (shown as "n+"). */
  setTotal(total: number, known: boolean): void {
    this.payload.totalKnown = known;
    this.total = total;
    this.bar?.setTotal(Math.max(total, this.done));
  }

  /** Counts one more unit done (a file, or `units` records) of `bytes` bytes. */
  advance(bytes: number, units = 1): void {
    this.payload.bytes += bytes;
    this.done += units;
    // The count of a folder may lag behind the work on it: the total is never less than done.
    if (this.done > this.total) this.bar?.setTotal(this.done);
    this.bar?.update(this.done, this.payload);
  }

  /** Removes the bar, printing the messages still waiting to be shown. */
  stop(): void {
    if (!this.bar) return;
    this.multibar.update();
    this.multibar.stop();
    this.bar = undefined;
  }
}

function rate(bytes: number, startTime: number): string {
  const seconds = (Date.now() - startTime) / 1000;
  return seconds > 0 ? (bytes / 1e6 / seconds).toFixed(1) : '0.0';
}

const formatFiles =
  (format: CliProgress['Format']): cliProgress.GenericFormatter =>
  (options, params, payload: Payload) => {
    const bar = format.BarFormat(params.progress, options);
    const total = payload.totalKnown ? `${params.total}` : `${params.total}+`;
    const eta = payload.totalKnown ? format.TimeFormat(params.eta, options, 1) : '…';
    return `${bar} ${params.value}/${total} files | ${rate(payload.bytes, params.startTime)} MB/s | ETA ${eta}`;
  };

const formatRecords =
  (format: CliProgress['Format']): cliProgress.GenericFormatter =>
  (options, params, payload: Payload) => {
    const elapsed = format.TimeFormat(Math.round((Date.now() - params.startTime) / 1000), options, 1);
    return `${params.value} records | ${(payload.bytes / 1e6).toFixed(1)} MB | ${rate(payload.bytes, params.startTime)} MB/s | ${elapsed}`;
  };
