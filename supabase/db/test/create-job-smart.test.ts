// create_job's smart-sim options: a target error (with its cap) and, for jobs with variants,
// whether variants clearly below the best stop early.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, createUser, errorOf, openTestDb, sampleConfig, type TestDb } from './helpers.ts';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe('create_job with a target error (smart sims)', () => {
  function withTarget(uid: string, target: number, variants: unknown = null) {
    return asRole(
      t.pool,
      'authenticated',
      uid,
      (c) =>
        c.query(
          'select public.create_job($1::jsonb, 50000, variants => $2::jsonb, target_error => $3) as id',
          [JSON.stringify(sampleConfig()), variants === null ? null : JSON.stringify(variants), target],
        ),
      true,
    );
  }

  it('keeps the target and the cap (all chunks created, in seed order)', async () => {
    const uid = (await createUser(t.pool)).id;
    const id = ((await withTarget(uid, 0.001)).rows[0] as { id: string }).id;
    const job = (
      await t.pool.query('select target_error, total_iterations, chunks_total from jobs where id = $1', [id])
    ).rows[0];
    expect(job).toEqual({ target_error: 0.001, total_iterations: 50000, chunks_total: 50 });
  });

  it.each([
    [0.00001, /between 0.01 % and 10 % of the mean DPS/],
    [0.5, /between 0.01 % and 10 % of the mean DPS/],
  ])('refuses a target of %s in words', async (target, message) => {
    const uid = (await createUser(t.pool)).id;
    const e = await errorOf(() => withTarget(uid, target));
    expect(e.code).toBe('22023');
    expect(e.message).toMatch(message);
  });

  it('applies to every variant, with elimination unless the job asks for none (stat weights)', async () => {
    const uid = (await createUser(t.pool)).id;
    const cfg = { ...sampleConfig(), name: 'v' };
    const id = ((await withTarget(uid, 0.001, [{ name: 'v', config: cfg }])).rows[0] as { id: string }).id;
    const weights = (
      await asRole(
        t.pool,
        'authenticated',
        uid,
        (c) =>
          c.query(
            'select public.create_job($1::jsonb, 50000, variants => $2::jsonb, target_error => 0.001, eliminate => false) as id',
            [JSON.stringify(sampleConfig()), JSON.stringify([{ name: 'v', config: cfg }])],
          ),
        true,
      )
    ).rows[0] as { id: string };
    const { rows } = await t.pool.query(
      `select id = $1 as first, target_error, smart_elimination, chunks_total from jobs where id in ($1, $2) order by 1 desc`,
      [id, weights.id],
    );
    expect(rows).toEqual([
      { first: true, target_error: 0.001, smart_elimination: true, chunks_total: 100 },
      { first: false, target_error: 0.001, smart_elimination: false, chunks_total: 100 },
    ]);
  });
});
