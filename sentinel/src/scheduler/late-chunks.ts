// Chunks a node let pass their deadline (reclaimed from it by maintenance) and has not answered
// since. Each one takes a slot of that node until it answers or LATE_FORGET_MS pass, so a node
// that misses deadlines gets fewer new chunks, whatever slot count it declares; a reclaimed chunk
// never goes back to the node that was late on it (the scheduler excludes it like a failure).
// A late answer may still count if the chunk is not done yet (routes/chunks.ts). Kept per
// instance, like the other short-lived scheduling state.

/** How long a missed deadline keeps taking a slot of its node when the node never answers. */
export const LATE_FORGET_MS = 60 * 60_000;
const MAX_TRACKED_NODES = 100_000;

export class LateChunks {
  /** node id → chunk id → when the deadline was missed (ms). */
  private readonly byNode = new Map<string, Map<string, number>>();

  note(nodeId: string, chunkId: string, now: number): void {
    if (this.byNode.size > MAX_TRACKED_NODES) this.byNode.clear();
    let chunks = this.byNode.get(nodeId);
    if (!chunks) this.byNode.set(nodeId, (chunks = new Map()));
    chunks.set(chunkId, now);
  }

  /** True when `nodeId` was late on `chunkId` (and has not answered it since); forgets it. */
  answered(nodeId: string, chunkId: string): boolean {
    const chunks = this.byNode.get(nodeId);
    if (!chunks?.delete(chunkId)) return false;
    if (chunks.size === 0) this.byNode.delete(nodeId);
    return true;
  }

  /** Slots of `nodeId` taken by chunks it was late on (entries older than LATE_FORGET_MS drop). */
  count(nodeId: string, now: number): number {
    const chunks = this.byNode.get(nodeId);
    if (!chunks) return 0;
    for (const [chunkId, at] of chunks) if (now - at >= LATE_FORGET_MS) chunks.delete(chunkId);
    if (chunks.size === 0) this.byNode.delete(nodeId);
    return chunks.size;
  }
}
