import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { asRole, createJobAs, createUser, errorOf, insertNode, openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
let owner: string;
let friend: string;
let stranger: string;

beforeAll(async () => {
  t = await openTestDb();
  owner = (await createUser(t.pool, { meta: { user_name: 'Owner' } })).id;
  friend = (await createUser(t.pool, { meta: { user_name: 'Friend' } })).id;
  stranger = (await createUser(t.pool)).id;
});
afterAll(async () => {
  await t?.close();
});

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('rotations', () => {
  it('computes the checksum and records a version for every script change', async () => {
    const script = 'actions=kill_command\nactions+=/barbed_shot,if=pet.main.buff.frenzy.remains<1.5 # ✓';
    const id = await asRole(
      t.pool,
      'authenticated',
      owner,
      async (c) => {
        const { rows } = await c.query(
          `insert into rotations (name, spec, script) values ('BM', 'bm-hunter', $1) returning id, user_id, checksum, current_version`,
          [script],
        );
        expect(rows[0]).toMatchObject({ user_id: owner, checksum: sha(script), current_version: 1 });
        await c.query(`update rotations set name = 'BM renamed' where id = $1`, [rows[0].id]);
        await c.query(`update rotations set script = 'actions=cobra_shot' where id = $1`, [rows[0].id]);
        return rows[0].id as string;
      },
      true,
    );
    const rot = (await t.pool.query('select current_version, checksum from rotations where id = $1', [id]))
      .rows[0];
    expect(rot).toEqual({ current_version: 2, checksum: sha('actions=cobra_shot') });
    const versions = (
      await t.pool.query(
        'select version, script, checksum from rotations_versions where rotation_id = $1 order by version',
        [id],
      )
    ).rows;
    expect(versions).toEqual([
      { version: 1, script, checksum: sha(script) },
      { version: 2, script: 'actions=cobra_shot', checksum: sha('actions=cobra_shot') },
    ]);
  });

  it('does not let users forge checksum, version or owner', async () => {
    const id = (
      await t.pool.query(
        `insert into rotations (user_id, name, spec, script) values ($1, 'x', 'mm-hunter', 'actions=a') returning id`,
        [owner],
      )
    ).rows[0].id;
    for (const set of [`checksum = 'forged'`, 'current_version = 9', `user_id = '${friend}'`]) {
      const err = await errorOf(() =>
        asRole(t.pool, 'authenticated', owner, (c) =>
          c.query(`update rotations set ${set} where id = $1`, [id]),
        ),
      );
      expect(err.code).toBe('42501');
    }
    const err = await errorOf(() =>
      asRole(t.pool, 'authenticated', owner, (c) =>
        c.query(`insert into rotations (user_id, name, spec, script) values ($1, 'y', 'bm-hunter', 'a')`, [
          friend,
        ]),
      ),
    );
    expect(err.code).toBe('42501');
  });

  it('serves name ILIKE searches from trigram indexes (rotations, spells, items)', async () => {
    const c = await t.pool.connect();
    try {
      await c.query('begin');
      await c.query('set local enable_seqscan = off');
      for (const [table, index] of [
        ['public.rotations', 'rotations_name_trgm_idx'],
        ['game.spells', 'spells_name_trgm_idx'],
        ['game.items', 'items_name_trgm_idx'],
      ]) {
        const { rows } = await c.query(`explain select * from ${table} where name ilike '%shot%' limit 20`);
        expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(index);
      }
    } finally {
      await c.query('rollback');
      c.release();
    }
  });
});

describe('profiles on sign-up', () => {
  it('derives a unique, valid handle and the avatar from the sign-up metadata', async () => {
    const a = await createUser(t.pool, {
      meta: { user_name: 'Légolas.Ranger!', avatar_url: 'https://cdn.discordapp.com/avatars/1/a.png' },
    });
    const b = await createUser(t.pool, { meta: { user_name: 'Légolas.Ranger!' } });
    const c = await createUser(t.pool, { email: 'Jo@example.test' });
    const g = await createUser(t.pool, { anonymous: true });
    const g2 = await createUser(t.pool, { anonymous: true });
    const rows = (
      await t.pool.query<{ id: string; handle: string; avatar_url: string | null }>(
        'select id, handle, avatar_url from user_profiles where id = any($1::uuid[])',
        [[a.id, b.id, c.id, g.id, g2.id]],
      )
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toEqual({
      id: a.id,
      handle: 'lgolasranger',
      avatar_url: 'https://cdn.discordapp.com/avatars/1/a.png',
    });
    expect(byId.get(b.id)!.handle).toMatch(/^lgolasranger-[0-9a-f]{6}$/);
    expect(byId.get(c.id)!.handle).toBe('user');
    expect(byId.get(g.id)!.handle).toMatch(/^guest(-[0-9a-f]{6})?$/);
    expect(byId.get(g2.id)!.handle).not.toBe(byId.get(g.id)!.handle);
    for (const r of rows) expect(r.handle).toMatch(/^[a-z0-9][a-z0-9_-]{2,31}$/);
  });

  it('keeps an avatar only from the sign-in providers’ image hosts, at sign-up and on update', async () => {
    // every visitor of a player's page loads the avatar: a URL of the player's own server logged them
    const avatar = async (id: string) =>
      (
        await t.pool.query<{ avatar_url: string | null }>(
          'select avatar_url from user_profiles where id = $1',
          [id],
        )
      ).rows[0]!.avatar_url;
    const kept = [
      'https://cdn.discordapp.com/avatars/80351110224678912/1a2b3c.png',
      'https://avatars.githubusercontent.com/u/583231?v=4',
      'https://lh3.googleusercontent.com/a/ACg8ocK=s96-c',
      'https://static-cdn.jtvnw.net/jtv_user_pictures/x-profile_image-300x300.png',
    ];
    for (const url of kept)
      expect(await avatar((await createUser(t.pool, { meta: { avatar_url: url } })).id)).toBe(url);
    const dropped = [
      'https://tracker.example/pixel.gif?who=me',
      'http://cdn.discordapp.com/avatars/1/a.png', // not https
      'https://cdn.discordapp.com.evil.example/a.png', // another host
      'https://cdn.discordapp.com/a.png" onerror="x', // a quote
      'javascript:alert(1)',
    ];
    for (const url of dropped) {
      const guest = await createUser(t.pool, { anonymous: true, meta: { avatar_url: url } });
      expect(await avatar(guest.id)).toBeNull();
    }
    // a user setting their own avatar through the API: kept on a provider's host, dropped elsewhere
    const me = (await createUser(t.pool)).id;
    const set = (url: string) =>
      asRole(
        t.pool,
        'authenticated',
        me,
        (c) => c.query('update user_profiles set avatar_url = $1 where id = $2', [url, me]),
        true,
      );
    await set(kept[1]!);
    expect(await avatar(me)).toBe(kept[1]);
    await set(dropped[0]!);
    expect(await avatar(me)).toBeNull();
  });

  it('lets a user change their own handle, refusing a taken one (23505) and updating updated_at', async () => {
    const before = (await t.pool.query('select updated_at from user_profiles where id = $1', [friend]))
      .rows[0].updated_at;
    await asRole(
      t.pool,
      'authenticated',
      friend,
      (c) => c.query(`update user_profiles set handle = 'best-friend' where id = $1`, [friend]),
      true,
    );
    const after = (await t.pool.query('select handle, updated_at from user_profiles where id = $1', [friend]))
      .rows[0];
    expect(after.handle).toBe('best-friend');
    expect(after.updated_at.getTime()).toBeGreaterThan(before.getTime());
    const err = await errorOf(() =>
      asRole(t.pool, 'authenticated', owner, (c) =>
        c.query(`update user_profiles set handle = 'best-friend' where id = $1`, [owner]),
      ),
    );
    expect(err.code).toBe('23505');
  });
});

describe('nodes', () => {
  it('never shows claim_code or public_key to API users, and only name/max_parallel are writable', async () => {
    const id = await insertNode(t.pool, { userId: owner });
    for (const col of ['claim_code', 'public_key', '*']) {
      const err = await errorOf(() =>
        asRole(t.pool, 'authenticated', owner, (c) =>
          c.query(`select ${col} from nodes where id = $1`, [id]),
        ),
      );
      expect(err.code).toBe('42501');
    }
    for (const set of [`user_id = null`, `status = 'offline'`, `claim_code = 'x'`]) {
      const err = await errorOf(() =>
        asRole(t.pool, 'authenticated', owner, (c) => c.query(`update nodes set ${set} where id = $1`, [id])),
      );
      expect(err.code).toBe('42501');
    }
  });

  it('shows a node to a user it is shared with (read-only) but not to strangers', async () => {
    const id = await insertNode(t.pool, { userId: owner, name: 'shared box' });
    await t.pool.query(
      `insert into nodes_permissions (node_id, access_type, target_id) values ($1, 'user', $2)`,
      [id, friend],
    );
    await t.pool.query(
      `insert into nodes_permissions (node_id, access_type, target_id) values ($1, 'discord', '77')`,
      [id],
    );
    const view = (uid: string) =>
      asRole(t.pool, 'authenticated', uid, async (c) => ({
        nodes: (await c.query('select id, name, user_id from nodes where id = $1', [id])).rows,
        perms: (
          await c.query(
            'select access_type, target_id from nodes_permissions where node_id = $1 order by access_type',
            [id],
          )
        ).rows,
        updated: (await c.query(`update nodes set name = 'mine now' where id = $1`, [id])).rowCount,
        deleted: (await c.query('delete from nodes where id = $1', [id])).rowCount,
        permsDeleted: (await c.query('delete from nodes_permissions where node_id = $1', [id])).rowCount,
      }));
    expect(await view(friend)).toEqual({
      nodes: [{ id, name: 'shared box', user_id: owner }],
      perms: [{ access_type: 'user', target_id: friend }],
      updated: 0,
      deleted: 0,
      permsDeleted: 0,
    });
    expect(await view(stranger)).toEqual({ nodes: [], perms: [], updated: 0, deleted: 0, permsDeleted: 0 });
    const mine = await view(owner);
    expect(mine.nodes).toHaveLength(1);
    expect(mine.perms).toHaveLength(2);
    expect(mine.updated).toBe(1);
  });

  it('rejects malformed permission targets', async () => {
    const id = await insertNode(t.pool, { userId: owner });
    for (const [type, target] of [
      ['user', 'not-a-uuid'],
      ['public', 'x'],
      ['discord', null],
    ]) {
      const err = await errorOf(() =>
        asRole(t.pool, 'authenticated', owner, (c) =>
          c.query('insert into nodes_permissions (node_id, access_type, target_id) values ($1, $2, $3)', [
            id,
            type,
            target,
          ]),
        ),
      );
      expect(err.code).toBe('23514');
    }
  });

  it('returns running chunks to pending when their node is deleted by its owner', async () => {
    const node = await insertNode(t.pool, { userId: owner });
    const job = await asRole(
      t.pool,
      'authenticated',
      owner,
      async (c) =>
        (await c.query(`select public.create_job('{"engineVersion":"0.1.0"}', 2000) as id`)).rows[0].id,
      true,
    );
    await t.pool.query(
      `update jobs_chunks set status = 'running', node_id = $2, claimed_at = now() where job_id = $1`,
      [job, node],
    );
    await deleteAsOwner(node);
    const chunks = (
      await t.pool.query('select status, node_id, attempts from jobs_chunks where job_id = $1', [job])
    ).rows;
    expect(chunks).toEqual([
      { status: 'pending', node_id: null, attempts: 1 },
      { status: 'pending', node_id: null, attempts: 1 },
    ]);
  });

  it('keeps who computed its results accepted on trust since its last verified one when its owner deletes it', async () => {
    const node = await insertNode(t.pool, { userId: owner });
    const theirs = await createJobAs(t.pool, friend, { iterations: 4000 });
    const mine = await createJobAs(t.pool, owner, { iterations: 1000 });
    // on the friend's job, oldest first: trusted, verified (its last check), trusted, waiting for a replica
    const verdicts = ['trusted', 'verified', 'trusted', null];
    await t.pool.query(
      `update jobs_chunks c set status = 'completed', node_id = $2, result = '{}', digest = repeat('d', 64),
              verdict = ($3::text[])[c.seed_offset / 1000 + 1],
              completed_at = now() - make_interval(mins => 10 - c.seed_offset / 1000)
       where job_id = $1`,
      [theirs, node, verdicts],
    );
    await t.pool.query(
      `update jobs_chunks set status = 'completed', node_id = $2, result = '{}', digest = repeat('d', 64), verdict = 'trusted',
              completed_at = now() where job_id = $1`,
      [mine, node],
    );
    // its last check: a stranger's node re-ran that verified result and vouched for it
    await checkedBy(theirs, 1000, await insertNode(t.pool, { userId: stranger }), true);
    expect(await deleteAsOwner(node)).toMatchObject({ rowCount: 1 });
    const { rows } = await t.pool.query(
      `select job_id, seed_offset, node_id, deleted_node_id from jobs_chunks
       where job_id = any($1::uuid[]) and deleted_node_id is not null`,
      [[theirs, mine]],
    );
    expect(rows).toEqual([{ job_id: theirs, seed_offset: 2000, node_id: null, deleted_node_id: node }]);
    const listed = await t.pool.query('select id, user_id from private.deleted_nodes where id = $1', [node]);
    expect(listed.rows).toEqual([{ id: node, user_id: owner }]);
    // nobody but the sentinel reads the list
    const denied = await errorOf(() =>
      asRole(t.pool, 'authenticated', owner, (c) => c.query('select * from private.deleted_nodes'), true),
    );
    expect(denied.code).toBe('42501');
    // a node with nothing accepted on trust on others' jobs is not listed
    const idle = await insertNode(t.pool, { userId: owner });
    await deleteAsOwner(idle);
    expect((await t.pool.query('select 1 from private.deleted_nodes where id = $1', [idle])).rowCount).toBe(
      0,
    );
  });

  it('counts as its last check only one that vouched for it, on a job without a target error', async () => {
    const node = await insertNode(t.pool, { userId: owner });
    const theirs = await createJobAs(t.pool, stranger, { iterations: 1000 });
    // after its lie, checks it could call for: on a job of the friend (the attacker's second
    // account) by the friend's node, on a smart sim (every result is re-run there), and on a
    // stranger's job echoed by a fresh partner (accepted on the node's own word)
    const own = await createJobAs(t.pool, friend, { iterations: 1000 });
    const smart = await createJobAs(t.pool, stranger, { iterations: 1000 });
    const echoed = await createJobAs(t.pool, stranger, { iterations: 1000 });
    await t.pool.query(`update jobs set target_error = 0.01 where id = $1`, [smart]);
    await t.pool.query(
      `update jobs_chunks c set status = 'completed', node_id = $2, result = '{}', digest = repeat('d', 64),
              verdict = case when c.job_id = $1 then 'trusted' else 'verified' end,
              completed_at = now() - case when c.job_id = $1 then interval '10 minutes' else interval '1 minute' end
       where job_id = any($3::uuid[])`,
      [theirs, node, [theirs, own, smart, echoed]],
    );
    await checkedBy(own, 0, await insertNode(t.pool, { userId: friend }), false);
    await checkedBy(smart, 0, await insertNode(t.pool, { userId: stranger }), true);
    await checkedBy(echoed, 0, await insertNode(t.pool, { userId: friend }), false);
    await deleteAsOwner(node);
    const { rows } = await t.pool.query(
      `select job_id, deleted_node_id from jobs_chunks where job_id = $1 and replica_of is null`,
      [theirs],
    );
    expect(rows).toEqual([{ job_id: theirs, deleted_node_id: node }]);
  });
});

/** `node` deleted by `owner` through the API (RLS and the delete triggers apply). */
function deleteAsOwner(node: string) {
  return asRole(
    t.pool,
    'authenticated',
    owner,
    (c) => c.query('delete from nodes where id = $1', [node]),
    true,
  );
}

/**
 * A verified replica of the original at `seedOffset` of `job`, run by `node`; `vouched`: the
 * check vouched for the original's node (the sentinel marks it when it raises its streak).
 */
async function checkedBy(job: string, seedOffset: number, node: string, vouched: boolean): Promise<void> {
  await t.pool.query(
    `with o as (
       update jobs_chunks set vouched = $4 where job_id = $1 and seed_offset = $2 and replica_of is null
       returning *)
     insert into jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role,
                              status, node_id, result, digest, verdict, completed_at)
     select job_id, config_hash, iterations, seed_offset, variant, id, 'replica', 'completed', $3, '{}', digest,
            'verified', completed_at
     from o`,
    [job, seedOffset, node, vouched],
  );
}

describe('auth helpers', () => {
  it('read request.jwt.claims like Supabase (and the legacy per-claim settings)', async () => {
    const c = await t.pool.connect();
    try {
      await c.query('begin');
      const none = (await c.query('select auth.uid() as uid, auth.role() as role, auth.jwt() as jwt'))
        .rows[0];
      expect(none).toEqual({ uid: null, role: null, jwt: null });
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: owner, role: 'authenticated', is_anonymous: false }),
      ]);
      const set = (await c.query('select auth.uid() as uid, auth.role() as role, auth.jwt() as jwt')).rows[0];
      expect(set).toEqual({
        uid: owner,
        role: 'authenticated',
        jwt: { sub: owner, role: 'authenticated', is_anonymous: false },
      });
      await c.query(`select set_config('request.jwt.claim.sub', $1, true)`, [friend]);
      expect((await c.query('select auth.uid() as uid')).rows[0].uid).toBe(friend);
    } finally {
      await c.query('rollback');
      c.release();
    }
  });
});

describe('stats views', () => {
  it('rank completed public jobs per spec and refresh concurrently through refresh_stats_views()', async () => {
    const mk = async (spec: string, mean: number, access: string) => {
      const id = await asRole(
        t.pool,
        'authenticated',
        owner,
        async (c) =>
          (
            await c.query('select public.create_job($1::jsonb, 10, $2) as id', [
              JSON.stringify({ engineVersion: '0.1.0', spec, mean }),
              access,
            ])
          ).rows[0].id,
        true,
      );
      await t.pool.query(
        `update jobs set status = 'completed', completed_at = now(), completed_iterations = 10, chunks_completed = 1,
                         result = jsonb_build_object('mean', $2::float8, 'dpsError', 1.5) where id = $1`,
        [id, mean],
      );
      return id;
    };
    const best = await mk('bm-hunter', 300, 'public');
    await mk('bm-hunter', 100, 'public');
    await mk('bm-hunter', 200, 'public');
    await mk('bm-hunter', 999, 'private');
    await mk('mm-hunter', 50, 'public');
    expect(
      (
        await errorOf(() =>
          asRole(t.pool, 'authenticated', owner, (c) => c.query('select public.refresh_stats_views()')),
        )
      ).code,
    ).toBe('42501');
    await asRole(
      t.pool,
      'service_role',
      undefined,
      (c) => c.query('select public.refresh_stats_views()'),
      true,
    );
    const rankings = (
      await t.pool.query('select spec, jobs, top_dps, median_dps from spec_rankings_hourly order by spec')
    ).rows;
    expect(rankings).toEqual([
      { spec: 'bm-hunter', jobs: 3, top_dps: 300, median_dps: 200 },
      { spec: 'mm-hunter', jobs: 1, top_dps: 50, median_dps: 50 },
    ]);
    const top = (
      await t.pool.query(
        `select job_id, rank, dps, handle from top_sims_daily where spec = 'bm-hunter' order by rank`,
      )
    ).rows;
    expect(top.map((r) => r.dps)).toEqual([300, 200, 100]);
    expect(top[0]).toMatchObject({ job_id: best, rank: 1, handle: 'owner' });
  });
});
