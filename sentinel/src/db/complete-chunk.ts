// POST /chunks/complete, database side. Inside one transaction:
//   one statement stores the result only if the chunk runs on the calling node and matches
//   (iterations, seed offset, engine version), and bumps the job counters — that UPDATE takes
//   the job row lock, serialising the job's completions until COMMIT, so exactly one
//   completion sees chunks_completed reach chunks_total; that one merges and completes the job.
import type { DbClient } from './pool.ts';

export interface StoredChunk {
  jobId: string;
  claimedMs: number | null;
  /** The job is still active and this completion made it complete all chunks. */
  lastChunk: boolean;
}

export interface ChunkIdentity {
  chunkId: string;
  nodeId: string;
  iterations: number;
  seedOffset: number;
  engineVersion: string;
}

const STORE = `
WITH c AS (
  UPDATE jobs_chunks c SET status = 'completed', result = $6::jsonb -> 'result', completed_at = now()
  FROM jobs j
  WHERE c.id = $1 AND c.node_id = $2 AND c.status = 'running' AND j.id = c.job_id
    AND c.iterations = $3 AND c.seed_offset = $4 AND j.engine_version = $5
  RETURNING c.job_id, c.iterations, c.claimed_at),
u AS (
  UPDATE jobs j SET completed_iterations = j.completed_iterations + c.iterations,
         chunks_completed = j.chunks_completed + 1,
         status = CASE WHEN j.status = 'pending' THEN 'running' ELSE j.status END
  FROM c WHERE j.id = c.job_id AND j.status IN ('pending', 'running')
  RETURNING j.chunks_completed, j.chunks_total)
SELECT c.job_id, (extract(epoch FROM c.claimed_at) * 1000)::float8 AS claimed_ms,
       coalesce(u.chunks_completed = u.chunks_total, false) AS last_chunk
FROM c LEFT JOIN u ON true`;

/**
 * Stores the result (taken from the raw request body `{"chunkId", "result"}`, so it is not
 * serialised again); null when nothing matched (not running on this node, or mismatched).
 */
export async function storeChunkResult(
  client: DbClient,
  id: ChunkIdentity,
  rawBody: string,
): Promise<StoredChunk | null> {
  const { rows } = await client.query(STORE, [
    id.chunkId,
    id.nodeId,
    id.iterations,
    id.seedOffset,
    id.engineVersion,
    rawBody,
  ]);
  if (rows.length === 0) return null;
  const r = rows[0] as { job_id: string; claimed_ms: number | null; last_chunk: boolean };
  return { jobId: r.job_id, claimedMs: r.claimed_ms, lastChunk: r.last_chunk };
}

/** Why a completion matched nothing: the chunk as the calling node holds it, if it does. */
export async function describeRunningChunk(
  client: DbClient,
  chunkId: string,
  nodeId: string,
): Promise<{ iterations: number; seedOffset: number; engineVersion: string } | null> {
  const { rows } = await client.query(
    `SELECT c.iterations, c.seed_offset, j.engine_version FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
     WHERE c.id = $1 AND c.node_id = $2 AND c.status = 'running'`,
    [chunkId, nodeId],
  );
  if (rows.length === 0) return null;
  const r = rows[0] as { iterations: number; seed_offset: number; engine_version: string };
  return { iterations: r.iterations, seedOffset: r.seed_offset, engineVersion: r.engine_version };
}

/** Every completed chunk result of a job, in seed order (the job row is locked by the caller). */
export async function loadChunkResults(client: DbClient, jobId: string): Promise<unknown[]> {
  const { rows } = await client.query(
    `SELECT result FROM jobs_chunks WHERE job_id = $1 AND status = 'completed' ORDER BY seed_offset`,
    [jobId],
  );
  return (rows as { result: unknown }[]).map((r) => r.result);
}

export async function completeJob(client: DbClient, jobId: string, result: unknown): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE jobs SET status = 'completed', result = $2::jsonb, completed_at = now()
     WHERE id = $1 AND status = 'running'`,
    [jobId, JSON.stringify(result)],
  );
  return (rowCount ?? 0) > 0;
}
