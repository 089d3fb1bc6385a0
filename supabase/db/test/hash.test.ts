// create_job's config hash (sha-256 of the jsonb text in Postgres) equals sim-core's
// hashConfig for the JSON the site sends (JSON.stringify of a config object).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, hashConfig, specs } from '@wowlab/sim-core';
import { createJobAs, createUser, openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
let user: string;
beforeAll(async () => {
  t = await openTestDb();
  user = (await createUser(t.pool)).id;
});
afterAll(async () => {
  await t?.close();
});

const base = { engineVersion: '0.1.0' };
const configs: Array<[string, Record<string, unknown>]> = [
  ['the default BM config', specs[0]!.defaultConfig() as unknown as Record<string, unknown>],
  ['the default MM config', specs[1]!.defaultConfig() as unknown as Record<string, unknown>],
  ['unicode text and keys', { ...base, ключ: 'значение', é: 'café ☕', emoji: '🐉🏹', cjk: '狩猎', z: 'ｚ' }],
  [
    'escapes and control characters',
    { ...base, s: 'quote " backslash \\ slash / \b\f\n\r\t \u0001 \u001f \u007f', t: '\u2028\u2029' },
  ],
  [
    'deep nesting and empty containers',
    { ...base, a: { b: { c: { d: [[[], {}], [{ e: [null, true, false] }]] } } }, empty: {} },
  ],
  [
    'numbers',
    {
      ...base,
      n: [
        0, -1, 1, 42, 1.5, -2.25, 0.1, 0.30000000000000004, 123456789012345, 9007199254740991, 1e20, 0.000001,
        3.14159,
      ],
    },
  ],
  ['key ordering by length then bytes', { ...base, bb: 1, a: 2, ccc: 3, B: 4, aa: 5, 'a b': 6, A: 7, '': 8 }],
  ['a long rotation', { ...base, rotation: 'actions=kill_command,if=focus>=30\n'.repeat(200) }],
];

describe('config hash', () => {
  for (const [what, config] of configs) {
    it(`create_job stores ${what} under sim-core's hashConfig`, async () => {
      const id = await createJobAs(t.pool, user, { config, iterations: 1 });
      const { rows } = await t.pool.query<{ hash: string; text: string }>(
        'select c.hash, c.config::text as text from jobs j join jobs_configs c on c.hash = j.config_hash where j.id = $1',
        [id],
      );
      expect(rows[0]!.text).toBe(canonicalJson(config));
      expect(rows[0]!.hash).toBe(await hashConfig(config));
      await t.pool.query(`update jobs set status = 'completed' where id = $1`, [id]);
    });
  }
});
