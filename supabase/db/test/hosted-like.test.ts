// Hosted Supabase runs migrations as `postgres`, which is NOT a superuser there. This test
// rebuilds that situation on plain Postgres (a non-superuser owner, auth schema and
// extensions provided beforehand) and applies every migration as that role: nothing may
// need superuser rights.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { migrate, withDatabase } from '../src/index.ts';
import { TEST_URL_ENV } from '../src/test-postgres.ts';

const admin = process.env[TEST_URL_ENV]!;
const suffix = randomBytes(4).toString('hex');
const dbName = `wowlab_hosted_${suffix}`;
const owner = `hosted_owner_${suffix}`;

async function run(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  await run(admin, `drop database if exists ${dbName} with (force)`);
  await run(admin, `drop role if exists ${owner}`);
});

describe('hosted-like apply', () => {
  it('applies every migration and the seed as a non-superuser database owner', async () => {
    await run(admin, `create role ${owner} login password 'pw' createrole nosuperuser`);
    await run(admin, `create database ${dbName} owner ${owner}`);
    const asAdmin = withDatabase(admin, dbName);
    // What the platform provides before any project migration runs.
    await run(
      asAdmin,
      `create schema extensions;
       create extension pg_trgm with schema extensions;
       grant usage on schema extensions to public;
       create schema auth authorization ${owner};
       grant ${owner} to postgres;
       set role ${owner};
       create table auth.users (id uuid primary key, email text, raw_user_meta_data jsonb,
                                is_anonymous boolean not null default false);
       create table auth.identities (id uuid primary key default gen_random_uuid(), provider_id text not null,
                                     user_id uuid not null references auth.users (id) on delete cascade,
                                     identity_data jsonb not null, provider text not null);
       create function auth.uid() returns uuid language sql stable as $$
         select (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
       insert into auth.users (id, email, raw_user_meta_data)
         values ('00000000-0000-4000-8000-000000000001', 'early@example.test', '{"user_name": "EarlyBird"}');
       grant usage on schema auth to anon, authenticated, service_role;
       grant execute on function auth.uid() to anon, authenticated, service_role;`,
    );
    const url = new URL(asAdmin);
    url.username = owner;
    url.password = 'pw';
    const { applied } = await migrate(url.toString(), { seed: true });
    expect(applied.length).toBeGreaterThan(5);

    const asOwner = new pg.Client({ connectionString: url.toString() });
    await asOwner.connect();
    const { rows } = await asOwner.query(`select rolsuper from pg_roles where rolname = current_user`);
    await asOwner.end();
    expect(rows[0].rolsuper).toBe(false);

    // Smoke test of the result, as PostgREST would call it (the superuser can switch roles).
    const c = new pg.Client({ connectionString: asAdmin });
    await c.connect();
    try {
      const uid = '00000000-0000-4000-8000-000000000007';
      await c.query(`insert into auth.users (id, email) values ($1, 'hosted@example.test')`, [uid]);
      await c.query('begin');
      await c.query('set local role authenticated');
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: uid })]);
      const job = await c.query(`select public.create_job('{"engineVersion":"0.1.0"}', 2500) as id`);
      const seen = await c.query('select chunks_total from public.jobs where id = $1', [job.rows[0].id]);
      await c.query('commit');
      expect(seen.rows).toEqual([{ chunks_total: 3 }]);
      // A user who existed before the migrations got a profile from the backfill.
      const early = await c.query(
        `select handle from public.user_profiles where id = '00000000-0000-4000-8000-000000000001'`,
      );
      expect(early.rows).toEqual([{ handle: 'earlybird' }]);
      const specs = await c.query('select count(*)::int as n from game.specs');
      expect(specs.rows[0].n).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });
});
