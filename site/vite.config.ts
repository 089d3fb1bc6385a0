import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { pwaPlugin } from './pwa.config.ts';

export default defineConfig({
  plugins: [sveltekit(), pwaPlugin()],
  build: { target: 'es2022' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
