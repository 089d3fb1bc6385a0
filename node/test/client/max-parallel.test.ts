// NodeClient.setMaxParallel: the browser tab's worker slider changes parallelism while running.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashConfig } from '@wowlab/sim-core';
import { NodeClient } from '../../src/client/node-client.ts';
import { MemoryKeyStore } from '../../src/client/memory-key-store.ts';
import { nodeWebSocketFactory } from '../../src/headless/ws-factory.ts';
import { FakeSentinel } from '../support/fake-sentinel.ts';
import { FakePool } from '../support/fake-pool.ts';
import { testChunk, until } from '../support/client-fixtures.ts';

const CONFIG = { spec: 'bm-hunter', n: 1 };
let hash = '';
let sentinel: FakeSentinel;
let client: NodeClient | null = null;

const chunk = (i: number) => testChunk(hash, i, 7);

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

it('raising maxParallel starts waiting chunks at once and announces the new free slots', async () => {
  const pool = new FakePool(4);
  client = new NodeClient({
    sentinelUrl: sentinel.url,
    keyStore: new MemoryKeyStore(),
    pool,
    kind: 'browser',
    name: 'tab',
    maxParallel: 1,
    webSocketFactory: nodeWebSocketFactory,
  });
  await client.start();
  await until(() => sentinel.slotsSent().length > 0, 'connected');
  expect(sentinel.slotsSent().at(-1)).toBe(2);
  sentinel.assign([chunk(1), chunk(2), chunk(3)]);
  await until(() => pool.started.length === 1, 'one chunk running');
  await new Promise((r) => setTimeout(r, 50));
  expect(pool.started).toHaveLength(1);

  client.setMaxParallel(3);
  await until(() => pool.started.length === 3, 'three chunks running');
  await until(() => sentinel.slotsSent().at(-1) === 3, 'slots 2*3 - 3 held');

  expect(() => client!.setMaxParallel(0)).toThrow(RangeError);
  expect(() => client!.setMaxParallel(1.5)).toThrow(RangeError);
  client.setMaxParallel(1);
  for (const c of [chunk(1), chunk(2), chunk(3)]) pool.finish(c.id);
  await until(() => client!.stats().chunksDone === 3, 'all reported');
  // The last `slots` frame is sent right after the last report; wait for it to arrive.
  await until(() => sentinel.slotsSent().at(-1) === 2, 'slots 2*1 - 0 held');
});
