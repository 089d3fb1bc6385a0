// Fail jobs with an error text; their unfinished chunks fail too. One statement per call.
import type { Queryable } from './pool.ts';

export async function failJobs(
  db: Queryable,
  failures: Array<{ jobId: string; error: string }>,
): Promise<string[]> {
  if (failures.length === 0) return [];
  const { rows } = await db.query(
    `WITH f AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS f(job_id, error)),
     jobs_failed AS (
       UPDATE jobs j SET status = 'failed', error = f.error, updated_at = now(), completed_at = now()
       FROM f WHERE j.id = f.job_id AND j.status IN ('pending', 'running')
       RETURNING j.id),
     chunks_failed AS (
       UPDATE jobs_chunks c SET status = 'failed', node_id = NULL
       FROM jobs_failed WHERE c.job_id = jobs_failed.id AND c.status IN ('pending', 'running')
       RETURNING c.id)
     SELECT id FROM jobs_failed`,
    [failures.map((f) => f.jobId), failures.map((f) => f.error.slice(0, 4000))],
  );
  return (rows as { id: string }[]).map((r) => r.id);
}
