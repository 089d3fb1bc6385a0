// Attack: one free account holds the whole volunteer pool. Every account (a guest's too) may have
// 20 sims running, each up to 1,000,000 iterations (1,000 chunks): 20,000 chunks per account, each
// within the cost bound (60 s on a median core), all public. The scheduler hands out pending
// chunks oldest first across every job (claim-chunks.ts: ORDER BY created_at), so a job another
// user creates after them waits until every one of the attacker's chunks has run: at the cost
// bound, about 330 CPU-hours of the pool per account before anyone else's first chunk, and a few
// guest sessions multiply it. No rule is broken and nothing is refused.
// Here: 20 jobs of 10 chunks, then a victim's job of 2 chunks, run by an honest volunteer's nodes.
// Pending work should be shared between owners (as BOINC shares between projects and users):
// the victim's job completes while the attacker's 200 chunks are still mostly waiting.
import { expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor } from '../helpers/fixtures.ts';
import { platformSuite } from '../helpers/trust-suite.ts';
import { startSentinel } from '../helpers/sentinel.ts';
import { completedChunks, hogJobs, localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = platformSuite(startSentinel);

it('one account’s 20 big public jobs do not hold back another user’s job until they are done', async () => {
  const config = quickConfig();
  const [attacker, victim, volunteer] = [
    await createUser(suite.client),
    await createUser(suite.client),
    await createUser(suite.client),
  ];
  const hog = await hogJobs(suite.client, attacker, config);
  const jobId = await createJob(suite.client, victim, {
    iterations: 2000,
    access: 'public',
    seed: 7,
    config,
  });
  for (let i = 0; i < 2; i++) await suite.node(volunteer, { maxParallel: 2 });

  const hogDone = () => completedChunks(suite.client, hog);
  // until the victim's job completes, or the pool has run half of the attacker's chunks
  await waitFor(
    async () => (await getJob(suite.client, jobId)).status === 'completed' || (await hogDone()) >= 100,
    120_000,
    'the victim’s job or half of the attacker’s chunks',
  );
  const victimJob = await getJob(suite.client, jobId);
  const ranFirst = await hogDone();
  // before: the victim's job was still pending (not one chunk run) with 100 of the attacker's done
  expect({ victim: victimJob.status, hogChunksFirst: ranFirst < 100 }).toEqual({
    victim: 'completed',
    hogChunksFirst: true,
  });
  expect(victimJob.result).toEqual(localJobResult(config, 7, 2000));
}, 180_000);
