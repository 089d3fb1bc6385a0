// The RLS matrix: every table × select/insert/update/delete × {anon, owner, other signed-in
// user, service_role}, run as PostgREST does (SET LOCAL ROLE + request.jwt.claims), each
// case in its own rolled-back transaction. "Allowed" means the statement touches the owner's
// row; "denied" means it fails or touches nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import {
  asRole,
  createJobAs,
  createUser,
  insertNode,
  openTestDb,
  type ApiRole,
  type TestDb,
} from './helpers.ts';

type Actor = 'anon' | 'owner' | 'other' | 'service';
type Op = 'select' | 'insert' | 'update' | 'delete';
type Expect = Record<Actor, boolean>;
interface Case {
  table: string;
  /** Statements; $1 = the row key. `prepare` runs as superuser first, in the same transaction. */
  sql: Record<Op, string>;
  prepare?: Partial<Record<Op, string>>;
  key: () => string | number;
  allow: Record<Op, Expect>;
}

const ACTORS: Actor[] = ['anon', 'owner', 'other', 'service'];
const OPS: Op[] = ['select', 'insert', 'update', 'delete'];
const all = (v: boolean): Expect => ({ anon: v, owner: v, other: v, service: v });
const ownerAndService: Expect = { anon: false, owner: true, other: false, service: true };
const serviceOnly: Expect = { anon: false, owner: false, other: false, service: true };

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
  fx.userJob = await createJobAs(t.pool, owner, { iterations: 1, accessType: 'user' });
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
  await t.pool.query(`
    insert into game.classes (id, name, slug, color) values (990001, 'Fixture', 'fixture', '#123456')
      on conflict do nothing;
    insert into game.specs (id, class_id, class_name, slug, name, role) values
      (990001, 990001, 'Fixture', 'fixture-spec', 'Fixture', 'dps') on conflict do nothing;
    insert into game.specs_traits (spec_id, key, name) values (990001, 'fixture_trait', 'Fixture') on conflict do nothing;
    insert into game.spells (id, key, name, school) values (990001, 'fixture', 'Fixture', 'physical') on conflict do nothing;
    insert into game.auras (spell_id, key, name, duration_ms) values (990001, 'fixture', 'Fixture', 1000)
      on conflict do nothing;
    insert into game.items (id, name, item_level, slot) values (990001, 'Fixture', 600, 'head') on conflict do nothing;
    insert into game.global_colors (name, color) values ('fixture', '#abcdef') on conflict do nothing;
    insert into game.global_strings (tag, value) values ('FIXTURE', 'Fixture') on conflict do nothing;`);
});

afterAll(async () => {
  await t?.close();
});

function roleOf(actor: Actor): [ApiRole, string | undefined] {
  if (actor === 'anon') return ['anon', undefined];
  if (actor === 'service') return ['service_role', undefined];
  return ['authenticated', actor === 'owner' ? owner : other];
}

/** true when the statement touched exactly the owner's row, false when it failed or touched nothing. */
async function attempt(c: Case, op: Op, actor: Actor): Promise<boolean> {
  const [role, uid] = roleOf(actor);
  const client: pg.PoolClient = await t.pool.connect();
  try {
    await client.query('begin');
    const prep = c.prepare?.[op];
    if (prep) await client.query(prep, prep.includes('$1') ? [c.key()] : []);
    await client.query(`set local role ${role}`);
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(uid ? { sub: uid, role } : { role }),
    ]);
    const sql = c.sql[op];
    const res = await client.query(sql, sql.includes('$1') ? [c.key()] : []);
    if (op === 'select') return Number(res.rows[0].n) === 1;
    return res.rowCount === 1;
  } catch (err) {
    const code = (err as { code?: string }).code;
    // Denied: missing privilege (42501), RLS check (42501) — anything else is a test bug.
    if (code === '42501') return false;
    throw err;
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

const gameTable = (
  table: string,
  keyCol: string,
  key: string | number,
  insert: string,
  setCol: string,
): Case => ({
  table: `game.${table}`,
  key: () => key,
  sql: {
    select: `select count(*)::int as n from game.${table} where ${keyCol} = $1`,
    insert,
    update: `update game.${table} set ${setCol} = ${setCol} where ${keyCol} = $1`,
    delete: `delete from game.${table} where ${keyCol} = $1`,
  },
  allow: { select: all(true), insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
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
    table: 'auth.users',
    key: () => owner,
    sql: {
      select: 'select count(*)::int as n from auth.users where id = $1',
      insert: `insert into auth.users (id) values (gen_random_uuid())`,
      update: `update auth.users set email = email where id = $1`,
      delete: 'delete from auth.users where id = $1',
    },
    allow: { select: serviceOnly, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  {
    table: 'auth.identities',
    key: () => owner,
    prepare: {
      select: `insert into auth.identities (provider_id, user_id, identity_data, provider) values ('9', $1, '{}', 'discord')`,
      update: `insert into auth.identities (provider_id, user_id, identity_data, provider) values ('9', $1, '{}', 'discord')`,
      delete: `insert into auth.identities (provider_id, user_id, identity_data, provider) values ('9', $1, '{}', 'discord')`,
    },
    sql: {
      select: 'select count(*)::int as n from auth.identities where user_id = $1',
      insert: `insert into auth.identities (provider_id, user_id, identity_data, provider) values ('8', $1, '{}', 'github')`,
      update: `update auth.identities set provider_id = provider_id where user_id = $1`,
      delete: 'delete from auth.identities where user_id = $1',
    },
    allow: { select: serviceOnly, insert: serviceOnly, update: serviceOnly, delete: serviceOnly },
  },
  gameTable(
    'classes',
    'id',
    990001,
    `insert into game.classes (id, name, slug, color) values (990002, 'N', 'n', '#000000')`,
    'name',
  ),
  gameTable(
    'specs',
    'id',
    990001,
    `insert into game.specs (id, class_id, class_name, slug, name, role) values (990002, 990001, 'F', 'f2', 'F', 'dps')`,
    'name',
  ),
  gameTable(
    'specs_traits',
    'key',
    'fixture_trait',
    `insert into game.specs_traits (spec_id, key, name) values (990001, 'other_trait', 'O')`,
    'name',
  ),
  gameTable(
    'spells',
    'id',
    990001,
    `insert into game.spells (id, key, name, school) values (990002, 'k', 'n', 'nature')`,
    'name',
  ),
  gameTable(
    'auras',
    'spell_id',
    990001,
    `insert into game.auras (spell_id, key, name, duration_ms) values (990002, 'k', 'n', 1)`,
    'name',
  ),
  gameTable(
    'items',
    'id',
    990001,
    `insert into game.items (id, name, item_level, slot) values (990002, 'n', 1, 'neck')`,
    'name',
  ),
  gameTable(
    'global_colors',
    'name',
    'fixture',
    `insert into game.global_colors (name, color) values ('n2', '#000000')`,
    'color',
  ),
  gameTable(
    'global_strings',
    'tag',
    'FIXTURE',
    `insert into game.global_strings (tag, value) values ('N2', 'v')`,
    'value',
  ),
];

function resolveSql(sql: string): string {
  return sql.replaceAll('${node}', fx.node).replaceAll('${owner}', owner);
}

describe('RLS matrix', () => {
  for (const c of cases) {
    for (const op of OPS) {
      it(`${c.table} ${op}: allowed for ${ACTORS.filter((a) => c.allow[op][a]).join(', ') || 'nobody'}`, async () => {
        const resolved: Case = { ...c, sql: { ...c.sql, [op]: resolveSql(c.sql[op]) } };
        const got: Record<string, boolean> = {};
        for (const actor of ACTORS) got[actor] = await attempt(resolved, op, actor);
        expect(got).toEqual(c.allow[op]);
      });
    }
  }
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
