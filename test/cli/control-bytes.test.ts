/**
 * Faults, issue 10 items 4 and 6. One rule for NUL and other control bytes in every mode (a file,
 * stdin, a batch, a JSONL record): text that is otherwise text, with a small share of control
 * characters, is cleaned, its NULs removed with a warning giving their count; only input where more
 * than one character in ten is a control character is refused. And `--jsonl --bad-lines keep`
 * keeps byte for byte: one output line per input line, invalid UTF-8 and blank lines included.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { ARTICLE, ROOT, runCli, temporaryFolders, writeTree } from './helpers.js';

const temporary = temporaryFolders();

/** About `bytes` of distinct prose under a headline, with `nuls` NUL characters spread through it. */
function proseWithNuls(bytes: number, nuls: number): { withNuls: string; without: string } {
  let text = 'The Harbour Report\n\n';
  for (let p = 0; text.length < bytes; p++) text += `In part ${p} of the report, the harbour board said ship number ${p * 7} had docked safely. Crews unloaded ${p + 3} crates.\n\n`;
  const step = Math.floor(text.length / (nuls + 1));
  let withNuls = '';
  for (let i = 0; i < nuls; i++) withNuls += `${text.slice(i * step, (i + 1) * step)}\u0000`;
  withNuls += text.slice(nuls * step);
  return { withNuls, without: text };
}

const { withNuls, without } = proseWithNuls(1_000_000, 20);
const CLEANED = clean(without).text;
const small = proseWithNuls(20_000, 3);

describe('a few NUL bytes in text (item 4): removed with a warning, the text cleaned, in every mode', () => {
  it('a file, stdin, and a file in a batch', async () => {
    const folder = writeTree(temporary, { 'nuls.txt': withNuls, 'in/nuls.txt': withNuls, 'in/binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 1, 2]) });
    const file = await runCli(['nuls.txt'], { cwd: folder });
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).toBe(CLEANED);
    expect(file.stderr).toBe('clean-article: nuls.txt: warning: 20 NUL bytes removed\n');

    const stdin = await runCli([], { cwd: folder, input: withNuls });
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toBe(CLEANED);
    expect(stdin.stderr).toBe('clean-article: -: warning: 20 NUL bytes removed\n');

    const batch = await runCli(['--out-dir', 'out', 'in'], { cwd: folder });
    expect(batch.code).toBe(2);
    expect(readFileSync(path.join(folder, 'out/nuls.txt'), 'utf8')).toBe(CLEANED);
    expect(batch.stderr).toMatch(/^clean-article: in\/nuls\.txt: warning: 20 NUL bytes removed$/mu);
    // Mostly control bytes is still not text: refused, never "cleaned".
    expect(batch.stderr).toMatch(/^clean-article: in\/binary\.txt: skipped: binary file \(80% control bytes\)$/mu);
    expect(existsSync(path.join(folder, 'out/binary.txt'))).toBe(false);
  });

  it('a JSONL record: the same rule, the warning naming the line; a record that is mostly control characters is a bad line', async () => {
    const records = [
      JSON.stringify({ id: 1, text: small.withNuls }),
      JSON.stringify({ id: 2, text: '\u0001\u0002\u0003\u0004 abc' }),
      JSON.stringify({ id: 3, text: ARTICLE }),
    ];
    const result = await runCli(['--jsonl'], { input: `${records.join('\n')}\n` });
    expect(result.code).toBe(2);
    const lines = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: number; text: string });
    expect(lines.map((line) => line.id)).toEqual([1, 3]);
    expect(lines[0]!.text).toBe(clean(small.without).text);
    expect(lines[0]!.text).not.toContain('\u0000');
    expect(result.stderr).toMatch(/^clean-article: <stdin>:1: warning: 3 NUL characters removed$/mu);
    expect(result.stderr).toMatch(/^clean-article: <stdin>:2: skipped: not text \(50% control characters\)$/mu);
  });

  it('the same text read as a file and as a record gives the same cleaned text', async () => {
    const text = small.withNuls;
    const folder = writeTree(temporary, { 'a.txt': text, 'a.jsonl': `${JSON.stringify({ text })}\n` });
    const file = await runCli(['a.txt'], { cwd: folder });
    const record = await runCli(['--jsonl', 'a.jsonl'], { cwd: folder });
    expect(file.code).toBe(0);
    expect(record.code).toBe(0);
    expect((JSON.parse(record.stdout) as { text: string }).text.trimEnd()).toBe(file.stdout.trimEnd());
  });

  const page = path.join(ROOT, '../shared/corpus/web/0755.raw.txt');
  it.skipIf(!existsSync(page))(`the shared web corpus page 0755, which holds NULs, is cleaned${existsSync(page) ? '' : ' (SKIPPED: ../shared is not here)'}`, async () => {
    const raw = readFileSync(page);
    expect(raw.includes(0)).toBe(true);
    const result = await runCli(['--body-only', page]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stdout).not.toContain('\u0000');
    expect(result.stderr).toMatch(/warning: \d+ NUL bytes? removed/u);
  });
});

describe('--jsonl --bad-lines keep keeps byte for byte (item 6)', () => {
  it('one output line per input line: invalid UTF-8, blank lines, lines that are not JSON, each as it came', async () => {
    const good = JSON.stringify({ id: 1, text: ARTICLE });
    const lines: Buffer[] = [
      Buffer.from(good),
      Buffer.concat([Buffer.from('{"id":2,"text":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' au lait"}')]),
      Buffer.from(''),
      Buffer.from('   \t'),
      Buffer.from('not json at all'),
      Buffer.from('{"id":3,"text":"Short."}\r'),
      Buffer.from(JSON.stringify({ id: 4, text: ARTICLE })),
    ];
    const input = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
    const folder = temporary();
    writeFileSync(path.join(folder, 'in.jsonl'), input);
    const result = await runCli(['--jsonl', '--bad-lines', 'keep', 'in.jsonl'], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    const out: Buffer[] = [];
    for (let at = 0; at < result.stdoutBytes.length; ) {
      const end = result.stdoutBytes.indexOf(0x0a, at);
      out.push(result.stdoutBytes.subarray(at, end));
      at = end + 1;
    }
    expect(out).toHaveLength(lines.length);
    // Kept lines come out byte for byte.
    for (const i of [1, 2, 3, 4]) expect(out[i]!.equals(lines[i]!), `line ${i + 1}`).toBe(true);
    expect((JSON.parse(out[0]!.toString()) as { text: string }).text).toBe(clean(ARTICLE).text);
    expect((JSON.parse(out[6]!.toString()) as { id: number }).id).toBe(4);
    expect(result.stderr).toMatch(/in\.jsonl:2: kept as is: invalid UTF-8/u);
    expect(result.stderr).toMatch(/in\.jsonl:5: kept as is: not JSON/u);
  });

  it('by default blank lines are still dropped and bad lines skipped', async () => {
    const input = `${JSON.stringify({ text: 'One.' })}\n\n   \nnot json\n${JSON.stringify({ text: 'Two.' })}\n`;
    const result = await runCli(['--jsonl'], { input });
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });
});
