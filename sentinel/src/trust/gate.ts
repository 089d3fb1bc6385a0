// The scheduler's trust gate for one pass: which connected node may take which pending
// chunk (replica exclusions, who may verify or arbitrate, slow start, quarantine), from one
// query on the nodes and one on the candidate chunks that carry exclusions.
import type { PendingChunk } from '../db/claim-chunks.ts';
import type { DbClient } from '../db/pool.ts';
import { loadGateNodes, loadReplicaInfo } from '../db/trust-nodes.ts';
import type { MatchNode } from '../scheduler/match.ts';
import { mayRun, type GateChunk, type GateNode, type ReplicaRole } from './policy.ts';
import type { TrustSettings } from './settings.ts';

const NO_EXCLUSIONS: readonly string[] = [];

export class TrustGate {
  private constructor(
    private readonly settings: TrustSettings,
    private readonly nodes: Map<string, GateNode>,
    private readonly copies: Map<string, { role: ReplicaRole; excludeOwners: string[] }>,
  ) {}

  static async load(
    client: DbClient,
    settings: TrustSettings,
    chunks: readonly PendingChunk[],
    nodes: readonly MatchNode[],
  ): Promise<TrustGate> {
    // one client: queries in sequence
    const gateNodes = await loadGateNodes(
      client,
      nodes.map((n) => n.id),
      settings.threshold,
      new Set(settings.adminNodeIds),
    );
    const copies = await loadReplicaInfo(
      client,
      chunks.map((c) => c.id),
    );
    return new TrustGate(settings, gateNodes, copies);
  }

  private view(chunk: PendingChunk): GateChunk {
    const copy = this.copies.get(chunk.id);
    return {
      jobUserId: chunk.jobUserId,
      role: copy?.role ?? 'primary',
      excludeOwners: copy?.excludeOwners ?? NO_EXCLUSIONS,
    };
  }

  allows(chunk: PendingChunk, node: MatchNode): boolean {
    const n = this.nodes.get(node.id);
    return n !== undefined && mayRun(this.view(chunk), n, this.settings);
  }

  /** The chunk was given to the node in this pass (slow start counts it). */
  taken(chunk: PendingChunk, node: MatchNode): void {
    const n = this.nodes.get(node.id);
    if (n && (n.userId === null || n.userId !== chunk.jobUserId)) n.foreignHeld++;
  }
}
