// Attack: one node sends valid `slots` frames as fast as it can. HTTP requests are rate-limited
// per key; socket frames are too: the flood closes the socket (4008) within its burst, and
// /status keeps answering everyone quickly meanwhile.
import { createTestDatabase } from '@wowlab/db';
import { WS_CLOSE } from 'wowlab-node/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let sentinel: RunningSentinel;

beforeAll(async () => {
  db = await createTestDatabase();
  sentinel = await startSentinel(db.url, { WS_FRAMES_PER_SECOND: '20', WS_FRAME_BURST: '100' });
});

afterAll(async () => {
  await sentinel?.close();
  await db?.drop();
});

it('a node flooding its socket is closed within its burst, and /status stays quick', async () => {
  const node = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
  await node.connect();
  const ws = node.socket!;
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  let sent = 0;
  const frame = JSON.stringify({ type: 'slots', free: 1 });
  const flood = (async () => {
    const until = Date.now() + 3000;
    while (Date.now() < until && ws.readyState === ws.OPEN) {
      for (let i = 0; i < 200 && ws.readyState === ws.OPEN; i++, sent++) ws.send(frame);
      await new Promise((r) => setImmediate(r));
    }
  })();
  const latencies: number[] = [];
  const probe = (async () => {
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const res = await fetch(`${sentinel.baseUrl}/status`);
      latencies.push(performance.now() - t);
      expect(res.status).toBeLessThan(600);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const code = await closed;
  await Promise.all([flood, probe]);
  expect(code).toBe(WS_CLOSE.rateLimited);
  // the socket was closed well before the 3 s of flood were over
  expect(sent).toBeLessThan(100_000);
  latencies.sort((a, b) => a - b);
  // median, not worst: a loaded CI machine may stall any single request
  expect(latencies[Math.floor(latencies.length / 2)]!).toBeLessThan(100);
  await node.close();
}, 30_000);
