// Smart sims (jobs.target_error), database side: the job's accepted base-config results in seed
// order from an offset, and stopping the job at a prefix of its chunks.
import type { DbClient, Queryable } from './pool.ts';

/** The job's target error (fraction of the mean), or null; undefined when there is no such job. */
export async function jobTargetError(db: Queryable, jobId: string): Promise<number | null | undefined> {
  const { rows } = await db.query('SELECT target_error FROM jobs WHERE id = $1', [jobId]);
  const r = rows[0] as { target_error: number | null } | undefined;
  return r === undefined ? undefined : r.target_error;
}

/** A running job's target error, or null when there is nothing to do (no lock: see stopJobAt). */
export async function runningTarget(client: DbClient, jobId: string): Promise<number | null> {
  const { rows } = await client.query(
    `SELECT target_error FROM jobs WHERE id = $1 AND status = 'running' AND target_error IS NOT NULL`,
    [jobId],
  );
  return (rows[0] as { target_error: number } | undefined)?.target_error ?? null;
}

/** Accepted results (offset, iterations, canonical text) of the job from `fromOffset`, in seed order. */
export async function acceptedFrom(
  client: DbClient,
  jobId: string,
  fromOffset: number,
): Promise<Array<{ seedOffset: number; iterations: number; text: string | null }>> {
  const { rows } = await client.query(
    `SELECT DISTINCT ON (seed_offset) seed_offset, iterations, result FROM jobs_chunks
     WHERE job_id = $1 AND variant = 0 AND seed_offset >= $2 AND status = 'completed'
       AND verdict IN ('trusted', 'verified')
     ORDER BY seed_offset, replica_of NULLS FIRST, completed_at`,
    [jobId, fromOffset],
  );
  return (rows as Array<{ seed_offset: number; iterations: number; result: string | null }>).map((r) => ({
    seedOffset: r.seed_offset,
    iterations: r.iterations,
    text: r.result,
  }));
}

/**
 * Ends the job at `end` iterations (a prefix of whole chunks): every chunk row at or past it is
 * dropped (status failed: not run, not merged), and the job counts exactly the prefix.
 */
export async function stopJobAt(client: DbClient, jobId: string, end: number, chunks: number): Promise<void> {
  // chunk rows first (in id order), then the job row: the lock order of every completion
  await client.query(
    `UPDATE jobs_chunks c SET status = 'failed'
     FROM (SELECT id FROM jobs_chunks WHERE job_id = $1 AND seed_offset >= $2 AND status <> 'failed'
           ORDER BY id FOR NO KEY UPDATE) o
     WHERE c.id = o.id`,
    [jobId, end],
  );
  await client.query(
    `UPDATE jobs SET total_iterations = $2, completed_iterations = $2, chunks_total = $3, chunks_completed = $3
     WHERE id = $1 AND status = 'running'`,
    [jobId, end, chunks],
  );
}
