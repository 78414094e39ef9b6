import { defineConfig } from 'vitest/config';

/** `npm run test:stress` (STRESS=1) runs only the slow cases, in `*.stress.test.ts`; `npm test` all the others. */
const stress = process.env['STRESS'] === '1';

export default defineConfig({
  test: {
    include: stress ? ['test/**/*.stress.test.ts'] : ['test/**/*.test.ts'],
    exclude: stress ? [] : ['test/**/*.stress.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The CLI tests run the built command; this rebuilds dist/ when src/ is newer.
    globalSetup: ['test/cli/global-setup.ts'],
  },
});
