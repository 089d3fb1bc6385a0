// The nodes connected to this instance: one socket per node, what each holds, and pushes.
import type { WebSocket } from 'ws';
import type { ChunkAssignment, ServerMessage } from 'wowlab-node/protocol';
import type { NodeRow } from '../db/nodes.ts';
import type { MatchNode } from './match.ts';

export interface ConnectedNode {
  id: string;
  socket: WebSocket;
  info: NodeRow;
  /** chunk id → config hash of every chunk this node holds (running or queued on it). */
  held: Map<string, string>;
  alive: boolean;
  /** False after the node announced `slots 0` (stopping, or full) until it announces free slots again. */
  accepting: boolean;
  /** Order in which the socket arrived (`NodeHub.nextSequence`): the newest connection wins. */
  sequence: number;
  /** The socket asked for its owner's own jobs only (`scope=own`: a tab running its player's sim). */
  ownJobsOnly?: boolean;
}

export class NodeHub {
  private readonly nodes = new Map<string, ConnectedNode>();
  private sequence = 0;

  get size(): number {
    return this.nodes.size;
  }

  get(nodeId: string): ConnectedNode | undefined {
    return this.nodes.get(nodeId);
  }

  all(): IterableIterator<ConnectedNode> {
    return this.nodes.values();
  }

  ids(): string[] {
    return [...this.nodes.keys()];
  }

  /** Numbers sockets as they arrive, before their (asynchronous) setup. */
  nextSequence(): number {
    return ++this.sequence;
  }

  /**
   * Registers a connection that finished its setup. Setups can finish out of order: a
   * connection older than the one registered is refused (`added: false`) rather than evicting
   * the newer one. `previous` is the connection it replaces, if any.
   */
  add(node: ConnectedNode): { added: boolean; previous?: ConnectedNode } {
    const current = this.nodes.get(node.id);
    if (current && current.sequence > node.sequence) return { added: false };
    this.nodes.set(node.id, node);
    return { added: true, previous: current };
  }

  /** Removes the node only if `socket` is still its current socket. */
  remove(nodeId: string, socket: WebSocket): boolean {
    const current = this.nodes.get(nodeId);
    if (!current || current.socket !== socket) return false;
    this.nodes.delete(nodeId);
    return true;
  }

  send(nodeId: string, message: ServerMessage): boolean {
    const node = this.nodes.get(nodeId);
    if (!node || node.socket.readyState !== node.socket.OPEN) return false;
    node.socket.send(JSON.stringify(message));
    return true;
  }

  assign(nodeId: string, chunks: ChunkAssignment[]): boolean {
    const node = this.nodes.get(nodeId);
    if (!node) return false;
    for (const c of chunks) node.held.set(c.id, c.configHash);
    return this.send(nodeId, { type: 'assign', chunks });
  }

  release(nodeId: string, chunkId: string): void {
    this.nodes.get(nodeId)?.held.delete(chunkId);
  }

  /**
   * Connected nodes that take work, as the matcher sees them: `free` is max_parallel running + as
   * many queued, less what they hold (0 when full: a full node still counts as one a chunk may
   * wait for, see match.ts).
   */
  assignable(): MatchNode[] {
    const out: MatchNode[] = [];
    for (const n of this.nodes.values()) {
      if (n.info.status === 'draining' || !n.accepting) continue;
      const free = Math.max(0, 2 * n.info.maxParallel - n.held.size);
      const userTargets = new Set<string>();
      const guildTargets: string[] = [];
      let allowsPublic = n.info.userId === null && !n.ownJobsOnly;
      for (const p of n.ownJobsOnly ? [] : n.info.permissions) {
        if (p.accessType === 'public') allowsPublic = true;
        else if (p.accessType === 'user' && p.targetId) userTargets.add(p.targetId);
        else if (p.accessType === 'discord' && p.targetId) guildTargets.push(p.targetId);
      }
      out.push({
        id: n.id,
        userId: n.info.userId,
        ownerDiscordId: n.info.ownerDiscordId ?? null,
        engineVersion: n.info.engineVersion,
        userTargets,
        guildTargets,
        allowsPublic,
        free,
      });
    }
    return out;
  }
}
