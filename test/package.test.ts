/**
 * What a registry and a user read: the package's fields, and what `npm pack` puts in the tarball
 * (the built code with its types, the README and the LICENSE; no tests, fixtures, examples or
 * sources). Reads `npm pack --dry-run --json`, the list npm itself would publish.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli/helpers.js';

interface PackageJson {
  readonly name: string;
  readonly license: string;
  readonly author: string;
  readonly keywords: readonly string[];
  readonly homepage: string;
  readonly bugs: { readonly url: string };
  readonly repository: { readonly type: string; readonly url: string };
  readonly bin: Record<string, string>;
  readonly main: string;
  readonly types: string;
  readonly exports: Record<string, { readonly types: string; readonly import: string }>;
  readonly engines: { readonly node: string };
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The paths `npm pack` would put in the tarball (scripts skipped: the global setup has built dist/). */
function packedFiles(): string[] {
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  const [packed] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
  return packed!.files.map((file) => file.path);
}

describe('the package', () => {
  it('has the fields users and registries read', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /u);
    expect(pkg.repository.type).toBe('git');
    const repository = /^git\+(https:\/\/[^ ]+)\.git$/u.exec(pkg.repository.url)?.[1];
    expect(repository).toBeDefined();
    expect(pkg.homepage.startsWith(repository!)).toBe(true);
    expect(pkg.bugs.url).toBe(`${repository}/issues`);
    expect(pkg.author).not.toBe('');
    expect(pkg.keywords.length).toBeGreaterThanOrEqual(5);
    expect(pkg.engines.node).toMatch(/^>=\d+/u);
  });

  it('packs the built code, its types, the README and the LICENSE, and nothing of the repository', () => {
    const files = packedFiles();
    const needed = ['LICENSE', 'README.md', 'package.json', ...Object.values(pkg.bin), pkg.main, pkg.types, ...Object.values(pkg.exports).flatMap((entry) => [entry.types, entry.import])]
      .map((file) => file.replace(/^\.\//u, ''));
    for (const file of needed) {
      expect(files, file).toContain(file);
      expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    }
    // The command's entry and its worker threads, which are loaded by path, not imported: bundled
    // (rolldown.config.mjs), and as tsc builds them.
    for (const folder of ['dist/command', 'dist/cli']) for (const file of ['main.js', 'document-worker.js', 'record-worker.js']) expect(files).toContain(`${folder}/${file}`);
    const strays = files.filter((file) => /^(test|fixtures|examples|src|scripts|\.ci|node_modules)\//u.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')));
    expect(strays).toEqual([]);
    for (const file of files) expect(file, file).toMatch(/^(dist\/|bin\/|LICENSE$|README\.md$|package\.json$)/u);
  });
});
