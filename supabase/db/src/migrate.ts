// Applies supabase/migrations/*.sql in order, recording each in
// supabase_migrations.schema_migrations exactly like the Supabase CLI, then (optionally)
// supabase/seed.sql. Each migration runs in its own transaction; an advisory lock makes
// concurrent callers on the same database wait for each other.
import pg from 'pg';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { splitSqlStatements } from './sql-split.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
export const SEED_FILE = fileURLToPath(new URL('../../seed.sql', import.meta.url));

export interface MigrateOptions {
  /** Run supabase/seed.sql after the migrations (it is idempotent: upserts only). */
  seed?: boolean;
  /** Override the migrations folder (tests). */
  migrationsDir?: string;
  /** Override the seed file (tests). */
  seedFile?: string;
}

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

const FILE_RE = /^(\d{14})_([a-z0-9_]+)\.sql$/;
const LOCK_KEY = 7_277_001; // arbitrary constant shared by every migrate() caller

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return files.map((f) => {
    const m = FILE_RE.exec(f);
    if (!m) throw new Error(`migration file name must be <14-digit timestamp>_<verb_noun>.sql: ${f}`);
    return { version: m[1]!, name: m[2]!, file: join(dir, f) };
  });
}

export async function migrate(url: string, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = await listMigrations(opts.migrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, name text, statements text[]
      );`);
    const { rows } = await client.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations',
    );
    const done = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      const sql = await readFile(m.file, 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [m.version, m.name, splitSqlStatements(sql)],
        );
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        const msg = err instanceof Error ? err.message : String(err);
        throw new Error(`migration ${m.version}_${m.name} failed: ${msg}`, { cause: err });
      }
      applied.push(`${m.version}_${m.name}`);
    }
    if (opts.seed) {
      const seed = await readFile(opts.seedFile ?? SEED_FILE, 'utf8');
      await client.query('begin');
      try {
        await client.query(seed);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        const msg = err instanceof Error ? err.message : String(err);
        throw new Error(`seed.sql failed: ${msg}`, { cause: err });
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock_all()').catch(() => undefined);
    await client.end();
  }
  return { applied };
}
