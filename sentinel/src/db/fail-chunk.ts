// POST /chunks/fail, database side: the chunk goes back to pending (attempts + 1), or its
// job fails when attempts reach the limit. Conditional on the chunk running on that node.
import type { DbClient } from './pool.ts';
import { grantees } from './trust-results.ts';

/** The owners a chunk's lists keep (the latest). */
const OWNER_LIST_MAX = 15;

/** SQL: owner list `list` with `owner` appended (unless null or there already), the latest OWNER_LIST_MAX kept. */
export function appendOwner(list: string, owner: string): string {
  return `CASE WHEN ${owner} IS NULL OR ${owner} = ANY(${list}) THEN ${list}
    ELSE (${list} || ${owner})[greatest(1, cardinality(${list}) - ${OWNER_LIST_MAX - 1}):] END`;
}

export interface FailedChunk {
  jobId: string;
  configHash: string;
  attempts: number;
  /** The attempts on compute trusted by construction for the job (jobs_chunks.anchored_attempts). */
  anchoredAttempts: number;
  jobUserId: string;
  jobEngineVersion: string;
  /** A `user` sim: the users its owner shared it with. */
  jobGrantees: string[];
  /** Owners whose nodes reported it failed before. */
  failedOwners: string[];
  /** The reporting node: its owner (user id, or its own id when unclaimed) and platform flag. */
  node: { userId: string | null; platform: boolean };
}

export async function lockChunkForFail(
  client: DbClient,
  chunkId: string,
  nodeId: string,
): Promise<FailedChunk | null> {
  const { rows } = await client.query(
    `SELECT c.job_id, c.config_hash, c.attempts, c.anchored_attempts, c.failed_owners::text[] AS failed_owners,
            j.user_id AS job_user_id, j.engine_version,
            ${grantees('j')} AS job_grantees, n.user_id AS node_user_id, n.platform_node
     FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id JOIN nodes n ON n.id = c.node_id
     WHERE c.id = $1 AND c.node_id = $2 AND c.status = 'running' FOR UPDATE OF c`,
    [chunkId, nodeId],
  );
  if (rows.length === 0) return null;
  const r = rows[0] as {
    job_id: string;
    config_hash: string;
    attempts: number;
    anchored_attempts: number;
    failed_owners: string[];
    job_user_id: string;
    engine_version: string;
    job_grantees: string[];
    node_user_id: string | null;
    platform_node: boolean;
  };
  return {
    jobId: r.job_id,
    configHash: r.config_hash,
    attempts: r.attempts,
    anchoredAttempts: r.anchored_attempts,
    jobUserId: r.job_user_id,
    jobEngineVersion: r.engine_version,
    jobGrantees: r.job_grantees,
    failedOwners: r.failed_owners,
    node: { userId: r.node_user_id, platform: r.platform_node },
  };
}

/**
 * Back to pending after a failure reported by a node of `owner`: the owner is recorded and
 * excluded, so the chunk is retried on nodes of other owners that have not failed it.
 */
export async function returnFailedChunk(
  client: DbClient,
  chunkId: string,
  owner: string | null,
): Promise<void> {
  await client.query(
    `UPDATE jobs_chunks SET status = 'pending', node_id = NULL, claimed_at = NULL, attempts = attempts + 1,
            failed_owners = ${appendOwner('failed_owners', '$2::uuid')},
            exclude_owners = ${appendOwner('exclude_owners', '$2::uuid')}
     WHERE id = $1 AND status = 'running'`,
    [chunkId, owner],
  );
}

/**
 * Back to pending; a failed run counts as an attempt, a chunk handed back unrun does not. A failed
 * run on compute trusted by construction for the job (`anchored`) also counts among the attempts
 * that can fail the job when that compute loses the chunk (db/reclaim.ts).
 */
export async function returnChunkToPending(
  client: DbClient,
  chunkId: string,
  countAttempt = true,
  anchored = false,
): Promise<void> {
  await client.query(
    `UPDATE jobs_chunks SET status = 'pending', node_id = NULL, claimed_at = NULL,
            attempts = attempts + $2::int, anchored_attempts = anchored_attempts + $3::int
     WHERE id = $1 AND status = 'running'`,
    [chunkId, countAttempt ? 1 : 0, countAttempt && anchored ? 1 : 0],
  );
}

export async function bumpAttempts(client: DbClient, chunkId: string, anchored = false): Promise<void> {
  await client.query(
    `UPDATE jobs_chunks SET attempts = attempts + 1, anchored_attempts = anchored_attempts + $2::int
     WHERE id = $1`,
    [chunkId, anchored ? 1 : 0],
  );
}
