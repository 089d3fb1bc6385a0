import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import { CONFIG_LIMITS, mergeResults, simulate } from '@wowlab/sim-core';
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

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

describe('a job end to end', () => {
  it('a 10,000-iteration job run by three nodes equals mergeResults of a local run of the same chunks', async () => {
    const owner = await createUser(client);
    const before = await readMetrics(sentinel.baseUrl);
    const nodes = await Promise.all(
      [0, 1, 2].map(() => TestNode.create(sentinel.baseUrl, { maxParallel: 1 })),
    );
    onTestFinished(() => Promise.all(nodes.map((n) => n.close())).then(() => undefined));
    await Promise.all(nodes.map((n) => n.connect()));
    // the shortest fight: the nodes simulate on the event loop this test and the sentinel share
    const config = testConfig({ durationSeconds: CONFIG_LIMITS.minDurationSeconds });
    // the local run first: its time is what the nodes' work costs on this machine now
    const started = performance.now();
    const local = [];
    for (let k = 0; k < 10; k++)
      local.push(simulate(config, { seed: 987654321, seedOffset: k * 1000, iterations: 1000 }));
    const localMs = performance.now() - started;
    const jobId = await createJob(client, owner, {
      iterations: 10_000,
      access: 'public',
      seed: 987654321,
      config,
    });

    // the same chunks, plus the sentinel, Postgres and the protocol around them, on a machine
    // whose load may grow meanwhile
    const job = await waitForJob(client, jobId, 'completed', 30_000 + 8 * localMs);
    expect(job.completed_iterations).toBe(10_000);
    expect(job.chunks_completed).toBe(10);
    expect(job.result).toEqual(mergeResults(local));

    // the work was spread: every node ran something, each chunk exactly once (a node records a
    // completion when the sentinel's answer arrives, which may be just after the job completed)
    await waitFor(async () => nodes.flatMap((n) => n.completed).length >= 10, 10_000, 'completion answers');
    const all = nodes.flatMap((n) => n.completed);
    expect(new Set(all).size).toBe(10);
    expect(all.length).toBe(10);
    for (const n of nodes) expect(n.completed.length).toBeGreaterThan(0);

    const status = await fetch(`${sentinel.baseUrl}/status`);
    expect(status.status).toBe(200);
    const body = (await status.json()) as {
      status: string;
      nodes: { connected: number; tabs: number; headless: number };
      chunks: { pending: number };
      grid: { iterationsPerSecond: number };
    };
    expect(body.status).toBe('ok');
    expect(body.nodes).toEqual({ connected: 3, tabs: 0, headless: 3 });
    // the 10,000 iterations just completed count in the last minute's pace
    expect(body.grid.iterationsPerSecond).toBeGreaterThan(0);
    expect(body.chunks.pending).toBe(0);

    const after = await readMetrics(sentinel.baseUrl);
    const grew = metricGrowth(before, after);
    expect(grew('sentinel_chunks_assigned_total')).toBe(10);
    expect(grew('sentinel_chunks_completed_total')).toBe(10);
    expect(grew('sentinel_jobs_completed_total')).toBe(1);
    expect(grew('sentinel_assignment_latency_seconds_count')).toBe(10);
    expect(grew('sentinel_completion_handling_seconds_count')).toBe(10);
    expect(after.get('sentinel_chunks_running')).toBe(0);
    expect(after.has('process_cpu_seconds_total')).toBe(true);

    const final = await getJob(client, jobId);
    expect(final.status).toBe('completed');
    // the job's own deadline above follows the measured speed; this only bounds a hung run
  }, 300_000);
});
