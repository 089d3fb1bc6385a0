// A result that comes after its chunk's deadline (the chunk was reclaimed from its node) still
// counts if it comes first and valid, as in BOINC: the chunk goes back to the late node, the
// node running it meanwhile is told to drop it, and the result is judged like any other. If it
// is refused, the chunk waits for a node again.
import type { ChunkCompleteResponse } from 'wowlab-node/protocol';
import { releaseLateChunk, takeBackLateChunk } from '../db/reclaim.ts';
import type { Db } from '../db/pool.ts';
import type { SentinelEvents } from '../events.ts';
import { completeChunk, type CompletedRun, type CompletionInput } from './complete.ts';
import type { TrustJudge } from './judge.ts';

export async function completeLateChunk(
  deps: {
    db: Db;
    events: SentinelEvents;
    trust: { judge: TrustJudge };
    /** Tells the node that was running the chunk meanwhile to drop it. */
    cancelOn: (nodeId: string, chunkId: string) => void;
  },
  input: CompletionInput,
): Promise<ChunkCompleteResponse & { jobId?: string; run?: CompletedRun }> {
  const { nodeId, chunkId } = input;
  const taken = await takeBackLateChunk(deps.db, chunkId, nodeId);
  if (!taken) return { accepted: false, jobCompleted: false };
  if (taken.previousNodeId) deps.cancelOn(taken.previousNodeId, chunkId);
  let outcome: (ChunkCompleteResponse & { jobId?: string; run?: CompletedRun }) | null = null;
  try {
    outcome = await completeChunk(deps, input);
    return outcome;
  } finally {
    if (!outcome?.accepted) await releaseLateChunk(deps.db, chunkId, nodeId);
  }
}
