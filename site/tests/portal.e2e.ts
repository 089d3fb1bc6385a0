// The player journeys of issue 7, in order, on one user (plus a second user at the end):
// sign up → claim a headless node and share it → build a sim that the node runs → read the
// result → rotations (syntax error inline, save, versions, fork, delete) → profile → a second
// user cannot open the first user's private job.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signUp, startHeadlessNode, type HeadlessNode } from './harness';

const env = inject('e2e');
const site = env.siteUrl;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let node: HeadlessNode | undefined;
let jobUrl = '';
let rotationName = '';

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
});

afterAll(async () => {
  await node?.stop();
  await browser?.close();
});

describe('portal journeys', () => {
  it('signs up with email and password and keeps the session across a reload', async () => {
    await signUp(page, site, 'alice');
    await page.reload();
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    expect(await page.getByTestId('account-link').textContent()).toContain('Account');
  });

  it('claims a headless node by code and changes its sharing permissions', async () => {
    node = await startHeadlessNode(env.sentinelUrl, 'e2e-box');
    await page.goto(`${site}/nodes`);
    await page.getByLabel('Claim code').fill(node.claimCode);
    await page.getByLabel('Name', { exact: true }).first().fill('Alice box');
    await page.getByLabel('Max parallel').first().fill('1');
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('status').filter({ hasText: 'Claimed “Alice box”' }).waitFor();
    const card = page.getByTestId('node-card').filter({ hasText: 'Alice box' });
    await card.waitFor();
    expect(await card.getByTestId('sharing-summary').textContent()).toBe('only me');

    await card.getByText('Settings and sharing').click();
    await card.getByLabel('Run public jobs').check();
    await card.getByLabel('Discord server ids').fill('123456789012345678');
    await card.getByRole('button', { name: 'Save sharing' }).click();
    await card.getByText('Sharing saved.').waitFor();
    await page.reload();
    const after = page.getByTestId('node-card').filter({ hasText: 'Alice box' });
    await expect
      .poll(() => after.getByTestId('sharing-summary').textContent())
      .toBe('public, 1 Discord server');

    // an invalid Discord id is rejected inline before anything is sent
    await after.getByText('Settings and sharing').click();
    await after.getByLabel('Discord server ids').fill('12ab');
    await after.getByRole('button', { name: 'Save sharing' }).click();
    await after.getByText('"12ab" is not a Discord server id').waitFor();
    await screenshot(page, 'nodes');
  });

  it('builds and submits a sim, watches it complete and reads mean DPS and the histogram', async () => {
    await page.goto(`${site}/sim`);
    const iterations = page.getByLabel('Iterations', { exact: true });
    await iterations.fill('5');
    await page.getByText('Iterations must be a whole number from 1,000 to 1,000,000.').waitFor();
    await page.getByRole('textbox', { name: 'Action priority list' }).fill('actions=this is not ( valid');
    await page.getByTestId('rotation-error').waitFor();
    expect(await page.getByRole('button', { name: 'Run sim' }).isDisabled()).toBe(true);
    await screenshot(page, 'sim-builder-invalid');

    await page.getByLabel('Rotation source').selectOption('default');
    await iterations.fill('2000');
    await page.getByLabel('Seed (optional)').fill('12345');
    await expect.poll(() => page.getByTestId('rotation-error').count()).toBe(0);
    await screenshot(page, 'sim-builder');
    await page.getByRole('button', { name: 'Run sim' }).click();
    await page.waitForURL(new RegExp(`/jobs/${UUID}$`));
    jobUrl = page.url();

    const mean = page.getByTestId('mean-dps');
    try {
      await mean.waitFor({ timeout: 150_000 });
    } catch (err) {
      const status = await page.locator('h1 [data-status]').getAttribute('data-status');
      const progress = await page
        .getByTestId('progress')
        .textContent()
        .catch(() => '');
      const nodeLog = node?.log().split('\n').slice(-30).join('\n') ?? '';
      throw new Error(`job did not complete: status=${status} ${progress}\nnode log:\n${nodeLog}`, {
        cause: err,
      });
    }
    const dps = Number((await mean.textContent())!.replace(/,/g, ''));
    expect(dps).toBeGreaterThan(0);
    const bars = await page.getByTestId('histogram').locator('rect.bar').count();
    expect(bars).toBe(50);
    const heights = await page
      .getByTestId('histogram')
      .locator('rect.bar')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    expect(heights.some((h) => h > 0)).toBe(true);
    expect(await page.getByTestId('abilities').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'job-finished');

    // "sim again" prefills the builder with the job's config
    await page.getByRole('button', { name: 'Sim again' }).click();
    await page.waitForURL(/\/sim\?from=/);
    expect(await page.getByLabel('Seed (optional)').inputValue()).toBe('');
    expect(await page.getByLabel('Iterations', { exact: true }).inputValue()).toBe('2000');
  });

  it('shares a public sim: a signed-out visitor opens its URL, and it appears in the rankings', async () => {
    await page.goto(`${site}/sim`);
    await page.getByLabel('Preset').selectOption('1000');
    await page.getByLabel('Visibility').selectOption('public');
    await page.getByRole('button', { name: 'Run sim' }).click();
    await page.waitForURL(new RegExp(`/jobs/${UUID}$`));
    const url = page.url();
    await page.getByTestId('mean-dps').waitFor({ timeout: 150_000 });
    expect(await page.getByTestId('share-url').inputValue()).toBe(url);
    const mine = await page.getByTestId('mean-dps').textContent();

    const visitor = await newPage(browser);
    try {
      await visitor.page.goto(url);
      await visitor.page.getByTestId('mean-dps').waitFor();
      expect(await visitor.page.getByTestId('mean-dps').textContent()).toBe(mine);
      expect(await visitor.page.getByTestId('histogram').locator('rect.bar').count()).toBe(50);
    } finally {
      await visitor.context.close();
    }

    // the sentinel refreshes the views hourly; refresh them now as it would
    const res = await fetch(`${env.supabaseUrl}/rest/v1/rpc/refresh_stats_views`, {
      method: 'POST',
      headers: {
        apikey: env.serviceKey,
        authorization: `Bearer ${env.serviceKey}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBeLessThan(300);
    await page.goto(`${site}/rankings`);
    const row = page.getByTestId('spec-rankings').locator('tbody tr').filter({ hasText: 'bm-hunter' });
    await row.waitFor();
    expect(await row.textContent()).toContain(mine!);
    await page
      .getByRole('link', { name: url.slice(url.lastIndexOf('/') + 1, url.lastIndexOf('/') + 9) })
      .waitFor();
  });

  it('creates a rotation with a syntax error shown inline, saves, versions, forks and deletes', async () => {
    rotationName = `E2E Rotation ${Date.now().toString(36)}`;
    await page.goto(`${site}/rotations/new`);
    await page.getByLabel('Name', { exact: true }).fill(rotationName);
    await page.getByLabel('Public').check();
    const script = page.getByLabel(/^Script/);
    const original = await script.inputValue();
    await script.fill(`${original}\nactions+=/kill_command,if=(`);
    const err = page.getByTestId('parse-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/Line \d+, column \d+/);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await screenshot(page, 'rotation-editor-error');

    await script.fill(original);
    await page.getByTestId('parse-ok').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/rotations/${UUID}/edit$`));
    const editUrl = page.url();
    expect(await page.getByTestId('versions').locator('li').count()).toBe(1);

    await page.getByLabel(/^Script/).fill(`${original}\n# tweak`);
    await page.getByTestId('parse-ok').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('saved').waitFor();
    await expect.poll(() => page.getByTestId('versions').locator('li').count()).toBe(2);
    expect(await page.getByTestId('current-version').textContent()).toBe('2');
    await screenshot(page, 'rotation-editor');

    await page.getByRole('button', { name: 'Fork' }).click();
    await page.waitForURL((u) => u.href !== editUrl && /\/rotations\/[0-9a-f-]{36}\/edit$/.test(u.href));
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(`${rotationName} (fork)`);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('confirm').click();
    await page.waitForURL(`${site}/rotations`);
    const list = page.getByTestId('rotation-list');
    await list.getByText(rotationName, { exact: true }).waitFor();
    expect(await list.getByText(`${rotationName} (fork)`).count()).toBe(0);
  });

  it('shows public rotations on the profile page after editing the handle', async () => {
    const handle = `alice-${Date.now().toString(36)}`;
    await page.goto(`${site}/account`);
    await page.getByLabel('Handle').fill(handle);
    await page.getByRole('button', { name: 'Save handle' }).click();
    await page.getByText('Saved.').waitFor();
    await page.goto(`${site}/u/${handle}`);
    expect(await page.getByTestId('profile-handle').textContent()).toBe(`@${handle}`);
    await page.getByTestId('profile-rotations').getByText(rotationName).waitFor();
  });

  it('filters job history and rotations, and offers saved rotations in the sim builder', async () => {
    await page.goto(`${site}/jobs?status=completed`);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Status').selectOption('failed');
    await page.waitForURL(`${site}/jobs?status=failed`);
    await page.getByText('No jobs yet.').waitFor();

    await page.goto(`${site}/rotations`);
    await page.getByLabel('Name contains').fill(rotationName.slice(-6));
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(`${site}/rotations?name=${encodeURIComponent(rotationName.slice(-6))}`);
    const list = page.getByTestId('rotation-list');
    await expect.poll(() => list.locator('li').count()).toBe(1);
    await page.getByLabel('Name contains').fill('no rotation is called this');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No rotations match.').waitFor();

    await page.goto(`${site}/sim`);
    const source = page.getByLabel('Rotation source');
    await source.locator('option', { hasText: rotationName }).waitFor({ state: 'attached' });
    await source.selectOption({ label: rotationName });
    expect(await page.getByRole('textbox', { name: 'Action priority list' }).inputValue()).toContain(
      '# tweak',
    );
  });

  it("does not let a second user open the first user's private job (not found)", async () => {
    expect(jobUrl).not.toBe('');
    const other = await newPage(browser);
    try {
      await signUp(other.page, site, 'bob');
      await other.page.goto(jobUrl);
      await other.page.getByTestId('error-title').waitFor();
      expect(await other.page.getByTestId('error-title').textContent()).toBe('Not found');
    } finally {
      await other.context.close();
    }
  });

  it('shows a network failure as a network error, not as being signed out', async () => {
    await context.route(`${env.supabaseUrl}/**`, (route) => route.abort('connectionrefused'));
    try {
      await page.goto(`${site}/jobs`);
      await page.getByTestId('error-title').waitFor();
      expect(await page.getByTestId('error-title').textContent()).toBe('Network error');
      expect(page.url()).toBe(`${site}/jobs`);
    } finally {
      await context.unroute(`${env.supabaseUrl}/**`);
    }
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      const paths = [
        '/',
        '/sim',
        new URL(jobUrl).pathname,
        '/jobs',
        '/nodes',
        '/rotations',
        '/rankings',
        '/account',
      ];
      for (const path of paths) {
        await page.goto(`${site}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(360);
      }
      await page.goto(jobUrl);
      await page.getByTestId('mean-dps').waitFor();
      await screenshot(page, 'job-finished-360');
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Rotations' }).click();
      await page.waitForURL(`${site}/rotations`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('keeps the header on one line at 1366 px with the longest handle, sign-out included', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const rowsOf = () =>
      page.evaluate(() => {
        const header = document.querySelector('header')!;
        const items = [...header.querySelectorAll('a, button')].filter(
          (e) => (e as HTMLElement).offsetParent,
        );
        const tops = items.map((e) => e.getBoundingClientRect().top);
        // one row: every link and button within a line's height of the others
        return {
          height: header.getBoundingClientRect().height,
          spread: Math.max(...tops) - Math.min(...tops),
        };
      });
    try {
      await page.goto(`${site}/`);
      await page.getByTestId('account-link').waitFor();
      const before = await rowsOf();
      const longest = `w${Date.now().toString(36)}`.padEnd(32, 'x');
      await page.goto(`${site}/account`);
      await page.getByLabel('Handle').fill(longest);
      await page.getByRole('button', { name: 'Save handle' }).click();
      await page.getByText('Saved.').waitFor();
      await page.goto(`${site}/`);
      await page.getByTestId('account-link').waitFor();
      const after = await rowsOf();
      expect(after.spread).toBeLessThan(20);
      expect(after.height).toBe(before.height);
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).waitFor();
      await screenshot(page, 'header-1366-long-handle');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('edits a node name and max parallel, then deletes the node after confirmation', async () => {
    await page.goto(`${site}/nodes`);
    const card = page.getByTestId('node-card').filter({ hasText: 'Alice box' });
    await card.getByText('Settings and sharing').click();
    await card.getByLabel('Max parallel').fill('99');
    await card.getByRole('button', { name: 'Save settings' }).click();
    await card.getByText('Max parallel must be a whole number from 1 to').waitFor();
    await card.getByLabel('Name').fill('Alice rig');
    await card.getByLabel('Max parallel').fill('2');
    await card.getByRole('button', { name: 'Save settings' }).click();
    // the heading takes the new name once the list reloads; the notice stays
    await page
      .getByTestId('node-card')
      .filter({ hasText: 'Alice rig' })
      .getByText('Settings saved.')
      .waitFor();
    await page.reload();
    const renamed = page.getByTestId('node-card').filter({ hasText: 'Alice rig' });
    await renamed.waitFor();
    expect(await renamed.locator('dd').nth(1).textContent()).toBe('2');

    await renamed.getByText('Settings and sharing').click();
    await renamed.getByRole('button', { name: 'Delete node' }).click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    // gone (the player's own tab node, which ran their sims while they watched, stays)
    await page.getByTestId('node-card').filter({ hasText: 'Alice rig' }).waitFor({ state: 'detached' });
  });
});
