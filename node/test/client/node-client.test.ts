// NodeClient against a fake sentinel: real HTTP + WebSocket, signatures verified.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashConfig } from '@wowlab/sim-core';
import { Value } from 'typebox/value';
import { NodeClient } from '../../src/client/node-client.ts';
import { MemoryKeyStore } from '../../src/client/memory-key-store.ts';
import { ChunkRunError, type ChunkTask } from '../../src/client/worker-pool.ts';
import { HAND_BACK_ERROR } from '../../src/client/work-loop.ts';
import type { ClientState, NodeClientOptions } from '../../src/client/types.ts';
import {
  ChunkCompleteRequestSchema,
  decodeSamples,
  type ChunkAssignment,
  type ChunkCompleteRequest,
} from '../../src/protocol/index.ts';
import { nodeWebSocketFactory } from '../../src/headless/ws-factory.ts';
import { FakeSentinel } from '../support/fake-sentinel.ts';
import { FakePool, fakeResult } from '../support/fake-pool.ts';
import { chunkId, testChunk, until } from '../support/client-fixtures.ts';

const CONFIG = { spec: 'bm-hunter', any: 'thing', n: [1, 2, 3] };
let HASH = '';

const chunk = (i: number, over: Partial<ChunkAssignment> = {}) => testChunk(HASH, i, 42, over);

let sentinel: FakeSentinel;
let pool: FakePool;
let client: NodeClient | null;
let states: ClientState[];

/** The sentinel's push when a player claims the node: a new name and max_parallel. */
const CLAIMED = {
  type: 'claimed',
  userId: '99999999-2222-4333-8444-555555555555',
  name: 'renamed',
  maxParallel: 1,
} as const;

function makeClient(over: Partial<NodeClientOptions> = {}): NodeClient {
  client = new NodeClient({
    sentinelUrl: sentinel.url,
    keyStore: new MemoryKeyStore(),
    pool,
    kind: 'headless',
    name: 'test-node',
    webSocketFactory: nodeWebSocketFactory,
    timings: {
      reconnectInitialMs: 20,
      reconnectMaxMs: 200,
      reportInitialMs: 10,
      reportMaxMs: 50,
      connectTimeoutMs: 2_000,
    },
    stopGraceMs: 5_000,
    ...over,
  });
  states = [];
  client.on('state', (s) => states.push(s));
  return client;
}

beforeEach(async () => {
  HASH ||= await hashConfig(CONFIG);
  sentinel = new FakeSentinel();
  sentinel.configs.set(HASH, CONFIG);
  await sentinel.start();
  pool = new FakePool(2);
  client = null;
});

afterEach(async () => {
  await client?.stop({ graceMs: 0 });
  await sentinel.stop();
});

describe('NodeClient state machine', () => {
  it('registers with a signed request, waits for the claim, then contributes', async () => {
    const c = makeClient();
    const registered: Array<{ nodeId: string; claimCode: string | null }> = [];
    c.on('registered', (r) => registered.push(r));
    await c.start();
    await until(() => c.state === 'waiting-for-claim', 'waiting-for-claim');
    expect(registered).toEqual([{ nodeId: sentinel.nodeId, claimCode: 'ABCD-1234' }]);
    const reg = sentinel.callsTo('POST /nodes/register')[0]!;
    expect(reg.body).toMatchObject({
      kind: 'headless',
      name: 'test-node',
      maxParallel: 2,
      engineVersion: expect.any(String),
    });
    expect(sentinel.rejectedRequests).toBe(0);
    await until(() => sentinel.slotsSent().length > 0, 'slots message');
    expect(sentinel.slotsSent()[0]).toBe(4); // 2 running + 2 prefetched

    const claimed: unknown[] = [];
    c.on('claimed', (x) => claimed.push(x));
    sentinel.claimCode = null;
    sentinel.send(CLAIMED);
    await until(() => c.state === 'contributing', 'contributing');
    expect(claimed).toHaveLength(1);
    expect(c.name).toBe('renamed');
    expect(c.claimCode).toBeNull();
    expect(states).toEqual(['registering', 'waiting-for-claim', 'contributing']);
  });

  it('notices a claim through the heartbeat when the push was lost', async () => {
    const c = makeClient({ timings: { claimPollMs: 50 } });
    await c.start();
    await until(() => c.state === 'waiting-for-claim', 'waiting-for-claim');
    sentinel.claimCode = null; // claimed, but no `claimed` message
    sentinel.userId = '99999999-2222-4333-8444-555555555555';
    await until(() => c.state === 'contributing', 'contributing after heartbeat');
    expect(c.claimCode).toBeNull();
    expect(sentinel.callsTo('POST /nodes/heartbeat').length).toBeGreaterThanOrEqual(1);
  });

  it('notices at once a claim made between registering and connecting (no push reached it)', async () => {
    // claimed while the socket was opening: the `claimed` push went to no connected node
    sentinel.handlers.set('POST /nodes/register', () => {
      const body = { nodeId: sentinel.nodeId, claimCode: sentinel.claimCode };
      sentinel.claimCode = null;
      sentinel.userId = '99999999-2222-4333-8444-555555555555';
      return { status: 200, body };
    });
    const c = makeClient(); // the claim poll is 30 s: only an immediate heartbeat is in time
    await c.start();
    await until(() => c.state === 'contributing', 'contributing', 5_000);
    expect(states).toEqual(['registering', 'waiting-for-claim', 'contributing']);
    expect(sentinel.callsTo('POST /nodes/heartbeat')).toHaveLength(1);
  });

  it('a heartbeat answer older than a claimed push does not undo its settings', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // the immediate heartbeat of an unclaimed node is answered only after the push arrived
    sentinel.handlers.set('POST /nodes/heartbeat', async () => {
      await answered;
      return undefined; // the default answer: unclaimed, the registered name and max_parallel
    });
    const c = makeClient();
    await c.start();
    await until(() => sentinel.callsTo('POST /nodes/heartbeat').length === 1, 'heartbeat sent');
    sentinel.send(CLAIMED);
    await until(() => c.state === 'contributing', 'contributing');
    const settings: unknown[] = [];
    c.on('settings', (s) => settings.push(s));
    answer();
    await new Promise((r) => setTimeout(r, 100)); // the stale answer is handled meanwhile
    expect(settings).toEqual([]);
    expect(c.name).toBe('renamed');
  });

  it('a registration refused with 429 says it is rate-limited, and retries', async () => {
    let refusals = 1;
    sentinel.handlers.set('POST /nodes/register', async () =>
      refusals-- > 0
        ? {
            status: 429,
            body: {
              statusCode: 429,
              code: 'WL_ERR_REGISTER_RATE_LIMITED',
              error: 'error',
              message: 'too many new nodes registered from this address; try again later',
            },
          }
        : undefined,
    );
    const c = makeClient();
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.message));
    await c.start();
    await until(() => errors.length > 0, 'the refusal reported');
    expect(errors[0]).toMatch(/^rate-limited: /);
    await until(() => c.state === 'waiting-for-claim' || c.state === 'contributing', 'registered on retry');
  });

  it('an already claimed node goes straight to contributing', async () => {
    sentinel.claimCode = null;
    const c = makeClient();
    await c.start();
    await until(() => c.state === 'contributing', 'contributing');
    expect(states).toEqual(['registering', 'contributing']);
  });

  it('stops for good when the sentinel refuses the registration', async () => {
    sentinel.handlers.set('POST /nodes/register', () => ({
      status: 400,
      body: {
        statusCode: 400,
        code: 'FST_ERR_VALIDATION',
        error: 'Bad Request',
        message: 'body/name too long',
      },
    }));
    const c = makeClient();
    await c.start();
    await until(() => c.state === 'stopped', 'stopped');
    expect(c.lastError).toContain('body/name too long');
  });
});

describe('work loop', () => {
  beforeEach(() => {
    sentinel.claimCode = null;
  });

  it('fetches a config once per hash, runs chunks, reports results and announces slots', async () => {
    const c = makeClient();
    const finished: string[] = [];
    c.on('chunk-finished', (e) => finished.push(`${e.chunkId}:${e.outcome}`));
    await c.start();
    await until(() => sentinel.sockets.size === 1 && sentinel.slotsSent().length > 0, 'connected');
    sentinel.assign([chunk(1), chunk(2), chunk(3)]);
    await until(() => pool.started.length === 2, 'two chunks running');
    expect(sentinel.callsTo('GET /configs')).toHaveLength(1);
    expect([...pool.pending.values()][0]!.config).toEqual(CONFIG);
    expect(pool.started.map((t) => t.id)).toEqual([chunkId(1), chunkId(2)]); // parallel = 2, third waits

    const slotsBefore = sentinel.slotsSent().length;
    pool.finish(chunkId(1));
    await until(() => finished.length === 1, 'first chunk reported');
    await until(() => pool.started.length === 3, 'third chunk starts');
    await until(() => sentinel.slotsSent().length > slotsBefore, 'slots after chunk');
    pool.finish(chunkId(2));
    pool.finish(chunkId(3));
    await until(() => finished.length === 3, 'all chunks reported');
    const completes = sentinel.callsTo('POST /chunks/complete').map((c) => c.body as ChunkCompleteRequest);
    expect(completes.map((b) => b.chunkId).sort()).toEqual([chunkId(1), chunkId(2), chunkId(3)]);
    const third = completes.find((b) => b.chunkId === chunkId(3))!;
    expect(third.result).toMatchObject({ n: 10, seedOffset: 30 });
    // on the wire: the completion schema's form, samples encoded, decoding to exactly what was run
    expect(Value.Check(ChunkCompleteRequestSchema, third)).toBe(true);
    const ran = fakeResult({ seedOffset: 30, iterations: 10 } as ChunkTask);
    expect(Array.from(decodeSamples(third.result.samples as string)!)).toEqual(ran.samples);
    expect(finished.every((f) => f.endsWith(':completed'))).toBe(true);
    // the last `slots` message travels over the socket after the completion report: wait for it
    await until(() => sentinel.slotsSent().at(-1) === 4, 'all slots announced free');
    expect(c.stats()).toMatchObject({ chunksDone: 3, iterationsDone: 30, chunksRunning: 0 });
    expect(sentinel.callsTo('GET /configs')).toHaveLength(1); // cached for the later chunks
  });

  it('retries a completion with backoff until the sentinel accepts it', async () => {
    let failures = 0;
    sentinel.handlers.set('POST /chunks/complete', () =>
      failures++ < 3
        ? { status: 503, body: { statusCode: 503, code: 'X', error: 'x', message: 'busy' } }
        : undefined,
    );
    const c = makeClient();
    const outcomes: string[] = [];
    c.on('chunk-finished', (e) => outcomes.push(e.outcome));
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    pool.autoFinishMs = 0;
    sentinel.assign([chunk(1)]);
    await until(() => outcomes.length === 1, 'reported');
    expect(outcomes).toEqual(['completed']);
    expect(sentinel.callsTo('POST /chunks/complete')).toHaveLength(4);
  });

  it('stops retrying when the chunk is no longer ours', async () => {
    sentinel.handlers.set('POST /chunks/complete', () => ({
      status: 200,
      body: { accepted: false, jobCompleted: false },
    }));
    const c = makeClient();
    const outcomes: string[] = [];
    c.on('chunk-finished', (e) => outcomes.push(e.outcome));
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    pool.autoFinishMs = 0;
    sentinel.assign([chunk(1)]);
    await until(() => outcomes.length === 1, 'reported');
    await new Promise((r) => setTimeout(r, 100));
    expect(outcomes).toEqual(['not-accepted']);
    expect(sentinel.callsTo('POST /chunks/complete')).toHaveLength(1);
  });

  it('reports fail with the message when sim-core rejects the config', async () => {
    pool.failWith = new ChunkRunError(
      'invalid-config',
      'invalid config: rotation line 2, column 5: unknown spell "foo"',
    );
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1)]);
    await until(() => sentinel.callsTo('POST /chunks/fail').length === 1, 'fail reported');
    expect(sentinel.callsTo('POST /chunks/fail')[0]!.body).toEqual({
      chunkId: chunkId(1),
      reason: 'invalid-config',
      error: 'invalid config: rotation line 2, column 5: unknown spell "foo"',
    });
    expect(sentinel.callsTo('POST /chunks/complete')).toHaveLength(0);
    await until(() => c.stats().chunksFailed === 1, 'failed counter');
  });

  it('reports fail (not invalid-config) when the simulation throws', async () => {
    pool.failWith = new ChunkRunError('sim-error', 'boom');
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1)]);
    await until(() => sentinel.callsTo('POST /chunks/fail').length === 1, 'fail reported');
    expect(sentinel.callsTo('POST /chunks/fail')[0]!.body).toMatchObject({ reason: 'error', error: 'boom' });
  });

  it('drops a chunk whose config the sentinel no longer serves', async () => {
    const c = makeClient();
    const outcomes: string[] = [];
    c.on('chunk-finished', (e) => outcomes.push(e.outcome));
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1, { configHash: 'a'.repeat(64) })]);
    await until(() => outcomes.length === 1, 'dropped');
    expect(outcomes).toEqual(['dropped']);
    expect(pool.started).toHaveLength(0);
    expect(sentinel.callsTo('POST /chunks/fail')).toHaveLength(0);
  });

  it('cancel stops a running chunk and nothing is reported', async () => {
    const c = makeClient();
    const outcomes: string[] = [];
    c.on('chunk-finished', (e) => outcomes.push(e.outcome));
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1), chunk(2)]);
    await until(() => pool.started.length === 2, 'running');
    sentinel.send({ type: 'cancel', chunkIds: [chunkId(1)] });
    await until(() => outcomes.length === 1, 'cancelled');
    expect(pool.cancelled).toEqual([chunkId(1)]);
    expect(outcomes).toEqual(['cancelled']);
    pool.finish(chunkId(2));
    await until(() => outcomes.length === 2, 'second done');
    expect(
      sentinel.callsTo('POST /chunks/complete').map((x) => (x.body as { chunkId: string }).chunkId),
    ).toEqual([chunkId(2)]);
    expect(sentinel.callsTo('POST /chunks/fail')).toHaveLength(0);
  });
});

describe('network', () => {
  beforeEach(() => {
    sentinel.claimCode = null;
  });

  it('reconnects after the sentinel restarts, and keeps its running chunk', async () => {
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1)]);
    await until(() => pool.started.length === 1, 'running');
    await sentinel.restart(150);
    await until(() => states.includes('reconnecting'), 'reconnecting');
    await until(() => c.state === 'contributing' && sentinel.sockets.size === 1, 'reconnected');
    expect(sentinel.callsTo('POST /nodes/register').length).toBeGreaterThanOrEqual(2);
    pool.finish(chunkId(1));
    await until(() => sentinel.callsTo('POST /chunks/complete').length === 1, 'reported after reconnect');
  });

  it('backs off between failed connection attempts and times out a hanging upgrade', async () => {
    sentinel.acceptUpgrades = false;
    const c = makeClient({
      timings: { reconnectInitialMs: 50, reconnectMaxMs: 400, connectTimeoutMs: 100 },
      random: () => 0,
    });
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.message));
    void c.start();
    const t0 = Date.now();
    await until(() => sentinel.upgrades >= 4, 'four attempts', 10_000);
    const elapsed = Date.now() - t0;
    // 4 attempts: 3 timeouts of 100 ms + backoff 50 + 100 + 200 ms ≥ 650 ms.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(errors.some((e) => e.includes('timed out'))).toBe(true);
    expect(c.state).toBe('reconnecting');
  });

  it('sends heartbeats periodically while connected', async () => {
    const c = makeClient({ timings: { heartbeatMs: 50 } });
    await c.start();
    await until(() => sentinel.callsTo('POST /nodes/heartbeat').length >= 3, 'three heartbeats');
    expect(sentinel.callsTo('POST /nodes/heartbeat')[0]!.body).toMatchObject({ runningChunks: [] });
  });
});

describe('graceful stop', () => {
  beforeEach(() => {
    sentinel.claimCode = null;
  });

  it('finishes running chunks within the grace period and hands queued ones back', async () => {
    pool = new FakePool(1);
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1), chunk(2)]);
    await until(() => pool.started.length === 1, 'one running');
    const stopped = c.stop({ graceMs: 5_000 });
    await until(() => sentinel.callsTo('POST /chunks/fail').length === 1, 'queued chunk handed back');
    expect(sentinel.callsTo('POST /chunks/fail')[0]!.body).toMatchObject({
      chunkId: chunkId(2),
      reason: 'handed-back',
      error: HAND_BACK_ERROR,
    });
    expect(c.state).toBe('stopping');
    expect(sentinel.slotsSent().at(-1)).toBe(0);
    pool.finish(chunkId(1));
    await stopped;
    expect(c.state).toBe('stopped');
    expect(
      sentinel.callsTo('POST /chunks/complete').map((x) => (x.body as { chunkId: string }).chunkId),
    ).toEqual([chunkId(1)]);
    await until(() => sentinel.sockets.size === 0, 'socket closed');
  });

  it('hands running chunks back when the grace period ends', async () => {
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1), chunk(2)]);
    await until(() => pool.started.length === 2, 'running');
    const t0 = Date.now();
    await c.stop({ graceMs: 200 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(pool.cancelled.sort()).toEqual([chunkId(1), chunkId(2)]);
    const fails = sentinel
      .callsTo('POST /chunks/fail')
      .map((x) => x.body as { chunkId: string; error: string });
    expect(fails.map((f) => f.chunkId).sort()).toEqual([chunkId(1), chunkId(2)]);
    expect(fails.every((f) => f.error === HAND_BACK_ERROR)).toBe(true);
    expect(sentinel.callsTo('POST /chunks/complete')).toHaveLength(0);
  });

  it('a second stop with no grace cuts the wait short', async () => {
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([chunk(1)]);
    await until(() => pool.started.length === 1, 'running');
    const t0 = Date.now();
    const first = c.stop({ graceMs: 60_000 });
    await new Promise((r) => setTimeout(r, 50));
    await c.stop({ graceMs: 0 });
    await first;
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(sentinel.callsTo('POST /chunks/fail')).toHaveLength(1);
  });
});

describe('limits', () => {
  beforeEach(() => {
    sentinel.claimCode = null;
  });

  it('hands back chunks pushed far beyond the announced free slots', async () => {
    pool = new FakePool(1);
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    sentinel.assign([1, 2, 3, 4, 5, 6].map((i) => chunk(i)));
    await until(() => sentinel.callsTo('POST /chunks/fail').length === 2, 'two handed back');
    const fails = sentinel
      .callsTo('POST /chunks/fail')
      .map((x) => x.body as { chunkId: string; error: string });
    expect(fails.map((f) => f.chunkId).sort()).toEqual([chunkId(5), chunkId(6)]);
    expect(fails[0]!.error).toMatch(/more chunks than it announced/);
    expect(c.stats().chunksRunning).toBe(4);
  });
});

describe('identity conflicts', () => {
  it('stops when the sentinel says another socket replaced this one', async () => {
    sentinel.claimCode = null;
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    for (const ws of sentinel.sockets) ws.close(4001, 'replaced by a newer connection');
    await until(() => c.state === 'stopped', 'stopped');
    expect(c.lastError).toContain('another process');
    expect(sentinel.callsTo('POST /nodes/register')).toHaveLength(1);
  });

  it('stops, and says why, when its owner deleted it on the site', async () => {
    sentinel.claimCode = null;
    const c = makeClient();
    await c.start();
    await until(() => sentinel.sockets.size === 1, 'connected');
    for (const ws of sentinel.sockets) ws.close(4010, 'node deleted by its owner');
    await until(() => c.state === 'stopped', 'stopped');
    expect(c.lastError).toContain('deleted by its owner');
    expect(sentinel.callsTo('POST /nodes/register')).toHaveLength(1); // it stopped asking
  });
});
