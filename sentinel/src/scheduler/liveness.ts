// A closed socket starts a grace timer; if the node is not seen again (on any instance)
// before it fires, its running chunks go back to pending.
import type { FastifyBaseLogger } from 'fastify';
import type { SentinelConfig } from '../config.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { markDisconnected } from '../db/nodes.ts';
import type { Db } from '../db/pool.ts';
import { reclaimDisconnectedNode, type ReclaimResult } from '../db/reclaim.ts';
import type { SentinelEvents } from '../events.ts';

export class Liveness {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly deps: {
      db: Db;
      config: SentinelConfig;
      events: SentinelEvents;
      log: FastifyBaseLogger;
      wake: () => void;
    },
  ) {}

  /** The node's socket is open again here: keep its chunks. */
  connected(nodeId: string): void {
    const t = this.timers.get(nodeId);
    if (t) clearTimeout(t);
    this.timers.delete(nodeId);
  }

  async disconnected(nodeId: string): Promise<void> {
    if (this.stopped) return;
    const at = await markDisconnected(this.deps.db, nodeId);
    if (!at || this.stopped) return;
    this.connected(nodeId);
    const timer = setTimeout(() => {
      this.timers.delete(nodeId);
      this.reclaim(nodeId, at).catch((err) => this.deps.log.error({ err, nodeId }, 'reclaim failed'));
    }, this.deps.config.reconnectGraceMs);
    timer.unref();
    this.timers.set(nodeId, timer);
  }

  private async reclaim(nodeId: string, at: string): Promise<void> {
    const { maxChunkAttempts, trust } = this.deps.config;
    const result = await reclaimDisconnectedNode(this.deps.db, nodeId, at, {
      maxAttempts: maxChunkAttempts,
      trust,
    });
    await settleReclaim(this.deps, result);
    if (result.reclaimed > 0)
      this.deps.log.info({ nodeId, chunks: result.reclaimed }, 'node did not come back; chunks reclaimed');
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Emits the metrics event, fails jobs whose chunk ran out of attempts, wakes the scheduler. */
export async function settleReclaim(
  deps: { db: Db; config: SentinelConfig; events: SentinelEvents; wake: () => void },
  result: ReclaimResult,
): Promise<void> {
  if (result.reclaimed === 0) return;
  deps.events.emit('chunksReclaimed', { count: result.reclaimed });
  if (result.exhausted.length > 0) {
    const failures = result.exhausted.map((e) => ({
      jobId: e.jobId,
      error: `chunk ${e.chunkId} was lost ${deps.config.maxChunkAttempts} times (nodes vanished)`,
    }));
    const failed = await failJobs(deps.db, failures);
    for (const jobId of failed) deps.events.emit('jobFailed', { jobId, error: failures[0]!.error });
  }
  deps.wake();
}
