// Chunk results under replication (sentinel/docs/trust.md), database side. Every function runs
// inside the completion transaction. A "family" is a primary chunk row and its replicas; the
// primary row's lock (FOR NO KEY UPDATE) serialises the judging of a family.
import type { CanonicalResult } from '../trust/digest.ts';
import type { ReplicaRole } from '../trust/policy.ts';
import type { DbClient, Queryable } from './pool.ts';

/**
 * SQL: the chunk row `c` of job `j` is alive — its job is active, or it is a copy rechecking a
 * completed job's published result (db/trust-nodes.ts recheckPublished) whose original is still
 * disputed. Scheduling, heartbeats and cancellation all use this one rule.
 */
export function chunkAlive(c: string, j: string): string {
  return `(${j}.status IN ('pending', 'running') OR (${j}.status = 'completed' AND ${c}.replica_role = 'arbiter'
    AND EXISTS (SELECT 1 FROM jobs_chunks rp WHERE rp.id = ${c}.replica_of AND rp.verdict IS NULL)))`;
}

/**
 * SQL: the users job `j`'s owner granted the trust of their nodes for it (policy.ts granteesOf),
 * as text[]; and whether node `n` is one of theirs.
 */
export function grantees(j: string): string {
  return `(CASE WHEN ${j}.access_type = 'user' THEN ${j}.shared_with::text[] ELSE '{}' END)`;
}
export function granted(n: string, j: string): string {
  return `(${j}.access_type = 'user' AND ${n}.user_id = ANY(${j}.shared_with))`;
}
/** SQL: node `n` is trusted by construction for job `j` (policy.ts isAnchor): the job owner's, a platform node, a grantee's. */
export function anchoredFor(n: string, j: string): string {
  return `(${j}.user_id = ${n}.user_id OR ${n}.platform_node OR ${granted(n, j)})`;
}

export interface StoredResult {
  chunkId: string;
  jobId: string;
  jobUserId: string;
  /** 'completed' for a recheck of a published result (db/trust-nodes.ts recheckPublished). */
  jobStatus: string;
  /** A smart sim (a target error): its results decide where it stops (policy.ts shouldReplicate). */
  jobSmart: boolean;
  /** A `user` sim: the users its owner shared it with (trusted for it, policy.ts isAnchor). */
  jobGrantees: string[];
  configHash: string;
  iterations: number;
  seedOffset: number;
  claimedMs: number | null;
  replicaOf: string | null;
  role: ReplicaRole;
  excludeOwners: string[];
  node: {
    id: string;
    userId: string | null;
    guest: boolean;
    trustStreak: number;
    quarantined: boolean;
    platform: boolean;
  };
}

const STORE = `
WITH c AS (
  UPDATE jobs_chunks c SET status = 'completed', result = $6, digest = $7, completed_at = now()
  FROM jobs j
  WHERE c.id = $1 AND c.node_id = $2 AND c.status = 'running' AND j.id = c.job_id
    AND c.iterations = $3 AND c.seed_offset = $4 AND j.engine_version = $5
  RETURNING c.id, c.job_id, j.user_id AS job_user_id, j.status AS job_status, j.target_error IS NOT NULL AS job_smart,
            ${grantees('j')} AS job_grantees, c.config_hash, c.iterations, c.seed_offset,
            c.claimed_at, c.replica_of, c.replica_role, c.exclude_owners)
SELECT c.id, c.job_id, c.job_user_id, c.job_status, c.job_smart, c.job_grantees, c.config_hash, c.iterations, c.seed_offset, c.replica_of,
       c.replica_role, c.exclude_owners::text[] AS exclude_owners,
       (extract(epoch FROM c.claimed_at) * 1000)::float8 AS claimed_ms,
       n.user_id AS node_user_id, n.trust_streak, n.quarantined_at IS NOT NULL AS quarantined,
       n.platform_node, (n.user_id IS NULL OR coalesce(u.is_anonymous, false)) AS guest
FROM c JOIN nodes n ON n.id = $2 LEFT JOIN auth.users u ON u.id = n.user_id`;

interface RawStored {
  id: string;
  job_id: string;
  job_user_id: string;
  job_status: string;
  job_smart: boolean;
  job_grantees: string[];
  config_hash: string;
  iterations: number;
  seed_offset: number;
  replica_of: string | null;
  replica_role: ReplicaRole;
  exclude_owners: string[];
  claimed_ms: number | null;
  node_user_id: string | null;
  trust_streak: number;
  quarantined: boolean;
  platform_node: boolean;
  guest: boolean;
}

export interface ResultIdentity {
  chunkId: string;
  nodeId: string;
  iterations: number;
  seedOffset: number;
  engineVersion: string;
}

/**
 * Stores the result (its canonical text, see trust/digest.ts) and digest, only if the
 * chunk runs on the calling node and matches; does not touch the job (judging does).
 */
export async function storeResult(
  client: DbClient,
  id: ResultIdentity,
  canonical: CanonicalResult,
): Promise<StoredResult | null> {
  const { rows } = await client.query({
    name: 'wl_store_result',
    text: STORE,
    values: [
      id.chunkId,
      id.nodeId,
      id.iterations,
      id.seedOffset,
      id.engineVersion,
      canonical.text,
      canonical.digest,
    ],
  });
  const r = rows[0] as RawStored | undefined;
  if (!r) return null;
  return {
    chunkId: r.id,
    jobId: r.job_id,
    jobUserId: r.job_user_id,
    jobStatus: r.job_status,
    jobSmart: r.job_smart,
    jobGrantees: r.job_grantees,
    configHash: r.config_hash,
    iterations: r.iterations,
    seedOffset: r.seed_offset,
    claimedMs: r.claimed_ms,
    replicaOf: r.replica_of,
    role: r.replica_role,
    excludeOwners: r.exclude_owners,
    node: {
      id: id.nodeId,
      userId: r.node_user_id,
      guest: r.guest,
      trustStreak: r.trust_streak,
      quarantined: r.quarantined,
      platform: r.platform_node,
    },
  };
}

export interface FamilyRow {
  id: string;
  nodeId: string | null;
  nodeUserId: string | null;
  /** Whether the row's node is a platform node, and its trust (anchored verification). */
  nodePlatform: boolean;
  nodeTrustStreak: number;
  nodeQuarantined: boolean;
  role: ReplicaRole;
  status: string;
  digest: string | null;
  verdict: 'trusted' | 'verified' | 'invalid' | null;
}

/** Locks the primary row, then reads the whole family. */
export async function lockFamily(client: DbClient, primaryId: string): Promise<FamilyRow[]> {
  await client.query({
    name: 'wl_lock_primary',
    text: 'SELECT 1 FROM jobs_chunks WHERE id = $1 FOR NO KEY UPDATE',
    values: [primaryId],
  });
  const { rows } = await client.query({
    name: 'wl_read_family',
    text: `SELECT c.id, c.node_id, n.user_id AS node_user_id, coalesce(n.platform_node, false) AS platform_node,
            coalesce(n.trust_streak, 0) AS trust_streak, n.quarantined_at IS NOT NULL AS quarantined,
            c.replica_role, c.status, c.digest, c.verdict
     FROM jobs_chunks c LEFT JOIN nodes n ON n.id = c.node_id
     WHERE c.id = $1 OR c.replica_of = $1
     ORDER BY c.created_at`,
    values: [primaryId],
  });
  return (
    rows as Array<{
      id: string;
      node_id: string | null;
      node_user_id: string | null;
      platform_node: boolean;
      trust_streak: number;
      quarantined: boolean;
      replica_role: ReplicaRole;
      status: string;
      digest: string | null;
      verdict: FamilyRow['verdict'];
    }>
  ).map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    nodeUserId: r.node_user_id,
    nodePlatform: r.platform_node,
    nodeTrustStreak: r.trust_streak,
    nodeQuarantined: r.quarantined,
    role: r.replica_role,
    status: r.status,
    digest: r.digest,
    verdict: r.verdict,
  }));
}

/** A pending copy of a chunk for another node (NOTIFY pending_chunk wakes the schedulers). */
export async function insertReplica(
  client: DbClient,
  primaryId: string,
  role: 'replica' | 'arbiter',
  excludeOwners: string[],
  audit = false,
): Promise<{ id: string; iterations: number } | null> {
  const { rows } = await client.query({
    name: 'wl_insert_replica',
    text: `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role, exclude_owners, audit)
     SELECT job_id, config_hash, iterations, seed_offset, variant, id, $2, $3::uuid[], $4 FROM jobs_chunks WHERE id = $1
     RETURNING id, iterations`,
    values: [primaryId, role, excludeOwners, audit],
  });
  return (rows[0] as { id: string; iterations: number } | undefined) ?? null;
}

/**
 * Sets verdicts on rows that have none yet, and owes in the same statement the credit of the
 * nodes of the rows it set `verified` (iterations, and `streak` added to their trust streak) and
 * their owners; with `count`, one chunk counted on its job. What is owed is applied at COMMIT
 * (private.completion_effects, see its migration): job, nodes in id order, profiles in id order,
 * held only while the commit runs. Returns the ids whose verdict this call set (a concurrent
 * re-run may have dropped one meanwhile: it then earns nothing).
 */
export async function setVerdicts(
  client: DbClient,
  verdicts: Array<{
    id: string;
    verdict: 'trusted' | 'verified' | 'invalid';
    /**
     * Credited when set `verified`: its node, the chunk's iterations and the streak step (1 when
     * the reference vouches for the node: the row is then marked `vouched`, a check that counts).
     */
    credit?: { nodeId: string; iterations: number; streak: number };
  }>,
  count: { jobId: string; iterations: number } | null = null,
): Promise<{ set: string[] }> {
  if (verdicts.length === 0 && count === null) return { set: [] };
  const { rows } = await client.query({
    name: 'wl_set_verdicts',
    text: `WITH v AS (
       UPDATE jobs_chunks c SET verdict = a.verdict, vouched = a.verdict = 'verified' AND a.streak > 0
       FROM unnest($1::uuid[], $2::text[], $5::int[]) AS a(id, verdict, streak)
       WHERE c.id = a.id AND c.verdict IS NULL
       RETURNING c.id, c.verdict),
     credit AS (
       SELECT a.node, a.iterations, a.streak
       FROM unnest($1::uuid[], $3::uuid[], $4::int[], $5::int[]) AS a(id, node, iterations, streak)
       JOIN v ON v.id = a.id AND v.verdict = 'verified'
       WHERE a.node IS NOT NULL),
     e AS (
       INSERT INTO private.completion_effects (job_id, job_iterations, node_ids, node_iterations, node_streaks)
       SELECT $6::uuid, $7::int, coalesce(array_agg(node), '{}'), coalesce(array_agg(iterations::bigint), '{}'),
              coalesce(array_agg(streak), '{}')
       FROM credit HAVING $6::uuid IS NOT NULL OR count(*) > 0
       RETURNING 1)
     SELECT (SELECT array_agg(id) FROM v)::text[] AS set, (SELECT count(*) FROM e)::int AS owed`,
    values: [
      verdicts.map((v) => v.id),
      verdicts.map((v) => v.verdict),
      verdicts.map((v) => v.credit?.nodeId ?? null),
      verdicts.map((v) => v.credit?.iterations ?? 0),
      verdicts.map((v) => v.credit?.streak ?? 0),
      count?.jobId ?? null,
      count?.iterations ?? 0,
    ],
  });
  const r = rows[0] as { set: string[] | null };
  return { set: r.set ?? [] };
}

/**
 * Applies what this transaction owes (counts and credit, setVerdicts, acceptOnTrust) now instead
 * of at COMMIT: before anything that reads or changes those rows in the same transaction
 * (penalising nodes, taking back a caught node's counted chunks), in the same lock order.
 */
export async function applyOwedNow(client: DbClient): Promise<void> {
  await client.query('SET CONSTRAINTS private.completion_effects_apply IMMEDIATE');
}

/** Whether the job has every chunk counted and still runs: it is due for aggregation. */
export async function jobFullyCounted(db: Queryable, jobId: string): Promise<boolean> {
  const { rows } = await db.query({
    name: 'wl_job_fully_counted',
    text: `SELECT 1 FROM jobs WHERE id = $1 AND status = 'running' AND chunks_completed = chunks_total`,
    values: [jobId],
  });
  return rows.length > 0;
}

/** Locks a completed job's row before a recheck of one of its results is judged (chunk, then job). */
export async function lockCompletedJob(client: DbClient, jobId: string): Promise<void> {
  await client.query(`SELECT 1 FROM jobs WHERE id = $1 AND status = 'completed' FOR NO KEY UPDATE`, [jobId]);
}

export interface AcceptedResult {
  /** 0 for the base config, k for the job's k-th variant. */
  variant: number;
  /** Canonical JSON text; null where maintenance dropped it (long-finished jobs). */
  text: string | null;
}

/**
 * The accepted result of every chunk of a job (one per variant and seed offset), in variant then
 * seed order.
 */
export async function loadAcceptedResults(client: DbClient, jobId: string): Promise<AcceptedResult[]> {
  const { rows } = await client.query(
    `SELECT DISTINCT ON (variant, seed_offset) variant, result FROM jobs_chunks
     WHERE job_id = $1 AND status = 'completed' AND verdict IN ('trusted', 'verified')
     ORDER BY variant, seed_offset, replica_of NULLS FIRST, completed_at`,
    [jobId],
  );
  return (rows as { variant: number; result: string | null }[]).map((r) => ({
    variant: r.variant,
    text: r.result,
  }));
}

/**
 * A result accepted on its node's trust, in one statement: verdict 'trusted'; owed at COMMIT
 * (see setVerdicts): the chunk counted on its job and, if it was, the node and its owner
 * credited. False when the chunk already had a verdict (nothing owed).
 */
export async function acceptOnTrust(
  client: DbClient,
  chunkId: string,
  nodeId: string,
  jobId: string,
  iterations: number,
): Promise<boolean> {
  const { rows } = await client.query({
    name: 'wl_accept_on_trust',
    text: `WITH v AS (
       UPDATE jobs_chunks SET verdict = 'trusted' WHERE id = $1 AND verdict IS NULL RETURNING id),
     e AS (
       INSERT INTO private.completion_effects
         (job_id, job_iterations, credit_if_counted, node_ids, node_iterations, node_streaks)
       SELECT $3::uuid, $4::int, true, ARRAY[$2::uuid], ARRAY[$4::bigint], ARRAY[0] FROM v
       RETURNING 1)
     SELECT (SELECT count(*) FROM e)::int AS owed`,
    values: [chunkId, nodeId, jobId, iterations],
  });
  return (rows[0] as { owed: number }).owed > 0;
}
