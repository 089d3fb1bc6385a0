// A node late on a chunk may still answer it (a late answer counts when it comes first), so it may
// still read the chunk's config. A node that had not fetched the config before its deadline (a
// cold tab, a busy machine) was refused it once the chunk ran elsewhere: it dropped the chunk as
// no longer its own, never answered, and that chunk kept one of its slots for an hour.
import { expect, it } from 'vitest';
import { createJob, createUser, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { platformSuite } from '../helpers/trust-suite.ts';
import { startSentinel } from '../helpers/sentinel.ts';
import { localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = platformSuite(startSentinel, { CHUNK_DEADLINE_MIN_MS: '1000', WS_PING_INTERVAL_MS: '10000' });

it('a node late on a chunk can still fetch its config and answer it', async () => {
  const config = quickConfig();
  const owner = await createUser(suite.client);
  // manual: both record what they are given and answer only when the test says so
  const late = await suite.node(await createUser(suite.client), {
    mode: 'manual',
    maxParallel: 1,
  });
  const jobId = await createJob(suite.client, owner, {
    iterations: 1000,
    access: 'public',
    seed: 31,
    config,
  });
  await waitFor(
    async () => late.assigned.some((c) => c.jobId === jobId),
    10_000,
    'the first node to take the chunk',
  );
  const chunk = late.assigned.find((c) => c.jobId === jobId)!;

  // past its deadline the chunk goes to the other node
  const other = await suite.node(await createUser(suite.client), {
    mode: 'manual',
    maxParallel: 1,
  });
  await waitFor(async () => other.assigned.some((c) => c.id === chunk.id), 15_000, 'the chunk to move on');

  // only the config of the chunk it was late on: not another job's it was never given
  const otherJob = await createJob(suite.client, owner, { iterations: 1000, access: 'public', seed: 32 });
  const { rows: hashes } = await suite.client.query('SELECT config_hash FROM jobs WHERE id = $1', [otherJob]);
  const otherHash = (hashes[0] as { config_hash: string }).config_hash;
  expect(otherHash).not.toBe(chunk.configHash);
  expect((await late.fetchConfig(otherHash)).status).toBe(404);

  const fetched = await late.fetchConfig(chunk.configHash);
  expect(fetched.status).toBe(200);
  const result = await late.run(chunk);
  const res = await late.complete(chunk.id, result);
  expect(res.status).toBe(200);
  expect(res.body.accepted).toBe(true);
  const job = await waitForJob(suite.client, jobId, 'completed', 15_000);
  expect(job.result).toEqual(localJobResult(config, 31, 1000));
  const { rows } = await suite.client.query(`SELECT node_id FROM jobs_chunks WHERE id = $1`, [chunk.id]);
  expect(rows).toEqual([{ node_id: late.nodeId }]);
}, 60_000);
