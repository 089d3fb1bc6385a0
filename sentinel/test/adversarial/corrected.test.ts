// Attack: a trusted node's lies were published on a job that has completed (its results were
// accepted on trust, none sampled). When the node is caught later on another job, every result
// it published since its last verified one is recomputed by another owner: the lying job's
// published result is corrected and marked so; a job where it was honest is rechecked and left
// as it was. The caught node earns no trust back from rechecks of its old results.
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { jobRow, publishedJob } from '../trust/published-job.ts';
import { createJob, waitForJob } from '../helpers/fixtures.ts';
import {
  localJobResult,
  makeCheater,
  newUsers,
  nodeTrust,
  quickConfig,
  registeredNode,
} from '../trust/helpers.ts';

const suite = trustSuite();

it('a caught node’s lies on completed jobs are recomputed and the published result corrected', async () => {
  const config = quickConfig();
  const [victim, sleeperUser, operator] = await newUsers(suite.client, 3);
  const sleeper = await registeredNode(suite.client, suite.sentinel.baseUrl, sleeperUser!, {
    trustStreak: 1000,
    maxParallel: 2,
  });
  suite.open.push(sleeper);

  // Before it is caught: a job where it was honest, and one where its lies were published.
  const honestJob = await publishedJob(suite.client, victim!, sleeper.nodeId, config, 71, 2000, false);
  const liedJob = await publishedJob(suite.client, victim!, sleeper.nodeId, config, 72, 3000, true);
  const truth = localJobResult(config, 72, 3000);
  const before = await jobRow(suite.client, liedJob);
  expect(before.result).not.toEqual(truth);
  expect(before.corrected_at).toBeNull();
  const honestBefore = await jobRow(suite.client, honestJob);
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
  let after = await jobRow(suite.client, liedJob);
  while (after.corrected_at === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    after = await jobRow(suite.client, liedJob);
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
  const honestAfter = await jobRow(suite.client, honestJob);
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
  const jobId = await publishedJob(suite.client, victim!, sybil.nodeId, config, seed, 2000, true);
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
  expect((await jobRow(suite.client, jobId)).result).not.toEqual(truth);

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
  let after = await jobRow(suite.client, jobId);
  while (after.corrected_at === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    after = await jobRow(suite.client, jobId);
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
