// A headless node (child process of the CLI) against the real sentinel + embedded Postgres:
// claimed through claim_node, it completes a 20,000-iteration job on 2 worker threads; a
// config sim-core rejects is reported with `fail` and fails its job with that message.
import { mkdtemp, rm } from 'node:fs/promises';
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
  startNodeProcess,
  startSentinel,
  testConfig,
  waitForJob,
} from './support.ts';
import type { NodeProcess, RunningSentinel } from './support.ts';

let database: { url: string; drop(): Promise<void> };
let db: pg.Client;
let sentinel: RunningSentinel;
let root: string;
let dir: string;
let node: NodeProcess | null = null;
let userId: string;
let failAttempts = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await connect(database.url);
  sentinel = await startSentinel(database.url);
  root = await mkdtemp(join(tmpdir(), 'wowlab-node-it-'));
  userId = await createUser(db);
});

afterAll(async () => {
  if (node) {
    node.kill('SIGKILL');
    await node.exited;
  }
  await sentinel?.close();
  await db?.end();
  await database?.drop();
  await rm(root, { recursive: true, force: true });
});

async function startNode(): Promise<NodeProcess> {
  if (node) {
    // A retried test must not leave the previous attempt's node taking chunks.
    node.kill('SIGKILL');
    await node.exited;
  }
  node = startNodeProcess(sentinel.url, dir);
  return node;
}

describe('headless node with the real sentinel', () => {
  it('registers, is claimed through claim_node, and completes a 20,000-iteration job on 2 threads', async () => {
    // A fresh identity each attempt: a retry must register (and be claimed) again.
    dir = await mkdtemp(join(root, 'attempt-'));
    const n = await startNode();
    const registered = await n.waitForLog((l) => l.msg.startsWith('claim this node'), 'claim code');
    const code = String(registered.claimCode);
    expect(code).toMatch(/\S{4,}/);
    await claimNode(db, userId, code, 2);
    await n.waitForLog((l) => l.msg.startsWith('claimed'), 'claimed push');
    const nodeId = String((await n.waitForLog((l) => l.msg === 'registered', 'registered')).nodeId);
    const { rows } = await db.query(
      'SELECT id, user_id, kind, max_parallel, claim_code FROM nodes WHERE id = $1',
      [nodeId],
    );
    expect(rows).toEqual([
      expect.objectContaining({ user_id: userId, kind: 'headless', max_parallel: 2, claim_code: null }),
    ]);

    const config = testConfig(60);
    const jobId = await createJob(db, userId, config, 20_000, 4242);
    const job = await waitForJob(db, jobId, 'completed');
    expect(job.completed_iterations).toBe(20_000);
    expect(job.chunks_completed).toBe(job.chunks_total);

    const layout = await chunkLayout(db, jobId);
    expect(layout.reduce((s, c) => s + c.iterations, 0)).toBe(20_000);
    const local = layout.map((c) =>
      simulate(config, { seed: 4242, seedOffset: c.seed_offset, iterations: c.iterations }),
    );
    expect(job.result).toEqual(mergeResults(local));
    // The node logs a completion once the sentinel has answered it, which can be after the
    // job shows completed: wait for the lines, then check none is missing or extra.
    const done = await n.waitForLogs((l) => l.msg === 'chunk completed', layout.length, 'chunk completed');
    expect(done.length).toBe(layout.length);
    expect(new Set(done.map((l) => l.chunkId)).size).toBe(layout.length);
    const { rows: stored } = await db.query('SELECT id FROM jobs_chunks WHERE job_id = $1', [jobId]);
    expect(new Set(done.map((l) => l.chunkId))).toEqual(new Set(stored.map((r) => (r as { id: string }).id)));
  });

  it('reports fail when sim-core rejects the config it is given, and the job fails with that message', async () => {
    // A config of its own each attempt: a failed attempt leaves its config damaged.
    const config = testConfig(30 + failAttempts++);
    // A first job makes the sentinel validate this config (valid) and cache that verdict.
    const first = await createJob(db, userId, config, 200, 1);
    const firstJob = await waitForJob(db, first, 'completed');

    // The node restarts (empty config cache), then the stored config is damaged behind the
    // sentinel's back: the node is the first to see the broken rotation.
    node!.kill('SIGTERM');
    expect(await node!.exited).toBe(0);
    const second = await createJob(db, userId, config, 200, 2);
    await db.query(
      `UPDATE jobs_configs SET config = jsonb_set(config, '{rotation}', '"actions=no_such_spell"') WHERE hash = $1`,
      [firstJob.config_hash],
    );
    const n = await startNode();
    const failed = await n.waitForLog(
      (l) => l.msg === 'chunk failed' && typeof l.error === 'string',
      'chunk failed log',
    );
    expect(String(failed.error)).toContain('no_such_spell');

    const job = await waitForJob(db, second, 'failed');
    expect(job.error).toBe(failed.error);
    expect(job.completed_iterations).toBe(0);
  });
});
