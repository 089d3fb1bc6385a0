// Public types of the node client: its inputs (key store, transport), its states and events.
import type { NodeKind, NodeSigner, SignedHeaders } from '../protocol/index.ts';

/** Keeps the node's Ed25519 identity (headless: a 0600 file; browser: IndexedDB). */
export interface KeyStore {
  /** The node's signer; the first call creates and persists a new key. */
  getOrCreate(): Promise<NodeSigner>;
}

/** The subset of the WebSocket API the client uses (browser global and `ws` both fit). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Opens a WebSocket with the signed-upgrade headers (the browser variant may move them to the query). */
export type WebSocketFactory = (url: string, headers: SignedHeaders) => WebSocketLike;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type ClientState =
  'idle' | 'registering' | 'waiting-for-claim' | 'contributing' | 'reconnecting' | 'stopping' | 'stopped';

export interface ClientStats {
  /** Chunks executing or queued on the pool. */
  chunksRunning: number;
  /** Chunks whose result the sentinel accepted since start. */
  chunksDone: number;
  chunksFailed: number;
  iterationsDone: number;
  /** Completed iterations per second over the last minute. */
  iterationsPerSecond: number;
  /** Job ids of the chunks currently held. */
  jobs: string[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type ChunkOutcome = 'completed' | 'not-accepted' | 'failed' | 'cancelled' | 'handed-back' | 'dropped';

export interface ClientEvents {
  state: ClientState;
  registered: { nodeId: string; claimCode: string | null };
  claimed: { userId: string; name: string; maxParallel: number };
  settings: { name: string; maxParallel: number };
  'chunk-started': { chunkId: string; jobId: string; iterations: number };
  'chunk-finished': {
    chunkId: string;
    jobId: string;
    iterations: number;
    outcome: ChunkOutcome;
    jobCompleted: boolean;
  };
  stats: ClientStats;
  error: { message: string; where: string };
  log: { level: LogLevel; msg: string; fields?: Record<string, unknown> };
}

export interface NodeClientTimings {
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  heartbeatMs: number;
  /** Heartbeat period while waiting to be claimed (covers a lost `claimed` push). */
  claimPollMs: number;
  reconnectInitialMs: number;
  reconnectMaxMs: number;
  reportInitialMs: number;
  reportMaxMs: number;
  configCacheTtlMs: number;
}

export const DEFAULT_TIMINGS: NodeClientTimings = {
  requestTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  heartbeatMs: 5 * 60_000,
  claimPollMs: 30_000,
  reconnectInitialMs: 1_000,
  reconnectMaxMs: 60_000,
  reportInitialMs: 500,
  reportMaxMs: 30_000,
  configCacheTtlMs: 60 * 60_000,
};

export interface NodeClientOptions {
  /** Base URL of the sentinel, e.g. https://sentinel.example (http → ws for the socket). */
  sentinelUrl: string;
  keyStore: KeyStore;
  pool: import('./worker-pool.ts').WorkerPool;
  kind: NodeKind;
  name: string;
  /** Chunks run at once (≤ pool.size is what actually runs; defaults to pool.size). */
  maxParallel?: number;
  totalCores?: number;
  platform?: string;
  version?: string;
  webSocketFactory?: WebSocketFactory;
  fetch?: FetchLike;
  timings?: Partial<NodeClientTimings>;
  /** [0,1) random source for backoff jitter. */
  random?: () => number;
  /** Default grace period of `stop()`, ms. */
  stopGraceMs?: number;
  /**
   * Take only the owner's own jobs on this connection (a player's tab running the sim they
   * watch, without opting in to anyone else's work). Sent as `?scope=own` on the signed socket.
   */
  ownJobsOnly?: boolean;
}
