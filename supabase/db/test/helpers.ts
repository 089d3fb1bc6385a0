// Test helpers: a per-file database, users in auth.users, and running SQL as PostgREST
// does (transaction + SET LOCAL ROLE + request.jwt.claims).
import pg from 'pg';
import { randomUUID, randomBytes } from 'node:crypto';
import { createTestDatabase } from '../src/index.ts';

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface TestDb {
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  return {
    url: db.url,
    pool,
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
}

export async function createUser(
  pool: pg.Pool,
  opts: { email?: string; meta?: Record<string, unknown>; anonymous?: boolean } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const email = opts.anonymous ? null : (opts.email ?? `u${id.slice(0, 8)}@example.test`);
  await pool.query(
    `insert into auth.users (id, aud, role, email, raw_user_meta_data, is_anonymous)
     values ($1, 'authenticated', 'authenticated', $2, $3, $4)`,
    [id, email, JSON.stringify(opts.meta ?? {}), opts.anonymous ?? false],
  );
  return { id, email: email ?? '' };
}

export function claimsFor(role: ApiRole, userId?: string): Record<string, unknown> {
  return userId ? { sub: userId, role, aud: 'authenticated' } : { role };
}

/**
 * Runs `fn` in a transaction as `role` with the JWT claims PostgREST would set, then rolls
 * back (or commits when `commit` is true).
 */
export async function asRole<T>(
  pool: pg.Pool,
  role: ApiRole,
  userId: string | undefined,
  fn: (c: pg.PoolClient) => Promise<T>,
  commit = false,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${role}`);
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(claimsFor(role, userId)),
    ]);
    const out = await fn(client);
    await client.query(commit ? 'commit' : 'rollback');
    return out;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The SQLSTATE of the error `fn` throws (fails the test if it does not throw). */
export async function sqlState(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code) return code;
    throw err;
  }
  throw new Error('expected the statement to fail, it succeeded');
}

export async function errorOf(fn: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code) return { code: e.code, message: e.message };
    throw err;
  }
  throw new Error('expected the statement to fail, it succeeded');
}

/** A base64url Ed25519-sized (32-byte) public key. */
export function fakePublicKey(): string {
  return randomBytes(32).toString('base64url');
}

export function sampleConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    engineVersion: '0.1.0',
    spec: 'bm-hunter',
    player: {
      stats: {
        agility: 10000,
        crit: 1000,
        haste: 1000,
        mastery: 1000,
        versatility: 500,
        weaponDps: 300,
        weaponSpeed: 3,
      },
      talents: [],
    },
    fight: { style: 'patchwerk', durationSeconds: 300, durationVariation: 0.2, targets: 1, bloodlust: true },
    rotation: 'actions=auto_shot',
    ...overrides,
  };
}

/** Inserts a node as the sentinel would (direct connection). */
export async function insertNode(
  pool: pg.Pool,
  opts: { userId?: string | null; claimCode?: string | null; name?: string } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into public.nodes (user_id, name, kind, max_parallel, total_cores, platform, version, engine_version,
                               public_key, claim_code)
     values ($1, $2, 'headless', 2, 8, 'linux-x64', '0.1.0', '0.1.0', $3, $4) returning id`,
    [opts.userId ?? null, opts.name ?? 'node', fakePublicKey(), opts.claimCode ?? null],
  );
  return rows[0]!.id;
}

/** Creates a job through create_job as `userId` (committed). */
export async function createJobAs(
  pool: pg.Pool,
  userId: string,
  opts: {
    iterations?: number;
    accessType?: string;
    config?: Record<string, unknown>;
    discord?: string | null;
    /** `user` jobs: the node owners granted. */
    sharedWith?: string[];
  } = {},
): Promise<string> {
  return asRole(
    pool,
    'authenticated',
    userId,
    async (c) => {
      const { rows } = await c.query<{ id: string }>(
        'select public.create_job($1::jsonb, $2, $3, $4, null, $5::uuid[]) as id',
        [
          JSON.stringify(opts.config ?? sampleConfig()),
          opts.iterations ?? 2500,
          opts.accessType ?? 'private',
          opts.discord ?? null,
          opts.sharedWith ?? null,
        ],
      );
      return rows[0]!.id;
    },
    true,
  );
}
