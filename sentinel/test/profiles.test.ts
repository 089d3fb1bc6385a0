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

const post = (body: unknown, baseUrl = sentinel.baseUrl) =>
  fetch(`${baseUrl}/profiles/parse`, {
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

it('reads a profile as the builder and the CLI do: config, variants, options, ignored lines, warnings', async () => {
  const r = await post({ text: PROFILE });
  expect(r.status).toBe(200);
  const local = parseProfile(PROFILE, ENGINE_VERSION);
  expect(r.body).toEqual({
    name: 'Rexxar',
    config: local.config,
    options: { iterations: 20000, targetError: 0.001 },
    ignored: local.ignored.map((l) => ({ line: l.line, text: l.text, reason: l.reason })),
    // the stats the profile does not give are the spec's defaults, said at its spec= line
    warnings: [
      {
        line: 2,
        text: 'spec=marksmanship',
        reason: expect.stringMatching(/^no gear_crit_rating, gear_haste_rating, .* in this profile/),
      },
    ],
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

it("answers the rotation's warnings at the pasted text's lines, the rotation kept as written", async () => {
  const text = [
    'hunter="Vex"', // 1
    'spec=marksmanship', // 2
    'actions.precombat=summon_pet', // 3
    'actions=auto_shot', // 4
    'actions+=/aimed_shot,if=talent.lunar_storm|!talent.unload', // 5
    'actions+=/steady_shot', // 6
  ].join('\n');
  const r = await post({ text });
  expect(r.status).toBe(200);
  const warnings = r.body.warnings as Array<{ line: number; text: string; reason: string }>;
  expect(warnings).toEqual(parseProfile(text, ENGINE_VERSION).warnings);
  expect(warnings).toEqual([
    {
      line: 2,
      text: 'spec=marksmanship',
      reason: expect.stringMatching(/^no gear_agility, .* in this profile/),
    },
    {
      line: 3,
      text: 'actions.precombat=summon_pet',
      reason:
        'summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored',
    },
    {
      line: 4,
      text: 'actions=auto_shot',
      reason: 'auto_shot is not modelled (auto shots always run); ignored',
    },
    {
      line: 5,
      text: expect.stringContaining('aimed_shot'),
      reason: expect.stringMatching(/talent\.unload reads 0/),
    },
  ]);
  expect((r.body.config as { rotation: string }).rotation).toContain('summon_pet');
});

it('answers every bad rotation line at once, by line and column, in the error shape', async () => {
  const r = await post({
    text: [
      'spec=beast_mastery', // 1
      'actions=kill_command', // 2
      'actions+=/not_a_spell', // 3
      'actions+=/bestial_wrath,bogus=1', // 4
      'actions+=/cobra_shot,if=talent.not_a_talent', // 5
    ].join('\n'),
  });
  expect(r.status).toBe(400);
  expect(Object.keys(r.body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  expect(r.body).toMatchObject({ statusCode: 400, code: 'WL_ERR_PROFILE', error: 'Bad Request' });
  const message = r.body.message as string;
  expect(message).toContain("line 3, column 11: unknown action 'not_a_spell'");
  expect(message).toMatch(/line 4, column 25: unknown option 'bogus' for an action/);
  expect(message).toContain("line 5, column 32: unknown talent 'not_a_talent'");
  expect(message.split('; ')).toHaveLength(3);
});

it('answers a value out of range by the option and line that set it, a 400 (never a 500)', async () => {
  const r = await post({ text: 'spec=beast_mastery\nmax_time=300\ngear_crit_rating=-5' });
  expect(r.status).toBe(400);
  expect(r.body).toEqual({
    statusCode: 400,
    code: 'WL_ERR_PROFILE',
    error: 'Bad Request',
    message: 'line 3: gear_crit_rating: must be between 0 and 200000 (you entered -5)',
  });
  const inSet = await post({ text: 'spec=beast_mastery\nprofileset."long"+=max_time=99999' });
  expect(inSet.status).toBe(400);
  expect(inSet.body.message).toMatch(/^line 2: profileset "long": max_time: must be between/);
});

it('answers odd pastes in words, never with a server error', async () => {
  const odd = [
    `spec=marksmanship\n${Array.from({ length: 600 }, () => 'actions+=/steady_shot').join('\n')}`,
    'spec=beast_mastery\nactions=kill_command,if=((((((((((((((((((((((((((((((((((((1',
    'spec=beast_mastery\niterations=1' + '0'.repeat(400) + '\ntalents=C0PAAAA\u0000\uffff',
  ];
  for (const text of odd) {
    const r = await post({ text });
    expect(r.status, text.slice(0, 60)).toBe(400);
    expect(r.body.code).toBe('WL_ERR_PROFILE');
    expect(r.body.message).toMatch(/^line \d+/);
  }
});

it('limits how fast one address may ask', async () => {
  // a sentinel of its own: the tests above have spent part of this address's burst
  const fresh = await startSentinel(db.url);
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await post({ text: 'spec=beast_mastery' }, fresh.baseUrl)).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  } finally {
    await fresh.close();
  }
});
