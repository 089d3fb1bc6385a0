// Periodic maintenance statements.
import type { Queryable } from './pool.ts';

/**
 * One maintenance sweep at a time across instances: a session advisory lock on `client`;
 * false when another instance holds it. Release with unlockMaintenance on the same client.
 */
export async function tryLockMaintenance(client: Queryable, key: number): Promise<boolean> {
  const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [key]);
  return (rows[0] as { ok: boolean }).ok;
}

export async function unlockMaintenance(client: Queryable, key: number): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [key]);
}

const interval = (param: string) => `make_interval(secs => ${param}::float8 / 1000)`;

export async function markSilentNodesOffline(db: Queryable, timeoutMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE nodes SET status = 'offline' WHERE status = 'online' AND last_seen_at < now() - ${interval('$1')}`,
    [timeoutMs],
  );
  return rowCount ?? 0;
}

/** Unclaimed nodes older than the TTL that are not online (their chunks are released by a trigger). */
export async function deleteStaleUnclaimedNodes(
  db: Queryable,
  ttlMs: number,
  silentMs: number,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM nodes WHERE user_id IS NULL AND created_at < now() - ${interval('$1')}
       AND last_seen_at < now() - ${interval('$2')}`,
    [ttlMs, silentMs],
  );
  return rowCount ?? 0;
}

export async function deleteStaleConfigs(db: Queryable, ttlMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM jobs_configs c WHERE c.last_used_at < now() - ${interval('$1')}
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.config_hash = c.hash)
       AND NOT EXISTS (SELECT 1 FROM jobs_chunks k WHERE k.config_hash = c.hash)`,
    [ttlMs],
  );
  return rowCount ?? 0;
}

/**
 * Drops the per-chunk results (about 20 KB each) of jobs that finished more than `ttlMs` ago,
 * at most `limit` per call: the job keeps its merged result, the chunks their digests.
 */
export async function dropOldChunkResults(db: Queryable, ttlMs: number, limit: number): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE jobs_chunks SET result = NULL WHERE id IN (
       SELECT c.id FROM jobs j JOIN jobs_chunks c ON c.job_id = j.id
       WHERE j.status IN ('completed', 'failed', 'cancelled') AND j.completed_at < now() - ${interval('$1')}
         AND c.result IS NOT NULL
       LIMIT $2)`,
    [ttlMs, limit],
  );
  return rowCount ?? 0;
}

/** Whether a public job completed (or was corrected) after `sinceMs` (the rankings then refresh soon, not hourly). */
export async function publicJobCompletedSince(db: Queryable, sinceMs: number): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM jobs WHERE status = 'completed' AND access_type = 'public'
                    AND greatest(completed_at, corrected_at) > to_timestamp($1::float8 / 1000)) AS yes`,
    [sinceMs],
  );
  return (rows[0] as { yes: boolean }).yes;
}

export async function refreshStatsViews(db: Queryable): Promise<void> {
  await db.query('SELECT public.refresh_stats_views()');
}

/** One instance at a time runs maintenance: a session-free transaction-level advisory lock. */
export const MAINTENANCE_LOCK_KEY = 0x776c6d61; // 'wlma'

export async function chunkCounts(db: Queryable): Promise<{ pending: number; running: number }> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM jobs_chunks WHERE status = 'pending')::int AS pending,
            (SELECT count(*) FROM jobs_chunks WHERE status = 'running')::int AS running`,
  );
  return rows[0] as { pending: number; running: number };
}

/** Iterations of original chunks completed per second over the last `seconds` (the grid's pace). */
export async function recentIterationsPerSecond(db: Queryable, seconds = 60): Promise<number> {
  const { rows } = await db.query(
    `SELECT coalesce(sum(iterations), 0)::float8 AS n FROM jobs_chunks
     WHERE status = 'completed' AND completed_at >= now() - make_interval(secs => $1) AND replica_of IS NULL`,
    [seconds],
  );
  return Math.round((rows[0] as { n: number }).n / seconds);
}

export async function countOnlineNodes(db: Queryable, timeoutMs: number): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM nodes WHERE status <> 'offline' AND last_seen_at >= now() - ${interval('$1')}`,
    [timeoutMs],
  );
  return (rows[0] as { n: number }).n;
}
