import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.js';

/**
 * `npm run test:stress`: only the stress cases (`test/**\/*.stress.test.ts`), one file at a time.
 * Some compare the CPU seconds of two runs (ten million lines against 2.5 million): another file
 * running beside them on two cores shares the caches and the memory bus with one side more than
 * the other, and moved that ratio from 4.6 to 6.6.
 */
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.stress.test.ts'],
    fileParallelism: false,
  },
});
