// A push that never reached a connected node (lost, or dropped by the node) is pushed again
// once the node's heartbeat shows it lacks the chunk: otherwise the sentinel would count the
// chunk as held until the node reconnects, and a full node would get no work at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import {
  claimNode,
  connect,
  createJob,
  createUser,
  metricGrowth,
  readMetrics,
  waitFor,
  waitForJob,
} from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

const REPUSH_AFTER_MS = 2000;
let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let owner: string;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url, {
    REPUSH_AFTER_MS: String(REPUSH_AFTER_MS),
    HEARTBEAT_TIMEOUT_MS: '600000',
  });
  owner = await createUser(client);
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

async function runningOn(nodeId: string, jobId: string): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT id FROM jobs_chunks WHERE job_id = $1 AND node_id = $2 AND status = 'running' ORDER BY id`,
    [jobId, nodeId],
  );
  return rows.map((r) => (r as { id: string }).id);
}

describe('lost pushes', () => {
  it('are pushed again after a heartbeat that lacks them, once they are old enough; the job completes', async () => {
    const node = await TestNode.create(sentinel.baseUrl, { mode: 'auto', maxParallel: 1 });
    await claimNode(client, owner, node.claimCode!, 1);
    const before = await readMetrics(sentinel.baseUrl);
    const repushed = async () =>
      metricGrowth(before, await readMetrics(sentinel.baseUrl))('sentinel_chunks_repushed_total');
    node.loseAssigns = true;
    await node.connect();
    const jobId = await createJob(client, owner, { iterations: 2000, access: 'private' });
    // the node is full (1 running + 1 queued) of chunks it never saw
    await waitFor(async () => node.lost.length === 2, 10_000, 'both pushes lost');
    node.loseAssigns = false;
    const held = (await runningOn(node.nodeId, jobId)).sort();
    expect(held).toEqual([...node.lost].sort());

    // just pushed: possibly still on its way, not pushed again
    const early = await node.request('POST', '/nodes/heartbeat', { runningChunks: [] });
    expect(early.status).toBe(200);
    expect(await repushed()).toBe(0);

    await new Promise((r) => setTimeout(r, REPUSH_AFTER_MS + 200));
    // a node that lists what it holds gets nothing again
    await node.request('POST', '/nodes/heartbeat', { runningChunks: held });
    expect(await repushed()).toBe(0);
    expect(node.assigned).toHaveLength(0);

    // it lists one of them: only the other is pushed again
    await node.request('POST', '/nodes/heartbeat', { runningChunks: [held[0]] });
    expect(await repushed()).toBe(1);
    await waitFor(async () => node.assigned.length === 1, 10_000, 'the re-push');
    expect(node.assigned[0]!.id).toBe(held[1]);

    // then none: the remaining one follows, and the node completes the job
    await node.request('POST', '/nodes/heartbeat', { runningChunks: [] });
    const job = await waitForJob(client, jobId, 'completed', 30_000);
    expect(job.completed_iterations).toBe(2000);
    expect(node.errors).toEqual([]);

    // completed chunks are not pushed again
    const total = await repushed();
    await waitFor(async () => node.completed.length === 2, 10_000, 'completion answers');
    await node.request('POST', '/nodes/heartbeat', { runningChunks: [] });
    expect(await repushed()).toBe(total);
    await node.close();
  });
});
