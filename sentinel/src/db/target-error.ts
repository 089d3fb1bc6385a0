// Smart sims (jobs.target_error), database side: what a job's stopping rule needs, its accepted
// results in seed order per run, and stopping runs at a prefix of their chunks.
import type { DbClient, Queryable } from './pool.ts';

export interface SmartJob {
  /** Relative 95 % error to reach. */
  target: number;
  /** Variants clearly below the best stop early (the player asked; stat weights never do). */
  eliminate: boolean;
  /** The variants' names in order (a stat-weights job is recognised by them). */
  variants: string[];
  /** The base and its variants. */
  runs: number;
  /** Chunks of each run at the cap. */
  chunksPerRun: number;
}

/** The job's smart-sim settings; null when it has none, undefined when there is no such job. */
export async function smartJob(db: Queryable, jobId: string): Promise<SmartJob | null | undefined> {
  const { rows } = await db.query(
    `SELECT j.target_error, j.smart_elimination, coalesce(jsonb_array_length(j.variants), 0) + 1 AS runs,
            j.variants,
            (SELECT count(*)::int FROM jobs_chunks c
              WHERE c.job_id = j.id AND c.variant = 0 AND c.replica_of IS NULL) AS chunks
     FROM jobs j WHERE j.id = $1`,
    [jobId],
  );
  const r = rows[0] as
    | {
        target_error: number | null;
        smart_elimination: boolean;
        runs: number;
        variants: Array<{ name: string }> | null;
        chunks: number;
      }
    | undefined;
  if (r === undefined) return undefined;
  if (r.target_error === null) return null;
  return {
    target: r.target_error,
    eliminate: r.smart_elimination,
    variants: (r.variants ?? []).map((v) => v.name),
    runs: r.runs,
    chunksPerRun: r.chunks,
  };
}

/** True while the job runs (a check on a finished job does nothing; no lock: see stopRunsAt). */
export async function jobRunning(client: DbClient, jobId: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM jobs WHERE id = $1 AND status = 'running'`, [jobId]);
  return rows.length > 0;
}

/**
 * Accepted results (run, offset, canonical text) of the given runs from `fromOffset`, in seed
 * order per run; one per chunk (the original before its copies).
 */
export async function acceptedFrom(
  client: DbClient,
  jobId: string,
  runs: readonly number[],
  fromOffset: number,
): Promise<Array<{ run: number; seedOffset: number; iterations: number; text: string | null }>> {
  const { rows } = await client.query(
    `SELECT DISTINCT ON (variant, seed_offset) variant, seed_offset, iterations, result FROM jobs_chunks
     WHERE job_id = $1 AND variant = ANY ($2::int[]) AND seed_offset >= $3 AND status = 'completed'
       AND verdict IN ('trusted', 'verified')
     ORDER BY variant, seed_offset, replica_of NULLS FIRST, completed_at`,
    [jobId, runs, fromOffset],
  );
  return (
    rows as Array<{ variant: number; seed_offset: number; iterations: number; result: string | null }>
  ).map((r) => ({ run: r.variant, seedOffset: r.seed_offset, iterations: r.iterations, text: r.result }));
}

/**
 * Ends runs at a prefix of whole chunks: every chunk row of run `runs[i]` at or past `ends[i]`
 * iterations (copies included) is dropped (status failed: not run, not merged), and the job
 * stops counting them — by difference, so completions counted meanwhile stay counted. Chunk rows
 * are locked first (id order), then the job row: the lock order of every completion. `last` when
 * every chunk still counted is in (aggregate now); `running`: the dropped chunks a node was
 * still computing (to cancel there).
 */
export async function stopRunsAt(
  client: DbClient,
  jobId: string,
  runs: readonly number[],
  ends: readonly number[],
): Promise<{ last: boolean; running: DroppedChunk[] }> {
  const { rows } = await client.query(
    `WITH family AS (
       SELECT c.id, c.replica_of, c.status, c.verdict, c.iterations, c.node_id FROM jobs_chunks c
       JOIN unnest($2::int[], $3::int[]) AS s(run, stop_at) ON c.variant = s.run AND c.seed_offset >= s.stop_at
       WHERE c.job_id = $1 AND c.status <> 'failed'
       ORDER BY c.id FOR NO KEY UPDATE OF c),
     dropped AS (
       UPDATE jobs_chunks c SET status = 'failed' FROM family f WHERE c.id = f.id
       RETURNING f.id, f.replica_of, f.status, f.verdict, f.iterations, f.node_id),
     originals AS (
       SELECT d.iterations, EXISTS (
                SELECT 1 FROM dropped r WHERE (r.id = d.id OR r.replica_of = d.id)
                  AND r.status = 'completed' AND r.verdict IN ('trusted', 'verified')) AS counted
       FROM dropped d WHERE d.replica_of IS NULL),
     updated AS (
       UPDATE jobs SET
         chunks_total = chunks_total - (SELECT count(*) FROM originals),
         total_iterations = total_iterations - (SELECT coalesce(sum(iterations), 0) FROM originals),
         chunks_completed = chunks_completed - (SELECT count(*) FROM originals WHERE counted),
         completed_iterations = completed_iterations
           - (SELECT coalesce(sum(iterations), 0) FROM originals WHERE counted)
       WHERE id = $1 AND status = 'running'
       RETURNING chunks_completed = chunks_total AS last)
     SELECT coalesce((SELECT last FROM updated), false) AS last,
            coalesce((SELECT json_agg(json_build_array(d.id, d.node_id)) FROM dropped d
                      WHERE d.status = 'running' AND d.node_id IS NOT NULL), '[]'::json) AS running`,
    [jobId, runs, ends],
  );
  const row = rows[0] as { last: boolean; running: Array<[string, string]> };
  return { last: row.last, running: row.running.map(([chunkId, nodeId]) => ({ chunkId, nodeId })) };
}

/** A chunk a smart stop dropped while a node was computing it. */
export interface DroppedChunk {
  chunkId: string;
  nodeId: string;
}
