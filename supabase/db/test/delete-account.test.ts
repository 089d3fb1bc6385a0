import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asRole,
  createJobAs,
  createUser,
  errorOf,
  insertNode,
  openTestDb,
  sampleConfig,
  type TestDb,
} from './helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string, params: unknown[]) => (await t.pool.query(sql, params)).rows[0].n as number;

describe('delete_own_account', () => {
  it('removes the user and everything they own, and nothing of anybody else', async () => {
    const leaving = (await createUser(t.pool, { meta: { user_name: 'leaver' } })).id;
    const staying = (await createUser(t.pool, { meta: { user_name: 'stayer' } })).id;
    await t.pool.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider)
       values ('555', $1, '{"sub":"555"}', 'discord')`,
      [leaving],
    );
    const shared = sampleConfig({ note: 'shared' });
    const ownJob = await createJobAs(t.pool, leaving, { config: sampleConfig({ note: 'own' }) });
    const sharedJob = await createJobAs(t.pool, leaving, { config: shared });
    const othersJob = await createJobAs(t.pool, staying, { config: shared, iterations: 3000 });
    const leavingNode = await insertNode(t.pool, { userId: leaving });
    const stayingNode = await insertNode(t.pool, { userId: staying });
    await t.pool.query(`insert into nodes_permissions (node_id, access_type) values ($1, 'public')`, [
      leavingNode,
    ]);
    await t.pool.query(
      `insert into nodes_permissions (node_id, access_type, target_id) values ($1, 'user', $2)`,
      [stayingNode, leaving],
    );
    // The staying user's chunk runs on the leaving user's node.
    await t.pool.query(
      `update jobs_chunks set status = 'running', node_id = $2, claimed_at = now()
        where job_id = $1 and seed_offset = 0`,
      [othersJob, leavingNode],
    );
    await t.pool.query(
      `insert into rotations (user_id, name, spec, script) values ($1, 'r', 'bm-hunter', 'actions=a')`,
      [leaving],
    );
    const ownHash = (await t.pool.query('select config_hash from jobs where id = $1', [ownJob])).rows[0]
      .config_hash;
    const sharedHash = (await t.pool.query('select config_hash from jobs where id = $1', [sharedJob])).rows[0]
      .config_hash;

    await asRole(
      t.pool,
      'authenticated',
      leaving,
      (c) => c.query('select public.delete_own_account()'),
      true,
    );

    expect(await count('select count(*)::int as n from auth.users where id = $1', [leaving])).toBe(0);
    expect(await count('select count(*)::int as n from auth.identities where user_id = $1', [leaving])).toBe(
      0,
    );
    expect(await count('select count(*)::int as n from user_profiles where id = $1', [leaving])).toBe(0);
    expect(await count('select count(*)::int as n from jobs where user_id = $1', [leaving])).toBe(0);
    expect(
      await count('select count(*)::int as n from jobs_chunks where job_id = any($1::uuid[])', [
        [ownJob, sharedJob],
      ]),
    ).toBe(0);
    expect(await count('select count(*)::int as n from nodes where user_id = $1', [leaving])).toBe(0);
    expect(
      await count('select count(*)::int as n from nodes_permissions where node_id = $1 or target_id = $2', [
        leavingNode,
        leaving,
      ]),
    ).toBe(0);
    expect(await count('select count(*)::int as n from rotations where user_id = $1', [leaving])).toBe(0);
    expect(
      await count(
        'select count(*)::int as n from rotations_versions v left join rotations r on r.id = v.rotation_id where r.id is null',
        [],
      ),
    ).toBe(0);
    expect(await count('select count(*)::int as n from jobs_configs where hash = $1', [ownHash])).toBe(0);
    // Still used by the staying user's job.
    expect(await count('select count(*)::int as n from jobs_configs where hash = $1', [sharedHash])).toBe(1);
    expect(await count('select count(*)::int as n from user_profiles where id = $1', [staying])).toBe(1);
    expect(await count('select count(*)::int as n from jobs where id = $1', [othersJob])).toBe(1);
    expect(await count('select count(*)::int as n from nodes where id = $1', [stayingNode])).toBe(1);
    const chunk = (
      await t.pool.query(
        'select status, node_id, claimed_at, attempts from jobs_chunks where job_id = $1 and seed_offset = 0',
        [othersJob],
      )
    ).rows[0];
    expect(chunk).toEqual({ status: 'pending', node_id: null, claimed_at: null, attempts: 1 });
  });

  it('requires a signed-in user', async () => {
    expect(
      (
        await errorOf(() =>
          asRole(t.pool, 'anon', undefined, (c) => c.query('select public.delete_own_account()')),
        )
      ).code,
    ).toBe('42501');
    const err = await errorOf(() =>
      asRole(t.pool, 'authenticated', undefined, (c) => c.query('select public.delete_own_account()')),
    );
    expect(err.code).toBe('42501');
  });
});
