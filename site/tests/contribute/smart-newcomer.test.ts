// A brand-new account's first smart sim, as a player brings it: the talent string pasted from
// the game, a target error instead of an iteration count, and nobody else contributing — the
// player's own tab (never opted in) runs it, it stops once the error is reached, and the page
// says where and why. The config that ran holds the string's talents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { DEFAULT_ITERATIONS, talentsFromLoadout, type SimConfig } from '@wowlab/sim-core';
import { REAL } from '@wowlab/sim-core/testing/talent-strings';
import {
  env,
  freshContext,
  getConfig,
  launchBrowser,
  nodesOf,
  screenshot,
  serviceGet,
  signIn,
  signUpUser,
  waitForJob,
  watchUntilResult,
} from './helpers';

let browser: Browser;
let context: BrowserContext | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("a newcomer's smart sim", () => {
  it('pasted talents and a target error: only their own tab runs it, and it stops at the target', async () => {
    context = await freshContext(browser, context);
    const page = await context.newPage();
    const player = await signUpUser('smart-newcomer');
    await signIn(page, player);

    await page.goto(`${env.siteUrl}/sim`);
    await page.getByLabel('Duration (s)').fill('60');
    await page.getByLabel('Paste talents from the game').fill(REAL.bmPackLeader);
    await page.getByRole('button', { name: 'Use these talents' }).click();
    await page.getByTestId('talent-paste-summary').waitFor();
    await page.getByLabel('Stop at error (smart sim)').selectOption('0.005'); // BM's 60 s fights spread ±0.26 % at 10,000: ±0.2 % hit the cap
    // the iteration count becomes the limit, and the cost estimate says so
    expect(await page.getByLabel('Iterations (at most)').inputValue()).toBe(String(DEFAULT_ITERATIONS));
    expect(await page.getByTestId('cost-estimate').textContent()).toMatch(/^\s*Estimated cost: at most /);
    await page.getByRole('button', { name: 'Run sim' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const jobId = page.url().split('/').at(-1)!;

    const seen = await watchUntilResult(page, 200_000);
    for (const h of seen) expect(h).toMatch(/^(Waiting for a node|Starting in this tab…|Running .*)$/);
    const smart = (await page.getByTestId('smart-sim').textContent())!.trim();
    const m =
      /^Stopped at ([\d,]+) iterations: the error \(±(\d\.\d+) %\) reached the target ±0\.50 %\.$/.exec(
        smart,
      );
    expect(m, smart).not.toBeNull();
    await waitForJob(jobId);

    const [job] = await serviceGet<Array<{ config_hash: string; result: { iterations: number } }>>(
      `jobs?id=eq.${jobId}&select=config_hash,result`,
    );
    // stopped before the builder's cap (the iteration count it leaves as the limit), at the
    // figure the page shows, with an error within the target
    const used = Number(m![1]!.replaceAll(',', ''));
    expect(job!.result.iterations).toBe(used);
    expect(used).toBeLessThan(DEFAULT_ITERATIONS);
    expect(Number(m![2])).toBeLessThanOrEqual(0.5);

    // the player's own tab ran every chunk
    const nodes = await nodesOf(jobId);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ user_id: player.id, kind: 'browser' });

    // the sim ran the pasted string's talents, no more and no fewer the model has
    const config = (await getConfig(job!.config_hash)) as SimConfig;
    const pasted = talentsFromLoadout(REAL.bmPackLeader, { expected: 'bm-hunter' });
    expect(config.spec).toBe('bm-hunter');
    expect([...config.player.talents].sort()).toEqual([...pasted.keys].sort());
    expect(pasted.modelled.length).toBeGreaterThan(0);
    await screenshot(page, 'smart-sim-newcomer');
  }, 300_000);
});
