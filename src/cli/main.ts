/**
 * The command's entry: parse the arguments, run, exit with 0, 1 or 2. Messages are one line on
 * stderr, never a stack trace; a closed stdout (`| head -1`) ends the run quietly.
 */
import { CommanderError } from 'commander';
import { isBrokenPipe, messageOf, outputFailure, standardOutput, VERSION } from './io.js';
import { parseCommandLine } from './options.js';
import { run } from './run.js';

/** Set once a fatal message has been printed, so a write error seen twice is told once. */
let told = false;

/** Prints one `clean-article: ...` line and ends the process with `code`. */
function die(message: string, code: number): never {
  if (!told) process.stderr.write(`clean-article: ${message}\n`);
  told = true;
  process.exit(code);
}

/** Where data goes: checked to its last byte (see {@link standardOutput}). */
const stdout = standardOutput();

async function main(argv: readonly string[]): Promise<number> {
  const io = {
    stdin: process.stdin,
    stdout,
    stderr: process.stderr,
    // undefined off a terminal, whatever the types say
    stderrIsTerminal: (process.stderr.isTTY as boolean | undefined) === true,
    stdoutIsTerminal: (process.stdout.isTTY as boolean | undefined) === true,
    stdinIsTerminal: (process.stdin.isTTY as boolean | undefined) === true,
    env: process.env,
  };
  try {
    return await run(await parseCommandLine(argv, VERSION, process.cwd(), (text) => void stdout.write(text)), io);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // Commander puts its "(Did you mean --json?)" on a line of its own; keep the message one line.
      const message = error.message.replace(/^error: /u, '').replace(/\s*\n\s*/gu, ' ');
      die(`${message} (see clean-article --help)`, 2);
    }
    if (isBrokenPipe(error)) return 0;
    die(messageOf(error), 2);
  }
}

// A reader that goes away (`| head -1`) is not an error: stop quietly. Any other failure of
// stdout (a full disk) ends the run, since every later write would fail too.
stdout.on('error', (error) => {
  if (isBrokenPipe(error)) process.exit(0);
  die(outputFailure(stdout, error), 2);
});
// Without a listener a closed stderr would crash the process with a trace on... stderr.
process.stderr.on('error', () => undefined);
// The last guard of "never a stack trace": a bug shows as one line (the trace with CLEAN_ARTICLE_DEBUG=1).
const fatal = (error: unknown): never => {
  if (process.env['CLEAN_ARTICLE_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return die(`internal error: ${messageOf(error)}`, 2);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
// Ctrl-C or a kill during a batch: every file is old or new and no temporary file is left, since
// each write renames its file into place within one synchronous step, which a signal handler
// never interrupts. 128 + the signal, as shells report.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => process.exit(code));
}

process.exitCode = await main(process.argv.slice(2));
