// The rest of the supported PostgREST subset through supabase-js: upserts (merge/ignore duplicates,
// on_conflict), filters/order/limit on embedded resources incl. !inner, max rows, Range, counts on writes,
// missing=default.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { insertNode, NODE_COLUMNS } from './fixtures.ts';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;
let alice: Awaited<ReturnType<TestStandIn['signUp']>>;
let bob: Awaited<ReturnType<TestStandIn['signUp']>>;

beforeAll(async () => {
  s = await startTestStandIn({ maxRows: 25 });
  alice = await s.signUp('alice');
  bob = await s.signUp('bob');
});
afterAll(async () => {
  await s.stop();
});

describe('upsert', () => {
  test('merge-duplicates on the primary key inserts, then updates the same row', async () => {
    const id = randomUUID();
    const first = await alice.client
      .from('rotations')
      .upsert({ id, name: 'Upserted', spec: 'bm-hunter', script: 'actions=kill_command' })
      .select('id, name, current_version')
      .single();
    expect(first.error).toBeNull();
    expect(first.status).toBe(201);
    expect(first.data).toEqual({ id, name: 'Upserted', current_version: 1 });
    const second = await alice.client
      .from('rotations')
      .upsert({ id, name: 'Upserted again', spec: 'bm-hunter', script: 'actions=barbed_shot' })
      .select('id, name, current_version, script')
      .single();
    expect(second.error).toBeNull();
    expect(second.data).toEqual({
      id,
      name: 'Upserted again',
      current_version: 2,
      script: 'actions=barbed_shot',
    });
    const { rows } = await s.admin.query('select count(*)::int as n from rotations where id = $1', [id]);
    expect(rows[0].n).toBe(1);
  });

  test('ignore-duplicates leaves the existing row alone', async () => {
    const id = randomUUID();
    await alice.client.from('rotations').insert({ id, name: 'Original', spec: 'mm-hunter', script: 'a' });
    const res = await alice.client
      .from('rotations')
      .upsert({ id, name: 'Ignored', spec: 'mm-hunter', script: 'b' }, { ignoreDuplicates: true })
      .select('id');
    expect(res.error).toBeNull();
    expect(res.data).toEqual([]);
    const { rows } = await s.admin.query('select name from rotations where id = $1', [id]);
    expect(rows[0].name).toBe('Original');
  });

  test('on_conflict names a unique column (service role writing game data)', async () => {
    const service = s.client(s.serviceKey).schema('game');
    const rows = [
      { id: 9901, name: 'Upclass', slug: 'upclass', color: '#111111' },
      { id: 9902, name: 'Downclass', slug: 'downclass', color: '#222222' },
    ];
    const first = await service.from('classes').upsert(rows, { onConflict: 'id' });
    expect(first.status).toBe(201);
    const second = await service
      .from('classes')
      .upsert([{ id: 9901, name: 'Upclass II', slug: 'upclass', color: '#333333' }], { onConflict: 'slug' })
      .select('id, name, color');
    expect(second.data).toEqual([{ id: 9901, name: 'Upclass II', color: '#333333' }]);
    const bad = await service.from('classes').upsert(rows, { onConflict: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.error!.code).toBe('PGRST204');
  });

  test('upsert by a user on someone else’s row is refused by RLS and changes nothing', async () => {
    const id = randomUUID();
    await alice.client
      .from('rotations')
      .insert({ id, name: 'Alice own', spec: 'bm-hunter', script: 'a', is_public: true });
    const res = await bob.client
      .from('rotations')
      .upsert({ id, name: 'Bob took it', spec: 'bm-hunter', script: 'b' });
    expect(res.status).toBe(403);
    const { rows } = await s.admin.query('select name, user_id from rotations where id = $1', [id]);
    expect(rows[0]).toEqual({ name: 'Alice own', user_id: alice.userId });
  });
});

describe('embedded resources: filters, order, limit, !inner', () => {
  let shared: string;
  let publicOnly: string;

  beforeAll(async () => {
    shared = (await insertNode(s.admin, { userId: alice.userId, claimCode: null })).id;
    publicOnly = (await insertNode(s.admin, { userId: alice.userId, claimCode: null })).id;
    await s.admin.query(
      `insert into nodes_permissions (node_id, access_type, target_id) values
         ($1, 'user', $3), ($1, 'discord', '42'), ($1, 'public', null), ($2, 'public', null)`,
      [shared, publicOnly, bob.userId],
    );
  });

  test('a filter on a !inner embed filters the parent rows', async () => {
    const res = await alice.client
      .from('nodes')
      .select(`${NODE_COLUMNS}, nodes_permissions!inner(access_type, target_id)`)
      .eq('nodes_permissions.access_type', 'user');
    expect(res.error).toBeNull();
    expect(res.data!.map((n) => n.id)).toEqual([shared]);
    expect(res.data![0]!.nodes_permissions).toEqual([{ access_type: 'user', target_id: bob.userId }]);
  });

  test('without !inner the parent rows stay and the embedded array is filtered', async () => {
    const res = await alice.client
      .from('nodes')
      .select('id, nodes_permissions(access_type)')
      .in('id', [shared, publicOnly])
      .eq('nodes_permissions.access_type', 'discord')
      .order('created_at');
    expect(res.data).toEqual([
      { id: shared, nodes_permissions: [{ access_type: 'discord' }] },
      { id: publicOnly, nodes_permissions: [] },
    ]);
  });

  test('order and limit on an embedded resource', async () => {
    const res = await alice.client
      .from('nodes')
      .select('id, perms:nodes_permissions(access_type)')
      .eq('id', shared)
      .order('access_type', { referencedTable: 'perms', ascending: false })
      .limit(2, { referencedTable: 'perms' })
      .single();
    expect(res.error).toBeNull();
    expect(res.data!.perms).toEqual([{ access_type: 'user' }, { access_type: 'public' }]);
  });

  test('a filter on something that is not embedded is 400 PGRST108', async () => {
    const res = await alice.client.from('nodes').select('id').eq('nodes_permissions.access_type', 'user');
    expect(res.status).toBe(400);
    expect(res.error!.code).toBe('PGRST108');
  });
});

describe('rpc result shapes', () => {
  beforeAll(async () => {
    await s.admin.query(`
      create function public.t_numbers(n integer) returns setof integer language sql stable
        as $$ select generate_series(1, n) $$;
      create function public.t_echo(a text, b integer default 2) returns text language sql immutable
        as $$ select repeat(a, b) $$;
      create function public.t_pairs(n integer) returns table (x integer, label text) language sql stable
        as $$ select g, 'n' || g from generate_series(1, n) g $$;
      create function public.t_overloaded(a integer) returns integer language sql as $$ select a $$;
      create function public.t_overloaded(a text) returns text language sql as $$ select a $$;
      grant execute on function public.t_numbers(integer), public.t_echo(text, integer), public.t_pairs(integer)
        to anon, authenticated;`);
    await s.reloadSchema();
  });

  test('set of scalars → array of values; scalar → value; defaults apply; table → array of objects', async () => {
    const anon = s.client();
    expect((await anon.rpc('t_numbers', { n: 3 })).data).toEqual([1, 2, 3]);
    expect((await anon.rpc('t_numbers', { n: 0 })).data).toEqual([]);
    expect((await anon.rpc('t_echo', { a: 'ab' })).data).toBe('abab');
    expect((await anon.rpc('t_echo', { a: 'x', b: 3 })).data).toBe('xxx');
    expect((await anon.rpc('t_pairs', { n: 2 })).data).toEqual([
      { x: 1, label: 'n1' },
      { x: 2, label: 'n2' },
    ]);
    const one = await anon.rpc('t_pairs', { n: 1 }).single();
    expect(one.data).toEqual({ x: 1, label: 'n1' });
    const many = await anon.rpc('t_pairs', { n: 2 }).single();
    expect(many.status).toBe(406);
  });

  test('missing required argument is 404 PGRST202; ambiguous overloads 300 PGRST203; a bad value 400', async () => {
    const missing = await s.client().rpc('t_echo', { b: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error!.code).toBe('PGRST202');
    const ambiguous = await s.client().rpc('t_overloaded', { a: 1 });
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error!.code).toBe('PGRST203');
    const wrongType = await s.client().rpc('t_numbers', { n: 'many' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.error!.code).toBe('22P02');
  });
});

describe('schema cache', () => {
  test("NOTIFY pgrst, 'reload schema' makes a column added while running usable", async () => {
    await s.admin.query(`drop table if exists public.t_late; create table public.t_late (id int primary key);
      grant select on public.t_late to anon; insert into public.t_late values (1);`);
    await s.reloadSchema();
    await s.admin.query(`alter table public.t_late add column label text default 'late'`);
    const before = await s.client().from('t_late').select('id,label');
    expect(before.error!.code).toBe('42703'); // a column miss does not reload the cache by itself
    await s.admin.query(`notify pgrst, 'reload schema'`);
    let res = before;
    // the reload arrives over LISTEN: allow a slow machine a while
    for (const deadline = Date.now() + 15_000; res.error && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
      res = await s.client().from('t_late').select('id,label');
    }
    expect(res.error).toBeNull();
    expect(res.data).toEqual([{ id: 1, label: 'late' }]);
  });
});

describe('materialized views', () => {
  test('spec_rankings_hourly and top_sims_daily are readable like tables (the site’s rankings page)', async () => {
    await s.admin.query('select public.refresh_stats_views()');
    const rankings = await s.client().from('spec_rankings_hourly').select('*').order('spec').limit(100);
    expect(rankings.error).toBeNull();
    expect(rankings.data).toEqual(
      (
        await s.admin.query(
          `select coalesce(json_agg(r order by r.spec), '[]') as j from spec_rankings_hourly r`,
        )
      ).rows[0].j,
    );
    const top = await alice.client.from('top_sims_daily').select('*').order('spec').order('rank').limit(200);
    expect(top.error).toBeNull();
    expect(Array.isArray(top.data)).toBe(true);
  });
});

describe('paging, counts, max rows', () => {
  test('reads are capped at max rows; count=exact still counts everything', async () => {
    const service = s.client(s.serviceKey).schema('game');
    const items = Array.from({ length: 40 }, (_, i) => ({
      id: 770000 + i,
      name: `Cap ${i}`,
      item_level: 1,
      slot: 'trinket',
    }));
    const ins = await service.from('items').insert(items, { count: 'exact' });
    expect(ins.status).toBe(201);
    expect(ins.count).toBe(40);
    const res = await service
      .from('items')
      .select('id', { count: 'exact' })
      .gte('id', 770000)
      .lt('id', 770040);
    expect(res.data).toHaveLength(25);
    expect(res.count).toBe(40);
    const page = await service.from('items').select('id').gte('id', 770000).order('id').range(30, 34);
    expect(page.data!.map((r) => r.id)).toEqual([770030, 770031, 770032, 770033, 770034]);
  });

  test('a raw Range header pages like limit/offset and reports Content-Range', async () => {
    const res = await fetch(`${s.url}/rest/v1/items?select=id&id=gte.770000&order=id`, {
      headers: { apikey: s.anonKey, 'accept-profile': 'game', range: '2-4', prefer: 'count=exact' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('2-4/40');
    expect(await res.json()).toEqual([{ id: 770002 }, { id: 770003 }, { id: 770004 }]);
  });

  test('count on update and delete', async () => {
    const service = s.client(s.serviceKey).schema('game');
    const upd = await service
      .from('items')
      .update({ quality: 3 }, { count: 'exact' })
      .gte('id', 770000)
      .lt('id', 770010);
    expect(upd.count).toBe(10);
    const del = await service.from('items').delete({ count: 'exact' }).gte('id', 770035);
    expect(del.count).toBe(5);
  });

  test('missing=default (defaultToNull: false) uses column defaults for absent keys', async () => {
    const res = await alice.client
      .from('rotations')
      .insert([{ name: 'Defaults', spec: 'bm-hunter', script: 'a' }], { defaultToNull: false })
      .select('description, is_public')
      .single();
    expect(res.error).toBeNull();
    expect(res.data).toEqual({ description: '', is_public: false });
  });

  test('missing=default with rows of different keys: each absent key takes its column default', async () => {
    const res = await alice.client
      .from('rotations')
      .insert(
        [
          { name: 'Mixed A', spec: 'bm-hunter', script: 'a', description: 'has one' },
          { name: 'Mixed B', spec: 'mm-hunter', script: 'b', is_public: true },
        ],
        { defaultToNull: false },
      )
      .select('name, description, is_public');
    expect(res.error).toBeNull();
    expect(res.data).toEqual([
      { name: 'Mixed A', description: 'has one', is_public: false },
      { name: 'Mixed B', description: '', is_public: true },
    ]);
    // without missing=default, absent keys are null: description is NOT NULL, so the insert fails whole
    const nulls = await alice.client.from('rotations').insert([
      { name: 'Null A', spec: 'bm-hunter', script: 'a', description: 'x' },
      { name: 'Null B', spec: 'bm-hunter', script: 'b' },
    ]);
    expect(nulls.status).toBe(400);
    expect(nulls.error!.code).toBe('23502');
    const { rows } = await s.admin.query(`select count(*)::int as n from rotations where name like 'Null %'`);
    expect(rows[0].n).toBe(0);
  });
});
