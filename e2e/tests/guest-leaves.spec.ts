// A guest's public sim (the builder's defaults: SimulationCraft's profile, consumables and raid
// buffs) whose one contributor — a volunteer's tab — leaves mid-job, on a platform with no other
// node and with verification by replication on: the volunteer's results wait to be checked, the
// job page says nobody runs it, and the guest's own tab, once they open the link again, computes
// the rest and checks the volunteer's part; the guest reads the result.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cancelUnfinishedJob, getChunks, getJob, getNode, waitFor, waitForJob } from './support/db.ts';
import { SENTINEL_ENV } from './global-setup.ts';
import { e2eEnv } from './support/env.ts';
import { expectCountedOnce } from './support/invariants.ts';
import { recordHeadlines, seenHeadlines, stepShot, submitSim, watchConsole } from './support/site.ts';

const env = e2eEnv();
const contexts: BrowserContext[] = [];
let currentJob = '';

test.afterAll(async () => {
  if (currentJob) await cancelUnfinishedJob(currentJob).catch(() => undefined);
  for (const c of contexts) await c.close();
});

async function newPage(browser: import('@playwright/test').Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await recordHeadlines(context); // every text the job page's state line shows
  const page = await context.newPage();
  watchConsole(page, who);
  return page;
}

test('a guest’s public sim whose one volunteer leaves mid-job: their own tab checks and finishes it', async ({
  browser,
}) => {
  const testInfo = test.info();
  const iterations = 4000;

  // a volunteer contributes from a tab, with one worker
  const volunteer = await newPage(browser, 'volunteer');
  await volunteer.goto(`${env.siteUrl}/contribute`);
  if ((await volunteer.evaluate(() => navigator.hardwareConcurrency)) > 1)
    await volunteer.getByLabel('Workers').fill('1');
  await volunteer.locator('main').getByRole('button', { name: 'Start contributing' }).click();
  await expect(volunteer.getByTestId('contribute-phase')).toHaveAttribute('data-phase', 'contributing', {
    timeout: 30_000,
  });
  const volunteerNode = (await volunteer.getByTestId('node-id').textContent())!.trim();

  // a guest submits the builder's default sim, public, and leaves the page
  const guest = await newPage(browser, 'guest');
  await guest.goto(`${env.siteUrl}/auth`);
  await guest.getByRole('button', { name: 'continue as a guest' }).click();
  await expect(guest.getByTestId('account-link')).toBeVisible();
  const jobId = await submitSim(guest, env.siteUrl, { iterations, visibility: 'public' });
  currentJob = jobId;
  await guest.goto(`${env.siteUrl}/`);

  // the volunteer computes part of it, then closes the tab
  await waitFor(
    'a chunk computed by the volunteer',
    async () =>
      (await getChunks(jobId)).some(
        (c) => !c.replica_of && c.node_id === volunteerNode && c.status === 'completed',
      ),
    90_000,
    200,
  );
  const closedAt = Date.now();
  await volunteer.close();
  // a chunk assigned as the tab closed is handed back only once the reconnect grace is over
  const grace = Number(SENTINEL_ENV.RECONNECT_GRACE_MS);
  await waitFor(
    'the volunteer’s chunks handed back',
    async () =>
      Date.now() > closedAt + grace + 1000 && !(await getChunks(jobId)).some((c) => c.status === 'running'),
    grace + 20_000,
    200,
  );
  const left = await getJob(jobId);
  expect(left.status).toMatch(/^(pending|running)$/);
  expect(left.completed_iterations).toBeLessThan(iterations);

  // the guest opens the link again: until their tab has started (its registration held back
  // here), the page says nobody runs it and what they can do
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await guest.context().route(
    `${env.sentinelUrl}/nodes/register`,
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  await guest.goto(`${env.siteUrl}/jobs/${jobId}`);
  await expect(guest.getByTestId('job-state-headline')).toHaveText('Waiting for a node');
  await expect(guest.getByTestId('job-state-detail')).toHaveText(
    'No node is running it yet: any contributor may run it.',
  );
  await expect(guest.getByTestId('job-state').getByRole('listitem').first()).toHaveText(
    'Keep this page open: your tab runs your own sim.',
  );
  await expect(guest.getByTestId('progress')).toContainText(`/ ${iterations.toLocaleString('en-US')}`);
  await stepShot(guest, testInfo, 'guest-sim-waiting');
  release();

  // their tab computes the rest and checks the volunteer's part: the result replaces the progress
  await expect(guest.getByTestId('mean-dps')).toBeVisible({ timeout: 150_000 });
  const seen = await seenHeadlines(guest);
  console.log(`headlines the guest saw: ${JSON.stringify(seen)}`);
  expect(seen[0]).toBe('Waiting for a node'); // the state waits for the chunk rows: no guess first
  // their tab says it took the sim over; a rate line comes only if a progress report lands before the
  // result (on a fast machine the tab's few chunks finish first), and then it names their tab
  expect(seen).toContain('Starting in this tab…');
  const running = seen.filter((h) => h.startsWith('Running at'));
  for (const h of running) expect(h).toMatch(/\(this tab among them\)$/);
  await expect(guest.getByTestId('progress')).toHaveCount(0);
  await stepShot(guest, testInfo, 'guest-sim-done');

  const job = await waitForJob(jobId, 30_000);
  currentJob = '';
  const chunks = await getChunks(jobId);
  expectCountedOnce(job, chunks, iterations);
  expect(await guest.getByTestId('mean-dps').textContent()).toBe(
    Math.round(job.result!.mean).toLocaleString('en-US'),
  );
  // the volunteer's results counted once checked by the guest's own tab (a browser node of theirs)
  const byVolunteer = chunks.filter((c) => !c.replica_of && c.node_id === volunteerNode);
  expect(byVolunteer.length).toBeGreaterThanOrEqual(1);
  for (const c of byVolunteer) {
    expect(c.verdict).toBe('verified');
    const checkers = chunks.filter((r) => r.replica_of === c.id && r.status === 'completed');
    expect(checkers.length).toBeGreaterThanOrEqual(1);
    for (const r of checkers)
      expect(await getNode(r.node_id!)).toMatchObject({ user_id: job.user_id, kind: 'browser' });
  }
});
