// Attack: a trusted node's lies were published on a job that has completed (its results were
// accepted on trust, none sampled). When the node is caught later on another job, every result
// it published since its last verified one is recomputed by another owner: the lying job's
// published result is corrected and marked so; a job where it was honest is rechecked and left
// as it was. The caught node earns no trust back from rechecks of its old results.
import { mergeResults, simulate, type ChunkResult, type SimConfig } from '@wowlab/sim-core';
import { toWireResult } from 'wowlab-node/protocol';
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { canonicalResult } from '../../src/trust/digest.ts';
import { createJob, waitForJob } from '../helpers/fixtures.ts';
import {
  localJobResult,
  makeCheater,
  newUsers,
  nodeTrust,
  quickConfig,
  registeredNode,
  tamper,
} from '../trust/helpers.ts';

const suite = trustSuite();

/**
 * A job of `owner` as it stands after `nodeId` computed every chunk and the results were accepted
 * on its trust (verdict 'trusted') and published: `lie` scales each chunk's result by 1.1.
 * Created private (no connected node may run it), then completed and made public.
 */
async function publishedJob(
  owner: string,
  nodeId: string,
  config: SimConfig,
  seed: number,
  iterations: number,
  lie: boolean,
): Promise<string> {
  const jobId = await createJob(suite.client, owner, { iterations, access: 'private', seed, config });
  const { rows } = await suite.client.query(
    `SELECT id, seed_offset, iterations FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset`,
    [jobId],
  );
  const sent: ChunkResult[] = [];
  for (const c of rows as { id: string; seed_offset: number; iterations: number }[]) {
    const honest = simulate(config, { seed, seedOffset: c.seed_offset, iterations: c.iterations });
    const result = lie ? tamper('scaled', honest, () => honest) : honest;
    sent.push(result);
    const canonical = canonicalResult(toWireResult(result));
    await suite.client.query(
      `UPDATE jobs_chunks SET status = 'completed', node_id = $2, result = $3, digest = $4, verdict = 'trusted',
              claimed_at = now() - interval '1 minute', completed_at = now() - interval '30 seconds'
       WHERE id = $1`,
      [c.id, nodeId, canonical.text, canonical.digest],
    );
  }
  await suite.client.query(
    `UPDATE jobs SET status = 'completed', access_type = 'public', result = $2::jsonb,
            chunks_completed = chunks_total, completed_iterations = $3, completed_at = now() - interval '30 seconds'
     WHERE id = $1`,
    [jobId, JSON.stringify(mergeResults(sent)), iterations],
  );
  await suite.client.query('UPDATE nodes SET credited_iterations = credited_iterations + $2 WHERE id = $1', [
    nodeId,
    iterations,
  ]);
  return jobId;
}

async function jobRow(
  jobId: string,
): Promise<{ result: unknown; corrected_at: Date | null; status: string; completed_at: Date }> {
  const { rows } = await suite.client.query(
    'SELECT result, corrected_at, status, completed_at FROM jobs WHERE id = $1',
    [jobId],
  );
  return rows[0] as { result: unknown; corrected_at: Date | null; status: string; completed_at: Date };
}

it('a caught node’s lies on completed jobs are recomputed and the published result corrected', async () => {
  const config = quickConfig();
  const [victim, sleeperUser, operator] = await newUsers(suite.client, 3);
  const sleeper = await registeredNode(suite.client, suite.sentinel.baseUrl, sleeperUser!, {
    trustStreak: 1000,
    maxParallel: 2,
  });
  suite.open.push(sleeper);

  // Before it is caught: a job where it was honest, and one where its lies were published.
  const honestJob = await publishedJob(victim!, sleeper.nodeId, config, 71, 2000, false);
  const liedJob = await publishedJob(victim!, sleeper.nodeId, config, 72, 3000, true);
  const truth = localJobResult(config, 72, 3000);
  const before = await jobRow(liedJob);
  expect(before.result).not.toEqual(truth);
  expect(before.corrected_at).toBeNull();
  const honestBefore = await jobRow(honestJob);
  expect(honestBefore.result).toEqual(localJobResult(config, 71, 2000));

  // Now it cheats on another job and is caught at the re-verification floor by a platform node.
  makeCheater(sleeper, 'scaled');
  const platform = await registeredNode(suite.client, suite.sentinel.baseUrl, operator!, {
    platform: true,
    maxParallel: 1,
  });
  suite.open.push(platform);
  const jobB = await createJob(suite.client, victim!, {
    iterations: 40_000,
    access: 'public',
    seed: 73,
    config,
  });
  const b = await waitForJob(suite.client, jobB, 'completed', 120_000);
  expect(b.result).toEqual(localJobResult(config, 73, 40_000));

  // The lying job is recomputed elsewhere and corrected; it stays completed.
  const deadline = Date.now() + 60_000;
  let after = await jobRow(liedJob);
  while (after.corrected_at === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    after = await jobRow(liedJob);
  }
  expect(after.corrected_at).not.toBeNull();
  expect(after.status).toBe('completed');
  expect(after.result).toEqual(truth);
  expect(after.completed_at).toEqual(before.completed_at);
  const { rows: lied } = await suite.client.query(
    `SELECT c.replica_role, c.verdict, n.platform_node FROM jobs_chunks c LEFT JOIN nodes n ON n.id = c.node_id
     WHERE c.job_id = $1 ORDER BY c.replica_role, c.seed_offset`,
    [liedJob],
  );
  // every published lie judged invalid against an arbiter copy the platform node ran
  expect(lied).toEqual([
    ...Array(3).fill({ replica_role: 'arbiter', verdict: 'verified', platform_node: true }),
    ...Array(3).fill({ replica_role: 'primary', verdict: 'invalid', platform_node: false }),
  ]);

  // The job where it was honest is rechecked, found right, and not marked corrected.
  const recheckDeadline = Date.now() + 60_000;
  let honestRows: Array<{ replica_role: string; verdict: string | null }> = [];
  for (;;) {
    const { rows } = await suite.client.query(
      `SELECT replica_role, verdict FROM jobs_chunks WHERE job_id = $1 ORDER BY replica_role, seed_offset`,
      [honestJob],
    );
    honestRows = rows as typeof honestRows;
    if (honestRows.every((r) => r.verdict !== null) || Date.now() > recheckDeadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(honestRows).toEqual([
    ...Array(2).fill({ replica_role: 'arbiter', verdict: 'verified' }),
    ...Array(2).fill({ replica_role: 'primary', verdict: 'verified' }),
  ]);
  const honestAfter = await jobRow(honestJob);
  expect(honestAfter.corrected_at).toBeNull();
  expect(honestAfter.result).toEqual(honestBefore.result);

  // Every proven lie counted (job B's and the published ones); rechecks raised no trust.
  const trust = await nodeTrust(suite.client, sleeper.nodeId);
  const { rows: invalid } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE node_id = $1 AND verdict = 'invalid'`,
    [sleeper.nodeId],
  );
  expect(trust.mismatches).toBe((invalid[0] as { n: number }).n);
  expect(trust.mismatches).toBeGreaterThanOrEqual(4);
  expect(trust.quarantined).toBe(true);
  expect(trust.trust_streak).toBe(0);
  // credit: only the honest job's 2,000 iterations (taken back when caught, given back when verified)
  expect(trust.credited_iterations).toBe(2000);
}, 240_000);

it('a lie a caught node confirmed as replica partner is recomputed too, and its author penalised', async () => {
  const config = quickConfig();
  const [victim, sleeperUser, sybilUser, operator] = await newUsers(suite.client, 4);
  const sleeper = await registeredNode(suite.client, suite.sentinel.baseUrl, sleeperUser!, {
    trustStreak: 1000,
    maxParallel: 2,
  });
  suite.open.push(sleeper);
  const sybil = await registeredNode(suite.client, suite.sentinel.baseUrl, sybilUser!);
  suite.open.push(sybil);
  await sybil.close(); // it did its part already

  // Before: the sybil's lie on the victim's job, confirmed by the trusted sleeper as replica.
  const seed = 81;
  const jobId = await publishedJob(victim!, sybil.nodeId, config, seed, 2000, true);
  await suite.client.query(`UPDATE jobs_chunks SET verdict = 'verified' WHERE job_id = $1`, [jobId]);
  const { rows: primaries } = await suite.client.query(
    `SELECT id, config_hash, iterations, seed_offset, result, digest FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  for (const p of primaries as Array<Record<string, unknown>>)
    await suite.client.query(
      `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, replica_of, replica_role, status,
                                node_id, result, digest, verdict, claimed_at, completed_at, exclude_owners)
       VALUES ($1, $2, $3, $4, $5, 'replica', 'completed', $6, $7, $8, 'verified', now() - interval '1 minute',
               now() - interval '20 seconds', ARRAY[$9::uuid])`,
      [
        jobId,
        p.config_hash,
        p.iterations,
        p.seed_offset,
        p.id,
        sleeper.nodeId,
        p.result,
        p.digest,
        sybilUser,
      ],
    );
  const truth = localJobResult(config, seed, 2000);
  expect((await jobRow(jobId)).result).not.toEqual(truth);

  // The sleeper is caught on another job by a platform node; what it confirmed is recomputed.
  makeCheater(sleeper, 'scaled');
  const platform = await registeredNode(suite.client, suite.sentinel.baseUrl, operator!, { platform: true });
  suite.open.push(platform);
  const other = await createJob(suite.client, victim!, {
    iterations: 40_000,
    access: 'public',
    seed: 82,
    config,
  });
  await waitForJob(suite.client, other, 'completed', 120_000);
  const deadline = Date.now() + 60_000;
  let after = await jobRow(jobId);
  while (after.corrected_at === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    after = await jobRow(jobId);
  }
  expect(after.corrected_at).not.toBeNull();
  expect(after.result).toEqual(truth);
  const { rows: verdicts } = await suite.client.query(
    `SELECT c.replica_role, c.verdict, c.node_id = $2 AS sybil, c.node_id = $3 AS sleeper
     FROM jobs_chunks c WHERE c.job_id = $1 ORDER BY c.replica_role, c.seed_offset`,
    [jobId, sybil.nodeId, sleeper.nodeId],
  );
  expect(verdicts).toEqual([
    ...Array(2).fill({ replica_role: 'arbiter', verdict: 'verified', sybil: false, sleeper: false }),
    ...Array(2).fill({ replica_role: 'primary', verdict: 'invalid', sybil: true, sleeper: false }),
    ...Array(2).fill({ replica_role: 'replica', verdict: 'invalid', sybil: false, sleeper: true }),
  ]);
  // the lie's author is penalised for it, though it is offline
  expect((await nodeTrust(suite.client, sybil.nodeId)).mismatches).toBe(2);
}, 240_000);
