// Chunks a node let pass their deadline (reclaimed from it by maintenance) and has not answered
// since. Each one takes a slot of that node until it answers or LATE_FORGET_MS pass, so a node
// that misses deadlines gets fewer new chunks, whatever slot count it declares; a reclaimed chunk
// never goes back to the node that was late on it (the scheduler excludes it like a failure).
// A late answer may still count if the chunk is not done yet (routes/chunks.ts); its node's speed
// is then measured from the first assignment (the chunk was assigned again meanwhile). Kept per
// instance, like the other short-lived scheduling state.

/** How long a missed deadline keeps taking a slot of its node when the node never answers. */
export const LATE_FORGET_MS = 60 * 60_000;
const MAX_TRACKED_NODES = 100_000;

export class LateChunks {
  /** node id → chunk id → when the deadline was missed and when the chunk had been assigned (ms). */
  private readonly byNode = new Map<string, Map<string, { at: number; claimedMs: number }>>();

  note(nodeId: string, chunkId: string, now: number, claimedMs = now): void {
    if (this.byNode.size > MAX_TRACKED_NODES) this.byNode.clear();
    let chunks = this.byNode.get(nodeId);
    if (!chunks) this.byNode.set(nodeId, (chunks = new Map()));
    chunks.set(chunkId, { at: now, claimedMs });
  }

  /**
   * When `nodeId` was late on `chunkId` (and has not answered it since): when the chunk had been
   * assigned to it; else null. Forgets it.
   */
  answered(nodeId: string, chunkId: string): number | null {
    const chunks = this.byNode.get(nodeId);
    const entry = chunks?.get(chunkId);
    if (!chunks || !entry) return null;
    chunks.delete(chunkId);
    if (chunks.size === 0) this.byNode.delete(nodeId);
    return entry.claimedMs;
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
