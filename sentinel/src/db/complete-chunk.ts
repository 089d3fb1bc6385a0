// POST /chunks/complete, database side. One transaction:
//   lock the chunk only if it runs on the calling node → check the result → store it →
//   bump the job counters (this UPDATE takes the job row lock, serialising the job's
//   completions) → if this was the last chunk, merge every chunk result and complete the job.
import type { ChunkResultWire } from 'wowlab-node/protocol';
import type { DbClient } from './pool.ts';

export interface LockedChunk {
  jobId: string;
  iterations: number;
  seedOffset: number;
  engineVersion: string;
  claimedMs: number | null;
}

export async function lockRunningChunk(
  client: DbClient,
  chunkId: string,
  nodeId: string,
): Promise<LockedChunk | null> {
  const { rows } = await client.query(
    `SELECT c.job_id, c.iterations, c.seed_offset, j.engine_version,
            (extract(epoch FROM c.claimed_at) * 1000)::float8 AS claimed_ms
     FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
     WHERE c.id = $1 AND c.node_id = $2 AND c.status = 'running'
     FOR UPDATE OF c`,
    [chunkId, nodeId],
  );
  if (rows.length === 0) return null;
  const r = rows[0] as {
    job_id: string;
    iterations: number;
    seed_offset: number;
    engine_version: string;
    claimed_ms: number | null;
  };
  return {
    jobId: r.job_id,
    iterations: r.iterations,
    seedOffset: r.seed_offset,
    engineVersion: r.engine_version,
    claimedMs: r.claimed_ms,
  };
}

/** Stores the result and bumps the job; returns whether the job has now every chunk. */
export async function storeChunkResult(
  client: DbClient,
  chunkId: string,
  jobId: string,
  result: ChunkResultWire,
): Promise<{ lastChunk: boolean }> {
  await client.query(
    `UPDATE jobs_chunks SET status = 'completed', result = $2::jsonb, completed_at = now() WHERE id = $1`,
    [chunkId, JSON.stringify(result)],
  );
  const { rows } = await client.query(
    `UPDATE jobs SET completed_iterations = completed_iterations + $2, chunks_completed = chunks_completed + 1,
            status = CASE WHEN status = 'pending' THEN 'running' ELSE status END
     WHERE id = $1 AND status IN ('pending', 'running')
     RETURNING chunks_completed, chunks_total`,
    [jobId, result.iterations],
  );
  if (rows.length === 0) return { lastChunk: false };
  const r = rows[0] as { chunks_completed: number; chunks_total: number };
  return { lastChunk: r.chunks_completed === r.chunks_total };
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
