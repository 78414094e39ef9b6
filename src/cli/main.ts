/**
 * The command's entry: parse the arguments, run, exit with 0, 1 or 2. Messages are one line on
 * stderr, never a stack trace; a closed stdout (`| head -1`) ends the run quietly.
 */
import { createRequire } from 'node:module';
import { CommanderError } from 'commander';
import { buildProgram, readOptions, UsageError } from './options.js';
import { isBrokenPipe, messageOf, run } from './run.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(version);
  try {
    program.parse(argv as string[], { from: 'user' });
    return await run(readOptions(program), {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      stderrIsTerminal: process.stderr.isTTY === true,
      env: process.env,
    });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      process.stderr.write(`clean-article: ${error.message.replace(/^error: /u, '')}\nTry 'clean-article --help'.\n`);
      return 2;
    }
    if (isBrokenPipe(error)) return 0;
    process.stderr.write(`clean-article: ${error instanceof UsageError ? error.message : messageOf(error)}\n`);
    return 2;
  }
}

process.stdout.on('error', (error) => {
  if (isBrokenPipe(error)) process.exit(0);
  process.stderr.write(`clean-article: cannot write output: ${messageOf(error)}\n`);
  process.exit(2);
});

process.exitCode = await main(process.argv.slice(2));
