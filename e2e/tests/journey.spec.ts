// The whole platform, end to end, in Chromium: a player signs up and submits a 50,000-iteration
// public sim; a guest contributes from a browser tab; a headless wowlab-node run with `npx` from
// the packed tarball contributes too; the job completes with every iteration counted once and
// both nodes credited; the player reads the result. Then a second job survives a SIGKILL of the
// headless node (the sentinel reclaims its chunks; the tab finishes them).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  cancelUnfinishedJob,
  getChunkHolders,
  getChunks,
  getJob,
  getNode,
  getNodePermissions,
  getRunningChunks,
  waitFor,
  waitForJob,
} from './support/db.ts';
import { NODE_LOG, PLATFORM_LOG, e2eEnv, tail } from './support/env.ts';
import { startHeadlessNode, type HeadlessNode } from './support/headless-node.ts';
import { completedByNode, describeChunks, expectCountedOnce } from './support/invariants.ts';
import { claimNode, signUp, stepShot, submitSim, uniqueEmail, watchConsole } from './support/site.ts';

test.describe.configure({ mode: 'serial' });

const ITERATIONS = 50_000;
const env = e2eEnv();

let playerContext: BrowserContext;
let guestContext: BrowserContext;
let player: Page;
let guest: Page;
let headless: HeadlessNode | undefined;
let second: HeadlessNode | undefined;
let tabNodeId = '';
let playerId = '';
/** The job the running test waits on (its chunks are printed when the test fails). */
let currentJob = '';

test.beforeAll(async ({ browser }) => {
  playerContext = await browser.newContext();
  guestContext = await browser.newContext();
  player = await playerContext.newPage();
  guest = await guestContext.newPage();
  watchConsole(player, 'player');
  watchConsole(guest, 'guest');
});

test.afterAll(async () => {
  // After a failure: an unfinished job would hold the contributors of a retry.
  if (currentJob) await cancelUnfinishedJob(currentJob).catch(() => undefined);
  await Promise.all([headless?.stop(), second?.stop()]);
  await playerContext?.close();
  await guestContext?.close();
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status === testInfo.expectedStatus) return;
  // The platform's and the node's own words are usually what explains a failure.
  for (const [name, path] of [
    ['platform.log', PLATFORM_LOG],
    ['headless-node.log', NODE_LOG],
  ] as const) {
    console.error(`\n----- last lines of ${path} -----\n${tail(path, 60)}`);
    await testInfo.attach(name, { path }).catch(() => undefined);
  }
  if (currentJob) {
    const state = await Promise.all([getJob(currentJob), getChunks(currentJob)])
      .then(([{ result: _r, ...job }, chunks]) => `${JSON.stringify(job)}\n${describeChunks(chunks)}`)
      .catch((err: Error) => `unreadable: ${err.message}`);
    console.error(
      `\n----- job ${currentJob} (tab ${tabNodeId}, headless ${headless?.nodeId}) -----\n${state}`,
    );
  }
});

test('a public sim runs on a guest tab and a headless node, and the player reads the result', async () => {
  const testInfo = test.info();
  // npx installs the tarball while the player signs up; the node is claimed in step 3.
  const nodeStarting = startHeadlessNode();
  nodeStarting.catch(() => undefined); // awaited in step 3
  let jobId = '';

  await test.step('1. a player signs up and submits a 50,000-iteration public sim', async () => {
    await signUp(player, env.siteUrl, uniqueEmail('player'), 'correct horse battery');
    await stepShot(player, testInfo, 'player-signed-up');
    jobId = await submitSim(player, env.siteUrl, { iterations: ITERATIONS, visibility: 'public' });
    currentJob = jobId;
    const job = await getJob(jobId);
    playerId = job.user_id;
    expect(job).toMatchObject({
      access_type: 'public',
      total_iterations: ITERATIONS,
      chunks_total: 50,
      completed_iterations: 0,
    });
    await expect(player.getByTestId('progress')).toContainText(`0 / ${ITERATIONS.toLocaleString('en-US')}`);
    await stepShot(player, testInfo, 'job-submitted');
    // The player's own tab runs their sim while they watch (issue 15); leaving hands it back,
    // so the grid (a guest tab, a headless node) does the work below.
    await player.goto(`${env.siteUrl}/`);
  });

  await test.step('2. a guest opts in to contribute from a tab (one worker)', async () => {
    await guest.goto(`${env.siteUrl}/contribute`);
    await expect(guest.getByRole('heading', { name: 'This browser' })).toBeVisible();
    await expect(guest.getByTestId('contribute-phase')).toHaveAttribute('data-phase', 'off');
    const cores = await guest.evaluate(() => navigator.hardwareConcurrency);
    if (cores > 1) await guest.getByLabel('Workers').fill('1');
    await expect(guest.getByTestId('worker-setting')).toHaveText('1');
    await guest.locator('main').getByRole('button', { name: 'Start contributing' }).click();
    await expect(guest.getByTestId('contribute-phase')).toHaveAttribute('data-phase', 'contributing', {
      timeout: 60_000,
    });
    await expect(guest.getByTestId('node-owner')).toContainText('Guest node');
    tabNodeId = (await guest.getByTestId('node-id').textContent())!.trim();
    expect(await getNode(tabNodeId)).toMatchObject({ kind: 'browser', user_id: null });
    await expect(guest.getByTestId('local-workers')).toHaveText('1');
    await waitFor(
      'the tab to take a chunk of the job',
      async () => (await getChunkHolders(jobId)).has(tabNodeId),
      60_000,
    );
    await stepShot(guest, testInfo, 'guest-contributing');
  });

  await test.step('3. a headless node started with npx from the packed tarball is claimed and contributes', async () => {
    headless = await nodeStarting;
    expect(headless.claimCode.length).toBeGreaterThanOrEqual(6);
    expect(await getNode(headless.nodeId)).toMatchObject({ kind: 'headless', user_id: null });
    await claimNode(player, env.siteUrl, {
      claimCode: headless.claimCode,
      name: 'e2e-headless',
      maxParallel: 1,
    });
    expect(await getNode(headless.nodeId)).toMatchObject({
      user_id: playerId,
      name: 'e2e-headless',
      max_parallel: 1,
    });
    expect(await getNodePermissions(headless.nodeId)).toEqual([{ access_type: 'public', target_id: null }]);
    await stepShot(player, testInfo, 'headless-node-claimed');
    const nodeId = headless.nodeId;
    await waitFor(
      'the headless node to take a chunk of the job',
      async () => (await getChunkHolders(jobId)).has(nodeId),
      60_000,
    );
    // What the player sees meanwhile: the job page with its progress (or already its result).
    await player.goto(`${env.siteUrl}/jobs/${jobId}`);
    await expect(player.getByTestId('progress').or(player.getByTestId('mean-dps'))).toBeVisible();
    await stepShot(player, testInfo, 'job-running');
  });

  await test.step('4. the job completes: every iteration counted once, both nodes credited', async () => {
    const job = await waitForJob(jobId, 180_000);
    const chunks = await getChunks(jobId);
    expectCountedOnce(job, chunks, ITERATIONS);
    const byNode = completedByNode(chunks);
    // the guest's tab and the headless node; besides them only the player's own tab, which
    // runs their sim while the job page is open
    const others = [...byNode.keys()].filter((id) => id !== tabNodeId && id !== headless!.nodeId);
    for (const id of others) expect(await getNode(id)).toMatchObject({ kind: 'browser', user_id: playerId });
    expect(byNode.get(tabNodeId)).toBeGreaterThanOrEqual(1);
    expect(byNode.get(headless!.nodeId)).toBeGreaterThanOrEqual(1);
    const tabPrimaries = chunks.filter((c) => !c.replica_of && c.node_id === tabNodeId);
    if (tabPrimaries.some((c) => c.verdict !== undefined)) {
      // Issue 11: the guest's results were re-run on the headless node and matched bit for bit.
      expect(tabPrimaries.filter((c) => c.verdict === 'verified').length).toBeGreaterThanOrEqual(1);
    }
    const seconds = (Date.parse(job.completed_at!) - Date.parse(job.created_at)) / 1000;
    const summary =
      `${ITERATIONS} iterations in ${seconds.toFixed(1)} s from submit to result; completed rows: ` +
      `tab ${byNode.get(tabNodeId)}, headless ${byNode.get(headless!.nodeId)} (${chunks.length} rows)`;
    console.log(summary);
    testInfo.annotations.push({ type: 'job', description: summary });
    await expect(guest.getByTestId('jobs-helped')).not.toHaveText('0');
    await stepShot(guest, testInfo, 'guest-after-job');
  });

  await test.step('5. the player reads the result page: mean DPS and the histogram', async () => {
    const job = await getJob(jobId);
    await player.goto(`${env.siteUrl}/jobs/${jobId}`);
    const mean = player.getByTestId('mean-dps');
    await expect(mean).toBeVisible();
    const shown = Number((await mean.textContent())!.replace(/[^0-9.]/g, ''));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBe(Math.round(job.result!.mean));
    const histogram = player.getByTestId('histogram');
    await expect(histogram).toBeVisible();
    const bars = histogram.locator('rect.bar');
    await expect(bars).toHaveCount(50);
    const heights = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    expect(heights.filter((h) => h > 0).length).toBeGreaterThan(5);
    await expect(player.getByText(ITERATIONS.toLocaleString('en-US'), { exact: true }).first()).toBeVisible();
    await stepShot(player, testInfo, 'result-page');
  });
});

test('killing the headless node (SIGKILL) mid-job still completes the job', async () => {
  const testInfo = test.info();
  expect(headless, 'the journey started the headless node').toBeDefined();
  const victim = headless!;
  const iterations = 12_000;

  // A guest's results are checked by a registered node (issue 11): a second headless node of
  // the player stays to do that once the first one is gone.
  await test.step('a second headless node joins', async () => {
    second = await startHeadlessNode();
    await claimNode(player, env.siteUrl, {
      claimCode: second.claimCode,
      name: 'e2e-headless-2',
      maxParallel: 1,
    });
  });
  const jobId = await submitSim(player, env.siteUrl, { iterations, visibility: 'public' });
  currentJob = jobId;
  await player.goto(`${env.siteUrl}/`); // the grid, not the player's own tab, runs this one

  let killedAt = 0;
  const held = await test.step('the first headless node holds running chunks: SIGKILL it', async () => {
    await waitFor(
      'the headless node to run a chunk of the new job',
      async () => (await getRunningChunks(jobId)).some((c) => c.node_id === victim.nodeId),
      90_000,
      100,
    );
    // Read what it runs before the kill: once it is dead the sentinel's reconnect grace
    // (2 s here) soon moves those chunks back to pending, which a slow machine could see first.
    const running = (await getRunningChunks(jobId)).filter((c) => c.node_id === victim.nodeId);
    killedAt = Date.now();
    victim.kill('SIGKILL');
    await waitFor('npx and the node to exit', async () => victim.exited(), 10_000, 50);
    await stepShot(player, testInfo, 'node-killed');
    // Dead processes complete nothing: what it ran, less a report that was in flight at the
    // kill and still landed, was lost with it.
    const finishedByIt = new Set(
      (await getChunks(jobId))
        .filter((c) => c.status === 'completed' && c.node_id === victim.nodeId)
        .map((c) => c.id),
    );
    return running.map((c) => c.id).filter((id) => !finishedByIt.has(id));
  });
  expect(held.length, 'chunks running on the node when it was killed').toBeGreaterThanOrEqual(1);

  await test.step('the sentinel reclaims its chunks; the other contributors complete the job', async () => {
    const job = await waitForJob(jobId, 150_000);
    const chunks = await getChunks(jobId);
    expectCountedOnce(job, chunks, iterations);
    for (const id of held) {
      const c = chunks.find((x) => x.id === id)!;
      expect(c.status, `chunk ${id}`).toBe('completed');
      expect(c.node_id, `chunk ${id} was finished by another node`).not.toBe(victim.nodeId);
      expect(c.attempts, `chunk ${id} was reclaimed`).toBeGreaterThanOrEqual(1);
    }
    const byNode = completedByNode(chunks);
    const summary =
      `${iterations} iterations: completed ${((Date.parse(job.completed_at!) - killedAt) / 1000).toFixed(1)} s ` +
      `after the SIGKILL; ${held.length} chunk(s) reclaimed and finished elsewhere`;
    console.log(summary);
    test.info().annotations.push({ type: 'job', description: summary });
    expect(byNode.get(tabNodeId) ?? 0).toBeGreaterThanOrEqual(1);
    expect(byNode.get(second!.nodeId) ?? 0).toBeGreaterThanOrEqual(1);
    await player.goto(`${env.siteUrl}/jobs/${jobId}`);
    await expect(player.getByTestId('mean-dps')).toBeVisible();
    await expect(player.getByTestId('histogram')).toBeVisible();
    await stepShot(player, testInfo, 'result-after-kill');
    // Silent since the kill: the sentinel's maintenance marks it offline.
    await waitFor(
      'the killed node to be marked offline',
      async () => {
        return (await getNode(victim.nodeId))?.status === 'offline';
      },
      30_000,
      250,
    );
  });
});
