// Test data for the Discord handlers, written with plain SQL as the superuser (bypasses RLS,
// like the service role).
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

type Db = pg.Pool | pg.Client;

export async function insertUser(db: Db, discordId?: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)`,
    [id, `u${id.slice(0, 8)}@example.test`],
  );
  if (discordId) {
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider)
       values ($1, $2, jsonb_build_object('sub', $1::text), 'discord')`,
      [discordId, id],
    );
  }
  return id;
}

export async function insertConfig(db: Db, spec: string): Promise<string> {
  const hash = randomBytes(32).toString('hex');
  await db.query(`insert into jobs_configs (hash, config) values ($1, $2)`, [
    hash,
    JSON.stringify({ engineVersion: '0.1.0', spec, rotation: 'actions=auto_shot' }),
  ]);
  return hash;
}

export interface JobSeed {
  userId: string;
  configHash: string;
  status: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
  totalIterations: number;
  completedIterations: number;
  chunksTotal: number;
  chunksCompleted: number;
  accessType?: 'private' | 'user' | 'discord' | 'public';
  result?: unknown;
  error?: string;
  createdAt: Date;
  completedAt?: Date;
}

export async function insertJob(db: Db, j: JobSeed): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into jobs (user_id, config_hash, engine_version, seed, total_iterations, completed_iterations,
                       chunks_total, chunks_completed, status, result, error, access_type, created_at, completed_at)
     values ($1, $2, '0.1.0', 42, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     returning id::text`,
    [
      j.userId,
      j.configHash,
      j.totalIterations,
      j.completedIterations,
      j.chunksTotal,
      j.chunksCompleted,
      j.status,
      j.result === undefined ? null : JSON.stringify(j.result),
      j.error ?? null,
      j.accessType ?? 'private',
      j.createdAt,
      j.completedAt ?? null,
    ],
  );
  return rows[0]!.id;
}

export interface ChunkSeed {
  jobId: string;
  configHash: string;
  nodeId: string | null;
  iterations: number;
  seedOffset: number;
  status: 'pending' | 'running' | 'completed' | 'failed';
  claimedAt?: Date;
  completedAt?: Date;
}

/** One INSERT for all chunks. */
export async function insertChunks(db: Db, chunks: ChunkSeed[]): Promise<void> {
  await db.query(
    `insert into jobs_chunks (job_id, config_hash, node_id, iterations, seed_offset, status, claimed_at, completed_at)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::int[], $6::text[],
                          $7::timestamptz[], $8::timestamptz[])`,
    [
      chunks.map((c) => c.jobId),
      chunks.map((c) => c.configHash),
      chunks.map((c) => c.nodeId),
      chunks.map((c) => c.iterations),
      chunks.map((c) => c.seedOffset),
      chunks.map((c) => c.status),
      chunks.map((c) => c.claimedAt ?? null),
      chunks.map((c) => c.completedAt ?? null),
    ],
  );
}

export interface NodeSeed {
  userId: string | null;
  name: string;
  kind: 'browser' | 'headless';
  status: 'online' | 'offline' | 'draining';
  totalCores: number;
  maxParallel: number;
  lastSeenAt: Date;
}

export async function insertNode(db: Db, n: NodeSeed): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into nodes (user_id, name, kind, status, total_cores, max_parallel, last_seen_at, public_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text`,
    [
      n.userId,
      n.name,
      n.kind,
      n.status,
      n.totalCores,
      n.maxParallel,
      n.lastSeenAt,
      randomBytes(32).toString('base64url'),
    ],
  );
  return rows[0]!.id;
}

/** A JobResult (sim-core shape) with known figures. */
export function jobResult(mean: number, dpsError: number) {
  return {
    iterations: 1000,
    mean,
    stdDev: 500,
    dpsError,
    min: mean - 2000,
    max: mean + 2500,
    percentiles: { p5: mean - 900, p25: mean - 300, p50: mean + 10, p75: mean + 320, p95: mean + 880 },
    histogram: { min: mean - 2000, max: mean + 2500, binWidth: 90, counts: new Array<number>(50).fill(20) },
    abilities: [
      {
        key: 'auto_shot',
        name: 'Auto Shot',
        damage: 1,
        share: 0.2,
        casts: 1,
        hits: 1,
        crits: 0,
        critPct: 0,
        dps: mean * 0.2,
      },
      {
        key: 'kill_command',
        name: 'Kill Command',
        damage: 1,
        share: 0.5,
        casts: 1,
        hits: 1,
        crits: 0,
        critPct: 0,
        dps: mean * 0.5,
      },
      {
        key: 'barbed_shot',
        name: 'Barbed Shot',
        damage: 1,
        share: 0.3,
        casts: 1,
        hits: 1,
        crits: 0,
        critPct: 0,
        dps: mean * 0.3,
      },
    ],
  };
}
