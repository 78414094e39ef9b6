import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Slow tests against real components (`*.stress.test.ts`) run in `npm run test:stress` only.
    include: process.env['CLEAN_ARTICLE_STRESS'] === '1' ? ['test/**/*.stress.test.ts'] : ['test/**/*.test.ts'],
    exclude: process.env['CLEAN_ARTICLE_STRESS'] === '1' ? [] : ['test/**/*.stress.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // The CLI tests run the built command; this rebuilds dist/ when src/ is newer.
    globalSetup: ['test/cli/global-setup.ts'],
  },
});
