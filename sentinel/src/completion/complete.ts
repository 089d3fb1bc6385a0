// POST /chunks/complete: store a chunk result and, for the last chunk, aggregate the job —
// all in one transaction; the job row lock makes the aggregation happen exactly once.
import { mergeResults, type ChunkResult } from '@wowlab/sim-core';
import type { ChunkCompleteResponse, ChunkResultWire } from 'wowlab-node/protocol';
import { completeJob, loadChunkResults, lockRunningChunk, storeChunkResult } from '../db/complete-chunk.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import { Errors } from '../errors.ts';
import type { SentinelEvents } from '../events.ts';
import { checkChunkResult } from './validate-result.ts';

export async function completeChunk(
  deps: { db: Db; events: SentinelEvents },
  nodeId: string,
  chunkId: string,
  result: ChunkResultWire,
): Promise<ChunkCompleteResponse & { jobId?: string }> {
  const outcome = await withTransaction(deps.db, async (client) => {
    const chunk = await lockRunningChunk(client, chunkId, nodeId);
    if (!chunk) return { accepted: false, jobCompleted: false } as const;
    const problem = checkChunkResult(result, chunk);
    if (problem) throw new Errors.InvalidResult(problem);
    const { lastChunk } = await storeChunkResult(client, chunkId, chunk.jobId, result);
    const base = { accepted: true, jobId: chunk.jobId, claimedMs: chunk.claimedMs };
    if (!lastChunk) return { ...base, jobCompleted: false, failed: null };
    const results = (await loadChunkResults(client, chunk.jobId)) as ChunkResult[];
    let merged: unknown;
    try {
      merged = mergeResults(results);
    } catch (err) {
      const error = `aggregation failed: ${err instanceof Error ? err.message : String(err)}`;
      await failJobs(client, [{ jobId: chunk.jobId, error }]);
      return { ...base, jobCompleted: false, failed: error };
    }
    return { ...base, jobCompleted: await completeJob(client, chunk.jobId, merged), failed: null };
  });
  if (outcome.accepted) {
    const durationMs = outcome.claimedMs === null ? 0 : Math.max(0, Date.now() - outcome.claimedMs);
    deps.events.emit('chunkCompleted', { chunkId, jobId: outcome.jobId, durationMs });
    if (outcome.jobCompleted) deps.events.emit('jobCompleted', { jobId: outcome.jobId });
    if (outcome.failed) deps.events.emit('jobFailed', { jobId: outcome.jobId, error: outcome.failed });
    return { accepted: true, jobCompleted: outcome.jobCompleted, jobId: outcome.jobId };
  }
  return { accepted: false, jobCompleted: false };
}
