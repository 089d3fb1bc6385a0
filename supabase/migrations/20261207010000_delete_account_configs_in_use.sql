-- delete_own_account deleted the leaver's configs that no job's config_hash named, but a config is
-- also referenced by chunks (a variant's config: jobs_chunks.config_hash, never jobs.config_hash).
-- Anyone can read a public job's config and create a sim with it as a variant; the leaver's delete
-- then violated jobs_chunks' foreign key and failed, so an attacker could keep any player with a
-- public sim from deleting their account. And the leaver's own variant configs were never deleted.
-- Now the leaver's configs are every config their jobs' chunks ran (base and variants), and one is
-- deleted only when no job and no chunk uses it any more (as maintenance's deleteStaleConfigs).
create or replace function public.delete_own_account() returns void
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
  v_hashes text[];
begin
  if v_uid is null then
    raise exception 'delete_own_account: not signed in' using errcode = '42501';
  end if;
  select array_agg(distinct h) into v_hashes from (
    select j.config_hash as h from public.jobs j where j.user_id = v_uid
    union
    select c.config_hash from public.jobs_chunks c join public.jobs j on j.id = c.job_id where j.user_id = v_uid
  ) x;
  -- Grants naming this user on other people's nodes.
  delete from public.nodes_permissions p where p.access_type = 'user' and p.target_id = v_uid::text;
  -- Cascades to profile, identities, jobs (+ chunks), nodes (+ permissions; running chunks
  -- go back to pending through the nodes trigger), rotations (+ versions).
  delete from auth.users u where u.id = v_uid;
  -- Configs nobody else uses any more (a job's base, or any chunk's: a variant's).
  delete from public.jobs_configs c
   where c.hash = any (coalesce(v_hashes, '{}'))
     and not exists (select 1 from public.jobs j where j.config_hash = c.hash)
     and not exists (select 1 from public.jobs_chunks k where k.config_hash = c.hash);
end
$$;

revoke all on function public.delete_own_account() from public, anon;
grant execute on function public.delete_own_account() to authenticated, service_role;
