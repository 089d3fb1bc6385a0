import { afterEach, describe, expect, it } from 'vitest';
import { simulate, specs } from '@wowlab/sim-core';
import { ThreadPool } from '../../src/headless/thread-pool.ts';
import { ChunkRunError } from '../../src/client/worker-pool.ts';
import { runLocalSim, splitIterations } from '../../src/client/local-sim.ts';

const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
let pool: ThreadPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('ThreadPool (worker_threads)', () => {
  it('returns exactly what sim-core returns in this thread', async () => {
    pool = new ThreadPool({ size: 2 });
    const task = { id: 'a', configHash: 'h', seed: 123, seedOffset: 400, iterations: 60 };
    const result = await pool.run(task, config);
    expect(result).toEqual(simulate(config, { seed: 123, seedOffset: 400, iterations: 60 }));
  });

  it('runs `size` chunks at once and queues the rest', async () => {
    pool = new ThreadPool({ size: 2 });
    await pool.warmUp();
    const runs = [0, 1, 2, 3].map((i) =>
      pool!.run({ id: `c${i}`, configHash: 'h', seed: 1, seedOffset: i * 30, iterations: 30 }, config),
    );
    expect(pool.running).toBe(2);
    const results = await Promise.all(runs);
    expect(results.map((r) => r.seedOffset)).toEqual([0, 30, 60, 90]);
    expect(pool.running).toBe(0);
  });

  it('reports an invalid config as invalid-config with sim-core’s problems', async () => {
    pool = new ThreadPool({ size: 1 });
    const bad = { ...config, rotation: 'actions=kill_command\nactions+=/no_such_spell' };
    const err = await pool
      .run({ id: 'x', configHash: 'bad', seed: 1, seedOffset: 0, iterations: 5 }, bad)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ChunkRunError);
    expect((err as ChunkRunError).kind).toBe('invalid-config');
    expect((err as Error).message).toMatch(/no_such_spell/);
  });

  it('cancelling a running chunk kills its worker; the pool keeps working', async () => {
    pool = new ThreadPool({ size: 1 });
    await pool.warmUp();
    const long = pool
      .run({ id: 'long', configHash: 'h', seed: 1, seedOffset: 0, iterations: 50_000 }, config)
      .catch((e: unknown) => e);
    const queued = pool
      .run({ id: 'queued', configHash: 'h', seed: 1, seedOffset: 0, iterations: 10 }, config)
      .catch((e: unknown) => e);
    const next = pool.run({ id: 'next', configHash: 'h', seed: 1, seedOffset: 10, iterations: 10 }, config);
    expect(pool.cancel('queued')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    expect(pool.cancel('long')).toBe(true);
    const err = await long;
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect((err as ChunkRunError).kind).toBe('cancelled');
    expect(((await queued) as ChunkRunError).kind).toBe('cancelled');
    expect((await next).seedOffset).toBe(10);
    expect(pool.cancel('nope')).toBe(false);
  });

  it('close() rejects queued and running chunks', async () => {
    pool = new ThreadPool({ size: 1 });
    const a = pool.run({ id: 'a', configHash: 'h', seed: 1, seedOffset: 0, iterations: 50_000 }, config);
    const b = pool.run({ id: 'b', configHash: 'h', seed: 1, seedOffset: 0, iterations: 10 }, config);
    const errors = Promise.all([a, b].map((p) => p.catch((e: unknown) => e)));
    await pool.close();
    for (const e of await errors) expect((e as ChunkRunError).kind).toBe('cancelled');
    expect(
      (
        (await pool
          .run({ id: 'c', configHash: 'h', seed: 1, seedOffset: 0, iterations: 1 }, config)
          .catch((e) => e)) as ChunkRunError
      ).kind,
    ).toBe('cancelled');
  });

  it('rejects a nonsensical size', () => {
    expect(() => new ThreadPool({ size: 0 })).toThrow(RangeError);
  });
});

describe('local sim', () => {
  it('splits like create_job: chunks of 1,000, last one the remainder', () => {
    expect(splitIterations(2_500)).toEqual([
      { seedOffset: 0, iterations: 1_000 },
      { seedOffset: 1_000, iterations: 1_000 },
      { seedOffset: 2_000, iterations: 500 },
    ]);
    expect(splitIterations(1)).toEqual([{ seedOffset: 0, iterations: 1 }]);
    expect(() => splitIterations(0)).toThrow(RangeError);
  });

  it('merged chunks equal the chunks simulated directly', async () => {
    pool = new ThreadPool({ size: 2 });
    const progress: number[] = [];
    const { chunks } = await runLocalSim(pool, config, {
      iterations: 250,
      seed: 9,
      chunkIterations: 100,
      onProgress: (done) => progress.push(done),
    });
    expect(chunks).toEqual([
      simulate(config, { seed: 9, seedOffset: 0, iterations: 100 }),
      simulate(config, { seed: 9, seedOffset: 100, iterations: 100 }),
      simulate(config, { seed: 9, seedOffset: 200, iterations: 50 }),
    ]);
    expect(progress.at(-1)).toBe(250);
  });
});
