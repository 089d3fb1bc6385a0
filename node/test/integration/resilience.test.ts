// The headless node survives the sentinel going away, and a node killed with SIGKILL loses
// its chunks (reclaimed by the sentinel) but keeps its identity when started again.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase } from '@wowlab/db';
import { mergeResults, simulate } from '@wowlab/sim-core';
import {
  chunkLayout,
  claimNode,
  connect,
  createJob,
  createUser,
  getJob,
  startNodeProcess,
  startSentinel,
  testConfig,
  waitFor,
  waitForJob,
} from './support.ts';
import type { NodeProcess, RunningSentinel } from './support.ts';

let database: { url: string; drop(): Promise<void> };
let db: pg.Client;
let sentinel: RunningSentinel | null = null;
let root: string;
let dir: string;
let userId: string;
const nodes: NodeProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = await connect(database.url);
  sentinel = await startSentinel(database.url);
  root = await mkdtemp(join(tmpdir(), 'wowlab-node-it-'));
});

afterAll(async () => {
  for (const n of nodes) n.kill('SIGKILL');
  await Promise.all(nodes.map((n) => n.exited));
  await sentinel?.close();
  await db?.end();
  await database?.drop();
  await rm(root, { recursive: true, force: true });
});

async function startNode(url: string): Promise<NodeProcess> {
  // one node process at a time (a retried test must not leave the previous attempt's running)
  for (const old of nodes) old.kill('SIGKILL');
  await Promise.all(nodes.map((old) => old.exited));
  const n = startNodeProcess(url, dir);
  nodes.push(n);
  return n;
}

/** The nodes of this attempt's user. */
async function nodeRows(): Promise<Array<{ id: string; public_key: string; user_id: string | null }>> {
  const { rows } = await db.query(
    'SELECT id, public_key, user_id FROM nodes WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
  return rows as Array<{ id: string; public_key: string; user_id: string | null }>;
}

describe('resilience', () => {
  it('reconnects with backoff after the sentinel restarts, and the job completes', async () => {
    // A fresh identity and owner each attempt (a retry registers and is claimed again), and a
    // sentinel even if a failed attempt left it stopped.
    dir = await mkdtemp(join(root, 'attempt-'));
    userId = await createUser(db);
    sentinel ??= await startSentinel(database.url);
    const n = await startNode(sentinel.url);
    const reg = await n.waitForLog((l) => l.msg.startsWith('claim this node'), 'claim code');
    await claimNode(db, userId, String(reg.claimCode), 2);
    await n.waitForLog((l) => l.msg.startsWith('claimed'), 'claimed');

    const config = testConfig(120);
    const jobId = await createJob(db, userId, config, 12_000, 99);
    await waitFor(async () => (await getJob(db, jobId)).chunks_completed >= 2, 'two chunks done');

    const port = sentinel!.port;
    await sentinel!.close();
    sentinel = null;
    expect((await getJob(db, jobId)).status).toBe('running'); // the restart happens mid-job
    await n.waitForLog((l) => l.msg.startsWith('connection to the sentinel lost'), 'connection lost');
    await new Promise((r) => setTimeout(r, 1_500)); // down for a while: at least one failed attempt
    sentinel = await startSentinel(database.url, port);
    const reconnectedAt = n.logs.length;
    await n.waitForLog(
      (l) => l.msg === 'connected to the sentinel' && n.logs.indexOf(l) >= reconnectedAt,
      'reconnected',
    );
    expect(n.logs.some((l) => l.msg.startsWith('reconnecting in'))).toBe(true);

    const job = await waitForJob(db, jobId, 'completed');
    expect(job.completed_iterations).toBe(12_000);
    const layout = await chunkLayout(db, jobId);
    const local = layout.map((c) =>
      simulate(config, { seed: 99, seedOffset: c.seed_offset, iterations: c.iterations }),
    );
    expect(job.result).toEqual(mergeResults(local));
    n.kill('SIGTERM');
    expect(await n.exited).toBe(0);
  });

  it('kill -9 mid-chunk: the sentinel reclaims its chunks; restarted with the same config it keeps its identity', async () => {
    const before = await nodeRows();
    expect(before).toHaveLength(1);
    const ini = await readFile(join(dir, 'config.ini'), 'utf8');
    expect(ini).toContain(`node_id = ${before[0]!.id}`);

    const n = await startNode(sentinel!.url);
    await n.waitForLog((l) => l.msg === 'connected to the sentinel', 'connected');
    const config = testConfig(120);
    const jobId = await createJob(db, userId, config, 6_000, 7);
    const running = await waitFor(async () => {
      const { rows } = await db.query(
        `SELECT id FROM jobs_chunks WHERE job_id = $1 AND status = 'running' AND node_id = $2`,
        [jobId, before[0]!.id],
      );
      return rows.length > 0 ? (rows as Array<{ id: string }>) : null;
    }, 'chunks running on the node');
    n.kill('SIGKILL');
    expect(await n.exited).toBeNull();

    // Nothing is handed back by a killed process: the sentinel's reconnect grace expires and
    // the chunks go back to pending with one more attempt.
    const reclaimed = await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT id, status, attempts, node_id FROM jobs_chunks WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
          [running.map((r) => r.id)],
        );
        return rows.length === running.length
          ? (rows as Array<{ attempts: number; node_id: string | null }>)
          : null;
      },
      'chunks reclaimed',
      30_000,
    );
    expect(reclaimed.every((r) => r.attempts >= 1 && r.node_id === null)).toBe(true);

    const again = await startNode(sentinel!.url);
    const reg = await again.waitForLog((l) => l.msg === 'registered', 'registered');
    expect(reg.nodeId).toBe(before[0]!.id);
    expect(reg.claimed).toBe(true);
    expect(again.logs.some((l) => l.msg.startsWith('claim this node'))).toBe(false);
    expect(await nodeRows()).toEqual(before);

    const job = await waitForJob(db, jobId, 'completed');
    expect(job.completed_iterations).toBe(6_000);
    const layout = await chunkLayout(db, jobId);
    const local = layout.map((c) =>
      simulate(config, { seed: 7, seedOffset: c.seed_offset, iterations: c.iterations }),
    );
    expect(job.result).toEqual(mergeResults(local));
  });
});
