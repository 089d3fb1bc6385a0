// NodeClient: the volunteer node's state machine, shared by the headless CLI and the browser tab.
//   idle → registering → waiting-for-claim | contributing ⇄ reconnecting → stopping → stopped
// Each (re)connection registers (idempotent per key, so a node deleted by the sentinel's
// maintenance comes back), opens the signed WebSocket, announces its free slots and sends a
// heartbeat every 5 minutes. Work arrives as `assign` pushes and is run by the WorkLoop.
import { ENGINE_VERSION } from '@wowlab/sim-core';
import { MAX_PARALLEL_LIMIT, parseServerMessage, WS_CLOSE } from '../protocol/index.ts';
import type { NodeSigner, ServerMessage } from '../protocol/index.ts';
import { Backoff } from './backoff.ts';
import { Emitter } from './emitter.ts';
import { SentinelError, SentinelHttp } from './sentinel-http.ts';
import { AbortedError, sleep, whenAborted } from './sleep.ts';
import { openSocket } from './ws-link.ts';
import { WorkLoop } from './work-loop.ts';
import { RateMeter } from './rate-meter.ts';
import { DEFAULT_TIMINGS } from './types.ts';
import type {
  ClientEvents,
  ClientState,
  ClientStats,
  LogLevel,
  NodeClientOptions,
  NodeClientTimings,
  WebSocketFactory,
  WebSocketLike,
} from './types.ts';
import { NODE_VERSION } from '../version.ts';

export interface StopOptions {
  /** How long running chunks may take to finish before they are handed back (default: stopGraceMs). */
  graceMs?: number;
}

export class NodeClient extends Emitter<ClientEvents> {
  private readonly timings: NodeClientTimings;
  private readonly random: () => number;
  private readonly work: WorkLoop;
  private readonly meter = new RateMeter(60_000);
  private readonly wsFactory: WebSocketFactory;
  private currentState: ClientState = 'idle';
  private signer: NodeSigner | null = null;
  private http: SentinelHttp | null = null;
  private socket: WebSocketLike | null = null;
  private heartbeatTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly stopAbort = new AbortController();
  private graceAbort = new AbortController();
  private loopDone: Promise<void> | null = null;
  private stopDone: Promise<void> | null = null;
  private maxParallel: number;
  /** Bumped by every `claimed` push: a heartbeat answer older than the push must not undo it. */
  private pushes = 0;
  private counters = { done: 0, failed: 0, iterations: 0 };
  private lastStatsAt = 0;

  nodeId: string | null = null;
  claimCode: string | null = null;
  name: string;
  lastError: string | null = null;

  constructor(private readonly opts: NodeClientOptions) {
    super();
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.random = opts.random ?? Math.random;
    this.name = opts.name;
    this.maxParallel = opts.maxParallel ?? opts.pool.size;
    const factory = opts.webSocketFactory ?? defaultWebSocketFactory();
    if (!factory) throw new TypeError('no WebSocket implementation: pass webSocketFactory');
    this.wsFactory = factory;
    this.work = new WorkLoop({
      http: () => this.http!,
      pool: opts.pool,
      parallel: () => Math.max(1, Math.min(this.maxParallel, opts.pool.size)),
      configTtlMs: this.timings.configCacheTtlMs,
      reportBackoff: {
        initialMs: this.timings.reportInitialMs,
        maxMs: this.timings.reportMaxMs,
        jitter: 0.3,
      },
      random: this.random,
      now: () => Date.now(),
      log: (level, msg, fields) => this.log(level, msg, fields),
      onStarted: (ev) => {
        this.emit('chunk-started', ev);
        this.emitStats();
      },
      onFinished: (ev) => this.onChunkFinished(ev),
      onError: (message, where) => this.setError(message, where),
    });
  }

  get state(): ClientState {
    return this.currentState;
  }

  stats(): ClientStats {
    return {
      chunksRunning: this.work.size,
      chunksDone: this.counters.done,
      chunksFailed: this.counters.failed,
      iterationsDone: this.counters.iterations,
      iterationsPerSecond: this.meter.rate(Date.now()),
      jobs: this.work.jobIds(),
    };
  }

  /**
   * Changes how many chunks run at once (the browser tab's worker slider). Takes effect now:
   * waiting chunks start when it grows, running ones finish when it shrinks. The next
   * registration reports it; an owner's setting (heartbeat echo) still overrides it later.
   */
  setMaxParallel(n: number): void {
    if (!Number.isInteger(n) || n < 1 || n > MAX_PARALLEL_LIMIT)
      throw new RangeError(`maxParallel must be an integer from 1 to ${MAX_PARALLEL_LIMIT}, got ${n}`);
    this.maxParallel = n;
    this.work.refill();
    this.sendSlots();
  }

  /** Starts the connection loop; resolves once the first registration succeeded (or the client stopped). */
  start(): Promise<void> {
    if (this.loopDone) throw new Error('NodeClient already started');
    let registered!: () => void;
    const firstRegistration = new Promise<void>((resolve) => (registered = resolve));
    const off = this.on('registered', () => registered());
    this.loopDone = this.connectionLoop().finally(() => {
      off();
      registered();
    });
    return firstRegistration;
  }

  /**
   * Graceful stop: no new work, running chunks finish within the grace period (then they are
   * handed back), the socket closes. Calling it again with `graceMs: 0` cuts the wait short.
   */
  stop(opts: StopOptions = {}): Promise<void> {
    const graceMs = opts.graceMs ?? this.opts.stopGraceMs ?? 30_000;
    if (graceMs <= 0) this.graceAbort.abort();
    if (this.stopDone) return this.stopDone;
    this.stopDone = this.doStop(graceMs);
    return this.stopDone;
  }

  private async doStop(graceMs: number): Promise<void> {
    this.setState('stopping');
    this.stopAbort.abort();
    this.sendSlots();
    const deadline = sleep(graceMs, this.graceAbort.signal).catch(() => undefined);
    await this.work.drain(deadline);
    this.graceAbort.abort(); // releases the deadline timer
    this.clearHeartbeat();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = socket.onmessage = null;
      socket.onerror = () => undefined;
      socket.close(1000, 'node stopping');
    }
    await this.loopDone?.catch(() => undefined);
    this.setState('stopped');
  }

  private async connectionLoop(): Promise<void> {
    const backoff = new Backoff(
      { initialMs: this.timings.reconnectInitialMs, maxMs: this.timings.reconnectMaxMs, jitter: 0.3 },
      this.random,
    );
    const stop = this.stopAbort.signal;
    let first = true;
    while (!stop.aborted) {
      this.setState(first ? 'registering' : 'reconnecting');
      first = false;
      try {
        const closeCode = await this.connectOnce(stop);
        backoff.reset(); // we were connected: start the backoff over
        if (stop.aborted) break;
        if (closeCode === WS_CLOSE.deleted) {
          this.setError('this node was deleted by its owner on the site', 'connect');
          this.log('error', 'the node was deleted on the site; stopping');
          void this.stop({ graceMs: 0 });
          break;
        }
        if (closeCode === WS_CLOSE.replaced) {
          // Another process connected with the same key: two copies would evict each other forever.
          this.setError('another process is running with this node identity', 'connect');
          this.log('error', 'another process connected with this identity; stopping');
          void this.stop({ graceMs: 0 });
          break;
        }
        this.log('warn', 'connection to the sentinel lost; reconnecting');
        this.setState('reconnecting');
      } catch (err) {
        if (stop.aborted) break;
        const fatal = err instanceof SentinelError && !err.retryable && err.status !== 404;
        const limited = err instanceof SentinelError && err.status === 429;
        // `rate-limited:` lets a UI say why it waits instead of a bare "reconnecting"
        this.setError(`${limited ? 'rate-limited: ' : ''}${(err as Error).message}`, 'connect');
        if (fatal) {
          this.log('error', 'the sentinel refused this node; stopping', {
            status: (err as SentinelError).status,
          });
          void this.stop({ graceMs: 0 });
          break;
        }
      }
      const delay = backoff.next();
      this.log('info', `reconnecting in ${(delay / 1000).toFixed(1)} s`);
      try {
        await sleep(delay, stop);
      } catch (err) {
        if (!(err instanceof AbortedError)) throw err;
      }
    }
  }

  /** One connection: register, open the socket, serve it until it closes. */
  private async connectOnce(stop: AbortSignal): Promise<number | null> {
    if (!this.signer) {
      this.signer = await this.opts.keyStore.getOrCreate();
      this.http = new SentinelHttp(
        this.opts.sentinelUrl,
        this.signer,
        this.opts.fetch ?? ((input, init) => fetch(input, init)),
        this.timings.requestTimeoutMs,
      );
    }
    const reg = await this.http!.register({
      kind: this.opts.kind,
      name: this.name,
      maxParallel: this.maxParallel,
      totalCores: this.opts.totalCores ?? this.opts.pool.size,
      platform: (this.opts.platform ?? 'unknown').slice(0, 64),
      version: this.opts.version ?? NODE_VERSION,
      engineVersion: ENGINE_VERSION,
    });
    if (stop.aborted) return null;
    const changed = reg.nodeId !== this.nodeId || reg.claimCode !== this.claimCode;
    this.nodeId = reg.nodeId;
    this.claimCode = reg.claimCode;
    if (changed) this.emit('registered', { nodeId: reg.nodeId, claimCode: reg.claimCode });

    const socket = await openSocket(
      this.wsFactory,
      this.opts.sentinelUrl,
      this.signer,
      this.timings.connectTimeoutMs,
      (data) => this.onSocketMessage(data),
      this.opts.ownJobsOnly === true,
    );
    if (stop.aborted) {
      socket.close(1000, 'node stopping');
      return null;
    }
    this.socket = socket;
    const closed = new Promise<number>((resolve) => {
      socket.onclose = (ev) => {
        if (this.socket === socket) this.socket = null;
        this.log('info', 'socket closed', { code: ev.code, reason: ev.reason || undefined });
        resolve(ev.code);
      };
      socket.onerror = () => undefined; // onclose follows
    });
    this.setState(this.claimCode ? 'waiting-for-claim' : 'contributing');
    this.log('info', 'connected to the sentinel', { nodeId: this.nodeId });
    this.sendSlots();
    // A claim made between the registration and now was pushed to nobody: ask at once.
    if (this.claimCode) void this.heartbeat();
    else this.scheduleHeartbeat();
    // On stop the socket stays open while chunks drain (so they are not reclaimed); doStop closes it.
    const code = await Promise.race([closed, whenAborted(stop).then(() => null)]);
    this.clearHeartbeat();
    return code;
  }

  private onSocketMessage(data: unknown): void {
    const text =
      typeof data === 'string'
        ? data
        : data instanceof ArrayBuffer
          ? new TextDecoder().decode(data)
          : String(data);
    const msg = parseServerMessage(text);
    if (!msg) {
      this.log('warn', 'ignored a malformed message from the sentinel');
      return;
    }
    this.handle(msg);
  }

  private handle(msg: ServerMessage): void {
    switch (msg.type) {
      case 'assign':
        this.log('debug', 'assigned', { chunks: msg.chunks.length });
        this.work.assign(msg.chunks);
        this.emitStats();
        this.sendSlots();
        break;
      case 'cancel':
        this.log('info', 'chunks cancelled by the sentinel', { chunks: msg.chunkIds.length });
        this.work.cancel(msg.chunkIds);
        break;
      case 'claimed':
        this.pushes++;
        this.claimCode = null;
        this.name = msg.name;
        this.maxParallel = msg.maxParallel;
        this.work.refill();
        this.emit('claimed', { userId: msg.userId, name: msg.name, maxParallel: msg.maxParallel });
        this.emit('settings', { name: msg.name, maxParallel: msg.maxParallel });
        if (this.currentState === 'waiting-for-claim') this.setState('contributing');
        this.sendSlots();
        break;
    }
  }

  private sendSlots(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== 1) return;
    try {
      socket.send(JSON.stringify({ type: 'slots', free: this.work.freeSlots() }));
    } catch (err) {
      this.log('warn', 'could not send slots', { error: (err as Error).message });
    }
  }

  private scheduleHeartbeat(): void {
    this.clearHeartbeat();
    const period = this.claimCode ? this.timings.claimPollMs : this.timings.heartbeatMs;
    this.heartbeatTimer = setTimeout(() => void this.heartbeat(), period);
  }

  private clearHeartbeat(): void {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private async heartbeat(): Promise<void> {
    if (!this.socket || this.stopAbort.signal.aborted) return;
    const pushesBefore = this.pushes;
    try {
      const res = await this.http!.heartbeat({
        version: this.opts.version ?? NODE_VERSION,
        engineVersion: ENGINE_VERSION,
        runningChunks: this.work.chunkIds(),
      });
      // a `claimed` push that arrived meanwhile carries newer settings than this answer
      const current = this.pushes === pushesBefore;
      if (current && (res.name !== this.name || res.maxParallel !== this.maxParallel)) {
        this.name = res.name;
        this.maxParallel = res.maxParallel;
        this.work.refill();
        this.emit('settings', { name: res.name, maxParallel: res.maxParallel });
      }
      if (res.claimed && this.claimCode) {
        this.claimCode = null;
        if (res.userId)
          this.emit('claimed', { userId: res.userId, name: res.name, maxParallel: res.maxParallel });
        if (this.currentState === 'waiting-for-claim') this.setState('contributing');
      }
    } catch (err) {
      this.setError((err as Error).message, 'heartbeat');
    }
    if (this.socket) this.scheduleHeartbeat();
  }

  private onChunkFinished(ev: ClientEvents['chunk-finished']): void {
    if (ev.outcome === 'completed') {
      this.counters.done++;
      this.counters.iterations += ev.iterations;
      this.meter.add(Date.now(), ev.iterations);
    } else if (ev.outcome === 'failed') {
      this.counters.failed++;
    }
    this.emit('chunk-finished', ev);
    this.emitStats(true);
    this.sendSlots();
  }

  private emitStats(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastStatsAt < 250) return;
    this.lastStatsAt = now;
    this.emit('stats', this.stats());
  }

  private setState(state: ClientState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.emit('state', state);
  }

  private setError(message: string, where: string): void {
    this.lastError = message;
    this.emit('error', { message, where });
  }

  private log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    this.emit('log', { level, msg, fields });
  }
}

function defaultWebSocketFactory(): WebSocketFactory | null {
  const WS = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
  if (!WS) return null;
  // A browser cannot set upgrade headers: the sentinel also accepts the three signature
  // values as query parameters (the signature covers the URL without them).
  return (url, headers) => {
    const u = new URL(url);
    for (const [name, value] of Object.entries(headers)) u.searchParams.set(name, value);
    return new WS(u.href);
  };
}
