import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Many tests run whole-spec sims: a few seconds on a quiet machine, several times that when the
    // machine is shared. The timeout guards against hangs, not against slowness.
    testTimeout: 30_000,
  },
});
