import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { specs } from '@wowlab/sim-core';
import { SEED_FILE } from '../src/migrate.ts';
import { generateSeedSql } from '../src/seed-sql.ts';
import { migrate } from '../src/index.ts';
import { openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe('supabase/seed.sql', () => {
  it("equals the generator's output for sim-core's current specs (regenerate: tsx scripts/gen-seed.ts)", async () => {
    expect(await readFile(SEED_FILE, 'utf8')).toBe(generateSeedSql(specs));
  });

  it('loads every class, spec, talent, spell and aura the simulator has', async () => {
    const q = async (sql: string) => (await t.pool.query(sql)).rows;
    for (const s of specs) {
      const [spec] = await q(`select * from game.specs where id = ${s.specId}`);
      expect(spec).toMatchObject({ slug: s.id, name: s.name, class_id: s.classId, class_name: s.className });
      const traits = await q(
        `select key, name, description from game.specs_traits where spec_id = ${s.specId} order by order_index`,
      );
      expect(traits).toEqual(
        s.talents.map((x) => ({ key: x.key, name: x.name, description: x.description })),
      );
      for (const sp of s.spells) {
        const [row] = await q(
          `select key, name, description, school, spec_ids from game.spells where id = ${sp.id}`,
        );
        expect(row).toMatchObject({ key: sp.key, name: sp.name, school: sp.school });
        expect(row.spec_ids).toContain(s.specId);
      }
      for (const a of s.auras) {
        const [row] = await q(
          `select key, name, duration_ms, max_stacks from game.auras where spell_id = ${a.id}`,
        );
        expect(row).toEqual({ key: a.key, name: a.name, duration_ms: a.durationMs, max_stacks: a.maxStacks });
      }
    }
    const [{ n }] = await q('select count(*)::int as n from game.items');
    expect(n).toBeGreaterThanOrEqual(3);
  });

  it("accepts rotations for exactly sim-core's specs (rotations.spec CHECK matches SpecId)", async () => {
    const { rows } = await t.pool.query<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'public.rotations'::regclass and conname = 'rotations_spec_check'`,
    );
    const allowed = [...rows[0]!.def.matchAll(/'([a-z-]+)'::text/g)].map((m) => m[1]).sort();
    expect(allowed).toEqual(specs.map((s) => s.id).sort());
  });

  it('can run again without changing anything (idempotent)', async () => {
    const snapshot = async () =>
      (
        await t.pool.query(`select (select jsonb_agg(s order by id) from game.spells s) as spells,
                                   (select jsonb_agg(a order by spell_id) from game.auras a) as auras,
                                   (select count(*) from game.specs_traits) as traits,
                                   (select count(*) from game.global_colors) as colors`)
      ).rows[0];
    const before = await snapshot();
    const { applied } = await migrate(t.url, { seed: true });
    expect(applied).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
