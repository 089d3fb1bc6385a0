// Pure matching of pending chunks to connected nodes (ARCHITECTURE.md §5).
//
// Eligibility of a job for a node (engine versions must be equal first):
// - the job owner's own node runs every job of that owner (any access type);
// - access widens private ⊂ user ⊂ discord ⊂ public:
//   user:    + nodes whose permissions name the owner (`user`, target = owner id) and whose
//              owner the job owner chose (`shared_with`): sharing is the job owner's grant,
//              never something a node owner can claim by naming someone (such a node still
//              runs the owner's public jobs);
//   discord: + nodes with a `discord` permission for the job's Discord server, when the
//              owner's Discord account (auth.identities) is a member of that server;
//   public:  + nodes allowing public work (`public` permission, or anonymous/unclaimed
//              nodes), and `discord` nodes of any server the owner is a member of.
import type { PendingChunk } from '../db/claim-chunks.ts';
import type { GuildMembership } from '../guilds/membership.ts';

export interface MatchNode {
  id: string;
  userId: string | null;
  engineVersion: string;
  userTargets: ReadonlySet<string>;
  guildTargets: readonly string[];
  allowsPublic: boolean;
  /** Chunks the node may still take (prefetch included). */
  free: number;
}

export type MatchJob = Pick<
  PendingChunk,
  'jobUserId' | 'jobAccess' | 'jobDiscordServerId' | 'jobEngineVersion' | 'ownerDiscordId' | 'jobSharedWith'
>;

export function isEligible(job: MatchJob, node: MatchNode, membership: GuildMembership): boolean {
  if (node.engineVersion !== job.jobEngineVersion) return false;
  if (node.userId !== null && node.userId === job.jobUserId) return true;
  const access = job.jobAccess;
  if (access === 'private') return false;
  // a node offered to the owner runs their public jobs, and their `user` jobs only when the
  // owner chose its owner (a discord job's config is never handed to a non-member this way)
  if (
    node.userTargets.has(job.jobUserId) &&
    (access === 'public' || (node.userId !== null && job.jobSharedWith?.includes(node.userId) === true))
  )
    return true;
  if (access === 'user') return false;
  if (job.ownerDiscordId) {
    for (const guild of node.guildTargets) {
      if (
        (access === 'public' || guild === job.jobDiscordServerId) &&
        membership.isMember(guild, job.ownerDiscordId)
      )
        return true;
    }
  }
  return access === 'public' && node.allowsPublic;
}

/** Per-chunk filter on top of eligibility (the trust gate: replicas, slow start, quarantine). */
export interface MatchGate {
  allows(chunk: PendingChunk, node: MatchNode): boolean;
  taken(chunk: PendingChunk, node: MatchNode): void;
}

export interface Assignment {
  chunk: PendingChunk;
  nodeId: string;
}

/**
 * Assigns chunks in the given order, each to the eligible node with the most free slots (nodes
 * with no free slot may be passed: they take nothing). `avoid` lists nodes a chunk failed on or
 * was late on: used only when no other connected node could ever take it — while one exists,
 * even full, the chunk waits for it. Mutates `free` of the nodes passed in.
 */
export function matchChunks(
  chunks: readonly PendingChunk[],
  nodes: MatchNode[],
  membership: GuildMembership,
  avoid?: (chunkId: string) => ReadonlySet<string> | undefined,
  gate?: MatchGate,
): Assignment[] {
  const out: Assignment[] = [];
  const eligibleByJob = new Map<string, MatchNode[]>();
  for (const chunk of chunks) {
    let eligible = eligibleByJob.get(chunk.jobId);
    if (!eligible) {
      eligible = nodes.filter((n) => isEligible(chunk, n, membership));
      eligibleByJob.set(chunk.jobId, eligible);
    }
    const avoided = avoid?.(chunk.id);
    let best: MatchNode | null = null;
    let bestAvoided: MatchNode | null = null;
    let otherExists = false;
    for (const node of eligible) {
      if (gate && !gate.allows(chunk, node)) continue;
      if (avoided?.has(node.id)) {
        if (node.free > 0 && (!bestAvoided || node.free > bestAvoided.free)) bestAvoided = node;
        continue;
      }
      otherExists = true;
      if (node.free > 0 && (!best || node.free > best.free)) best = node;
    }
    const chosen = best ?? (otherExists ? null : bestAvoided);
    if (!chosen) continue;
    chosen.free--;
    gate?.taken(chunk, chosen);
    out.push({ chunk, nodeId: chosen.id });
  }
  return out;
}
