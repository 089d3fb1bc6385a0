import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The machine has 2 cores: worker-thread and child-process tests must not pile up.
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/integration/**'],
        },
      },
      {
        // Real sentinel + embedded Postgres (one cluster per run, one database per file).
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['@wowlab/db/test-setup'],
          testTimeout: 180_000,
        },
      },
    ],
  },
});
