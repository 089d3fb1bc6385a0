// "A new version is available — reload": after a deploy the new service worker waits; the
// prompt appears; a contributing tab first lets its running chunks finish, then the new worker
// takes over and the page reloads (and contributes again).
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  cancelJob,
  createJob,
  env,
  getChunks,
  getJob,
  launchBrowser,
  freshContext,
  nodeId,
  number,
  openContribute,
  serviceGet,
  signUpUser,
  waitFor,
  waitForJob,
  waitForPhase,
} from './helpers';

let browser: Browser;
let context: BrowserContext | null = null;
let page: Page;
let version = 1;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await fetch(`${env.siteUrl}/__test__/sw-version/1`, { method: 'POST' });
  await browser?.close();
});

describe('service worker update', () => {
  it('prompts, finishes the running chunks, then reloads into the new version', async () => {
    context = await freshContext(browser, context); // a retry must find an update it has not installed
    page = await context.newPage();
    await openContribute(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.locator('main').getByRole('button', { name: 'Start contributing' }).click();
    await waitForPhase(page, 'contributing');
    const node = await nodeId(page);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);

    // "Deploy" a new version and let the browser find it.
    version += 1;
    const res = await fetch(`${env.siteUrl}/__test__/sw-version/${version}`, { method: 'POST' });
    expect(res.status).toBe(204);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg!.update();
    });
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('A new version is available');

    const other = await signUpUser('update');
    const jobId = await createJob(other, { iterations: 30_000, access: 'public', seed: 2024 });
    // a failed attempt must not leave its job to the retry's tab
    onTestFailed(() => cancelJob(other, jobId));
    // Chunks of the job running in this tab. Once one chunk is done the job's config is
    // cached, so a chunk the tab has had for a moment is executing unless every worker is busy
    // (then it is queued). Short chunks leave moments where the tab holds none, and a chunk
    // just assigned may still be on its way: poll for chunks held across two reads.
    const runningHere = async () =>
      (await getChunks(jobId)).filter((c) => c.status === 'running' && c.node_id === node);
    const held = await waitFor(
      'chunks of the job running in the tab',
      async () => {
        if ((await number(page, 'chunks-done')) < 1) return null;
        const first = new Set((await runningHere()).map((c) => c.id));
        await new Promise((r) => setTimeout(r, 150));
        const still = (await runningHere()).filter((c) => first.has(c.id));
        return still.length > 0 ? still : null;
      },
      60_000,
      50,
    );

    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => !('beforeUpdate' in window), undefined, { timeout: 60_000 });
    await page.getByRole('heading', { name: 'This browser' }).waitFor();
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: reg?.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(sw).toEqual({ waiting: false, controlled: true });

    // Chunks that were executing finished before the reload (never handed back); only
    // prefetched ones that had not started may have been handed back.
    const after = await serviceGet<Array<{ id: string; status: string; attempts: number; node_id: string }>>(
      `jobs_chunks?id=in.(${held.map((c) => c.id).join(',')})&select=id,status,attempts,node_id`,
    );
    const finished = after.filter((c) => c.attempts === 0 && c.status === 'completed' && c.node_id === node);
    const handedBack = after.filter((c) => c.attempts > 0);
    const job = await getJob(jobId);
    expect(finished.length, JSON.stringify({ cores, job, after })).toBeGreaterThanOrEqual(1);
    expect(handedBack.length).toBeLessThanOrEqual(Math.max(0, held.length - cores));

    // After the reload the tab contributes again, as the same node, and the job completes.
    await waitForPhase(page, 'contributing');
    expect(await nodeId(page)).toBe(node);
    await waitForJob(jobId);
  });
});
