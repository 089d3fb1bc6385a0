// WorkerPool on Web Workers (Comlink). One worker per slot, all started up front so the pool
// is ready when work arrives. The size can change while running (the worker slider): extra
// workers start at once, surplus ones retire when their current chunk ends. A running chunk is
// cancelled by terminating its worker (sim-core runs synchronously); the slot gets a new one.
import { wrap, type Remote } from 'comlink';
import { ChunkRunError } from 'wowlab-node';
import type { ChunkTask, WorkerPool, WorkerRequest } from 'wowlab-node';
import type { ChunkResult } from '@wowlab/sim-core';
import type { SimWorkerApi } from './sim.worker';

export type WorkerFactory = () => Worker;

export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'wowlab-sim' });

interface Job {
  chunk: ChunkTask;
  config: unknown;
  resolve(result: ChunkResult): void;
  reject(err: ChunkRunError): void;
}

interface Slot {
  worker: Worker;
  api: Remote<SimWorkerApi>;
  job: Job | null;
  requestId: number;
}

export class WebWorkerPool implements WorkerPool {
  private target: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextRequestId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly factory: WorkerFactory = defaultWorkerFactory,
  ) {
    this.target = checkSize(size);
    this.fill();
  }

  /** Chunks run at the same time (the requested size; surplus workers are retiring). */
  get size(): number {
    return this.target;
  }

  /** Live Web Workers (busy or idle). */
  get workers(): number {
    return this.slots.length;
  }

  get busy(): number {
    return this.slots.filter((s) => s.job !== null).length;
  }

  resize(size: number): void {
    this.target = checkSize(size);
    this.fill();
    this.trim();
    this.dispatch();
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
    const job = slot.job!;
    this.kill(slot);
    job.reject(new ChunkRunError('cancelled', `chunk ${chunkId} cancelled`));
    this.fill();
    this.dispatch();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ChunkRunError('cancelled', 'worker pool closed'));
    for (const slot of [...this.slots]) {
      const job = slot.job;
      this.kill(slot);
      job?.reject(new ChunkRunError('cancelled', 'worker pool closed'));
    }
  }

  private fill(): void {
    while (!this.closed && this.slots.length < this.target) this.slots.push(this.spawn());
  }

  /** Retires idle workers above the target (busy ones retire when their chunk ends). */
  private trim(): void {
    for (const slot of [...this.slots]) {
      if (this.slots.length <= this.target) return;
      if (!slot.job) this.kill(slot);
    }
  }

  private spawn(): Slot {
    const worker = this.factory();
    const slot: Slot = { worker, api: wrap<SimWorkerApi>(worker), job: null, requestId: 0 };
    worker.addEventListener('error', (ev) => this.onCrash(slot, `worker failed: ${ev.message || 'error'}`));
    worker.addEventListener('messageerror', () => this.onCrash(slot, 'worker message could not be read'));
    return slot;
  }

  private kill(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.job = null;
    slot.worker.terminate();
  }

  private onCrash(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    const job = slot.job;
    this.kill(slot);
    job?.reject(new ChunkRunError('worker-crashed', reason));
    this.fill();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      const id = (slot.requestId = this.nextRequestId++);
      const req: WorkerRequest = {
        type: 'run',
        id,
        configHash: job.chunk.configHash,
        config: job.config,
        seed: job.chunk.seed,
        seedOffset: job.chunk.seedOffset,
        iterations: job.chunk.iterations,
      };
      slot.api.run(req).then(
        (res) =>
          this.onDone(slot, id, () => {
            if (res.type === 'result') job.resolve(res.result);
            else if (res.type === 'error') job.reject(new ChunkRunError(res.kind, res.message));
            else job.reject(new ChunkRunError('sim-error', 'unexpected worker answer'));
          }),
        (err: unknown) =>
          this.onDone(slot, id, () =>
            job.reject(new ChunkRunError('worker-crashed', err instanceof Error ? err.message : String(err))),
          ),
      );
    }
  }

  private onDone(slot: Slot, id: number, settle: () => void): void {
    if (slot.requestId !== id || !slot.job || !this.slots.includes(slot)) return; // cancelled meanwhile
    slot.job = null;
    settle();
    this.trim();
    this.dispatch();
  }
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > 256)
    throw new RangeError(`invalid worker count: ${size}`);
  return size;
}
