import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real processes, sockets and Postgres on a shared 2-core machine: on CI a test that fails
    // is run once more (a real failure fails twice); locally never.
    retry: process.env.CI ? 1 : 0,
    globalSetup: ['@wowlab/db/test-setup'], // one embedded cluster per run; one database per test file
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
