// A guest's sim from the builder's defaults (SimulationCraft's profiles, consumables and raid
// buffs: the heaviest chunks the site submits by default) whose only contributor leaves mid-job:
// their own tab, closed while it runs the sim; or the one volunteer tab that ran their public
// sim. What the guest sees meanwhile, and the job finishing once their tab or a contributor is
// back — with no other node on this platform, so nothing else could finish it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { JOB_CHUNK_ITERATIONS } from '@wowlab/sim-core';
import {
  continueAsGuest,
  env,
  freshContext,
  getChunks,
  getJob,
  launchBrowser,
  newContext,
  nodeId,
  nodesOf,
  openContribute,
  runSim,
  screenshot,
  waitFor,
  waitForJob,
  waitForPhase,
} from './helpers';

let browser: Browser;
let context: BrowserContext | null = null;
let volunteer: BrowserContext | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await volunteer?.close();
  await context?.close();
  await browser?.close();
});

const int = (n: number) => n.toLocaleString('en-US');

/** Records every text the job page's state line shows, on each DOM change, in every page. */
async function recordHeadlines(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __headlines: string[] }).__headlines = seen;
    new MutationObserver(() => {
      const h = document.querySelector('[data-testid="job-state-headline"]')?.textContent?.trim();
      if (h && seen.at(-1) !== h) seen.push(h);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

function headlines(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __headlines: string[] }).__headlines);
}

/** Runs the builder's defaults with only the iteration count (and maybe visibility) changed. */
async function submitDefaultSim(page: Page, iterations: number, visibility?: 'public'): Promise<string> {
  await page.goto(`${env.siteUrl}/sim`);
  await page.getByLabel('Iterations', { exact: true }).fill(String(iterations));
  if (visibility) await page.getByLabel('Visibility').selectOption(visibility);
  return runSim(page);
}

const countChunks = async (jobId: string, status: string, node?: string) =>
  (await getChunks(jobId)).filter((c) => c.status === status && (!node || c.node_id === node)).length;

/**
 * Waits until the sentinel has handed back what a closed tab held: past the reconnect grace
 * from the close (a chunk assigned as the tab closed is only reclaimed then), no chunk running.
 */
async function waitForHandBack(jobId: string, closedAt: number): Promise<void> {
  await waitFor(
    'the closed tab’s chunks handed back',
    async () =>
      Date.now() > closedAt + env.reconnectGraceMs + 1000 && (await countChunks(jobId, 'running')) === 0,
    env.reconnectGraceMs + 30_000,
    200,
  );
}

/** The job's row on My jobs, once the page has loaded it. */
async function myJobsRow(page: Page, jobId: string) {
  const row = page.locator('tbody tr').filter({ hasText: jobId.slice(0, 8) });
  await row.waitFor();
  return row;
}

/** My jobs' row of an unfinished job nobody runs: the job page's words and a link to run it. */
async function expectRowState(row: Locator, headline: string, who: string): Promise<void> {
  const state = row.getByTestId('job-row-state');
  await state.filter({ hasText: headline }).waitFor({ timeout: 15_000 });
  expect(await state.locator('strong').textContent()).toBe(headline);
  expect(await state.locator('.muted').textContent()).toBe(`No node is running it yet: ${who}.`);
  expect(await state.getByRole('link').textContent()).toBe(
    'Open it and keep its page open: your tab runs your own sim.',
  );
}

/** Holds this browser's node registration until the returned release is called. */
async function holdRegistration(ctx: BrowserContext): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await ctx.route(
    `${env.sentinelUrl}/nodes/register`,
    async (route) => {
      await held;
      await route.continue().catch(() => undefined); // the page may be gone by then
    },
    { times: 1 },
  );
  return release;
}

describe('a guest whose only contributor leaves mid-sim', () => {
  it('closing their own tab: the sim waits, the page says nobody runs it, and their tab finishes it', async () => {
    // enough that the rest, once their tab is back, runs for seconds: a shorter rest could finish
    // before the page showed who runs it
    const iterations = 20000;
    context = await freshContext(browser, context);
    await recordHeadlines(context);
    let page = await context.newPage();
    await continueAsGuest(page);
    const jobId = await submitDefaultSim(page, iterations);

    // their tab runs it while they watch: the page says so and counts the iterations
    await page
      .getByTestId('job-state-headline')
      .filter({ hasText: /^Running( at [\d,]+ iterations\/s)? on 1 node \(this tab among them\)$/ })
      .waitFor();
    await page
      .getByTestId('progress')
      .filter({ hasText: new RegExp(`Iterations\\s*[1-9][\\d,]* / ${int(iterations)}`) })
      .waitFor({ timeout: 60_000 });

    // they close the tab mid-sim: nothing else may run a guest's private sim, so it waits
    const closedAt = Date.now();
    await page.close();
    await waitForHandBack(jobId, closedAt);
    const left = await getJob(jobId);
    expect(left.status).toBe('running');
    expect(left.completed_iterations).toBeGreaterThan(0);
    expect(left.completed_iterations).toBeLessThan(iterations);

    // My jobs keeps it, unfinished, with what was done
    page = await context.newPage();
    await page.goto(`${env.siteUrl}/jobs`);
    const row = await myJobsRow(page, jobId);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('running');
    expect(await row.textContent()).toContain(`${int(left.completed_iterations)} / ${int(iterations)}`);
    // and why it waits, in the job page's words, with the way to run it
    await expectRowState(row, 'Waiting for a node', 'only your own nodes and your open tab may run it');

    // they open it again: until the tab has started (its registration held back here), the
    // page says nobody runs it, who may, and what to do
    const release = await holdRegistration(context);
    await page.goto(`${env.siteUrl}/jobs/${jobId}`);
    await page.getByTestId('job-state-headline').getByText('Waiting for a node', { exact: true }).waitFor();
    const state = page.getByTestId('job-state');
    expect(await state.getByTestId('job-state-detail').textContent()).toBe(
      'No node is running it yet: only your own nodes and your open tab may run it.',
    );
    expect(await state.getByRole('listitem').allTextContents()).toContain(
      'Keep this page open: your tab runs your own sim.',
    );
    expect(await page.getByTestId('progress').textContent()).toContain(
      `${int(left.completed_iterations)} / ${int(iterations)}`,
    );
    await screenshot(page, 'guest-sim-waiting');
    release();

    // their tab takes it up and finishes it: the result replaces the progress
    await page.getByTestId('mean-dps').waitFor({ timeout: 150_000 });
    const seen = await headlines(page);
    // from the first line shown (the state waits for the chunk rows), then their tab's progress
    expect(seen[0]).toBe('Waiting for a node');
    for (const h of seen)
      expect(h).toMatch(
        /^(Waiting for a node|Starting in this tab…|Running( at [\d,]+ iterations\/s)? on 1 node \(this tab among them\))$/,
      );
    expect(seen.some((h) => h.endsWith('(this tab among them)'))).toBe(true);
    await waitForJob(jobId);
    const done = await getJob(jobId);
    expect(await page.getByTestId('mean-dps').textContent()).toBe(int(Math.round(done.result!.mean)));
    expect(await page.getByTestId('progress').count()).toBe(0);
    // only the guest's own tab (one node across both visits) computed it
    const nodes = await nodesOf(jobId);
    expect(nodes).toEqual([expect.objectContaining({ user_id: done.user_id, kind: 'browser' })]);
  }, 240_000);

  it('their public sim’s one volunteer leaves: it waits, and finishes once the volunteer is back', async () => {
    const iterations = 8000;
    // a volunteer contributes from a tab, with one worker
    volunteer = await newContext(browser);
    let vPage = await volunteer.newPage();
    await openContribute(vPage);
    if ((await vPage.evaluate(() => navigator.hardwareConcurrency)) > 1)
      await vPage.getByRole('slider', { name: 'Workers' }).fill('1');
    await vPage.locator('main').getByRole('button', { name: 'Start contributing' }).click();
    await waitForPhase(vPage, 'contributing');
    const volunteerNode = await nodeId(vPage);

    // the guest submits a public sim and goes to My jobs: their tab no longer runs it
    context = await freshContext(browser, context);
    const page = await context.newPage();
    await continueAsGuest(page);
    const jobId = await submitDefaultSim(page, iterations, 'public');
    await page.goto(`${env.siteUrl}/jobs`);
    const row = await myJobsRow(page, jobId);

    // they also watch its page, where their tab does not start (its registration held back
    // here): the volunteer is what runs it
    const watch = await context.newPage();
    const releaseWatch = await holdRegistration(context);
    await watch.goto(`${env.siteUrl}/jobs/${jobId}`);
    const headline = watch.getByTestId('job-state-headline');

    // the volunteer computes part of it, then closes the tab while running a chunk of it (and
    // alone: what the guest's tab held when it left the job page was handed back)
    await waitFor(
      'a chunk computed by the volunteer',
      async () => (await countChunks(jobId, 'completed', volunteerNode)) >= 1,
      90_000,
      200,
    );
    await headline.filter({ hasText: /^Running( at [\d,]+ iterations\/s)? on 1 node$/ }).waitFor();
    await waitFor(
      'the volunteer alone running a chunk',
      async () => {
        const running = (await getChunks(jobId)).filter((c) => c.status === 'running');
        return running.length > 0 && running.every((c) => c.node_id === volunteerNode);
      },
      60_000,
      100,
    );
    const closedAt = Date.now();
    await vPage.close();
    // during the reconnect grace the volunteer's node still holds its chunk: the page says it
    // left, not that it runs on 1 node
    await headline.getByText('The node running it disconnected', { exact: true }).waitFor({
      timeout: env.reconnectGraceMs,
    });
    expect(Date.now() - closedAt).toBeLessThan(env.reconnectGraceMs);
    expect(await countChunks(jobId, 'running', volunteerNode)).toBeGreaterThan(0);
    expect(await watch.getByTestId('job-state-detail').textContent()).toBe(
      'Its chunks go back to the queue unless it reconnects shortly; then any contributor may run it.',
    );
    // and no time left is estimated from the speed it had
    expect((await watch.getByTestId('eta').textContent())?.trim()).toBe('—');
    await screenshot(watch, 'guest-sim-node-left');
    await waitForHandBack(jobId, closedAt);
    await headline.getByText('Waiting for a node', { exact: true }).waitFor();
    await watch.close();
    releaseWatch();
    const stalled = await getJob(jobId);
    expect(stalled.status).toBe('running');
    expect(stalled.completed_iterations).toBeLessThan(iterations);
    // nobody runs it: My jobs shows it running, with no more iterations done and no DPS
    await row
      .filter({ hasText: `${int(stalled.completed_iterations)} / ${int(iterations)}` })
      .waitFor({ timeout: 15_000 });
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('running');
    expect((await getJob(jobId)).completed_iterations).toBe(stalled.completed_iterations);
    await expectRowState(row, 'Waiting for a node', 'any contributor may run it');
    await screenshot(page, 'guest-my-jobs-stalled');

    // the volunteer opens the contribute page again: the same node resumes on its own
    vPage = await volunteer.newPage();
    await openContribute(vPage);
    await waitForPhase(vPage, 'contributing');
    expect(await nodeId(vPage)).toBe(volunteerNode);

    // the guest's My jobs (refreshed every 5 s) shows it done, with its DPS
    await row.locator('[data-status="completed"]').waitFor({ timeout: 150_000 });
    const done = await getJob(jobId);
    expect(done.status).toBe('completed');
    expect(await row.textContent()).toContain(int(Math.round(done.result!.mean)));
    expect(await row.textContent()).toContain(`${int(iterations)} / ${int(iterations)}`);
    // every chunk ran on the volunteer's node or, before the guest left, on the guest's tab
    expect(done.chunks_completed).toBe(iterations / JOB_CHUNK_ITERATIONS);
    for (const n of await nodesOf(jobId))
      expect(n.id === volunteerNode || (n.user_id === done.user_id && n.kind === 'browser')).toBe(true);
    expect(await countChunks(jobId, 'completed', volunteerNode)).toBeGreaterThan(0);

    await page.goto(`${env.siteUrl}/jobs/${jobId}`);
    await page.getByTestId('mean-dps').waitFor();
    expect(await page.getByTestId('mean-dps').textContent()).toBe(int(Math.round(done.result!.mean)));
  }, 240_000);
});
