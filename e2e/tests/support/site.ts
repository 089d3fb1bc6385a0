// Driving the site as its users do: sign-up, the sim builder, claiming a node on the Nodes
// page; and step screenshots kept under artifacts/screenshots (and attached to the report).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { SCREENSHOTS } from './env.ts';

export const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let shots = 0;
/** A full-page screenshot of this step, kept as an artifact and attached to the test. */
export async function stepShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  shots += 1;
  const path = join(SCREENSHOTS, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Logs browser errors into the test output: a failing page usually says why there. */
export function watchConsole(page: Page, who: string): void {
  page.on('pageerror', (err) => console.error(`[${who} pageerror] ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      console.error(`[${who} console] ${msg.text()}`);
  });
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Signs up with email + password on /auth and lands on My jobs. */
export async function signUp(page: Page, siteUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${siteUrl}/auth?next=/jobs`);
  await page.getByRole('tab', { name: 'Sign up' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.waitForURL(`${siteUrl}/jobs`);
  await expect(page.getByRole('heading', { name: 'My jobs' })).toBeVisible();
}

export interface SimForm {
  iterations: number;
  visibility: 'private' | 'public';
  durationSeconds?: number;
  seed?: number;
}

/** Fills the sim builder (default spec and rotation), runs it and returns the new job's id. */
export async function submitSim(page: Page, siteUrl: string, form: SimForm): Promise<string> {
  await page.goto(`${siteUrl}/sim`);
  await expect(page.getByRole('heading', { name: 'Sim builder' })).toBeVisible();
  if (form.durationSeconds !== undefined)
    await page.getByLabel('Duration (s)').fill(String(form.durationSeconds));
  await page.getByLabel('Iterations', { exact: true }).fill(String(form.iterations));
  await page.getByLabel('Visibility').selectOption(form.visibility);
  if (form.seed !== undefined) await page.getByLabel('Seed (optional)').fill(String(form.seed));
  const run = page.getByRole('button', { name: 'Run sim' });
  await expect(run).toBeEnabled();
  await run.click();
  await page.waitForURL(new RegExp(`/jobs/${UUID_RE.source}$`), { timeout: 30_000 });
  return UUID_RE.exec(new URL(page.url()).pathname)![0];
}

/** Claims a node by its code on the Nodes page and lets it run public jobs. */
export async function claimNode(
  page: Page,
  siteUrl: string,
  node: { claimCode: string; name: string; maxParallel: number },
): Promise<void> {
  await page.goto(`${siteUrl}/nodes`);
  await page.getByLabel('Claim code').fill(node.claimCode);
  await page.getByLabel('Name', { exact: true }).first().fill(node.name);
  await page.getByLabel('Max parallel').first().fill(String(node.maxParallel));
  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Claimed “${node.name}”` })).toBeVisible();
  const card = page.getByTestId('node-card').filter({ hasText: node.name });
  await card.getByText('Settings and sharing').click();
  await card.getByLabel('Run public jobs').check();
  await card.getByRole('button', { name: 'Save sharing' }).click();
  await expect(card.getByText('Sharing saved.')).toBeVisible();
  await expect(card.getByTestId('sharing-summary')).toHaveText('public');
}

/** The signed-in user's id, read from the session the site keeps in localStorage. */
export async function userIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (!key.includes('auth-token')) continue;
      return (JSON.parse(localStorage.getItem(key)!) as { user: { id: string } }).user.id;
    }
    throw new Error('not signed in');
  });
}

/**
 * Records, in every page of the context, each text the job page's state line shows (on each DOM
 * change); `seenHeadlines` reads them back.
 */
export async function recordHeadlines(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __headlines: string[] }).__headlines = seen;
    new MutationObserver(() => {
      const h = document.querySelector('[data-testid="job-state-headline"]')?.textContent?.trim();
      if (h && seen.at(-1) !== h) seen.push(h);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

export function seenHeadlines(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __headlines: string[] }).__headlines);
}
