// Periodic maintenance: reclaim from silent nodes, mark them offline, aggregate jobs whose
// aggregation was lost, delete stale unclaimed nodes and configs, recompute what deleted nodes
// left accepted on trust, refresh the materialized views and drop old chunk results. One
// instance at a time (advisory lock).
import type { FastifyBaseLogger } from 'fastify';
import type { SentinelConfig } from '../config.ts';
import {
  deleteStaleConfigs,
  dropOldChunkResults,
  deleteStaleUnclaimedNodes,
  MAINTENANCE_LOCK_KEY,
  markSilentNodesOffline,
  publicJobCompletedSince,
  refreshStatsViews,
  tryLockMaintenance,
  unlockMaintenance,
} from '../db/maintenance.ts';
import { withClient, withTransaction, type Db, type Queryable } from '../db/pool.ts';
import { aggregateJob, announceAggregation } from '../completion/aggregate.ts';
import { unaggregatedJobs } from '../db/complete-chunk.ts';
import { chunksRunningSince, reclaimOverdue, reclaimSilentNodes } from '../db/reclaim.ts';
import { deleteExpiredRegisterWindows } from '../db/register-windows.ts';
import { deletedNodesToRecompute, forgetDeletedNode } from '../db/deleted-nodes.ts';
import { rerunUnverified } from '../db/trust-nodes.ts';
import { noEffects, type SentinelEvents } from '../events.ts';
import { ConfigCheck } from '../completion/config-check.ts';
import { settleReclaim } from './liveness.ts';
import { deadlineMs, NodeSpeeds, UNKNOWN_WORK_PER_ITERATION, type DeadlineRule } from './node-speed.ts';

/** A chunk reclaimed past its deadline: the late node, when it had it, and what it was. */
export interface OverdueChunk {
  id: string;
  nodeId: string;
  claimedMs: number;
  configHash?: string;
  iterations?: number;
}

/** Chunk results dropped per sweep at most (the rest go in the next ones). */
const RESULT_DROP_LIMIT = 20_000;
/** Deleted nodes whose results are recomputed per sweep at most (the rest in the next ones). */
const DELETED_NODES_PER_SWEEP = 50;

/** A job fully counted this long without its result lost its aggregation (the sentinel died). */
export const AGGREGATION_GRACE_MS = 10_000;

export class Maintenance {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private recomputing: Promise<void> | null = null;
  private lastViewRefresh = 0;

  constructor(
    private readonly deps: {
      db: Db;
      config: SentinelConfig;
      events: SentinelEvents;
      log: FastifyBaseLogger;
      wake: () => void;
      /** Chunks reclaimed past their deadline, with the node that was late (scheduler.noteOverdue). */
      overdue?: (chunks: OverdueChunk[]) => void;
      /** Configs' estimated costs and nodes' measured speeds (the scheduler's): deadlines follow them. */
      configs?: ConfigCheck;
      speeds?: NodeSpeeds;
      aggregationGraceMs?: number;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.deps.config.maintenanceIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.recomputing;
  }

  /**
   * Only the deleted nodes' recomputation (a node_deleted notification), not a whole sweep; one at
   * a time here, and safe beside other instances (each node is taken in its own transaction).
   */
  recomputeDeletedNow(): Promise<void> {
    this.recomputing ??= this.recomputeDeleted(this.deps.db)
      .then(() => undefined)
      .catch((err) => this.deps.log.error({ err }, 'recomputing deleted nodes failed'))
      .finally(() => (this.recomputing = null));
    return this.recomputing;
  }

  /** One sweep (skipped if one is running here or on another instance). */
  runOnce(): Promise<void> {
    this.running ??= this.sweep()
      .catch((err) => this.deps.log.error({ err }, 'maintenance sweep failed'))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<void> {
    const { db, config } = this.deps;
    await withClient(db, async (client) => {
      if (!(await tryLockMaintenance(client, MAINTENANCE_LOCK_KEY))) return;
      try {
        const reclaimed = await reclaimSilentNodes(client, config.heartbeatTimeoutMs, {
          maxAttempts: config.maxChunkAttempts,
          trust: config.trust,
        });
        await settleReclaim(this.deps, reclaimed);
        const overdue = await this.reclaimOverdue(client);
        // each goes to another node, and the late node has a slot less per chunk until it answers
        if (overdue.length > 0) {
          if (this.deps.overdue) this.deps.overdue(overdue);
          else this.deps.wake();
        }
        const aggregated = await this.aggregateLost(client);
        const offline = await markSilentNodesOffline(client, config.heartbeatTimeoutMs);
        const deletedNodes = await deleteStaleUnclaimedNodes(
          client,
          config.unclaimedNodeTtlMs,
          config.heartbeatTimeoutMs,
        );
        const recomputed = await this.recomputeDeleted(client);
        const deletedConfigs = await deleteStaleConfigs(client, config.configTtlMs);
        await deleteExpiredRegisterWindows(client);
        let droppedResults = 0;
        const sinceRefresh = Date.now() - this.lastViewRefresh;
        if (
          sinceRefresh >= config.viewRefreshIntervalMs ||
          (sinceRefresh >= config.viewRefreshAfterJobMs &&
            (await publicJobCompletedSince(client, this.lastViewRefresh)))
        ) {
          // a job completing while the views refresh must trigger the next refresh: count from the start
          const refreshStarted = Date.now();
          await refreshStatsViews(client);
          // as rarely as the views: it scans the finished jobs
          droppedResults = await dropOldChunkResults(client, config.chunkResultTtlMs, RESULT_DROP_LIMIT);
          this.lastViewRefresh = refreshStarted;
        }
        if (overdue.length > 0)
          this.deps.log.warn({ chunks: overdue.length }, 'chunks past their deadline reclaimed');
        if (
          reclaimed.reclaimed ||
          offline ||
          deletedNodes ||
          recomputed ||
          deletedConfigs ||
          aggregated ||
          droppedResults
        )
          this.deps.log.info(
            {
              reclaimed: reclaimed.reclaimed,
              offline,
              deletedNodes,
              recomputed,
              deletedConfigs,
              aggregated,
              droppedResults,
            },
            'maintenance',
          );
      } finally {
        await unlockMaintenance(client, MAINTENANCE_LOCK_KEY);
      }
    });
  }

  /**
   * A node deleted before it was judged counts as caught: what it left accepted on trust on others'
   * jobs since its last verified result is recomputed (active jobs' rows back to pending, completed
   * jobs' published rows rechecked by an arbiter copy each; db/trust-nodes.ts rerunUnverified).
   * One transaction per node. Returns the results sent to be recomputed.
   */
  private async recomputeDeleted(client: Queryable): Promise<number> {
    const nodes = await deletedNodesToRecompute(client, DELETED_NODES_PER_SWEEP);
    let total = 0;
    for (const node of nodes) {
      const out = await withTransaction(this.deps.db, async (tx) => {
        if (!(await forgetDeletedNode(tx, node.id))) return null;
        return rerunUnverified(
          tx,
          { id: node.id, userId: node.userId, quarantined: false, deleted: true },
          [],
        );
      });
      if (!out || out.rerun + out.rechecked === 0) continue;
      total += out.rerun + out.rechecked;
      this.deps.events.emit('trustEffects', { ...noEffects(), rerun: out.rerun, rechecked: out.rechecked });
    }
    if (total > 0) this.deps.wake();
    return total;
  }

  /** Chunks past their deadline (cost ÷ their node's speed × slack, node-speed.ts) go back to pending. */
  private async reclaimOverdue(client: Queryable): Promise<OverdueChunk[]> {
    const { config } = this.deps;
    const rule: DeadlineRule = {
      slack: config.chunkDeadlineSlack,
      minMs: config.chunkDeadlineMinMs,
      maxMs: config.chunkDeadlineMaxMs,
    };
    const running = await chunksRunningSince(client, rule.minMs);
    if (running.length === 0) return [];
    const configs = (this.deps.configs ??= new ConfigCheck());
    const speeds = (this.deps.speeds ??= new NodeSpeeds());
    // configs first seen here (assigned by another instance) are estimated once
    const engineOf = new Map(running.map((c) => [c.configHash, c.engineVersion]));
    await configs.check(client, engineOf.keys(), (h) => engineOf.get(h) ?? '');
    const due = [];
    for (const c of running) {
      const work = (configs.workPerIteration(c.configHash) ?? UNKNOWN_WORK_PER_ITERATION) * c.iterations;
      const ms = deadlineMs(work, speeds.speed(c.nodeId), rule);
      if (c.runningMs >= ms) due.push({ id: c.id, nodeId: c.nodeId, deadlineMs: ms });
    }
    const byId = new Map(running.map((c) => [c.id, c]));
    // with what a late answer's time is measured against (its node's speed)
    return (await reclaimOverdue(client, due)).map((o) => ({
      ...o,
      configHash: byId.get(o.id)?.configHash,
      iterations: byId.get(o.id)?.iterations,
    }));
  }

  private async aggregateLost(client: Queryable): Promise<number> {
    const { db, events } = this.deps;
    let done = 0;
    for (const jobId of await unaggregatedJobs(
      client,
      this.deps.aggregationGraceMs ?? AGGREGATION_GRACE_MS,
    )) {
      const outcome = await withTransaction(db, (c) => aggregateJob(c, jobId));
      announceAggregation(events, jobId, outcome);
      if (outcome.jobCompleted || outcome.failed) done++;
    }
    return done;
  }
}
