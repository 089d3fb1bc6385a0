// Catalog checks on the security-relevant shape of the schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe('schema security', () => {
  it('enables RLS on every table of public and game', async () => {
    const { rows } = await t.pool.query(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'game') and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    );
    expect(rows).toEqual([]);
  });

  it('pins search_path on every function of ours, and uses SECURITY DEFINER only where needed', async () => {
    const { rows } = await t.pool.query<{ name: string; definer: boolean; config: string[] | null }>(
      `select n.nspname || '.' || p.proname as name, p.prosecdef as definer, p.proconfig as config
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private', 'game')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1`,
    );
    for (const r of rows) expect(r.config, r.name).toContain('search_path=""');
    expect(rows.filter((r) => r.definer).map((r) => r.name)).toEqual([
      'private.handle_new_user', // inserts the profile for a user signing up through Auth
      'private.keep_deleted_node_results', // an owner deleting a node may not update chunks or write private tables
      'private.node_disconnected_at', // a job owner sees that a node running their chunk left (nodes RLS hides it)
      'private.node_shared_with_me', // policy helper: reads nodes_permissions without RLS recursion
      'private.owns_node', // policy helper: reads nodes without RLS recursion
      'private.release_node_chunks', // an owner deleting a node may not update chunks
      'private.remember_deleted_node', // an owner deleting a node may not write the deleted keys
      'private.rotations_record_version', // users may not write rotations_versions
      'public.cancel_job', // users cannot update jobs
      'public.claim_node', // users cannot see claim codes
      'public.create_job', // users cannot write jobs, chunks, configs
      'public.delete_own_account', // users cannot delete auth.users
      'public.nodes_shared_with_me', // lists other users' nodes offered to me (nodes RLS hides them)
      'public.refresh_stats_views', // only the owner may refresh materialized views
    ]);
  });

  it('lets anon and authenticated execute only the intended public functions', async () => {
    const { rows } = await t.pool.query<{ role: string; fn: string }>(
      `select r.rolname as role, p.proname as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         cross join (values ('anon'), ('authenticated')) as r(rolname)
        where n.nspname = 'public' and has_function_privilege(r.rolname, p.oid, 'execute')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1, 2`,
    );
    expect(rows).toEqual([
      { role: 'authenticated', fn: 'cancel_job' },
      { role: 'authenticated', fn: 'claim_node' },
      { role: 'authenticated', fn: 'create_job' },
      { role: 'authenticated', fn: 'delete_own_account' },
      { role: 'authenticated', fn: 'nodes_shared_with_me' },
    ]);
  });

  it('gives API roles no write privilege on jobs, chunks or configs', async () => {
    const { rows } = await t.pool.query(
      `select r.rolname, c.relname, priv from pg_class c
         cross join (values ('anon'), ('authenticated')) as r(rolname)
         cross join (values ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) as p(priv)
        where c.oid in ('public.jobs'::regclass, 'public.jobs_chunks'::regclass, 'public.jobs_configs'::regclass)
          and case when priv in ('INSERT', 'UPDATE')
                   then has_any_column_privilege(r.rolname, c.oid, priv)
                   else has_table_privilege(r.rolname, c.oid, priv) end`,
    );
    expect(rows).toEqual([]);
  });

  it('gives no API role any privilege on the sentinel-only tables (client addresses, guild members)', async () => {
    const { rows } = await t.pool.query(
      `select r.rolname, tbl, priv from (values ('anon'), ('authenticated'), ('service_role')) as r(rolname)
         cross join (values ('private.register_windows'), ('private.guild_members')) as t(tbl)
         cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) as p(priv)
        where has_table_privilege(r.rolname, tbl, priv)`,
    );
    expect(rows).toEqual([]);
    const { rows: rls } = await t.pool.query(
      `select relname from pg_class where oid = 'private.guild_members'::regclass and relrowsecurity`,
    );
    expect(rls).toEqual([{ relname: 'guild_members' }]);
    const { rows: table } = await t.pool.query(
      `select relrowsecurity, relpersistence from pg_class where oid = 'private.register_windows'::regclass`,
    );
    expect(table).toEqual([{ relrowsecurity: true, relpersistence: 'u' }]);
  });
});
