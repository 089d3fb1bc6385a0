// Attack: a sleeper kills other users' valid jobs with failure reports. The attacker earns trust
// for one account's node (ten results confirmed, honestly), registers four unclaimed nodes (free:
// no account, each its own owner) and has all of them answer /chunks/fail. The guests fail each
// chunk of a victim's public job first; the trusted node fails it last. A failure then "confirms"
// itself (confirmsFailure: an earned-trusted claimed node once two owners failed it) and the job
// fails for good: nothing samples a trusted node's failure reports (its results are re-run at a
// floor of 1 in 10), nothing revisits a failed job, and no failure costs its node anything. One
// trusted account fails every public job its nodes are handed, for ever.
// A job failure is the last word on a job, like an arbiter's verdict, and the arbiter is compute
// trusted by construction only (mayRun: "an earned-trusted node may have turned"). The simulation
// is deterministic: a chunk that really fails fails on a platform node or the owner's tab too, so
// the job should wait for one of them (as it does when only guests failed it) and complete.
import { afterEach, expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { TestNode } from '../helpers/test-node.ts';
import { GRIEFER_ERROR, localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite();

afterEach(async () => {
  for (const n of suite.open.splice(0)) await n.close();
});

/** `count` unclaimed nodes (each its own owner) answering /chunks/fail to every assignment. */
async function guestGriefers(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const node = await TestNode.create(suite.sentinel.baseUrl, { mode: 'manual', maxParallel: 1 });
    node.onAssign = (chunk) => {
      void node.request('POST', '/chunks/fail', { chunkId: chunk.id, error: GRIEFER_ERROR });
    };
    await node.connect();
    suite.open.push(node);
  }
}

it('an earned-trusted node’s failure reports do not fail another user’s valid job', async () => {
  const config = quickConfig();
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const [victim, sleeperUser, operator] = [
    await createUser(suite.client),
    await createUser(suite.client),
    await createUser(suite.client),
  ];
  const seeds = [21, 22];
  const jobs: string[] = [];
  for (const seed of seeds)
    jobs.push(await createJob(suite.client, victim, { iterations: 2000, access: 'public', seed, config }));
  await guestGriefers(maxAttempts - 1);
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT bool_and(cardinality(failed_owners) = $2) AS all FROM jobs_chunks WHERE job_id = ANY($1::uuid[])`,
        [jobs, maxAttempts - 1],
      );
      return (rows[0] as { all: boolean }).all;
    },
    30_000,
    'the guests to fail every chunk',
  );
  // the sleeper: trusted, it fails whatever it is handed
  const sleeper = await suite.node(sleeperUser, { mode: 'griefer', trustStreak: 1000, maxParallel: 4 });
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT bool_and(j.status = 'failed' OR $2::text = ANY(c.failed_owners::text[])) AS all
         FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id WHERE c.job_id = ANY($1::uuid[])`,
        [jobs, sleeperUser],
      );
      return (rows[0] as { all: boolean }).all;
    },
    30_000,
    'the sleeper to fail every chunk it is handed',
  );
  const statuses = [];
  for (const id of jobs) statuses.push((await getJob(suite.client, id)).status);
  // before: ['failed', 'failed'] ("The simulation failed 5 times: no, says the griefer")
  expect(statuses).toEqual(['running', 'running']);
  await sleeper.close();

  // the platform node runs them: the true results are published
  await suite.node(operator, { platform: true, maxParallel: 2 });
  for (const [i, id] of jobs.entries()) {
    const job = await waitForJob(suite.client, id, 'completed', 60_000);
    expect(job.result).toEqual(localJobResult(config, seeds[i]!, 2000));
  }
}, 120_000);
