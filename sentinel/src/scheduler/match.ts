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
//              owner's Discord account (auth.identities) is a member of that server, and so is
//              the node owner's: naming a server one is not in offers nothing (its members'
//              configs go to its members' nodes only);
//   public:  + nodes allowing public work (`public` permission, or anonymous/unclaimed
//              nodes), and `discord` nodes of any server the owner is a member of.
import type { PendingChunk } from '../db/claim-chunks.ts';
import type { GuildMembership } from '../guilds/membership.ts';
import { cryptoRandom, ownerKey, type RandomSource } from '../trust/policy.ts';

export interface MatchNode {
  id: string;
  userId: string | null;
  /** The node owner's Discord account, or null (no account, or none linked). */
  ownerDiscordId: string | null;
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
  if (job.ownerDiscordId && node.ownerDiscordId) {
    for (const guild of node.guildTargets) {
      if (
        (access === 'public' || guild === job.jobDiscordServerId) &&
        membership.isMember(guild, job.ownerDiscordId) &&
        membership.isMember(guild, node.ownerDiscordId)
      )
        return true;
    }
  }
  return access === 'public' && node.allowsPublic;
}

/** Per-chunk filter on top of eligibility (the trust gate: replicas, slow start, quarantine). */
export interface MatchGate {
  allows(chunk: PendingChunk, node: MatchNode): boolean;
  /**
   * Nodes a chunk is reserved for (an audit: compute trusted by construction): while one is
   * connected, even full, no other node takes the chunk.
   */
  reserved?(chunk: PendingChunk, node: MatchNode): boolean;
  taken(chunk: PendingChunk, node: MatchNode): void;
}

export interface Assignment {
  chunk: PendingChunk;
  nodeId: string;
}

/** The node with the most free slots (the first of equals). */
function mostFree(nodes: readonly MatchNode[], owner: string | null = null): MatchNode | null {
  let best: MatchNode | null = null;
  for (const n of nodes)
    if ((owner === null || ownerKey(n) === owner) && (!best || n.free > best.free)) best = n;
  return best;
}

/**
 * A verification copy's node: an owner drawn uniformly among those with a free node, then that
 * owner's node with the most free slots. By slots, one account with a 1,024-slot node (or many
 * nodes) would be handed most copies in a pool — its partners' replicas and audits included.
 */
function drawOwner(nodes: readonly MatchNode[], random: RandomSource): MatchNode | null {
  if (nodes.length <= 1) return nodes[0] ?? null;
  const owners: string[] = [];
  for (const n of nodes) if (!owners.includes(ownerKey(n))) owners.push(ownerKey(n));
  const owner = owners[Math.min(owners.length - 1, Math.floor(random() * owners.length))]!;
  return mostFree(nodes, owner);
}

/**
 * Assigns chunks in the given order: an original to the eligible node with the most free slots,
 * a verification copy (replica, audit, arbiter) to a node of an owner drawn at random (nodes with
 * no free slot may be passed: they take nothing). `avoid` lists nodes a chunk failed on or was
 * late on, and nodes of the owners that failed or lost it (`failedOwners`: a node vanishing with
 * it); they are used only when no other connected node could ever take it — while one exists, even
 * full, the chunk waits for it (else two nodes vanishing with a chunk in turn, each with more free
 * slots than anyone, held it for ever: vanish-relay.test.ts); likewise, while a node the chunk is reserved for is connected
 * (`gate.reserved`), only such nodes may take it. Mutates `free` of the nodes passed in.
 */
export function matchChunks(
  chunks: readonly PendingChunk[],
  nodes: MatchNode[],
  membership: GuildMembership,
  avoid?: (chunkId: string) => ReadonlySet<string> | undefined,
  gate?: MatchGate,
  random: RandomSource = cryptoRandom,
): Assignment[] {
  const out: Assignment[] = [];
  const eligibleByJob = new Map<string, MatchNode[]>();
  const free: MatchNode[] = [];
  const freeAvoided: MatchNode[] = [];
  for (const chunk of chunks) {
    let eligible = eligibleByJob.get(chunk.jobId);
    if (!eligible) {
      eligible = nodes.filter((n) => isEligible(chunk, n, membership));
      eligibleByJob.set(chunk.jobId, eligible);
    }
    const avoided = avoid?.(chunk.id);
    free.length = 0;
    freeAvoided.length = 0;
    let otherExists = false;
    let reservedSeen = false;
    for (const node of eligible) {
      if (gate && !gate.allows(chunk, node)) continue;
      if (gate?.reserved?.(chunk, node)) {
        if (!reservedSeen) {
          // from now on only nodes the chunk is reserved for count
          reservedSeen = true;
          free.length = 0;
          freeAvoided.length = 0;
          otherExists = false;
        }
      } else if (reservedSeen) continue;
      if (avoided?.has(node.id) || chunk.failedOwners?.includes(ownerKey(node)) === true) {
        if (node.free > 0) freeAvoided.push(node);
        continue;
      }
      otherExists = true;
      if (node.free > 0) free.push(node);
    }
    const pool = otherExists ? free : freeAvoided;
    const copy = chunk.role !== undefined && chunk.role !== 'primary';
    const chosen = copy ? drawOwner(pool, random) : mostFree(pool);
    if (!chosen) continue;
    chosen.free--;
    gate?.taken(chunk, chosen);
    out.push({ chunk, nodeId: chosen.id });
  }
  return out;
}
