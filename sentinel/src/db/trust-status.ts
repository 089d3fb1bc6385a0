// Trust figures for /status: replication overhead over the last hour, quarantined nodes.
import type { Queryable } from './pool.ts';

export interface TrustFigures {
  /** Iterations of copies (replicas, arbiters) completed ÷ iterations of chunks accepted, last hour. */
  overhead: number | null;
  replicatedIterations: number;
  usefulIterations: number;
  quarantinedNodes: number;
}

export async function trustFigures(db: Queryable): Promise<TrustFigures> {
  const { rows } = await db.query(
    `SELECT coalesce(sum(iterations) FILTER (WHERE replica_of IS NOT NULL AND status = 'completed'), 0)::float8 AS replicated,
            coalesce(sum(iterations) FILTER (WHERE replica_of IS NULL AND verdict IN ('trusted', 'verified')), 0)::float8 AS useful,
            (SELECT count(*)::int FROM nodes WHERE quarantined_at IS NOT NULL) AS quarantined
     FROM jobs_chunks WHERE created_at > now() - interval '1 hour'`,
  );
  const r = rows[0] as { replicated: number; useful: number; quarantined: number };
  return {
    overhead: r.useful > 0 ? r.replicated / r.useful : null,
    replicatedIterations: r.replicated,
    usefulIterations: r.useful,
    quarantinedNodes: r.quarantined,
  };
}

export async function countQuarantined(db: Queryable): Promise<number> {
  const { rows } = await db.query('SELECT count(*)::int AS n FROM nodes WHERE quarantined_at IS NOT NULL');
  return (rows[0] as { n: number }).n;
}
