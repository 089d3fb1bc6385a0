// The chunk work loop: assignments in, results out.
// assign → fetch config (LRU by hash) → wait for a free slot → run on the pool → report
// complete (retried until accepted or not ours) / report fail. Holds at most `capacity` chunks.
import type { ChunkResult } from '@wowlab/sim-core';
import { toWireResult, type ChunkAssignment } from '../protocol/index.ts';
import { Backoff } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { LruCache } from './lru-cache.ts';
import { AbortedError, sleep } from './sleep.ts';
import { ChunkRunError } from './worker-pool.ts';
import type { WorkerPool } from './worker-pool.ts';
import { SentinelError } from './sentinel-http.ts';
import type { SentinelHttp } from './sentinel-http.ts';
import type { ChunkOutcome, ClientEvents, LogLevel } from './types.ts';

export const CONFIG_CACHE_ENTRIES = 1_000;
const CONFIG_FETCH_ATTEMPTS = 5;
export const HAND_BACK_ERROR = 'handed back: the node is stopping';
export const HAND_BACK_FULL = 'handed back: the node already holds more chunks than it announced';

export interface WorkLoopDeps {
  http: () => SentinelHttp;
  pool: WorkerPool;
  /** Chunks that run at once. */
  parallel: () => number;
  configTtlMs: number;
  reportBackoff: BackoffOptions;
  random: () => number;
  now: () => number;
  log: (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;
  onFinished: (ev: ClientEvents['chunk-finished']) => void;
  onStarted: (ev: ClientEvents['chunk-started']) => void;
  onError: (message: string, where: string) => void;
}

type Phase = 'fetching' | 'waiting' | 'running' | 'reporting';

interface Held {
  chunk: ChunkAssignment;
  phase: Phase;
  /** Aborted by cancel / stop: every wait of this chunk ends. */
  abort: AbortController;
  outcome: ChunkOutcome | null;
  done: Promise<void>;
}

export class WorkLoop {
  private readonly held = new Map<string, Held>();
  private readonly configs: LruCache<unknown>;
  private readonly inflightConfigs = new Map<string, Promise<unknown>>();
  private readonly slotWaiters: Array<() => void> = [];
  private running = 0;
  private stopping = false;
  private drained = false;
  /** Chunks pushed during a drain, handed back when it ends. */
  private readonly deferred = new Map<string, ChunkAssignment>();

  constructor(private readonly deps: WorkLoopDeps) {
    this.configs = new LruCache({ maxEntries: CONFIG_CACHE_ENTRIES, ttlMs: deps.configTtlMs, now: deps.now });
  }

  /** Chunks held (fetching, waiting, running or reporting). */
  get size(): number {
    return this.held.size;
  }

  get runningCount(): number {
    return this.running;
  }

  jobIds(): string[] {
    return [...new Set([...this.held.values()].map((h) => h.chunk.jobId))];
  }

  chunkIds(): string[] {
    return [...this.held.keys()];
  }

  /** How many more chunks the node will take: running + prefetched up to twice `parallel`. */
  freeSlots(): number {
    if (this.stopping) return 0;
    return Math.max(0, 2 * this.deps.parallel() - this.held.size);
  }

  assign(chunks: ChunkAssignment[]): void {
    for (const chunk of chunks) {
      if (this.held.has(chunk.id)) continue; // duplicate push
      // While draining, chunks pushed meanwhile are handed back once the drain ends: handing
      // them back at once would let the sentinel push them again to this (still connected)
      // node, and every round trip costs the chunk an attempt until its job fails.
      if (this.stopping && !this.drained) {
        this.deferred.set(chunk.id, chunk);
        continue;
      }
      // The sentinel sends at most the free slots we announced; anything far beyond is handed back.
      if (this.stopping || this.held.size >= 4 * this.deps.parallel()) {
        void this.handBack(chunk, this.stopping ? HAND_BACK_ERROR : HAND_BACK_FULL);
        continue;
      }
      const held: Held = {
        chunk,
        phase: 'fetching',
        abort: new AbortController(),
        outcome: null,
        done: Promise.resolve(),
      };
      this.held.set(chunk.id, held);
      held.done = this.process(held);
    }
  }

  cancel(chunkIds: string[]): void {
    for (const id of chunkIds) {
      const held = this.held.get(id);
      if (!held) continue;
      held.outcome ??= 'cancelled';
      held.abort.abort();
      if (held.phase === 'running') this.deps.pool.cancel(id);
    }
  }

  /**
   * Graceful stop: hand back chunks that have not started, let running ones finish (and be
   * reported) until `deadline` resolves, then cancel the rest and hand them back.
   */
  async drain(deadline: Promise<void>): Promise<void> {
    this.stopping = true;
    for (const h of this.held.values()) {
      if (h.phase === 'fetching' || h.phase === 'waiting') this.stopChunk(h, 'handed-back');
    }
    const all = Promise.all([...this.held.values()].map((h) => h.done));
    await Promise.race([all, deadline]);
    for (const h of this.held.values()) {
      this.stopChunk(h, h.phase === 'reporting' ? 'dropped' : 'handed-back');
    }
    await all;
    this.drained = true;
    const deferred = [...this.deferred.values()];
    this.deferred.clear();
    await Promise.all(deferred.map((chunk) => this.handBack(chunk)));
  }

  private stopChunk(h: Held, outcome: ChunkOutcome): void {
    h.outcome ??= outcome;
    h.abort.abort();
    if (h.phase === 'running') this.deps.pool.cancel(h.chunk.id);
  }

  private async process(h: Held): Promise<void> {
    const { chunk } = h;
    let jobCompleted = false;
    try {
      const config = await this.fetchConfig(h);
      if (config === undefined) return; // not ours any more, or aborted
      h.phase = 'waiting';
      await this.acquireSlot(h.abort.signal);
      h.phase = 'running';
      this.deps.onStarted({ chunkId: chunk.id, jobId: chunk.jobId, iterations: chunk.iterations });
      let result: ChunkResult;
      try {
        result = await this.deps.pool.run(
          {
            id: chunk.id,
            configHash: chunk.configHash,
            seed: chunk.seed,
            seedOffset: chunk.seedOffset,
            iterations: chunk.iterations,
          },
          config,
        );
      } finally {
        this.releaseSlot();
      }
      h.phase = 'reporting';
      jobCompleted = await this.reportComplete(h, result);
    } catch (err) {
      await this.onChunkError(h, err);
    } finally {
      this.held.delete(chunk.id);
      if (h.outcome === 'handed-back') await this.handBack(chunk);
      this.deps.onFinished({
        chunkId: chunk.id,
        jobId: chunk.jobId,
        iterations: chunk.iterations,
        outcome: h.outcome ?? 'dropped',
        jobCompleted,
      });
    }
  }

  private async onChunkError(h: Held, err: unknown): Promise<void> {
    if (h.abort.signal.aborted || err instanceof AbortedError) return; // outcome already set
    if (err instanceof ChunkRunError) {
      if (err.kind === 'cancelled') {
        h.outcome ??= 'cancelled';
        return;
      }
      const reason = err.kind === 'invalid-config' ? 'invalid-config' : 'error';
      this.deps.log('warn', 'chunk failed', {
        chunkId: h.chunk.id,
        jobId: h.chunk.jobId,
        error: err.message,
      });
      await this.reportFail(h, reason, err.message);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    this.deps.onError(message, 'chunk');
    await this.reportFail(h, 'error', message);
  }

  private async fetchConfig(h: Held): Promise<unknown> {
    const hash = h.chunk.configHash;
    const cached = this.configs.get(hash);
    if (cached !== undefined) return cached;
    const backoff = new Backoff(this.deps.reportBackoff, this.deps.random);
    for (let attempt = 1; ; attempt++) {
      try {
        let inflight = this.inflightConfigs.get(hash);
        if (!inflight) {
          inflight = this.loadConfig(hash).finally(() => this.inflightConfigs.delete(hash));
          this.inflightConfigs.set(hash, inflight);
        }
        const config = await inflight;
        if (h.abort.signal.aborted) return undefined;
        return config;
      } catch (err) {
        if (h.abort.signal.aborted) return undefined;
        if (
          err instanceof SentinelError &&
          (err.status === 403 || err.status === 404 || err.status === 409)
        ) {
          // The sentinel no longer gives us this config: the chunk is not ours any more.
          this.deps.log('warn', 'config refused; dropping chunk', {
            chunkId: h.chunk.id,
            status: err.status,
          });
          h.outcome = 'dropped';
          return undefined;
        }
        const retryable = !(err instanceof SentinelError) || err.retryable;
        if (!retryable || attempt >= CONFIG_FETCH_ATTEMPTS) {
          const message = `could not load config ${hash.slice(0, 12)}: ${(err as Error).message}`;
          this.deps.onError(message, 'config');
          await this.reportFail(h, 'error', message);
          return undefined;
        }
        await sleep(backoff.next(), h.abort.signal);
      }
    }
  }

  private async loadConfig(hash: string): Promise<unknown> {
    // The sentinel is trusted to serve the row whose hash the database computed; validation
    // is sim-core's job in the worker (a config it rejects is reported as invalid-config).
    const res = await this.deps.http().getConfig(hash);
    this.configs.set(hash, res.config);
    return res.config;
  }

  /** Reports a result; retries until the sentinel answers. Returns whether the job completed. */
  private async reportComplete(h: Held, result: ChunkResult): Promise<boolean> {
    const backoff = new Backoff(this.deps.reportBackoff, this.deps.random);
    const wire = toWireResult(result);
    for (;;) {
      try {
        const res = await this.deps.http().complete(h.chunk.id, wire);
        h.outcome = res.accepted ? 'completed' : 'not-accepted';
        if (!res.accepted)
          this.deps.log('info', 'result not accepted (chunk no longer ours)', { chunkId: h.chunk.id });
        return res.jobCompleted;
      } catch (err) {
        if (err instanceof SentinelError && !err.retryable) {
          h.outcome = 'not-accepted';
          this.deps.log('warn', 'result refused', {
            chunkId: h.chunk.id,
            status: err.status,
            error: err.message,
          });
          return false;
        }
        this.deps.log('warn', 'reporting result failed; retrying', {
          chunkId: h.chunk.id,
          error: (err as Error).message,
        });
        await sleep(backoff.next(), h.abort.signal);
      }
    }
  }

  private async reportFail(h: Held, reason: 'error' | 'invalid-config', error: string): Promise<void> {
    h.outcome ??= 'failed';
    const backoff = new Backoff(this.deps.reportBackoff, this.deps.random);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.http().fail({ chunkId: h.chunk.id, reason, error: error.slice(0, 4000) || 'error' });
        return;
      } catch (err) {
        if ((err instanceof SentinelError && !err.retryable) || attempt >= CONFIG_FETCH_ATTEMPTS) {
          this.deps.log('warn', 'reporting failure failed', {
            chunkId: h.chunk.id,
            error: (err as Error).message,
          });
          return;
        }
        try {
          await sleep(backoff.next(), h.abort.signal);
        } catch {
          return;
        }
      }
    }
  }

  /** Gives a chunk back unrun so another node runs it (not counted as a failed attempt). */
  private async handBack(chunk: ChunkAssignment, error = HAND_BACK_ERROR): Promise<void> {
    try {
      await this.deps.http().fail({ chunkId: chunk.id, reason: 'handed-back', error });
    } catch (err) {
      this.deps.log('warn', 'handing back failed (the sentinel will reclaim it)', {
        chunkId: chunk.id,
        error: (err as Error).message,
      });
    }
  }

  private acquireSlot(signal: AbortSignal): Promise<void> {
    if (this.running < this.deps.parallel() && this.slotWaiters.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        this.running++;
        resolve();
      };
      const onAbort = () => {
        const i = this.slotWaiters.indexOf(grant);
        if (i >= 0) this.slotWaiters.splice(i, 1);
        reject(new AbortedError());
      };
      this.slotWaiters.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaseSlot(): void {
    this.running--;
    this.refill();
  }

  /** Starts waiting chunks while slots are free (after a release, or when `parallel()` grew). */
  refill(): void {
    while (this.running < this.deps.parallel() && this.slotWaiters.length > 0) this.slotWaiters.shift()!();
  }
}
