// The tab node itself, run by the one tab that holds the contribution lock: wowlab-node's
// NodeClient over a Web Worker pool, an IndexedDB identity and a query-signed WebSocket.
// Loaded lazily (it pulls in sim-core), so pages that never contribute do not download it.
import { NodeClient, SentinelHttp, NODE_VERSION } from 'wowlab-node';
import type { ClientEvents, ClientState, ClientStats } from 'wowlab-node';
import { ENGINE_VERSION } from '@wowlab/sim-core';
import type { NodeSigner } from 'wowlab-node/protocol';
import { IdbKeyStore } from './key-store';
import { WebWorkerPool, defaultWorkerFactory, type WorkerFactory } from './worker-pool';
import { browserWebSocketFactory } from './browser-ws';

export interface EngineOptions {
  sentinelUrl: string;
  workers: number;
  cores: number;
  name: string;
  platform: string;
  /** Only the player's own jobs (a tab running the sim it shows, not opted in to contribute). */
  ownJobsOnly?: boolean;
  workerFactory?: WorkerFactory;
}

export interface EngineHandlers {
  state(state: ClientState): void;
  registered(ev: { nodeId: string; claimCode: string | null }): void;
  /** Who owns the node (null: a guest node doing public work). */
  owner(userId: string | null): void;
  stats(stats: ClientStats, workers: number): void;
  chunkFinished(ev: ClientEvents['chunk-finished']): void;
  error(message: string): void;
}

export class ContributeEngine {
  readonly keyStore = new IdbKeyStore();
  private readonly pool: WebWorkerPool;
  private readonly client: NodeClient;
  private signer: NodeSigner | null = null;
  private workers: number;
  private readonly offs: Array<() => void> = [];

  constructor(
    private readonly opts: EngineOptions,
    private readonly on: EngineHandlers,
  ) {
    this.workers = opts.workers;
    this.pool = new WebWorkerPool(opts.workers, opts.workerFactory ?? defaultWorkerFactory);
    this.client = new NodeClient({
      sentinelUrl: opts.sentinelUrl,
      keyStore: this.keyStore,
      pool: this.pool,
      kind: 'browser',
      name: opts.name,
      maxParallel: opts.workers,
      totalCores: opts.cores,
      platform: opts.platform,
      webSocketFactory: browserWebSocketFactory,
      fetch: (input, init) => fetch(input, init),
      ownJobsOnly: opts.ownJobsOnly === true,
    });
    const c = this.client;
    this.offs.push(
      c.on('state', (s) => on.state(s)),
      c.on('registered', (r) => {
        on.registered(r);
        void this.learnOwner();
      }),
      c.on('claimed', (ev) => on.owner(ev.userId)),
      c.on('stats', (s) => on.stats(s, this.pool.workers)),
      c.on('chunk-finished', (ev) => on.chunkFinished(ev)),
      c.on('error', (e) => on.error(e.message)),
    );
  }

  get ownJobsOnly(): boolean {
    return this.opts.ownJobsOnly === true;
  }

  get nodeId(): string | null {
    return this.client.nodeId;
  }

  get claimCode(): string | null {
    return this.client.claimCode;
  }

  /** Live Web Workers of this tab. */
  get liveWorkers(): number {
    return this.pool.workers;
  }

  stats(): ClientStats {
    return this.client.stats();
  }

  async start(): Promise<void> {
    this.signer = await this.keyStore.getOrCreate();
    await this.client.start();
  }

  /** Stops: running chunks finish within `graceMs`, then are handed back; workers end. */
  async stop(graceMs: number): Promise<void> {
    try {
      await this.client.stop({ graceMs });
    } finally {
      for (const off of this.offs.splice(0)) off();
      await this.pool.close();
    }
  }

  /** The worker slider: resizes the pool now and tells the sentinel (a guest node re-registers). */
  async setWorkers(n: number): Promise<void> {
    if (n === this.workers) return;
    this.workers = n;
    this.pool.resize(n);
    this.client.setMaxParallel(n);
    this.on.stats(this.client.stats(), this.pool.workers);
    if (this.client.claimCode !== null && this.signer) {
      // Unclaimed: the registration carries max_parallel (an owner's node is updated through the API).
      await this.http().register(this.registration());
    }
  }

  private http(): SentinelHttp {
    if (!this.signer) throw new Error('the node has no key yet');
    return new SentinelHttp(this.opts.sentinelUrl, this.signer, (i, init) => fetch(i, init), 30_000);
  }

  private registration() {
    return {
      kind: 'browser' as const,
      name: this.client.name,
      maxParallel: this.workers,
      totalCores: this.opts.cores,
      platform: this.opts.platform,
      version: NODE_VERSION,
      engineVersion: ENGINE_VERSION,
    };
  }

  private async learnOwner(): Promise<void> {
    try {
      const hb = await this.http().heartbeat({ version: NODE_VERSION, engineVersion: ENGINE_VERSION });
      this.on.owner(hb.userId);
    } catch (err) {
      this.on.error(err instanceof Error ? err.message : String(err));
    }
  }
}
