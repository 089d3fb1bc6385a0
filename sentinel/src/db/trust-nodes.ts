// Per-node trust and credit, database side (sentinel/docs/trust.md). Runs inside the
// completion transaction.
import type { GateNode } from '../trust/policy.ts';
import type { DbClient, Queryable } from './pool.ts';

/**
 * Credits `iterations` to each node (and its owner's profile), and adds `streak` (1 for a
 * verified result, 0 for one accepted on trust) to its trust streak.
 */
export async function creditNodes(
  client: DbClient,
  credits: Array<{ nodeId: string; iterations: number; streak: number }>,
): Promise<void> {
  if (credits.length === 0) return;
  await client.query(
    `WITH n AS (
       UPDATE nodes n SET credited_iterations = n.credited_iterations + a.iterations,
                          trust_streak = n.trust_streak + a.streak
       FROM unnest($1::uuid[], $2::int[], $3::int[]) AS a(id, iterations, streak),
            (SELECT id FROM nodes WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE) o
       WHERE n.id = a.id AND o.id = a.id
       RETURNING n.user_id, a.iterations)
     UPDATE user_profiles p SET credited_iterations = p.credited_iterations + s.iterations
     FROM (SELECT user_id, sum(iterations) AS iterations FROM n WHERE user_id IS NOT NULL GROUP BY user_id) s
     WHERE p.id = s.user_id`,
    [credits.map((c) => c.nodeId), credits.map((c) => c.iterations), credits.map((c) => c.streak)],
  );
}

/** An invalid result: streak back to zero, one more mismatch, quarantine at the limit. */
export async function penalizeNodes(
  client: DbClient,
  nodeIds: string[],
  quarantineAfter: number,
): Promise<Array<{ id: string; userId: string | null; quarantined: boolean; newlyQuarantined: boolean }>> {
  if (nodeIds.length === 0) return [];
  const { rows } = await client.query(
    `UPDATE nodes n SET trust_streak = 0, mismatches = n.mismatches + 1,
            quarantined_at = CASE WHEN n.quarantined_at IS NULL AND n.mismatches + 1 >= $2 THEN now()
                                  ELSE n.quarantined_at END
     FROM (SELECT id, quarantined_at IS NOT NULL AS was FROM nodes WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE) o
     WHERE n.id = o.id
     RETURNING n.id, n.user_id, n.quarantined_at IS NOT NULL AS quarantined, o.was`,
    [nodeIds, quarantineAfter],
  );
  return (rows as { id: string; user_id: string | null; quarantined: boolean; was: boolean }[]).map((r) => ({
    id: r.id,
    userId: r.user_id,
    quarantined: r.quarantined,
    newlyQuarantined: r.quarantined && !r.was,
  }));
}

export interface RerunOutcome {
  /** Rows of active jobs returned to pending. */
  rerun: number;
  /** Published results of completed jobs sent for a recheck (an arbiter copy each). */
  rechecked: number;
}

/**
 * A node was caught returning an invalid result. Every result of it accepted on trust (never
 * verified by another node) is recomputed by another owner (its owner is excluded):
 * - in an active job the row goes back to pending and what it was credited is taken back;
 * - in a completed job, for results since its last verified one whose chunk results are still
 *   stored, the row becomes disputed (verdict NULL; the published result stands until judged)
 *   and an arbiter copy is issued; when it completes the job is re-merged and, if the result
 *   changed, marked corrected (completion/aggregate.ts correctJob).
 * Results still waiting for their replica stay: their judging counts every proven lie.
 * A quarantined node's running chunks go back to pending too. `skip`: the rows being judged.
 * Its owner's own jobs are left alone (nobody else relies on them).
 */
export async function rerunUnverified(
  client: DbClient,
  node: { id: string; ownerKey: string; quarantined: boolean },
  skip: string[],
): Promise<RerunOutcome> {
  const rechecked = await recheckPublished(client, node, skip);
  const { rows: jobs } = await client.query(
    `SELECT j.id FROM jobs j
     WHERE j.status IN ('pending', 'running') AND j.id IN (
       SELECT c.job_id FROM jobs_chunks c WHERE c.node_id = $1 AND c.id <> ALL($2::uuid[])
         AND ((c.status = 'completed' AND c.verdict = 'trusted') OR (c.status = 'running' AND $3::boolean)))
     ORDER BY j.id FOR NO KEY UPDATE`,
    [node.id, skip, node.quarantined],
  );
  const jobIds = (jobs as { id: string }[]).map((r) => r.id);
  let rerun = 0;
  let uncredit = rechecked.iterations;
  if (jobIds.length > 0) {
    const { rows } = await client.query(
      `WITH old AS (
         SELECT c.id, c.job_id, c.iterations, c.verdict FROM jobs_chunks c
         WHERE c.node_id = $1 AND c.job_id = ANY($2::uuid[]) AND c.id <> ALL($3::uuid[])
           AND ((c.status = 'completed' AND c.replica_of IS NULL AND c.verdict = 'trusted')
                OR (c.status = 'running' AND $5::boolean))
         FOR NO KEY UPDATE OF c),
       back AS (
         UPDATE jobs_chunks c SET status = 'pending', node_id = NULL, result = NULL, digest = NULL, verdict = NULL,
                claimed_at = NULL, completed_at = NULL,
                exclude_owners = CASE WHEN $4::uuid = ANY(c.exclude_owners) THEN c.exclude_owners
                                      ELSE c.exclude_owners || $4::uuid END
         FROM old WHERE c.id = old.id
         RETURNING old.job_id, old.iterations, old.verdict),
       uncount AS (
         UPDATE jobs j SET completed_iterations = j.completed_iterations - t.iterations,
                chunks_completed = j.chunks_completed - t.chunks
         FROM (SELECT job_id, sum(iterations)::int AS iterations, count(*)::int AS chunks
               FROM back WHERE verdict = 'trusted' GROUP BY job_id) t
         WHERE j.id = t.job_id
         RETURNING t.iterations)
       SELECT (SELECT count(*)::int FROM back) AS rerun,
              (SELECT coalesce(sum(iterations), 0)::int FROM uncount) AS uncredit`,
      [node.id, jobIds, skip, node.ownerKey, node.quarantined],
    );
    const out = rows[0] as { rerun: number; uncredit: number };
    rerun = out.rerun;
    uncredit += out.uncredit;
  }
  if (uncredit > 0) {
    await client.query(
      `WITH n AS (
         UPDATE nodes SET credited_iterations = greatest(0, credited_iterations - $2) WHERE id = $1 RETURNING user_id)
       UPDATE user_profiles p SET credited_iterations = greatest(0, p.credited_iterations - $2)
       FROM n WHERE p.id = n.user_id`,
      [node.id, uncredit],
    );
  }
  return { rerun, rechecked: rechecked.count };
}

/**
 * The caught node's results published on completed jobs of other owners since its last
 * verified result: disputed, each with an arbiter copy (excluding its owner). Only rows whose
 * chunk result is still stored (a job is re-merged from them). Chunk rows only: no job lock.
 */
async function recheckPublished(
  client: DbClient,
  node: { id: string; ownerKey: string },
  skip: string[],
): Promise<{ count: number; iterations: number }> {
  const { rows } = await client.query(
    `WITH last AS (
       SELECT max(completed_at) AS at FROM jobs_chunks WHERE node_id = $1 AND verdict = 'verified'),
     disputed AS (
       UPDATE jobs_chunks c SET verdict = NULL
       FROM jobs j, nodes n
       WHERE c.node_id = $1 AND n.id = $1 AND j.id = c.job_id AND j.status = 'completed'
         AND j.user_id IS DISTINCT FROM n.user_id
         AND c.status = 'completed' AND c.replica_of IS NULL AND c.verdict = 'trusted' AND c.result IS NOT NULL
         AND c.completed_at > coalesce((SELECT at FROM last), '-infinity'::timestamptz)
         AND c.id <> ALL($2::uuid[])
       RETURNING c.id, c.job_id, c.config_hash, c.iterations, c.seed_offset, c.variant),
     copies AS (
       INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role, exclude_owners)
       SELECT job_id, config_hash, iterations, seed_offset, variant, id, 'arbiter', ARRAY[$3::uuid] FROM disputed
       RETURNING iterations)
     SELECT count(*)::int AS count, coalesce(sum(iterations), 0)::int AS iterations FROM copies`,
    [node.id, skip, node.ownerKey],
  );
  return rows[0] as { count: number; iterations: number };
}

const SELECT_GATE = `
SELECT n.id, n.user_id, n.trust_streak, n.quarantined_at IS NOT NULL AS quarantined, n.platform_node,
       (n.user_id IS NULL OR coalesce(u.is_anonymous, false)) AS guest,
       CASE WHEN n.trust_streak >= $2 THEN 0 ELSE (
         SELECT count(*)::int FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
         WHERE c.node_id = n.id AND j.user_id IS DISTINCT FROM n.user_id
           AND (c.status = 'running'
                OR (n.mismatches > 0 AND c.status = 'completed' AND c.verdict IS NULL
                    AND j.status IN ('pending', 'running')))) END AS foreign_held
FROM nodes n LEFT JOIN auth.users u ON u.id = n.user_id
WHERE n.id = ANY($1::uuid[])`;

/** Trust of the connected nodes, fresh for one scheduler pass (one query). */
export async function loadGateNodes(
  db: Queryable,
  nodeIds: string[],
  threshold: number,
  adminNodeIds: ReadonlySet<string>,
): Promise<Map<string, GateNode>> {
  const out = new Map<string, GateNode>();
  if (nodeIds.length === 0) return out;
  const { rows } = await db.query(SELECT_GATE, [nodeIds, threshold]);
  for (const r of rows as Array<{
    id: string;
    user_id: string | null;
    trust_streak: number;
    quarantined: boolean;
    platform_node: boolean;
    guest: boolean;
    foreign_held: number;
  }>) {
    out.set(r.id, {
      id: r.id,
      userId: r.user_id,
      trustStreak: r.trust_streak,
      quarantined: r.quarantined,
      guest: r.guest,
      foreignHeld: r.foreign_held,
      platform: r.platform_node,
      admin: r.platform_node || adminNodeIds.has(r.id),
    });
  }
  return out;
}
