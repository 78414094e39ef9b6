/**
 * Vitest global setup: the CLI tests run the real command (`bin/clean-article.js`, which imports
 * the bundle in `dist/command/`, made from tsc's `dist/`). `npm test` builds first; for a bare
 * `npx vitest run` the build is redone here when any source file is newer than the bundle's entry,
 * so the tests never run a stale command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = path.join(root, 'dist/command/main.js');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds `dist/` and the bundle when they are missing or older than `src/` (or the bundle's settings). */
export default function setup(): void {
  const newest = Math.max(newestSource(path.join(root, 'src')), statSync(path.join(root, 'rolldown.config.mjs')).mtimeMs);
  const stale = !existsSync(entry) || newest > statSync(entry).mtimeMs;
  if (!stale) return;
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  // tsc still emits JavaScript when it finds type errors; those are `npm run typecheck`'s business,
  // so they are shown here but only a missing entry stops the run.
  if (result.status !== 0) console.warn(`global-setup: tsc reported problems:\n${result.stdout}${result.stderr}`);
  const bundler = path.join(root, 'node_modules/rolldown/bin/cli.mjs');
  const bundled = spawnSync(process.execPath, [bundler, '-c', 'rolldown.config.mjs', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  if (bundled.status !== 0) throw new Error(`global-setup: the bundle failed:\n${bundled.stdout}${bundled.stderr}`);
  if (!existsSync(entry)) throw new Error(`global-setup: build did not produce ${entry}`);
}
