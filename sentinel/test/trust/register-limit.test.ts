// The per-address registration limit, counted in Postgres: shared by every instance, a fixed
// one-hour window, expired windows forgotten by maintenance.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, limitKey } from '../../src/plugins/register-limit.ts';
import { connect, registerFreshKey, waitFor } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let a: RunningSentinel;
let b: RunningSentinel;

const LIMITED = { REGISTER_LIMIT_PER_HOUR: '2', CLIENT_IP_HEADER: 'x-test-client' };
let senderA: TestNode;
let senderB: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  a = await startSentinel(db.url, LIMITED);
  b = await startSentinel(db.url, LIMITED);
  // one node per instance sends the test's requests (both registered from 127.0.0.1: its budget)
  senderA = await TestNode.create(a.baseUrl);
  senderB = await TestNode.create(b.baseUrl);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await client?.end();
  await db?.drop();
});

/** Registers a fresh key through `via` as if from `address`; returns the HTTP status. */
async function registerNew(via: RunningSentinel, address: string): Promise<number> {
  return (await registerFreshKey(via === a ? senderA : senderB, address)).status;
}

describe('registration limit', () => {
  it('is shared by every instance: new keys from one address, whichever instance they reach', async () => {
    const address = '198.51.100.20';
    expect(await registerNew(a, address)).toBe(200);
    expect(await registerNew(b, address)).toBe(200);
    expect(await registerNew(a, address)).toBe(429);
    expect(await registerNew(b, address)).toBe(429);
    expect(await registerNew(b, '198.51.100.21')).toBe(200); // another address, its own budget
  });

  it('counts IPv6 addresses by their /64: one subscriber cannot rotate through its prefix', async () => {
    expect(await registerNew(a, '2001:db8:7:8::1')).toBe(200);
    expect(await registerNew(b, '2001:db8:7:8:ffff:1:2:3')).toBe(200);
    expect(await registerNew(a, '2001:db8:7:8::abcd')).toBe(429);
    expect(await registerNew(a, '2001:db8:7:9::1')).toBe(200); // the next /64
  });

  it('starts a new window an hour after the first registration; maintenance forgets old windows', async () => {
    const address = '198.51.100.30';
    expect(await registerNew(a, address)).toBe(200);
    expect(await registerNew(a, address)).toBe(200);
    expect(await registerNew(b, address)).toBe(429);
    await client.query(
      `UPDATE private.register_windows SET window_start = now() - interval '61 minutes' WHERE address = $1`,
      [address],
    );
    expect(await registerNew(b, address)).toBe(200);
    const { rows } = await client.query(`SELECT count FROM private.register_windows WHERE address = $1`, [
      address,
    ]);
    expect(rows).toEqual([{ count: 1 }]);

    await client.query(
      `UPDATE private.register_windows SET window_start = now() - interval '2 hours' WHERE address <> $1`,
      [address],
    );
    // a sweep of either instance deletes them (one at a time: the other skips while it runs)
    await waitFor(
      async () => {
        await a.app.maintenance.runOnce();
        const left = await client.query(`SELECT address FROM private.register_windows`);
        return left.rows.length === 1 && left.rows[0].address === address;
      },
      5000,
      'expired windows deleted',
    );
  });
});

describe('limitKey', () => {
  it('keeps IPv4 (also IPv4-mapped) and reduces IPv6 to its /64, leaving anything unparsable as it is', () => {
    const cases: Array<[string, string]> = [
      ['198.51.100.7', '198.51.100.7'],
      ['::ffff:198.51.100.7', '198.51.100.7'],
      ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
      ['2001:DB8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
      ['2001:db8::', '2001:db8:0:0::/64'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      ['64:ff9b::1.2.3.4', '64:ff9b:0:0::/64'],
      ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
      ['1::2::3', '1::2::3'],
      ['zz::1', 'zz::1'],
    ];
    for (const [address, key] of cases) expect(limitKey(address), address).toBe(key);
  });
});

describe('clientAddress', () => {
  it('uses the configured proxy header’s first address, else the socket address', () => {
    const req = { ip: '127.0.0.1', headers: { 'fly-client-ip': '198.51.100.7, 10.0.0.1' } };
    expect(clientAddress(req, { clientIpHeader: 'fly-client-ip' })).toBe('198.51.100.7');
    expect(clientAddress(req, { clientIpHeader: null })).toBe('127.0.0.1');
    expect(clientAddress({ ip: '::1', headers: {} }, { clientIpHeader: 'fly-client-ip' })).toBe('::1');
  });
});
