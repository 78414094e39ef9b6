/**
 * `clean-article dedup` and its phases, run as the real command: what is dropped and what is kept
 * (byte for byte), what is reported, sharded runs against single ones, and the errors of phases
 * fed the wrong files.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoTrace, expectOneLineError, listFiles, runCli, temporaryFolders, writeTree } from './helpers.js';

const temporary = temporaryFolders();

/** Writes `files` (relative path -> content) into the folder `root`. */
function addFiles(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

const PARKS = `The city council voted on Tuesday to approve a new budget for the parks department, adding money for trees, benches and a summer programme for children.

Mayor Jane Doe said the vote was a good day for every family in the city and thanked the members who had worked on the plan since the spring.`;

const HARVEST = `Farmers in the river valley say the late rain has ruined a third of the wheat harvest, and prices at the market rose again this week.

The cooperative has asked the regional government for help with storage, while traders expect imports from the north to fill the gap by winter.`;

const BRIDGE = `Engineers closed the old bridge over the harbour on Monday after inspectors found cracks in two of its supports, and ferries will run until it reopens.

The repairs will take at least three months, the transport office said, and the cost will be shared between the city and the port authority.`;

/** `text` with every tenth word replaced. */
function edited(text: string): string {
  let count = 0;
  return text.replace(/[A-Za-z]+/gu, (word) => (++count % 10 === 0 ? 'quietly' : word));
}

const record = (id: string, text: string, extra = ''): string => `{"id":${JSON.stringify(id)}${extra},"text":${JSON.stringify(text)}}`;

/** Lines of a JSON Lines input: duplicates of three stories, and lines that are no documents. */
const LINES = [
  record('parks', PARKS),
  record('harvest', HARVEST, ',"n":1.50'),
  record('parks-copy', PARKS.toUpperCase()),
  '',
  'not json at all',
  '{"id":"no-text","body":"nothing to compare"}',
  record('bridge', BRIDGE),
  record('parks-edited', edited(PARKS)),
  record('harvest-crlf', HARVEST) + '\r',
  record('empty', ''),
  record('empty-again', ''),
];
const INPUT = `${LINES.join('\n')}\n`;
/** The lines kept: every line but the three copies. */
const KEPT = `${LINES.filter((_, i) => ![2, 7, 8].includes(i)).join('\n')}\n`;

describe('dedup --jsonl', () => {
  it('drops the records that duplicate an earlier one and writes every other line byte for byte', async () => {
    const result = await runCli(['dedup', '--jsonl'], { input: INPUT });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(KEPT);
    expectNoTrace(result.stderr);
    expect(result.stderr).toContain('<stdin>:5: kept as is: not JSON');
    expect(result.stderr).toMatch(/: 8 documents: 5 kept, 3 dropped \(2 exact, 1 near duplicates\)$/mu);
  });

  it('gives the same output from a file as from stdin (which it keeps in a temporary file meanwhile)', async () => {
    const folder = writeTree(temporary, { 'crawl.jsonl': INPUT });
    const result = await runCli(['dedup', '--jsonl', path.join(folder, 'crawl.jsonl')]);
    expect(result.stdout).toBe(KEPT);
  });

  it('names each dropped record, the record it duplicates and their similarity with --explain, by --id-field', async () => {
    const byLine = await runCli(['dedup', '--jsonl', '--explain'], { input: INPUT });
    expect(byLine.stderr).toContain('<stdin>:3  exact duplicate of <stdin>:1\n');
    const byId = await runCli(['dedup', '--jsonl', '--explain', '--id-field', 'id'], { input: INPUT });
    const lines = byId.stderr.split('\n').filter((line) => !line.startsWith('clean-article:') && line !== '');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('parks-copy  exact duplicate of parks');
    expect(lines[1]).toMatch(/^parks-edited {2}near duplicate \(similarity 0\.\d+\) of parks$/u);
    expect(lines[2]).toBe('harvest-crlf  exact duplicate of harvest');
  });

  it('writes one JSON object per dropped record instead of the records with --json', async () => {
    const result = await runCli(['dedup', '--jsonl', '--json', '--id-field', 'id'], { input: INPUT });
    const reports = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(reports.map((report) => [report['document'], report['duplicate_of'], report['exact']])).toEqual([
      ['parks-copy', 'parks', true],
      ['parks-edited', 'parks', false],
      ['harvest-crlf', 'harvest', true],
    ]);
    expect(reports[1]!['similarity']).toBeGreaterThan(0.4);
    expect(reports[1]!['similarity']).toBeLessThan(1);
  });

  it('holds to --threshold: at 0.9 the edited copy stays', async () => {
    const result = await runCli(['dedup', '--jsonl', '--threshold', '0.9'], { input: INPUT });
    expect(result.stdout).toContain('"parks-edited"');
    expect(result.stdout).not.toContain('"parks-copy"');
  });

  it('leaves no copy of stdin behind when interrupted', async () => {
    const tmp = temporary();
    const child = spawn(process.execPath, [BIN, 'dedup', '--jsonl'], { env: { ...process.env, TMPDIR: tmp }, stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.write(INPUT);
    // Wait until the copy exists, then interrupt while stdin is still open.
    for (let waited = 0; readdirSync(tmp).length === 0 && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(tmp)).toHaveLength(1);
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('reads a record as the cleaning does: NULs in its text left out, a text of control characters no document (kept as is, and told)', async () => {
    const lines = [record('parks', PARKS), record('parks-nul', PARKS.replace(' ', '\u0000 ')), record('binary', '\u0001\u0002\u0003'), record('binary-again', '\u0001\u0002\u0003')];
    const result = await runCli(['dedup', '--jsonl', '--id-field', 'id', '--explain'], { input: `${lines.join('\n')}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${[lines[0], lines[2], lines[3]].join('\n')}\n`);
    expect(result.stderr).toContain('parks-nul  exact duplicate of parks\n');
    expect(result.stderr).toContain('<stdin>:3: kept as is: not text (');
    expect(result.stderr).toMatch(/: 2 documents: 1 kept, 1 dropped/u);
  });

  it('reads --field', async () => {
    const input = [PARKS, PARKS, HARVEST].map((text, i) => JSON.stringify({ i, body: text })).join('\n');
    const result = await runCli(['dedup', '--jsonl', '--field', 'body'], { input });
    expect(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { i: number }).i)).toEqual([0, 2]);
  });
});

describe('dedup on files', () => {
  const tree = (): string =>
    writeTree(temporary, {
      'a/parks.txt': `${PARKS}\n`,
      'a/harvest.txt': `${HARVEST}\n`,
      'b/parks-copy.txt': PARKS.replace(/\n\n/gu, '\r\n\r\n').toUpperCase(),
      'b/parks-edited.txt': `${edited(PARKS)}\n`,
      'b/bridge.txt': `${BRIDGE}\n`,
      'c/notes.md': `${PARKS}\n`,
    });

  it('lists the dropped files on stdout', async () => {
    const root = tree();
    const result = await runCli(['dedup', 'a', 'b'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('b/parks-copy.txt\nb/parks-edited.txt\n');
    expect(result.stderr).toBe('clean-article: 5 documents: 3 kept, 2 dropped (1 exact, 1 near duplicates)\n');
  });

  it('copies the kept files, as they were, into --out-dir with their paths inside the named folders', async () => {
    const root = tree();
    const result = await runCli(['dedup', '--out-dir', 'unique', 'a', 'b', path.join('c', 'notes.md')], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(listFiles(path.join(root, 'unique'))).toEqual(['bridge.txt', 'harvest.txt', 'parks.txt']);
    expect(readFileSync(path.join(root, 'unique/bridge.txt'), 'utf8')).toBe(`${BRIDGE}\n`);
  });

  it('takes the folders of --ext, and reports with --json', async () => {
    const root = tree();
    const result = await runCli(['dedup', '--json', '--ext', '.md,.txt', '.'], { cwd: root });
    const reports = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { document: string; duplicate_of: string });
    expect(reports.map((report) => [report.document, report.duplicate_of])).toEqual([
      ['b/parks-copy.txt', 'a/parks.txt'],
      ['b/parks-edited.txt', 'a/parks.txt'],
      ['c/notes.md', 'a/parks.txt'],
    ]);
  });

  it('names a file that cannot be read, goes on, and exits 2', async () => {
    const root = tree();
    writeFileSync(path.join(root, 'a/binary.txt'), Buffer.from([0, 1, 2, 3]));
    const result = await runCli(['dedup', 'a', 'b'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('b/parks-copy.txt\nb/parks-edited.txt\n');
    expect(result.stderr).toContain('clean-article: a/binary.txt: binary file (');
  });

  it('walks folders and quoted globs as the main command does: hidden entries and what .gitignore ignores passed over unless asked', async () => {
    const root = tree();
    addFiles(root, { 'a/.draft.txt': PARKS, 'a/node_modules/pkg/copy.txt': PARKS, 'b/.gitignore': 'old/\n', 'b/old/copy.txt': PARKS });
    const walked = await runCli(['dedup', 'a', 'b'], { cwd: root });
    expect(walked.stdout).toBe('b/parks-copy.txt\nb/parks-edited.txt\n');
    const everything = await runCli(['dedup', '--hidden', '--no-ignore', 'a', 'b'], { cwd: root });
    expect(everything.stdout.trim().split('\n').sort()).toEqual(['a/node_modules/pkg/copy.txt', 'a/parks.txt', 'b/old/copy.txt', 'b/parks-copy.txt', 'b/parks-edited.txt']);
    const globbed = await runCli(['dedup', 'b/*.txt', 'a/*.txt'], { cwd: root });
    // In the order of the arguments: b's upper-case copy comes first and stays.
    expect(globbed.stdout).toBe('b/parks-edited.txt\na/parks.txt\n');
  });

  it('takes from a configuration file only the options that choose the inputs, not the cleaning\'s --out-dir or --explain', async () => {
    const root = tree();
    addFiles(root, { '.clean-articlerc': JSON.stringify({ ext: '.md,.txt', outDir: 'cleaned', explain: true, bodyOnly: true }) });
    const result = await runCli(['dedup', 'a', 'c'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('c/notes.md\n');
    expect(result.stderr).toBe('clean-article: 3 documents: 2 kept, 1 dropped (1 exact, 0 near duplicates)\n');
    expect(listFiles(root).some((file) => file.startsWith('cleaned'))).toBe(false);
    const without = await runCli(['dedup', '--no-config', 'a', 'c'], { cwd: root });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/c: no file ending in \.txt/u);
  });
});

describe('dedup in phases', () => {
  /** Runs signatures on each shard, merge, then filter on each shard; returns the filters' results. */
  async function sharded(folder: string, shards: readonly string[], extra: readonly string[] = []): Promise<{ stdout: string; stderr: string; codes: number[] }> {
    const codes: number[] = [];
    const signatures: string[] = [];
    for (const [i, shard] of shards.entries()) {
      const out = path.join(folder, `s${i}.sig`);
      // One shard through stdin and stdout, the others through files.
      const result = i === 0 && extra.includes('--jsonl') ? await runCli(['dedup', 'signatures', ...extra], { input: readFileSync(shard) }) : await runCli(['dedup', 'signatures', ...extra, '--out', out, shard]);
      if (i === 0 && extra.includes('--jsonl')) writeFileSync(out, result.stdout);
      codes.push(result.code ?? -1);
      signatures.push(out);
    }
    const merge = await runCli(['dedup', 'merge', '--out-dir', path.join(folder, 'drops'), ...signatures]);
    codes.push(merge.code ?? -1);
    let stdout = '';
    let stderr = merge.stderr;
    for (const [i, shard] of shards.entries()) {
      const filter = await runCli(['dedup', 'filter', ...extra, '--drops', path.join(folder, 'drops', `s${i}.drops`), shard]);
      codes.push(filter.code ?? -1);
      stdout += filter.stdout;
      stderr += filter.stderr;
    }
    return { stdout, stderr, codes };
  }

  it('drops the same records sharded as in one run', async () => {
    const lines = INPUT.split(/(?<=\n)/u);
    const folder = writeTree(temporary, { 'a.jsonl': lines.slice(0, 3).join(''), 'b.jsonl': lines.slice(3, 8).join(''), 'c.jsonl': lines.slice(8).join('') });
    const result = await sharded(folder, ['a', 'b', 'c'].map((name) => path.join(folder, `${name}.jsonl`)), ['--jsonl', '--id-field', 'id']);
    expect(result.codes.every((code) => code === 0)).toBe(true);
    expect(result.stdout).toBe(KEPT);
    expect(result.stderr).toContain('8 documents: 5 kept, 3 dropped (2 exact, 1 near duplicates)');
    const drops = readFileSync(path.join(folder, 'drops/s2.drops'), 'utf8');
    expect(drops).toMatch(/^# clean-article dedup-drops 1 documents=3 threshold=0\.4\n\{"index":0,"key":"[0-9a-f]{16}","document":"harvest-crlf","duplicate_of":"harvest","similarity":1,"exact":true\}\n# end drops=1\n$/u);
  });

  it('keeps the same files sharded as in one run', async () => {
    const root = writeTree(temporary, {
      'one/parks.txt': PARKS,
      'one/harvest.txt': HARVEST,
      'two/copy.txt': PARKS,
      'two/bridge.txt': BRIDGE,
      'three/edited.txt': edited(PARKS),
      'three/harvest.txt': HARVEST.toLowerCase(),
    });
    const single = await runCli(['dedup', '--out-dir', path.join(root, 'single'), path.join(root, 'one'), path.join(root, 'two'), path.join(root, 'three')]);
    expect(single.code).toBe(0);
    const phases = await sharded(root, ['one', 'two', 'three'].map((name) => path.join(root, name)));
    expect(phases.codes.every((code) => code === 0)).toBe(true);
    expect(phases.stdout).toBe([path.join(root, 'two/copy.txt'), path.join(root, 'three/edited.txt'), path.join(root, 'three/harvest.txt')].map((file) => `${file}\n`).join(''));
    expect(listFiles(path.join(root, 'single'))).toEqual(['bridge.txt', 'harvest.txt', 'parks.txt']);
  });

  it('refuses drops made for other inputs, and names the document', async () => {
    const folder = writeTree(temporary, { 'a.jsonl': INPUT, 'b.jsonl': [record('x', BRIDGE), record('y', HARVEST), record('z', HARVEST)].join('\n') });
    await runCli(['dedup', 'signatures', '--jsonl', '--out', path.join(folder, 'a.sig'), path.join(folder, 'a.jsonl')]);
    await runCli(['dedup', 'merge', '--out-dir', folder, path.join(folder, 'a.sig')]);
    const wrong = await runCli(['dedup', 'filter', '--jsonl', '--drops', path.join(folder, 'a.drops'), path.join(folder, 'b.jsonl')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/b\.jsonl:3 is not the document the drops were made for/u);
    const fewer = await runCli(['dedup', 'filter', '--jsonl', '--drops', path.join(folder, 'a.drops')], { input: LINES.slice(0, 4).join('\n') });
    expect(fewer.code).toBe(2);
    expect(fewer.stderr).toMatch(/the inputs hold 3 documents, the drops were made for 8/u);
  });

  it('refuses a signatures file cut short, or made with other settings', async () => {
    const folder = writeTree(temporary, { 'a.jsonl': INPUT });
    const signatures = path.join(folder, 'a.sig');
    await runCli(['dedup', 'signatures', '--jsonl', '--out', signatures, path.join(folder, 'a.jsonl')]);
    const text = readFileSync(signatures, 'utf8');
    writeFileSync(path.join(folder, 'cut.sig'), text.split('\n').slice(0, 4).join('\n') + '\n');
    const cut = await runCli(['dedup', 'merge', '--out-dir', folder, path.join(folder, 'cut.sig')]);
    expect(cut.code).toBe(2);
    expectOneLineError(cut.stderr, /cut\.sig: cut short \(no "# end" line\)/u);
    writeFileSync(path.join(folder, 'other.sig'), text.replace('shingle=2', 'shingle=3'));
    const other = await runCli(['dedup', 'merge', '--out-dir', folder, signatures, path.join(folder, 'other.sig')]);
    expect(other.code).toBe(2);
    expectOneLineError(other.stderr, /other\.sig was made with other settings/u);
    const notSignatures = await runCli(['dedup', 'merge', '--out-dir', folder, path.join(folder, 'a.jsonl')]);
    expectOneLineError(notSignatures.stderr, /not a signatures file/u);
  });

  it('refuses two signatures files that would write one drops file', async () => {
    const folder = writeTree(temporary, { 'x/a.sig': '', 'y/a.sig': '' });
    const result = await runCli(['dedup', 'merge', '--out-dir', folder, path.join(folder, 'x/a.sig'), path.join(folder, 'y/a.sig')]);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /would both write/u);
  });
});

describe('dedup help', () => {
  it('is listed in the main help, and `help dedup [phase]` shows the help of each', async () => {
    const main = await runCli(['--help']);
    for (const command of ['dedup [options] [paths...]', 'dedup signatures [options] [paths...]', 'dedup merge [options] <signatures...>', 'dedup filter [options] [paths...]']) expect(main.stdout).toContain(`  ${command}  `);
    for (const phase of ['', ' signatures', ' merge', ' filter']) {
      const help = await runCli(['help', ...`dedup${phase}`.split(' ')]);
      expect(help.code).toBe(0);
      expect(help.stdout).toBe((await runCli([...`dedup${phase}`.split(' '), '--help'])).stdout);
      expect(help.stdout).toMatch(new RegExp(`^Usage: clean-article dedup${phase} \\[options\\]`, 'u'));
    }
  });
});

describe('dedup usage errors', () => {
  it('refuses what cannot work, in one line', async () => {
    const cases: [string[], RegExp][] = [
      [['dedup'], /dedup compares files, folders or globs, or JSON Lines records with --jsonl/u],
      [['dedup', 'signatures', 'a.txt', '-'], /signatures reads files, folders or globs/u],
      [['dedup', '--jsonl', 'a.jsonl', '-'], /"-" \(stdin\) cannot be mixed with files/u],
      [['dedup', '--jsonl', '--out-dir', 'x'], /--out-dir takes files/u],
      [['dedup', '--id-field', 'id', 'a.txt'], /--field and --id-field need --jsonl/u],
      [['dedup', '--jsonl', '--threshold', '1.5'], /expected a number in \(0, 1\]/u],
      [['dedup', 'filter', '--jsonl'], /required option '--drops <file>'/u],
      [['dedup', 'merge', 'a.sig'], /required option '--out-dir <dir>'/u],
      [['dedup', '--jsonl', '--bogus'], /unknown option '--bogus'/u],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expectOneLineError(result.stderr, pattern);
    }
  });
});
