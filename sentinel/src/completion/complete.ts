// POST /chunks/complete. The common case — an original accepted on trust — is one
// autocommitted statement (TrustJudge.completeAtOnce); everything else (copies, results to
// re-run, a chunk that does not match) is judged in a transaction. The last chunk of a job
// aggregates it (aggregate.ts), exactly once under the job row lock.
import { normaliseResult, type ChunkCompleteResponse, type ChunkResultInput } from 'wowlab-node/protocol';
import { describeRunningChunk } from '../db/complete-chunk.ts';
import { jobFullyCounted } from '../db/trust-results.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import { Errors } from '../errors.ts';
import type { SentinelEvents } from '../events.ts';
import { canonicalResult } from '../trust/digest.ts';
import type { JudgedCompletion, TrustJudge } from './judge.ts';
import {
  aggregateOnce,
  aggregatingHere,
  announceAggregation,
  correctJob,
  type Aggregation,
} from './aggregate.ts';
import { checkTargetError } from './target-error.ts';
import { checkAgainstChunk, checkResultPlausible } from './validate-result.ts';

export interface CompletionInput {
  nodeId: string;
  chunkId: string;
  /** As the node sent it: samples encoded, or (older nodes) an array of numbers. */
  result: ChunkResultInput;
}

/** An accepted chunk as it ran: what its node's speed is measured from (scheduler/node-speed.ts). */
export interface CompletedRun {
  configHash: string;
  iterations: number;
  /** When the chunk was assigned to the node (null: unknown). */
  claimedMs: number | null;
}

const NOT_LAST: Aggregation = { jobCompleted: false, failed: null };

export async function completeChunk(
  deps: { db: Db; events: SentinelEvents; trust: { judge: TrustJudge } },
  input: CompletionInput,
): Promise<ChunkCompleteResponse & { jobId?: string; run?: CompletedRun }> {
  const { nodeId, chunkId } = input;
  const result = normaliseResult(input.result);
  const problem = checkResultPlausible(result);
  if (problem) throw new Errors.InvalidResult(problem);
  const { judge } = deps.trust;
  const identity = {
    chunkId,
    nodeId,
    iterations: result.iterations,
    seedOffset: result.seedOffset,
    engineVersion: result.engineVersion,
  };
  // stored as its canonical text, whose sha-256 is the digest replicas are compared by
  const canonical = canonicalResult(result);
  const fast = await judge.completeAtOnce(identity, canonical);
  let judged: JudgedCompletion;
  let aggregation = NOT_LAST;
  if (fast.done) {
    judged = fast.done;
    if (judged.lastChunk) aggregation = await aggregateOnce(deps, judged.jobId);
  } else {
    // Trust (docs/trust.md): the result is stored with its digest and judged; the job counts
    // a chunk only once it is trusted or verified, and aggregates only accepted results.
    const outcome = await withTransaction(deps.db, async (client) => {
      const stored = await judge.complete(client, identity, canonical, fast.ahead);
      if (!stored) {
        const held = await describeRunningChunk(client, chunkId, nodeId);
        if (held)
          throw new Errors.InvalidResult(
            checkAgainstChunk(result, held) ?? 'result does not match the chunk',
          );
        return null;
      }
      if (stored.recheck)
        return { stored, aggregation: { ...NOT_LAST, corrected: await correctJob(client, stored.jobId) } };
      return { stored, aggregation: NOT_LAST };
    });
    if (!outcome) return { accepted: false, jobCompleted: false };
    judged = outcome.stored;
    aggregation = outcome.aggregation;
    // its count was applied at COMMIT (db/trust-results.ts setVerdicts): the last one aggregates
    // (several may find the job full: one merges it, see aggregateOnce)
    if (judged.counted && !aggregatingHere(judged.jobId) && (await jobFullyCounted(deps.db, judged.jobId)))
      aggregation = await aggregateOnce(deps, judged.jobId);
  }
  deps.events.emit('trustEffects', judged.effects);
  const { jobId } = judged;
  // a smart sim may have reached its target error with this chunk
  if (!aggregation.jobCompleted && !aggregation.failed && !judged.recheck) {
    const stopped = await checkTargetError(deps.db, jobId);
    aggregation = stopped.aggregation ?? aggregation;
    if (stopped.dropped.length > 0) deps.events.emit('chunksDropped', { chunks: stopped.dropped });
  }
  const durationMs = judged.claimedMs === null ? 0 : Math.max(0, Date.now() - judged.claimedMs);
  deps.events.emit('chunkCompleted', { chunkId, jobId, durationMs });
  announceAggregation(deps.events, jobId, aggregation);
  return {
    accepted: true,
    jobCompleted: aggregation.jobCompleted,
    jobId,
    run: { configHash: judged.configHash, iterations: result.iterations, claimedMs: judged.claimedMs },
  };
}
