// Per-node trust and credit, database side (sentinel/docs/trust.md). Runs inside the
// completion transaction.
import type { GateNode } from '../trust/policy.ts';
import type { DbClient, Queryable } from './pool.ts';
import { anchoredFor } from './trust-results.ts';

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
  /** Results it published or confirmed sent for a recheck (an arbiter copy each). */
  rechecked: number;
}

/**
 * Whose results are recomputed: a node caught returning an invalid result (its rows, by
 * `node_id`), or a node deleted before it was judged (`deleted`: the rows its delete kept by
 * `deleted_node_id`, its results accepted on trust on others' jobs since its last verified one;
 * migration 20261206060000). A deleted node is gone: nothing is credited back or taken from it.
 */
export interface CaughtNode {
  id: string;
  userId: string | null;
  quarantined: boolean;
  deleted?: boolean;
}

/**
 * A node was caught returning an invalid result (or was deleted, see CaughtNode). Every result of
 * it accepted on trust (never verified by another node) is recomputed by another owner (its owner
 * is excluded):
 * - in an active job the row goes back to pending and what it was credited is taken back;
 * - in a completed job of another owner (chunk results still stored) its published results,
 *   and in any job of another owner the results it confirmed without compute trusted by
 *   construction for the job agreeing (anchoredFor), are disputed (recheckPublished): an arbiter copy each; when one
 *   completes a completed job is re-merged and, if the result changed, marked corrected
 *   (completion/aggregate.ts correctJob).
 * Results still waiting for their replica stay: their judging counts every proven lie.
 * A quarantined node's running chunks go back to pending too. `skip`: the rows being judged.
 * Its owner's own jobs are left alone (nobody else relies on them).
 */
export async function rerunUnverified(
  client: DbClient,
  node: CaughtNode,
  skip: string[],
): Promise<RerunOutcome> {
  const col = node.deleted ? 'deleted_node_id' : 'node_id';
  const ownerKey = node.userId ?? node.id;
  const rechecked = await recheckPublished(client, node, skip);
  const { rows: jobs } = await client.query(
    `SELECT j.id FROM jobs j
     WHERE j.status IN ('pending', 'running') AND j.id IN (
       SELECT c.job_id FROM jobs_chunks c WHERE c.${col} = $1 AND c.id <> ALL($2::uuid[])
         AND ((c.status = 'completed' AND c.verdict = 'trusted') OR (c.status = 'running' AND $3::boolean)))
     ORDER BY j.id FOR NO KEY UPDATE`,
    [node.id, skip, node.quarantined],
  );
  const jobIds = (jobs as { id: string }[]).map((r) => r.id);
  let rerun = 0;
  let uncredit = 0;
  if (jobIds.length > 0) {
    const { rows } = await client.query(
      `WITH old AS (
         SELECT c.id, c.job_id, c.iterations, c.verdict FROM jobs_chunks c
         WHERE c.${col} = $1 AND c.job_id = ANY($2::uuid[]) AND c.id <> ALL($3::uuid[])
           AND ((c.status = 'completed' AND c.replica_of IS NULL AND c.verdict = 'trusted')
                OR (c.status = 'running' AND $5::boolean))
         FOR NO KEY UPDATE OF c),
       back AS (
         UPDATE jobs_chunks c SET status = 'pending', node_id = NULL, deleted_node_id = NULL, result = NULL, digest = NULL, verdict = NULL, vouched = false,
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
      [node.id, jobIds, skip, ownerKey, node.quarantined],
    );
    const out = rows[0] as { rerun: number; uncredit: number };
    rerun = out.rerun;
    uncredit += out.uncredit;
  }
  // credit of disputed rows taken back (their nodes in id order, like every completion)
  const credits = new Map(rechecked.credits.map((c) => [c.nodeId, c.iterations]));
  if (uncredit > 0) credits.set(node.id, (credits.get(node.id) ?? 0) + uncredit);
  const ids = [...credits.keys()].sort();
  if (ids.length > 0) {
    await client.query(
      `WITH a AS (SELECT * FROM unnest($1::uuid[], $2::bigint[]) AS a(id, iterations)),
       n AS (
         UPDATE nodes n SET credited_iterations = greatest(0, n.credited_iterations - a.iterations)
         FROM a, (SELECT id FROM nodes WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE) o
         WHERE n.id = a.id AND o.id = a.id
         RETURNING n.user_id, a.iterations)
       UPDATE user_profiles p SET credited_iterations = greatest(0, p.credited_iterations - s.iterations)
       FROM (SELECT user_id, sum(iterations) AS iterations FROM n WHERE user_id IS NOT NULL GROUP BY user_id) s,
            (SELECT id FROM user_profiles WHERE id IN (SELECT user_id FROM n) ORDER BY id FOR NO KEY UPDATE) o
       WHERE p.id = s.user_id AND o.id = s.user_id`,
      [ids, ids.map((id) => credits.get(id)!)],
    );
  }
  return { rerun, rechecked: rechecked.count };
}

/**
 * What the caught node vouched for that nobody trusted by construction confirmed: its results
 * published on trust on other owners' completed jobs, and every family (in any job of another
 * owner) where its row reads 'verified' without a node trusted by construction for the job
 * (a platform node, the job owner's, a grantee's: anchoredFor) among the agreeing rows — a lie it confirmed as a replica partner. Each such family loses its
 * verdicts (disputed: a completed job's published result stands until judged; an active job
 * counts the chunk again when judged) and gets an arbiter copy that excludes every owner in the
 * family; its rows' credit is taken back (given back to the rows the arbiter agrees with).
 * All of them, not only those since its last verified result. Families whose chunk results
 * were dropped (long-finished jobs) are left alone: they cannot be re-merged.
 */
async function recheckPublished(
  client: DbClient,
  node: CaughtNode,
  skip: string[],
): Promise<{ count: number; iterations: number; credits: Array<{ nodeId: string; iterations: number }> }> {
  const col = node.deleted ? 'deleted_node_id' : 'node_id';
  const { rows } = await client.query(
    `WITH fam AS (
       SELECT DISTINCT coalesce(c.replica_of, c.id) AS pid
       FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
       WHERE c.${col} = $1 AND c.status = 'completed' AND c.id <> ALL($2::uuid[])
         AND j.user_id IS DISTINCT FROM $3::uuid AND c.result IS NOT NULL
         AND ((c.verdict = 'trusted' AND c.replica_of IS NULL AND j.status = 'completed')
              OR (c.verdict = 'verified' AND j.status IN ('pending', 'running', 'completed')))),
     anchored AS (
       SELECT f.pid FROM fam f
       JOIN jobs_chunks r ON r.id = f.pid OR r.replica_of = f.pid
       JOIN jobs j ON j.id = r.job_id JOIN nodes n ON n.id = r.node_id
       WHERE r.verdict = 'verified' AND ${anchoredFor('n', 'j')}),
     target AS (
       SELECT pid FROM fam WHERE pid <> ALL($2::uuid[]) AND pid NOT IN (SELECT pid FROM anchored)),
     disputed AS (
       UPDATE jobs_chunks r SET verdict = NULL, vouched = false
       FROM target t WHERE (r.id = t.pid OR r.replica_of = t.pid) AND r.verdict IN ('trusted', 'verified')
       RETURNING coalesce(r.replica_of, r.id) AS pid, r.node_id, r.iterations),
     parties AS (
       SELECT k.pid, array_agg(DISTINCT k.key) AS keys
       FROM (SELECT d.pid, coalesce(n.user_id, n.id) AS key FROM disputed d JOIN nodes n ON n.id = d.node_id
             UNION SELECT pid, $4::uuid FROM disputed) k
       GROUP BY k.pid),
     copies AS (
       INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role, exclude_owners)
       SELECT p.job_id, p.config_hash, p.iterations, p.seed_offset, p.variant, p.id, 'arbiter', x.keys
       FROM parties x JOIN jobs_chunks p ON p.id = x.pid
       RETURNING job_id, iterations),
     uncount AS (
       UPDATE jobs j SET completed_iterations = j.completed_iterations - t.iterations,
              chunks_completed = j.chunks_completed - t.chunks
       FROM (SELECT job_id, sum(iterations)::int AS iterations, count(*)::int AS chunks FROM copies GROUP BY job_id) t
       WHERE j.id = t.job_id AND j.status IN ('pending', 'running')
       RETURNING j.id)
     SELECT (SELECT count(*)::int FROM copies) AS count,
            (SELECT coalesce(sum(iterations), 0)::int FROM copies) AS iterations,
            (SELECT count(*)::int FROM uncount) AS uncounted,
            (SELECT coalesce(json_agg(json_build_object('nodeId', node_id, 'iterations', it)), '[]'::json)
               FROM (SELECT node_id, sum(iterations)::int AS it FROM disputed WHERE node_id IS NOT NULL GROUP BY node_id) u) AS credits`,
    [node.id, skip, node.userId, node.userId ?? node.id],
  );
  const r = rows[0] as {
    count: number;
    iterations: number;
    credits: Array<{ nodeId: string; iterations: number }>;
  };
  return { count: r.count, iterations: r.iterations, credits: r.credits };
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
