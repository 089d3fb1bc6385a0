// Trust and credit (issue 11) in the portal: a quarantined node and a trusted one on the nodes
// page, the profile's contributed compute, and the contributors leaderboard (linked from the
// rankings and the header, keyboard reachable, 360 px wide). The sentinel writes the trust and
// credit columns; here the service role seeds them, as the other journeys seed data.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signUp } from './harness';

const env = inject('e2e');
const site = env.siteUrl;
// above anything the other journeys can earn, so this user ranks first
const USER_CREDIT = 7_000_000_000_000;

let browser: Browser;
let page: Page;
let handle = '';

async function service(path: string, init: { method: string; body?: unknown }): Promise<unknown> {
  const res = await fetch(`${env.supabaseUrl}/rest/v1/${path}`, {
    method: init.method,
    headers: {
      apikey: env.serviceKey,
      authorization: `Bearer ${env.serviceKey}`,
      'content-type': 'application/json',
      prefer: 'return=representation',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await signUp(page, site, 'trust');
  handle = `trusty-${Date.now().toString(36)}`;
  await page.goto(`${site}/account`);
  await page.getByLabel('Handle').fill(handle);
  await page.getByRole('button', { name: 'Save handle' }).click();
  await page.getByText('Saved.').waitFor();

  const [profile] = (await service(`user_profiles?handle=eq.${handle}&select=id`, {
    method: 'GET',
  })) as Array<{
    id: string;
  }>;
  expect(profile).toBeDefined();
  const node = (name: string, extra: Record<string, unknown>) => ({
    kind: 'headless',
    public_key: randomBytes(32).toString('base64url'),
    total_cores: 4,
    max_parallel: 2,
    user_id: profile!.id,
    name,
    ...extra,
  });
  await service('nodes', {
    method: 'POST',
    body: [
      node('Cheat box', {
        trust_streak: 0,
        mismatches: 3,
        quarantined_at: new Date().toISOString(),
        credited_iterations: 4_000,
      }),
      node('Honest box', { trust_streak: 12, mismatches: 0, credited_iterations: 120_000 }),
    ],
  });
  await service(`user_profiles?id=eq.${profile!.id}`, {
    method: 'PATCH',
    body: { credited_iterations: USER_CREDIT },
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('trust and credit', () => {
  it('marks a quarantined node and shows trust streak, mismatches and credit on the nodes page', async () => {
    await page.goto(`${site}/nodes`);
    const cheat = page.getByTestId('node-card').filter({ hasText: 'Cheat box' });
    await cheat.waitFor();
    expect(await cheat.getByTestId('trust-badge').textContent()).toBe('quarantined');
    const note = (await cheat.getByTestId('trust-note').textContent())!.trim();
    expect(note).toContain("disagreed with other nodes' results repeatedly");
    expect(note).toContain('no more work');
    expect(await cheat.getByTestId('mismatches').textContent()).toBe('3');
    expect(await cheat.getByTestId('trust-streak').textContent()).toBe('0');
    expect(await cheat.getByTestId('node-credit').textContent()).toBe('4,000');

    const honest = page.getByTestId('node-card').filter({ hasText: 'Honest box' });
    expect(await honest.getByTestId('trust-badge').textContent()).toBe('trusted');
    expect(await honest.getByTestId('trust-streak').textContent()).toBe('12');
    expect(await honest.getByTestId('mismatches').textContent()).toBe('0');
    expect(await honest.getByTestId('node-credit').textContent()).toBe('120,000');
    expect(await honest.getByTestId('trust-note').textContent()).not.toContain('Quarantined');
    await screenshot(page, 'nodes-trust');
  });

  it('lists the contributors from the rankings, and a keyboard user opens a profile with its credit', async () => {
    await page.goto(`${site}/rankings`);
    await page.getByTestId('contributors-link').click();
    await page.waitForURL(`${site}/contributors`);
    const rows = page.getByTestId('contributors').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeLessThanOrEqual(50);
    const first = await rows.first().locator('td').allTextContents();
    expect(first).toEqual(['1', `@${handle}`, '7,000,000,000,000']);
    await screenshot(page, 'contributors');

    const link = page.getByTestId('contributors').getByRole('link', { name: `@${handle}` });
    await link.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`@${handle}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}/u/${handle}`);
    expect(await page.getByTestId('profile-credit').textContent()).toBe('7,000,000,000,000');
  });

  it('fits 360 px and reaches the leaderboard from the header menu', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      for (const path of ['/nodes', '/contributors', `/u/${handle}`]) {
        await page.goto(`${site}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(360);
      }
      await page.goto(`${site}/nodes`);
      await page.getByTestId('node-card').first().waitFor();
      await screenshot(page, 'nodes-trust-360');
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Contributors' }).click();
      await page.waitForURL(`${site}/contributors`);
      await page.getByTestId('contributors').waitFor();
      await screenshot(page, 'contributors-360');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
