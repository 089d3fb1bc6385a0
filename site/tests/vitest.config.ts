// Browser journeys (Chromium through playwright-core) against the whole local stack:
// Supabase stand-in + embedded Postgres, the sentinel, the built site, headless nodes.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    retry: process.env.CI ? 1 : 0,
    allowOnly: !process.env.CI,
  },
});
