import { defineConfig } from 'vitest/config';
import { testSetup } from './src/index.ts';

export default defineConfig({
  test: {
    // Real processes, sockets and Postgres on a shared 2-core machine: on CI a test that fails
    // is run once more (a real failure fails twice); locally never.
    retry: process.env.CI ? 1 : 0,
    globalSetup: [testSetup],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
