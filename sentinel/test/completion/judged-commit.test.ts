// A completion judged in a transaction owes its job count and its credit until COMMIT
// (private.completion_effects): the job, node and profile rows stay free while the transaction
// runs, a rollback leaves nothing owed, and a commit applies everything exactly once; the
// completion that made the job full aggregates it after its commit.
import { ENGINE_VERSION, mergeResults, simulate } from '@wowlab/sim-core';
import { toWireResult } from 'wowlab-node/protocol';
import { describe, expect, it } from 'vitest';
import { completeChunk } from '../../src/completion/complete.ts';
import { TrustJudge } from '../../src/completion/judge.ts';
import { SentinelEvents } from '../../src/events.ts';
import { canonicalResult } from '../../src/trust/digest.ts';
import { seededRandom, TrustPolicy } from '../../src/trust/policy.ts';
import { DEFAULT_TRUST_SETTINGS } from '../../src/trust/settings.ts';
import { createJob, getJob, insertNode } from '../helpers/fixtures.ts';
import { testDb } from '../helpers/test-db.ts';
import { newUsers, quickConfig } from '../trust/helpers.ts';

const db = testDb(4);
const config = quickConfig();
const SEED = 51;

/** Replication on, never sampled: a trusted volunteer's result is accepted on trust. */
function newJudge(): TrustJudge {
  const policy = new TrustPolicy({ ...DEFAULT_TRUST_SETTINGS, replicationPermille: 0 }, seededRandom(5));
  return new TrustJudge(policy, { db: db.pool });
}

async function credit(nodeId: string, userId: string): Promise<{ node: number; profile: number }> {
  const { rows } = await db.client.query(
    `SELECT (SELECT credited_iterations::int FROM nodes WHERE id = $1) AS node,
            (SELECT credited_iterations::int FROM user_profiles WHERE id = $2) AS profile`,
    [nodeId, userId],
  );
  return rows[0] as { node: number; profile: number };
}

describe('a judged completion', () => {
  it('counts and credits at COMMIT only: rows free before, nothing after a rollback, once after a commit; the last aggregates', async () => {
    const [owner, helper] = await newUsers(db.client, 2);
    const node = await insertNode(db.client, helper!, { trustStreak: 50 });
    const jobId = await createJob(db.client, owner!, {
      iterations: 2000,
      access: 'public',
      seed: SEED,
      config,
    });
    const { rows } = await db.client.query(
      `UPDATE jobs_chunks SET status = 'running', node_id = $2, claimed_at = now() WHERE job_id = $1
       RETURNING id, seed_offset AS "seedOffset", iterations`,
      [jobId, node],
    );
    const chunks = (rows as Array<{ id: string; seedOffset: number; iterations: number }>).sort(
      (a, b) => a.seedOffset - b.seedOffset,
    );
    await db.client.query(`UPDATE jobs SET status = 'running' WHERE id = $1`, [jobId]);
    const results = chunks.map((c) =>
      simulate(config, { seed: SEED, seedOffset: c.seedOffset, iterations: c.iterations }),
    );
    const identity = (k: number) => ({
      chunkId: chunks[k]!.id,
      nodeId: node,
      iterations: chunks[k]!.iterations,
      seedOffset: chunks[k]!.seedOffset,
      engineVersion: ENGINE_VERSION,
    });
    const first = canonicalResult(toWireResult(results[0]!));

    const tx = await db.pool.connect();
    try {
      // judged, then rolled back: nothing applied, nothing left owed
      await tx.query('BEGIN');
      const judged = await newJudge().complete(tx, identity(0), first);
      expect(judged).toMatchObject({ jobId, counted: true, lastChunk: false });
      // the job row is not held by the open transaction: another writer gets it at once
      await db.client.query(`SELECT 1 FROM jobs WHERE id = $1 FOR NO KEY UPDATE NOWAIT`, [jobId]);
      await db.client.query(`SELECT 1 FROM nodes WHERE id = $1 FOR NO KEY UPDATE NOWAIT`, [node]);
      await tx.query('ROLLBACK');
      expect(await getJob(db.client, jobId)).toMatchObject({ chunks_completed: 0, completed_iterations: 0 });
      expect(await credit(node, helper!)).toEqual({ node: 0, profile: 0 });

      // judged and committed: counted and credited once, nothing left owed
      await tx.query('BEGIN');
      expect(await newJudge().complete(tx, identity(0), first)).toMatchObject({ counted: true });
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    expect(await getJob(db.client, jobId)).toMatchObject({
      status: 'running',
      chunks_completed: 1,
      completed_iterations: chunks[0]!.iterations,
    });
    expect(await credit(node, helper!)).toEqual({
      node: chunks[0]!.iterations,
      profile: chunks[0]!.iterations,
    });
    const { rows: owed } = await db.client.query('SELECT count(*)::int AS n FROM private.completion_effects');
    expect(owed).toEqual([{ n: 0 }]);

    // the last chunk, judged (a judge that has not seen the node declines the one-statement path)
    const events = new SentinelEvents();
    const completed: string[] = [];
    events.on('jobCompleted', (e) => completed.push(e.jobId));
    const out = await completeChunk(
      { db: db.pool, events, trust: { judge: newJudge() } },
      { nodeId: node, chunkId: chunks[1]!.id, result: toWireResult(results[1]!) },
    );
    expect(out).toMatchObject({ accepted: true, jobCompleted: true, jobId });
    expect(completed).toEqual([jobId]);
    const job = await getJob(db.client, jobId);
    expect(job).toMatchObject({ status: 'completed', chunks_completed: 2 });
    expect(job.result).toEqual(mergeResults(results));
    const total = chunks[0]!.iterations + chunks[1]!.iterations;
    expect(await credit(node, helper!)).toEqual({ node: total, profile: total });
  });
});
