// Helpers shared by the browser journeys: Chromium, sign-up, screenshots, headless nodes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
export const screenshotDir = join(siteDir, 'test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(
  browser: Browser,
  opts: { mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: opts.mobile ? { width: 360, height: 740 } : { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[pageerror] ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      console.error(`[console] ${msg.text()}`);
  });
  return { context, page };
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Signs up through the UI and waits for the landing page after sign-in. */
export async function signUp(
  page: Page,
  siteUrl: string,
  prefix = 'user',
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(prefix);
  const password = 'correct horse battery';
  await page.goto(`${siteUrl}/auth?next=/jobs`);
  await page.getByRole('tab', { name: 'Sign up' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.waitForURL(`${siteUrl}/jobs`);
  await page.getByRole('heading', { name: 'My jobs' }).waitFor();
  return { email, password };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface HeadlessNode {
  claimCode: string;
  nodeId: string;
  process: ChildProcess;
  /** Everything the node printed so far (for diagnostics). */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `wowlab-node run` (from source, through tsx) and waits for its claim code. */
export async function startHeadlessNode(sentinelUrl: string, name: string): Promise<HeadlessNode> {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('wowlab-node')), 'cli/main.ts');
  const configDir = await mkdtemp(join(tmpdir(), 'wowlab-node-e2e-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      'run',
      '--sentinel',
      sentinelUrl,
      '--cores',
      '1',
      '--config-dir',
      configDir,
      '--name',
      name,
      '--grace',
      '0',
      '--json',
    ],
    { cwd: siteDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let log = '';
  let nodeId = '';
  let claimCode = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no claim code from the node within 60 s:\n${log}`)),
      60_000,
    );
    const onData = (buf: Buffer) => {
      const text = buf.toString();
      log = (log + text).slice(-50_000);
      if (claimCode) return;
      for (const line of text.split('\n')) {
        try {
          const msg = JSON.parse(line) as { nodeId?: string; claimCode?: string };
          if (msg.nodeId) nodeId = msg.nodeId;
          if (msg.claimCode) {
            claimCode = msg.claimCode;
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // not a JSON line
        }
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!claimCode) reject(new Error(`node exited with ${code}:\n${log}`));
    });
  });
  await ready;
  return {
    claimCode,
    nodeId,
    process: child,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      await rm(configDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
