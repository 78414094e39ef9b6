import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/** `npm run test:stress`: only the stress cases (`test/**\/*.stress.test.ts`). */
export default mergeConfig(base, defineConfig({
  test: {
    include: ['test/**/*.stress.test.ts'],
    exclude: [],
  },
}));
