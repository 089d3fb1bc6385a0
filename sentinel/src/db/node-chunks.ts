// Running chunks held by given nodes, with what an `assign` message needs.
import type { ChunkAssignment } from 'wowlab-node/protocol';
import type { Queryable } from './pool.ts';
import { chunkAlive } from './trust-results.ts';

export interface HeldChunk extends ChunkAssignment {
  nodeId: string;
  /** False when the job was cancelled or failed meanwhile (db/trust-results.ts chunkAlive): the node should drop the chunk. */
  jobActive: boolean;
}

/** Chunks running on `nodeIds` (only those assigned at least `minAgeMs` ago by the database's clock, when given). */
export async function runningChunksOfNodes(
  db: Queryable,
  nodeIds: string[],
  minAgeMs: number | null = null,
): Promise<HeldChunk[]> {
  if (nodeIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT c.id, c.node_id, c.job_id, c.config_hash, c.iterations, c.seed_offset, j.seed::text AS seed,
            ${chunkAlive('c', 'j')} AS job_active
     FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
     WHERE c.status = 'running' AND c.node_id = ANY($1::uuid[])
       AND ($2::float8 IS NULL OR c.claimed_at <= now() - $2::float8 * interval '1 millisecond')
     ORDER BY c.claimed_at, c.seed_offset`,
    [nodeIds, minAgeMs],
  );
  return (
    rows as {
      id: string;
      node_id: string;
      job_id: string;
      config_hash: string;
      iterations: number;
      seed_offset: number;
      seed: string;
      job_active: boolean;
    }[]
  ).map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    jobId: r.job_id,
    configHash: r.config_hash,
    iterations: r.iterations,
    seedOffset: r.seed_offset,
    seed: Number(r.seed),
    jobActive: r.job_active,
  }));
}

/** What an `assign` message carries of a held chunk (nothing else: the node's parser is strict). */
export function toAssignment(c: HeldChunk): ChunkAssignment {
  return {
    id: c.id,
    jobId: c.jobId,
    configHash: c.configHash,
    iterations: c.iterations,
    seedOffset: c.seedOffset,
    seed: c.seed,
  };
}

/** Running chunks of jobs that are no longer active are dropped (status failed). */
export async function dropChunksOfInactiveJobs(db: Queryable, chunkIds: string[]): Promise<void> {
  if (chunkIds.length === 0) return;
  await db.query(
    `UPDATE jobs_chunks c SET status = 'failed' FROM jobs j
     WHERE c.id = ANY($1::uuid[]) AND c.status = 'running' AND j.id = c.job_id
       AND NOT ${chunkAlive('c', 'j')}`,
    [chunkIds],
  );
}
