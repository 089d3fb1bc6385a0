import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { listMigrations, migrate, withDatabase } from '../src/index.ts';
import { TEST_URL_ENV } from '../src/test-postgres.ts';

const admin = process.env[TEST_URL_ENV]!;
const created: string[] = [];

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `wowlab_mig_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  created.push(name);
  return withDatabase(admin, name);
}

afterAll(async () => {
  for (const name of created) await adminQuery(`drop database if exists ${name} with (force)`);
});

describe('migrate', () => {
  it('applies every migration from scratch, twice in a row on fresh databases (idempotent bootstrap)', async () => {
    const all = (await listMigrations()).map((m) => `${m.version}_${m.name}`);
    expect(all.length).toBeGreaterThan(3);
    // The cluster already has the roles from the template: the bootstrap must skip them.
    const first = await migrate(await emptyDatabase(), { seed: true });
    const second = await migrate(await emptyDatabase(), { seed: true });
    expect(first.applied).toEqual(all);
    expect(second.applied).toEqual(all);
  });

  it('applies only new migrations on a migrated database and records them like the Supabase CLI', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const again = await migrate(url, { seed: true });
    expect(again.applied).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query<{ version: string; name: string; statements: string[] }>(
        'select version, name, statements from supabase_migrations.schema_migrations order by version',
      );
      const files = await listMigrations();
      expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
      expect(rows.map((r) => r.name)).toEqual(files.map((f) => f.name));
      for (const r of rows) expect(r.statements.length).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });

  it('runs the bootstrap migration body twice on the same database without error', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const [boot] = await listMigrations();
    const { readFile } = await import('node:fs/promises');
    const sql = await readFile(boot!.file, 'utf8');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
      const { rows } = await c.query<{ rolname: string; rolbypassrls: boolean }>(
        `select rolname, rolbypassrls from pg_roles
          where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`,
      );
      expect(rows).toEqual([
        { rolname: 'anon', rolbypassrls: false },
        { rolname: 'authenticated', rolbypassrls: false },
        { rolname: 'authenticator', rolbypassrls: false },
        { rolname: 'service_role', rolbypassrls: true },
      ]);
    } finally {
      await c.end();
    }
  });

  it('leaves an existing (Supabase-provided) auth schema alone and finds pg_trgm wherever it is', async () => {
    const url = await emptyDatabase();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      // What a hosted project already has: its own auth schema and functions, pg_trgm in public.
      await c.query(`
        create extension pg_trgm with schema public;
        create schema auth;
        create table auth.users (id uuid primary key, email text, raw_user_meta_data jsonb,
                                 is_anonymous boolean not null default false, provider_specific text);
        create table auth.identities (id uuid primary key default gen_random_uuid(), provider_id text not null,
                                      user_id uuid not null references auth.users (id) on delete cascade,
                                      identity_data jsonb not null, provider text not null);
        create function auth.uid() returns uuid language sql stable as $$ select null::uuid /* hosted */ $$;`);
      await migrate(url, { seed: true });
      await c.query(`set search_path = ''`); // print qualified names
      const { rows } = await c.query<{ body: string; cols: number; opclass: string }>(
        `select (select prosrc from pg_proc where oid = 'auth.uid()'::regprocedure) as body,
                (select count(*)::int from information_schema.columns
                  where table_schema = 'auth' and table_name = 'users') as cols,
                (select pg_get_indexdef('public.rotations_name_trgm_idx'::regclass)) as opclass`,
      );
      expect(rows[0]!.body).toContain('/* hosted */');
      expect(rows[0]!.cols).toBe(5);
      expect(rows[0]!.opclass).toContain('public.gin_trgm_ops');
      // The schema works on top of it: a sign-up gets a profile.
      await c.query(`insert into auth.users (id, email) values (gen_random_uuid(), 'h@example.test')`);
      const p = await c.query('select handle from public.user_profiles');
      expect(p.rows).toEqual([{ handle: 'user' }]);
    } finally {
      await c.end();
    }
  });
});
