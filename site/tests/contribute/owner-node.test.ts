// A signed-in player who contributes gets the tab node claimed at once (claim_node) and it
// runs their own private sims — and public work too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createJob,
  getChunks,
  launchBrowser,
  freshContext,
  nodeId,
  openContribute,
  serviceGet,
  signIn,
  signUpUser,
  waitFor,
  waitForJob,
  waitForPhase,
} from './helpers';

let browser: Browser;
let context: BrowserContext | null = null;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("a signed-in player's tab", () => {
  it('is claimed for the player and runs their private job', async () => {
    context = await freshContext(browser, context); // a retry must not start signed in and contributing
    page = await context.newPage();
    const player = await signUpUser('owner');
    await signIn(page, player);

    await openContribute(page);
    await page.locator('main').getByRole('button', { name: 'Start contributing' }).click();
    await waitForPhase(page, 'contributing');
    const node = await nodeId(page);
    await waitFor(
      'claimed',
      async () => (await page.getByTestId('node-owner').textContent())?.includes('Yours'),
      30_000,
      200,
    );
    const rows = await serviceGet<Array<{ user_id: string; kind: string; claim_code: string | null }>>(
      `nodes?id=eq.${node}&select=user_id,kind,claim_code`,
    );
    expect(rows[0]).toEqual({ user_id: player.id, kind: 'browser', claim_code: null });
    // "Yours" can come from the sentinel's `claimed` push before the tab has added the
    // permission (its next request after claim_node): wait for it, then check it is the only one.
    const perms = await waitFor(
      'the public permission',
      async () => {
        const rows = await serviceGet<Array<{ access_type: string }>>(
          `nodes_permissions?node_id=eq.${node}&select=access_type`,
        );
        return rows.length > 0 ? rows : null;
      },
      30_000,
      100,
    );
    expect(perms.map((p) => p.access_type)).toEqual(['public']);

    const jobId = await createJob(player, { iterations: 1200, access: 'private', seed: 31337 });
    await waitForJob(jobId);
    const chunks = await getChunks(jobId);
    expect(chunks).toHaveLength(2);
    expect(chunks.every((c) => c.node_id === node)).toBe(true);

    const other = await signUpUser('public-submitter');
    const publicJob = await createJob(other, { iterations: 1000, access: 'public', seed: 5 });
    await waitForJob(publicJob);
    expect((await getChunks(publicJob))[0]!.node_id).toBe(node);
  });
});
