// NOTIFY pending_chunk wakes the scheduler (no waiting for the tick); the LISTEN connection
// comes back after being killed; /status turns 503 when the scheduler tick is stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { claimNode, connect, createJob, createUser, waitFor } from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';
import { parsePausedPayload } from '../src/db/sentinel-state.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let owner: string;
let node: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  // a slow tick: quick assignments can only come from NOTIFY
  sentinel = await startSentinel(db.url, { TICK_INTERVAL_MS: '5000', HEARTBEAT_TIMEOUT_MS: '60000' });
  owner = await createUser(client);
  node = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 8 });
  await claimNode(client, owner, node.claimCode!, 8);
  await node.connect();
});

afterAll(async () => {
  await node?.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

async function assignedWithin(ms: number): Promise<number> {
  const seen = node.assigned.length;
  await new Promise((r) => setTimeout(r, 300)); // past the tick that follows the connect
  const t0 = Date.now();
  const jobId = await createJob(client, owner, { iterations: 1000 });
  await waitFor(async () => node.assigned.some((c, i) => i >= seen && c.jobId === jobId), ms, 'assignment');
  return Date.now() - t0;
}

describe('LISTEN pending_chunk', () => {
  it('a new job is pushed at once, without waiting for the tick', async () => {
    // well inside the 5 s tick, with room for a slow machine
    expect(await assignedWithin(2500)).toBeLessThan(2500);
  });

  it('the LISTEN connection reconnects after it is killed', async () => {
    const status = async () =>
      ((await (await fetch(`${sentinel.baseUrl}/status`)).json()) as { scheduler: { listening: boolean } })
        .scheduler;
    expect((await status()).listening).toBe(true);
    const { rows } = await client.query(
      // this test's database only: other test files' sentinels listen on the same cluster
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
        WHERE application_name = 'wowlab-sentinel-listen' AND datname = current_database()`,
    );
    expect(rows).toEqual([{ ok: true }]);
    await waitFor(async () => !(await status()).listening, 5000, 'listener lost');
    await waitFor(async () => (await status()).listening, 10_000, 'listener back');
    expect(await assignedWithin(2500)).toBeLessThan(2500);
  });
});

describe('/status', () => {
  it('is 503 when the scheduler tick is older than the threshold', async () => {
    const stale = await startSentinel(db.url, {
      TICK_INTERVAL_MS: '5000',
      HEARTBEAT_TIMEOUT_MS: '60000',
      UNHEALTHY_TICK_AGE_MS: '1500',
    });
    try {
      // ticked at start; the next tick is 5 s away, so the age passes 1.5 s in between
      const healthy = await fetch(`${stale.baseUrl}/status`);
      expect(healthy.status).toBe(200);
      const res = await waitFor(
        async () => {
          const r = await fetch(`${stale.baseUrl}/status`);
          return r.status === 503 ? r : null;
        },
        3000,
        'status 503',
      );
      const body = (await res.json()) as {
        status: string;
        database: { ok: boolean };
        scheduler: { lastTickAgeMs: number };
      };
      expect(body.status).toBe('unhealthy');
      expect(body.database.ok).toBe(true);
      expect(body.scheduler.lastTickAgeMs).toBeGreaterThan(1500);
    } finally {
      await stale.close();
    }
  });
});

describe('scheduler controls (app.scheduler)', () => {
  it('pause stops assignments, resume restarts them, drain keeps a node from new chunks', async () => {
    await sentinel.app.scheduler.pause();
    expect(sentinel.app.scheduler.isPaused()).toBe(true);
    const seen = node.assigned.length;
    const jobId = await createJob(client, owner, { iterations: 1000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(node.assigned.length).toBe(seen);
    await sentinel.app.scheduler.resume();
    await waitFor(async () => node.assigned.some((c) => c.jobId === jobId), 2000, 'assignment after resume');

    expect(await sentinel.app.scheduler.drain(node.nodeId)).toBe(true);
    expect(await sentinel.app.scheduler.drain('00000000-0000-4000-8000-000000000000')).toBe(false);
    const { rows } = await client.query('SELECT status FROM nodes WHERE id = $1', [node.nodeId]);
    expect(rows[0].status).toBe('draining');
    const drained = await createJob(client, owner, { iterations: 1000 });
    await new Promise((r) => setTimeout(r, 600));
    expect(node.assigned.some((c) => c.jobId === drained)).toBe(false);
    const hb = await node.request<{ status: string }>('POST', '/nodes/heartbeat', {});
    expect(hb.body.status).toBe('draining'); // heartbeats do not undo a drain
  });

  it('applies the shared pause flag by version: a state that arrives late changes nothing', async () => {
    const scheduler = sentinel.app.scheduler;
    await scheduler.pause();
    const { rows } = await client.query('SELECT scheduling_paused, version FROM sentinel_state');
    const version = Number(rows[0].version);
    expect(rows[0].scheduling_paused).toBe(true);
    // e.g. the NOTIFY of an earlier resume, or a read that started before the pause
    scheduler.applyPaused({ paused: false, version: version - 1 });
    scheduler.applyPaused(parsePausedPayload(`running:${version}`)!);
    expect(scheduler.isPaused()).toBe(true);
    await scheduler.resume();
    expect(scheduler.isPaused()).toBe(false);
    expect(parsePausedPayload('paused:x')).toBeNull();
    expect(parsePausedPayload(`paused:${version + 1}`)).toEqual({ paused: true, version: version + 1 });
  });

  it('a node that announces slots 0 gets no chunk until it announces free slots again', async () => {
    const other = await createUser(client);
    const quiet = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 2 });
    try {
      await claimNode(client, other, quiet.claimCode!, 2);
      await quiet.connect();
      quiet.socket!.send(JSON.stringify({ type: 'slots', free: 0 })); // what a stopping node says
      await new Promise((r) => setTimeout(r, 100));
      const jobId = await createJob(client, other, { iterations: 1000 });
      await new Promise((r) => setTimeout(r, 600)); // the NOTIFY and a pass: nothing for it
      expect(quiet.assigned).toEqual([]);
      quiet.socket!.send(JSON.stringify({ type: 'slots', free: 4 }));
      await waitFor(
        async () => quiet.assigned.some((c) => c.jobId === jobId),
        2000,
        'assignment after slots',
      );
    } finally {
      await quiet.close();
    }
  });
});
