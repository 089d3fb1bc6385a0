import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { JOB_CHUNK_ITERATIONS, MAX_VARIANTS } from '@wowlab/sim-core';
import {
  asRole,
  createJobAs,
  createUser,
  errorOf,
  insertNode,
  openTestDb,
  sampleConfig,
  type ApiRole,
  type TestDb,
} from './helpers.ts';

let t: TestDb;
let user: string;

beforeAll(async () => {
  t = await openTestDb();
  user = (await createUser(t.pool)).id;
});
afterAll(async () => {
  await t?.close();
});

function callCreateJob(
  role: ApiRole,
  uid: string | undefined,
  args: { config?: unknown; iterations?: unknown; access?: unknown; discord?: unknown; seed?: unknown },
) {
  return asRole(t.pool, role, uid, (c) =>
    c.query('select public.create_job($1::jsonb, $2::int, $3::text, $4::text, $5::bigint) as id', [
      args.config === undefined ? JSON.stringify(sampleConfig()) : args.config,
      args.iterations === undefined ? 1000 : args.iterations,
      args.access === undefined ? 'private' : args.access,
      args.discord ?? null,
      args.seed ?? null,
    ]),
  );
}

describe('create_job chunking', () => {
  // sim-core's chunk size: its cost model prices a chunk of it, and each block of it calibrates its
  // own target health, so a chunk of another size would calibrate twice (engine/health.ts)
  const CHUNK = JOB_CHUNK_ITERATIONS;
  for (const iterations of [1, CHUNK - 1, CHUNK, CHUNK + 1, 250_000]) {
    it(`splits ${iterations} iterations into chunks of sim-core's size with the remainder last`, async () => {
      const id = await createJobAs(t.pool, user, { iterations });
      const job = (await t.pool.query('select * from jobs where id = $1', [id])).rows[0];
      const chunks = (
        await t.pool.query<{ iterations: number; seed_offset: number; status: string; config_hash: string }>(
          'select iterations, seed_offset, status, config_hash from jobs_chunks where job_id = $1 order by seed_offset',
          [id],
        )
      ).rows;
      const expected = Math.ceil(iterations / CHUNK);
      expect(job.total_iterations).toBe(iterations);
      expect(job.chunks_total).toBe(expected);
      expect(job.completed_iterations).toBe(0);
      expect(job.chunks_completed).toBe(0);
      expect(job.status).toBe('pending');
      expect(job.engine_version).toBe('0.1.0');
      expect(chunks).toHaveLength(expected);
      chunks.forEach((c, i) => {
        expect(c.seed_offset).toBe(i * CHUNK);
        expect(c.iterations).toBe(i < expected - 1 ? CHUNK : iterations - (expected - 1) * CHUNK);
        expect(c.status).toBe('pending');
        expect(c.config_hash).toBe(job.config_hash);
      });
      expect(chunks.reduce((s, c) => s + c.iterations, 0)).toBe(iterations);
    });
  }
});

describe('create_job config, hash and seed', () => {
  it('stores the config under sha-256 of its jsonb text and reuses the row for the same config', async () => {
    const config = sampleConfig({
      note: 'héllo "wörld"\n\t✓ 🐉',
      nested: { b: [1, 2.5, -0.125, 1e21], a: null },
    });
    const a = await createJobAs(t.pool, user, { config });
    const before = (
      await t.pool.query('select hash, last_used_at from jobs_configs order by last_used_at desc limit 1')
    ).rows[0];
    const b = await createJobAs(t.pool, user, { config: { ...config } });
    const rows = (
      await t.pool.query<{ hash: string; text: string; last_used_at: Date }>(
        `select c.hash, c.config::text as text, c.last_used_at from jobs j join jobs_configs c on c.hash = j.config_hash
          where j.id = any($1::uuid[])`,
        [[a, b]],
      )
    ).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.hash).toBe(rows[1]!.hash);
    expect(rows[0]!.hash).toBe(createHash('sha256').update(rows[0]!.text, 'utf8').digest('hex'));
    expect(rows[0]!.hash).toBe(before.hash);
    expect(rows[0]!.last_used_at.getTime()).toBeGreaterThan(before.last_used_at.getTime());
    const count = await t.pool.query('select count(*)::int as n from jobs_configs where hash = $1', [
      before.hash,
    ]);
    expect(count.rows[0].n).toBe(1);
  });

  it('keeps a fixed seed and draws a random one in 0..2^53-1 otherwise (bigint comes back as a string)', async () => {
    const fixed = await asRole(
      t.pool,
      'authenticated',
      user,
      async (c) => {
        const { rows } = await c.query(
          'select public.create_job($1::jsonb, 10, seed => 9007199254740991) as id',
          [JSON.stringify(sampleConfig())],
        );
        return rows[0].id as string;
      },
      true,
    );
    const seeds = [];
    for (let i = 0; i < 3; i++) {
      const id = await createJobAs(t.pool, user, { iterations: 1 });
      seeds.push((await t.pool.query('select seed from jobs where id = $1', [id])).rows[0].seed as string);
    }
    const fixedSeed = (await t.pool.query('select seed from jobs where id = $1', [fixed])).rows[0].seed;
    expect(fixedSeed).toBe('9007199254740991');
    for (const s of seeds) {
      expect(typeof s).toBe('string');
      const n = BigInt(s);
      expect(n >= 0n && n <= 9007199254740991n).toBe(true);
    }
    expect(new Set(seeds).size).toBe(3);
    await t.pool.query(`update jobs set status = 'completed' where user_id = $1`, [user]);
  });
});

describe('create_job rejections', () => {
  const bad: Array<[string, Parameters<typeof callCreateJob>[2], string, RegExp]> = [
    ['a null config', { config: null }, '22004', /config is required/],
    ['a config that is not an object', { config: '[1,2]' }, '22023', /must be a JSON object/],
    [
      'a config over 256 KiB',
      { config: JSON.stringify(sampleConfig({ rotation: 'x'.repeat(262_144) })) },
      '22023',
      /limit is 262144 bytes/,
    ],
    [
      'a config without engineVersion',
      { config: JSON.stringify({ spec: 'bm-hunter' }) },
      '22023',
      /engineVersion/,
    ],
    [
      'a non-string engineVersion',
      { config: JSON.stringify({ engineVersion: 1 }) },
      '22023',
      /engineVersion/,
    ],
    ['an empty engineVersion', { config: JSON.stringify({ engineVersion: '' }) }, '22023', /engineVersion/],
    ['0 iterations', { iterations: 0 }, '22023', /iterations must be between 1 and 1000000, got 0/],
    ['negative iterations', { iterations: -5 }, '22023', /iterations/],
    ['1,000,001 iterations', { iterations: 1_000_001 }, '22023', /iterations/],
    ['null iterations', { iterations: null }, '22023', /got null/],
    ['an unknown access type', { access: 'secret' }, '22023', /unknown access_type 'secret'/],
    ['a null access type', { access: null }, '22023', /unknown access_type null/],
    ['discord without a server id', { access: 'discord' }, '22023', /discord_server_id is required/],
    ['discord with a malformed server id', { access: 'discord', discord: 'abc' }, '22023', /guild id/],
    ['a server id on a private job', { access: 'private', discord: '123' }, '22023', /only allowed/],
    ['a negative seed', { seed: -1 }, '22023', /seed must be between 0 and 2\^53-1/],
    ['a seed of 2^53', { seed: '9007199254740992' }, '22023', /seed/],
  ];
  for (const [what, args, code, message] of bad) {
    it(`rejects ${what} with SQLSTATE ${code}`, async () => {
      const before = (await t.pool.query('select count(*)::int as n from jobs')).rows[0].n;
      const err = await errorOf(() => callCreateJob('authenticated', user, args));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect((await t.pool.query('select count(*)::int as n from jobs')).rows[0].n).toBe(before);
    });
  }

  it('refuses anon (no execute privilege) and a token without a user', async () => {
    expect((await errorOf(() => callCreateJob('anon', undefined, {}))).code).toBe('42501');
    const err = await errorOf(() => callCreateJob('authenticated', undefined, {}));
    expect(err).toMatchObject({ code: '42501', message: expect.stringMatching(/^Sign in/) });
  });

  it('refuses a token whose user does not exist (42501) and a JSON null config (22023)', async () => {
    const ghost = '00000000-0000-4000-8000-00000000dead';
    const err = await errorOf(() => callCreateJob('authenticated', ghost, {}));
    expect(err).toMatchObject({ code: '42501', message: expect.stringMatching(/unknown user/) });
    const nul = await errorOf(() => callCreateJob('authenticated', user, { config: 'null' }));
    expect(nul).toMatchObject({ code: '22023', message: expect.stringMatching(/JSON object, got null/) });
  });

  it('lets guests create private and public jobs only', async () => {
    const guest = (await createUser(t.pool, { anonymous: true })).id;
    await expect(callCreateJob('authenticated', guest, { access: 'public' })).resolves.toBeDefined();
    await expect(callCreateJob('authenticated', guest, { access: 'private' })).resolves.toBeDefined();
    for (const [access, discord] of [
      ['user', null],
      ['discord', '123456789012345678'],
    ]) {
      const err = await errorOf(() => callCreateJob('authenticated', guest, { access, discord }));
      expect(err).toMatchObject({ code: '42501', message: expect.stringMatching(/guest/) });
    }
  });

  it('accepts user and discord jobs from accounts', async () => {
    const id = await createJobAs(t.pool, user, {
      accessType: 'discord',
      discord: '123456789012345678',
      iterations: 5,
    });
    const job = (await t.pool.query('select access_type, discord_server_id from jobs where id = $1', [id]))
      .rows[0];
    expect(job).toEqual({ access_type: 'discord', discord_server_id: '123456789012345678' });
    await t.pool.query(`update jobs set status = 'completed' where id = $1`, [id]);
  });

  it('holds the 20-active-jobs limit under concurrent calls (per-user advisory lock)', async () => {
    const racer = (await createUser(t.pool)).id;
    const results = await Promise.allSettled(
      Array.from({ length: 26 }, () => createJobAs(t.pool, racer, { iterations: 1 })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const limited = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'PT429',
    ).length;
    expect({ ok, limited }).toEqual({ ok: 20, limited: 6 });
    const active = await t.pool.query(
      `select count(*)::int as n from jobs where user_id = $1 and status in ('pending', 'running')`,
      [racer],
    );
    expect(active.rows[0].n).toBe(20);
  });

  it('makes a concurrent create_job wait for the first one, then counts its job (no 21st job)', async () => {
    const racer = (await createUser(t.pool)).id;
    for (let i = 0; i < 19; i++) await createJobAs(t.pool, racer, { iterations: 1 });
    const open = async () => {
      const c = await t.pool.connect();
      await c.query('begin');
      await c.query('set local role authenticated');
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: racer })]);
      return c;
    };
    const a = await open();
    const b = await open();
    try {
      await a.query(`select public.create_job('{"engineVersion":"0.1.0"}', 1)`); // the 20th, not committed yet
      let bDone = false;
      const bCall = b.query(`select public.create_job('{"engineVersion":"0.1.0"}', 1)`).finally(() => {
        bDone = true;
      });
      bCall.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false); // blocked on the per-user lock
      await a.query('commit');
      const err = await errorOf(() => bCall);
      expect(err.code).toBe('PT429');
    } finally {
      await a.query('rollback').catch(() => undefined);
      await b.query('rollback').catch(() => undefined);
      a.release();
      b.release();
    }
  });

  it('limits a user to 20 active jobs (PT429) and frees a slot when one finishes', async () => {
    const busy = (await createUser(t.pool)).id;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await createJobAs(t.pool, busy, { iterations: 1 }));
    const err = await errorOf(() => callCreateJob('authenticated', busy, { iterations: 1 }));
    expect(err).toMatchObject({ code: 'PT429', message: expect.stringMatching(/20 sims running/) });
    await t.pool.query(`update jobs set status = 'running' where id = $1`, [ids[0]]);
    expect((await errorOf(() => callCreateJob('authenticated', busy, { iterations: 1 }))).code).toBe('PT429');
    await t.pool.query(`update jobs set status = 'completed' where id = $1`, [ids[0]]);
    await expect(createJobAs(t.pool, busy, { iterations: 1 })).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });

  it('limits a user to 120 sims started per hour (PT429), cancelled ones too; older ones do not count', async () => {
    const churner = (await createUser(t.pool)).id;
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      ids.push(await createJobAs(t.pool, churner, { iterations: 1 }));
      await t.pool.query(`update jobs set status = 'cancelled' where id = $1`, [ids[i]]);
    }
    const err = await errorOf(() => callCreateJob('authenticated', churner, { iterations: 1 }));
    expect(err).toMatchObject({
      code: 'PT429',
      message: 'You started 120 sims in the last hour (the limit is 120); try again later.',
    });
    // another account is not limited by it
    const other = (await createUser(t.pool)).id;
    await expect(createJobAs(t.pool, other, { iterations: 1 })).resolves.toMatch(/^[0-9a-f-]{36}$/);
    // once the first started over an hour ago, one more may start
    await t.pool.query(`update jobs set created_at = now() - interval '61 minutes' where id = $1`, [ids[0]]);
    await expect(createJobAs(t.pool, churner, { iterations: 1 })).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('user sharing is the job owner’s grant', () => {
  it('names node owners who offered a node to me; anyone else, or no one, is refused in words', async () => {
    const me = (await createUser(t.pool)).id;
    const sharer = (await createUser(t.pool)).id;
    const stranger = (await createUser(t.pool)).id;
    const node = await insertNode(t.pool, { userId: sharer });
    await t.pool.query(
      `insert into nodes_permissions (node_id, access_type, target_id) values ($1, 'user', $2)`,
      [node, me],
    );
    // the stranger names me on their node, but I never chose them
    const strangersNode = await insertNode(t.pool, { userId: stranger });
    await t.pool.query(
      `insert into nodes_permissions (node_id, access_type, target_id) values ($1, 'user', $2)`,
      [strangersNode, me],
    );
    const none = await errorOf(() => createJobAs(t.pool, me, { accessType: 'user', iterations: 1 }));
    expect(none).toMatchObject({ code: '22023', message: 'Choose who may run a sim shared with users.' });
    const notOffered = (await createUser(t.pool)).id;
    const bad = await errorOf(() =>
      createJobAs(t.pool, me, { accessType: 'user', iterations: 1, sharedWith: [sharer, notOffered] }),
    );
    expect(bad).toMatchObject({
      code: '22023',
      message: 'One of the users you chose has not shared a node with you.',
    });
    const wrongKind = await errorOf(() =>
      createJobAs(t.pool, me, { accessType: 'public', iterations: 1, sharedWith: [sharer] }),
    );
    expect(wrongKind.code).toBe('22023');

    const id = await createJobAs(t.pool, me, {
      accessType: 'user',
      iterations: 1,
      sharedWith: [sharer, sharer],
    });
    const job = (await t.pool.query('select shared_with::text[] as s from jobs where id = $1', [id])).rows[0];
    expect(job).toEqual({ s: [sharer] });

    const offered = await asRole(
      t.pool,
      'authenticated',
      me,
      async (c) =>
        (await c.query('select user_id, node_count from public.nodes_shared_with_me() order by user_id'))
          .rows,
    );
    expect(offered).toEqual(
      [
        { user_id: sharer, node_count: 1 },
        { user_id: stranger, node_count: 1 },
      ].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );
    await t.pool.query(`update jobs set status = 'completed' where id = $1`, [id]);
  });
});

describe('create_job with variants (profilesets)', () => {
  function withVariants(uid: string, iterations: number, variants: unknown) {
    return asRole(
      t.pool,
      'authenticated',
      uid,
      (c) =>
        c.query('select public.create_job($1::jsonb, $2::int, variants => $3::jsonb) as id', [
          JSON.stringify(sampleConfig()),
          iterations,
          JSON.stringify(variants),
        ]),
      true,
    );
  }
  const variant = (name: string, agility: number) => ({
    name,
    config: sampleConfig({
      player: { stats: { agility, crit: 0, haste: 0, mastery: 0, versatility: 0 }, talents: [] },
    }),
  });

  it('gives every variant its config and the base seed offsets; totals count every variant', async () => {
    const uid = (await createUser(t.pool)).id;
    const res = await withVariants(uid, 2500, [
      variant('more agility', 11000),
      variant('less agility', 9000),
    ]);
    const id = (res.rows[0] as { id: string }).id;
    const job = (await t.pool.query('select * from jobs where id = $1', [id])).rows[0];
    expect(job.total_iterations).toBe(7500);
    expect(job.chunks_total).toBe(9);
    expect(job.variants.map((v: { name: string }) => v.name)).toEqual(['more agility', 'less agility']);
    const chunks = (
      await t.pool.query<{ variant: number; seed_offset: number; iterations: number; config_hash: string }>(
        'select variant, seed_offset, iterations, config_hash from jobs_chunks where job_id = $1 order by variant, seed_offset',
        [id],
      )
    ).rows;
    const perVariant = [0, 1, 2].map((v) => chunks.filter((c) => c.variant === v));
    for (const rows of perVariant) {
      expect(rows.map((c) => [c.seed_offset, c.iterations])).toEqual([
        [0, 1000],
        [1000, 1000],
        [2000, 500],
      ]);
    }
    expect(perVariant[0]!.every((c) => c.config_hash === job.config_hash)).toBe(true);
    expect(perVariant[1]!.every((c) => c.config_hash === job.variants[0].configHash)).toBe(true);
    expect(perVariant[2]!.every((c) => c.config_hash === job.variants[1].configHash)).toBe(true);
    expect(new Set([job.config_hash, job.variants[0].configHash, job.variants[1].configHash]).size).toBe(3);
    const stored = await t.pool.query('select count(*)::int as n from jobs_configs where hash = any($1)', [
      [job.variants[0].configHash, job.variants[1].configHash],
    ]);
    expect(stored.rows[0].n).toBe(2);
  });

  it(`refuses more variants than sim-core's MAX_VARIANTS (${MAX_VARIANTS}), in words`, async () => {
    const uid = (await createUser(t.pool)).id;
    const many = Array.from({ length: MAX_VARIANTS + 1 }, (_, k) => ({
      name: `v${k}`,
      config: sampleConfig(),
    }));
    const e = await errorOf(() => withVariants(uid, 1, many));
    expect(e.message).toBe(
      `A sim can compare at most ${MAX_VARIANTS} variants; this one has ${MAX_VARIANTS + 1}.`,
    );
    // exactly the limit is fine
    await withVariants(uid, 1, many.slice(0, MAX_VARIANTS));
  });

  it.each([
    ['two variants with one name', [variant('a', 1), variant('a', 2)], /Two variants are both named "a"/],
    [
      'a variant without a name',
      [{ name: ' ', config: sampleConfig() }],
      /Every variant needs a name and a config/,
    ],
    ['a variant without a config', [{ name: 'x' }], /Every variant needs a name and a config/],
    [
      'another engine version',
      [{ name: 'old', config: sampleConfig({ engineVersion: '0.0.9' }) }],
      /Variant "old" is for another engine version/,
    ],
  ])('refuses %s', async (_what, variants, message) => {
    const uid = (await createUser(t.pool)).id;
    const e = await errorOf(() => withVariants(uid, 1000, variants));
    expect(e.code).toBe('22023');
    expect(e.message).toMatch(message);
    const jobs = await t.pool.query('select count(*)::int as n from jobs where user_id = $1', [uid]);
    expect(jobs.rows[0].n).toBe(0);
  });

  it('caps the iterations of all variants together', async () => {
    const uid = (await createUser(t.pool)).id;
    const e = await errorOf(() =>
      withVariants(uid, 1_000_000, [variant('a', 1), variant('b', 2), variant('c', 3)]),
    );
    expect(e.message).toBe(
      'A sim with 3 variants can run at most 500000 iterations each (2000000 in all); lower the iterations or compare fewer variants.',
    );
    await withVariants(uid, 500_000, [variant('a', 1), variant('b', 2), variant('c', 3)]);
  });
});
