// POST /chunks/fail, database side: the chunk goes back to pending (attempts + 1), or its
// job fails when attempts reach the limit. Conditional on the chunk running on that node.
import type { DbClient } from './pool.ts';

export interface FailedChunk {
  jobId: string;
  configHash: string;
  attempts: number;
}

export async function lockChunkForFail(
  client: DbClient,
  chunkId: string,
  nodeId: string,
): Promise<FailedChunk | null> {
  const { rows } = await client.query(
    `SELECT job_id, config_hash, attempts FROM jobs_chunks
     WHERE id = $1 AND node_id = $2 AND status = 'running' FOR UPDATE`,
    [chunkId, nodeId],
  );
  if (rows.length === 0) return null;
  const r = rows[0] as { job_id: string; config_hash: string; attempts: number };
  return { jobId: r.job_id, configHash: r.config_hash, attempts: r.attempts };
}

/** Back to pending; a failed run counts as an attempt, a chunk handed back unrun does not. */
export async function returnChunkToPending(
  client: DbClient,
  chunkId: string,
  countAttempt = true,
): Promise<void> {
  await client.query(
    `UPDATE jobs_chunks SET status = 'pending', node_id = NULL, claimed_at = NULL,
            attempts = attempts + $2::int
     WHERE id = $1 AND status = 'running'`,
    [chunkId, countAttempt ? 1 : 0],
  );
}

export async function bumpAttempts(client: DbClient, chunkId: string): Promise<void> {
  await client.query(`UPDATE jobs_chunks SET attempts = attempts + 1 WHERE id = $1`, [chunkId]);
}
