// Attack: closed-tab.test.ts through /chunks/fail instead of a lost socket. Four unclaimed nodes
// (no account) fail every chunk of a newcomer's public sim: each failure counts an attempt though
// it confirms nothing. The newcomer's tab then hits one transient error on a chunk — its config
// fetch dropped by a flaky connection, a worker killed for memory (node/src/client/work-loop.ts
// reports both as reason `error`) — and since a failure reported by compute trusted by
// construction confirms, the job fails for good: "The simulation failed 5 times", after one
// failure that counts, which was not the simulation's.
// Now, with replication on, only failures and losses on compute trusted by construction count
// toward the limit (completion/fail.ts, as db/reclaim.ts for losses).
import { expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { failedByOwners, guestGriefers, localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite();

it('one transient error on a newcomer’s tab after griefers’ failures does not fail the job', async () => {
  const maxAttempts = suite.sentinel.app.config.maxChunkAttempts;
  const newcomer = await createUser(suite.client);
  const config = quickConfig();
  const griefers = await guestGriefers(suite.sentinel.baseUrl, maxAttempts - 1, 4);
  suite.open.push(...griefers);
  const jobId = await createJob(suite.client, newcomer, {
    iterations: 1000,
    access: 'public',
    seed: 23,
    config,
  });
  await failedByOwners(suite.client, jobId, maxAttempts - 1);
  for (const g of griefers) await g.close();

  // the newcomer's tab fails its first try at the chunk once, as a dropped config fetch does
  let tried = false;
  const tab = await suite.node(newcomer, {
    mode: 'manual',
    allows: 'own',
    onAssign: (chunk, node) => {
      if (tried) return;
      tried = true;
      void node.request('POST', '/chunks/fail', { chunkId: chunk.id, error: 'fetch failed' });
    },
  });
  await waitFor(async () => tried, 30_000, 'the tab to take the chunk');
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(`SELECT attempts FROM jobs_chunks WHERE job_id = $1`, [
        jobId,
      ]);
      return (rows[0] as { attempts: number }).attempts >= maxAttempts;
    },
    30_000,
    'the failure to be counted',
  );
  const after = await getJob(suite.client, jobId);
  expect([after.status, after.error]).toEqual(['running', null]);
  // the newcomer reopens the site: a fresh tab runs the chunk and the sim finishes
  await tab.close();
  await suite.node(newcomer, { allows: 'own' });
  const done = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(done.result).toEqual(localJobResult(config, 23, 1000));
}, 90_000);
