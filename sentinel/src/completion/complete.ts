// POST /chunks/complete: store a chunk result and, for the last chunk, aggregate the job —
// in one transaction; the job row lock makes the aggregation happen exactly once.
import { mergeResults, type ChunkResult } from '@wowlab/sim-core';
import type { ChunkCompleteResponse, ChunkResultWire } from 'wowlab-node/protocol';
import { completeJob, describeRunningChunk } from '../db/complete-chunk.ts';
import { loadAcceptedResults } from '../db/trust-results.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import { Errors } from '../errors.ts';
import type { SentinelEvents } from '../events.ts';
import type { TrustJudge } from '../trust/judge.ts';
import { checkAgainstChunk, checkResultPlausible } from './validate-result.ts';

export interface CompletionInput {
  nodeId: string;
  chunkId: string;
  result: ChunkResultWire;
  /** The request body as received (`{"chunkId", "result"}`): stored without re-serialising. */
  rawBody: string;
}

export async function completeChunk(
  deps: { db: Db; events: SentinelEvents; trust: { judge: TrustJudge } },
  input: CompletionInput,
): Promise<ChunkCompleteResponse & { jobId?: string }> {
  const { nodeId, chunkId, result } = input;
  const problem = checkResultPlausible(result);
  if (problem) throw new Errors.InvalidResult(problem);
  const outcome = await withTransaction(deps.db, async (client) => {
    // Trust (docs/trust.md): the result is stored with its digest and judged; the job counts
    // a chunk only once it is trusted or verified, and aggregates only accepted results.
    const stored = await deps.trust.judge.complete(
      client,
      {
        chunkId,
        nodeId,
        iterations: result.iterations,
        seedOffset: result.seedOffset,
        engineVersion: result.engineVersion,
      },
      input.rawBody,
      result,
    );
    if (!stored) {
      const held = await describeRunningChunk(client, chunkId, nodeId);
      if (held)
        throw new Errors.InvalidResult(checkAgainstChunk(result, held) ?? 'result does not match the chunk');
      return { accepted: false, jobCompleted: false } as const;
    }
    const base = {
      accepted: true,
      jobId: stored.jobId,
      claimedMs: stored.claimedMs,
      effects: stored.effects,
    };
    if (!stored.lastChunk) return { ...base, jobCompleted: false, failed: null };
    const results = (await loadAcceptedResults(client, stored.jobId)) as ChunkResult[];
    let merged: unknown;
    try {
      merged = mergeResults(results);
    } catch (err) {
      const error = `aggregation failed: ${err instanceof Error ? err.message : String(err)}`;
      await failJobs(client, [{ jobId: stored.jobId, error }]);
      return { ...base, jobCompleted: false, failed: error };
    }
    return { ...base, jobCompleted: await completeJob(client, stored.jobId, merged), failed: null };
  });
  if (!outcome.accepted) return { accepted: false, jobCompleted: false };
  deps.trust.judge.publish(outcome.effects);
  const durationMs = outcome.claimedMs === null ? 0 : Math.max(0, Date.now() - outcome.claimedMs);
  deps.events.emit('chunkCompleted', { chunkId, jobId: outcome.jobId, durationMs });
  if (outcome.jobCompleted) deps.events.emit('jobCompleted', { jobId: outcome.jobId });
  if (outcome.failed) deps.events.emit('jobFailed', { jobId: outcome.jobId, error: outcome.failed });
  return { accepted: true, jobCompleted: outcome.jobCompleted, jobId: outcome.jobId };
}
