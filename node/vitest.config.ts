import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The machine has 2 cores: worker-thread and child-process tests must not pile up.
    fileParallelism: false,
  },
});
