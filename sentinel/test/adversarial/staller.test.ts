// Attack: a node takes chunks and never answers, while staying connected (reclaim on disconnect
// never fires). Every assignment has a deadline: past it the chunk goes to another node, and the
// staller, still counted as holding what it took, gets no more work meanwhile.
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
  sentinel = await startSentinel(db.url, {
    CHUNK_DEADLINE_MIN_MS: '1000',
    CHUNK_DEADLINE_DEFAULT_MS: '1500',
  });
});

afterAll(async () => {
  for (const n of nodes) await n.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('a connected node that holds chunks forever does not stall another user’s job', async () => {
  const config = quickConfig();
  const victim = await createUser(client);
  const stallUser = await createUser(client);
  // manual: it records what it is given and never answers
  const staller = await registeredNode(client, sentinel.baseUrl, stallUser, {
    mode: 'manual',
    maxParallel: 2,
  });
  nodes.push(staller);

  const jobId = await createJob(client, victim, { iterations: 6000, access: 'public', seed: 12, config });
  await waitFor(
    async () => staller.assigned.filter((c) => c.jobId === jobId).length > 0,
    10_000,
    'the staller to take chunks',
  );

  const honest = await registeredNode(client, sentinel.baseUrl, await createUser(client));
  nodes.push(honest);

  const job = await waitForJob(client, jobId, 'completed', 60_000);
  expect(job.result).toEqual(localJobResult(config, 12, 6000));
  const { rows } = await client.query(
    `SELECT DISTINCT node_id FROM jobs_chunks WHERE job_id = $1 AND status = 'completed'`,
    [jobId],
  );
  expect(rows).toEqual([{ node_id: honest.nodeId }]);
  // the staller got only what it took at first: it still counts as holding those
  expect(staller.assigned.filter((c) => c.jobId === jobId).length).toBeLessThanOrEqual(4);
  const { rows: attempts } = await client.query(
    `SELECT max(attempts)::int AS a FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  expect(attempts[0]).toEqual({ a: 0 }); // a missed deadline is no failure
}, 90_000);
