// Attack: spend a newcomer's chunk attempts, then let their own tab close. Four unclaimed nodes
// (no account: each its own owner) answer /chunks/fail to every chunk of a newcomer's public sim.
// None of those failures confirms anything (guest-griefers.test.ts), but each counts an attempt:
// every chunk reaches MAX_CHUNK_ATTEMPTS - 1. The newcomer's own tab, the only compute trusted by
// construction for the job, then runs the chunks, and a loss on compute trusted by construction
// "confirms" a failure (db/reclaim.ts, confirmsFailure): the newcomer closes the tab (or the
// laptop sleeps past the reconnect grace) while it holds a chunk, and the job fails for good —
// "lost 5 times (nodes vanished)" — though the chunk was lost once by a node that counts and
// failed nowhere. A tab closing says nothing about the simulation; four free griefers should not
// turn it into the job's failure. The job keeps waiting, and completes once a node runs it.
import { afterEach, expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { failedByOwners, guestGriefers, localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite();

afterEach(async () => {
  for (const n of suite.open.splice(0)) await n.close();
});

it('a newcomer closing their tab after griefers spent the chunk’s attempts does not fail the job', async () => {
  const config = quickConfig();
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const newcomer = await createUser(suite.client);
  const griefers = await guestGriefers(suite.sentinel.baseUrl, maxAttempts - 1, 4);
  suite.open.push(...griefers);
  const jobId = await createJob(suite.client, newcomer, {
    iterations: 1000,
    access: 'public',
    seed: 21,
    config,
  });
  await failedByOwners(suite.client, jobId, maxAttempts - 1);
  for (const g of griefers) await g.close();

  // the newcomer's tab (their own node, their own sims only) takes the chunk, then is closed
  const tab = await suite.node(newcomer, { mode: 'manual', allows: 'own' });
  await waitFor(async () => tab.assigned.some((c) => c.jobId === jobId), 30_000, 'the tab to take the chunk');
  tab.kill();
  // past the reconnect grace the chunk is reclaimed from the vanished tab
  await waitFor(
    async () => {
      const job = await getJob(suite.client, jobId);
      if (job.status !== 'running') return true;
      const { rows } = await suite.client.query(`SELECT status FROM jobs_chunks WHERE job_id = $1`, [jobId]);
      return (rows[0] as { status: string }).status === 'pending';
    },
    30_000,
    'the chunk to be reclaimed',
  );
  const after = await getJob(suite.client, jobId);
  expect([after.status, after.error]).toEqual(['running', null]);

  // the newcomer comes back (or any node that may run it does): the job completes, true result
  await suite.node(newcomer, { allows: 'own' });
  const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(job.result).toEqual(localJobResult(config, 21, 1000));
}, 90_000);

it('a chunk its owner’s own node loses MAX_CHUNK_ATTEMPTS times still fails the job, as before', async () => {
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const owner = await createUser(suite.client);
  const jobId = await createJob(suite.client, owner, { iterations: 1000, access: 'private', seed: 22 });
  for (let i = 0; i < maxAttempts; i++) {
    const tab = await suite.node(owner, { mode: 'manual', allows: 'own' });
    await waitFor(
      async () => tab.assigned.some((c) => c.jobId === jobId),
      30_000,
      'the tab to take the chunk',
    );
    tab.kill();
    await waitFor(
      async () => {
        const job = await getJob(suite.client, jobId);
        if (job.status !== 'running') return true;
        const { rows } = await suite.client.query(`SELECT status FROM jobs_chunks WHERE job_id = $1`, [
          jobId,
        ]);
        return (rows[0] as { status: string }).status === 'pending';
      },
      30_000,
      'the chunk to be reclaimed',
    );
  }
  const job = await waitForJob(suite.client, jobId, 'failed', 10_000);
  expect(job.error).toMatch(new RegExp(`was lost ${maxAttempts} times`));
}, 90_000);
