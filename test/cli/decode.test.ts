/**
 * Bad and unusual input bytes (issue 5): empty and blank files, binary files, invalid UTF-8,
 * byte-order marks, UTF-16, and line-ending styles. Each is run through the real command, and
 * the byte-level functions are checked directly.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, encode, NotTextError, type Encoding } from '../../src/cli/decode.js';
import { clean } from '../../src/index.js';
import { ARTICLE, CLEAN, expectNoTrace, expectOneLineError, runCli, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** A folder holding `files`. */
function folderWith(files: Record<string, string | Buffer>): string {
  const folder = temporary();
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return folder;
}

describe('decode and encode', () => {
  const encodings: Encoding[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16be'];
  for (const encoding of encodings) {
    it(`round-trips ${encoding}, astral characters included`, () => {
      const text = 'Grüße, 世界! 🎉 A line.\r\nAnother.\n';
      const decoded = decode(encode(text, encoding));
      expect(decoded).toEqual({ text, encoding });
    });
  }

  it('reads an empty input as empty UTF-8', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf8' });
  });

  it('removes a few NUL bytes anywhere, with a warning giving their count; refuses text that is mostly NULs', () => {
    const late = Buffer.concat([Buffer.from('word '.repeat(40_000)), Buffer.from([0]), Buffer.from('more'), Buffer.from([0, 0])]);
    expect(decode(late)).toEqual({ text: `${'word '.repeat(40_000)}more`, encoding: 'utf8', warning: '3 NUL bytes removed' });
    // One character in ten is the most a text may hold; UTF-16 without its BOM is half NULs.
    expect(decode(Buffer.from('abcdefghi\u0000')).warning).toBe('1 NUL byte removed');
    expect(() => decode(Buffer.from('abcdefgh\u0000\u0000'))).toThrow(NotTextError);
    expect(() => decode(Buffer.from('Text in UTF-16 without its BOM.', 'utf16le'))).toThrow(/binary file \(50% control bytes\)/u);
    const both = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' opens on Monday.\u0000 It sells bread and coffee.\n')]);
    expect(decode(both).warning).toBe('invalid UTF-8: 1 bad byte sequence replaced with U+FFFD; 1 NUL byte removed');
  });

  it('refuses mostly control bytes and mostly invalid UTF-8, but keeps a few bad bytes with a warning', () => {
    expect(() => decode(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x41]))).toThrow(/control bytes/u);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    expect(() => decode(random)).toThrow(/not UTF-8 text/u);
    const fewBad = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' opens on Monday. It sells bread and coffee.\n')]);
    const decoded = decode(fewBad);
    expect(decoded.text).toBe('Caf\uFFFD opens on Monday. It sells bread and coffee.\n');
    expect(decoded.warning).toMatch(/invalid UTF-8: 1 bad byte sequence replaced with U\+FFFD/u);
  });
});

describe('empty and blank input', () => {
  it('an empty file gives empty output, exit 0, no message', async () => {
    const folder = folderWith({ 'empty.txt': '' });
    const result = await runCli(['empty.txt'], { cwd: folder });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('an empty file is not rewritten by --in-place', async () => {
    const folder = folderWith({ 'empty.txt': '' });
    const before = statSync(path.join(folder, 'empty.txt'));
    const result = await runCli(['--in-place', 'empty.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(statSync(path.join(folder, 'empty.txt')).ino).toBe(before.ino);
  });

  it('empty stdin and --json give an empty text', async () => {
    const result = await runCli(['--json'], { input: '' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ text: '', removals: [], counts: {} });
  });

  it('whitespace only becomes empty', async () => {
    const result = await runCli([], { input: '  \n\t\n \r\n   \n\n' });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('binary input is skipped, counted as failed, never cleaned', () => {
  /** The start of a PNG file: its signature and header chunk, more than half control bytes. */
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

  it('a binary file: message, exit 2, nothing on stdout', async () => {
    const folder = folderWith({ 'data.txt': binary });
    const result = await runCli(['data.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /^clean-article: data\.txt: skipped: binary file \(59% control bytes\)$/u);
  });

  it('binary on stdin is refused the same way', async () => {
    const result = await runCli([], { input: binary });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /<stdin>: skipped: binary file/u);
  });

  it('mostly non-text bytes without a NUL are refused', async () => {
    const noisy = Buffer.from(Array.from({ length: 2000 }, (_, i) => [0x01, 0x1b, 0x41, 0x07, 0x90, 0xc3][i % 6]!));
    const folder = folderWith({ 'noise.txt': noisy });
    const result = await runCli(['noise.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /noise\.txt: skipped: (binary file|not UTF-8 text)/u);
  });

  it('in a batch: the binary file is left as it was and not written out, the others are cleaned', async () => {
    const folder = folderWith({ 'a.txt': ARTICLE, 'b.txt': binary, 'c.txt': ARTICLE });
    const inPlace = await runCli(['--in-place', '.'], { cwd: folder });
    expect(inPlace.code).toBe(2);
    expect(readFileSync(path.join(folder, 'b.txt'))).toEqual(binary);
    expect(readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe(clean(ARTICLE).text);
    expect(readFileSync(path.join(folder, 'c.txt'), 'utf8')).toBe(clean(ARTICLE).text);
    expect(inPlace.stderr).toMatch(/b\.txt: skipped: binary file/u);
    expect(inPlace.stderr).toMatch(/3 files: 2 cleaned, 0 unchanged, 1 failed \(b\.txt\)/u);

    const out = path.join(folder, '..', `${path.basename(folder)}-out`);
    const outDir = await runCli(['--out-dir', out, 'b.txt', 'a.txt'], { cwd: folder });
    expect(outDir.code).toBe(2);
    expect(readdirSync(out)).toEqual(['a.txt']);
  });
});

describe('invalid UTF-8: decoded with U+FFFD and a warning', () => {
  const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' du Port opens on Monday. It sells bread, coffee and cake.\n')]);

  it('cleans the text, warns on stderr and exits 0', async () => {
    const folder = folderWith({ 'latin1.txt': bytes });
    const result = await runCli(['latin1.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(clean(bytes.toString('utf8')).text);
    expect(result.stdout).toContain('Caf\uFFFD du Port');
    expectOneLineError(result.stderr, /latin1\.txt: warning: invalid UTF-8: 1 bad byte sequence replaced with U\+FFFD/u);
  });

  it('leaves the bad byte alone when --in-place has nothing to change', async () => {
    const folder = folderWith({ 'latin1.txt': bytes });
    const result = await runCli(['--in-place', 'latin1.txt'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(folder, 'latin1.txt'))).toEqual(bytes);
  });
});

describe('byte-order marks and UTF-16 are written back in the same encoding', () => {
  const cases: Array<[string, Buffer, (bytes: Buffer) => string, Buffer]> = [
    ['UTF-8 with BOM', Buffer.concat([BOM8, Buffer.from(ARTICLE)]), (b) => b.subarray(3).toString('utf8'), BOM8],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]), (b) => b.subarray(2).toString('utf16le'), Buffer.from([0xff, 0xfe])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)]), (b) => Buffer.from(b.subarray(2)).swap16().toString('utf16le'), Buffer.from([0xfe, 0xff])],
  ];
  const expected = clean(ARTICLE).text;

  for (const [name, bytes, read, bom] of cases) {
    it(`${name}: --in-place, --out-dir and stdout`, async () => {
      const folder = folderWith({ 'a.txt': bytes, 'b.txt': bytes });
      expect((await runCli(['--in-place', 'a.txt'], { cwd: folder })).code).toBe(0);
      const inPlace = readFileSync(path.join(folder, 'a.txt'));
      expect(inPlace.subarray(0, bom.length)).toEqual(bom);
      expect(read(inPlace)).toBe(expected);

      expect((await runCli(['--out-dir', 'out', 'b.txt'], { cwd: folder })).code).toBe(0);
      expect(readFileSync(path.join(folder, 'out/b.txt'))).toEqual(inPlace);

      const piped = await runCli([], { input: bytes });
      expect(piped.code).toBe(0);
      expect(piped.stdoutBytes).toEqual(inPlace);
    });
  }

  it('--json reports offsets into the text after the BOM, as UTF-8 JSON', async () => {
    const result = await runCli(['--json'], { input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]) });
    const record = JSON.parse(result.stdout) as { text: string; removals: Array<{ start: number; end: number; text: string }> };
    expect(record.text).toBe(expected);
    for (const removal of record.removals) expect(ARTICLE.slice(removal.start, removal.end)).toBe(removal.text);
  });

  it('UTF-16 without a BOM is taken for binary (its NUL bytes), not mangled', async () => {
    const result = await runCli([], { input: Buffer.from(ARTICLE, 'utf16le') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /binary file/u);
  });
});

describe('line endings: the output keeps the input style', () => {
  const styles: Array<[string, string]> = [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
    ['LF', '\n'],
  ];
  const lfExpected = clean(ARTICLE).text;

  for (const [name, eol] of styles) {
    it(`${name}: same cleaning as LF, every line break in the input's style`, async () => {
      const input = ARTICLE.replace(/\n/gu, eol);
      const result = await runCli([], { input });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(lfExpected.replace(/\n/gu, eol));
      const breaks = result.stdout.match(/\r\n|\r|\n/gu) ?? [];
      expect(breaks.length).toBeGreaterThan(3);
      expect(new Set(breaks)).toEqual(new Set([eol]));
    });
  }

  it('CRLF survives --in-place and UTF-16', async () => {
    const input = ARTICLE.replace(/\n/gu, '\r\n');
    const folder = folderWith({ 'a.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(input, 'utf16le')]) });
    expect((await runCli(['--in-place', 'a.txt'], { cwd: folder })).code).toBe(0);
    expect(readFileSync(path.join(folder, 'a.txt')).subarray(2).toString('utf16le')).toBe(lfExpected.replace(/\n/gu, '\r\n'));
  });

  it('mixed endings take the most common one, and clean text with CRLF is unchanged (no rewrite)', async () => {
    const mixed = ARTICLE.replace(/\n/gu, '\r\n').replace('\r\n', '\n');
    const result = await runCli([], { input: mixed });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(lfExpected.replace(/\n/gu, '\r\n'));
    const check = await runCli(['--check'], { input: CLEAN.replace(/\n/gu, '\r\n') });
    expect(check.code).toBe(0);
    expectNoTrace(check.stderr);
  });
});
