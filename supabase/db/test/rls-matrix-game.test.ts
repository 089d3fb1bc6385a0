// The RLS matrix for game.* and Supabase's auth tables: readable game data, written only by
// service_role; auth.users and auth.identities invisible to the API roles (see rls-harness.ts).
import { afterAll, beforeAll } from 'vitest';
import { createUser, openTestDb, type TestDb } from './helpers.ts';
import { all, defineMatrix, serviceOnly, type Case } from './rls-harness.ts';

let t: TestDb;
let owner: string;
let other: string;

beforeAll(async () => {
  t = await openTestDb();
  owner = (await createUser(t.pool)).id;
  other = (await createUser(t.pool)).id;
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

defineMatrix('RLS matrix: game and auth tables', cases, {
  pool: () => t.pool,
  owner: () => owner,
  other: () => other,
});
