// The RLS matrix for the public tables: every table × select/insert/update/delete × {anon,
// owner, other signed-in user, service_role}, run as PostgREST does (see rls-harness.ts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { asRole, createJobAs, createUser, insertNode, openTestDb, type TestDb } from './helpers.ts';
import { all, defineMatrix, ownerAndService, serviceOnly, type Case } from './rls-harness.ts';

let t: TestDb;
let owner: string;
let other: string;
const fx = {
  privateJob: '',
  userJob: '',
  discordJob: '',
  publicConfigHash: '',
  publicJob: '',
  configHash: '',
  chunk: '',
  node: '',
  permission: '',
  rotation: '',
  publicRotation: '',
};

beforeAll(async () => {
  t = await openTestDb();
  owner = (await createUser(t.pool, { email: 'owner@example.test' })).id;
  other = (await createUser(t.pool, { email: 'other@example.test' })).id;
  fx.privateJob = await createJobAs(t.pool, owner, { iterations: 1500 });
  fx.publicJob = await createJobAs(t.pool, owner, {
    iterations: 1000,
    accessType: 'public',
    config: { engineVersion: '0.1.0', spec: 'mm-hunter', note: 'public' },
  });
  // a third user offers a node to the owner, who shares the user job with them
  const sharer = (await createUser(t.pool, { email: 'sharer@example.test' })).id;
  const sharersNode = await insertNode(t.pool, { userId: sharer });
  await t.pool.query(
    `insert into nodes_permissions (node_id, access_type, target_id) values ($1, 'user', $2)`,
    [sharersNode, owner],
  );
  fx.userJob = await createJobAs(t.pool, owner, { iterations: 1, accessType: 'user', sharedWith: [sharer] });
  fx.discordJob = await createJobAs(t.pool, owner, { iterations: 1, accessType: 'discord', discord: '42' });
  const q = async (sql: string, params: unknown[] = []) => (await t.pool.query(sql, params)).rows[0];
  fx.publicConfigHash = (await q('select config_hash from jobs where id = $1', [fx.publicJob])).config_hash;
  fx.configHash = (await q('select config_hash from jobs where id = $1', [fx.privateJob])).config_hash;
  fx.chunk = (
    await q('select id from jobs_chunks where job_id = $1 order by seed_offset limit 1', [fx.privateJob])
  ).id;
  fx.node = await insertNode(t.pool, { userId: owner });
  fx.permission = (
    await q(`insert into nodes_permissions (node_id, access_type) values ($1, 'public') returning id`, [
      fx.node,
    ])
  ).id;
  fx.rotation = (
    await q(
      `insert into rotations (user_id, name, spec, script) values ($1, 'mine', 'bm-hunter', 'actions=kill_command')
       returning id`,
      [owner],
    )
  ).id;
  fx.publicRotation = (
    await q(
      `insert into rotations (user_id, name, spec, script, is_public)
       values ($1, 'shared', 'mm-hunter', 'actions=aimed_shot', true) returning id`,
      [owner],
    )
  ).id;
});

afterAll(async () => {
  await t?.close();
});

const cases: Case[] = [
  {
    table: 'user_profiles',
    key: () => owner,
    prepare: { insert: 'delete from public.user_profiles where id = $1' },
    sql: {
      select: 'select count(*)::int as n from user_profiles where id = $1',
      insert: `insert into user_profiles (id, handle) values ($1, 'fresh-handle')`,
      update: `update user_profiles set avatar_url = 'https://example.test/a.png' where id = $1`,
      delete: 'delete from user_profiles where id = $1',
    },
    allow: { select: all(true), insert: serviceOnly, update: ownerAndService, delete: serviceOnly },
  },
  {
    table: 'jobs_configs',
    key: () => fx.configHash,
    prepare: { delete: 'delete from public.jobs where config_hash = $1' },
    sql: {
      select: 'select count(*)::int as n from jobs_configs where hash = $1',
      insert: `insert into jobs_configs (hash, config) values (repeat('a', 64), '{"engineVersion":"x"}')`,
      update: 'update jobs_configs set last_used_at = now() where hash = $1',
      delete: 'delete from jobs_configs where hash = $1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'jobs',
    key: () => fx.privateJob,
    sql: {
      select: 'select count(*)::int as n from jobs where id = $1',
      insert: `insert into jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total)
               select user_id, config_hash, engine_version, 1, 1, 1 from jobs where id = $1`,
      update: `update jobs set status = 'cancelled' where id = $1`,
      delete: 'delete from jobs where id = $1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'jobs (public)',
    key: () => fx.publicJob,
    sql: {
      select: 'select count(*)::int as n from jobs where id = $1',
      insert: `insert into jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total, access_type)
               select user_id, config_hash, engine_version, 1, 1, 1, 'public' from jobs where id = $1`,
      update: `update jobs set status = 'cancelled' where id = $1`,
      delete: 'delete from jobs where id = $1',
    },
    allow: { select: all(true), insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'jobs_chunks',
    key: () => fx.chunk,
    sql: {
      select: 'select count(*)::int as n from jobs_chunks where id = $1',
      insert: `insert into jobs_chunks (job_id, config_hash, iterations, seed_offset)
               select job_id, config_hash, 1, 999999 from jobs_chunks where id = $1`,
      update: `update jobs_chunks set attempts = attempts + 1 where id = $1`,
      delete: 'delete from jobs_chunks where id = $1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'nodes',
    key: () => fx.node,
    sql: {
      select: 'select count(*)::int as n from nodes where id = $1',
      insert: `insert into nodes (user_id, name, kind, public_key)
               select user_id, 'copy', 'browser', repeat('B', 43) from nodes where id = $1`,
      update: `update nodes set name = 'renamed', max_parallel = 3 where id = $1`,
      delete: 'delete from nodes where id = $1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: ownerAndService, delete: ownerAndService },
  },
  {
    table: 'nodes_permissions',
    key: () => fx.permission,
    sql: {
      select: 'select count(*)::int as n from nodes_permissions where id = $1',
      insert: `insert into nodes_permissions (node_id, access_type, target_id)
               values ('${'$'}{node}', 'discord', '123456789012345678')`,
      update: `update nodes_permissions set access_type = 'discord', target_id = '42' where id = $1`,
      delete: 'delete from nodes_permissions where id = $1',
    },
    allow: {
      select: ownerAndService,
      insert: ownerAndService,
      update: ownerAndService,
      delete: ownerAndService,
    },
  },
  {
    table: 'rotations',
    key: () => fx.rotation,
    sql: {
      select: 'select count(*)::int as n from rotations where id = $1',
      insert: `insert into rotations (user_id, name, spec, script) values ('${'$'}{owner}', 'new', 'bm-hunter', 'actions=x')`,
      update: `update rotations set name = 'renamed' where id = $1`,
      delete: 'delete from rotations where id = $1',
    },
    allow: {
      select: ownerAndService,
      insert: ownerAndService,
      update: ownerAndService,
      delete: ownerAndService,
    },
  },
  {
    table: 'rotations (public)',
    key: () => fx.publicRotation,
    sql: {
      select: 'select count(*)::int as n from rotations where id = $1',
      insert: `insert into rotations (user_id, name, spec, script, is_public)
               values ('${'$'}{owner}', 'new', 'bm-hunter', 'actions=x', true)`,
      update: `update rotations set name = 'renamed' where id = $1`,
      delete: 'delete from rotations where id = $1',
    },
    allow: { select: all(true), insert: ownerAndService, update: ownerAndService, delete: ownerAndService },
  },
  {
    table: 'rotations_versions',
    key: () => fx.rotation,
    sql: {
      select: 'select count(*)::int as n from rotations_versions where rotation_id = $1 and version = 1',
      insert: `insert into rotations_versions (rotation_id, version, script, checksum) values ($1, 99, 'x', 'y')`,
      update: `update rotations_versions set script = script where rotation_id = $1 and version = 1`,
      delete: 'delete from rotations_versions where rotation_id = $1 and version = 1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'jobs (user access)',
    key: () => fx.userJob,
    sql: {
      select: 'select count(*)::int as n from jobs where id = $1',
      insert: `insert into jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total, access_type)
               select user_id, config_hash, engine_version, 1, 1, 1, 'user' from jobs where id = $1`,
      update: `update jobs set status = 'cancelled' where id = $1`,
      delete: 'delete from jobs where id = $1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'jobs (discord access)',
    key: () => fx.discordJob,
    sql: {
      select: 'select count(*)::int as n from jobs where id = $1',
      insert: `insert into jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total)
               select user_id, config_hash, engine_version, 1, 1, 1 from jobs where id = $1`,
      update: `update jobs set error = 'x' where id = $1`,
      delete: 'delete from jobs where id = $1',
    },
    allow: { select: ownerAndService, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'jobs_configs (of a public job)',
    key: () => fx.publicConfigHash,
    prepare: { delete: 'delete from public.jobs where config_hash = $1' },
    sql: {
      select: 'select count(*)::int as n from jobs_configs where hash = $1',
      insert: `insert into jobs_configs (hash, config) values (repeat('b', 64), '{"engineVersion":"x"}')`,
      update: 'update jobs_configs set last_used_at = now() where hash = $1',
      delete: 'delete from jobs_configs where hash = $1',
    },
    allow: { select: all(true), insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    // the sentinels' shared flags (scheduling paused): the sentinel's own, nobody else's
    table: 'sentinel_state',
    key: () => 'true',
    sql: {
      select: 'select count(*)::int as n from sentinel_state where id = $1',
      insert: `insert into sentinel_state (id) values (true) on conflict do nothing`,
      update: 'update sentinel_state set scheduling_paused = true where id = $1',
      delete: 'delete from sentinel_state where id = $1',
    },
    allow: { select: serviceOnly, insert: all(false), update: serviceOnly, delete: all(false) },
  },
];

defineMatrix('RLS matrix: public tables', cases, {
  pool: () => t.pool,
  owner: () => owner,
  other: () => other,
  resolve: (sql) => sql.replaceAll('${node}', fx.node).replaceAll('${owner}', owner),
});

describe('materialized views', () => {
  it('spec_rankings_hourly and top_sims_daily are readable by every API role', async () => {
    for (const role of ['anon', 'authenticated', 'service_role'] as const) {
      await asRole(t.pool, role, role === 'authenticated' ? other : undefined, async (c) => {
        await c.query('select * from spec_rankings_hourly');
        await c.query('select * from top_sims_daily');
      });
    }
  });
});
