// A newcomer's sims on a platform where nobody they know contributes: a public sim completes
// on an operator's platform node (as `npm start` marks its own), which verifies a guest tab's
// results; the job page says what is happening at each stage to whoever opens its link. And a
// sim shared with one user runs on the node that user offered, and only there.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  cancelUnfinishedJob,
  getChunks,
  getJob,
  getNode,
  markPlatformNode,
  setHandle,
  waitFor,
  waitForJob,
} from './support/db.ts';
import { e2eEnv } from './support/env.ts';
import { startHeadlessNode, type HeadlessNode } from './support/headless-node.ts';
import { claimNode, signUp, submitSim, uniqueEmail, userIdOf, watchConsole } from './support/site.ts';

test.describe.configure({ mode: 'serial' });

const env = e2eEnv();
const contexts: BrowserContext[] = [];
const nodes: HeadlessNode[] = [];
let currentJob = '';

async function page(browser: import('@playwright/test').Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const p = await context.newPage();
  watchConsole(p, who);
  return p;
}

test.afterAll(async () => {
  if (currentJob) await cancelUnfinishedJob(currentJob).catch(() => undefined);
  for (const n of nodes) await n.stop();
  for (const c of contexts) await c.close();
});

test('a newcomer’s public sim completes on a platform node that verifies a guest tab', async ({
  browser,
}) => {
  // the operator's node, claimed like any node and marked a platform node
  const operator = await page(browser, 'operator');
  await signUp(operator, env.siteUrl, uniqueEmail('operator'), 'operator-password');
  const platform = await startHeadlessNode();
  nodes.push(platform);
  await claimNode(operator, env.siteUrl, { claimCode: platform.claimCode, name: 'platform', maxParallel: 1 });
  await markPlatformNode(platform.nodeId);

  // a guest volunteers a tab: its results on others' jobs need verification
  const guest = await page(browser, 'guest');
  await guest.goto(`${env.siteUrl}/contribute`);
  if ((await guest.evaluate(() => navigator.hardwareConcurrency)) > 1)
    await guest.getByLabel('Workers').fill('1');
  await guest.locator('main').getByRole('button', { name: 'Start contributing' }).click();
  await expect(guest.getByTestId('contribute-phase')).toHaveAttribute('data-phase', 'contributing', {
    timeout: 30_000,
  });
  const tabNodeId = (await guest.getByTestId('node-id').textContent())!.trim();

  // the newcomer submits a public sim and leaves: their own tab does not help
  const newcomer = await page(browser, 'newcomer');
  await signUp(newcomer, env.siteUrl, uniqueEmail('newcomer'), 'newcomer-password');
  const jobId = await submitSim(newcomer, env.siteUrl, {
    iterations: 60_000,
    visibility: 'public',
  });
  currentJob = jobId;
  await newcomer.goto(`${env.siteUrl}/`);

  // anyone with the link reads what is happening, stage by stage
  const visitor = await page(browser, 'visitor');
  await visitor.goto(`${env.siteUrl}/jobs/${jobId}`);
  const seen: string[] = [];
  await waitFor(
    'the result on the job page',
    async () => {
      const h = await visitor
        .getByTestId('job-state-headline')
        .textContent({ timeout: 200 })
        .catch(() => null);
      if (h && seen.at(-1) !== h) seen.push(h);
      return (await visitor.getByTestId('mean-dps').count()) > 0;
    },
    240_000,
    100,
  );
  for (const h of seen)
    expect(h).toMatch(/^(Waiting for a node|Waiting for verification|Running( at [\d,]+ iterations\/s)?)$/);
  expect(
    seen.some((h) => h.startsWith('Running')),
    JSON.stringify(seen),
  ).toBe(true);
  await waitForJob(jobId, 30_000);
  currentJob = '';

  // the guest's results counted only once the platform node agreed with them
  const chunks = await getChunks(jobId);
  const guestOriginals = chunks.filter(
    (c) => !c.replica_of && c.node_id === tabNodeId && c.status === 'completed',
  );
  for (const c of guestOriginals) {
    expect(c.verdict).toBe('verified');
    const copies = chunks.filter((r) => r.replica_of === c.id && r.status === 'completed');
    expect(copies.map((r) => r.node_id)).toContain(platform.nodeId);
  }
  // every accepted original is the platform node's own (trusted by construction) or verified
  for (const c of chunks.filter((r) => !r.replica_of)) {
    expect(c.node_id === platform.nodeId ? ['trusted', 'verified'] : ['verified']).toContain(c.verdict);
  }
  // done: the page shows the result in place of the state
  await expect(visitor.getByTestId('mean-dps')).toBeVisible();
  await expect(visitor.getByTestId('job-state-headline')).toHaveCount(0);
});

test('a sim shared with one user runs on the node that user offered, and only there', async ({ browser }) => {
  const friend = await page(browser, 'friend');
  await signUp(friend, env.siteUrl, uniqueEmail('friend'), 'friend-password');
  const friendId = await userIdOf(friend);
  await setHandle(friendId, `friend${Date.now().toString(36)}`);
  const player = await page(browser, 'player');
  await signUp(player, env.siteUrl, uniqueEmail('player'), 'player-password');
  const playerId = await userIdOf(player);
  const playerHandle = `player${Date.now().toString(36)}`;
  await setHandle(playerId, playerHandle);

  // the friend offers their node to the player (Nodes page, sharing settings)
  const node = await startHeadlessNode();
  nodes.push(node);
  await claimNode(friend, env.siteUrl, { claimCode: node.claimCode, name: 'friend node', maxParallel: 1 });
  // claimNode left the card's sharing settings open
  const card = friend.getByTestId('node-card').filter({ hasText: 'friend node' });
  await card.getByLabel('Run public jobs').uncheck();
  await card.getByLabel('Users (handles, comma separated)').fill(playerHandle);
  await card.getByRole('button', { name: 'Save sharing' }).click();
  await expect(card.getByText('Sharing saved.')).toBeVisible();

  // the player shares a sim with the friend in the builder, then leaves (their tab must not help)
  await player.goto(`${env.siteUrl}/sim`);
  await player.getByLabel('Duration (s)').fill('60');
  await player.getByLabel('Iterations', { exact: true }).fill('4000');
  await player.getByLabel('Visibility').selectOption('user');
  const sharedWith = player.getByTestId('shared-with');
  await sharedWith.getByRole('checkbox').first().check();
  await player.getByRole('button', { name: 'Run sim' }).click();
  await player.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobId = player.url().split('/').at(-1)!;
  currentJob = jobId;
  await expect(player.getByTestId('shared-with-list')).toContainText('Shared with friend');
  await player.goto(`${env.siteUrl}/`);

  const job = await waitForJob(jobId, 240_000);
  currentJob = '';
  expect(job.access_type).toBe('user');
  // the friend's node ran it; nothing else but the player's own compute could (not the platform
  // node of the test before, which runs public sims)
  const holders = new Set(
    (await getChunks(jobId)).filter((c) => c.status === 'completed').map((c) => c.node_id!),
  );
  expect(holders.has(node.nodeId)).toBe(true);
  for (const id of holders) if (id !== node.nodeId) expect((await getNode(id))?.user_id).toBe(playerId);
  expect((await getJob(jobId)).result?.iterations).toBe(4000);
  await player.goto(`${env.siteUrl}/jobs/${jobId}`);
  await expect(player.getByTestId('mean-dps')).toBeVisible();
});
