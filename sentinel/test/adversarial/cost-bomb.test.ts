// Attack: a config within every documented limit (20-target cleave, 1,200 s ± 50 %, a 500-line
// rotation ending in a 1 ms wait) that would cost minutes per iteration. The sentinel prices it
// before any node works and fails the job at once, naming what to change; nothing is assigned.
import { createTestDatabase } from '@wowlab/db';
import { specs } from '@wowlab/sim-core';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, createJob, createUser, waitForJob } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { costBomb, registeredNode } from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let node: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
});

afterAll(async () => {
  await node?.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('a job whose chunks would take minutes each fails at creation with the parameter to change', async () => {
  const bomb = costBomb();
  // manual: it only records what it is given (it must be given nothing)
  node = await registeredNode(client, sentinel.baseUrl, await createUser(client), {
    mode: 'manual',
    maxParallel: 2,
  });

  const jobId = await createJob(client, await createUser(client), {
    iterations: 10_000,
    access: 'public',
    config: bomb,
  });
  const job = await waitForJob(client, jobId, 'failed', 20_000);
  expect(job.error).toMatch(/per chunk of 1,000 iterations .* limit is 60 s/);
  expect(job.error).toMatch(/change: rotation/);
  expect(node.assigned.filter((c) => c.jobId === jobId)).toEqual([]);
}, 60_000);

it('the same bomb hidden as a variant of a cheap sim fails the job; no node gets a chunk of it', async () => {
  const cheap = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  const bomb = costBomb();
  const jobId = await createJob(client, await createUser(client), {
    iterations: 2000,
    access: 'public',
    config: cheap,
    variants: [{ name: 'innocent', config: bomb }],
  });
  const job = await waitForJob(client, jobId, 'failed', 20_000);
  expect(job.error).toMatch(/per chunk of 1,000 iterations .* limit is 60 s/);
  const { rows } = await client.query(`SELECT variants->0->>'configHash' AS hash FROM jobs WHERE id = $1`, [
    jobId,
  ]);
  const bombHash = (rows[0] as { hash: string }).hash;
  expect(node.assigned.filter((c) => c.configHash === bombHash)).toEqual([]);
}, 60_000);
