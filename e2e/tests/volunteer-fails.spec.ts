// A newcomer's public sim whose only chunk volunteers' nodes report failed: each volunteer (a
// signed-in account of their own, contributing from a tab: not trusted by construction for the
// newcomer's job) cannot load the job's config — the sentinel's answer is replaced by a 400 in
// that tab only — and its node reports the chunk as an error, signed as every node signs. As many
// volunteers report it as the attempts after which a confirmed failure fails a job, one after
// the other (each owner is excluded from the chunk once it failed it). Their reports alone fail
// nothing: the newcomer's job page still waits for a node and says volunteers gave a chunk back,
// and the newcomer's own tab (compute that may confirm a failure) then runs the chunk and
// completes the sim.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cancelUnfinishedJob, getChunks, getJob, getNode, waitFor, waitForJob } from './support/db.ts';
import { SENTINEL_ENV } from './global-setup.ts';
import { e2eEnv } from './support/env.ts';
import { expectCountedOnce } from './support/invariants.ts';
import {
  recordHeadlines,
  seenHeadlines,
  signUp,
  stepShot,
  submitSim,
  uniqueEmail,
  userIdOf,
  watchConsole,
} from './support/site.ts';

const env = e2eEnv();
const contexts: BrowserContext[] = [];
let currentJob = '';

/** The job page's action line while volunteers' nodes gave back one chunk (site/src/lib/job-status.ts). */
const GAVE_BACK_ONE =
  "Volunteers' nodes gave back 1 chunk unfinished (they left or hit an error): other nodes retry it, " +
  'and an error fails your sim only once your own tab or a platform node confirms it.';

test.afterAll(async () => {
  if (currentJob) await cancelUnfinishedJob(currentJob).catch(() => undefined);
  for (const c of contexts) await c.close();
});

async function newPage(browser: Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await recordHeadlines(context);
  const page = await context.newPage();
  watchConsole(page, who);
  return page;
}

interface FailReport {
  body: { chunkId: string; reason?: string; error: string };
  /** The X-Node-* signature headers were there (the sentinel verified them: it acted on it). */
  signed: boolean;
}

interface FailingVolunteer {
  page: Page;
  userId: string;
  nodeId: string;
  /** Config requests refused with a 400. */
  refused(): number;
  reports: FailReport[];
}

/** A volunteer signs up and contributes from a tab (one worker) that cannot load any config. */
async function failingVolunteer(browser: Browser, who: string): Promise<FailingVolunteer> {
  const page = await newPage(browser, who);
  await signUp(page, env.siteUrl, uniqueEmail(who), `${who}-password`);
  const userId = await userIdOf(page);
  let refused = 0;
  // the tab's node is claimed for the account only after it started: until then its reports
  // would be an unclaimed node's, so the refusal (and the report) waits for the claim
  let claimed!: () => void;
  const isClaimed = new Promise<void>((r) => (claimed = r));
  await page.context().route(`${env.sentinelUrl}/configs/**`, async (route) => {
    await isClaimed;
    const real = await route.fetch(); // its CORS headers, for the page to read the refusal
    refused += 1;
    await route.fulfill({
      response: real,
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 400,
        code: 'BAD_REQUEST',
        error: 'Bad Request',
        message: 'config refused by the e2e suite',
      }),
    });
  });
  const reports: FailReport[] = [];
  page.context().on('request', (req) => {
    if (req.method() !== 'POST' || req.url() !== `${env.sentinelUrl}/chunks/fail`) return;
    const h = req.headers();
    reports.push({
      body: req.postDataJSON() as FailReport['body'],
      signed: Boolean(h['x-node-key'] && h['x-node-ts'] && h['x-node-sig']),
    });
  });
  await page.goto(`${env.siteUrl}/contribute`);
  if ((await page.evaluate(() => navigator.hardwareConcurrency)) > 1)
    await page.getByLabel('Workers').fill('1');
  await page.locator('main').getByRole('button', { name: 'Start contributing' }).click();
  await expect(page.getByTestId('contribute-phase')).toHaveAttribute('data-phase', 'contributing', {
    timeout: 30_000,
  });
  const nodeId = (await page.getByTestId('node-id').textContent())!.trim();
  await waitFor(
    'the volunteer’s tab node claimed',
    async () => (await getNode(nodeId))?.user_id === userId,
    20_000,
  );
  claimed();
  return { page, userId, nodeId, refused: () => refused, reports };
}

test('volunteers’ failure reports alone do not fail a newcomer’s sim: their own tab runs it', async ({
  browser,
}) => {
  const testInfo = test.info();
  const iterations = 1000; // one chunk
  const maxAttempts = Number(SENTINEL_ENV.MAX_CHUNK_ATTEMPTS);

  // a newcomer (no node of their own) submits a public sim and watches its page; their tab's
  // node registration is held back until the volunteers have reported
  const newcomer = await newPage(browser, 'newcomer');
  await signUp(newcomer, env.siteUrl, uniqueEmail('newcomer'), 'newcomer-password');
  const newcomerId = await userIdOf(newcomer);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await newcomer.context().route(`${env.sentinelUrl}/nodes/register`, async (route) => {
    await held;
    await route.continue().catch(() => undefined); // a page left meanwhile dropped it
  });
  const jobId = await submitSim(newcomer, env.siteUrl, { iterations, visibility: 'public' });
  currentJob = jobId;

  // volunteers, one at a time, take the chunk, cannot load its config and report an error
  const volunteerIds: string[] = [];
  for (let i = 1; i <= maxAttempts; i++) {
    const v = await failingVolunteer(browser, `volunteer${i}`);
    // another account's node, not an operator's: not trusted by construction for this job
    expect(v.userId).not.toBe(newcomerId);
    expect(await getNode(v.nodeId)).toMatchObject({ user_id: v.userId, platform_node: false });
    volunteerIds.push(v.userId);
    const [chunk] = await waitFor(
      `volunteer ${i}’s failure report on the chunk`,
      async () => {
        const job = await getJob(jobId);
        if (job.status !== 'pending' && job.status !== 'running')
          throw Object.assign(new Error(`the job ${job.status} on volunteer ${i}’s report: ${job.error}`), {
            fatal: true,
          });
        const rows = await getChunks(jobId);
        return rows.length === 1 && rows[0]!.failed_owners?.includes(v.userId) ? rows : null;
      },
      30_000,
      200,
    );
    expect(v.refused()).toBeGreaterThanOrEqual(1);
    expect(v.reports).toEqual([
      {
        body: {
          chunkId: chunk!.id,
          reason: 'error',
          error: expect.stringContaining('could not load config'),
        },
        signed: true,
      },
    ]);
    expect(chunk).toMatchObject({
      status: 'pending',
      node_id: null,
      attempts: i,
      failed_owners: volunteerIds,
    });
    await v.page.context().close(); // it holds nothing: the chunk is back in the queue
  }
  // several maintenance rounds later the job still waits: the reports confirmed nothing
  await new Promise((r) => setTimeout(r, 4 * Number(SENTINEL_ENV.MAINTENANCE_INTERVAL_MS)));
  const after = await getJob(jobId);
  expect(after.status).toMatch(/^(pending|running)$/); // running since a volunteer took it
  expect(after).toMatchObject({ error: null, completed_iterations: 0 });

  // the newcomer's page: still waiting for a node, not failed, and why the chunk came back
  const state = newcomer.getByTestId('job-state');
  await expect(state.getByRole('listitem').filter({ hasText: 'gave back' })).toHaveText(GAVE_BACK_ONE);
  await expect(newcomer.getByTestId('job-state-headline')).toHaveText('Waiting for a node');
  await expect(newcomer.getByTestId('job-state-detail')).toHaveText(
    'No node is running it yet: any contributor may run it.',
  );
  await stepShot(newcomer, testInfo, 'volunteers-failed-chunk-waiting');

  // the newcomer's own tab starts: it runs the chunk the volunteers failed, and the sim completes
  release();
  await expect(newcomer.getByTestId('mean-dps')).toBeVisible({ timeout: 45_000 });
  const seen = await seenHeadlines(newcomer);
  console.log(`headlines the newcomer saw: ${JSON.stringify(seen)}`);
  expect(seen.filter((h) => /fail/i.test(h))).toEqual([]);
  expect(seen[0]).toBe('Waiting for a node');
  await expect(newcomer.getByTestId('job-state-headline')).toHaveCount(0);
  await stepShot(newcomer, testInfo, 'volunteers-failed-chunk-done');

  const job = await waitForJob(jobId, 15_000);
  currentJob = '';
  const chunks = await getChunks(jobId);
  expectCountedOnce(job, chunks, iterations);
  // the newcomer's own tab ran it
  const done = chunks.filter((c) => c.status === 'completed');
  expect(done.length).toBeGreaterThanOrEqual(1);
  for (const c of done)
    expect(await getNode(c.node_id!)).toMatchObject({ user_id: newcomerId, kind: 'browser' });
  expect(await newcomer.getByTestId('mean-dps').textContent()).toBe(
    Math.round(job.result!.mean).toLocaleString('en-US'),
  );
});
