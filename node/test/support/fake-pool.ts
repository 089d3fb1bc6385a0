// A WorkerPool whose chunks finish when the test says so (or after a delay), producing
// well-formed ChunkResults. Used to drive the client state machine precisely.
import type { ChunkResult } from '@wowlab/sim-core';
import { ChunkRunError } from '../../src/client/worker-pool.ts';
import type { ChunkTask, WorkerPool } from '../../src/client/worker-pool.ts';

interface Pending {
  task: ChunkTask;
  config: unknown;
  resolve(r: ChunkResult): void;
  reject(e: ChunkRunError): void;
}

export function fakeResult(task: ChunkTask): ChunkResult {
  const samples = Array.from({ length: task.iterations }, (_, i) => 1000 + ((task.seedOffset + i) % 7));
  let mean = 0;
  let m2 = 0;
  samples.forEach((x, i) => {
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  });
  return {
    engineVersion: '0.1.0',
    seedOffset: task.seedOffset,
    iterations: task.iterations,
    n: task.iterations,
    mean,
    m2,
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples,
    abilities: {
      auto_shot: { damage: 1000 * task.iterations, casts: task.iterations, hits: task.iterations, crits: 0 },
    },
  };
}

export class FakePool implements WorkerPool {
  readonly pending = new Map<string, Pending>();
  readonly started: ChunkTask[] = [];
  readonly cancelled: string[] = [];
  /** When set, chunks finish by themselves after this many ms. */
  autoFinishMs: number | null = null;
  /** Makes the next runs fail with this error. */
  failWith: ChunkRunError | null = null;

  constructor(readonly size: number) {}

  run(task: ChunkTask, config: unknown): Promise<ChunkResult> {
    this.started.push(task);
    return new Promise<ChunkResult>((resolve, reject) => {
      if (this.failWith) return reject(this.failWith);
      this.pending.set(task.id, { task, config, resolve, reject });
      if (this.autoFinishMs !== null) setTimeout(() => this.finish(task.id), this.autoFinishMs);
    });
  }

  finish(id: string): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    this.pending.delete(id);
    p.resolve(fakeResult(p.task));
    return true;
  }

  cancel(id: string): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    this.pending.delete(id);
    this.cancelled.push(id);
    p.reject(new ChunkRunError('cancelled', `chunk ${id} cancelled`));
    return true;
  }

  async close(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.cancel(id);
  }
}
