// Attack: the queue hog again, on a busy pool. The per-owner share (claim-chunks.ts) splits one
// pass's batch between owners, but a pass's batch is the pool's free capacity: once the pool is
// busy, slots free one or two at a time, every owner's share is its one oldest chunk, and the
// batch is ordered by created_at across owners. The oldest owner then wins every freed slot: one
// account's 20 public sims created before anyone else's take the whole pool as before, and a job
// created once the volunteers are busy waits until every one of the hog's chunks has run.
// Here: 20 jobs of 10 chunks; one volunteer node (1 slot, 2 with prefetch) starts on them; then a
// victim's job of 2 chunks. The victim's job should complete while most of the hog's chunks wait.
import { expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor } from '../helpers/fixtures.ts';
import { platformSuite } from '../helpers/trust-suite.ts';
import { startSentinel } from '../helpers/sentinel.ts';
import { completedChunks, hogJobs, localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = platformSuite(startSentinel);

it('a job created while the pool is busy with one account’s 20 jobs gets the next free slots', async () => {
  const config = quickConfig();
  const [attacker, victim, volunteer] = [
    await createUser(suite.client),
    await createUser(suite.client),
    await createUser(suite.client),
  ];
  const hog = await hogJobs(suite.client, attacker, config);
  await suite.node(volunteer, { maxParallel: 1 });
  const hogDone = () => completedChunks(suite.client, hog);
  // the pool is busy with the hog's chunks before the victim arrives
  await waitFor(async () => (await hogDone()) >= 3, 60_000, 'the volunteer running the hog’s chunks');
  const jobId = await createJob(suite.client, victim, {
    iterations: 2000,
    access: 'public',
    seed: 7,
    config,
  });
  const before = await hogDone();
  await waitFor(
    async () => (await getJob(suite.client, jobId)).status === 'completed' || (await hogDone()) >= 150,
    150_000,
    'the victim’s job or 150 of the attacker’s chunks',
  );
  const victimJob = await getJob(suite.client, jobId);
  // the hog's chunks that completed between the victim's job's creation and its last chunk (what
  // the volunteer ran before the victim's chunks; not those completing while the job aggregates)
  const { rows: meanwhile } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks
     WHERE job_id = ANY($1::uuid[]) AND status = 'completed'
       AND completed_at > (SELECT created_at FROM jobs WHERE id = $2)
       AND completed_at <= (SELECT max(completed_at) FROM jobs_chunks WHERE job_id = $2)`,
    [hog, jobId],
  );
  const ranMeanwhile =
    victimJob.status === 'completed' ? (meanwhile[0] as { n: number }).n : (await hogDone()) - before;
  const victimChunks = await completedChunks(suite.client, [jobId]);
  // before the fix: the victim's job was still pending with 150 of the attacker's chunks run
  // (every freed slot went to the owner with the oldest chunk); with it, the victim's two chunks
  // take the next freed slots (a few of the hog's run meanwhile: held and prefetched ones)
  expect({ victim: victimJob.status, victimChunks, hogMeanwhile: Math.min(ranMeanwhile, 26) }).toEqual({
    victim: 'completed',
    victimChunks: 2,
    hogMeanwhile: expect.any(Number),
  });
  // how many exactly depends on when passes run against completions (passes are spaced, the node
  // prefetches, ties go to the older chunk): 6 to 17 in 10 runs here; before the fix, 150 and the
  // victim's job still waiting
  expect(ranMeanwhile).toBeLessThanOrEqual(25);
  expect(victimJob.result).toEqual(localJobResult(config, 7, 2000));
}, 240_000);
