// The end-to-end suite of the whole platform: Chromium from Debian's package (never a
// downloaded one), one worker (2-core machines), the platform started once by the global setup.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is missing: ${CHROMIUM} does not exist.\n` +
      'The end-to-end tests use the system Chromium. Install it with:\n\n' +
      '    sudo apt-get install -y chromium\n\n' +
      '(or point CHROMIUM_PATH at a Chromium binary).',
  );
}

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  outputDir: 'artifacts/test-results',
  globalSetup: './tests/global-setup.ts',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  fullyParallel: false,
  // The journey waits on real compute (50,000 iterations) on a shared 2-core machine.
  timeout: 300_000,
  globalTimeout: 12 * 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { outputFolder: 'artifacts/report', open: 'never' }]],
  use: {
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
