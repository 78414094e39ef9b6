/**
 * Faults (issue 5): a full disk, a reader that goes away, a failing file in a batch; and no code
 * from data: text is only ever text. (A kill in the middle of --in-place is a stress case:
 * `kill.stress.test.ts`.)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/index.js';
import { ARTICLE, BIN, CLEAN, expectNoTrace, expectOneLineError, hasCommand, ROOT, runCli, shellQuote, temporaryFolders } from './helpers.js';

const temporary = temporaryFolders();
const HAS_DEV_FULL = existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice();

/** Many distinct paragraphs, so nothing is a repeat: a few MB of text that mostly survives. */
function bigArticle(paragraphs: number): string {
  let text = 'The Harbour Report\n\n';
  for (let p = 0; p < paragraphs; p++) {
    text += `In part ${p} of the report, the harbour board said ship number ${p * 7} had docked safely. Crews unloaded ${p + 3} crates before the evening tide turned.\n\n`;
  }
  return text;
}

describe.skipIf(!HAS_DEV_FULL)('a full disk (/dev/full)', () => {
  const withFullStdout = async (args: string[], cwd: string): Promise<Awaited<ReturnType<typeof runCli>>> => {
    const fd = openSync('/dev/full', 'w');
    try {
      return await runCli(args, { cwd, stdoutFd: fd });
    } finally {
      closeSync(fd);
    }
  };

  it('stdout on a full disk: exit 2 and one message', async () => {
    const folder = temporary();
    writeFileSync(path.join(folder, 'a.txt'), ARTICLE);
    const result = await withFullStdout(['a.txt'], folder);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^clean-article: cannot write stdout \(\/dev\/full\): no space left on device \(ENOSPC\)$/u);
  });

  it('--json for a folder to a full disk stops at the first failure with one message', async () => {
    const folder = temporary();
    mkdirSync(path.join(folder, 'in'));
    for (let i = 0; i < 5; i++) writeFileSync(path.join(folder, 'in', `${i}.txt`), ARTICLE);
    const result = await withFullStdout(['--json', 'in'], folder);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /cannot write stdout \(\/dev\/full\): no space left on device/u);
  });

  it('-o /dev/full: exit 2, a message, and /dev/full is still the device', async () => {
    const folder = temporary();
    writeFileSync(path.join(folder, 'a.txt'), ARTICLE);
    const result = await runCli(['-o', '/dev/full', 'a.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /a\.txt: cannot write \/dev\/full: no space left on device \(ENOSPC\)/u);
    // Writing by temporary file and rename would have put a regular file in place of the device.
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});

describe.skipIf(!hasCommand('bash') || !hasCommand('head'))('a reader that goes away (| head)', () => {
  /** Runs `pipeline` in bash and returns its stderr and the exit status of the clean-article stage. */
  const pipeline = (folder: string, command: string): { stderr: string; status: number; firstLine: string } => {
    const script = `set -o pipefail; ${command}; echo "status=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { cwd: folder, encoding: 'utf8', timeout: 170_000 });
    const status = Number(/status=(\d+)/u.exec(result.stderr)?.[1] ?? -1);
    return { stderr: result.stderr.replace(/status=\d+\n/u, ''), status, firstLine: result.stdout.split('\n')[0] ?? '' };
  };
  const command = `${shellQuote(process.execPath)} ${shellQuote(BIN)}`;

  it('`clean-article big.txt | head -1` ends quietly with exit 0', async () => {
    const folder = temporary();
    writeFileSync(path.join(folder, 'big.txt'), bigArticle(40_000));
    expect(statSync(path.join(folder, 'big.txt')).size).toBeGreaterThan(4_000_000);
    const result = pipeline(folder, `${command} big.txt | head -1`);
    expect(result.firstLine).toBe('The Harbour Report');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the same for --json | head -c 100 and for stdin', async () => {
    const folder = temporary();
    writeFileSync(path.join(folder, 'big.txt'), bigArticle(40_000));
    const json = pipeline(folder, `${command} --json big.txt | head -c 100 >/dev/null`);
    expect(json).toMatchObject({ stderr: '', status: 0 });
    const stdin = pipeline(folder, `${command} < big.txt | head -1 >/dev/null`);
    expect(stdin).toMatchObject({ stderr: '', status: 0 });
  });

  it('a closed stderr does not crash the run either', async () => {
    const folder = temporary();
    writeFileSync(path.join(folder, 'big.txt'), `${ARTICLE}\n${bigArticle(20_000)}`);
    const result = pipeline(folder, `${command} --explain big.txt 2>&1 >/dev/null | head -c 10 >/dev/null`);
    expect(result.status).toBe(0);
  });
});

describe('one failing input in a batch does not stop the others', () => {
  it('the rest are cleaned; messages and the summary name the failures; exit 2', async () => {
    const folder = temporary();
    mkdirSync(path.join(folder, 'in'));
    writeFileSync(path.join(folder, 'in/a.txt'), ARTICLE);
    writeFileSync(path.join(folder, 'in/b.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]));
    writeFileSync(path.join(folder, 'in/c.txt'), ARTICLE);
    writeFileSync(path.join(folder, 'in/d.txt'), CLEAN);
    const result = await runCli(['--in-place', 'in', 'missing.txt'], { cwd: folder });
    expect(result.code).toBe(2);
    expectNoTrace(result.stderr);
    expect(readFileSync(path.join(folder, 'in/a.txt'), 'utf8')).toBe(clean(ARTICLE).text);
    expect(readFileSync(path.join(folder, 'in/c.txt'), 'utf8')).toBe(clean(ARTICLE).text);
    expect(readFileSync(path.join(folder, 'in/d.txt'), 'utf8')).toBe(CLEAN);
    // Files may be cleaned in parallel, so the messages come in any order; the summary comes last.
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).sort()).toEqual([
      'clean-article: in/b.txt: skipped: binary file (75% control bytes)',
      'clean-article: missing.txt: no such file or directory (ENOENT)',
    ]);
    expect(lines[2]).toMatch(/^clean-article: 5 files: 2 cleaned, 1 unchanged, 2 failed \((in\/b\.txt, missing\.txt|missing\.txt, in\/b\.txt)\); removed: /u);
  });
});

describe('no code from data', () => {
  it('text that looks like commands, code or paths is only cleaned as text', async () => {
    const folder = temporary();
    const secret = path.join(folder, 'secret.txt');
    writeFileSync(secret, 'TOP SECRET CONTENT\n');
    const snippets = [
      '$(touch PWNED-1)',
      '`touch PWNED-2`',
      '; touch PWNED-3 ;',
      '${process.exit(7)}',
      "require('child_process').execSync('touch PWNED-4')",
      `file://${secret}`,
      '../secret.txt',
      '<script>alert(1)</script>',
      '%s%n%x',
    ];
    const text = [
      'Notes From The Security Desk',
      '',
      `The reader typed ${snippets[0]} into the search box, and the page showed it as plain text.`,
      `Another reader pasted ${snippets[1]} and ${snippets[2]} into the same box, with no effect at all.`,
      `Someone also wrote ${snippets[3]} and ${snippets[4]} in a comment on the story.`,
      `The log named ${secret}, ${snippets[5]} and ${snippets[6]}, but nobody opened those files.`,
      `The markup ${snippets[7]} and the format string ${snippets[8]} were shown as they were written.`,
      '',
    ].join('\n');
    writeFileSync(path.join(folder, '$(touch PWNED-5).txt'), text);

    for (const args of [[], ['--json'], ['--explain', '--color', 'always'], ['--', '$(touch PWNED-5).txt']]) {
      const result = await runCli(args, { cwd: folder, input: text });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).not.toContain('TOP SECRET');
      if (args[0] === '--json') {
        const record = JSON.parse(result.stdout) as { text: string; removals: Array<{ text: string }> };
        expect(record.text).toBe(clean(text).text);
        // Every snippet is still there, either in the output or reported as removed text.
        for (const snippet of snippets) expect(record.text.includes(snippet) || record.removals.some((removal) => removal.text.includes(snippet))).toBe(true);
      } else {
        expect(result.stdout).toBe(clean(text).text);
      }
    }
    expect(readdirSync(folder).filter((name) => name.startsWith('PWNED'))).toEqual([]);
    expect(readdirSync(ROOT).filter((name) => name.startsWith('PWNED'))).toEqual([]);
  });

  it('the command and library sources hold no eval, shell or process spawning', () => {
    const sources: string[] = [];
    const visit = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (entry.name.endsWith('.ts')) sources.push(full);
      }
    };
    visit(path.join(ROOT, 'src'));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const source = readFileSync(file, 'utf8');
      // Running a program needs child_process; evaluating text needs eval, Function or vm.
      expect(source, file).not.toMatch(/child_process|\beval\s*\(|\bFunction\s*\(|['"](node:)?vm['"]/u);
    }
  });
});
