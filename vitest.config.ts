import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The CLI tests run the built command; this rebuilds dist/ when src/ is newer.
    globalSetup: ['test/cli/global-setup.ts'],
  },
});
