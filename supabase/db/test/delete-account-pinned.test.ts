// Attack: keep a victim from deleting their account. A public job's config is readable by
// everybody (jobs_configs_select_via_job). The attacker reads it and creates a sim of their own
// with that config as a *variant*: create_job stores a variant's config under the same hash (the
// jsonb text is canonical) and references it from the attacker's chunks only (jobs_chunks.
// config_hash), never from jobs.config_hash. delete_own_account then deleted the leaver's configs
// "nobody else uses" by looking at jobs.config_hash alone: the delete hit the attacker's chunks'
// foreign key and the whole call failed, so the victim could never delete their account (nor
// could anyone whose config an attacker pinned this way). The same check also left a leaver's own
// variant configs behind for ever.
// A config is in use while any job or chunk references it (as maintenance's deleteStaleConfigs
// already says): the leaver's configs, base and variants, go unless another job or chunk uses them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asRole, createJobAs, createUser, openTestDb, sampleConfig, type TestDb } from './helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string, params: unknown[]) => (await t.pool.query(sql, params)).rows[0].n as number;

it('a config an attacker reuses as a variant does not keep its owner from deleting their account', async () => {
  const victim = (await createUser(t.pool)).id;
  const attacker = (await createUser(t.pool)).id;
  const victimConfig = sampleConfig({ note: 'the victim’s public sim' });
  const victimJob = await createJobAs(t.pool, victim, { config: victimConfig, accessType: 'public' });
  // the victim's own variant config: theirs alone, it goes with the account
  const ownVariant = sampleConfig({ note: 'the victim’s own variant' });
  const variantJob = await asRole(
    t.pool,
    'authenticated',
    victim,
    async (c) =>
      (
        await c.query<{ id: string }>(
          `select public.create_job($1::jsonb, 1000, 'private', variants => $2::jsonb) as id`,
          [
            JSON.stringify(sampleConfig({ note: 'base' })),
            JSON.stringify([{ name: 'v', config: ownVariant }]),
          ],
        )
      ).rows[0]!.id,
    true,
  );
  const { victimHash, ownVariantHash } = (
    await t.pool.query(
      `select (select config_hash from jobs where id = $1) as "victimHash",
              (select variants->0->>'configHash' from jobs where id = $2) as "ownVariantHash"`,
      [victimJob, variantJob],
    )
  ).rows[0] as { victimHash: string; ownVariantHash: string };

  // the attacker reads the public job's config under RLS and pins it as a variant of their sim
  const readable = await asRole(t.pool, 'authenticated', attacker, async (c) => {
    const { rows } = await c.query('select config from jobs_configs where hash = $1', [victimHash]);
    return rows[0]?.config as Record<string, unknown>;
  });
  expect(readable).toBeDefined();
  const attackerJob = await asRole(
    t.pool,
    'authenticated',
    attacker,
    async (c) =>
      (
        await c.query<{ id: string }>(
          `select public.create_job($1::jsonb, 1000, 'private', variants => $2::jsonb) as id`,
          [
            JSON.stringify(sampleConfig({ note: 'attacker base' })),
            JSON.stringify([{ name: 'pin', config: readable }]),
          ],
        )
      ).rows[0]!.id,
    true,
  );
  expect(
    await count('select count(*)::int as n from jobs_chunks where job_id = $1 and config_hash = $2', [
      attackerJob,
      victimHash,
    ]),
  ).toBeGreaterThan(0);

  await asRole(t.pool, 'authenticated', victim, (c) => c.query('select public.delete_own_account()'), true);

  expect(await count('select count(*)::int as n from auth.users where id = $1', [victim])).toBe(0);
  // still used by the attacker's chunks: kept
  expect(await count('select count(*)::int as n from jobs_configs where hash = $1', [victimHash])).toBe(1);
  // the leaver's own variant config goes with the account
  expect(await count('select count(*)::int as n from jobs_configs where hash = $1', [ownVariantHash])).toBe(
    0,
  );
  expect(await count('select count(*)::int as n from jobs where id = $1', [attackerJob])).toBe(1);
});
