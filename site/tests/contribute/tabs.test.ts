// One tab per browser contributes: a second tab of the same browser shows the first one's
// status without starting a pool; closing the contributing tab lets the other take over as
// the same node (same IndexedDB key), and work keeps completing there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createJob,
  getChunks,
  launchBrowser,
  freshContext,
  nodeId,
  number,
  openContribute,
  screenshot,
  signUpUser,
  waitFor,
  waitForJob,
  waitForPhase,
} from './helpers';

let browser: Browser;
let context: BrowserContext | null = null;
let first: Page;
let second: Page;
let node = '';
let cores = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('two tabs of one browser', () => {
  it('runs one pool: the second tab follows the first', async () => {
    context = await freshContext(browser, context); // a retry must not find the first attempt's tabs
    first = await context.newPage();
    await openContribute(first);
    await first.locator('main').getByRole('button', { name: 'Start contributing' }).click();
    await waitForPhase(first, 'contributing');
    node = await nodeId(first);
    cores = await first.evaluate(() => navigator.hardwareConcurrency);
    await waitFor('first pool', async () => first.workers().length === cores, 10_000, 100);

    second = await context.newPage();
    await openContribute(second);
    await second.getByTestId('contribute-follower').waitFor();
    await waitForPhase(second, 'contributing'); // the status comes from the first tab
    expect(await nodeId(second)).toBe(node);
    await new Promise((r) => setTimeout(r, 1000));
    expect(second.workers()).toHaveLength(0);
    expect(await number(second, 'local-workers')).toBe(0);
    expect(first.workers()).toHaveLength(cores);
    await screenshot(second, 'contribute-follower-tab');
  });

  it('a pause in the second tab pauses the first tab’s pool', async () => {
    await second.locator('main').getByRole('button', { name: 'Pause' }).click();
    await waitForPhase(first, 'paused');
    await waitFor('pool stopped', async () => first.workers().length === 0, 10_000, 100);
    await waitForPhase(second, 'paused');
    await second.locator('main').getByRole('button', { name: 'Resume' }).click();
    await waitForPhase(first, 'contributing');
    await waitFor('pool back', async () => first.workers().length === cores, 10_000, 100);
    expect(second.workers()).toHaveLength(0);
  });

  it('closing the contributing tab lets the other one take over as the same node', async () => {
    await first.close();
    await waitFor('second tab leads', async () => second.workers().length === cores, 30_000, 100);
    await waitForPhase(second, 'contributing');
    expect(await nodeId(second)).toBe(node);
    expect(await number(second, 'local-workers')).toBe(cores);
    await expect.poll(() => second.getByTestId('contribute-follower').count(), { timeout: 5_000 }).toBe(0);

    const other = await signUpUser('after-takeover');
    const jobId = await createJob(other, { iterations: 1500, access: 'public', seed: 7 });
    await waitForJob(jobId);
    const chunks = await getChunks(jobId);
    expect(chunks.every((c) => c.node_id === node)).toBe(true);
  });

  it('the worker slider resizes the pool and the setting survives a reload', async () => {
    expect(cores, 'the slider test needs a machine with 2+ cores').toBeGreaterThanOrEqual(2);
    await second.getByRole('slider', { name: 'Workers' }).fill('1');
    await waitFor('one worker', async () => second.workers().length === 1, 15_000, 100);
    expect(await number(second, 'local-workers')).toBe(1);
    await second.reload();
    await waitForPhase(second, 'contributing');
    await waitFor('one worker after reload', async () => second.workers().length === 1, 15_000, 100);
    expect(await second.getByTestId('worker-setting').textContent()).toBe('1');
    await second.getByRole('slider', { name: 'Workers' }).fill(String(cores));
    await waitFor('all workers', async () => second.workers().length === cores, 15_000, 100);
  });
});
