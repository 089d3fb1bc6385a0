// Runs a whole simulation locally on a worker pool: the iterations are split exactly like a
// job's chunks (seed_offset = index · chunkSize), run in parallel, and merged with sim-core.
// The result is therefore identical to what the sentinel would aggregate for the same seed.
import { JOB_CHUNK_ITERATIONS, mergeResults } from '@wowlab/sim-core';
import type { ChunkResult, JobResult } from '@wowlab/sim-core';
import type { ChunkTask, WorkerPool } from './worker-pool.ts';

/** A local run splits like a job (sim-core's JOB_CHUNK_ITERATIONS), so both merge the same chunks. */
export const LOCAL_CHUNK_ITERATIONS = JOB_CHUNK_ITERATIONS;
export const MAX_LOCAL_ITERATIONS = 10_000_000;

// Each run gets its own cache key, so a pool never reuses another run's parsed config.
let runCounter = 0;

export interface LocalSimOptions {
  iterations: number;
  seed: number;
  chunkIterations?: number;
  /** Called after every finished chunk. */
  onProgress?: (done: number, total: number) => void;
}

export interface LocalSimOutcome {
  result: JobResult;
  chunks: ChunkResult[];
}

/** The chunk layout used for `iterations` iterations (same rule as the database's create_job). */
export function splitIterations(
  iterations: number,
  chunkIterations = LOCAL_CHUNK_ITERATIONS,
): Array<{
  seedOffset: number;
  iterations: number;
}> {
  if (!Number.isSafeInteger(iterations) || iterations < 1)
    throw new RangeError('iterations must be a positive integer');
  if (!Number.isSafeInteger(chunkIterations) || chunkIterations < 1)
    throw new RangeError('invalid chunk size');
  const parts: Array<{ seedOffset: number; iterations: number }> = [];
  for (let offset = 0; offset < iterations; offset += chunkIterations) {
    parts.push({ seedOffset: offset, iterations: Math.min(chunkIterations, iterations - offset) });
  }
  return parts;
}

export async function runLocalSim(
  pool: WorkerPool,
  config: unknown,
  opts: LocalSimOptions,
): Promise<LocalSimOutcome> {
  if (opts.iterations > MAX_LOCAL_ITERATIONS)
    throw new RangeError(`at most ${MAX_LOCAL_ITERATIONS} iterations`);
  const parts = splitIterations(opts.iterations, opts.chunkIterations);
  const chunks: ChunkResult[] = new Array(parts.length);
  let done = 0;
  const configHash = `local:${++runCounter}`;
  const ids: string[] = [];
  try {
    await Promise.all(
      parts.map(async (part, index) => {
        const task: ChunkTask = { id: `local-${index}`, configHash, seed: opts.seed, ...part };
        ids.push(task.id);
        const result = await pool.run(task, config);
        chunks[index] = result;
        done += part.iterations;
        opts.onProgress?.(done, opts.iterations);
      }),
    );
  } catch (err) {
    for (const id of ids) pool.cancel(id);
    throw err;
  }
  return { result: mergeResults(chunks), chunks };
}
