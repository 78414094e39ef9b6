/**
 * `buildFromSources(root)`: runs `npm run build` before a script reads `dist/`, so that what it
 * measures is the code as it stands. A script that built only when `dist/` was missing measured
 * whatever build an earlier experiment had left there: a speed bench of this project once timed a
 * stale build whose output differed from the sources' (a 1M-sentence document read four times
 * instead of twice). A build takes about 10 s; the benches take minutes.
 */
import { spawnSync } from 'node:child_process';

/** Builds `dist/` of the project at `root`; when the build fails, prints what it said on stderr and exits. */
export function buildFromSources(root) {
  process.stderr.write('building dist/ from the sources (npm run build)\n');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}npm run build failed (${build.status ?? build.signal})\n`);
    process.exit(1);
  }
}
