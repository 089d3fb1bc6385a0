// POST /chunks/complete, database side, beside the trust layer's store (trust-results.ts):
// why a completion matched nothing, and completing the job once its results are merged.
import type { DbClient, Queryable } from './pool.ts';

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

export async function completeJob(client: DbClient, jobId: string, result: unknown): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE jobs SET status = 'completed', result = $2::jsonb, completed_at = now()
     WHERE id = $1 AND status = 'running'`,
    [jobId, JSON.stringify(result)],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Replaces a completed job's published result when a recheck changed it, and marks it
 * corrected (the job page says so); false when the result is the same.
 */
export async function correctJobResult(client: DbClient, jobId: string, result: unknown): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE jobs SET result = $2::jsonb, corrected_at = now()
     WHERE id = $1 AND status = 'completed' AND result IS DISTINCT FROM $2::jsonb`,
    [jobId, JSON.stringify(result)],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * What merging a job needs of its row: its chunk count, its variants' names in order, and for a
 * smart sim its stopping rule (to say why each run stopped).
 */
export interface JobToMerge {
  chunksTotal: number;
  variants: string[];
  smart: { target: number; eliminate: boolean } | null;
}

function jobToMerge(rows: unknown[]): JobToMerge | null {
  const r = rows[0] as
    | {
        chunks_total: number;
        variants: Array<{ name: string }> | null;
        target_error: number | null;
        smart_elimination: boolean;
      }
    | undefined;
  if (!r) return null;
  return {
    chunksTotal: r.chunks_total,
    variants: (r.variants ?? []).map((v) => v.name),
    smart: r.target_error === null ? null : { target: r.target_error, eliminate: r.smart_elimination },
  };
}

/** Locks a running job whose every chunk is counted; null when there is none to aggregate. */
export async function lockJobToAggregate(client: DbClient, jobId: string): Promise<JobToMerge | null> {
  const { rows } = await client.query(
    `SELECT chunks_total, variants, target_error, smart_elimination FROM jobs
     WHERE id = $1 AND status = 'running' AND chunks_completed = chunks_total FOR UPDATE`,
    [jobId],
  );
  return jobToMerge(rows);
}

/** Locks a completed job whose result a recheck may correct; null when it is not completed. */
export async function lockJobToCorrect(client: DbClient, jobId: string): Promise<JobToMerge | null> {
  const { rows } = await client.query(
    `SELECT chunks_total, variants, target_error, smart_elimination FROM jobs
     WHERE id = $1 AND status = 'completed' FOR NO KEY UPDATE`,
    [jobId],
  );
  return jobToMerge(rows);
}

/** Running jobs with every chunk counted but no result for `graceMs`: their aggregation was lost. */
export async function unaggregatedJobs(db: Queryable, graceMs: number, limit = 100): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT id FROM jobs WHERE status = 'running' AND chunks_completed = chunks_total
       AND updated_at < now() - make_interval(secs => $1::float8 / 1000) LIMIT $2`,
    [graceMs, limit],
  );
  return (rows as { id: string }[]).map((r) => r.id);
}
