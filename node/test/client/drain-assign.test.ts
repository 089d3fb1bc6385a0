// Chunks pushed while the node drains are handed back once, when the drain ends — not at once,
// which would let the sentinel push them straight back to this still-connected node (each
// round trip costs the chunk an attempt, and after five its job fails).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashConfig } from '@wowlab/sim-core';
import { NodeClient } from '../../src/client/node-client.ts';
import { MemoryKeyStore } from '../../src/client/memory-key-store.ts';
import { HAND_BACK_ERROR } from '../../src/client/work-loop.ts';
import { nodeWebSocketFactory } from '../../src/headless/ws-factory.ts';
import { FakeSentinel } from '../support/fake-sentinel.ts';
import { FakePool } from '../support/fake-pool.ts';
import { testChunk, until } from '../support/client-fixtures.ts';

const CONFIG = { spec: 'bm-hunter', drain: true };
let hash = '';
let sentinel: FakeSentinel;
let client: NodeClient | null = null;

const chunk = (i: number) => testChunk(hash, i, 3);

beforeEach(async () => {
  hash ||= await hashConfig(CONFIG);
  sentinel = new FakeSentinel();
  sentinel.configs.set(hash, CONFIG);
  await sentinel.start();
});

afterEach(async () => {
  await client?.stop({ graceMs: 0 });
  await sentinel.stop();
});

it('defers hand-backs of chunks pushed during the drain until it ends, once per chunk', async () => {
  const pool = new FakePool(1);
  client = new NodeClient({
    sentinelUrl: sentinel.url,
    keyStore: new MemoryKeyStore(),
    pool,
    kind: 'browser',
    name: 'tab',
    webSocketFactory: nodeWebSocketFactory,
  });
  await client.start();
  await until(() => sentinel.slotsSent().length > 0, 'connected');
  sentinel.assign([chunk(1)]);
  await until(() => pool.started.length === 1, 'running');

  const stopped = client.stop({ graceMs: 10_000 });
  await until(() => client!.state === 'stopping', 'stopping');
  const slotsBefore = sentinel.slotsSent().length;
  sentinel.assign([chunk(2), chunk(3)]);
  sentinel.assign([chunk(2)]); // a duplicate push
  // the node answers each push with its free slots (0 while stopping): both pushes arrived
  await until(() => sentinel.slotsSent().length >= slotsBefore + 2, 'pushes received');
  await new Promise((r) => setTimeout(r, 200)); // room for a wrong hand-back to show
  expect(sentinel.callsTo('POST /chunks/fail')).toHaveLength(0); // nothing bounced back yet
  expect(pool.started).toHaveLength(1);

  pool.finish(chunk(1).id);
  await stopped;
  const completes = sentinel
    .callsTo('POST /chunks/complete')
    .map((c) => (c.body as { chunkId: string }).chunkId);
  expect(completes).toEqual([chunk(1).id]);
  const fails = sentinel
    .callsTo('POST /chunks/fail')
    .map((c) => c.body as { chunkId: string; error: string });
  expect(fails.map((f) => f.chunkId).sort()).toEqual([chunk(2).id, chunk(3).id]);
  expect(fails.every((f) => f.error === HAND_BACK_ERROR)).toBe(true);
});
