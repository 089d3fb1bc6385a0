// POST /chunks/fail: retry the chunk elsewhere, or fail its job (attempt limit reached, or
// an invalid config the sentinel confirms itself — a node cannot fail a valid job alone).
// A chunk handed back unrun (reason `handed-back`) is retried without counting an attempt.
import type { ChunkFailRequest, ChunkFailResponse } from 'wowlab-node/protocol';
import type { SentinelConfig } from '../config.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { bumpAttempts, lockChunkForFail, returnChunkToPending } from '../db/fail-chunk.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import type { SentinelEvents } from '../events.ts';
import type { ConfigCheck } from '../scheduler/config-check.ts';

export async function failChunk(
  deps: { db: Db; events: SentinelEvents; config: SentinelConfig; configs: ConfigCheck },
  nodeId: string,
  req: ChunkFailRequest,
): Promise<ChunkFailResponse> {
  const outcome = await withTransaction(deps.db, async (client) => {
    const chunk = await lockChunkForFail(client, req.chunkId, nodeId);
    if (!chunk) return { accepted: false, retried: false, jobFailed: false, jobId: null, error: '' };
    if (req.reason === 'handed-back') {
      await returnChunkToPending(client, req.chunkId, false);
      return { accepted: true, retried: true, jobFailed: false, jobId: chunk.jobId, error: '' };
    }
    let error: string | null = null;
    if (req.reason === 'invalid-config') {
      const { rows } = await client.query('SELECT engine_version FROM jobs WHERE id = $1', [chunk.jobId]);
      const engine = (rows[0] as { engine_version: string } | undefined)?.engine_version ?? '';
      error = await deps.configs.recheck(client, chunk.configHash, engine);
    }
    if (error === null && chunk.attempts + 1 >= deps.config.maxChunkAttempts) {
      error = `chunk ${req.chunkId} failed ${chunk.attempts + 1} times; last error: ${req.error}`;
    }
    if (error !== null) {
      await bumpAttempts(client, req.chunkId);
      const failed = await failJobs(client, [{ jobId: chunk.jobId, error }]);
      return { accepted: true, retried: false, jobFailed: failed.length > 0, jobId: chunk.jobId, error };
    }
    await returnChunkToPending(client, req.chunkId);
    return { accepted: true, retried: true, jobFailed: false, jobId: chunk.jobId, error: '' };
  });
  if (outcome.jobFailed && outcome.jobId)
    deps.events.emit('jobFailed', { jobId: outcome.jobId, error: outcome.error });
  return { accepted: outcome.accepted, retried: outcome.retried, jobFailed: outcome.jobFailed };
}
