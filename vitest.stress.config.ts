import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.js';

/** `npm run test:stress`: only the stress cases (`test/**\/*.stress.test.ts`). */
export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.stress.test.ts'],
  },
});
