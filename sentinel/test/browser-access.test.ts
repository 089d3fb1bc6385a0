// Browser nodes: CORS preflight for the signed node API, and the signed WebSocket upgrade with
// the X-Node-* values in the query string (browsers cannot set upgrade headers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import WebSocket from 'ws';
import { signRequest } from 'wowlab-node/protocol';
import { queryAuth } from '../src/auth/query-auth.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let sentinel: RunningSentinel;
let node: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  sentinel = await startSentinel(db.url);
  node = await TestNode.create(sentinel.baseUrl, { kind: 'browser', mode: 'manual' });
});

afterAll(async () => {
  await node?.close();
  await sentinel?.close();
  await db?.drop();
});

function wsUrl(query: string): string {
  return `${sentinel.baseUrl.replace(/^http/, 'ws')}/nodes/ws${query}`;
}

function upgrade(url: string): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  const ws = new WebSocket(url);
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ opened: true, socket: ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
    ws.once('error', () => resolve({ opened: false }));
  });
}

async function signedQuery(path = '/nodes/ws'): Promise<string> {
  const h = await signRequest(node.signer, 'GET', path, '');
  return `x-node-key=${h['x-node-key']}&x-node-ts=${h['x-node-ts']}&x-node-sig=${h['x-node-sig']}`;
}

describe('browser access', () => {
  it('answers a CORS preflight for the signed node API from any origin', async () => {
    const res = await fetch(`${sentinel.baseUrl}/nodes/register`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-node-key,x-node-ts,x-node-sig',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-node-sig');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('adds the allow-origin header to signed responses', async () => {
    const res = await node.register();
    expect(res.status).toBe(200);
    const raw = await fetch(`${sentinel.baseUrl}/status`, { headers: { origin: 'http://example.test' } });
    expect(raw.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('opens the WebSocket with the signature in the query string', async () => {
    const res = await upgrade(wsUrl(`?${await signedQuery()}`));
    expect(res.opened).toBe(true);
    res.socket!.close();
  });

  it('refuses a query signature that was tampered with, replayed or signed for another path', async () => {
    const good = await signedQuery();
    const tampered = good.replace(/x-node-ts=(\d+)/, (_m, ts: string) => `x-node-ts=${Number(ts) + 1}`);
    expect((await upgrade(wsUrl(`?${tampered}`))).status).toBe(401);

    const once = await upgrade(wsUrl(`?${good}`));
    expect(once.opened).toBe(true);
    once.socket!.close();
    expect((await upgrade(wsUrl(`?${good}`))).status).toBe(401); // replay

    const other = await signedQuery('/nodes/ws?x=1');
    expect((await upgrade(wsUrl(`?${other}`))).status).toBe(401);
    expect((await upgrade(wsUrl(''))).status).toBe(401);
  });

  it('parses only complete, unique query signatures and keeps the other parameters signed', () => {
    expect(queryAuth('/nodes/ws')).toBeNull();
    expect(queryAuth('/nodes/ws?x-node-key=a&x-node-ts=1')).toBeNull();
    expect(queryAuth('/nodes/ws?x-node-key=a&x-node-key=b&x-node-ts=1&x-node-sig=s')).toBeNull();
    expect(queryAuth('/nodes/ws?a=1&x-node-key=k&x-node-ts=2&x-node-sig=s%3D&b=2')).toEqual({
      publicKey: 'k',
      ts: '2',
      sig: 's=',
      signedPath: '/nodes/ws?a=1&b=2',
    });
  });
});
