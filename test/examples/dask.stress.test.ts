/**
 * The Dask recipe (examples/dask/clean_corpus.py) on a real cluster: a `dask scheduler` and two
 * `dask worker` processes on 127.0.0.1, talking TCP as they would across machines. The recipe
 * counts lines per partition, merges the counts on one worker, cleans each partition with them,
 * signs the cleaned records, finds their duplicates on one worker and filters each partition; its
 * output must be, record for record, what one process gives with the same steps over all the
 * inputs. Everything the test starts is stopped at the end, also when it fails.
 *
 * Needs Dask's distributed scheduler (Debian: `apt-get install python3-distributed`, which
 * `.ci/run` installs); without it the test is skipped, and says so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mix32 } from '../../src/dedup/hash.js';
import { BIN, ROOT, runCli, temporaryFolders, type CliResult } from '../cli/helpers.js';

const temporary = temporaryFolders();
const RECIPE = path.join(ROOT, 'examples/dask/clean_corpus.py');

/** The Python that runs `dask` (the one its launcher names), when Dask's distributed scheduler is installed. */
function daskPython(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v dask'], { encoding: 'utf8' });
  if (found.status !== 0) return undefined;
  const shebang = /^#!\s*(\S+)/u.exec(readFileSync(found.stdout.trim(), 'utf8').split('\n')[0] ?? '')?.[1];
  for (const python of [shebang, 'python3'].filter((name): name is string => name !== undefined && !name.endsWith('/env'))) {
    if (spawnSync(python, ['-c', 'import distributed, dask.bag'], { stdio: 'ignore' }).status === 0) return python;
  }
  return undefined;
}

const PYTHON = daskPython();
if (PYTHON === undefined) console.warn('test/examples/dask.stress.test.ts: skipped: Dask is not installed (apt-get install python3-distributed)');

/** Numbers in [0, 1) from a counter through the project's mixer, so that the corpus is the same on every run. */
function sequence(seed: number): () => number {
  let count = 0;
  return () => (mix32(seed ^ Math.imul(++count, 0x9e3779b9)) >>> 0) / 4294967296;
}

/**
 * A few thousand records made from the repository's fixtures: each a headline and lines spliced
 * from two lines of the fixtures (with the fixtures' own noise: repeated headlines, labels,
 * near-duplicate sentences), some with a site footer found in many records (corpus boilerplate),
 * some exact or edited copies of earlier records, and lines that are no records.
 */
function fixtureCorpus(records: number): string {
  const random = sequence(17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const texts = readdirSync(path.join(ROOT, 'fixtures')).filter((name) => name.endsWith('.raw.txt')).sort().map((name) => readFileSync(path.join(ROOT, 'fixtures', name), 'utf8'));
  const lines = texts.flatMap((text) => text.split(/\r?\n/u)).map((line) => line.trim()).filter((line) => line !== '');
  const out: string[] = [];
  const made: string[] = [];
  for (let i = 0; i < records; i++) {
    let text: string;
    const roll = random();
    if (made.length > 10 && roll < 0.08) text = pick(made);
    else if (made.length > 10 && roll < 0.16) text = pick(made).replace(/\b(the|a|and)\b/u, 'one');
    else {
      // A line of one fixture cut at a random word and finished by another, so records share
      // phrases but few whole lines.
      const spliced = (): string => {
        const [head, tail] = [pick(lines).split(' '), pick(lines).split(' ')];
        return [...head.slice(0, 1 + Math.floor(random() * head.length)), ...tail.slice(Math.floor(random() * tail.length))].join(' ');
      };
      const body = Array.from({ length: 4 + Math.floor(random() * 8) }, spliced);
      text = [pick(lines), '', ...body.flatMap((line) => [line, '']), ...(random() < 0.3 ? ['Subscribe to the Riverside newsletter for daily updates'] : [])].join('\n');
    }
    made.push(text);
    out.push(JSON.stringify({ id: i, text }));
    if (random() < 0.01) out.push(pick(['not json', '{"id":"no text"}', '']));
  }
  return `${out.join('\n')}\n`;
}

/** How a run of the command ended, for a failed assertion's message: the signal that stopped it, if any, and the end of what it wrote to stderr. */
function ended(run: CliResult): string {
  return `signal ${run.signal ?? 'none'}; stderr: ${run.stderr.slice(-2000)}`;
}

/** The processes started, stopped at the end whatever happens. */
const started: ChildProcess[] = [];

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

afterAll(async () => {
  await Promise.all(started.map(stop));
});

/** Starts `command` and resolves once `ready` matches its stderr (rejects if it ends first or after 60 s). */
function startUntil(command: string, args: readonly string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')}: not ready after 60 s:\n${log}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (ready.test(log)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} ended (${code}):\n${log}`));
    });
  });
}

/** The address the scheduler writes into its file (which it may write after saying it is up). */
async function schedulerAddress(file: string): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { address: string }).address;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the scheduler wrote no address into ${file}`);
}

describe.skipIf(PYTHON === undefined)('the Dask recipe on a scheduler and two workers', () => {
  it('writes, record for record, what one process writes', async () => {
    const folder = temporary();
    const input = path.join(folder, 'crawl.jsonl');
    writeFileSync(input, fixtureCorpus(3000));
    // The workers find `clean-article` on their PATH, as on a cluster where it is installed.
    const bin = path.join(folder, 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, path.join(bin, 'clean-article'));
    const env = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, DASK_DISTRIBUTED__WORKER__DAEMON: 'False' };
    const schedulerFile = path.join(folder, 'scheduler.json');
    const common = ['--no-dashboard'];
    await startUntil('dask', ['scheduler', '--host', '127.0.0.1', '--port', '0', '--scheduler-file', schedulerFile, ...common], env, /Scheduler at:/u);
    const address = await schedulerAddress(schedulerFile);
    expect(address).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/u);
    await Promise.all(
      ['one', 'two'].map((name) =>
        startUntil('dask', ['worker', address, '--name', name, '--host', '127.0.0.1', '--nthreads', '1', '--no-nanny', '--local-directory', path.join(folder, name), ...common], env, /Registered to:/u),
      ),
    );

    const output = path.join(folder, 'out');
    const recipe = spawnSync(PYTHON!, [RECIPE, address, output, input, '--blocksize', '400000'], { env, encoding: 'utf8', timeout: 240_000 });
    expect(recipe.status, recipe.stderr).toBe(0);
    const parts = readdirSync(output).filter((name) => name.endsWith('.jsonl')).sort();
    expect(parts.length).toBeGreaterThan(4);
    const distributed = parts.map((name) => readFileSync(path.join(output, name), 'utf8')).join('');

    // One process, the same steps: count, clean with the counts, dedup.
    const counts = path.join(folder, 'all.counts');
    const counted = await runCli(['count-lines', '--jsonl', '--bad-lines', 'keep', '--out', counts, input]);
    expect(counted.code, ended(counted)).toBe(0);
    const cleaned = await runCli(['--jsonl', '--jobs', '1', '--bad-lines', 'keep', '--line-counts', counts, '--min-docs', '5', input]);
    expect(cleaned.code, ended(cleaned)).toBe(0);
    expect(cleaned.stderr).toMatch(/corpus-boilerplate \d+/u);
    const single = await runCli(['dedup', '--jsonl'], { input: cleaned.stdout });
    expect(single.code, ended(single)).toBe(0);
    expect(single.stderr).toMatch(/dropped \([1-9]\d* exact, [1-9]\d* near duplicates\)/u);

    const records = distributed.split('\n');
    expect(records.length).toBeGreaterThan(1000);
    expect(records).toEqual(single.stdout.split('\n'));
  }, 300_000);
});
