import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real processes, sockets and Postgres on a shared 2-core machine: on CI a test that fails
    // is run once more (a real failure fails twice); locally never.
    retry: process.env.CI ? 1 : 0,
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
