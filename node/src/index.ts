// wowlab-node: the volunteer client. Runtime-agnostic API (browser tab and headless node).
// Node-only parts (worker_threads pool, file key store, CLI) live under ./headless and ./cli.
export { NodeClient } from './client/node-client.ts';
export type { StopOptions } from './client/node-client.ts';
export { DEFAULT_TIMINGS } from './client/types.ts';
export type {
  ChunkOutcome,
  ClientEvents,
  ClientState,
  ClientStats,
  FetchLike,
  KeyStore,
  LogLevel,
  NodeClientOptions,
  NodeClientTimings,
  WebSocketFactory,
  WebSocketLike,
} from './client/types.ts';
export { ChunkRunError } from './client/worker-pool.ts';
export type {
  ChunkErrorKind,
  ChunkTask,
  WorkerPool,
  WorkerRequest,
  WorkerResponse,
} from './client/worker-pool.ts';
export { createChunkWorker, describeError } from './client/chunk-worker.ts';
export { runLocalSim, splitIterations, LOCAL_CHUNK_ITERATIONS } from './client/local-sim.ts';
export type { LocalSimOptions, LocalSimOutcome } from './client/local-sim.ts';
export { LruCache } from './client/lru-cache.ts';
export { Backoff, backoffBase, backoffDelay, RECONNECT_BACKOFF, REPORT_BACKOFF } from './client/backoff.ts';
export type { BackoffOptions } from './client/backoff.ts';
export { SentinelError, SentinelHttp } from './client/sentinel-http.ts';
export { MemoryKeyStore } from './client/memory-key-store.ts';
export { HAND_BACK_ERROR } from './client/work-loop.ts';
export { NODE_VERSION } from './version.ts';
