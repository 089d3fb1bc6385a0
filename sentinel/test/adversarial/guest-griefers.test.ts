// Attack: failure reports from nodes nobody vouches for. Without any account, an attacker
// registers a handful of unclaimed nodes (each is its own owner) and answers /chunks/fail to
// every assignment. A failure report fails nothing alone and the chunk goes to owners that have
// not failed it (fail-griefer.test.ts), but "failed by two distinct owners" is no evidence when
// owners cost nothing: with replication on, a job fails on repeated failures only when the last
// one comes from compute trusted by construction for the job, as a dispute is settled
// (docs/trust.md).
import { afterEach, expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { TestNode } from '../helpers/test-node.ts';
import {
  failedByOwners,
  GRIEFER_ERROR,
  guestGriefers,
  localJobResult,
  quickConfig,
} from '../trust/helpers.ts';

const suite = trustSuite();

// each case meets only its own nodes
afterEach(async () => {
  for (const n of suite.open.splice(0)) await n.close();
});

/** `count` guest griefers, closed after each case. */
async function griefers(count: number): Promise<TestNode[]> {
  const nodes = await guestGriefers(suite.sentinel.baseUrl, count);
  suite.open.push(...nodes);
  return nodes;
}

it('unclaimed nodes failing every chunk do not fail another user’s job', async () => {
  const config = quickConfig();
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const victim = await createUser(suite.client);
  await griefers(maxAttempts);
  const jobId = await createJob(suite.client, victim, {
    iterations: 2000,
    access: 'public',
    seed: 8,
    config,
  });
  // each griefer is excluded from a chunk it failed: here every one has failed every chunk
  await failedByOwners(suite.client, jobId, maxAttempts);
  const after = await getJob(suite.client, jobId);
  expect([after.status, after.error]).toEqual(['running', null]);

  // the operator's platform node runs it: the true result is published
  const operator = await createUser(suite.client);
  await suite.node(operator, { platform: true });
  const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(job.result).toEqual(localJobResult(config, 8, 2000));
  const { rows } = await suite.client.query(
    `SELECT DISTINCT node_id FROM jobs_chunks WHERE job_id = $1 AND status = 'completed'`,
    [jobId],
  );
  expect(rows).toEqual([{ node_id: suite.open[suite.open.length - 1]!.nodeId }]);
}, 90_000);

it('a chunk failed by other owners, an earned-trusted one too, fails its job only once the owner’s own node fails it', async () => {
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const victim = await createUser(suite.client);
  const grieving = await griefers(maxAttempts - 1);
  const jobId = await createJob(suite.client, victim, {
    iterations: 2000,
    access: 'public',
    seed: 9,
    config: quickConfig(),
  });
  await failedByOwners(suite.client, jobId, maxAttempts - 1);
  expect((await getJob(suite.client, jobId)).status).toBe('running');
  // a volunteer that earned trust against platform nodes fails it as well: an earned node may
  // have turned, and a job failure is final, so that confirms nothing either
  const trustedUser = await createUser(suite.client);
  const trusted = await suite.node(trustedUser, { mode: 'griefer', trustStreak: 10 });
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT bool_and($2::text = ANY(failed_owners::text[])) AS all FROM jobs_chunks WHERE job_id = $1`,
        [jobId, trustedUser],
      );
      return (rows[0] as { all: boolean }).all;
    },
    30_000,
    'the trusted volunteer to fail every chunk',
  );
  expect((await getJob(suite.client, jobId)).status).toBe('running');
  for (const n of [...grieving, trusted]) await n.close();
  // the owner's own node (as their tab would) fails it too: a failure there is the job's, once it
  // has failed there MAX_CHUNK_ATTEMPTS times (the others' failures spend none of those:
  // transient-tab-error.test.ts)
  await suite.node(victim, { mode: 'griefer', allows: 'own' });
  const job = await waitForJob(suite.client, jobId, 'failed', 30_000);
  expect(job.error).toBe(`The simulation failed ${2 * maxAttempts} times: ${GRIEFER_ERROR}`);
}, 90_000);
