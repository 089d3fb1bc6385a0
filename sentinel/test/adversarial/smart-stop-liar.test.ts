// Attack: a trusted node moves a smart sim's stop. On a job with a target error it sends results
// with the true mean but no spread (every sample the chunk's mean: every structural check
// passes), so the merged error would reach the target after the fewest chunks and the job would
// stop there for good (a correction after it is caught recomputes only the stopped prefix). Before,
// 9 in 10 of its results were accepted on trust and such a job stopped at 2,000 iterations where
// an honest run stops later. Now a smart sim's results never count on an earned node's word alone:
// each is re-run (here by the platform node), so the liar is caught and the job stops where an
// honest run does, with the honest result.
import { mergeResults } from '@wowlab/sim-core';
import { expect, it } from 'vitest';
import { createJob, getJob, waitForJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { chunkRows, localSmartStop, newUsers, nodeTrust, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite();
const config = quickConfig();
const SEED = 77;
const CAP = 60_000;
const TARGET = 0.0016;

it('a trusted liar that flattens its samples does not move a smart sim’s stop', async () => {
  const expected = localSmartStop(config, SEED, CAP, TARGET); // where an honest run stops
  expect(expected.end).toBeGreaterThan(3000); // an honest run needs more than the fewest chunks
  const [victim, sleeperUser, operator] = await newUsers(suite.client, 3);
  const sleeper = await suite.node(sleeperUser!, { trustStreak: 1000, maxParallel: 4 });
  const honestRun = sleeper.run.bind(sleeper);
  sleeper.run = async (chunk) => {
    const r = await honestRun(chunk);
    return { ...r, samples: r.samples.map(() => r.mean), m2: 0, min: r.mean, max: r.mean };
  };
  const platform = await suite.node(operator!, { platform: true, maxParallel: 1 });
  const jobId = await createJob(suite.client, victim!, {
    iterations: CAP,
    access: 'public',
    seed: SEED,
    config,
    targetError: TARGET,
  });
  const done = await waitForJob(suite.client, jobId, 'completed', 120_000);
  expect((await getJob(suite.client, jobId)).total_iterations).toBe(expected.end);
  expect(done.result).toEqual({ ...mergeResults(expected.chunks), stopped: 'target' });
  // nothing of the liar's counted on its word; it was caught
  const rows = await chunkRows(suite.client, jobId);
  expect(rows.filter((r) => r.node_id === sleeper.nodeId && r.verdict === 'trusted')).toEqual([]);
  expect(rows.some((r) => r.node_id === platform.nodeId)).toBe(true);
  expect((await nodeTrust(suite.client, sleeper.nodeId)).mismatches).toBeGreaterThanOrEqual(1);
}, 180_000);
