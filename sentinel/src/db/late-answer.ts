// A refused late answer, database side (completion/late.ts judgeRefusedLate): the chunk it was
// for, its family (the primary row locked, as every judging of a family does), the late node's
// trust, and the one change agreement makes. Runs inside the caller's transaction.
import { grantees, lockFamily, type FamilyRow } from './trust-results.ts';
import type { DbClient } from './pool.ts';

export interface LateAnswerContext {
  jobUserId: string;
  /** A `user` sim: the users its owner shared it with (trusted for it, policy.ts isAnchor). */
  jobGrantees: string[];
  engineVersion: string;
  iterations: number;
  seedOffset: number;
  /** The chunk's family, the primary row locked. */
  family: FamilyRow[];
  /** The late node as a row of that family would show it. */
  node: { id: string; userId: string | null; platform: boolean; trustStreak: number; quarantined: boolean };
}

/** The chunk `chunkId` and its family, locked; null when the chunk or the node is gone. */
export async function lockLateAnswerContext(
  client: DbClient,
  chunkId: string,
  nodeId: string,
): Promise<LateAnswerContext | null> {
  const { rows } = await client.query(
    `SELECT coalesce(c.replica_of, c.id) AS primary_id, j.user_id AS job_user_id,
            ${grantees('j')} AS job_grantees, j.engine_version, c.iterations, c.seed_offset,
            n.user_id AS node_user_id, n.platform_node, n.trust_streak, n.quarantined_at IS NOT NULL AS quarantined
     FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id JOIN nodes n ON n.id = $2
     WHERE c.id = $1`,
    [chunkId, nodeId],
  );
  const r = rows[0] as
    | {
        primary_id: string;
        job_user_id: string;
        job_grantees: string[];
        engine_version: string;
        iterations: number;
        seed_offset: number;
        node_user_id: string | null;
        platform_node: boolean;
        trust_streak: number;
        quarantined: boolean;
      }
    | undefined;
  if (!r) return null;
  return {
    jobUserId: r.job_user_id,
    jobGrantees: r.job_grantees,
    engineVersion: r.engine_version,
    iterations: r.iterations,
    seedOffset: r.seed_offset,
    family: await lockFamily(client, r.primary_id),
    node: {
      id: nodeId,
      userId: r.node_user_id,
      platform: r.platform_node,
      trustStreak: r.trust_streak,
      quarantined: r.quarantined,
    },
  };
}

/** A late answer confirmed by a reference that vouches for it: one more on its node's streak. */
export async function raiseStreak(client: DbClient, nodeId: string): Promise<void> {
  await client.query(
    `UPDATE nodes SET trust_streak = trust_streak + 1 WHERE id = $1 AND quarantined_at IS NULL`,
    [nodeId],
  );
}
