// The worker-pool contract shared by the headless node (worker_threads) and the browser tab
// (Web Workers). The client only ever talks to this interface.
import type { ChunkResult } from '@wowlab/sim-core';

/** One unit of work: `iterations` iterations of a job starting at global index `seedOffset`. */
export interface ChunkTask {
  id: string;
  /** Key the pool may use to cache the parsed config (the config hash on the network). */
  configHash: string;
  seed: number;
  seedOffset: number;
  iterations: number;
}

/**
 * Why a chunk did not produce a result:
 * - `invalid-config`: sim-core rejected the config (ConfigError / RotationError) — the job is bad.
 * - `sim-error`: sim-core threw while simulating — a bug, the chunk may be retried elsewhere.
 * - `cancelled`: `cancel(id)` or `close()` stopped it.
 * - `worker-crashed`: the worker died (out of memory, killed).
 */
export type ChunkErrorKind = 'invalid-config' | 'sim-error' | 'cancelled' | 'worker-crashed';

export class ChunkRunError extends Error {
  override readonly name = 'ChunkRunError';
  constructor(
    readonly kind: ChunkErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkerPool {
  /** Number of chunks the pool runs at the same time. */
  readonly size: number;
  /** Runs a chunk; rejects with a ChunkRunError. Chunks beyond `size` wait in a queue. */
  run(chunk: ChunkTask, config: unknown): Promise<ChunkResult>;
  /** Stops a queued or running chunk (its promise rejects with kind `cancelled`). */
  cancel(chunkId: string): boolean;
  /** Cancels everything and releases the workers. */
  close(): Promise<void>;
}

/** The message a worker receives (identical for worker_threads and Web Workers). */
export interface WorkerRequest {
  type: 'run';
  id: number;
  configHash: string;
  config: unknown;
  seed: number;
  seedOffset: number;
  iterations: number;
}

/** The message a worker answers with. */
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ChunkResult }
  | { type: 'error'; id: number; kind: 'invalid-config' | 'sim-error'; message: string };
