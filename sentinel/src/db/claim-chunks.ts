// Scheduler pass, database side: lock pending chunks that some connected node might run
// (FOR UPDATE SKIP LOCKED, so instances never see the same chunk), then write every
// assignment in one UPDATE ... FROM unnest.
import type { ReplicaRole } from '../trust/policy.ts';
import type { DbClient } from './pool.ts';
import { chunkAlive } from './trust-results.ts';

/** Coarse description of what this instance's connected nodes can run (a SQL pre-filter). */
export interface CandidateFilter {
  engineVersions: string[];
  ownerIds: string[];
  userTargets: string[];
  guildTargets: string[];
  anyPublic: boolean;
  limit: number;
  /** Trust (docs/trust.md): owner keys of connected nodes that may run copies; absent = no narrowing. */
  trust?: CandidateOwners;
}

export interface CandidateOwners {
  /** Any chunk whose exclusions leave one of them out. */
  runners: string[];
  /** Replicas: registered users' nodes. */
  verifiers: string[];
  /** Arbiter copies: admin nodes and trusted registered nodes. */
  arbiters: string[];
}

export interface PendingChunk {
  id: string;
  jobId: string;
  configHash: string;
  iterations: number;
  seedOffset: number;
  createdMs: number;
  seed: number;
  /** The job has not started yet: assigning flips it to running. */
  jobPending: boolean;
  jobUserId: string;
  jobAccess: 'private' | 'user' | 'discord' | 'public';
  jobDiscordServerId: string | null;
  jobEngineVersion: string;
  ownerDiscordId: string | null;
  /** Trust (docs/trust.md): an original, or a verification copy; absent in tests = primary. */
  role?: ReplicaRole;
  /** Owners that may not run it (user ids, or node ids of unclaimed nodes). */
  excludeOwners?: string[];
  /**
   * Owners whose nodes failed or lost it (vanished with it): the matcher avoids their nodes while
   * another connected node may take it.
   */
  failedOwners?: string[];
  /** An audit replica (docs/trust.md): compute trusted by construction takes it when connected. */
  audit?: boolean;
  /** Node owners the job owner granted (`user` sharing); absent in tests = none. */
  jobSharedWith?: string[];
}

// Which jobs this instance's nodes might run (coarse: exact matching is in TS).
const JOB_RUNNABLE = `
  j.engine_version = ANY($1::text[])
  AND (
    j.user_id = ANY($2::uuid[])
    OR (j.access_type IN ('user', 'discord', 'public') AND j.user_id::text = ANY($3::text[]))
    OR (j.access_type IN ('discord', 'public') AND cardinality($4::text[]) > 0)
    OR (j.access_type = 'public' AND $5::boolean)
  )`;

// Which pending chunks of those jobs they might run.
const RUNNABLE = `
  c.status = 'pending'
  AND ${chunkAlive('c', 'j')}
  AND ${JOB_RUNNABLE}
  AND ($7::uuid[] IS NULL
    OR (c.replica_role = 'primary' AND cardinality(c.exclude_owners) = 0)
    OR j.user_id = ANY($2::uuid[])
    OR NOT ((CASE c.replica_role WHEN 'replica' THEN $8::uuid[] WHEN 'arbiter' THEN $9::uuid[] ELSE $7::uuid[] END)
            <@ c.exclude_owners))`;

// Originals, verification copies and audits (docs/trust.md) are locked in three batches of up to
// $6 each, so copies waiting for a verifier cannot crowd out runnable originals, nor the reverse,
// and audits waiting for a busy platform node (reserved for it) cannot hold back the replicas
// others may run: on a busy pool $6 is the slot or two just freed.
// Pending work is shared between job owners, as BOINC shares a host between projects: each owner
// with an active job these nodes might run has its own share of the originals' batch ($6 / owners, oldest first), and
// the batch comes back owner by owner in turn (every owner's first chunk, then every owner's
// second...). Oldest first across every job, one account's 20 big public sims held the whole
// pool: a job created after them waited until every one of their chunks had run. Between
// passes, the owner with the fewest chunks running on others' nodes goes first (the batch is
// ordered by running + turn): on a busy pool a pass's batch is the slot or two that just freed,
// every owner's share is one chunk, and ordered by age the owner with the oldest chunk won every
// freed slot (busy-pool-hog.test.ts). Within an owner: oldest jobs first, stage by stage (seed
// offset, then variant: every run's first chunk before any run's second), the order of the
// pending-chunk index.
const SELECT_CANDIDATES = `
WITH owners AS (
  SELECT j.user_id, count(*) OVER () AS n FROM jobs j
  WHERE j.status IN ('pending', 'running') AND ${JOB_RUNNABLE} GROUP BY j.user_id),
running AS (
  SELECT j.user_id, count(*)::int AS n FROM jobs_chunks r
  JOIN jobs j ON j.id = r.job_id JOIN nodes rn ON rn.id = r.node_id
  WHERE r.status = 'running' AND rn.user_id IS DISTINCT FROM j.user_id GROUP BY j.user_id),
originals AS (
  SELECT x.id FROM owners o CROSS JOIN LATERAL (
    SELECT c.id FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
    WHERE j.user_id = o.user_id AND c.replica_of IS NULL AND ${RUNNABLE}
    ORDER BY c.created_at, c.seed_offset, c.variant LIMIT greatest(1, $6 / o.n) FOR UPDATE OF c SKIP LOCKED) x),
copies AS (
  SELECT c.id FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
  WHERE c.replica_of IS NOT NULL AND NOT c.audit AND ${RUNNABLE}
  ORDER BY c.created_at, c.seed_offset, c.variant LIMIT $6 FOR UPDATE OF c SKIP LOCKED),
audits AS (
  SELECT c.id FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
  WHERE c.audit AND ${RUNNABLE}
  ORDER BY c.created_at, c.seed_offset, c.variant LIMIT $6 FOR UPDATE OF c SKIP LOCKED)
SELECT c.id, c.job_id, c.config_hash, c.iterations, c.seed_offset,
       (extract(epoch FROM c.created_at) * 1000)::float8 AS created_ms,
       j.seed::text AS seed, j.status = 'pending' AS job_pending, j.user_id, j.access_type, j.discord_server_id, j.engine_version,
       d.provider_id AS owner_discord_id, c.replica_role, c.exclude_owners::text[] AS exclude_owners,
       c.failed_owners::text[] AS failed_owners, c.audit,
       j.shared_with::text[] AS shared_with
FROM (SELECT id FROM originals UNION ALL SELECT id FROM copies UNION ALL SELECT id FROM audits) k
JOIN jobs_chunks c ON c.id = k.id
JOIN jobs j ON j.id = c.job_id
LEFT JOIN running r ON r.user_id = j.user_id
LEFT JOIN LATERAL (
  SELECT i.provider_id FROM auth.identities i
  WHERE i.user_id = j.user_id AND i.provider = 'discord' LIMIT 1
) d ON j.access_type IN ('discord', 'public') AND cardinality($4::text[]) > 0
ORDER BY coalesce(r.n, 0) + row_number() OVER (PARTITION BY j.user_id ORDER BY c.created_at, c.seed_offset, c.variant),
         c.created_at, c.seed_offset, c.variant`;

interface RawCandidate {
  id: string;
  job_id: string;
  config_hash: string;
  iterations: number;
  seed_offset: number;
  created_ms: number;
  seed: string;
  job_pending: boolean;
  user_id: string;
  access_type: PendingChunk['jobAccess'];
  discord_server_id: string | null;
  engine_version: string;
  owner_discord_id: string | null;
  replica_role: ReplicaRole;
  exclude_owners: string[];
  failed_owners: string[];
  audit: boolean;
  shared_with: string[];
}

/** Must run inside a transaction: the returned chunks stay locked until it ends. */
export async function lockCandidateChunks(client: DbClient, f: CandidateFilter): Promise<PendingChunk[]> {
  if (f.engineVersions.length === 0 || f.limit <= 0) return [];
  // named: prepared once per connection, every scheduler pass runs it
  const { rows } = await client.query({
    name: 'wl_select_candidates',
    text: SELECT_CANDIDATES,
    values: [
      f.engineVersions,
      f.ownerIds,
      f.userTargets,
      f.guildTargets,
      f.anyPublic,
      f.limit,
      f.trust?.runners ?? null,
      f.trust?.verifiers ?? null,
      f.trust?.arbiters ?? null,
    ],
  });
  return (rows as RawCandidate[]).map((r) => ({
    id: r.id,
    jobId: r.job_id,
    configHash: r.config_hash,
    iterations: r.iterations,
    seedOffset: r.seed_offset,
    createdMs: r.created_ms,
    seed: Number(r.seed),
    jobPending: r.job_pending,
    jobUserId: r.user_id,
    jobAccess: r.access_type,
    jobDiscordServerId: r.discord_server_id,
    jobEngineVersion: r.engine_version,
    ownerDiscordId: r.owner_discord_id,
    role: r.replica_role,
    excludeOwners: r.exclude_owners,
    failedOwners: r.failed_owners,
    audit: r.audit,
    jobSharedWith: r.shared_with,
  }));
}

/** Writes all assignments in one statement; returns the ids actually assigned. */
export async function assignChunks(
  client: DbClient,
  chunkIds: string[],
  nodeIds: string[],
  pendingJobIds: string[],
): Promise<Set<string>> {
  if (chunkIds.length === 0) return new Set();
  const { rows } = await client.query({
    name: 'wl_assign_chunks',
    text: `UPDATE jobs_chunks c SET node_id = a.node_id, status = 'running', claimed_at = now()
     FROM unnest($1::uuid[], $2::uuid[]) AS a(id, node_id)
     WHERE c.id = a.id AND c.status = 'pending'
     RETURNING c.id`,
    values: [chunkIds, nodeIds],
  });
  if (pendingJobIds.length > 0)
    await client.query(
      `UPDATE jobs SET status = 'running', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [pendingJobIds],
    );
  return new Set((rows as { id: string }[]).map((r) => r.id));
}
