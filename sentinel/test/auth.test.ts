import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import WebSocket from 'ws';
import { encodeSamples, generateSeed, signerFromSeed, signRequest, toBase64url } from 'wowlab-node/protocol';
import { claimNode, connect, createJob, createUser, waitFor } from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let node: TestNode;

async function snapshot(): Promise<unknown> {
  const chunks = await client.query(
    'SELECT id, status, attempts, node_id, result IS NOT NULL AS has_result FROM jobs_chunks ORDER BY id',
  );
  const jobs = await client.query(
    'SELECT id, status, completed_iterations, chunks_completed, error FROM jobs ORDER BY id',
  );
  const nodes = await client.query('SELECT id, public_key, status FROM nodes ORDER BY id');
  return { chunks: chunks.rows, jobs: jobs.rows, nodes: nodes.rows };
}

function sampleValues(iterations: number): number[] {
  return Array.from({ length: iterations }, (_, i) => 1000 + (i % 7));
}

function chunkResult(iterations: number, seedOffset: number) {
  const samples = sampleValues(iterations);
  const mean = samples.reduce((a, b) => a + b, 0) / iterations;
  const m2 = samples.reduce((a, s) => a + (s - mean) ** 2, 0);
  return {
    engineVersion: '0.1.0',
    seedOffset,
    iterations,
    n: iterations,
    mean,
    m2,
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples: encodeSamples(samples),
    abilities: { kill_command: { damage: 1000, casts: 10, hits: 10, crits: 2 } },
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  // snapshots include node status: no node may turn offline between two of them
  sentinel = await startSentinel(db.url, { HEARTBEAT_TIMEOUT_MS: '600000' });
  const owner = await createUser(client);
  node = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 1 });
  await claimNode(client, owner, node.claimCode!, 1);
  await node.connect();
  await createJob(client, owner, { iterations: 3000 });
  await waitFor(async () => node.assigned.length === 2, 10_000, 'assignment');
});

afterAll(async () => {
  await node?.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

describe('node authentication and input validation', () => {
  it('register is idempotent per key and returns the claim code of an unclaimed node', async () => {
    const fresh = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    expect(fresh.claimCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/); // typed by a person
    // a tab claims its node itself: a code nobody types, too long to guess
    const tab = await TestNode.create(sentinel.baseUrl, { mode: 'manual', kind: 'browser' });
    expect(tab.claimCode).toMatch(/^[A-HJ-NP-Z2-9]{26}$/);
    const again = await fresh.register();
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ nodeId: fresh.nodeId, claimCode: fresh.claimCode });
    const hb = await fresh.request('POST', '/nodes/heartbeat', {});
    expect(hb.status).toBe(200);
    expect(hb.body).toMatchObject({ nodeId: fresh.nodeId, claimed: false, userId: null, maxParallel: 2 });
    // the claimed node: claim code gone, owner's settings echoed
    const claimed = await node.request('POST', '/nodes/heartbeat', {});
    expect(claimed.body).toMatchObject({ claimed: true, claimCode: null, maxParallel: 1, name: 'test node' });
  });

  it('an unknown key is refused everywhere but register', async () => {
    const stranger = await signerFromSeed(generateSeed());
    const res = await node.request('POST', '/nodes/heartbeat', {}, { signer: stranger });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'WL_ERR_UNKNOWN_NODE' });
  });

  it('forged signature, wrong key, stale timestamp, tampered body or path are 401 and write nothing', async () => {
    const before = await snapshot();
    const chunk = node.assigned[0]!;
    const body = JSON.stringify({
      chunkId: chunk.id,
      result: chunkResult(chunk.iterations, chunk.seedOffset),
    });
    const good = await signRequest(node.signer, 'POST', '/chunks/complete', body);
    const post = (headers: Record<string, string>, text = body, path = '/chunks/complete') =>
      fetch(sentinel.baseUrl + path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: text,
      });

    const forged = { ...good, 'x-node-sig': toBase64url(crypto.getRandomValues(new Uint8Array(64))) };
    const other = await signerFromSeed(generateSeed());
    const wrongKey = { ...good, 'x-node-key': toBase64url(other.publicKey) };
    const stale = await signRequest(node.signer, 'POST', '/chunks/complete', body, Date.now() - 61_000);
    const future = await signRequest(node.signer, 'POST', '/chunks/complete', body, Date.now() + 61_000);
    const cases: Array<[string, Response]> = [
      ['forged', await post(forged)],
      ['wrong key', await post(wrongKey)],
      ['stale', await post(stale)],
      ['future', await post(future)],
      ['no headers', await post({})],
      [
        'tampered body',
        await post(
          await signRequest(node.signer, 'POST', '/chunks/complete', body),
          body.replace('1000', '1001'),
        ),
      ],
      ['other path', await post(await signRequest(node.signer, 'POST', '/chunks/fail', body))],
    ];
    for (const [name, res] of cases) {
      expect(res.status, name).toBe(401);
      const payload = (await res.json()) as { code: string };
      expect(payload.code, name).toMatch(/^WL_ERR_(UNAUTHORIZED|UNKNOWN_NODE)$/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a replayed request is 401 and does not act twice', async () => {
    const chunk = node.assigned[1]!;
    await sentinel.app.scheduler.pause(); // keep the retried chunk pending while we compare
    const body = JSON.stringify({ chunkId: chunk.id, error: 'worker crashed' });
    const headers = {
      ...(await signRequest(node.signer, 'POST', '/chunks/fail', body)),
      'content-type': 'application/json',
    };
    const first = await fetch(`${sentinel.baseUrl}/chunks/fail`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true, retried: true, jobFailed: false });
    const after = await snapshot();
    const replay = await fetch(`${sentinel.baseUrl}/chunks/fail`, { method: 'POST', headers, body });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'WL_ERR_REPLAYED' });
    expect(await snapshot()).toEqual(after);
    const { rows } = await client.query('SELECT attempts FROM jobs_chunks WHERE id = $1', [chunk.id]);
    expect(rows[0]).toEqual({ attempts: 1 });
    await sentinel.app.scheduler.resume();
    // the freed slot is refilled in the background: let it settle before the next snapshot
    await waitFor(async () => {
      const r = await client.query(`SELECT count(*)::int AS n FROM jobs_chunks WHERE status = 'running'`);
      return (r.rows[0] as { n: number }).n === 2;
    });
  });

  it('an oversized body is refused before anything runs', async () => {
    const before = await snapshot();
    const chunk = node.assigned[0]!;
    const big = JSON.stringify({ chunkId: chunk.id, error: 'x'.repeat(1024 * 1024 + 10) });
    const res = await node.request('POST', '/chunks/fail', undefined, { raw: big });
    expect(res.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('malformed and implausible results are rejected with the problem named, nothing written', async () => {
    const before = await snapshot();
    const chunk = node.assigned[0]!;
    const good = chunkResult(chunk.iterations, chunk.seedOffset);
    const bad: Array<[unknown, number, RegExp]> = [
      [{ ...good, n: 'many' }, 400, /n/],
      [{ ...good, samples: undefined }, 400, /samples/],
      [{ ...good, samples: [...sampleValues(chunk.iterations - 1), 'x'] }, 400, /samples/],
      [{ ...good, samples: 'A'.repeat(600_000) }, 400, /samples/], // more than the largest chunk
      [{ ...good, extra: 1 }, 400, /additional/i],
      [
        { ...good, abilities: { 'Kill Command!': { damage: 1, casts: 1, hits: 1, crits: 0 } } },
        400,
        /abilities/,
      ],
      [{ ...good, mean: good.max + 1 }, 422, /min <= mean <= max/],
      [
        { ...good, samples: encodeSamples(sampleValues(chunk.iterations - 1)) },
        422,
        /one value per iteration/,
      ],
      [{ ...good, samples: `${good.samples}=` }, 422, /base64url/],
      [chunkResult(chunk.iterations - 1, chunk.seedOffset), 422, /iterations/],
      [{ ...good, seedOffset: good.seedOffset + 1 }, 422, /seedOffset/],
      [{ ...good, engineVersion: '9.9.9' }, 422, /engineVersion/],
      [{ ...good, min: good.min - 5 }, 422, /min\/max/],
    ];
    for (const [result, status, message] of bad) {
      const res = await node.request<{ message: string }>('POST', '/chunks/complete', {
        chunkId: chunk.id,
        result,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.message).toMatch(message);
    }
    const notJson = await node.request('POST', '/chunks/complete', undefined, { raw: '{"chunkId":' });
    expect(notJson.status).toBe(400);
    const badId = await node.request('POST', '/chunks/complete', { chunkId: 'not-a-uuid', result: good });
    expect(badId.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('a config is served only to a node holding a running chunk of it', async () => {
    const chunk = node.assigned[0]!;
    const mine = await node.fetchConfig(chunk.configHash);
    expect(mine.status).toBe(200);
    expect(mine.body.hash).toBe(chunk.configHash);
    expect(mine.body.config.spec).toBe('bm-hunter');
    const other = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    const theirs = await other.fetchConfig(chunk.configHash);
    expect(theirs.status).toBe(404);
    const badHash = await node.request('GET', '/configs/not-a-hash');
    expect(badHash.status).toBe(400);
  });

  it('the WebSocket upgrade needs a valid signature', async () => {
    const url = sentinel.baseUrl.replace(/^http/, 'ws') + '/nodes/ws';
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => {});
      });
    expect(await refused({})).toBe(401);
    const stale = await signRequest(node.signer, 'GET', '/nodes/ws', '', Date.now() - 120_000);
    expect(await refused({ ...stale })).toBe(401);
    const stranger = await signRequest(await signerFromSeed(generateSeed()), 'GET', '/nodes/ws', '');
    expect(await refused({ ...stranger })).toBe(401);
  });

  it('a malformed WebSocket message closes the socket', async () => {
    const other = await TestNode.create(sentinel.baseUrl, { mode: 'manual' });
    await other.connect();
    other.socket!.send('{"type":"slots","free":"lots"}');
    await waitFor(async () => other.closeCode !== null, 5000, 'close');
    expect(other.closeCode).toBe(4002);
  });

  it('requests beyond the per-key rate limit are 429', async () => {
    const limited = await startSentinel(db.url, { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' });
    try {
      node.baseUrl = limited.baseUrl;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await node.request('POST', '/nodes/heartbeat', {})).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      node.baseUrl = sentinel.baseUrl;
      await limited.close();
    }
  });
});
