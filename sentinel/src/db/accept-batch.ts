// The common completion, many trusted results at once in one autocommitted statement: stored,
// verdict set, counted on their jobs, nodes and owners credited (sentinel/docs/trust.md).
import type { CanonicalResult } from '../trust/digest.ts';
import type { Queryable } from './pool.ts';
import { anchoredFor, type ResultIdentity } from './trust-results.ts';

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
// node whose draw missed (not on a smart sim: policy.ts shouldReplicate). Stores each, sets its verdict, counts the chunks on their jobs and
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
  FROM (SELECT DISTINCT node_id FROM i) x
  CROSS JOIN LATERAL (SELECT * FROM nodes nd WHERE nd.id = x.node_id OFFSET 0) nd
  LEFT JOIN auth.users u ON u.id = nd.user_id),
m AS MATERIALIZED (
  -- each chunk, then its job, by primary key (OFFSET 0 keeps each lookup a nested loop per
  -- result): one plan for any batch size and parameters, which Postgres may cache generic
  SELECT i.ord, i.result, i.digest, c.id, n.id AS node_id,
         ${anchoredFor('n', 'j')} AS own
  FROM i JOIN n ON n.id = i.node_id
  CROSS JOIN LATERAL (
    SELECT c.id, c.job_id, c.node_id, c.status, c.replica_of, c.iterations, c.seed_offset
    FROM jobs_chunks c WHERE c.id = i.chunk_id OFFSET 0) c
  CROSS JOIN LATERAL (
    SELECT j.user_id, j.access_type, j.shared_with, j.engine_version, j.target_error FROM jobs j WHERE j.id = c.job_id OFFSET 0) j
  WHERE c.node_id = i.node_id AND c.status = 'running'
    AND c.replica_of IS NULL AND c.iterations = i.iterations
    AND c.seed_offset = i.seed_offset AND j.engine_version = i.engine_version
    AND (NOT $8::boolean OR ${anchoredFor('n', 'j')}
         OR (i.accept_if_trusted AND NOT n.quarantined AND n.trust_streak >= $9::int
             -- a smart sim's results feed its stop: never on an earned node's word alone
             AND j.target_error IS NULL))),
c AS (
  UPDATE jobs_chunks c SET status = 'completed', result = m.result, digest = m.digest,
         completed_at = now(), verdict = 'trusted'
  FROM m
  -- rechecked on the row as locked: still running on that node
  WHERE c.id = m.id AND c.node_id = m.node_id AND c.status = 'running'
  RETURNING m.ord, c.job_id, c.node_id, c.iterations, c.claimed_at, c.config_hash, m.own),
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
