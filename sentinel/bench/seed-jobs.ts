// Bulk job creation for the bench: the same rows create_job writes, many jobs per statement.
import { canonicalJson, hashConfig, type SimConfig } from '@wowlab/sim-core';
import type pg from 'pg';

export async function createBenchUser(db: pg.Client): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO auth.users (id, aud, role, email) VALUES ($1, 'authenticated', 'authenticated', $2)`,
    [id, `bench-${id.slice(0, 8)}@example.test`],
  );
  return id;
}

export async function storeConfig(db: pg.Client, config: SimConfig): Promise<string> {
  const hash = await hashConfig(config);
  await db.query(
    `INSERT INTO jobs_configs (hash, config) VALUES ($1, $2::jsonb) ON CONFLICT (hash) DO NOTHING`,
    [hash, canonicalJson(config)],
  );
  return hash;
}

/** Inserts `jobs` public jobs of `chunks` chunks × `chunkIterations`; returns their ids. */
export async function insertJobs(
  db: pg.Client,
  opts: {
    userId: string;
    hash: string;
    engineVersion: string;
    jobs: number;
    chunks: number;
    chunkIterations: number;
  },
): Promise<string[]> {
  const { rows } = await db.query(
    `WITH j AS (
       INSERT INTO jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total, access_type)
       SELECT $1::uuid, $2::text, $3::text, g, $4::int * $5::int, $4::int, 'public' FROM generate_series(1, $6::int) AS g
       RETURNING id),
     c AS (
       INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset)
       SELECT j.id, $2::text, $5::int, k * $5::int FROM j, generate_series(0, $4::int - 1) AS k
       RETURNING job_id)
     SELECT DISTINCT job_id AS id FROM c`,
    [opts.userId, opts.hash, opts.engineVersion, opts.chunks, opts.chunkIterations, opts.jobs],
  );
  return (rows as { id: string }[]).map((r) => r.id);
}
