// Chunks a node let pass their deadline (reclaimed from it by maintenance) and has not answered
// since. Each one takes a slot of that node until it answers or LATE_FORGET_MS pass, so a node
// that misses deadlines gets fewer new chunks, whatever slot count it declares; a reclaimed chunk
// never goes back to the node that was late on it (the scheduler excludes it like a failure).
// A late answer may still count if the chunk is not done yet (routes/chunks.ts). Counted or
// refused, a plausible late answer measures its node's speed from the first assignment (the chunk
// was assigned again meanwhile), so a node slower than its default deadline is measured even when
// faster nodes finish its chunks first. Kept per instance, like the other short-lived scheduling
// state.

/** How long a missed deadline keeps taking a slot of its node when the node never answers. */
export const LATE_FORGET_MS = 60 * 60_000;
const MAX_TRACKED_NODES = 100_000;

/** A chunk a node was late on, as it had been assigned to it. */
export interface LateRun {
  /** When it had been assigned to the late node (ms). */
  claimedMs: number;
  /** Its config and size, when known: a late answer's time measures the node's speed. */
  configHash?: string;
  iterations?: number;
}

export class LateChunks {
  /** node id → chunk id → when the deadline was missed, and the chunk as it had been assigned. */
  private readonly byNode = new Map<string, Map<string, { at: number; run: LateRun }>>();

  note(nodeId: string, chunkId: string, now: number, run: LateRun = { claimedMs: now }): void {
    if (this.byNode.size > MAX_TRACKED_NODES) this.byNode.clear();
    let chunks = this.byNode.get(nodeId);
    if (!chunks) this.byNode.set(nodeId, (chunks = new Map()));
    chunks.set(chunkId, { at: now, run });
  }

  /**
   * When `nodeId` was late on `chunkId` (and has not answered it since): the chunk as it had been
   * assigned to it; else null. Forgets it.
   */
  answered(nodeId: string, chunkId: string): LateRun | null {
    const chunks = this.byNode.get(nodeId);
    const entry = chunks?.get(chunkId);
    if (!chunks || !entry) return null;
    chunks.delete(chunkId);
    if (chunks.size === 0) this.byNode.delete(nodeId);
    return entry.run;
  }

  /**
   * Whether `nodeId` was late on a chunk of config `configHash` and has not answered it: it may
   * still answer it (a late answer counts when it comes first), so it may still read the config.
   */
  heldConfig(nodeId: string, configHash: string): boolean {
    const chunks = this.byNode.get(nodeId);
    if (!chunks) return false;
    for (const { run } of chunks.values()) if (run.configHash === configHash) return true;
    return false;
  }

  /** Slots of `nodeId` taken by chunks it was late on (entries older than LATE_FORGET_MS drop). */
  count(nodeId: string, now: number): number {
    const chunks = this.byNode.get(nodeId);
    if (!chunks) return 0;
    for (const [chunkId, { at }] of chunks) if (now - at >= LATE_FORGET_MS) chunks.delete(chunkId);
    if (chunks.size === 0) this.byNode.delete(nodeId);
    return chunks.size;
  }
}
