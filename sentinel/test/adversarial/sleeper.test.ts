// Attack: a node that earned trust (streak past the threshold) starts sending ×1.1 results on
// other users' jobs. Its results are still re-verified at the floor rate (1 in 10) against a
// platform node, so it is caught within a bounded number of results; then its unverified results
// in the running job are recomputed, and the job publishes the true numbers.
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { createJob, waitForJob } from '../helpers/fixtures.ts';
import {
  chunkRows,
  localJobResult,
  newUsers,
  nodeTrust,
  quickConfig,
  registeredNode,
} from '../trust/helpers.ts';

const suite = trustSuite();

it('a trusted node turned cheater is caught at the floor rate and its lies never reach the result', async () => {
  const config = quickConfig();
  const [victim, sleeperUser, operator] = await newUsers(suite.client, 3);
  const sleeper = await registeredNode(suite.client, suite.sentinel.baseUrl, sleeperUser!, {
    trustStreak: 1000,
    maxParallel: 2,
    mode: 'scaled',
  });
  suite.open.push(sleeper);
  const platform = await registeredNode(suite.client, suite.sentinel.baseUrl, operator!, {
    platform: true,
    maxParallel: 1,
  });
  suite.open.push(platform);

  const seed = 31;
  const jobId = await createJob(suite.client, victim!, {
    iterations: 40_000,
    access: 'public',
    seed,
    config,
  });
  const job = await waitForJob(suite.client, jobId, 'completed', 120_000);
  expect(job.result).toEqual(localJobResult(config, seed, 40_000));
  const trust = await nodeTrust(suite.client, sleeper.nodeId);
  expect(trust.mismatches).toBeGreaterThanOrEqual(1);
  expect(trust.trust_streak).toBe(0);
  const rows = await chunkRows(suite.client, jobId);
  // nothing it sent was accepted in the end
  expect(
    rows.filter((r) => r.node_id === sleeper.nodeId && (r.verdict === 'trusted' || r.verdict === 'verified')),
  ).toEqual([]);
  // caught: its results were judged invalid against the platform node's
  const { rows: first } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE node_id = $1 AND verdict = 'invalid'`,
    [sleeper.nodeId],
  );
  expect((first[0] as { n: number }).n).toBeGreaterThanOrEqual(1);
}, 180_000);
