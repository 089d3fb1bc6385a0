// POST /profiles/parse: profile text in, the config a script passes to create_job out.
import { createTestDatabase } from '@wowlab/db';
import { ENGINE_VERSION, parseProfile } from '@wowlab/sim-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';

let db: { url: string; drop(): Promise<void> };
let sentinel: RunningSentinel;

beforeAll(async () => {
  db = await createTestDatabase();
  sentinel = await startSentinel(db.url);
});
afterAll(async () => {
  await sentinel?.close();
  await db?.drop();
});

const post = (body: unknown) =>
  fetch(`${sentinel.baseUrl}/profiles/parse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

const PROFILE = [
  'hunter="Rexxar"',
  'spec=marksmanship',
  'gear_agility=12000',
  'iterations=20000',
  'target_error=0.1',
  'head=,id=212000,bonus_id=1',
  'profileset."More crit"+=gear_crit_rating=9000',
].join('\n');

it('reads a profile as the builder and the CLI do: config, variants, options, ignored lines', async () => {
  const r = await post({ text: PROFILE });
  expect(r.status).toBe(200);
  const local = parseProfile(PROFILE, ENGINE_VERSION);
  expect(r.body).toEqual({
    name: 'Rexxar',
    config: local.config,
    options: { iterations: 20000, targetError: 0.001 },
    ignored: local.ignored.map((l) => ({ line: l.line, text: l.text, reason: l.reason })),
    variants: local.profilesets,
  });
  expect((r.body.ignored as unknown[]).length).toBeGreaterThan(0); // the head= line is listed back
});

it('answers a bad profile with its line-numbered problems, in words', async () => {
  const r = await post({ text: 'spec=beast_mastery\nwhatever=1' });
  expect(r.status).toBe(400);
  expect(r.body.message).toContain('line 2: unknown option "whatever"');
  const big = await post({ text: 'x'.repeat(300 * 1024) });
  expect(big.status).toBe(400);
});

it('limits how fast one address may ask', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await post({ text: 'spec=beast_mastery' })).status);
  expect(statuses).toContain(429);
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
});
