import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@wowlab/db/test-setup'], // one embedded cluster per run; one database per test file
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
