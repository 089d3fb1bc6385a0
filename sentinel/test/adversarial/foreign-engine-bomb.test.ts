// Attack: the cost bomb (cost-bomb.test.ts) under another engine version. The sentinel prices a
// config with its own sim-core only (completion/config-check.ts): a config of another engine
// version "cannot be checked here and passes through". create_job takes any engineVersion string,
// so an attacker calls it by hand with the version volunteers still on an older (or newer) node
// run, and their nodes are handed chunks that cost minutes per iteration: the bound the sentinel
// enforces for every other job (jobs beyond it are refused before any node works) does not hold
// for them, and a public job of 1,000,000 iterations buys hours of other people's CPU.
// Work the sentinel cannot price runs only on compute the job's owner brought (their own nodes),
// never on volunteers': the owner's own node of that version still runs it.
import { createTestDatabase } from '@wowlab/db';
import { specs } from '@wowlab/sim-core';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, createJob, createUser, waitFor } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';
import { addPermission, claimNode } from '../helpers/fixtures.ts';
import { costBomb } from '../trust/helpers.ts';

const OLD_ENGINE = '0.0.9';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
const nodes: TestNode[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
});

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('a cost bomb with another engine version is never handed to a volunteer on that version', async () => {
  // the cost bomb of cost-bomb.test.ts, labelled with the older version
  const bomb = { ...costBomb(), engineVersion: OLD_ENGINE };

  // an honest volunteer still on the older engine, offering public work (manual: it records only)
  const volunteerOwner = await createUser(client);
  const volunteer = await TestNode.create(sentinel.baseUrl, {
    mode: 'manual',
    maxParallel: 2,
    engineVersion: OLD_ENGINE,
  });
  nodes.push(volunteer);
  await claimNode(client, volunteerOwner, volunteer.claimCode!, 2);
  await addPermission(client, volunteer.nodeId, 'public');
  await volunteer.connect();

  const attacker = await createUser(client);
  const bombJob = await createJob(client, attacker, { iterations: 10_000, access: 'public', config: bomb });

  // the volunteer's owner's own sim of that version: their own node still runs it (and, created
  // after the bomb, it shows the scheduler has passed over the bomb's chunks)
  const own = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig() as unknown as Record<string, unknown>;
  own.engineVersion = OLD_ENGINE;
  const ownJob = await createJob(client, volunteerOwner, {
    iterations: 1000,
    access: 'private',
    config: own,
  });
  await waitFor(
    async () => volunteer.assigned.some((c) => c.jobId === ownJob),
    20_000,
    'the owner’s own chunk',
  );
  // one more scheduler tick for good measure
  await new Promise((r) => setTimeout(r, 500));

  expect(volunteer.assigned.filter((c) => c.jobId === bombJob)).toEqual([]);
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = $1 AND node_id IS NOT NULL`,
    [bombJob],
  );
  expect((rows[0] as { n: number }).n).toBe(0);
}, 60_000);
