// Browser tests of the in-tab node and the PWA (issue 8): Chromium (playwright-core) against
// the local Supabase stand-in + embedded Postgres, an in-process sentinel with short
// intervals and the built site — no headless node, so every chunk runs in a browser tab.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/contribute/**/*.test.ts'],
    globalSetup: ['tests/contribute/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    retry: process.env.CI ? 1 : 0,
    allowOnly: !process.env.CI,
  },
});
