// The assignment loop of one instance: woken by NOTIFY pending_chunk, by nodes freeing
// slots and by a tick; one pass at a time (wake-ups during a pass coalesce into one more).
import type { FastifyBaseLogger } from 'fastify';
import type { ChunkAssignment } from 'wowlab-node/protocol';
import type { SentinelConfig } from '../config.ts';
import {
  assignChunks,
  lockCandidateChunks,
  type CandidateFilter,
  type PendingChunk,
} from '../db/claim-chunks.ts';
import { failJobs } from '../db/fail-jobs.ts';
import { dropChunksOfInactiveJobs, runningChunksOfNodes } from '../db/node-chunks.ts';
import { loadNodes, setDraining, touchNodes } from '../db/nodes.ts';
import { withTransaction, type Db } from '../db/pool.ts';
import { readSchedulingPaused, writeSchedulingPaused, type PausedState } from '../db/sentinel-state.ts';
import type { SentinelEvents } from '../events.ts';
import { TrustGate } from './trust-gate.ts';
import { ConfigCheck } from '../completion/config-check.ts';
import type { GuildMembership } from '../guilds/membership.ts';
import { matchChunks, type MatchGate, type MatchNode } from './match.ts';
import type { NodeHub } from './node-hub.ts';
import { LateChunks, type LateRun } from './late-chunks.ts';
import { NodeFailureLimit } from './node-failures.ts';
import { NodeSpeeds } from './node-speed.ts';
import type { CompletedRun } from '../completion/complete.ts';

/** What the Discord bot (and tests) may call: `app.scheduler`. */
export interface SchedulerControls {
  /** Pauses assignment on every instance on the database (the flag is shared, see sentinel-state.ts). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  isPaused(): boolean;
  /** Marks the node draining (no new chunks); false if there is no such node. */
  drain(nodeId: string): Promise<boolean>;
}

export interface SchedulerDeps {
  db: Db;
  hub: NodeHub;
  events: SentinelEvents;
  log: FastifyBaseLogger;
  config: SentinelConfig;
  membership: () => GuildMembership;
}

export class Scheduler implements SchedulerControls {
  readonly configs = new ConfigCheck();
  /** Each node's measured speed: its deadlines follow it (node-speed.ts, run by maintenance). */
  readonly speeds = new NodeSpeeds();
  /** chunk id → nodes it failed on (retry elsewhere when possible). */
  private readonly failedOn = new Map<string, Set<string>>();
  /**
   * chunk id → nodes whose failure of it confirmed nothing (fail.ts `unconfirmed`): never handed it
   * again (TrustGate bars them). The exclusion list keeps the latest OWNER_LIST_MAX + 1 owners
   * (db/fail-chunk.ts), and an avoided node takes a chunk no other may take, so in a larger pool a
   * chunk that fails everywhere went round it for ever, each volunteer running it again and again (failing-rotation.test.ts).
   */
  private readonly unconfirmedOn = new Map<string, Set<string>>();
  /** Per-node failure limit (this instance): recent failure times, and nodes benched until when. */
  private readonly nodeFailures = new NodeFailureLimit();
  /** Chunks reclaimed from nodes past their deadline, not answered since (each takes a slot). */
  private readonly late = new LateChunks();
  /**
   * Admin nodes (platform nodes) seen in the last pass: kept in a pass even when full, since an
   * audit waits for them while one is connected (MatchGate.reserved).
   */
  private admins: ReadonlySet<string> = new Set();
  /**
   * The last pass locked a chunk that nodes failed or lost: full nodes stay in the next pass, as
   * the other nodes it waits for (match.ts avoids the nodes of its failed owners).
   */
  private lostSeen = false;
  private paused = false;
  private pausedVersion = -1;
  /** wake() does nothing before start(): the shared pause flag is read first. */
  private started = false;
  private stopped = false;
  private wanted = false;
  private resyncWanted = false;
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  lastTickAt = Date.now();
  private lastPassAt = 0;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.started = true;
    this.timer = setInterval(() => this.tick(), this.deps.config.tickIntervalMs);
    this.timer.unref();
    this.tick();
  }

  /** Stops assigning and waits for an in-flight pass. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async pause(): Promise<void> {
    this.applyPaused(await writeSchedulingPaused(this.deps.db, true));
  }

  async resume(): Promise<void> {
    this.applyPaused(await writeSchedulingPaused(this.deps.db, false));
  }

  /**
   * Applies the shared flag: as read at start or after a reconnect, as written here, or as
   * NOTIFYed by any instance. These can arrive out of order: an older version is ignored.
   */
  applyPaused(state: PausedState): void {
    if (state.version <= this.pausedVersion) return;
    this.pausedVersion = state.version;
    if (state.paused === this.paused) return;
    this.paused = state.paused;
    this.deps.log.info(state.paused ? 'scheduling paused' : 'scheduling resumed');
    if (!state.paused) this.wake();
  }

  async loadPaused(): Promise<void> {
    this.applyPaused(await readSchedulingPaused(this.deps.db));
  }

  isPaused(): boolean {
    return this.paused;
  }

  async drain(nodeId: string): Promise<boolean> {
    const found = await setDraining(this.deps.db, nodeId);
    const node = this.deps.hub.get(nodeId);
    if (found && node) node.info = { ...node.info, status: 'draining' };
    return found;
  }

  noteFailure(chunkId: string, nodeId: string, unconfirmed = false): void {
    this.nodeFailures.note(nodeId, Date.now());
    this.exclude(chunkId, nodeId);
    if (unconfirmed) addTo(this.unconfirmedOn, chunkId, nodeId);
  }

  /** `chunkId` is not given to `nodeId` again by this instance while another node may take it. */
  private exclude(chunkId: string, nodeId: string): void {
    addTo(this.failedOn, chunkId, nodeId);
  }

  forgetChunk(chunkId: string): void {
    this.failedOn.delete(chunkId);
    this.unconfirmedOn.delete(chunkId);
  }

  /**
   * Chunks reclaimed past their deadline: each goes to another node than the late one, and takes
   * a slot of the late node until it answers (late-chunks.ts).
   */
  noteOverdue(overdue: ReadonlyArray<{ id: string; nodeId: string | null } & Partial<LateRun>>): void {
    const now = Date.now();
    for (const { id, nodeId, claimedMs, configHash, iterations } of overdue) {
      if (!nodeId) continue;
      this.late.note(nodeId, id, now, { claimedMs: claimedMs ?? now, configHash, iterations });
      this.exclude(id, nodeId);
    }
    if (overdue.length > 0) this.wake();
  }

  /** Whether `nodeId` was late on a chunk of `configHash` it has not answered (late-chunks.ts). */
  lateOnConfig(nodeId: string, configHash: string): boolean {
    return this.late.heldConfig(nodeId, configHash);
  }

  /**
   * The node answered `chunkId` (a result or a failure). When it had been late on it: the chunk
   * as it had been assigned to it (its speed is measured from then); else null.
   */
  answeredLate(nodeId: string, chunkId: string): LateRun | null {
    return this.late.answered(nodeId, chunkId);
  }

  /**
   * An accepted result of `nodeId`: its speed is the chunk's estimated work over the time from
   * assignment (`assignedMs`, the first one for a late answer) to now. A config this instance has
   * not estimated (another engine version) measures nothing.
   */
  noteRun(nodeId: string, run: CompletedRun, assignedMs: number | null = run.claimedMs): void {
    const perIteration = this.configs.workPerIteration(run.configHash);
    if (perIteration === undefined || assignedMs === null) return;
    this.speeds.record(nodeId, perIteration * run.iterations, Date.now() - assignedMs);
  }

  /**
   * A late answer refused because another node finished the chunk first (or its job ended): it
   * passed the structural checks, and when it is the size of the chunk the node was late on, its
   * time measures the node all the same. Otherwise a node slower than its default deadline would
   * lose every chunk to faster nodes and never be measured. It came past the deadline, so it can
   * only lengthen its own node's deadlines (up to the cap), never shorten anyone's.
   */
  noteRefusedLate(nodeId: string, late: LateRun, resultIterations: number): void {
    if (late.configHash === undefined || late.iterations !== resultIterations) return;
    this.noteRun(
      nodeId,
      { configHash: late.configHash, iterations: late.iterations, claimedMs: null },
      late.claimedMs,
    );
  }

  tick(): void {
    this.lastTickAt = Date.now();
    this.deps.events.emit('tick', { at: this.lastTickAt });
    this.resyncWanted = true;
    this.wake();
  }

  wake(): void {
    this.wanted = true;
    if (!this.running && this.started && !this.stopped) this.running = this.loop();
  }

  private async loop(): Promise<void> {
    // Yield first: a pass with nothing to await would otherwise finish (and clear
    // `running`) before wake() stores the promise.
    await null;
    try {
      while ((this.wanted || this.resyncWanted) && !this.stopped) {
        this.wanted = false;
        if (this.resyncWanted) {
          this.resyncWanted = false;
          await this.resync();
        }
        if (this.paused) continue;
        // Coalesce bursts of wake-ups (every completion wakes us) into fewer, larger passes.
        const wait = this.lastPassAt + this.deps.config.assignMinIntervalMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        this.lastPassAt = Date.now();
        const full = await this.pass();
        if (full) this.wanted = true;
      }
    } catch (err) {
      this.deps.log.error({ err }, 'scheduler pass failed; the next tick retries');
    } finally {
      this.running = null;
    }
  }

  /** Refreshes connected nodes' settings and held chunks from the database. */
  private async resync(): Promise<void> {
    const { db, hub } = this.deps;
    const ids = hub.ids();
    if (ids.length === 0) return;
    await touchNodes(db, ids);
    const [rows, held] = await Promise.all([loadNodes(db, ids), runningChunksOfNodes(db, ids)]);
    for (const row of rows) {
      const node = hub.get(row.id);
      if (node) node.info = row;
    }
    const heldBy = new Map<string, Map<string, string>>();
    const cancel = new Map<string, string[]>();
    for (const c of held) {
      if (!c.jobActive) {
        const list = cancel.get(c.nodeId) ?? [];
        list.push(c.id);
        cancel.set(c.nodeId, list);
        continue;
      }
      let m = heldBy.get(c.nodeId);
      if (!m) heldBy.set(c.nodeId, (m = new Map()));
      m.set(c.id, c.configHash);
    }
    for (const id of ids) {
      const node = hub.get(id);
      if (node) node.held = heldBy.get(id) ?? new Map();
    }
    if (cancel.size > 0) {
      await dropChunksOfInactiveJobs(db, [...cancel.values()].flat());
      for (const [nodeId, chunkIds] of cancel) hub.send(nodeId, { type: 'cancel', chunkIds });
    }
  }

  /** One assignment pass; true when the batch was full (run again). */
  private async pass(): Promise<boolean> {
    const { db, hub, config, events, log } = this.deps;
    const startedAt = Date.now();
    const nodes: MatchNode[] = [];
    // full nodes matter only as the "other node" a failed or late chunk waits for
    const keepFull = this.failedOn.size > 0 || this.lostSeen;
    let anyFree = false;
    for (const n of hub.assignable()) {
      if (this.nodeFailures.benched(n.id, startedAt)) continue;
      const late = n.free > 0 ? this.late.count(n.id, startedAt) : 0;
      const node = late === 0 ? n : { ...n, free: Math.max(0, n.free - late) };
      anyFree ||= node.free > 0;
      if (node.free > 0 || keepFull || this.admins.has(node.id)) nodes.push(node);
    }
    if (!anyFree) return false;
    const filter = candidateFilter(nodes, config.assignBatchLimit);
    const outcome = await withTransaction(db, async (client) => {
      const gate = await TrustGate.forNodes(client, config.trust, nodes, this.unconfirmedOn);
      this.admins = new Set(gate.admins());
      const chunks = await lockCandidateChunks(client, { ...filter, trust: gate.candidateOwners() });
      this.lostSeen = chunks.some((c) => (c.failedOwners?.length ?? 0) > 0);
      if (chunks.length === 0)
        return { assigned: [] as Array<{ chunk: PendingChunk; nodeId: string }>, full: false };
      const engineOf = new Map(chunks.map((c) => [c.configHash, c.jobEngineVersion]));
      const problems = await this.configs.check(client, engineOf.keys(), (h) => engineOf.get(h) ?? '');
      let runnable = chunks;
      if (problems.size > 0) {
        const failures = new Map<string, string>();
        for (const c of chunks) {
          const problem = problems.get(c.configHash);
          if (problem) failures.set(c.jobId, problem);
        }
        const failed = await failJobs(
          client,
          [...failures].map(([jobId, error]) => ({ jobId, error })),
        );
        for (const jobId of failed) events.emit('jobFailed', { jobId, error: failures.get(jobId) ?? '' });
        runnable = chunks.filter((c) => !problems.has(c.configHash));
      }
      // Work this sentinel could not price (a config of another engine version, which create_job
      // accepts as given) runs on its job owner's own nodes only: a volunteer on that version
      // would otherwise take a cost bomb the bound refuses for every other job
      // (foreign-engine-bomb.test.ts).
      const configs = this.configs;
      const priced: MatchGate = {
        allows: (chunk, node) =>
          (node.userId === chunk.jobUserId || configs.priced(chunk.configHash)) && gate.allows(chunk, node),
        reserved: (chunk, node) => gate.reserved(chunk, node),
        taken: (chunk, node) => gate.taken(chunk, node),
      };
      const matches = matchChunks(
        runnable,
        nodes,
        this.deps.membership(),
        (id) => this.failedOn.get(id),
        priced,
      );
      const pendingJobs = new Set(matches.filter((m) => m.chunk.jobPending).map((m) => m.chunk.jobId));
      const done = await assignChunks(
        client,
        matches.map((m) => m.chunk.id),
        matches.map((m) => m.nodeId),
        [...pendingJobs],
      );
      // more may be waiting (a full batch, or owners' shares all placed) while nodes have room; a
      // batch of which nothing could be placed waits for the next wake-up instead of spinning
      const full = matches.length > 0 && nodes.some((n) => n.free > 0);
      return { assigned: matches.filter((m) => done.has(m.chunk.id)), full };
    });
    if (outcome.assigned.length === 0) return false;
    const byNode = new Map<string, ChunkAssignment[]>();
    for (const { chunk, nodeId } of outcome.assigned) {
      const list = byNode.get(nodeId) ?? [];
      list.push({
        id: chunk.id,
        jobId: chunk.jobId,
        configHash: chunk.configHash,
        iterations: chunk.iterations,
        seedOffset: chunk.seedOffset,
        seed: chunk.seed,
      });
      byNode.set(nodeId, list);
    }
    for (const [nodeId, list] of byNode) {
      if (!hub.assign(nodeId, list))
        log.warn({ nodeId, chunks: list.length }, 'assigned node vanished; chunks wait for reclaim');
    }
    const now = Date.now();
    events.emit('chunksAssigned', {
      count: outcome.assigned.length,
      latenciesMs: outcome.assigned.map((a) => Math.max(0, now - a.chunk.createdMs)),
    });
    return outcome.full;
  }
}

/** Adds `nodeId` to the nodes of `chunkId` (dropped all at once past 100,000 chunks). */
function addTo(map: Map<string, Set<string>>, chunkId: string, nodeId: string): void {
  if (map.size > 100_000) map.clear();
  let set = map.get(chunkId);
  if (!set) map.set(chunkId, (set = new Set()));
  set.add(nodeId);
}

function candidateFilter(nodes: MatchNode[], batchLimit: number): CandidateFilter {
  const engineVersions = new Set<string>();
  const ownerIds = new Set<string>();
  const userTargets = new Set<string>();
  const guildTargets = new Set<string>();
  let anyPublic = false;
  let capacity = 0;
  for (const n of nodes) {
    engineVersions.add(n.engineVersion);
    if (n.userId) ownerIds.add(n.userId);
    for (const u of n.userTargets) userTargets.add(u);
    for (const g of n.guildTargets) guildTargets.add(g);
    anyPublic ||= n.allowsPublic;
    capacity += n.free;
  }
  return {
    engineVersions: [...engineVersions],
    ownerIds: [...ownerIds],
    userTargets: [...userTargets],
    guildTargets: [...guildTargets],
    anyPublic,
    limit: Math.min(capacity, batchLimit),
  };
}
