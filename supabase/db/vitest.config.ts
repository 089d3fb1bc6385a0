import { defineConfig } from 'vitest/config';
import { testSetup } from './src/index.ts';

export default defineConfig({
  test: {
    globalSetup: [testSetup],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
