// A protocol-level test node: real Ed25519 key, signed HTTP, signed WebSocket upgrade, and
// (in auto mode) real sim-core runs of the chunks it is given.
import { simulate, type ChunkResult, type SimConfig } from '@wowlab/sim-core';
import WebSocket from 'ws';
import {
  generateSeed,
  parseServerMessage,
  signerFromSeed,
  signRequest,
  toWireResult,
  type ChunkAssignment,
  type ChunkResultValues,
  type NodeSigner,
  type RegisterRequest,
  WS_SCOPE_OWN,
  WS_SCOPE_PARAM,
} from 'wowlab-node/protocol';
import { ENGINE_VERSION } from '@wowlab/sim-core';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

export interface TestNodeOptions {
  kind?: 'browser' | 'headless';
  maxParallel?: number;
  engineVersion?: string;
  /** auto: simulate and complete every assigned chunk; manual: only record assignments. */
  mode?: 'auto' | 'manual';
  seed?: Uint8Array;
}

export class TestNode {
  nodeId = '';
  claimCode: string | null = null;
  readonly assigned: ChunkAssignment[] = [];
  /** Every chunk id of every `assign` message, re-sends included (a chunk given twice shows twice). */
  readonly received: string[] = [];
  readonly completed: string[] = [];
  readonly cancelled: string[] = [];
  readonly claimedMessages: unknown[] = [];
  /** While true, `assign` messages are dropped unread (a push lost on the way); their chunk ids land in `lost`. */
  loseAssigns = false;
  readonly lost: string[] = [];
  /** Failures of the auto work loop (tests assert it stays empty). */
  readonly errors: unknown[] = [];
  socket: WebSocket | null = null;
  /** Called with every new assignment (a test's scripted node: fail it, hold it...). */
  onAssign: ((chunk: ChunkAssignment) => void) | null = null;
  closeCode: number | null = null;
  private readonly configs = new Map<string, SimConfig>();
  /** Chunks it holds (a manual node: every chunk it was given): a push of one of them is a re-send. */
  private readonly seen = new Set<string>();
  private queue: ChunkAssignment[] = [];
  private working = false;
  private dead = false;

  private constructor(
    public baseUrl: string,
    readonly signer: NodeSigner,
    readonly seed: Uint8Array,
    readonly opts: Required<Omit<TestNodeOptions, 'seed'>>,
  ) {}

  static async create(baseUrl: string, opts: TestNodeOptions = {}): Promise<TestNode> {
    const seed = opts.seed ?? generateSeed();
    const signer = await signerFromSeed(seed);
    const node = new TestNode(baseUrl, signer, seed, {
      kind: opts.kind ?? 'headless',
      maxParallel: opts.maxParallel ?? 2,
      engineVersion: opts.engineVersion ?? ENGINE_VERSION,
      mode: opts.mode ?? 'auto',
    });
    const res = await node.register();
    if (res.status !== 200) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    return node;
  }

  async register(): Promise<HttpResult<{ nodeId: string; claimCode: string | null }>> {
    const body: RegisterRequest = {
      kind: this.opts.kind,
      name: 'test node',
      maxParallel: this.opts.maxParallel,
      totalCores: 4,
      platform: 'linux-x64',
      version: '0.1.0',
      engineVersion: this.opts.engineVersion,
    };
    const res = await this.request<{ nodeId: string; claimCode: string | null }>(
      'POST',
      '/nodes/register',
      body,
    );
    if (res.status === 200) {
      this.nodeId = res.body.nodeId;
      this.claimCode = res.body.claimCode;
    }
    return res;
  }

  /** A signed request; `raw` sends the given text as the body verbatim. */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    opts: { raw?: string; headers?: Record<string, string>; signer?: NodeSigner; ts?: number } = {},
  ): Promise<HttpResult<T>> {
    const text = opts.raw ?? (body === undefined ? '' : JSON.stringify(body));
    const signed = await signRequest(opts.signer ?? this.signer, method, path, text, opts.ts);
    const headers: Record<string, string> = { ...signed, ...opts.headers };
    if (text !== '') headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: text === '' ? undefined : text });
    const payload = await res.text();
    let parsed: unknown = payload;
    try {
      parsed = JSON.parse(payload);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T };
  }

  /** `ownJobsOnly`: the socket takes only its owner's own jobs (`scope=own`, as a tab watching its sim). */
  async connect(opts: { ownJobsOnly?: boolean } = {}): Promise<void> {
    this.dead = false;
    const path = opts.ownJobsOnly ? `/nodes/ws?${WS_SCOPE_PARAM}=${WS_SCOPE_OWN}` : '/nodes/ws';
    const headers = await signRequest(this.signer, 'GET', path, '');
    const ws = new WebSocket(this.baseUrl.replace(/^http/, 'ws') + path, { headers });
    this.socket = ws;
    this.closeCode = null;
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('close', (code) => {
      this.closeCode = code;
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  /** Forgets a chunk it was given: given it again, it sees a new assignment (a node that failed it runs it again). */
  forget(chunkId: string): void {
    this.seen.delete(chunkId);
  }

  private onMessage(text: string): void {
    const msg = parseServerMessage(text);
    if (!msg) throw new Error(`malformed server message: ${text}`);
    if (msg.type === 'assign' && this.loseAssigns) {
      this.lost.push(...msg.chunks.map((c) => c.id));
    } else if (msg.type === 'assign') {
      for (const chunk of msg.chunks) {
        this.received.push(chunk.id);
        if (this.seen.has(chunk.id)) continue; // re-sent (after a reconnect, or not in a heartbeat)
        this.seen.add(chunk.id);
        this.assigned.push(chunk);
        this.onAssign?.(chunk);
        if (this.opts.mode === 'auto') this.queue.push(chunk);
      }
      this.work().catch((err: unknown) => this.errors.push(err));
    } else if (msg.type === 'cancel') {
      this.cancelled.push(...msg.chunkIds);
      for (const c of this.queue) if (msg.chunkIds.includes(c.id)) this.seen.delete(c.id);
      this.queue = this.queue.filter((c) => !msg.chunkIds.includes(c.id));
    } else {
      this.claimedMessages.push(msg);
    }
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      while (this.queue.length > 0 && !this.dead) {
        const chunk = this.queue.shift()!;
        const result = await this.run(chunk).catch((err: unknown) => {
          if (err instanceof ChunkNotOurs) return null;
          throw err;
        });
        if (this.dead) return;
        // like a real node (work-loop.ts): a config refused means the chunk is not ours any more
        if (result !== null) await this.completeWithRetry(chunk.id, result);
        // answered or dropped: like a real node, it runs the chunk again if it is given it again
        // (its answer came past the deadline and was refused, and the chunk came back to it)
        this.seen.delete(chunk.id);
        if (this.socket?.readyState === WebSocket.OPEN)
          this.socket.send(JSON.stringify({ type: 'slots', free: 1 }));
      }
    } finally {
      this.working = false;
    }
  }

  /** Like a real node: a sentinel that is restarting (refused / 503) is retried. */
  private async completeWithRetry(chunkId: string, result: ChunkResultValues): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.complete(chunkId, result);
        if (res.status === 200) return;
        if (res.status < 500 || attempt > 100)
          throw new Error(`complete failed: ${res.status} ${JSON.stringify(res.body)}`);
      } catch (err) {
        if (attempt > 100 || this.dead) throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async fetchConfig(hash: string): Promise<HttpResult<{ hash: string; config: SimConfig }>> {
    return this.request('GET', `/configs/${hash}`);
  }

  async run(chunk: ChunkAssignment): Promise<ChunkResult> {
    let config = this.configs.get(chunk.configHash);
    if (!config) {
      let res = await this.fetchConfig(chunk.configHash).catch(() => null);
      const refused = (r: typeof res) => r !== null && [403, 404, 409].includes(r.status);
      for (let attempt = 0; res?.status !== 200 && !refused(res) && attempt < 100 && !this.dead; attempt++) {
        await new Promise((r) => setTimeout(r, 100)); // sentinel restarting
        res = await this.fetchConfig(chunk.configHash).catch(() => null);
      }
      if (refused(res)) throw new ChunkNotOurs(`config fetch refused: ${res!.status}`);
      if (!res || res.status !== 200) throw new Error(`config fetch failed: ${res?.status}`);
      config = res.body.config;
      this.configs.set(chunk.configHash, config);
    }
    // let other sockets breathe between chunks: the sentinel runs in this same process
    await new Promise((r) => setImmediate(r));
    return simulate(config, { seed: chunk.seed, seedOffset: chunk.seedOffset, iterations: chunk.iterations });
  }

  /** Reports a result as a node does: a sim-core result goes on the wire with its samples encoded. */
  async complete(
    chunkId: string,
    result: ChunkResultValues,
  ): Promise<HttpResult<{ accepted: boolean; jobCompleted: boolean }>> {
    const res = await this.request<{ accepted: boolean; jobCompleted: boolean }>('POST', '/chunks/complete', {
      chunkId,
      result: toWireResult(result),
    });
    if (res.status === 200 && res.body.accepted) this.completed.push(chunkId);
    return res;
  }

  /** Abrupt death: no close handshake, no further completions. */
  kill(): void {
    this.dead = true;
    this.queue = [];
    this.socket?.terminate();
  }

  async close(): Promise<void> {
    this.dead = true;
    const ws = this.socket;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
  }
}

/** The sentinel refused a chunk's config: the chunk was taken back or dropped (a smart sim stopped its run). */
export class ChunkNotOurs extends Error {}
