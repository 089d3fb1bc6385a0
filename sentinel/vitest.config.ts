import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@wowlab/db/test-setup'],
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
