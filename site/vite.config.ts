import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { pwaPlugin } from './pwa.config.ts';
import svelteConfig from './svelte.config.js';

export default defineConfig({
  plugins: [sveltekit(), pwaPlugin(svelteConfig.kit?.outDir)],
  build: { target: 'es2022' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // the API integration tests run against a real local stack on a shared 2-core CI machine
    testTimeout: 30_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
  },
});
