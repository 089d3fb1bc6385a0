// A graceful stop: a completion in flight when the sentinel starts closing is answered, and its
// keep-alive connection then ends, so close() does not wait for the keep-alive timeout (72 s).
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimNode, connect, createJob, createUser, waitFor } from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('closes within seconds when a request was in flight on a keep-alive connection', async () => {
  const owner = await createUser(client);
  const node = await TestNode.create(sentinel!.baseUrl, { mode: 'manual', maxParallel: 1 });
  await claimNode(client, owner, node.claimCode!, 1);
  await node.connect();
  await createJob(client, owner, { iterations: 1000 });
  await waitFor(async () => node.assigned.length === 1, 10_000, 'the chunk to be assigned');
  const chunk = node.assigned[0]!;
  const result = await node.run(chunk);

  // the node's HTTP client (fetch) keeps its connection alive; the completion waits on a row lock held here, so it is in flight when close() starts
  const locker = await connect(db.url);
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM jobs_chunks WHERE id = $1 FOR UPDATE', [chunk.id]);
  const answered = node.complete(chunk.id, result);
  await new Promise((r) => setTimeout(r, 300));
  const app = sentinel!;
  sentinel = null;
  const started = Date.now();
  const closed = app.close();
  await new Promise((r) => setTimeout(r, 300));
  await locker.query('COMMIT');
  await locker.end();
  expect((await answered).body).toMatchObject({ accepted: true });
  await closed;
  expect(Date.now() - started).toBeLessThan(10_000);
  await node.close();
}, 30_000);
