// Per-node failure limit: a node that reports more than NODE_FAILURE_LIMIT failed chunks within
// NODE_FAILURE_WINDOW_MS gets no work for NODE_BENCH_MS (a broken or griefing node stops
// bouncing chunks). Kept per instance, like the other short-lived scheduling state.

export const NODE_FAILURE_LIMIT = 10;
export const NODE_FAILURE_WINDOW_MS = 10 * 60_000;
export const NODE_BENCH_MS = 10 * 60_000;
const MAX_TRACKED = 100_000;

export class NodeFailureLimit {
  private readonly recent = new Map<string, number[]>();
  private readonly until = new Map<string, number>();

  /** Records a failure reported by `nodeId` at `now`; true when this benches the node. */
  note(nodeId: string, now: number): boolean {
    if (this.recent.size > MAX_TRACKED) this.recent.clear();
    const times = (this.recent.get(nodeId) ?? []).filter((t) => now - t < NODE_FAILURE_WINDOW_MS);
    times.push(now);
    this.recent.set(nodeId, times);
    if (times.length <= NODE_FAILURE_LIMIT) return false;
    this.until.set(nodeId, now + NODE_BENCH_MS);
    this.recent.delete(nodeId);
    return true;
  }

  benched(nodeId: string, now: number): boolean {
    const until = this.until.get(nodeId);
    if (until === undefined) return false;
    if (now < until) return true;
    this.until.delete(nodeId);
    return false;
  }
}
