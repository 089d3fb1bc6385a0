// A node its owner deletes on the site is told at once (socket closed with 4010) and every
// later request signed with its key is answered 410: it is never re-registered as a new
// unclaimed node. An unclaimed node removed by maintenance may register again.
import { createTestDatabase } from '@wowlab/db';
import { WS_CLOSE } from 'wowlab-node/protocol';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimNode, connect, createUser, waitFor } from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;

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

it('a deleted node is told and refused; a removed unclaimed one may come back', async () => {
  const owner = await createUser(client);
  const node = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
  await claimNode(client, owner, node.claimCode!, 1);
  await node.connect();
  await waitFor(async () => sentinel.app.hub.get(node.nodeId) !== undefined, 5000, 'connected');
  const closed = new Promise<number>((resolve) => node.socket!.once('close', (code) => resolve(code)));

  await client.query('DELETE FROM nodes WHERE id = $1', [node.nodeId]);
  expect(await closed).toBe(WS_CLOSE.deleted);
  const again = await node.register();
  expect(again.status).toBe(410);
  expect(JSON.stringify(again.body)).toContain('WL_ERR_NODE_DELETED');
  const { rows } = await client.query('SELECT count(*)::int AS n FROM nodes');
  expect(rows[0]).toEqual({ n: 0 });

  const stray = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
  await client.query('DELETE FROM nodes WHERE id = $1', [stray.nodeId]); // unclaimed: maintenance's kind
  expect((await stray.register()).status).toBe(200);
  await stray.close();
  await node.close();
}, 30_000);
