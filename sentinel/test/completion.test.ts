import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import { mergeResults, simulate, type ChunkResult } from '@wowlab/sim-core';
import type pg from 'pg';
import { toWireResult, type ChunkAssignment } from 'wowlab-node/protocol';
import {
  claimNode,
  connect,
  createJob,
  createUser,
  getJob,
  testConfig,
  waitFor,
  waitForJob,
} from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';
import { canonicalResult } from '../src/trust/digest.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let owner: string;
let nodeA: TestNode;
let nodeB: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
  owner = await createUser(client);
  nodeA = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 2 });
  nodeB = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 2 });
  await claimNode(client, owner, nodeA.claimCode!, 2);
  await claimNode(client, owner, nodeB.claimCode!, 2);
  await nodeA.connect();
});

afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

async function snapshot(jobId: string): Promise<unknown> {
  const chunks = await client.query(
    'SELECT id, status, attempts, node_id, result FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset',
    [jobId],
  );
  const job = await getJob(client, jobId);
  return { chunks: chunks.rows, job };
}

/** The first chunk of `jobId` pushed to nodeA after `seen` (a leftover of an earlier test's job may come first). */
function chunkOf(jobId: string, seen: number): Promise<ChunkAssignment> {
  return waitFor(async () => nodeA.assigned.slice(seen).find((c) => c.jobId === jobId), 10_000, 'assignment');
}

describe('chunk completion', () => {
  it('completing the last two chunks at once aggregates the job exactly once', async () => {
    const config = testConfig({ durationSeconds: 10 });
    let jobsCompletedEvents = 0;
    const off = sentinel.app.events.on('jobCompleted', () => jobsCompletedEvents++);
    // the same single-chunk job completed twice at once: accepted once
    for (let round = 0; round < 4; round++) {
      const seen = nodeA.assigned.length;
      const jobId = await createJob(client, owner, { iterations: 300, seed: 1000 + round, config });
      await waitFor(async () => nodeA.assigned.length >= seen + 1, 10_000, 'assignment');
      const chunks = nodeA.assigned.slice(seen);
      expect(chunks).toHaveLength(1);
      const only = chunks[0]!;
      const result = simulate(config, {
        seed: only.seed,
        seedOffset: only.seedOffset,
        iterations: only.iterations,
      });
      // two different signatures (same ms would be the same signature: a replay)
      const body = { chunkId: only.id, result: toWireResult(result) };
      const now = Date.now();
      const [r1, r2] = await Promise.all([
        nodeA.request<{ accepted: boolean }>('POST', '/chunks/complete', body, { ts: now }),
        nodeA.request<{ accepted: boolean }>('POST', '/chunks/complete', body, { ts: now + 1 }),
      ]);
      expect([r1.body.accepted, r2.body.accepted].sort()).toEqual([false, true]);
      expect(await getJob(client, jobId)).toMatchObject({ status: 'completed', chunks_completed: 1 });
    }
    // real last-two race: three chunks, the last two completed concurrently
    for (let round = 0; round < 3; round++) {
      const seen = nodeA.assigned.length;
      const jobId = await createJob(client, owner, { iterations: 2200, seed: 77 + round, config });
      await waitFor(async () => nodeA.assigned.length >= seen + 3, 10_000, 'assignment');
      const chunks = nodeA.assigned.slice(seen).sort((a, b) => a.seedOffset - b.seedOffset);
      const results = chunks.map((c) =>
        simulate(config, { seed: c.seed, seedOffset: c.seedOffset, iterations: c.iterations }),
      );
      expect((await nodeA.complete(chunks[0]!.id, results[0])).body).toEqual({
        accepted: true,
        jobCompleted: false,
      });
      const [a, b] = await Promise.all([
        nodeA.complete(chunks[1]!.id, results[1]),
        nodeA.complete(chunks[2]!.id, results[2]),
      ]);
      expect(a.body.accepted && b.body.accepted).toBe(true);
      expect([a.body.jobCompleted, b.body.jobCompleted].filter(Boolean)).toHaveLength(1);
      const job = await getJob(client, jobId);
      expect(job).toMatchObject({ status: 'completed', completed_iterations: 2200, chunks_completed: 3 });
      expect(job.result).toEqual(mergeResults(results as ChunkResult[]));
    }
    off();
    expect(jobsCompletedEvents).toBe(7);
  });

  it('a repeated or foreign completion changes nothing', async () => {
    await nodeB.connect();
    const config = testConfig({ durationSeconds: 10 });
    const seenA = nodeA.assigned.length;
    const seenB = nodeB.assigned.length;
    const jobId = await createJob(client, owner, { iterations: 2000, seed: 5, config });
    await waitFor(
      async () => nodeA.assigned.length + nodeB.assigned.length >= seenA + seenB + 2,
      10_000,
      'assignment',
    );
    const mine = [...nodeA.assigned.slice(seenA), ...nodeB.assigned.slice(seenB)];
    const chunk = mine[0]!;
    const ownerNode = nodeA.assigned.includes(chunk) ? nodeA : nodeB;
    const foreignNode = ownerNode === nodeA ? nodeB : nodeA;
    const result = simulate(config, {
      seed: chunk.seed,
      seedOffset: chunk.seedOffset,
      iterations: chunk.iterations,
    });

    const before = await snapshot(jobId);
    const foreign = await foreignNode.complete(chunk.id, result);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual({ accepted: false, jobCompleted: false });
    expect(await snapshot(jobId)).toEqual(before);

    expect((await ownerNode.complete(chunk.id, result)).body).toEqual({
      accepted: true,
      jobCompleted: false,
    });
    const afterFirst = await snapshot(jobId);
    const repeat = await ownerNode.complete(chunk.id, result);
    expect(repeat.body).toEqual({ accepted: false, jobCompleted: false });
    expect(await snapshot(jobId)).toEqual(afterFirst);
    await nodeB.close();
  });

  it('accepts samples as numbers from nodes that predate their encoding, stored in the one canonical form', async () => {
    const config = testConfig({ durationSeconds: 10 });
    const seen = nodeA.assigned.length;
    const jobId = await createJob(client, owner, { iterations: 1000, seed: 6, config });
    const chunk = await chunkOf(jobId, seen);
    const result = simulate(config, {
      seed: chunk.seed,
      seedOffset: chunk.seedOffset,
      iterations: chunk.iterations,
    });
    expect(Array.isArray(result.samples)).toBe(true); // sent as sim-core returns it
    const res = await nodeA.request('POST', '/chunks/complete', { chunkId: chunk.id, result });
    expect(res.body).toEqual({ accepted: true, jobCompleted: true });
    const { rows } = await client.query('SELECT result, digest FROM jobs_chunks WHERE id = $1', [chunk.id]);
    const canonical = canonicalResult(toWireResult(result)); // what a current node's result gives
    expect(rows[0]).toEqual({ result: canonical.text, digest: canonical.digest });
    expect((await getJob(client, jobId)).result).toEqual(mergeResults([result]));
  });

  it('a chunk that fails five times fails its job with the error text', async () => {
    const seen = nodeA.assigned.length;
    const jobId = await createJob(client, owner, { iterations: 1000, seed: 9 });
    const chunkId = (await chunkOf(jobId, seen)).id;
    const answers = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await waitFor(async () => {
        const { rows } = await client.query(`SELECT status, node_id FROM jobs_chunks WHERE id = $1`, [
          chunkId,
        ]);
        return rows[0].status === 'running' && rows[0].node_id === nodeA.nodeId;
      });
      const res = await nodeA.request('POST', '/chunks/fail', { chunkId, error: `boom ${attempt}` });
      answers.push(res.body);
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill({ accepted: true, retried: true, jobFailed: false }));
    expect(answers[4]).toEqual({ accepted: true, retried: false, jobFailed: true });
    const job = await getJob(client, jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/failed 5 times: boom 5/);
    const { rows } = await client.query('SELECT status, attempts FROM jobs_chunks WHERE id = $1', [chunkId]);
    expect(rows[0]).toEqual({ status: 'failed', attempts: 5 });
  });

  it('a chunk handed back unrun goes back to pending without counting an attempt', async () => {
    const seen = nodeA.assigned.length;
    const jobId = await createJob(client, owner, { iterations: 1000, seed: 10 });
    const chunkId = (await chunkOf(jobId, seen)).id;
    for (let round = 1; round <= 6; round++) {
      await waitFor(async () => {
        const { rows } = await client.query(`SELECT status, node_id FROM jobs_chunks WHERE id = $1`, [
          chunkId,
        ]);
        return rows[0].status === 'running' && rows[0].node_id === nodeA.nodeId;
      });
      const res = await nodeA.request('POST', '/chunks/fail', {
        chunkId,
        error: 'handed back: the node is stopping',
        reason: 'handed-back',
      });
      expect(res.body).toEqual({ accepted: true, retried: true, jobFailed: false });
    }
    const { rows } = await client.query('SELECT attempts FROM jobs_chunks WHERE id = $1', [chunkId]);
    expect(rows[0].attempts).toBe(0);
    expect((await getJob(client, jobId)).status).not.toBe('failed');
  });

  it('an invalid config fails its job at once with the parse error, nothing is assigned', async () => {
    const config = { ...testConfig(), rotation: 'actions=kill_command,if=(((' };
    const jobId = await createJob(client, owner, { iterations: 2000, config });
    const job = await waitForJob(client, jobId, 'failed', 10_000);
    expect(job.error).toMatch(/^invalid config: /);
    expect(job.error).toMatch(/line 1/);
    const { rows } = await client.query(`SELECT DISTINCT status FROM jobs_chunks WHERE job_id = $1`, [jobId]);
    expect(rows).toEqual([{ status: 'failed' }]);
    // (the chunk the test before handed back may be pushed again meanwhile: count this job's)
    expect(nodeA.assigned.filter((c) => c.jobId === jobId)).toEqual([]);
  });

  it('a config with set bonuses that are not ours, or a list past the cap, fails at once: no node runs it', async () => {
    // what a script posting its own config could send (the site only builds valid ones)
    for (const setBonuses of [['tier31_4pc'], Array.from({ length: 5000 }, () => 'tww3_2pc')]) {
      const config = { ...testConfig(), setBonuses };
      const jobId = await createJob(client, owner, { iterations: 2000, config });
      const job = await waitForJob(client, jobId, 'failed', 10_000);
      expect(job.error).toMatch(/^invalid config: config\.setBonuses/);
      expect(nodeA.assigned.filter((c) => c.jobId === jobId)).toEqual([]);
    }
  });

  it('a node cannot fail a valid job by calling its config invalid', async () => {
    const seen = nodeA.assigned.length;
    const jobId = await createJob(client, owner, { iterations: 1000, seed: 11 });
    const chunkId = (await chunkOf(jobId, seen)).id;
    const res = await nodeA.request('POST', '/chunks/fail', {
      chunkId,
      error: 'bad config',
      reason: 'invalid-config',
    });
    expect(res.body).toEqual({ accepted: true, retried: true, jobFailed: false });
    expect((await getJob(client, jobId)).status).not.toBe('failed');
  });
});
