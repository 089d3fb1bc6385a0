// WebWorkerPool with in-process "workers" (Comlink over a MessageChannel): dispatch, queueing,
// resize, cancel and crash handling — the browser tests cover real Web Workers.
import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { ChunkRunError } from 'wowlab-node';
import type { ChunkTask, WorkerRequest, WorkerResponse } from 'wowlab-node';
import type { ChunkResult } from '@wowlab/sim-core';
import { WebWorkerPool } from './worker-pool';

/** A worker whose chunks finish when the test says so. */
class FakeWorker extends EventTarget {
  static all: FakeWorker[] = [];
  readonly port: MessagePort;
  terminated = false;
  readonly pending = new Map<number, (r: WorkerResponse) => void>();
  readonly seen: WorkerRequest[] = [];

  constructor() {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    expose(
      {
        run: (req: WorkerRequest) =>
          new Promise<WorkerResponse>((resolve) => {
            this.seen.push(req);
            this.pending.set(req.id, resolve);
          }),
        ping: () => 'pong',
      },
      port2,
    );
    FakeWorker.all.push(this);
  }

  postMessage(msg: unknown, transfer?: Transferable[]): void {
    this.port.postMessage(msg, transfer ?? []);
  }
  override addEventListener(type: string, cb: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.addEventListener('message', cb as EventListener);
    else super.addEventListener(type, cb);
    this.port.start();
  }
  override removeEventListener(type: string, cb: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.removeEventListener('message', cb as EventListener);
    else super.removeEventListener(type, cb);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  finish(id: number, result: ChunkResult): void {
    this.pending.get(id)!({ type: 'result', id, result });
  }
  fail(id: number, kind: 'invalid-config' | 'sim-error', message: string): void {
    this.pending.get(id)!({ type: 'error', id, kind, message });
  }
  crash(): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
  }
}

const factory = () => new FakeWorker() as unknown as Worker;
const live = () => FakeWorker.all.filter((w) => !w.terminated);
const task = (i: number): ChunkTask => ({
  id: `c${i}`,
  configHash: 'h',
  seed: 1,
  seedOffset: i * 10,
  iterations: 10,
});
const result = (seedOffset: number) =>
  ({
    seedOffset,
    iterations: 10,
    n: 10,
    mean: 1,
    m2: 0,
    min: 1,
    max: 1,
    samples: [],
    abilities: {},
  }) as unknown as ChunkResult;

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}

afterEach(() => {
  FakeWorker.all = [];
});

describe('WebWorkerPool', () => {
  it('starts one worker per slot up front and runs chunks in parallel, queueing the rest', async () => {
    const pool = new WebWorkerPool(2, factory);
    expect(pool.workers).toBe(2);
    const runs = [0, 1, 2].map((i) => pool.run(task(i), { any: 'config' }));
    await until(() => FakeWorker.all.reduce((n, w) => n + w.seen.length, 0) === 2);
    const [a, b] = FakeWorker.all;
    expect(a!.seen[0]).toMatchObject({ type: 'run', seedOffset: 0, config: { any: 'config' } });
    a!.finish(a!.seen[0]!.id, result(0));
    expect(await runs[0]).toMatchObject({ seedOffset: 0 });
    await until(() => a!.seen.length === 2); // the queued chunk goes to the free worker
    b!.finish(b!.seen[0]!.id, result(10));
    a!.finish(a!.seen[1]!.id, result(20));
    expect((await Promise.all(runs)).map((r) => r.seedOffset)).toEqual([0, 10, 20]);
    await pool.close();
    expect(live()).toHaveLength(0);
  });

  it('maps worker errors to ChunkRunError kinds', async () => {
    const pool = new WebWorkerPool(1, factory);
    const run = pool.run(task(0), {});
    await until(() => FakeWorker.all[0]!.seen.length === 1);
    const w = FakeWorker.all[0]!;
    w.fail(w.seen[0]!.id, 'invalid-config', 'bad talent');
    await expect(run).rejects.toMatchObject({ kind: 'invalid-config', message: 'bad talent' });
    await pool.close();
  });

  it('cancels a running chunk by terminating its worker and replaces it', async () => {
    const pool = new WebWorkerPool(1, factory);
    const run = pool.run(task(0), {});
    await until(() => FakeWorker.all[0]!.seen.length === 1);
    expect(pool.cancel('c0')).toBe(true);
    await expect(run).rejects.toBeInstanceOf(ChunkRunError);
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(live()).toHaveLength(1);
    expect(pool.cancel('nope')).toBe(false);
    await pool.close();
  });

  it('rejects the chunk of a crashed worker and starts a new one', async () => {
    const pool = new WebWorkerPool(1, factory);
    const run = pool.run(task(0), {});
    await until(() => FakeWorker.all[0]!.seen.length === 1);
    FakeWorker.all[0]!.crash();
    await expect(run).rejects.toMatchObject({ kind: 'worker-crashed' });
    expect(live()).toHaveLength(1);
    expect(live()[0]).not.toBe(FakeWorker.all[0]);
    await pool.close();
  });

  it('grows at once and shrinks as running chunks end', async () => {
    const pool = new WebWorkerPool(2, factory);
    const run = pool.run(task(0), {});
    await until(() => FakeWorker.all.some((w) => w.seen.length === 1));
    pool.resize(4);
    expect(pool.size).toBe(4);
    expect(pool.workers).toBe(4);
    pool.resize(1);
    expect(pool.size).toBe(1);
    expect(pool.workers).toBe(1); // idle workers retired, the busy one stays
    const busy = FakeWorker.all.find((w) => w.seen.length === 1)!;
    expect(busy.terminated).toBe(false);
    busy.finish(busy.seen[0]!.id, result(0));
    await run;
    expect(pool.workers).toBe(1);
    expect(() => pool.resize(0)).toThrow(RangeError);
    await pool.close();
    await expect(pool.run(task(1), {})).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
