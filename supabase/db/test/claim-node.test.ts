import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, createUser, errorOf, insertNode, openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await openTestDb();
  alice = (await createUser(t.pool)).id;
  bob = (await createUser(t.pool)).id;
});
afterAll(async () => {
  await t?.close();
});

function claim(uid: string | undefined, code: unknown, name: unknown = 'My box', maxParallel: unknown = 4) {
  return asRole(
    t.pool,
    uid ? 'authenticated' : 'anon',
    uid,
    async (c) =>
      (await c.query('select * from public.claim_node($1, $2, $3)', [code, name, maxParallel])).rows[0],
    true,
  );
}

describe('claim_node', () => {
  it('gives an unclaimed node to the caller, clears the code and applies name and max_parallel', async () => {
    const id = await insertNode(t.pool, { claimCode: 'K7Q-2XW-9PL' });
    const row = await claim(alice, '  K7Q-2XW-9PL ', '  Living room PC ', 6);
    expect(row).toMatchObject({
      id,
      user_id: alice,
      claim_code: null,
      name: 'Living room PC',
      max_parallel: 6,
    });
    const stored = (
      await t.pool.query('select user_id, claim_code, name, max_parallel from nodes where id = $1', [id])
    ).rows[0];
    expect(stored).toEqual({ user_id: alice, claim_code: null, name: 'Living room PC', max_parallel: 6 });
  });

  it('rejects a wrong code with PT404 and changes nothing', async () => {
    const id = await insertNode(t.pool, { claimCode: 'RIGHT-CODE-1' });
    const err = await errorOf(() => claim(alice, 'WRONG-CODE-1'));
    expect(err).toMatchObject({
      code: 'PT404',
      message: 'No unclaimed node has this claim code.',
    });
    const node = (await t.pool.query('select user_id, claim_code from nodes where id = $1', [id])).rows[0];
    expect(node).toEqual({ user_id: null, claim_code: 'RIGHT-CODE-1' });
  });

  it('matches the whole code whatever its case, spaces or dashes (never a prefix or a pattern)', async () => {
    await insertNode(t.pool, { claimCode: 'EXACTCODE9' });
    expect((await errorOf(() => claim(alice, 'ExactCode'))).code).toBe('PT404');
    expect((await errorOf(() => claim(alice, 'ExactCode%'))).code).toBe('PT404');
    expect(await claim(alice, ' exact-code 9 ')).toMatchObject({ user_id: alice, claim_code: null });
  });

  it('keeps the node’s own name and max_parallel (its cores) when the claim leaves them out', async () => {
    const id = await insertNode(t.pool, { claimCode: 'KEEPCORES1' });
    await t.pool.query(`update nodes set name = 'rack-7', max_parallel = 12 where id = $1`, [id]);
    const row = await claim(alice, 'keepcores1', null, null);
    expect(row).toMatchObject({ id, user_id: alice, name: 'rack-7', max_parallel: 12 });
  });

  it('refuses a node that is already claimed, keeping its owner', async () => {
    const id = await insertNode(t.pool, { claimCode: 'ONCE-ONLY-1' });
    await claim(alice, 'ONCE-ONLY-1');
    const err = await errorOf(() => claim(bob, 'ONCE-ONLY-1'));
    expect(err.code).toBe('PT404');
    // Even a node that kept its code but has an owner cannot be taken over.
    const owned = await insertNode(t.pool, { userId: alice, claimCode: 'OWNED-KEPT-1' });
    expect((await errorOf(() => claim(bob, 'OWNED-KEPT-1'))).code).toBe('PT404');
    const owners = await t.pool.query(
      'select id, user_id from nodes where id = any($1::uuid[]) order by id',
      [[id, owned]],
    );
    for (const r of owners.rows) expect(r.user_id).toBe(alice);
  });

  it('validates its parameters and requires a signed-in user', async () => {
    await insertNode(t.pool, { claimCode: 'VALID-CODE-2' });
    expect((await errorOf(() => claim(alice, ''))).code).toBe('22023');
    expect((await errorOf(() => claim(alice, null))).code).toBe('22023');
    expect((await errorOf(() => claim(alice, 'VALID-CODE-2', 'x'.repeat(65)))).code).toBe('22023');
    expect((await errorOf(() => claim(alice, 'VALID-CODE-2', 'ok', 0))).code).toBe('22023');
    expect((await errorOf(() => claim(alice, 'VALID-CODE-2', 'ok', 1025))).code).toBe('22023');
    expect((await errorOf(() => claim(undefined, 'VALID-CODE-2'))).code).toBe('42501');
    const err = await errorOf(() =>
      asRole(t.pool, 'authenticated', undefined, (c) =>
        c.query(`select public.claim_node('VALID-CODE-2', 'n', 1)`),
      ),
    );
    expect(err).toMatchObject({ code: '42501', message: expect.stringMatching(/^Sign in/) });
    const still = await t.pool.query(`select user_id from nodes where claim_code = 'VALID-CODE-2'`);
    expect(still.rows[0].user_id).toBeNull();
  });
});
