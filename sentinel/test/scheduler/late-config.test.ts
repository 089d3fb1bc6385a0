// A node late on a chunk may still answer it (a late answer counts when it comes first), so it may
// still read the chunk's config. A node that had not fetched the config before its deadline (a
// cold tab, a busy machine) was refused it once the chunk ran elsewhere: it dropped the chunk as
// no longer its own, never answered, and that chunk kept one of its slots for an hour.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, createJob, createUser, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { localJobResult, quickConfig, registeredNode } from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
const nodes: TestNode[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url, { CHUNK_DEADLINE_MIN_MS: '1000', WS_PING_INTERVAL_MS: '10000' });
});

afterAll(async () => {
  for (const n of nodes) await n.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('a node late on a chunk can still fetch its config and answer it', async () => {
  const config = quickConfig();
  const owner = await createUser(client);
  // manual: both record what they are given and answer only when the test says so
  const late = await registeredNode(client, sentinel.baseUrl, await createUser(client), {
    mode: 'manual',
    maxParallel: 1,
  });
  nodes.push(late);
  const jobId = await createJob(client, owner, { iterations: 1000, access: 'public', seed: 31, config });
  await waitFor(
    async () => late.assigned.some((c) => c.jobId === jobId),
    10_000,
    'the first node to take the chunk',
  );
  const chunk = late.assigned.find((c) => c.jobId === jobId)!;

  // past its deadline the chunk goes to the other node
  const other = await registeredNode(client, sentinel.baseUrl, await createUser(client), {
    mode: 'manual',
    maxParallel: 1,
  });
  nodes.push(other);
  await waitFor(async () => other.assigned.some((c) => c.id === chunk.id), 15_000, 'the chunk to move on');

  // only the config of the chunk it was late on: not another job's it was never given
  const otherJob = await createJob(client, owner, { iterations: 1000, access: 'public', seed: 32 });
  const { rows: hashes } = await client.query('SELECT config_hash FROM jobs WHERE id = $1', [otherJob]);
  const otherHash = (hashes[0] as { config_hash: string }).config_hash;
  expect(otherHash).not.toBe(chunk.configHash);
  expect((await late.fetchConfig(otherHash)).status).toBe(404);

  const fetched = await late.fetchConfig(chunk.configHash);
  expect(fetched.status).toBe(200);
  const result = await late.run(chunk);
  const res = await late.complete(chunk.id, result);
  expect(res.status).toBe(200);
  expect(res.body.accepted).toBe(true);
  const job = await waitForJob(client, jobId, 'completed', 15_000);
  expect(job.result).toEqual(localJobResult(config, 31, 1000));
  const { rows } = await client.query(`SELECT node_id FROM jobs_chunks WHERE id = $1`, [chunk.id]);
  expect(rows).toEqual([{ node_id: late.nodeId }]);
}, 60_000);
