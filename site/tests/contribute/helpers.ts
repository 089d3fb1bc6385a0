// Helpers for the contribute tests: Chromium, users and jobs through the Supabase stand-in's
// HTTP API (as the site and a second player would), service-role reads of what the sentinel
// stored, and the tab's own state read from the /contribute page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { specs, type SimConfig } from '@wowlab/sim-core';
import type { ChunkResultWire } from 'wowlab-node/protocol';

export const env = inject('contribute');

// one Chromium launch for every browser suite and the bench
export { launchBrowser } from '../harness';

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  if (process.env.DEBUG_PAGES) {
    context.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
    context.on('weberror', (e) => console.log(`[page error] ${e.error().message}`));
    context.on('requestfailed', (r) => console.log(`[request failed] ${r.url()} ${r.failure()?.errorText}`));
  }
  return context;
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
  everyMs = 300,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface User {
  id: string;
  token: string;
}

let users = 0;
/** Signs a player up through the Auth API (email + password). */
export async function signUpUser(prefix = 'player'): Promise<User & { email: string; password: string }> {
  users += 1;
  const email = `${prefix}-${Date.now().toString(36)}-${users}@example.test`;
  const password = 'correct horse battery';
  const res = await fetch(`${env.supabaseUrl}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: env.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const s = (await res.json()) as { access_token: string; user: { id: string } };
  return { id: s.user.id, token: s.access_token, email, password };
}

export function testConfig(durationSeconds = 120): SimConfig {
  const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  config.fight.durationSeconds = durationSeconds;
  return config;
}

/** A PostgREST RPC as that user; returns its JSON answer. */
async function rpcAsUser(user: User, fn: string, args: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${env.supabaseUrl}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: {
      apikey: env.anonKey,
      authorization: `Bearer ${user.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(args),
  });
  if (!res.ok) throw new Error(`${fn} failed: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text === '' ? null : JSON.parse(text);
}

/** create_job as that user; returns the job id. */
export async function createJob(
  user: User,
  opts: { iterations: number; access: 'private' | 'public'; seed: number; config?: SimConfig },
): Promise<string> {
  return (await rpcAsUser(user, 'create_job', {
    config: opts.config ?? testConfig(),
    iterations: opts.iterations,
    access_type: opts.access,
    seed: opts.seed,
  })) as string;
}

/** cancel_job as its owner (a no-op on a finished job). */
export async function cancelJob(user: User, jobId: string): Promise<void> {
  await rpcAsUser(user, 'cancel_job', { job_id: jobId });
}

/**
 * A fresh browser profile (no storage, service worker or sign-in), closing `previous`: the
 * first test of a suite starts each attempt with one, so a CI retry does not find the failed
 * attempt's tabs still running.
 */
export async function freshContext(
  browser: Browser,
  previous: BrowserContext | null,
): Promise<BrowserContext> {
  await previous?.close();
  return newContext(browser);
}

/** Service-role read (bypasses RLS): what the sentinel stored. */
export async function serviceGet<T>(path: string): Promise<T> {
  const res = await fetch(`${env.supabaseUrl}/rest/v1/${path}`, {
    headers: { apikey: env.serviceKey, authorization: `Bearer ${env.serviceKey}` },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface JobRow {
  id: string;
  user_id: string;
  status: string;
  seed: number;
  config_hash: string;
  chunks_total: number;
  chunks_completed: number;
  completed_iterations: number;
  result: { mean: number } | null;
  error: string | null;
}

export interface ChunkRow {
  id: string;
  node_id: string | null;
  status: string;
  seed_offset: number;
  iterations: number;
  /** as the node sent it (samples encoded) */
  result: ChunkResultWire | null;
}

export async function getJob(id: string): Promise<JobRow> {
  const rows = await serviceGet<JobRow[]>(
    `jobs?id=eq.${id}&select=id,user_id,status,seed,config_hash,chunks_total,chunks_completed,completed_iterations,result,error`,
  );
  if (!rows[0]) throw new Error(`job ${id} not found`);
  return rows[0];
}

export async function getChunks(jobId: string): Promise<ChunkRow[]> {
  const rows = await serviceGet<Array<Omit<ChunkRow, 'result'> & { result: string | null }>>(
    `jobs_chunks?job_id=eq.${jobId}&select=id,node_id,status,seed_offset,iterations,result&order=seed_offset`,
  );
  // the sentinel stores each result as its canonical JSON text
  return rows.map((r) => ({
    ...r,
    result: r.result === null ? null : (JSON.parse(r.result) as ChunkResultWire),
  }));
}

export async function getConfig(hash: string): Promise<unknown> {
  const rows = await serviceGet<Array<{ config: unknown }>>(`jobs_configs?hash=eq.${hash}&select=config`);
  return rows[0]?.config;
}

export async function waitForJob(
  id: string,
  timeoutMs = Number(process.env.JOB_TIMEOUT_MS ?? 150_000),
): Promise<JobRow> {
  const chunkStates = async () =>
    (await getChunks(id))
      .map((c) => `${c.seed_offset}:${c.status}@${c.node_id?.slice(0, 8) ?? '-'}`)
      .join(' ');
  return waitFor(
    `job ${id} to complete`,
    async () => {
      const job = await getJob(id);
      if (job.status === 'failed' || job.status === 'cancelled')
        throw new Error(`job ${id} ${job.status}: ${job.error}`);
      return job.status === 'completed' ? job : null;
    },
    timeoutMs,
    500,
  ).catch(async (err: Error) => {
    throw new Error(`${err.message}; chunks: ${await chunkStates()}`);
  });
}

/** Opens /contribute and returns handles on the live panel. */
export async function openContribute(page: Page): Promise<void> {
  await page.goto(`${env.siteUrl}/contribute`);
  await page.getByRole('heading', { name: 'This browser' }).waitFor();
}

export async function phase(page: Page): Promise<string | null> {
  return page.getByTestId('contribute-phase').getAttribute('data-phase');
}

export async function waitForPhase(page: Page, wanted: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(`phase ${wanted}`, async () => (await phase(page)) === wanted, timeoutMs, 200);
}

export async function nodeId(page: Page): Promise<string> {
  const el = page.getByTestId('node-id');
  await el.waitFor();
  return (await el.textContent())!.trim();
}

export async function number(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())!.replace(/[^0-9.]/g, ''));
}

const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Keeps a full-page screenshot as a test artifact (site/test-results/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Every headline the job page showed until the result appeared. */
export async function watchUntilResult(page: Page, timeoutMs = 150_000): Promise<string[]> {
  const seen: string[] = [];
  await waitFor(
    'the result on the job page',
    async () => {
      const headline = await page
        .getByTestId('job-state-headline')
        .textContent({ timeout: 200 })
        .catch(() => null);
      if (headline && seen.at(-1) !== headline) seen.push(headline);
      return (await page.getByTestId('mean-dps').count()) > 0;
    },
    timeoutMs,
    100,
  );
  return seen;
}

export async function nodesOf(
  jobId: string,
): Promise<Array<{ id: string; user_id: string | null; kind: string }>> {
  const ids = [...new Set((await getChunks(jobId)).map((c) => c.node_id).filter((n): n is string => !!n))];
  return serviceGet(`nodes?id=in.(${ids.join(',')})&select=id,user_id,kind`);
}

/** Continues as a guest from the site's sign-in page (an anonymous account). */
export async function continueAsGuest(page: Page): Promise<void> {
  await page.goto(`${env.siteUrl}/auth`);
  await page.getByRole('button', { name: 'continue as a guest' }).click();
  await page.getByTestId('account-link').waitFor();
}

/** Presses the builder's Run sim and returns the id of the job page it leads to. */
export async function runSim(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Run sim' }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1)!;
}

/** Signs `user` in on the site's sign-in page, as a player does. */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${env.siteUrl}/auth`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('account-link').waitFor();
}
