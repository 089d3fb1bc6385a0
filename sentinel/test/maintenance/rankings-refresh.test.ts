// The rankings refresh soon after a public sim completes (not only hourly), and say when.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addPermission,
  claimNode,
  connect,
  createJob,
  createUser,
  waitFor,
  waitForJob,
} from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let node: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  // hourly as in production, but soon after a public job
  sentinel = await startSentinel(db.url, {
    VIEW_REFRESH_INTERVAL_MS: '3600000',
    VIEW_REFRESH_AFTER_JOB_MS: '500',
  });
});

afterAll(async () => {
  await node?.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('a completed public sim shows in the rankings within seconds, with the refresh time', async () => {
  // the first sweep refreshes at start: the rankings are empty then
  await waitFor(
    async () => (await client.query('SELECT 1 FROM spec_rankings_hourly')).rowCount === 0,
    5000,
    'start',
  );
  const owner = await createUser(client);
  node = await TestNode.create(sentinel.baseUrl, { maxParallel: 2 });
  await claimNode(client, owner, node.claimCode!, 2);
  await addPermission(client, node.nodeId, 'public');
  await node.connect();
  const jobId = await createJob(client, owner, { iterations: 2000, access: 'public', seed: 4 });
  await waitForJob(client, jobId, 'completed', 30_000);
  const { rows: done } = await client.query('SELECT completed_at FROM jobs WHERE id = $1', [jobId]);
  const completedAt = (done[0] as { completed_at: Date }).completed_at;
  const row = await waitFor(
    async () =>
      (await client.query('SELECT jobs, refreshed_at FROM spec_rankings_hourly')).rows[0] as
        { jobs: number; refreshed_at: Date } | undefined,
    10_000,
    'the rankings to refresh',
  );
  expect(row.jobs).toBe(1);
  expect(row.refreshed_at.getTime()).toBeGreaterThanOrEqual(completedAt.getTime());
}, 60_000);
