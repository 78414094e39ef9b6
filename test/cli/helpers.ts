/**
 * Helpers for the CLI tests: run the real command (`node bin/clean-article.js`, built by the
 * global setup), make temporary folders, and the fixture texts (written for these tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin/clean-article.js');

/** Tests run as root here: permission bits do not stop root, so such tests run the CLI as nobody. */
export const IS_ROOT = process.getuid?.() === 0;
export const NOBODY = 65534;

/** An article with a repeated headline, a boilerplate line and a sentence repeated word for word. */
export const ARTICLE = `Council Approves New Budget For City Parks

The city council voted on Tuesday to approve a new budget for the parks department. The plan adds money for new trees, benches and a summer programme for children.

Advertisement

Mayor Jane Doe said the vote was a good day for every family in the city. She thanked the members who had worked on the plan since the spring.

Council Approves New Budget For City Parks

The city council voted on Tuesday to approve a new budget for the parks department.

Work on the first projects is expected to begin in early May, the council said.
`;

export const TITLE = 'Council Approves New Budget For City Parks';

/** Text with nothing to remove: whole sentences, normalised white space, a final newline. */
export const CLEAN = `A quiet street in the old town has a new bakery. The owners opened it last week after two years of planning.

They said the neighbours had been kind and patient. The first loaves sold out before noon on the opening day.
`;

/** What a run of the command gave. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/** How to run the command. */
export interface CliRun {
  readonly input?: string | Buffer;
  readonly cwd?: string;
  /** Added to (or, when undefined, removed from) a clean environment without colour settings. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Run as this user and group (only root may). */
  readonly uid?: number;
  /** A file descriptor to use as stdout instead of a pipe (e.g. `/dev/full`). */
  readonly stdoutFd?: number;
  readonly timeoutMs?: number;
}

/** The environment the command runs in: colour settings removed so results do not depend on the caller's. */
function environment(extra: CliRun['env'] = {}): NodeJS.ProcessEnv {
  const removed = new Set(['NO_COLOR', 'FORCE_COLOR', 'CLEAN_ARTICLE_DEBUG', ...Object.keys(extra).filter((name) => extra[name] === undefined)]);
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !removed.has(name)));
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

/** Runs `node bin/clean-article.js ...args` and collects what it printed and how it ended. */
export function runCli(args: readonly string[], options: CliRun = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: environment(options.env),
      stdio: ['pipe', options.stdoutFd ?? 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 170_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, signal, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: Buffer.concat(err).toString('utf8') });
    });
    // A command that stops reading early (an error before stdin is read) must not fail the test with EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** Asserts what every failure message must be: lines starting `clean-article:`, no stack trace. */
export function expectNoTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+/mu);
  expect(stderr).not.toMatch(/node:internal|\(file:\/\/|^\w*Error: /mu);
}

/** Asserts that stderr is exactly one `clean-article: ...` line matching `pattern`. */
export function expectOneLineError(stderr: string, pattern: RegExp): void {
  expectNoTrace(stderr);
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^clean-article: /u);
  expect(lines[0]).toMatch(pattern);
}

/** Registers a temporary-folder factory whose folders are removed after the file's tests. */
export function temporaryFolders(): (prefix?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const folder of made) {
      restoreModes(folder);
      rmSync(folder, { recursive: true, force: true });
    }
  });
  return (prefix = 'clean-article-test-') => {
    const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(folder);
    return folder;
  };
}

/** Writes `files` (relative path -> content) into a new folder from `temporary` and returns it. */
export function writeTree(temporary: () => string, files: Record<string, string | Buffer>): string {
  const root = temporary();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** Every file under `folder`, as sorted relative paths. */
export function listFiles(folder: string): string[] {
  const found: string[] = [];
  const visit = (sub: string): void => {
    for (const entry of readdirSync(path.join(folder, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) visit(relative);
      else found.push(relative);
    }
  };
  visit('');
  return found.sort();
}

/** Gives the owner access again to everything a test locked, so the folder can be removed. */
function restoreModes(folder: string): void {
  try {
    const stat = lstatSync(folder);
    if (stat.isSymbolicLink()) return;
    chmodSync(folder, stat.mode | 0o700);
    if (stat.isDirectory()) for (const name of readdirSync(folder)) restoreModes(path.join(folder, name));
  } catch {
    // Gone already, or not ours: rmSync with force copes.
  }
}

/** True when `command` can be run (for tests that need bash or script). */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Quotes `value` for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/gu, `'\\''`)}'`;
}
