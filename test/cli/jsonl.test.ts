/**
 * `--jsonl` (issue 4): each record comes back byte for byte except its cleaned field, in input
 * order, whatever `--jobs`; bad lines are skipped and named; the stream is the same read from
 * stdin or from files. Phase 1 of corpus boilerplate reads JSONL the same way.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEndingOf } from '../../src/cli/records.js';
import { clean } from '../../src/index.js';
import { ARTICLE, CLEAN, expectOneLineError, runCli, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();

/**
 * A record written by hand so its other members are in forms a re-serialisation would change: a
 * key that sorts first as an integer, a number beyond double precision, a trailing zero, escapes.
 */
function record(id: number, text: string, field = 'text'): string {
  return `{"id":${id},"url":"https:\\/\\/example.com\\/${id}","${field}":${JSON.stringify(text)},"2":true,"big":12345678901234567890,"score":1.50,"tags":["a","\\u00e9"]}`;
}

/** The record as it must come out: the same text with only the field's value replaced. */
function expected(id: number, text: string, field = 'text'): string {
  return record(id, withEndingOf(text, clean(text).text), field);
}

function texts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? ARTICLE.replace('Tuesday', `day ${i}`) : CLEAN));
}

describe('--jsonl', () => {
  it('cleans the text member and leaves every other byte of the record as it was', async () => {
    const input = texts(4).map((text, i) => record(i, text)).join('\n') + '\n';
    const result = await runCli(['--jsonl'], { input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(texts(4).map((text, i) => expected(i, text) + '\n').join(''));
    expect(result.stderr).toMatch(/^clean-article: 4 records: 2 cleaned, 2 unchanged, 0 bad lines skipped; removed: /mu);
  });

  it('keeps the ending of the text: no final newline is added to a text that had none', async () => {
    const text = CLEAN.trimEnd();
    const result = await runCli(['--jsonl', '--check'], { input: `${record(1, text)}\n${record(2, CLEAN)}\n` });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/2 records: 0 cleaned, 2 unchanged/u);
    const cleaned = await runCli(['--jsonl'], { input: record(1, ARTICLE.trimEnd()) });
    expect((JSON.parse(cleaned.stdout) as { text: string }).text).toBe(clean(ARTICLE).text.trimEnd());
  });

  it('cleans another member with --field', async () => {
    const result = await runCli(['--jsonl', '--field', 'body'], { input: record(1, ARTICLE, 'body') + '\n' });
    expect(result.stdout).toBe(expected(1, ARTICLE, 'body') + '\n');
  });

  it('adds the removals under --removals-key, after the other members', async () => {
    const result = await runCli(['--jsonl', '--removals-key', 'clean_article'], { input: record(1, ARTICLE) });
    const line = result.stdout.trimEnd();
    expect(line.startsWith(expected(1, ARTICLE).slice(0, -1) + ',"clean_article":{')).toBe(true);
    const parsed = JSON.parse(line) as { clean_article: { title: string; removals: { rule: string; text: string }[]; counts: Record<string, number> } };
    const removals = clean(ARTICLE).removals;
    expect(parsed.clean_article.removals.map((removal) => removal.rule)).toEqual(removals.map((removal) => removal.rule));
    expect(parsed.clean_article.counts['repeated-title']).toBeGreaterThan(0);
  });

  it('skips a bad line with a message naming it, goes on, and exits 2', async () => {
    const input = [record(1, ARTICLE), '{"text": "unterminated', '', '[1, 2]', '{"id":5,"text":null}', record(6, CLEAN)].join('\r\n') + '\r\n';
    const result = await runCli(['--jsonl'], { input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe([expected(1, ARTICLE), '{"id":5,"text":null}', expected(6, CLEAN)].join('\n') + '\n');
    const messages = result.stderr.trimEnd().split('\n');
    expect(messages[0]).toMatch(/^clean-article: <stdin>:2: skipped: not JSON: /u);
    expect(messages[1]).toBe('clean-article: <stdin>:4: skipped: not a JSON object');
    expect(messages[2]).toBe('clean-article: 5 records: 1 cleaned, 2 unchanged (1 without a string "text" member, passed through), 2 bad lines skipped; removed: ' + (messages[2]!.split('removed: ')[1] ?? ''));
  });

  it('keeps bad lines as they came with --bad-lines keep (exit 0), or stops at the first with fail (exit 2)', async () => {
    const input = [record(1, ARTICLE), 'not json', record(3, CLEAN), '{"oops"', record(5, ARTICLE)].join('\n') + '\n';
    const keep = await runCli(['--jsonl', '--bad-lines', 'keep'], { input });
    expect(keep.code).toBe(0);
    expect(keep.stdout).toBe([expected(1, ARTICLE), 'not json', expected(3, CLEAN), '{"oops"', expected(5, ARTICLE)].join('\n') + '\n');
    expect(keep.stderr).toMatch(/^clean-article: <stdin>:2: kept as is: not JSON/mu);
    expect(keep.stderr).toMatch(/2 bad lines kept/u);
    const fail = await runCli(['--jsonl', '--bad-lines', 'fail'], { input });
    expect(fail.code).toBe(2);
    expect(fail.stdout).toBe(expected(1, ARTICLE) + '\n');
    expectOneLineError(fail.stderr, /^clean-article: <stdin>:2: not JSON/u);
  });

  it('skips a line that is not UTF-8 and cleans the others', async () => {
    const input = Buffer.concat([Buffer.from(record(1, CLEAN) + '\n'), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), Buffer.from(record(3, ARTICLE) + '\n')]);
    const result = await runCli(['--jsonl'], { input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(expected(1, CLEAN) + '\n' + expected(3, ARTICLE) + '\n');
    expect(result.stderr).toMatch(/^clean-article: <stdin>:2: skipped: invalid UTF-8$/mu);
  });

  it('gives the same stream for one job and two, over many chunks, from stdin or from files', async () => {
    const all = texts(7000).map((text, i) => record(i, text));
    const input = all.join('\n') + '\n';
    expect(input.length).toBeGreaterThan(3 * (1 << 20));
    const one = await runCli(['--jsonl', '--jobs', '1'], { input });
    const two = await runCli(['--jsonl', '--jobs', '2'], { input });
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.split('\n');
    expect(lines[1234]).toBe(expected(1234, texts(7000)[1234]!));
    const folder = temporary();
    writeFileSync(path.join(folder, 'a.jsonl'), all.slice(0, 2500).join('\n') + '\n');
    writeFileSync(path.join(folder, 'b.jsonl'), all.slice(2500).join('\n'));
    const files = await runCli(['--jsonl', '--jobs', '2', folder]);
    expect(files.stdout).toBe(one.stdout);
    // Three runs of some 4 s of CPU each: past the default 30 s on a machine busy with other work.
  }, 120_000);

  it('explains removals with the record line', async () => {
    const result = await runCli(['--jsonl', '--explain'], { input: record(1, CLEAN) + '\n' + record(2, ARTICLE) + '\n' });
    expect(result.stderr).toMatch(/^<stdin>:2:\d+:\d+ {2}repeated-title {2}/mu);
  });

  it('refuses output options that do not apply', async () => {
    const outDir = await runCli(['--jsonl', '--out-dir', temporary()]);
    expect(outDir.code).toBe(2);
    expectOneLineError(outDir.stderr, /--jsonl writes the records to stdout/u);
    const json = await runCli(['--jsonl', '--json']);
    expectOneLineError(json.stderr, /--removals-key/u);
  });
});

describe('count-lines --jsonl', () => {
  it('counts the field of each record, sharded or not alike', async () => {
    const folder = temporary();
    const records = texts(10).map((text, i) => record(i, `${text}\nSubscribe to the Riverside newsletter\n`));
    writeFileSync(path.join(folder, 'all.jsonl'), records.join('\n') + '\n');
    writeFileSync(path.join(folder, 'a.jsonl'), records.slice(0, 4).join('\n') + '\n');
    writeFileSync(path.join(folder, 'b.jsonl'), records.slice(4).join('\n') + '\n');
    const whole = await runCli(['count-lines', '--jsonl', path.join(folder, 'all.jsonl')]);
    const a = await runCli(['count-lines', '--jsonl', '--out', path.join(folder, 'a.counts'), path.join(folder, 'a.jsonl')]);
    const b = await runCli(['count-lines', '--jsonl', '--out', path.join(folder, 'b.counts'), path.join(folder, 'b.jsonl')]);
    expect([whole.code, a.code, b.code]).toEqual([0, 0, 0]);
    const merged = await runCli(['merge-counts', path.join(folder, 'a.counts'), path.join(folder, 'b.counts')]);
    expect(merged.stdout).toBe(whole.stdout);
    writeFileSync(path.join(folder, 'all.counts'), merged.stdout);
    const cleaned = await runCli(['--jsonl', '--line-counts', path.join(folder, 'all.counts')], { input: records.join('\n') });
    expect(cleaned.stdout).not.toContain('Riverside newsletter');
    expect(cleaned.stderr).toMatch(/corpus-boilerplate \d+/u);
  });
});
