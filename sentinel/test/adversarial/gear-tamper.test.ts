// Attack: a stranger's config with a doctored `gear` (item effects: an enchant rank that does not
// exist, item levels far outside the game's, an extra field) is refused before any node works,
// each problem said in words; and a config wearing every item effect at once is priced like any
// other and runs, its extra events (heartbeat, the lining's checks, the antenna's stacks) counted.
import { createTestDatabase } from '@wowlab/db';
import { estimateCost, specs } from '@wowlab/sim-core';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, createJob, createUser, waitForJob } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { registeredNode } from '../trust/helpers.ts';

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

it('a doctored gear fails the job at creation with every problem in words; no node gets a chunk', async () => {
  node = await registeredNode(client, sentinel.baseUrl, await createUser(client), {
    mode: 'manual',
    maxParallel: 2,
  });
  const config = {
    ...specs.find((s) => s.id === 'mm-hunter')!.defaultConfig(),
    gear: {
      weaponEnchant: 'authority_of_radiant_power_9',
      reshiiWrapsItemLevel: 100_000,
      astralAntennaItemLevel: -5,
      netherprismItemLevel: '723',
      dawnthreadLinings: 40,
      lootTable: 'everything',
    },
  };
  const jobId = await createJob(client, await createUser(client), {
    iterations: 2000,
    access: 'public',
    config,
  });
  const job = await waitForJob(client, jobId, 'failed', 20_000);
  expect(job.error).toMatch(/^invalid config: /);
  expect(job.error).toContain('config.gear.lootTable: unknown field');
  expect(job.error).toContain('config.gear.dawnthreadLinings: must be a whole number from 0 to 2');
  expect(job.error).toContain(
    'config.gear.reshiiWrapsItemLevel: must be 0 (not worn) or an item level from 580 to 800',
  );
  expect(job.error).toContain(
    'config.gear.astralAntennaItemLevel: must be 0 (not worn) or an item level from 580 to 800',
  );
  expect(job.error).toContain(
    'config.gear.netherprismItemLevel: must be 0 (not worn) or an item level from 580 to 800',
  );
  expect(job.error).toMatch(/config\.gear\.weaponEnchant: must be "none" or an enchant and its rank/);
  expect(node.assigned.filter((c) => c.jobId === jobId)).toEqual([]);
}, 60_000);

it('every item effect worn at once is priced within a few per cent of none, and its job is accepted', async () => {
  const base = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
  const all = {
    ...base,
    gear: {
      weaponEnchant: 'councils_guile_3',
      blasphemiteColours: 5,
      dawnthreadLinings: 2,
      reshiiWrapsItemLevel: 800,
      reshiiGrace: true,
      astralAntennaItemLevel: 800,
      netherprismItemLevel: 800,
    },
  };
  const plain = estimateCost(base);
  const worn = estimateCost(all);
  expect(worn.ok).toBe(true);
  expect(worn.eventsPerIteration / plain.eventsPerIteration).toBeLessThan(1.15);
  const jobId = await createJob(client, await createUser(client), {
    iterations: 1000,
    access: 'public',
    config: all,
  });
  // the sentinel checks it and hands its chunk out (to the manual node, which records it)
  await expect.poll(() => node.assigned.some((c) => c.jobId === jobId), { timeout: 20_000 }).toBe(true);
}, 60_000);
