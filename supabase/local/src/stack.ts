// The local stack: Postgres (embedded under <repo>/.wowlab/ by default, or a given DATABASE_URL) with
// migrations + seed applied (only new ones on later starts), then the HTTP stand-in on port 54321.
import { migrate, startEmbeddedPostgres } from '@wowlab/db';
import pg from 'pg';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStandIn } from './app.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { apiKey, loadOrCreateSecret } from './keys.ts';

export const DEFAULT_PORT = 54321;
export const DEFAULT_DATA_DIR = resolve(fileURLToPath(new URL('../../../.wowlab/', import.meta.url)));

export interface LocalStackOptions {
  /** Where Postgres data and the JWT secret live (default `<repo>/.wowlab`). */
  dataDir?: string;
  /** HTTP port of the stand-in (default 54321; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Use this Postgres instead of the embedded one (superuser-capable URL). */
  databaseUrl?: string;
  /** Port of the embedded Postgres (default: a free port). */
  dbPort?: number;
  /** Fixed JWT secret (default: generated once and kept in the data dir). */
  jwtSecret?: string;
  /** Apply supabase/seed.sql after the migrations (default true). */
  seed?: boolean;
  /** Fastify (pino) logging: false (default), true, or { level }. */
  logger?: boolean | { level: string };
}

export interface LocalStack {
  url: string;
  restUrl: string;
  authUrl: string;
  anonKey: string;
  serviceKey: string;
  jwtSecret: string;
  databaseUrl: string;
  /** Migrations applied by this start (empty when the data was already up to date). */
  appliedMigrations: string[];
  stop(): Promise<void>;
}

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const jwtSecret = opts.jwtSecret ?? (await loadOrCreateSecret(dataDir));
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  };
  try {
    const pgDataDir = opts.databaseUrl === undefined ? join(dataDir, 'postgres') : null;
    cleanups.push(await lockDataDir(dataDir, pgDataDir));
    let databaseUrl: string;
    if (opts.databaseUrl !== undefined) databaseUrl = opts.databaseUrl;
    else {
      const db = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: opts.dbPort,
        persistent: true,
      });
      cleanups.push(() => db.stop());
      databaseUrl = db.url;
    }
    const { applied } = await migrate(databaseUrl, { seed: opts.seed ?? true });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 10_000 });
    pool.on('error', () => undefined); // idle client errors (e.g. server shutdown) must not crash the process
    cleanups.push(() => pool.end());

    const host = opts.host ?? '127.0.0.1';
    const standIn = await buildStandIn({
      pool,
      jwtSecret,
      publicUrl: `http://${host}:${opts.port ?? DEFAULT_PORT}`,
      logger: opts.logger,
    });
    cleanups.push(() => standIn.app.close());
    await standIn.app.listen({ host, port: opts.port ?? DEFAULT_PORT });
    const address = standIn.app.server.address();
    const port = typeof address === 'object' && address ? address.port : (opts.port ?? DEFAULT_PORT);
    const url = `http://${host}:${port}`;
    standIn.setPublicUrl(url);
    let stopped = false;
    return {
      url,
      restUrl: `${url}/rest/v1`,
      authUrl: `${url}/auth/v1`,
      anonKey: apiKey('anon', jwtSecret),
      serviceKey: apiKey('service_role', jwtSecret),
      jwtSecret,
      databaseUrl,
      appliedMigrations: applied,
      async stop() {
        if (stopped) return;
        stopped = true;
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
