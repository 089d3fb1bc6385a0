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

export interface StoredResult {
  chunkId: string;
  jobId: string;
  jobUserId: string;
  /** 'completed' for a recheck of a published result (db/trust-nodes.ts recheckPublished). */
  jobStatus: string;
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
  RETURNING c.id, c.job_id, j.user_id AS job_user_id, j.status AS job_status,
            ${grantees('j')} AS job_grantees, c.config_hash, c.iterations, c.seed_offset,
            c.claimed_at, c.replica_of, c.replica_role, c.exclude_owners)
SELECT c.id, c.job_id, c.job_user_id, c.job_status, c.job_grantees, c.config_hash, c.iterations, c.seed_offset, c.replica_of,
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
): Promise<{ id: string; iterations: number } | null> {
  const { rows } = await client.query({
    name: 'wl_insert_replica',
    text: `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role, exclude_owners)
     SELECT job_id, config_hash, iterations, seed_offset, variant, id, $2, $3::uuid[] FROM jobs_chunks WHERE id = $1
     RETURNING id, iterations`,
    values: [primaryId, role, excludeOwners],
  });
  return (rows[0] as { id: string; iterations: number } | undefined) ?? null;
}

/**
 * Sets verdicts on rows that have none yet, and in the same statement credits the nodes of the
 * rows it set `verified` (iterations, and `streak` added to their trust streak) and their
 * owners. With `count`, the chunk is first counted on its job (countAcceptedChunk, in the same
 * statement). Job, then rows, then nodes (id order), then profiles (id order): the lock order
 * of every completion. Returns the ids whose verdict this call set (a concurrent re-run may have
 * dropped one meanwhile: it then earns nothing), and whether the count made it the job's last.
 */
export async function setVerdicts(
  client: DbClient,
  verdicts: Array<{
    id: string;
    verdict: 'trusted' | 'verified' | 'invalid';
    /** Credited when set `verified`: its node, the chunk's iterations and the streak step. */
    credit?: { nodeId: string; iterations: number; streak: number };
  }>,
  count: { jobId: string; iterations: number } | null = null,
): Promise<{ set: string[]; last: boolean }> {
  if (verdicts.length === 0)
    return { set: [], last: count ? await countAcceptedChunk(client, count.jobId, count.iterations) : false };
  const { rows } = await client.query({
    name: 'wl_set_verdicts',
    text: `WITH j AS (
       UPDATE jobs SET completed_iterations = completed_iterations + $7,
              chunks_completed = chunks_completed + 1,
              status = CASE WHEN status = 'pending' THEN 'running' ELSE status END
       WHERE id = $6 AND status IN ('pending', 'running')
       RETURNING chunks_completed = chunks_total AS last),
     v AS (
       UPDATE jobs_chunks c SET verdict = a.verdict
       FROM unnest($1::uuid[], $2::text[]) AS a(id, verdict)
       -- the job row first (count(*) runs j before any chunk row is touched)
       WHERE c.id = a.id AND c.verdict IS NULL AND (SELECT count(*) FROM j) >= 0
       RETURNING c.id, c.verdict),
     credit AS (
       SELECT a.node, sum(a.iterations)::int AS iterations, sum(a.streak)::int AS streak
       FROM unnest($1::uuid[], $3::uuid[], $4::int[], $5::int[]) AS a(id, node, iterations, streak)
       JOIN v ON v.id = a.id AND v.verdict = 'verified'
       WHERE a.node IS NOT NULL GROUP BY a.node),
     n AS (
       UPDATE nodes n SET credited_iterations = n.credited_iterations + a.iterations,
                          trust_streak = n.trust_streak + a.streak
       FROM credit a, (SELECT id FROM nodes WHERE id IN (SELECT node FROM credit) ORDER BY id FOR NO KEY UPDATE) o
       WHERE n.id = a.node AND o.id = a.node
       RETURNING n.user_id, a.iterations),
     p AS (
       UPDATE user_profiles p SET credited_iterations = p.credited_iterations + s.iterations
       FROM (SELECT user_id, sum(iterations) AS iterations FROM n WHERE user_id IS NOT NULL GROUP BY user_id) s,
            (SELECT id FROM user_profiles WHERE id IN (SELECT user_id FROM n) ORDER BY id FOR NO KEY UPDATE) o
       WHERE p.id = s.user_id AND o.id = s.user_id
       RETURNING 1)
     SELECT (SELECT array_agg(id) FROM v)::text[] AS set, coalesce((SELECT last FROM j), false) AS last,
            (SELECT count(*) FROM p) AS credited`,
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
  const r = rows[0] as { set: string[] | null; last: boolean };
  return { set: r.set ?? [], last: r.last };
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
  // Lock order (as every completion): chunk, job, node, profile — each CTE reads the previous.
  const { rows } = await client.query({
    name: 'wl_accept_on_trust',
    text: `WITH v AS (
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
    values: [chunkId, nodeId, jobId, iterations],
  });
  return (rows[0] as { last: boolean }).last;
}

export interface AcceptInput {
  id: ResultIdentity;
  canonical: CanonicalResult;
  /** The node's draw missed: accept on trust if the node is trusted now. */
  acceptIfTrusted: boolean;
}

export interface AcceptedAtOnce {
  jobId: string;
  configHash: string;
  claimedMs: number | null;
  /** The job's last chunk: aggregate it (aggregateJob). */
  last: boolean;
  /** Run on compute trusted by construction for the job: the owner's node or a platform node. */
  own: boolean;
  node: { trustStreak: number; quarantined: boolean; guest: boolean; platform: boolean };
}

// The common completion, many at once, in one autocommitted statement (no lock outlives it):
// originals accepted on trust — replication off ($8), the job owner's own node, or a trusted
// node whose draw missed. Stores each, sets its verdict, counts the chunks on their jobs and
// credits nodes and owners. Each GROUP BY consumes the previous step whole, so the statement
// takes its locks class by class — chunks, jobs, nodes, profiles — like every completion.
// A result that needs judging matches nothing (no row for its ord): the caller judges it in
// a transaction.
function acceptBatchSql(size: number): string {
  // results as one text parameter each: no array literal to escape in JS and parse in Postgres
  const results = Array.from({ length: size }, (_, k) => `$${k + 10}::text`).join(', ');
  return `
WITH i AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], ARRAY[${results}], $6::text[], $7::boolean[])
    WITH ORDINALITY AS i(chunk_id, node_id, iterations, seed_offset, engine_version, result, digest, accept_if_trusted, ord)),
n AS (
  SELECT nd.id, nd.user_id, nd.trust_streak, nd.quarantined_at IS NOT NULL AS quarantined, nd.platform_node,
         (nd.user_id IS NULL OR coalesce(u.is_anonymous, false)) AS guest
  FROM nodes nd LEFT JOIN auth.users u ON u.id = nd.user_id
  WHERE nd.id IN (SELECT node_id FROM i)),
c AS (
  UPDATE jobs_chunks c SET status = 'completed', result = i.result, digest = i.digest,
         completed_at = now(), verdict = 'trusted'
  FROM i, n, jobs j
  WHERE c.id = i.chunk_id AND c.node_id = i.node_id AND n.id = i.node_id AND c.status = 'running'
    AND c.replica_of IS NULL AND j.id = c.job_id AND c.iterations = i.iterations
    AND c.seed_offset = i.seed_offset AND j.engine_version = i.engine_version
    AND (NOT $8::boolean OR j.user_id = n.user_id OR n.platform_node
         OR ${granted('n', 'j')}
         OR (i.accept_if_trusted AND NOT n.quarantined AND n.trust_streak >= $9::int))
  RETURNING i.ord, c.job_id, c.node_id, c.iterations, c.claimed_at, c.config_hash,
            (j.user_id = n.user_id OR n.platform_node
             OR ${granted('n', 'j')}) AS own),
per_job AS (
  SELECT job_id, sum(iterations)::int AS iterations, count(*)::int AS chunks FROM c GROUP BY job_id ORDER BY job_id),
j AS (
  UPDATE jobs SET completed_iterations = jobs.completed_iterations + p.iterations,
         chunks_completed = jobs.chunks_completed + p.chunks,
         status = CASE WHEN jobs.status = 'pending' THEN 'running' ELSE jobs.status END
  FROM per_job p WHERE jobs.id = p.job_id AND jobs.status IN ('pending', 'running')
  RETURNING jobs.id, jobs.chunks_completed = jobs.chunks_total AS full),
per_node AS (
  SELECT c.node_id, sum(c.iterations)::bigint AS iterations
  FROM c JOIN j ON j.id = c.job_id GROUP BY c.node_id ORDER BY c.node_id),
cn AS (
  UPDATE nodes SET credited_iterations = nodes.credited_iterations + p.iterations
  FROM per_node p, (SELECT id FROM nodes WHERE id IN (SELECT node_id FROM per_node) ORDER BY id FOR NO KEY UPDATE) o
  WHERE nodes.id = p.node_id AND o.id = p.node_id RETURNING nodes.user_id, p.iterations),
per_user AS (
  SELECT user_id, sum(iterations)::bigint AS iterations FROM cn WHERE user_id IS NOT NULL
  GROUP BY user_id ORDER BY user_id),
cp AS (
  UPDATE user_profiles pr SET credited_iterations = pr.credited_iterations + p.iterations
  FROM per_user p,
       (SELECT id FROM user_profiles WHERE id IN (SELECT user_id FROM per_user) ORDER BY id FOR NO KEY UPDATE) o
  WHERE pr.id = p.user_id AND o.id = p.user_id RETURNING pr.id)
SELECT c.ord::int AS ord, c.job_id, c.config_hash, (extract(epoch FROM c.claimed_at) * 1000)::float8 AS claimed_ms,
       coalesce(j.full, false) AS last, c.own, n.trust_streak, n.quarantined, n.guest, n.platform_node,
       (SELECT count(*) FROM cp)::int AS credited
FROM c JOIN n ON n.id = c.node_id LEFT JOIN j ON j.id = c.job_id`;
}

/** Accepts what it can of `items` at once; per item, what was accepted or null (judge it). */
export async function acceptBatch(
  db: Queryable,
  items: readonly AcceptInput[],
  opts: { replication: boolean; threshold: number },
): Promise<Array<AcceptedAtOnce | null>> {
  // Prepared once per connection and size; sizes are rounded up to a power of two (padding
  // rows match no chunk), so a connection holds at most seven of them.
  const size = Math.max(1, 2 ** Math.ceil(Math.log2(items.length)));
  /** One parameter's values, padded to `size` with `fill`. */
  const column = <T>(of: (x: AcceptInput) => T, fill: T | null): Array<T | null> => [
    ...items.map(of),
    ...Array<T | null>(size - items.length).fill(fill),
  ];
  const { rows } = await db.query({
    name: `wl_accept_batch_${size}`,
    text: acceptBatchSql(size),
    values: [
      column((x) => x.id.chunkId, null),
      column((x) => x.id.nodeId, null),
      column((x) => x.id.iterations, 0),
      column((x) => x.id.seedOffset, 0),
      column((x) => x.id.engineVersion, ''),
      column((x) => x.canonical.digest, ''),
      column((x) => x.acceptIfTrusted, false),
      opts.replication,
      opts.threshold,
      ...column((x) => x.canonical.text, null),
    ],
  });
  const out: Array<AcceptedAtOnce | null> = items.map(() => null);
  const aggregating = new Set<string>();
  for (const r of rows as Array<{
    ord: number;
    job_id: string;
    config_hash: string;
    claimed_ms: number | null;
    last: boolean;
    own: boolean | null;
    trust_streak: number;
    quarantined: boolean;
    guest: boolean;
    platform_node: boolean;
  }>) {
    // several chunks of a job may complete it in one batch: the first aggregates it
    const last = r.last && !aggregating.has(r.job_id);
    if (last) aggregating.add(r.job_id);
    out[r.ord - 1] = {
      jobId: r.job_id,
      configHash: r.config_hash,
      claimedMs: r.claimed_ms,
      last,
      own: r.own === true,
      node: {
        trustStreak: r.trust_streak,
        quarantined: r.quarantined,
        guest: r.guest,
        platform: r.platform_node,
      },
    };
  }
  return out;
}
