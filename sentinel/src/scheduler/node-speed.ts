// Each node's measured speed, and the deadline of an assignment that follows from it. A chunk's
// cost is sim-core's estimate (work per iteration × iterations, cost/estimate.ts); a node's speed
// is the work per second of wall time its accepted results took (assignment to answer), smoothed.
// deadline = cost ÷ speed × slack, between a floor and a cap, so a slow but honest node gets a
// proportionally longer deadline and a fast node that stalls is reclaimed soon. A node not
// measured yet is assumed a fraction of a median core. Speeds are per node: what one node
// reports (a cheater answering at once) moves only its own deadlines. Kept per instance.
import { COST_LIMITS, JOB_CHUNK_ITERATIONS } from '@wowlab/sim-core';

/** A node not measured yet is assumed to run at this share of a median core (browsers, old CPUs). */
export const UNMEASURED_CORE_SHARE = 0.25;
/** No measurement counts for more than this many median cores (one chunk runs on one core). */
export const MAX_CORE_RATIO = 8;
/** Weight of a faster measurement; a slower one is taken at once (deadlines lengthen first). */
export const SPEED_SMOOTHING = 0.25;
/** The work of one iteration whose config this instance has not estimated: the costliest admitted. */
export const UNKNOWN_WORK_PER_ITERATION =
  (COST_LIMITS.maxChunkSeconds * COST_LIMITS.workPerSecondMedianCore) / JOB_CHUNK_ITERATIONS;
const MAX_TRACKED_NODES = 100_000;

export interface DeadlineRule {
  /** Deadline = cost ÷ speed × slack, … */
  slack: number;
  /** … at least this (latency, fetching the config, a tab in the background) … */
  minMs: number;
  /** … and at most this. */
  maxMs: number;
}

/**
 * The deadline of a chunk of `work` (engine events + rotation lines, as sim-core counts them) on
 * a node doing `workPerSecond` (undefined: not measured yet).
 */
export function deadlineMs(work: number, workPerSecond: number | undefined, rule: DeadlineRule): number {
  const speed = workPerSecond ?? COST_LIMITS.workPerSecondMedianCore * UNMEASURED_CORE_SHARE;
  const ms = Math.ceil((work / speed) * rule.slack * 1000);
  return Math.min(rule.maxMs, Math.max(rule.minMs, ms));
}

export class NodeSpeeds {
  /** node id → work per second of wall time. */
  private readonly byNode = new Map<string, number>();

  /** An accepted result of `work` that took `ms` from assignment to answer on `nodeId`. */
  record(nodeId: string, work: number, ms: number): void {
    if (!(work > 0) || !Number.isFinite(ms)) return;
    const sample = Math.min(
      (work / Math.max(1, ms)) * 1000,
      COST_LIMITS.workPerSecondMedianCore * MAX_CORE_RATIO,
    );
    const before = this.byNode.get(nodeId);
    if (before === undefined && this.byNode.size >= MAX_TRACKED_NODES) this.byNode.clear();
    this.byNode.set(
      nodeId,
      before === undefined || sample < before ? sample : before + SPEED_SMOOTHING * (sample - before),
    );
  }

  /** Work per second, undefined while not measured. */
  speed(nodeId: string): number | undefined {
    return this.byNode.get(nodeId);
  }
}
