import { configDefaults, defineConfig } from 'vitest/config';

/** What both suites share. */
export const shared = {
  // A guard against a hang, not a timing: on a shared, busy machine a test may take minutes.
  testTimeout: 180_000,
  pool: 'forks',
  // The CLI tests run the built command; this rebuilds dist/ when src/ is newer.
  globalSetup: 'test/cli/global-setup.ts',
} as const;

/**
 * `npm test`: every test but the stress cases, which live in files named `*.stress.test.ts` and
 * run with `npm run test:stress` (`vitest.stress.config.ts`): 200 MB lines, millions of lines,
 * killed batches. `.ci/run` runs both.
 */
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    // Two files at a time on this two-core machine (vitest's default is one fewer than the cores):
    // most of these tests wait on the command they spawn, so two overlap well.
    maxWorkers: 2,
    // The files share their two worker processes instead of each starting one of its own (a
    // fresh process per file cost a third of a CPU second each, fifty times). No test file mocks
    // modules or changes the process's state (environment, working folder) for the next.
    isolate: false,
    exclude: [...configDefaults.exclude, 'test/**/*.stress.test.ts'],
  },
});
