// Chunk results under replication (sentinel/docs/trust.md), database side. Every function runs
// inside the completion transaction. A "family" is a primary chunk row and its replicas; the
// primary row's lock (FOR NO KEY UPDATE) serialises the judging of a family.
import type { ReplicaRole } from '../trust/policy.ts';
import type { DbClient } from './pool.ts';

export interface StoredResult {
  chunkId: string;
  jobId: string;
  jobUserId: string;
  configHash: string;
  iterations: number;
  seedOffset: number;
  claimedMs: number | null;
  replicaOf: string | null;
  role: ReplicaRole;
  excludeOwners: string[];
  node: { id: string; userId: string | null; guest: boolean; trustStreak: number; quarantined: boolean };
}

const STORE = `
WITH c AS (
  UPDATE jobs_chunks c SET status = 'completed', result = $6::jsonb -> 'result', digest = $7, completed_at = now()
  FROM jobs j
  WHERE c.id = $1 AND c.node_id = $2 AND c.status = 'running' AND j.id = c.job_id
    AND c.iterations = $3 AND c.seed_offset = $4 AND j.engine_version = $5
  RETURNING c.id, c.job_id, j.user_id AS job_user_id, c.config_hash, c.iterations, c.seed_offset,
            c.claimed_at, c.replica_of, c.replica_role, c.exclude_owners)
SELECT c.id, c.job_id, c.job_user_id, c.config_hash, c.iterations, c.seed_offset, c.replica_of,
       c.replica_role, c.exclude_owners::text[] AS exclude_owners,
       (extract(epoch FROM c.claimed_at) * 1000)::float8 AS claimed_ms,
       n.user_id AS node_user_id, n.trust_streak, n.quarantined_at IS NOT NULL AS quarantined,
       (n.user_id IS NULL OR coalesce(u.is_anonymous, false)) AS guest
FROM c JOIN nodes n ON n.id = $2 LEFT JOIN auth.users u ON u.id = n.user_id`;

interface RawStored {
  id: string;
  job_id: string;
  job_user_id: string;
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
 * Stores the result (from the raw body `{"chunkId", "result"}`) and its digest, only if the
 * chunk runs on the calling node and matches; does not touch the job (judging does).
 */
export async function storeResult(
  client: DbClient,
  id: ResultIdentity,
  rawBody: string,
  digest: string,
): Promise<StoredResult | null> {
  const { rows } = await client.query(STORE, [
    id.chunkId,
    id.nodeId,
    id.iterations,
    id.seedOffset,
    id.engineVersion,
    rawBody,
    digest,
  ]);
  const r = rows[0] as RawStored | undefined;
  if (!r) return null;
  return {
    chunkId: r.id,
    jobId: r.job_id,
    jobUserId: r.job_user_id,
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
    },
  };
}

export interface FamilyRow {
  id: string;
  nodeId: string | null;
  nodeUserId: string | null;
  role: ReplicaRole;
  status: string;
  digest: string | null;
  verdict: 'trusted' | 'verified' | 'invalid' | null;
}

/** Locks the primary row, then reads the whole family. */
export async function lockFamily(client: DbClient, primaryId: string): Promise<FamilyRow[]> {
  await client.query('SELECT 1 FROM jobs_chunks WHERE id = $1 FOR NO KEY UPDATE', [primaryId]);
  const { rows } = await client.query(
    `SELECT c.id, c.node_id, n.user_id AS node_user_id, c.replica_role, c.status, c.digest, c.verdict
     FROM jobs_chunks c LEFT JOIN nodes n ON n.id = c.node_id
     WHERE c.id = $1 OR c.replica_of = $1
     ORDER BY c.created_at`,
    [primaryId],
  );
  return (
    rows as Array<{
      id: string;
      node_id: string | null;
      node_user_id: string | null;
      replica_role: ReplicaRole;
      status: string;
      digest: string | null;
      verdict: FamilyRow['verdict'];
    }>
  ).map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    nodeUserId: r.node_user_id,
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
): Promise<{ id: string; iterations: number } | null> {
  const { rows } = await client.query(
    `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, replica_of, replica_role, exclude_owners)
     SELECT job_id, config_hash, iterations, seed_offset, id, $2, $3::uuid[] FROM jobs_chunks WHERE id = $1
     RETURNING id, iterations`,
    [primaryId, role, excludeOwners],
  );
  return (rows[0] as { id: string; iterations: number } | undefined) ?? null;
}

/** Sets verdicts of rows not judged yet; returns the ids actually set. */
export async function setVerdicts(
  client: DbClient,
  verdicts: Array<{ id: string; verdict: 'trusted' | 'verified' | 'invalid' }>,
): Promise<string[]> {
  if (verdicts.length === 0) return [];
  const { rows } = await client.query(
    `UPDATE jobs_chunks c SET verdict = v.verdict
     FROM unnest($1::uuid[], $2::text[]) AS v(id, verdict)
     WHERE c.id = v.id AND c.verdict IS NULL
     RETURNING c.id`,
    [verdicts.map((v) => v.id), verdicts.map((v) => v.verdict)],
  );
  return (rows as { id: string }[]).map((r) => r.id);
}

/** A chunk got its accepted result: count it on the job; true when it was the job's last one. */
export async function countAcceptedChunk(
  client: DbClient,
  jobId: string,
  iterations: number,
): Promise<boolean> {
  const { rows } = await client.query(
    `UPDATE jobs SET completed_iterations = completed_iterations + $2, chunks_completed = chunks_completed + 1,
            status = CASE WHEN status = 'pending' THEN 'running' ELSE status END
     WHERE id = $1 AND status IN ('pending', 'running')
     RETURNING chunks_completed = chunks_total AS last`,
    [jobId, iterations],
  );
  return (rows[0] as { last: boolean } | undefined)?.last ?? false;
}

/** The accepted result of every chunk of a job (one per seed offset), in seed order. */
export async function loadAcceptedResults(client: DbClient, jobId: string): Promise<unknown[]> {
  const { rows } = await client.query(
    `SELECT DISTINCT ON (seed_offset) result FROM jobs_chunks
     WHERE job_id = $1 AND status = 'completed' AND verdict IN ('trusted', 'verified')
     ORDER BY seed_offset, replica_of NULLS FIRST, completed_at`,
    [jobId],
  );
  return (rows as { result: unknown }[]).map((r) => r.result);
}

/**
 * A result accepted on its node's trust, in one statement: verdict 'trusted', the node and its
 * owner credited, the chunk counted on its job; true when it was the job's last chunk.
 */
export async function acceptOnTrust(
  client: DbClient,
  chunkId: string,
  nodeId: string,
  jobId: string,
  iterations: number,
): Promise<boolean> {
  const { rows } = await client.query(
    // Lock order (as every completion): chunk, job, node, profile — each CTE reads the previous.
    `WITH v AS (
       UPDATE jobs_chunks SET verdict = 'trusted' WHERE id = $1 AND verdict IS NULL RETURNING id),
     j AS (
       UPDATE jobs SET completed_iterations = completed_iterations + $4, chunks_completed = chunks_completed + 1,
              status = CASE WHEN status = 'pending' THEN 'running' ELSE status END
       WHERE id = $3 AND status IN ('pending', 'running') AND EXISTS (SELECT 1 FROM v)
       RETURNING chunks_completed = chunks_total AS last),
     n AS (
       UPDATE nodes SET credited_iterations = credited_iterations + $4
       WHERE id = $2 AND EXISTS (SELECT 1 FROM j) RETURNING user_id),
     p AS (
       UPDATE user_profiles pr SET credited_iterations = pr.credited_iterations + $4
       FROM n WHERE pr.id = n.user_id RETURNING pr.id)
     SELECT coalesce((SELECT last FROM j), false) AS last, (SELECT count(*) FROM p)::int AS credited`,
    [chunkId, nodeId, jobId, iterations],
  );
  return (rows[0] as { last: boolean }).last;
}
