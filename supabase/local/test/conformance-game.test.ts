// Every game.* read of the seed map's section B through supabase-js with .schema('game'), compared with
// the same query run directly in Postgres. Extra fixture rows make the ILIKE searches hit LIMIT 20.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;
let game: ReturnType<SupabaseClient['schema']>;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const res = await s.admin.query(
    `select coalesce(json_agg(q), '[]'::json) as rows from (${text}) q`,
    params,
  );
  return res.rows[0].rows as T[];
}

beforeAll(async () => {
  s = await startTestStandIn();
  await s.admin.query(`
    insert into game.classes (id, name, slug, color) values (901, 'Testclass', 'testclass', '#123456') on conflict do nothing;
    insert into game.specs (id, class_id, class_name, slug, name, role, order_index)
      values (9011, 901, 'Testclass', 'test-a', 'Alpha', 'dps', 2), (9012, 901, 'Testclass', 'test-b', 'Beta', 'tank', 1)
      on conflict do nothing;
    insert into game.specs_traits (spec_id, key, name) values (9011, 'k1', 'Trait one'), (9011, 'k2', 'Trait two');
    insert into game.spells (id, key, name, school, spec_ids)
      select 990000 + g, 'test_shot_' || g, 'Test Shot ' || g, 'physical',
             case when g % 2 = 0 then array[9011] else array[9011, 9012] end
        from generate_series(1, 25) g;
    insert into game.auras (spell_id, key, name, duration_ms) values (990001, 'a1', 'Aura one', 8000), (990002, 'a2', 'Aura two', 0);
    insert into game.items (id, name, item_level, slot)
      select 880000 + g, 'Test Blade ' || g, 600 + g, 'main_hand' from generate_series(1, 25) g;
    insert into game.global_colors (name, color) values ('test-red', '#ff0000'), ('test-blue', '#0000ff');
    insert into game.global_strings (tag, value) values ('TEST_HELLO', 'Hello'), ('TEST_BYE', 'Bye');
  `);
  game = s.client().schema('game');
});
afterAll(async () => {
  await s.stop();
});

describe('game schema reads (anon key, Accept-Profile: game)', () => {
  test('useAura / useAuras: auras by spell_id (eq, in)', async () => {
    const one = await game.from('auras').select('*').eq('spell_id', 990001).single();
    expect(one.error).toBeNull();
    expect(one.data).toEqual((await sql('select * from game.auras where spell_id = 990001'))[0]);
    const many = await game.from('auras').select('*').in('spell_id', [990001, 990002, 1]).order('spell_id');
    expect(many.data).toEqual(
      await sql('select * from game.auras where spell_id in (990001, 990002, 1) order by spell_id'),
    );
    expect(many.data).toHaveLength(2);
  });

  test('useClass / useClasses: classes by id, ordered by id', async () => {
    const one = await game.from('classes').select('*').eq('id', 901).single();
    expect(one.data).toMatchObject({ id: 901, name: 'Testclass' });
    const all = await game.from('classes').select('*').order('id');
    expect(all.data).toEqual(await sql('select * from game.classes order by id'));
    expect(all.data!.length).toBeGreaterThanOrEqual(2);
  });

  test('useGlobalColors / useGlobalStrings: by name / tag IN', async () => {
    const colors = await game
      .from('global_colors')
      .select('*')
      .in('name', ['test-red', 'test-blue'])
      .order('name');
    expect(colors.data).toEqual([
      { name: 'test-blue', color: '#0000ff' },
      { name: 'test-red', color: '#ff0000' },
    ]);
    const strings = await game
      .from('global_strings')
      .select('*')
      .in('tag', ['TEST_HELLO', 'TEST_BYE'])
      .order('tag');
    expect(strings.data).toEqual([
      { tag: 'TEST_BYE', value: 'Bye' },
      { tag: 'TEST_HELLO', value: 'Hello' },
    ]);
  });

  test('useItem / useItems / useItemSearch (ILIKE, LIMIT 20)', async () => {
    const one = await game.from('items').select('*').eq('id', 880003).single();
    expect(one.data).toEqual((await sql('select * from game.items where id = 880003'))[0]);
    const many = await game.from('items').select('id, name').in('id', [880001, 880002]).order('id');
    expect(many.data).toEqual([
      { id: 880001, name: 'Test Blade 1' },
      { id: 880002, name: 'Test Blade 2' },
    ]);
    const search = await game
      .from('items')
      .select('id, name')
      .ilike('name', '%test blade%')
      .order('id')
      .limit(20);
    expect(search.error).toBeNull();
    expect(search.data).toHaveLength(20);
    expect(search.data).toEqual(
      await sql(`select id, name from game.items where name ilike '%test blade%' order by id limit 20`),
    );
  });

  test('useSpec / useSpecs / useSpecsByClass / useSpecTraits', async () => {
    const one = await game.from('specs').select('*').eq('id', 9011).single();
    expect(one.data).toMatchObject({ id: 9011, name: 'Alpha', class_id: 901 });
    const ordered = await game.from('specs').select('id').order('class_name').order('order_index');
    expect(ordered.data).toEqual(await sql('select id from game.specs order by class_name, order_index'));
    const byClass = await game.from('specs').select('id, name').eq('class_id', 901).order('order_index');
    expect(byClass.data).toEqual([
      { id: 9012, name: 'Beta' },
      { id: 9011, name: 'Alpha' },
    ]);
    const traits = await game.from('specs_traits').select('key, name').eq('spec_id', 9011).order('key');
    expect(traits.data).toEqual([
      { key: 'k1', name: 'Trait one' },
      { key: 'k2', name: 'Trait two' },
    ]);
  });

  test('useSpell / useSpells / useSpellSearch (ILIKE, LIMIT 20)', async () => {
    const one = await game.from('spells').select('*').eq('id', 990007).single();
    expect(one.data).toEqual((await sql('select * from game.spells where id = 990007'))[0]);
    const many = await game.from('spells').select('id').in('id', [990001, 990025]).order('id');
    expect(many.data).toEqual([{ id: 990001 }, { id: 990025 }]);
    const search = await game
      .from('spells')
      .select('id, name')
      .ilike('name', '%shot 1%')
      .limit(20)
      .order('id');
    expect(search.data).toEqual(
      await sql(`select id, name from game.spells where name ilike '%shot 1%' order by id limit 20`),
    );
    const wide = await game.from('spells').select('id').ilike('name', 'test shot%').limit(20);
    expect(wide.data).toHaveLength(20);
  });

  test('array operators (cs, cd, ov), regex match and isdistinct', async () => {
    const both = await game
      .from('spells')
      .select('id')
      .contains('spec_ids', [9011, 9012])
      .gte('id', 990000)
      .order('id');
    expect(both.data).toEqual(
      await sql(`select id from game.spells where spec_ids @> '{9011,9012}' and id >= 990000 order by id`),
    );
    expect(both.data).toHaveLength(13);
    const only = await game.from('spells').select('id').containedBy('spec_ids', [9011]).gte('id', 990000);
    expect(only.data).toHaveLength(12);
    const overlap = await game.from('spells').select('id').overlaps('spec_ids', [9012, 1]).gte('id', 990000);
    expect(overlap.data).toHaveLength(13);
    const regex = await game
      .from('spells')
      .select('name')
      .match({})
      .filter('name', 'imatch', '^test shot 2[0-9]$')
      .order('id');
    expect(regex.data!.map((r) => r.name)).toEqual([
      'Test Shot 20',
      'Test Shot 21',
      'Test Shot 22',
      'Test Shot 23',
      'Test Shot 24',
      'Test Shot 25',
    ]);
    const distinct = await game
      .from('auras')
      .select('spell_id')
      .filter('duration_ms', 'isdistinct', '0')
      .in('spell_id', [990001, 990002]);
    expect(distinct.data).toEqual([{ spell_id: 990001 }]);
  });

  test('seeded data is served as-is (every class and spec row)', async () => {
    const specs = await game.from('specs').select('*').order('id');
    expect(specs.data).toEqual(await sql('select * from game.specs order by id'));
  });

  test('game tables are read-only for anon and signed-in users', async () => {
    const anonWrite = await game.from('classes').insert({ id: 999, name: 'x', slug: 'x', color: '#000000' });
    expect(anonWrite.status).toBe(401);
    const user = await s.signUp('gamer');
    const userWrite = await user.client
      .schema('game')
      .from('spells')
      .update({ name: 'nerfed' })
      .eq('id', 990001);
    expect(userWrite.status).toBe(403);
    const { rows } = await s.admin.query('select name from game.spells where id = 990001');
    expect(rows[0].name).toBe('Test Shot 1');
  });

  test('an unknown profile is 406 PGRST106', async () => {
    const res = await s.client().schema('auth').from('users').select('*');
    expect(res.status).toBe(406);
    expect(res.error!.code).toBe('PGRST106');
  });
});
