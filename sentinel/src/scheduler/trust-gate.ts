// The scheduler's trust gate for one pass: which connected node may take which pending
// chunk (replica exclusions, who may verify or arbitrate, slow start, quarantine), from one
// query on the nodes (before the candidates: it narrows them); the candidates carry their
// roles and exclusions.
import type { PendingChunk } from '../db/claim-chunks.ts';
import type { DbClient } from '../db/pool.ts';
import { loadGateNodes } from '../db/trust-nodes.ts';
import type { MatchNode } from './match.ts';
import type { CandidateOwners } from '../db/claim-chunks.ts';
import { granteesOf, mayRun, ownerKey, reservedFor, type GateChunk, type GateNode } from '../trust/policy.ts';
import type { TrustSettings } from '../trust/settings.ts';

const NO_EXCLUSIONS: readonly string[] = [];

export class TrustGate {
  private constructor(
    private readonly settings: TrustSettings,
    private readonly nodes: Map<string, GateNode>,
    /** Nodes with no free slot in this pass (kept only as nodes a chunk waits for). */
    private readonly full: ReadonlySet<string>,
    /** chunk id → nodes never given it again (their failure of it confirmed nothing). */
    private readonly barred: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /**
   * Trust of the connected nodes, fresh for this pass; `barred` (chunk id → nodes) are never
   * allowed the chunk (Scheduler.noteFailure `unconfirmed`).
   */
  static async forNodes(
    client: DbClient,
    settings: TrustSettings,
    nodes: readonly MatchNode[],
    barred: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<TrustGate> {
    const gateNodes = await loadGateNodes(
      client,
      nodes.map((n) => n.id),
      settings.threshold,
      new Set(settings.adminNodeIds),
    );
    const full = new Set(nodes.filter((n) => n.free <= 0).map((n) => n.id));
    return new TrustGate(settings, gateNodes, full, barred);
  }

  /**
   * Owners (user id, or node id of an unclaimed node) of the connected nodes that may run a
   * chunk with exclusions, a replica, an arbiter copy: the SQL pre-filter skips copies that
   * no connected node may run, so they cannot crowd out runnable chunks. Full nodes are left out:
   * they take nothing this pass, and copies only they may run would fill the batch.
   */
  candidateOwners(): CandidateOwners {
    const runners: string[] = [];
    const verifiers: string[] = [];
    const arbiters: string[] = [];
    for (const n of this.nodes.values()) {
      if (n.quarantined || this.full.has(n.id)) continue;
      const key = ownerKey(n);
      runners.push(key);
      if (!n.guest) verifiers.push(key);
      if (n.admin) arbiters.push(key);
    }
    return { runners, verifiers, arbiters };
  }

  private view(chunk: PendingChunk): GateChunk {
    return {
      jobUserId: chunk.jobUserId,
      grantees: granteesOf(chunk.jobAccess, chunk.jobSharedWith),
      role: chunk.role ?? 'primary',
      excludeOwners: chunk.excludeOwners ?? NO_EXCLUSIONS,
      audit: chunk.audit === true,
    };
  }

  /** Admin nodes (platform nodes, TRUST_ADMIN_NODE_IDS) among this pass's nodes. */
  admins(): string[] {
    const out: string[] = [];
    for (const n of this.nodes.values()) if (n.admin) out.push(n.id);
    return out;
  }

  /** Only nodes it is reserved for may take the chunk while one of them is connected (policy.reservedFor). */
  reserved(chunk: PendingChunk, node: MatchNode): boolean {
    if (chunk.audit !== true) return false;
    const n = this.nodes.get(node.id);
    return n !== undefined && reservedFor(this.view(chunk), n);
  }

  allows(chunk: PendingChunk, node: MatchNode): boolean {
    const n = this.nodes.get(node.id);
    if (n === undefined || this.barred.get(chunk.id)?.has(node.id) === true) return false;
    return mayRun(this.view(chunk), n, this.settings);
  }

  /** The chunk was given to the node in this pass (slow start counts it). */
  taken(chunk: PendingChunk, node: MatchNode): void {
    const n = this.nodes.get(node.id);
    if (n && (n.userId === null || n.userId !== chunk.jobUserId)) n.foreignHeld++;
  }
}
