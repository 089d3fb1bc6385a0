// Database fixtures: users, jobs (through the real create_job RPC), permissions, claims.
import pg from 'pg';
import { ENGINE_VERSION, specs, type SimConfig } from '@wowlab/sim-core';
import { generateSeed, signerFromSeed, type RegisterRequest } from 'wowlab-node/protocol';
import type { HttpResult, TestNode } from './test-node.ts';

export function testConfig(overrides: Partial<SimConfig['fight']> = {}): SimConfig {
  const config = specs[0]!.defaultConfig();
  config.fight = { ...config.fight, durationSeconds: 20, durationVariation: 0.1, ...overrides };
  return config;
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function createUser(db: pg.Client, opts: { discordId?: string } = {}): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO auth.users (id, aud, role, email) VALUES ($1, 'authenticated', 'authenticated', $2)`,
    [id, `u${id.slice(0, 8)}@example.test`],
  );
  if (opts.discordId) {
    await db.query(
      `INSERT INTO auth.identities (provider_id, user_id, identity_data, provider)
       VALUES ($1, $2, jsonb_build_object('sub', $1::text), 'discord')`,
      [opts.discordId, id],
    );
  }
  return id;
}

/** Runs `fn` in a transaction whose JWT claims are `userId`'s (as PostgREST sets them); rolled back if it throws. */
export async function asUser<T>(db: pg.Client, userId: string, fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(`SELECT set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated' }),
    ]);
    const out = await fn();
    await db.query('COMMIT');
    return out;
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}

/** The owner deletes their node as the site does (PostgREST, under RLS); false if RLS let nothing go. */
export async function deleteNodeAsOwner(db: pg.Client, userId: string, nodeId: string): Promise<boolean> {
  return asUser(db, userId, async () => {
    await db.query('SET LOCAL ROLE authenticated');
    const { rowCount } = await db.query('DELETE FROM nodes WHERE id = $1', [nodeId]);
    return (rowCount ?? 0) > 0;
  });
}

export interface JobOptions {
  iterations?: number;
  access?: 'private' | 'user' | 'discord' | 'public';
  discordServerId?: string | null;
  seed?: number;
  config?: unknown;
  /** `user` jobs: the node owners the job owner grants. */
  sharedWith?: string[];
  /** Variants (profilesets) compared against the base config. */
  variants?: Array<{ name: string; config: unknown }>;
  /** Smart sim: stop at this 95 % error, a fraction of the mean (iterations is then the cap). */
  targetError?: number;
  /** Smart sim with variants: stop variants clearly below the best early (default true). */
  eliminate?: boolean;
}

export async function createJob(db: pg.Client, userId: string, opts: JobOptions = {}): Promise<string> {
  return asUser(db, userId, async () => {
    const { rows } = await db.query(
      `SELECT public.create_job($1::jsonb, $2, $3, $4, $5, $6::uuid[], variants => $7::jsonb,
              target_error => $8, eliminate => $9) AS id`,
      [
        JSON.stringify(opts.config ?? testConfig()),
        opts.iterations ?? 1000,
        opts.access ?? 'private',
        opts.discordServerId ?? null,
        opts.seed ?? 12345,
        opts.sharedWith ?? null,
        opts.variants ? JSON.stringify(opts.variants) : null,
        opts.targetError ?? null,
        opts.eliminate ?? true,
      ],
    );
    return (rows[0] as { id: string }).id;
  });
}

export async function claimNode(db: pg.Client, userId: string, code: string, maxParallel = 2): Promise<void> {
  await asUser(db, userId, () =>
    db.query('SELECT public.claim_node($1, $2, $3)', [code, 'test node', maxParallel]),
  );
}

export async function addPermission(
  db: pg.Client,
  nodeId: string,
  accessType: 'public' | 'user' | 'discord',
  targetId: string | null = null,
): Promise<void> {
  await db.query('INSERT INTO nodes_permissions (node_id, access_type, target_id) VALUES ($1, $2, $3)', [
    nodeId,
    accessType,
    targetId,
  ]);
}

/** A node row inserted directly, without registering, with a fresh random key and the given trust. */
export async function insertNode(
  db: pg.Client,
  userId: string | null,
  trust: {
    trustStreak?: number;
    mismatches?: number;
    quarantined?: boolean;
    creditedIterations?: number;
  } = {},
): Promise<string> {
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const { rows } = await db.query(
    `INSERT INTO nodes (user_id, kind, public_key, engine_version, trust_streak, mismatches, quarantined_at,
                        credited_iterations)
     VALUES ($1, 'headless', $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END, $7) RETURNING id`,
    [
      userId,
      key,
      ENGINE_VERSION,
      trust.trustStreak ?? 0,
      trust.mismatches ?? 0,
      trust.quarantined ?? false,
      trust.creditedIterations ?? 0,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export interface JobRow {
  status: string;
  total_iterations: number;
  error: string | null;
  result: unknown;
  completed_iterations: number;
  chunks_completed: number;
  chunks_total: number;
  seed: string;
}

export async function getJob(db: pg.Client, jobId: string): Promise<JobRow> {
  const { rows } = await db.query('SELECT * FROM jobs WHERE id = $1', [jobId]);
  return rows[0] as JobRow;
}

/** The sentinel's `/metrics` as series (name with labels) → value. */
export async function readMetrics(baseUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    out.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return out;
}

/** How much each counter grew between two `readMetrics` (a retried test sees the first attempt's counts too). */
export function metricGrowth(before: Map<string, number>, after: Map<string, number>) {
  return (series: string): number => (after.get(series) ?? 0) - (before.get(series) ?? 0);
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitForJob(
  db: pg.Client,
  jobId: string,
  status = 'completed',
  timeoutMs = 60_000,
): Promise<JobRow> {
  return waitFor(
    async () => {
      const job = await getJob(db, jobId);
      if (job.status !== status && ['completed', 'failed', 'cancelled'].includes(job.status))
        throw new Error(`job ${jobId} ended ${job.status} (${job.error}) while waiting for ${status}`);
      return job.status === status ? job : null;
    },
    timeoutMs,
    `job ${jobId} ${status}`,
  );
}

export { ENGINE_VERSION };

/** A registration body for tests that register many fresh keys (registration limits). */
export const FLOOD_REGISTRATION: RegisterRequest = {
  kind: 'headless',
  name: 'flood',
  maxParallel: 1,
  totalCores: 1,
  platform: 'linux-x64',
  version: '0.1.0',
  engineVersion: '0.1.0',
};

/**
 * Registers a fresh key (a new node) through `sender`, any connected test node: what counts is
 * the key that signs. `address` goes in x-test-client (suites set CLIENT_IP_HEADER to it); `headers`
 * are sent as well (a proxy's, e.g. fly-client-ip).
 */
export async function registerFreshKey(
  sender: TestNode,
  address?: string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return sender.request('POST', '/nodes/register', FLOOD_REGISTRATION, {
    signer: await signerFromSeed(generateSeed()),
    headers: { ...(address ? { 'x-test-client': address } : {}), ...headers },
  });
}
