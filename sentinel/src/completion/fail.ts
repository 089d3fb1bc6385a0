// POST /chunks/fail: retry the chunk elsewhere, or fail its job. A node's report fails nothing
// alone: the job fails on an invalid config only when the sentinel confirms it itself, and on
// repeated failures only when they are confirmed independently (confirmsFailure in
// trust/policy.ts): by compute trusted by construction for the job (its owner's node or tab, a
// platform node). Every other failure sends the chunk to nodes of owners that have not failed it. A chunk
// handed back unrun (reason `handed-back`) is retried without counting an attempt.
import type { ChunkFailRequest, ChunkFailResponse } from 'wowlab-node/protocol';
import type { SentinelConfig } from '../config.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { bumpAttempts, lockChunkForFail, returnChunkToPending, returnFailedChunk } from '../db/fail-chunk.ts';
import { attemptsSpent, confirmsFailure, isAnchor, ownerKey } from '../trust/policy.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import type { SentinelEvents } from '../events.ts';
import type { ConfigCheck } from './config-check.ts';

/**
 * The answer, and `unconfirmed`: a failure that confirmed nothing (a node not trusted by
 * construction for the job, its owner excluded): the scheduler never hands the chunk to that node
 * again (scheduler.noteFailure).
 */
export interface FailOutcome extends ChunkFailResponse {
  unconfirmed: boolean;
}

/** An accepted report that fails nothing and retries nothing (each outcome below changes a part). */
const NOTHING = {
  accepted: true,
  retried: false,
  jobFailed: false,
  jobId: null as string | null,
  error: '',
  unconfirmed: false,
};

export async function failChunk(
  deps: { db: Db; events: SentinelEvents; config: SentinelConfig; configs: ConfigCheck },
  nodeId: string,
  req: ChunkFailRequest,
): Promise<FailOutcome> {
  const outcome = await withTransaction(deps.db, async (client) => {
    const chunk = await lockChunkForFail(client, req.chunkId, nodeId);
    if (!chunk) return { ...NOTHING, accepted: false };
    const retried = { ...NOTHING, retried: true, jobId: chunk.jobId };
    if (req.reason === 'handed-back') {
      await returnChunkToPending(client, req.chunkId, false);
      return retried;
    }
    let error: string | null = null;
    if (req.reason === 'invalid-config') {
      error = await deps.configs.recheck(client, chunk.configHash, chunk.jobEngineVersion);
    }
    const reporter = { id: nodeId, userId: chunk.node.userId, platform: chunk.node.platform };
    const trusted = isAnchor(reporter, chunk.jobUserId, chunk.jobGrantees);
    const owners = new Set([...chunk.failedOwners, ownerKey(reporter)]);
    const confirmed = confirmsFailure(trusted, owners.size, deps.config.trust);
    // this failure counted
    const spent = attemptsSpent(
      chunk.attempts + 1,
      chunk.anchoredAttempts + (trusted ? 1 : 0),
      deps.config.trust,
    );
    if (error === null && confirmed && spent >= deps.config.maxChunkAttempts) {
      error = `The simulation failed ${chunk.attempts + 1} times: ${req.error}`;
    }
    if (error !== null) {
      await bumpAttempts(client, req.chunkId, trusted);
      const failed = await failJobs(client, [{ jobId: chunk.jobId, error }]);
      return { ...NOTHING, jobFailed: failed.length > 0, jobId: chunk.jobId, error };
    }
    if (trusted) await returnChunkToPending(client, req.chunkId, true, true);
    else await returnFailedChunk(client, req.chunkId, ownerKey(reporter));
    return { ...retried, unconfirmed: !trusted };
  });
  if (outcome.jobFailed && outcome.jobId)
    deps.events.emit('jobFailed', { jobId: outcome.jobId, error: outcome.error });
  return {
    accepted: outcome.accepted,
    retried: outcome.retried,
    jobFailed: outcome.jobFailed,
    unconfirmed: outcome.unconfirmed,
  };
}
