// A result that comes after its chunk's deadline (the chunk was reclaimed from its node) still
// counts if it comes first and valid, as in BOINC: the chunk goes back to the late node, the
// node running it meanwhile is told to drop it, and the result is judged like any other. If it
// is refused, the chunk waits for a node again, and the refused answer is compared with the
// chunk's accepted result when there is one (judgeRefusedLate): a lie counts like any other.
import { normaliseResult, type ChunkCompleteResponse } from 'wowlab-node/protocol';
import { lockLateAnswerContext, raiseStreak } from '../db/late-answer.ts';
import { releaseLateChunk, takeBackLateChunk } from '../db/reclaim.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import type { FamilyRow } from '../db/trust-results.ts';
import { noEffects, type SentinelEvents } from '../events.ts';
import { canonicalResult } from '../trust/digest.ts';
import { isAnchor, ownerKey } from '../trust/policy.ts';
import { completeChunk, type CompletedRun, type CompletionInput } from './complete.ts';
import { checkAgainstChunk } from './validate-result.ts';
import { familyOwner, penalise, settledReference, type TrustJudge } from './judge.ts';

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

/** What a refused late answer showed (judgeRefusedLate). */
export type LateVerdict =
  /** The same digest as the chunk's accepted result. */
  | 'agrees'
  /** Another digest than the accepted result: a lie (penalised when the reference vouches). */
  | 'differs'
  /** Nothing accepted to compare with yet (or replication off): checked for structure and size only. */
  | 'unjudged'
  /** Not this chunk's result (another size, seed offset or engine version): neither judged nor measured. */
  | 'foreign';

/**
 * A late answer refused because another node's result came first (its structure already checked
 * by completeChunk), compared with the chunk's accepted (`trusted` or `verified`) result, as a
 * copy completing after its family was resolved is (judge.ts). The reference is an accepted row
 * of a platform node (an earned-trusted node's result accepted on trust is checked by nobody: a
 * trusted liar framed the honest volunteer it replaced); a node trusted by construction for the job (its owner's, a grantee's) is not judged on
 * it. Another digest is a proven lie when such a reference exists: a mismatch like any other
 * (quarantine at the limit, its unverified results recomputed). The same digest adds one to its
 * node's streak only under such a reference and when no node of its owner has a row in the
 * family (it could have copied that one's answer); a late answer is no accepted row, so it earns
 * no credit. Only 'agrees' and 'unjudged' answers may measure the node's speed (routes/chunks.ts).
 */
export async function judgeRefusedLate(
  deps: { db: Db; events: SentinelEvents; trust: { judge: TrustJudge } },
  input: CompletionInput,
): Promise<LateVerdict> {
  const settings = deps.trust.judge.policy.settings;
  if (!settings.replication) return 'unjudged';
  const { nodeId, chunkId } = input;
  const result = normaliseResult(input.result);
  const { digest } = canonicalResult(result);
  const effects = noEffects();
  const verdict = await withTransaction(deps.db, async (client): Promise<LateVerdict> => {
    const ctx = await lockLateAnswerContext(client, chunkId, nodeId);
    if (!ctx) return 'unjudged';
    if (checkAgainstChunk(result, ctx) !== null) return 'foreign';
    const accepted = ctx.family.filter(
      (r) => (r.verdict === 'trusted' || r.verdict === 'verified') && r.digest !== null,
    );
    if (accepted.length === 0) return 'unjudged';
    const node = ctx.node;
    const mine: FamilyRow = {
      id: `late answer of ${nodeId}`,
      nodeId,
      nodeUserId: node.userId,
      nodePlatform: node.platform,
      nodeTrustStreak: node.trustStreak,
      nodeQuarantined: node.quarantined,
      role: 'primary',
      status: 'completed',
      digest,
      verdict: null,
    };
    // the accepted result was settled before this answer came (judge.ts settledReference)
    const ref = isAnchor(node, ctx.jobUserId, ctx.jobGrantees)
      ? undefined
      : accepted.find((r) => settledReference(r, mine, ctx.jobUserId, settings.threshold));
    if (digest === (ref ?? accepted[0]!).digest) {
      const owner = ownerKey(node);
      if (ref && !ctx.family.some((r) => familyOwner(r) === owner)) await raiseStreak(client, nodeId);
      return 'agrees';
    }
    if (ref) {
      effects.mismatches++;
      effects.invalidResults++;
      await penalise(client, [nodeId], settings.quarantineAfter, ctx.family, effects);
    }
    return 'differs';
  });
  if (effects.mismatches > 0) deps.events.emit('trustEffects', effects);
  return verdict;
}
