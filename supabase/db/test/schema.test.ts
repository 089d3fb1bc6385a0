import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDatabase, migrate, withDatabase } from '../src/index.ts';
import { dumpSchema } from '../src/schema-dump.ts';
import { TEST_URL_ENV } from '../src/test-postgres.ts';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema.sql', import.meta.url));
const admin = process.env[TEST_URL_ENV]!;
const name = `wowlab_schema_${process.pid}`;

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
});

describe('supabase/schema.sql', () => {
  it('matches the schema built by the migrations from scratch (regenerate: tsx scripts/dump-schema.ts)', async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    await migrate(withDatabase(admin, name));
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(await dumpSchema(withDatabase(admin, name))).toBe(committed);
  });

  it('is what the per-test template databases have too', async () => {
    const db = await createTestDatabase();
    try {
      expect(await dumpSchema(db.url)).toBe(await readFile(SCHEMA_FILE, 'utf8'));
    } finally {
      await db.drop();
    }
  });

  it('dumps every table of the contracts with RLS enabled', async () => {
    const text = await readFile(SCHEMA_FILE, 'utf8');
    const tables = [
      'public.jobs',
      'public.jobs_chunks',
      'public.jobs_configs',
      'public.nodes',
      'public.nodes_permissions',
      'public.rotations',
      'public.rotations_versions',
      'public.user_profiles',
      'public.sentinel_state',
      'game.classes',
      'game.specs',
      'game.specs_traits',
      'game.spells',
      'game.auras',
      'game.items',
      'game.global_colors',
      'game.global_strings',
    ];
    for (const t of tables) {
      expect(text).toContain(`create table ${t} (`);
      expect(text).toContain(`alter table ${t} enable row level security;`);
    }
  });
});
