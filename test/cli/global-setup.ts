/**
 * Vitest global setup: the CLI tests run the real command (`bin/clean-article.js`, which imports
 * `dist/`). `npm test` builds first; for a bare `npx vitest run` the build is redone here when any
 * source file is newer than the built entry, so the tests never run a stale command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = path.join(root, 'dist/cli/main.js');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds `dist/` when it is missing or older than `src/`. */
export default function setup(): void {
  const stale = !existsSync(entry) || newestSource(path.join(root, 'src')) > statSync(entry).mtimeMs;
  if (!stale) return;
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  // tsc still emits JavaScript when it finds type errors; those are `npm run typecheck`'s business,
  // so they are shown here but only a missing entry stops the run.
  if (result.status !== 0) console.warn(`global-setup: tsc reported problems:\n${result.stdout}${result.stderr}`);
  if (!existsSync(entry)) throw new Error(`global-setup: build did not produce ${entry}`);
}
