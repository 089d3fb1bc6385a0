// Typed domain events, the sentinel's one bus: domain code emits, the metrics plugin, the
// trust counters (and tests) listen. Created by app.ts before any plugin.

/** What judging completions did (completion/judge.ts). */
export interface TrustEffects {
  replicasIssued: number;
  replicatedIterations: number;
  mismatches: number;
  invalidResults: number;
  quarantined: string[];
  rerun: number;
  /** Published results of completed jobs sent for a recheck. */
  rechecked: number;
}

/** Effects of a judging that has done nothing yet (each judging fills its own). */
export function noEffects(): TrustEffects {
  return {
    replicasIssued: 0,
    replicatedIterations: 0,
    mismatches: 0,
    invalidResults: 0,
    quarantined: [],
    rerun: 0,
    rechecked: 0,
  };
}

export interface SentinelEventMap {
  /** `latenciesMs`: chunk created → assign pushed, per chunk. */
  chunksAssigned: { count: number; latenciesMs: number[] };
  chunkCompleted: { chunkId: string; jobId: string; durationMs: number };
  chunksReclaimed: { count: number };
  /** Chunks pushed again to a connected node whose heartbeat did not list them. */
  chunksRepushed: { nodeId: string; count: number };
  /** Chunks a smart stop dropped while nodes were still computing them (to cancel there). */
  chunksDropped: { chunks: Array<{ chunkId: string; nodeId: string }> };
  jobCompleted: { jobId: string };
  jobFailed: { jobId: string; error: string };
  /** What judging a completion did (replicas, mismatches, quarantines…): counters and metrics. */
  trustEffects: TrustEffects;
  /** A recheck changed a completed job's published result (docs/trust.md). */
  jobCorrected: { jobId: string };
  tick: { at: number };
}

type Listener<T> = (payload: T) => void;

export class SentinelEvents {
  private readonly listeners: { [K in keyof SentinelEventMap]?: Listener<SentinelEventMap[K]>[] } = {};

  on<K extends keyof SentinelEventMap>(event: K, listener: Listener<SentinelEventMap[K]>): () => void {
    const list = (this.listeners[event] ??= []) as Listener<SentinelEventMap[K]>[];
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  emit<K extends keyof SentinelEventMap>(event: K, payload: SentinelEventMap[K]): void {
    const list = this.listeners[event] as Listener<SentinelEventMap[K]>[] | undefined;
    if (!list) return;
    for (const listener of list) listener(payload);
  }
}
