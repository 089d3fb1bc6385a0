// Running chunks of vanished nodes go back to pending (attempts + 1); chunks that reach
// the attempt limit fail their job. Each is one statement, safe to run from any instance.
// A node vanishing with a chunk is a failure its owner reports (as /chunks/fail is,
// completion/fail.ts): unless its node is trusted by construction for the job (the owner's, a
// grantee's, a platform node), the owner is recorded among the chunk's failed owners, and the
// chunk fails its job only when the loss confirms it cannot run (confirmsFailure,
// trust/policy.ts). Otherwise one node taking the same chunk and leaving, five times, failed any
// public job. The owner is not excluded from the chunk: a volunteer whose connection dropped may
// run it when it is back (a job whose only volunteer left waits for it).
import { attemptsSpent, confirmsFailure } from '../trust/policy.ts';
import type { TrustSettings } from '../trust/settings.ts';
import type { Queryable } from './pool.ts';
import { appendOwner } from './fail-chunk.ts';
import { anchoredFor } from './trust-results.ts';

export interface ReclaimResult {
  reclaimed: number;
  /** Jobs whose chunk hit the attempt limit: the caller fails them. */
  exhausted: Array<{ jobId: string; chunkId: string }>;
}

/** When a chunk lost by its node fails its job: the attempt limit, and trust (confirmsFailure). */
export interface ReclaimRule {
  maxAttempts: number;
  trust: TrustSettings;
}

const RECLAIM = (where: string) => `
WITH victims AS (
  SELECT c.id, n.id IS NOT NULL AND ${anchoredFor('n', 'j')} AS anchor, coalesce(n.user_id, n.id) AS owner
  FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id LEFT JOIN nodes n ON n.id = c.node_id
  WHERE c.status = 'running' AND (${where})
  FOR UPDATE OF c SKIP LOCKED),
back AS (
  UPDATE jobs_chunks c SET status = 'pending', node_id = NULL, claimed_at = NULL, attempts = c.attempts + 1,
    anchored_attempts = c.anchored_attempts + CASE WHEN v.anchor THEN 1 ELSE 0 END,
    failed_owners = CASE WHEN v.anchor THEN c.failed_owners ELSE ${appendOwner('c.failed_owners', 'v.owner')} END
  FROM victims v WHERE c.id = v.id
  RETURNING c.id, c.job_id, c.attempts, c.anchored_attempts, v.anchor, cardinality(c.failed_owners)::int AS owners)
SELECT id, job_id, attempts, anchored_attempts, anchor, owners FROM back`;

interface ReclaimedRow {
  id: string;
  job_id: string;
  attempts: number;
  anchored_attempts: number;
  anchor: boolean;
  owners: number;
}

function toResult(rows: ReclaimedRow[], rule: ReclaimRule): ReclaimResult {
  const confirmed = (r: ReclaimedRow) => confirmsFailure(r.anchor, r.owners, rule.trust);
  const spent = (r: ReclaimedRow) => attemptsSpent(r.attempts, r.anchored_attempts, rule.trust);
  return {
    reclaimed: rows.length,
    exhausted: rows
      .filter((r) => spent(r) >= rule.maxAttempts && confirmed(r))
      .map((r) => ({ jobId: r.job_id, chunkId: r.id })),
  };
}

/** A node whose socket closed: reclaim unless it was seen again after `disconnectedAt`. */
export async function reclaimDisconnectedNode(
  db: Queryable,
  nodeId: string,
  disconnectedAt: string,
  rule: ReclaimRule,
): Promise<ReclaimResult> {
  const { rows } = await db.query(
    RECLAIM(
      `c.node_id = $1 AND EXISTS (SELECT 1 FROM nodes n WHERE n.id = $1 AND n.last_seen_at <= $2::timestamptz)`,
    ),
    [nodeId, disconnectedAt],
  );
  return toResult(rows as ReclaimedRow[], rule);
}

/** Nodes silent (no socket anywhere, no heartbeat) for `timeoutMs`, and orphaned chunks. */
export async function reclaimSilentNodes(
  db: Queryable,
  timeoutMs: number,
  rule: ReclaimRule,
): Promise<ReclaimResult> {
  const { rows } = await db.query(
    RECLAIM(`c.node_id IS NULL OR c.node_id IN (
      SELECT n.id FROM nodes n WHERE n.last_seen_at < now() - make_interval(secs => $1::float8 / 1000))`),
    [timeoutMs],
  );
  return toResult(rows as ReclaimedRow[], rule);
}

/** A chunk running on a node for at least the shortest deadline: its deadline is worked out. */
export interface RunningChunk {
  id: string;
  nodeId: string;
  configHash: string;
  engineVersion: string;
  iterations: number;
  runningMs: number;
}

/** Chunks running on a node for `minMs` or longer (the candidates for a missed deadline). */
export async function chunksRunningSince(db: Queryable, minMs: number): Promise<RunningChunk[]> {
  const { rows } = await db.query(
    `SELECT c.id, c.node_id, c.config_hash, j.engine_version, c.iterations,
            (extract(epoch FROM now() - c.claimed_at) * 1000)::float8 AS running_ms
     FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
     WHERE c.status = 'running' AND c.node_id IS NOT NULL
       AND c.claimed_at < now() - make_interval(secs => $1::float8 / 1000)`,
    [minMs],
  );
  return (
    rows as Array<{
      id: string;
      node_id: string;
      config_hash: string;
      engine_version: string;
      iterations: number;
      running_ms: number;
    }>
  ).map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    configHash: r.config_hash,
    engineVersion: r.engine_version,
    iterations: r.iterations,
    runningMs: r.running_ms,
  }));
}

/**
 * Deadlines (scheduler/node-speed.ts says how long each is): each chunk still running on the
 * same node past its deadline goes back to pending for another node, without counting an
 * attempt (a slow node is not a failure). Returns what was reclaimed, with when it was assigned
 * (a late answer is measured from then).
 */
export async function reclaimOverdue(
  db: Queryable,
  chunks: ReadonlyArray<{ id: string; nodeId: string; deadlineMs: number }>,
): Promise<Array<{ id: string; nodeId: string; claimedMs: number }>> {
  if (chunks.length === 0) return [];
  const { rows } = await db.query(
    `WITH due AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) AS d(id, node_id, deadline_ms)),
     victims AS (
       SELECT c.id, c.node_id, c.claimed_at FROM jobs_chunks c JOIN due d ON d.id = c.id AND d.node_id = c.node_id
       WHERE c.status = 'running' AND c.claimed_at < now() - make_interval(secs => d.deadline_ms / 1000)
       ORDER BY c.id
       FOR UPDATE OF c SKIP LOCKED)
     UPDATE jobs_chunks c SET status = 'pending', node_id = NULL, claimed_at = NULL
     FROM victims WHERE c.id = victims.id
     RETURNING c.id, victims.node_id, (extract(epoch FROM victims.claimed_at) * 1000)::float8 AS claimed_ms`,
    [chunks.map((c) => c.id), chunks.map((c) => c.nodeId), chunks.map((c) => c.deadlineMs)],
  );
  return (rows as Array<{ id: string; node_id: string; claimed_ms: number }>).map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    claimedMs: r.claimed_ms,
  }));
}

/**
 * A late answer counts if it comes first: the chunk its node let pass the deadline goes back to
 * that node if it is not done yet (pending, or running elsewhere, or given back to this very node
 * while its answer was on its way) and the node's owner is still allowed to run it. Returns null
 * when it cannot be taken back, else the other node that was running it meanwhile (to cancel
 * there), if any.
 */
export async function takeBackLateChunk(
  db: Queryable,
  chunkId: string,
  nodeId: string,
): Promise<{ previousNodeId: string | null } | null> {
  const { rows } = await db.query(
    `WITH target AS (
       SELECT c.id, c.node_id FROM jobs_chunks c
       JOIN jobs j ON j.id = c.job_id AND j.status IN ('pending', 'running')
       JOIN nodes n ON n.id = $2
       WHERE c.id = $1 AND c.status IN ('pending', 'running')
         AND (n.user_id IS NULL OR NOT (n.user_id = ANY (c.exclude_owners) OR n.user_id = ANY (c.failed_owners)))
       FOR UPDATE OF c)
     UPDATE jobs_chunks c SET status = 'running', node_id = $2, claimed_at = now()
     FROM target WHERE c.id = target.id
     RETURNING nullif(target.node_id, $2) AS previous`,
    [chunkId, nodeId],
  );
  if (rows.length === 0) return null;
  return { previousNodeId: (rows[0] as { previous: string | null }).previous };
}

/** Undoes takeBackLateChunk when the late answer was refused: the chunk waits for a node again. */
export async function releaseLateChunk(db: Queryable, chunkId: string, nodeId: string): Promise<void> {
  await db.query(
    `UPDATE jobs_chunks SET status = 'pending', node_id = NULL, claimed_at = NULL
     WHERE id = $1 AND node_id = $2 AND status = 'running'`,
    [chunkId, nodeId],
  );
}
