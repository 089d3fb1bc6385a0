-- Row level security on every table, deny by default, plus explicit table and column
-- grants (defence in depth on top of Supabase's broad default grants). anon and
-- authenticated never write jobs, chunks or configs: only create_job (SECURITY DEFINER)
-- does. The sentinel and nodes write through service_role / the direct connection.
--
-- nodes: claim_code and public_key are never readable by anon/authenticated (column
-- grants), so PostgREST clients must list the columns they select from nodes (no `*`).

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- Helpers used by policies. SECURITY DEFINER so that the policies of nodes and
-- nodes_permissions can look at each other without recursing through RLS.
create function private.owns_node(p_node_id uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (select 1 from public.nodes n where n.id = p_node_id and n.user_id = auth.uid())
  $$;

create function private.node_shared_with_me(p_node_id uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.nodes_permissions p
       where p.node_id = p_node_id and p.access_type = 'user' and p.target_id = auth.uid()::text
    )
  $$;

revoke all on function private.owns_node(uuid), private.node_shared_with_me(uuid) from public;
grant execute on function private.owns_node(uuid), private.node_shared_with_me(uuid)
  to anon, authenticated, service_role;

-- Grants: start from nothing for the API roles, everything for service_role.
revoke all on all tables in schema public from anon, authenticated;
grant all on all tables in schema public to service_role;

grant select on public.user_profiles to anon, authenticated;
grant update (handle, avatar_url) on public.user_profiles to authenticated;

grant select on public.jobs_configs to anon, authenticated;
grant select on public.jobs to anon, authenticated;
grant select on public.jobs_chunks to authenticated;

grant select (id, user_id, name, kind, max_parallel, total_cores, platform, version, engine_version,
              status, last_seen_at, created_at) on public.nodes to authenticated;
grant update (name, max_parallel) on public.nodes to authenticated;
grant delete on public.nodes to authenticated;

grant select, delete on public.nodes_permissions to authenticated;
grant insert (id, node_id, access_type, target_id) on public.nodes_permissions to authenticated;
grant update (access_type, target_id) on public.nodes_permissions to authenticated;

grant select on public.rotations to anon, authenticated;
grant delete on public.rotations to authenticated;
grant insert (id, user_id, name, spec, description, script, is_public) on public.rotations to authenticated;
grant update (name, spec, description, script, is_public) on public.rotations to authenticated;

grant select on public.rotations_versions to anon, authenticated;

grant usage on schema game to anon, authenticated, service_role;
revoke all on all tables in schema game from anon, authenticated;
grant select on all tables in schema game to anon, authenticated;
grant all on all tables in schema game to service_role;
grant usage, select on all sequences in schema game to service_role;

-- RLS: enabled everywhere; no policy means no rows.
alter table public.user_profiles enable row level security;
alter table public.jobs_configs enable row level security;
alter table public.jobs enable row level security;
alter table public.jobs_chunks enable row level security;
alter table public.nodes enable row level security;
alter table public.nodes_permissions enable row level security;
alter table public.rotations enable row level security;
alter table public.rotations_versions enable row level security;
alter table game.classes enable row level security;
alter table game.specs enable row level security;
alter table game.specs_traits enable row level security;
alter table game.spells enable row level security;
alter table game.auras enable row level security;
alter table game.items enable row level security;
alter table game.global_colors enable row level security;
alter table game.global_strings enable row level security;

-- Profiles: public handles and avatars; each user edits their own.
create policy user_profiles_select_all on public.user_profiles
  for select to anon, authenticated using (true);
create policy user_profiles_update_self on public.user_profiles
  for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- Jobs: the owner's, plus public jobs (results included) for everybody.
create policy jobs_select_own_or_public on public.jobs
  for select to anon, authenticated
  using (access_type = 'public' or user_id = (select auth.uid()));

-- Chunks: only the job's owner (public jobs expose their aggregate result on jobs).
create policy jobs_chunks_select_job_owner on public.jobs_chunks
  for select to authenticated
  using (exists (select 1 from public.jobs j where j.id = job_id and j.user_id = (select auth.uid())));

-- Configs: readable by the owner of a job using them, and for public jobs by everybody.
create policy jobs_configs_select_via_job on public.jobs_configs
  for select to anon, authenticated
  using (exists (
    select 1 from public.jobs j
     where j.config_hash = hash and (j.access_type = 'public' or j.user_id = (select auth.uid()))
  ));

-- Nodes: the owner manages; users a node is shared with (`user` permission) can see it.
create policy nodes_select_own_or_shared on public.nodes
  for select to authenticated
  using (user_id = (select auth.uid()) or private.node_shared_with_me(id));
create policy nodes_update_own on public.nodes
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy nodes_delete_own on public.nodes
  for delete to authenticated
  using (user_id = (select auth.uid()));

-- Node permissions: managed by the node's owner; a user sees the grants naming them.
create policy nodes_permissions_select on public.nodes_permissions
  for select to authenticated
  using (private.owns_node(node_id) or (access_type = 'user' and target_id = (select auth.uid())::text));
create policy nodes_permissions_insert_owner on public.nodes_permissions
  for insert to authenticated with check (private.owns_node(node_id));
create policy nodes_permissions_update_owner on public.nodes_permissions
  for update to authenticated using (private.owns_node(node_id)) with check (private.owns_node(node_id));
create policy nodes_permissions_delete_owner on public.nodes_permissions
  for delete to authenticated using (private.owns_node(node_id));

-- Rotations: readable if public or own; writable if own.
create policy rotations_select_public_or_own on public.rotations
  for select to anon, authenticated
  using (is_public or user_id = (select auth.uid()));
create policy rotations_insert_own on public.rotations
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy rotations_update_own on public.rotations
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy rotations_delete_own on public.rotations
  for delete to authenticated using (user_id = (select auth.uid()));

create policy rotations_versions_select_readable on public.rotations_versions
  for select to anon, authenticated
  using (exists (
    select 1 from public.rotations r
     where r.id = rotation_id and (r.is_public or r.user_id = (select auth.uid()))
  ));

-- Game data: readable by everybody, written only by service_role (bypasses RLS).
create policy classes_select_all on game.classes for select to anon, authenticated using (true);
create policy specs_select_all on game.specs for select to anon, authenticated using (true);
create policy specs_traits_select_all on game.specs_traits for select to anon, authenticated using (true);
create policy spells_select_all on game.spells for select to anon, authenticated using (true);
create policy auras_select_all on game.auras for select to anon, authenticated using (true);
create policy items_select_all on game.items for select to anon, authenticated using (true);
create policy global_colors_select_all on game.global_colors for select to anon, authenticated using (true);
create policy global_strings_select_all on game.global_strings for select to anon, authenticated using (true);
