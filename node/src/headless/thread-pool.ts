// WorkerPool on Node worker_threads: one worker per slot, created lazily and reused.
// A running chunk is cancelled by terminating its worker (sim-core runs synchronously);
// the slot gets a fresh worker on its next chunk.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ChunkResult } from '@wowlab/sim-core';
import { ChunkRunError } from '../client/worker-pool.ts';
import type { ChunkTask, WorkerPool, WorkerRequest, WorkerResponse } from '../client/worker-pool.ts';
import { workerSpawnSpec } from './worker-url.ts';

export interface ThreadPoolOptions {
  /** Number of worker threads (default: all cores but one, at least 1). */
  size?: number;
}

interface Job {
  chunk: ChunkTask;
  config: unknown;
  resolve(result: ChunkResult): void;
  reject(err: ChunkRunError): void;
}

interface Slot {
  worker: Worker | null;
  /** Resolves when the worker has loaded sim-core and said `ready`. */
  ready: Promise<void> | null;
  job: Job | null;
  requestId: number;
}

export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class ThreadPool implements WorkerPool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextRequestId = 1;
  private closed = false;

  constructor(opts: ThreadPoolOptions = {}) {
    const size = opts.size ?? defaultThreadCount();
    if (!Number.isInteger(size) || size < 1 || size > 1024)
      throw new RangeError(`invalid thread count: ${size}`);
    this.size = size;
    this.slots = Array.from({ length: size }, () => ({ worker: null, ready: null, job: null, requestId: 0 }));
  }

  /** Number of chunks currently executing. */
  get running(): number {
    return this.slots.filter((s) => s.job !== null).length;
  }

  /** Starts every worker now (otherwise they start with their first chunk). */
  async warmUp(): Promise<void> {
    await Promise.all(
      this.slots.map((slot) => {
        this.ensureWorker(slot);
        return slot.ready;
      }),
    );
  }

  run(chunk: ChunkTask, config: unknown): Promise<ChunkResult> {
    if (this.closed) return Promise.reject(new ChunkRunError('cancelled', 'worker pool is closed'));
    return new Promise<ChunkResult>((resolve, reject) => {
      this.queue.push({ chunk, config, resolve, reject });
      this.dispatch();
    });
  }

  cancel(chunkId: string): boolean {
    const queued = this.queue.findIndex((j) => j.chunk.id === chunkId);
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1);
      job!.reject(new ChunkRunError('cancelled', `chunk ${chunkId} cancelled`));
      return true;
    }
    const slot = this.slots.find((s) => s.job?.chunk.id === chunkId);
    if (!slot) return false;
    this.abortSlot(slot, new ChunkRunError('cancelled', `chunk ${chunkId} cancelled`));
    this.dispatch();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ChunkRunError('cancelled', 'worker pool closed'));
    const exits: Promise<unknown>[] = [];
    for (const slot of this.slots) {
      slot.job?.reject(new ChunkRunError('cancelled', 'worker pool closed'));
      slot.job = null;
      if (slot.worker) exits.push(slot.worker.terminate());
      slot.worker = null;
      slot.ready = null;
    }
    await Promise.all(exits);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.requestId = this.nextRequestId++;
      const req: WorkerRequest = {
        type: 'run',
        id: slot.requestId,
        configHash: job.chunk.configHash,
        config: job.config,
        seed: job.chunk.seed,
        seedOffset: job.chunk.seedOffset,
        iterations: job.chunk.iterations,
      };
      // Messages posted before the worker has loaded are buffered by its port.
      this.ensureWorker(slot).postMessage(req);
    }
  }

  private ensureWorker(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const { url, execArgv } = workerSpawnSpec();
    const worker = new Worker(url, { execArgv });
    slot.worker = worker;
    let markReady!: () => void;
    slot.ready = new Promise<void>((resolve) => (markReady = resolve));
    worker.on('message', (msg: WorkerResponse) => {
      if (msg.type === 'ready') markReady();
      else this.onMessage(slot, worker, msg);
    });
    const gone = (reason: string) => {
      markReady();
      this.onWorkerGone(slot, worker, reason);
    };
    worker.on('error', (err) => gone(`worker failed: ${err.message}`));
    worker.on('exit', (code) => gone(`worker exited with code ${code}`));
    return worker;
  }

  private onMessage(slot: Slot, worker: Worker, msg: Exclude<WorkerResponse, { type: 'ready' }>): void {
    if (slot.worker !== worker) return;
    const job = slot.job;
    if (!job || msg.id !== slot.requestId) return;
    slot.job = null;
    if (msg.type === 'result') job.resolve(msg.result);
    else job.reject(new ChunkRunError(msg.kind, msg.message));
    this.dispatch();
  }

  private onWorkerGone(slot: Slot, worker: Worker, reason: string): void {
    if (slot.worker !== worker) return; // already replaced (terminated on purpose)
    slot.worker = null;
    slot.ready = null;
    const job = slot.job;
    slot.job = null;
    job?.reject(new ChunkRunError('worker-crashed', reason));
    if (!this.closed) this.dispatch();
  }

  private abortSlot(slot: Slot, err: ChunkRunError): void {
    const job = slot.job;
    const worker = slot.worker;
    slot.job = null;
    slot.worker = null;
    slot.ready = null;
    if (worker) void worker.terminate();
    job?.reject(err);
  }
}
