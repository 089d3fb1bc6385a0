// Attack: use up everybody's per-address budget at once. In production (fly.toml) every request
// reaches the sentinel through Fly's proxy: the socket address is the proxy's, the client's is in
// the Fly-Client-IP header. fly.toml did not set CLIENT_IP_HEADER, so the limits "per client
// address" — new node keys per hour (REGISTER_LIMIT_PER_HOUR, 10) and profile parses per second —
// counted every client of the world as one. Ten fresh keys registered by one script an hour, and
// no newcomer's tab could register its node (their private sim never ran) nor any volunteer
// join; a burst of profile parses, and nobody's pasted profile was read.
// The sentinel is started here with fly.toml's own [env] and the production limits, and requests
// arrive as the proxy sends them (from one address, each client's own in fly-client-ip).
import { readFileSync } from 'node:fs';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, registerFreshKey } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import { TestNode } from '../helpers/test-node.ts';

/** The [env] table of the repository's fly.toml (string values only, as Fly passes them). */
function flyEnv(): Record<string, string> {
  const text = readFileSync(new URL('../../../fly.toml', import.meta.url), 'utf8');
  const env: Record<string, string> = {};
  let inEnv = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) inEnv = line === '[env]';
    else if (inEnv) {
      const m = /^([A-Z0-9_]+)\s*=\s*"([^"]*)"/.exec(line);
      if (m) env[m[1]!] = m[2]!;
    }
  }
  return env;
}

const ATTACKER = '203.0.113.66';
const NEWCOMER = '198.51.100.7';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let sender: TestNode;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  const { PORT: _port, HOST: _host, LOG_LEVEL: _level, ...deployed } = flyEnv();
  // production's registration limit (the test settings raise it), and what fly.toml sets
  sentinel = await startSentinel(db.url, { REGISTER_LIMIT_PER_HOUR: '10', ...deployed });
  sender = await TestNode.create(sentinel.baseUrl);
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

it('one client registering fresh keys behind the proxy does not use up a newcomer’s registration', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++)
    statuses.push((await registerFreshKey(sender, undefined, { 'fly-client-ip': ATTACKER })).status);
  expect(statuses.slice(-1)).toEqual([429]); // the attacker's own budget is spent
  // a newcomer's tab registers its node from another address
  expect((await registerFreshKey(sender, undefined, { 'fly-client-ip': NEWCOMER })).status).toBe(200);
});

it('one client parsing profiles behind the proxy does not use up a newcomer’s parses', async () => {
  const parse = (address: string) =>
    fetch(`${sentinel.baseUrl}/profiles/parse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'fly-client-ip': address },
      body: JSON.stringify({ text: 'hunter="x"\nspec=beast_mastery\nlevel=80' }),
    }).then((r) => r.status);
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) statuses.push(await parse(ATTACKER));
  expect(statuses).toContain(429);
  expect(await parse(NEWCOMER)).not.toBe(429);
});
