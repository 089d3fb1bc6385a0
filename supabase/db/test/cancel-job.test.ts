import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, createJobAs, createUser, errorOf, insertNode, openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
let owner: string;
let other: string;
beforeAll(async () => {
  t = await openTestDb();
  owner = (await createUser(t.pool)).id;
  other = (await createUser(t.pool)).id;
});
afterAll(async () => {
  await t?.close();
});

const cancel = (uid: string | undefined, jobId: string | null) =>
  asRole(
    t.pool,
    uid ? 'authenticated' : 'anon',
    uid,
    (c) => c.query('select public.cancel_job($1)', [jobId]),
    true,
  );

describe('cancel_job', () => {
  it('cancels an own running job, failing its pending chunks and leaving running ones to the sentinel', async () => {
    const job = await createJobAs(t.pool, owner, { iterations: 3000 });
    const node = await insertNode(t.pool, { userId: owner });
    await t.pool.query(`update jobs set status = 'running' where id = $1`, [job]);
    await t.pool.query(
      `update jobs_chunks set status = 'running', node_id = $2 where job_id = $1 and seed_offset = 0`,
      [job, node],
    );
    await cancel(owner, job);
    const j = (await t.pool.query('select status, error from jobs where id = $1', [job])).rows[0];
    expect(j).toEqual({ status: 'cancelled', error: 'cancelled by its owner' });
    const chunks = (
      await t.pool.query(
        'select seed_offset, status from jobs_chunks where job_id = $1 order by seed_offset',
        [job],
      )
    ).rows;
    expect(chunks).toEqual([
      { seed_offset: 0, status: 'running' },
      { seed_offset: 1000, status: 'failed' },
      { seed_offset: 2000, status: 'failed' },
    ]);
  });

  it("refuses other users' jobs, finished jobs, unknown ids and anonymous callers", async () => {
    const job = await createJobAs(t.pool, owner, { iterations: 10, accessType: 'public' });
    expect((await errorOf(() => cancel(other, job))).code).toBe('PT404');
    expect((await errorOf(() => cancel(owner, '00000000-0000-4000-8000-000000000000'))).code).toBe('PT404');
    expect((await errorOf(() => cancel(owner, null))).code).toBe('22004');
    expect((await errorOf(() => cancel(undefined, job))).code).toBe('42501');
    await t.pool.query(`update jobs set status = 'completed' where id = $1`, [job]);
    const err = await errorOf(() => cancel(owner, job));
    expect(err).toMatchObject({ code: 'PT404', message: 'You have no pending or running sim with this id.' });
    expect((await t.pool.query('select status from jobs where id = $1', [job])).rows[0].status).toBe(
      'completed',
    );
  });
});
