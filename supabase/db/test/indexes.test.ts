// Every query of the seed map's sections A (sentinel, direct SQL) and B (portal, PostgREST)
// can be served by an index: with sequential scans disabled, no plan falls back to one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const U = `'00000000-0000-4000-8000-000000000001'::uuid`;
const QUERIES: Array<[string, string]> = [
  // A. sentinel
  [
    'pending chunks',
    `select id, job_id from jobs_chunks where status = 'pending' and node_id is null order by created_at limit 100`,
  ],
  ['running chunk count', `select count(*) from jobs_chunks where status = 'running'`],
  ['online nodes', `select count(*) from nodes where last_seen_at > now() - interval '30 seconds'`],
  ['jobs by ids', `select id, user_id, access_type, discord_server_id from jobs where id = any(array[${U}])`],
  [
    'permissions of nodes',
    `select node_id, access_type, target_id from nodes_permissions where node_id = any(array[${U}])`,
  ],
  [
    'backlog per node',
    `select node_id, count(*) from jobs_chunks where status = 'running' and node_id is not null group by node_id`,
  ],
  ['reclaim by node', `select id from jobs_chunks where status = 'running' and node_id = any(array[${U}])`],
  [
    'discord identity',
    `select user_id from auth.identities where provider = 'discord' and provider_id = '123'`,
  ],
  ['chunks of a job', `select count(*) from jobs_chunks where job_id = ${U}`],
  ['chunks on a node', `select count(*) from jobs_chunks where node_id = ${U}`],
  [
    'chunks of the last hour',
    `select count(*) from jobs_chunks where created_at > now() - interval '1 hour'`,
  ],
  // /wlab stats: the last hour's completions
  [
    'chunks completed in a window',
    `select count(*) from jobs_chunks where status = 'completed'
       and completed_at > now() - interval '1 hour' and completed_at <= now()`,
  ],
  [
    'jobs completed in a window',
    `select count(*) from jobs where status = 'completed'
       and completed_at > now() - interval '1 hour' and completed_at <= now()`,
  ],
  ['identities of a user', `select provider from auth.identities where user_id = ${U}`],
  // B. portal
  ['job by id', `select * from jobs where id = ${U}`],
  ['jobs of a user', `select * from jobs where user_id = ${U} order by created_at desc limit 50`],
  [
    'active jobs of a user',
    `select count(*) from jobs where user_id = ${U} and status in ('pending', 'running')`,
  ],
  ['rotation by id', `select * from rotations where id = ${U}`],
  ['rotations of a user', `select * from rotations where user_id = ${U} order by updated_at desc`],
  ['public rotations', `select * from rotations where is_public order by updated_at desc limit 20`],
  ['rotation search', `select * from rotations where name ilike '%kill%' limit 20`],
  ['rotations by spec', `select * from rotations where spec = 'bm-hunter'`],
  ['rotation versions', `select * from rotations_versions where rotation_id = ${U}`],
  ['node by id', `select * from nodes where id = ${U}`],
  ['nodes of a user', `select * from nodes where user_id = ${U}`],
  ['node by claim code', `select * from nodes where claim_code = 'ABC' and user_id is null`],
  [
    'nodes shared with a user',
    `select node_id from nodes_permissions where access_type = 'user' and target_id = 'x'`,
  ],
  ['profile by id', `select handle, avatar_url from user_profiles where id = ${U}`],
  ['profile by handle', `select * from user_profiles where handle = 'someone'`],
  ['configs by hash', `select * from jobs_configs where hash = 'x'`],
  ['jobs using a config', `select count(*) from jobs where config_hash = 'x'`],
  ['aura', 'select * from game.auras where spell_id = any(array[1, 2])'],
  ['class', 'select * from game.classes where id = 3'],
  ['colors', `select * from game.global_colors where name in ('a', 'b')`],
  ['strings', `select * from game.global_strings where tag in ('A', 'B')`],
  ['items', 'select * from game.items where id = any(array[1, 2])'],
  ['item search', `select * from game.items where name ilike '%bow%' limit 20`],
  ['spec', 'select * from game.specs where id = 253'],
  ['specs ordered', 'select * from game.specs order by class_name, order_index'],
  ['specs of a class', 'select * from game.specs where class_id = 3'],
  ['spec traits', 'select * from game.specs_traits where spec_id = 253'],
  ['spells', 'select * from game.spells where id = any(array[1, 2])'],
  ['spell search', `select * from game.spells where name ilike '%shot%' limit 20`],
];

describe('indexes', () => {
  it.each(QUERIES)('%s is served without a sequential scan', async (_name, sql) => {
    const c = await t.pool.connect();
    try {
      await c.query('begin');
      await c.query('set local enable_seqscan = off');
      const { rows } = await c.query(`explain ${sql}`);
      const plan = rows.map((r) => r['QUERY PLAN'] as string).join('\n');
      expect(plan).not.toMatch(/Seq Scan/);
    } finally {
      await c.query('rollback');
      c.release();
    }
  });
});
