#!/usr/bin/env node
// Quality benchmark: scores the built command on the shared corpora with the shared scorer, the
// way the project is judged. Skips (exit 0) when ../shared is not there.
//
//   npm run bench:quality               the three corpora, batch mode
//   npm run bench:quality -- --failures 40
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromSources } from './fresh-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const scorer = path.join(shared, 'bench', 'score.mjs');
if (!existsSync(scorer)) {
  console.log(`bench:quality skipped: ${scorer} not found`);
  process.exit(0);
}

buildFromSources(root);
const command = `node ${JSON.stringify(path.join(root, 'bin', 'clean-article.js'))}`;
const runs = [
  { corpus: 'articles', cmd: command },
  { corpus: 'pages', cmd: `${command} --body-only` },
  { corpus: 'web', cmd: `${command} --body-only` },
];
let failed = false;
for (const { corpus, cmd } of runs) {
  const dir = path.join(shared, 'corpus', corpus);
  if (!existsSync(dir)) continue;
  const result = spawnSync(process.execPath, [scorer, '--corpus', dir, '--batch', '--cmd', cmd, ...process.argv.slice(2)], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
