// Liveness and maintenance: reclaim after the reconnect grace, keep chunks on a quick
// reconnect, reclaim from silent nodes, offline marking, deletions, view refresh.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import {
  connect,
  createJob,
  createUser,
  getJob,
  metricGrowth,
  readMetrics,
  testConfig,
  waitFor,
  waitForJob,
} from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let owner: string;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url, { RECONNECT_GRACE_MS: '1500', VIEW_REFRESH_INTERVAL_MS: '300' });
  owner = await createUser(client);
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

async function chunkRows(jobId: string) {
  const { rows } = await client.query(
    `SELECT id, status, attempts, node_id, (result::json->>'iterations')::int AS result_iterations,
            (result::json->>'seedOffset')::int AS result_offset
     FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset`,
    [jobId],
  );
  return rows as {
    id: string;
    status: string;
    attempts: number;
    node_id: string | null;
    result_iterations: number;
    result_offset: number;
  }[];
}

async function disconnectedAt(nodeId: string): Promise<Date | null> {
  const { rows } = await client.query('SELECT disconnected_at FROM nodes WHERE id = $1', [nodeId]);
  return (rows[0] as { disconnected_at: Date | null }).disconnected_at;
}

describe('liveness', () => {
  it('a node killed mid-chunk loses its chunks to another node after the grace period; every iteration counts once', async () => {
    const before = await readMetrics(sentinel.baseUrl);
    const doomed = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 1 });
    onTestFinished(() => doomed.close());
    await doomed.connect();
    const config = testConfig({ durationSeconds: 10 });
    const jobId = await createJob(client, owner, { iterations: 3000, access: 'public', config, seed: 4242 });
    await waitFor(async () => doomed.assigned.length === 2, 10_000, 'doomed node assignment');
    const survivor = await TestNode.create(sentinel.baseUrl, { mode: 'auto', maxParallel: 1 });
    onTestFinished(() => survivor.close());
    await survivor.connect();
    await waitFor(async () => survivor.completed.length === 1, 20_000, 'survivor completes the free chunk');

    const killedAt = Date.now();
    doomed.kill();
    // still held during the grace period
    await new Promise((r) => setTimeout(r, 700));
    expect(
      (await chunkRows(jobId)).filter((c) => c.node_id === doomed.nodeId && c.status === 'running'),
    ).toHaveLength(2);
    // and the job's owner is told that its node left (the job page reads it through a view)
    expect(await disconnectedAt(doomed.nodeId)).not.toBeNull();
    expect(await disconnectedAt(survivor.nodeId)).toBeNull();

    const job = await waitForJob(client, jobId, 'completed', 30_000);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(1500);
    expect(job.completed_iterations).toBe(3000);
    const rows = await chunkRows(jobId);
    expect(rows.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    expect(rows.every((r) => r.node_id === survivor.nodeId)).toBe(true);
    expect(rows.map((r) => r.result_offset)).toEqual([0, 1000, 2000]);
    expect(rows.reduce((a, r) => a + r.result_iterations, 0)).toBe(3000);
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 1, 1]);
    // the node records a completion when the answer arrives, possibly just after the job completed
    await waitFor(async () => survivor.completed.length >= 3, 10_000, 'completion answers');
    expect(survivor.completed).toHaveLength(3);
    const grew = metricGrowth(before, await readMetrics(sentinel.baseUrl));
    expect(grew('sentinel_chunks_reclaimed_total')).toBe(2);
  });

  it('a node that reconnects within the grace period keeps its chunks and gets them again', async () => {
    const node = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 1 });
    await node.connect();
    const jobId = await createJob(client, owner, { iterations: 2000, access: 'public' });
    await waitFor(async () => node.assigned.length === 2, 10_000, 'assignment');
    const before = await chunkRows(jobId);
    node.kill();
    await new Promise((r) => setTimeout(r, 200));
    // a fresh process with the same key: it forgot what it held
    const again = await TestNode.create(sentinel.baseUrl, {
      mode: 'manual',
      maxParallel: 1,
      seed: node.seed,
    });
    expect(again.nodeId).toBe(node.nodeId);
    await again.connect();
    await waitFor(async () => again.assigned.length === 2, 5000, 're-sent assignments');
    expect(await disconnectedAt(node.nodeId)).toBeNull(); // back: no longer shown as gone
    expect(again.assigned.map((c) => c.id).sort()).toEqual(node.assigned.map((c) => c.id).sort());
    await new Promise((r) => setTimeout(r, 2000)); // beyond the grace period
    expect(await chunkRows(jobId)).toEqual(before);
    await again.close();
    await client.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [jobId]);
  });

  it('a second socket for the same node replaces the first', async () => {
    const node = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    await node.connect();
    const twin = await TestNode.create(sentinel.baseUrl, { mode: 'manual', seed: node.seed });
    await twin.connect();
    await waitFor(async () => node.closeCode !== null, 5000, 'old socket closed');
    expect(node.closeCode).toBe(4001);
    expect(sentinel.app.hub.get(node.nodeId)?.socket).toBeDefined();
    await twin.close();
  });

  it('chunks of a node silent for the heartbeat timeout go back to pending and the node goes offline', async () => {
    const silent = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    const jobId = await createJob(client, owner, { iterations: 1000, access: 'private' });
    // as if another sentinel instance had assigned it and then died
    await client.query(
      `UPDATE jobs_chunks SET status = 'running', node_id = $2, claimed_at = now() WHERE job_id = $1`,
      [jobId, silent.nodeId],
    );
    await client.query(`UPDATE nodes SET last_seen_at = now() - interval '10 seconds' WHERE id = $1`, [
      silent.nodeId,
    ]);
    await waitFor(async () => (await chunkRows(jobId))[0]!.status === 'pending', 5000, 'reclaim');
    expect((await chunkRows(jobId))[0]).toMatchObject({ attempts: 1, node_id: null });
    await waitFor(async () => {
      const { rows } = await client.query('SELECT status FROM nodes WHERE id = $1', [silent.nodeId]);
      return rows[0].status === 'offline';
    });
    await client.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [jobId]);
  });
});

describe('maintenance', () => {
  it('deletes old unclaimed nodes and unused configs, keeps the rest', async () => {
    const old = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    const young = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    await client.query(
      `UPDATE nodes SET created_at = now() - interval '2 hours', last_seen_at = now() - interval '2 hours' WHERE id = $1`,
      [old.nodeId],
    );
    await client.query(`UPDATE nodes SET last_seen_at = now() - interval '2 hours' WHERE id = $1`, [
      young.nodeId,
    ]);
    const stale = 'b'.repeat(64);
    const fresh = 'c'.repeat(64);
    await client.query(
      `INSERT INTO jobs_configs (hash, config, last_used_at) VALUES ($1, '{}', now() - interval '8 days'), ($2, '{}', now())`,
      [stale, fresh],
    );
    const oldJob = await createJob(client, owner, { iterations: 1000 });
    await client.query(
      `UPDATE jobs_configs SET last_used_at = now() - interval '8 days'
       WHERE hash = (SELECT config_hash FROM jobs WHERE id = $1)`,
      [oldJob],
    );
    await waitFor(async () => {
      const { rows } = await client.query('SELECT 1 FROM nodes WHERE id = $1', [old.nodeId]);
      return rows.length === 0;
    });
    const { rows: nodes } = await client.query('SELECT id FROM nodes WHERE id = $1', [young.nodeId]);
    expect(nodes).toHaveLength(1);
    await waitFor(async () => {
      const { rows } = await client.query('SELECT hash FROM jobs_configs WHERE hash = ANY($1)', [
        [stale, fresh],
      ]);
      return rows.length === 1 && rows[0].hash === fresh;
    });
    expect((await getJob(client, oldJob)).status).toBeDefined(); // a referenced config stays
  });

  it('refreshes the materialized views', async () => {
    await waitFor(
      async () => {
        const { rows } = await client.query(`SELECT jobs FROM spec_rankings_hourly WHERE spec = 'bm-hunter'`);
        return rows.length === 1 && rows[0].jobs >= 1;
      },
      10_000,
      'view refresh',
    );
  });
});
