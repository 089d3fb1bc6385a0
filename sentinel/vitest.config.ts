import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real processes, sockets and Postgres on a shared 2-core machine: on CI a test that fails
    // is run once more (a real failure fails twice); locally never.
    retry: process.env.CI ? 1 : 0,
    // Two files at once even on 2 cores (vitest's default is cores − 1): the tests mostly wait on
    // Postgres, sockets and child processes, each file in its own database; 470 s → 305 s here.
    maxWorkers: 2,
    globalSetup: ['@wowlab/db/test-setup'],
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
