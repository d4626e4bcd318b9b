import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __MEXC_WIZARD_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end tests spawn the built CLI; keep parallelism modest on 2-core machines.
    maxWorkers: 2,
    env: { FORCE_COLOR: '0' },
  },
});
