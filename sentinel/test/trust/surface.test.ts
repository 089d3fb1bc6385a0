// What the trust machinery shows and limits: registrations per address, /status, /metrics,
// and quarantined nodes in the Discord `/wlab nodes` listing.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryNodes } from '../../src/discord/handlers/nodes.ts';
import { connect, createUser, insertNode, registerFreshKey } from '../helpers/fixtures.ts';
import type { RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';
import { startTrustSentinel } from './helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startTrustSentinel(db.url, {
    REGISTER_LIMIT_PER_HOUR: '3',
    CLIENT_IP_HEADER: 'x-test-client',
  });
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

describe('trust surface', () => {
  it('rate-limits registrations of new keys per client address, not re-registrations', async () => {
    const first = await TestNode.create(sentinel.baseUrl); // address 127.0.0.1: 1 of 3
    const register = (address?: string) => registerFreshKey(first, address);
    expect((await register()).status).toBe(200);
    expect((await register()).status).toBe(200);
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'WL_ERR_REGISTER_RATE_LIMITED' });
    // a known key registers again (idempotent), another address has its own budget
    expect((await first.register()).status).toBe(200);
    expect((await register('203.0.113.9')).status).toBe(200);
  });

  it('reports replication figures on /status and /metrics', async () => {
    const status = (await (await fetch(`${sentinel.baseUrl}/status`)).json()) as {
      trust: Record<string, unknown>;
    };
    expect(status.trust).toMatchObject({
      replicasIssued: 0,
      mismatches: 0,
      invalidResults: 0,
      quarantinedNodes: 0,
      overhead: null,
    });
    const metrics = await (await fetch(`${sentinel.baseUrl}/metrics`)).text();
    expect(metrics).toContain('sentinel_trust_replicas_issued_total 0');
    expect(metrics).toContain('sentinel_trust_quarantined_nodes 0');
  });

  it('shows a quarantined node, its streak and credit in the nodes listing', async () => {
    const user = await createUser(client);
    // inserted directly: this address used its registration budget in the first test
    const node = {
      nodeId: await insertNode(client, user, { quarantined: true, mismatches: 3, creditedIterations: 4000 }),
    };
    const [row] = await queryNodes(client as unknown as pg.Pool, user);
    expect(row).toMatchObject({
      id: node.nodeId,
      quarantined: true,
      trust_streak: 0,
      credited_iterations: 4000,
    });
    const status = (await (await fetch(`${sentinel.baseUrl}/status`)).json()) as {
      trust: { quarantinedNodes: number };
    };
    expect(status.trust.quarantinedNodes).toBe(1);
  });
});
