// Attack: a node takes a chunk of another user's job, closes its socket and stays away past the
// reconnect grace, then comes back for more, again and again. Each disappearance sends the chunk
// back to pending with one attempt more, and a chunk lost MAX_CHUNK_ATTEMPTS times fails its
// job. A node vanishing is a failure reported by its owner alone (as /chunks/fail is,
// fail-griefer.test.ts): it fails nothing alone, and the job completes with the true result once
// an honest node is there. (The owner is not excluded: an honest volunteer whose connection
// dropped may run the chunk when it is back, guest-leaves in the site's tests.)
import { expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { platformSuite } from '../helpers/trust-suite.ts';
import { startSentinel } from '../helpers/sentinel.ts';
import { localJobResult, quickConfig } from '../trust/helpers.ts';

// short deadlines: back for more, it holds what it takes as a staller does (staller.test.ts)
const suite = platformSuite(startSentinel, { CHUNK_DEADLINE_MIN_MS: '1000', WS_PING_INTERVAL_MS: '10000' });

it('one owner’s node vanishing with a chunk again and again does not fail another user’s job', async () => {
  const config = quickConfig();
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const victim = await createUser(suite.client);
  const attacker = await createUser(suite.client);
  // manual: it records what it is given and never answers
  const vanisher = await suite.node(attacker, {
    mode: 'manual',
    maxParallel: 1,
  });

  const jobId = await createJob(suite.client, victim, {
    iterations: 4000,
    access: 'public',
    seed: 21,
    config,
  });

  // as many rounds as it takes a chunk to run out of attempts, each on whatever it is given
  const taken: string[] = [];
  for (let round = 0; round < maxAttempts; round++) {
    const before = vanisher.received.length;
    const got = await waitFor(async () => vanisher.received.length > before, 3000, 'an assignment').catch(
      () => false,
    );
    if (!got) break; // nothing more it may take
    const chunkId = vanisher.received[vanisher.received.length - 1]!;
    taken.push(chunkId);
    await vanisher.close();
    // past the reconnect grace the chunk goes back to pending (one attempt more)
    await waitFor(
      async () => {
        const { rows } = await suite.client.query(
          `SELECT 1 FROM jobs_chunks WHERE id = $1 AND status = 'running' AND node_id = $2`,
          [chunkId, vanisher.nodeId],
        );
        return rows.length === 0;
      },
      10_000,
      'the vanished chunk to be reclaimed',
    );
    if ((await getJob(suite.client, jobId)).status !== 'running') break;
    await vanisher.connect();
  }
  expect(taken.length).toBeGreaterThan(0);
  expect((await getJob(suite.client, jobId)).status).toBe('running');

  await suite.node(await createUser(suite.client));
  const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(job.result).toEqual(localJobResult(config, 21, 4000));
  // every loss counted an attempt, the attacker alone among the chunk's failed owners: not enough
  // to confirm that the chunk cannot run, though attempts reached the limit
  const { rows } = await suite.client.query(
    `SELECT id, attempts, failed_owners::text[] AS owners FROM jobs_chunks WHERE id = ANY($1::uuid[])`,
    [[...new Set(taken)]],
  );
  for (const r of rows as Array<{ attempts: number; owners: string[] }>) expect(r.owners).toEqual([attacker]);
  const attempts = (rows as Array<{ attempts: number }>).reduce((a, r) => a + r.attempts, 0);
  expect(attempts).toBe(taken.length);
}, 90_000);
