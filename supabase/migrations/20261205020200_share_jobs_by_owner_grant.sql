-- `user` sharing is the job owner's grant (issue 16), and a job may carry a player-set name
-- (issue 15). Before, anyone could add a `user` permission naming someone else on their own node
-- and receive that person's `user`-shared jobs and their configs. Now:
-- - jobs.shared_with: the node owners the job owner chose; a node runs a `user` job only when
--   its owner is the job owner or is listed there (and its `user` permission names the owner);
-- - create_job(..., shared_with, name): shared_with is required for access_type 'user', each
--   user must have offered a node to the caller; name is at most 80 characters;
-- - nodes_shared_with_me(): the users whose nodes are offered to me, for the sim builder.
-- The commonest errors are in the player's words.

alter table public.jobs
  add column shared_with uuid[] not null default '{}' check (cardinality(shared_with) <= 20),
  add column name text check (name is null or char_length(name) between 1 and 80);

drop function public.create_job(jsonb, integer, text, text, bigint);

create function public.create_job(
  config jsonb,
  iterations integer,
  access_type text default 'private',
  discord_server_id text default null,
  seed bigint default null,
  shared_with uuid[] default null,
  name text default null
) returns uuid
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  max_config_bytes constant integer := 262144;
  max_active_jobs constant integer := 20;
  chunk_size constant integer := 1000;
  v_uid uuid := auth.uid();
  v_guest boolean;
  v_text text;
  v_bytes integer;
  v_hash text;
  v_engine text;
  v_seed bigint := create_job.seed;
  v_chunks integer;
  v_active integer;
  v_job uuid;
  v_shared uuid[] := coalesce(create_job.shared_with, '{}');
  v_name text := nullif(btrim(create_job.name), '');
  v_missing uuid;
begin
  if v_uid is null then
    raise exception 'Sign in (a guest session is enough) to run a sim.' using errcode = '42501';
  end if;
  select u.is_anonymous into v_guest from auth.users u where u.id = v_uid;
  if not found then
    raise exception 'create_job: unknown user %', v_uid using errcode = '42501';
  end if;

  if create_job.config is null then
    raise exception 'create_job: config is required' using errcode = '22004';
  end if;
  if jsonb_typeof(create_job.config) <> 'object' then
    raise exception 'create_job: config must be a JSON object, got %', jsonb_typeof(create_job.config)
      using errcode = '22023';
  end if;
  v_text := create_job.config::text;
  v_bytes := octet_length(v_text);
  if v_bytes > max_config_bytes then
    raise exception 'create_job: config is % bytes, the limit is % bytes (256 KiB)', v_bytes, max_config_bytes
      using errcode = '22023';
  end if;
  if jsonb_typeof(create_job.config -> 'engineVersion') is distinct from 'string'
     or char_length(create_job.config ->> 'engineVersion') not between 1 and 64 then
    raise exception 'create_job: config.engineVersion is missing (a non-empty string of at most 64 characters is required)'
      using errcode = '22023';
  end if;
  v_engine := create_job.config ->> 'engineVersion';

  if create_job.iterations is null or create_job.iterations not between 1 and 1000000 then
    raise exception 'create_job: iterations must be between 1 and 1000000, got %',
      coalesce(create_job.iterations::text, 'null') using errcode = '22023';
  end if;

  if create_job.access_type is null
     or create_job.access_type not in ('private', 'user', 'discord', 'public') then
    raise exception 'create_job: unknown access_type %, expected private, user, discord or public',
      coalesce(quote_literal(create_job.access_type), 'null') using errcode = '22023';
  end if;
  if create_job.access_type = 'discord' then
    if create_job.discord_server_id is null then
      raise exception 'create_job: discord_server_id is required when access_type is discord'
        using errcode = '22023';
    end if;
    if create_job.discord_server_id !~ '^[0-9]{1,20}$' then
      raise exception 'create_job: discord_server_id must be a Discord guild id (digits only)'
        using errcode = '22023';
    end if;
  elsif create_job.discord_server_id is not null then
    raise exception 'create_job: discord_server_id is only allowed when access_type is discord'
      using errcode = '22023';
  end if;
  if v_guest and create_job.access_type not in ('private', 'public') then
    raise exception 'As a guest you can run private or public sims only; sign in with an account to share with users or Discord servers.'
      using errcode = '42501';
  end if;

  -- `user` sharing is the job owner's grant: the owner names the node owners who may run it,
  -- and each must have offered a node to the owner (a `user` permission naming the owner).
  if create_job.access_type = 'user' then
    if cardinality(v_shared) = 0 then
      raise exception 'Choose who may run a sim shared with users.' using errcode = '22023';
    end if;
    if cardinality(v_shared) > 20 then
      raise exception 'A sim can be shared with at most 20 users.' using errcode = '22023';
    end if;
    select s into v_missing from unnest(v_shared) as s
     where not exists (
       select 1 from public.nodes n join public.nodes_permissions p on p.node_id = n.id
        where n.user_id = s and p.access_type = 'user' and p.target_id = v_uid::text)
     limit 1;
    if found then
      raise exception 'One of the users you chose has not shared a node with you.' using errcode = '22023';
    end if;
  elsif cardinality(v_shared) > 0 then
    raise exception 'Only a sim shared with users names who may run it.' using errcode = '22023';
  end if;
  if v_name is not null and char_length(v_name) > 80 then
    raise exception 'A sim name has at most 80 characters.' using errcode = '22023';
  end if;

  if v_seed is null then
    v_seed := (floor(random() * 67108864)::bigint << 27) | floor(random() * 134217728)::bigint;
  elsif v_seed not between 0 and 9007199254740991 then
    raise exception 'create_job: seed must be between 0 and 2^53-1, got %', v_seed using errcode = '22023';
  end if;

  -- Serialise job creation per user so the active-job limit holds under concurrency.
  perform pg_advisory_xact_lock(hashtextextended('wowlab.create_job:' || v_uid::text, 0));
  select count(*) into v_active from public.jobs j
   where j.user_id = v_uid and j.status in ('pending', 'running');
  if v_active >= max_active_jobs then
    raise exception 'You already have % sims running (the limit is %); wait for one to finish.', v_active, max_active_jobs
      using errcode = 'PT429';
  end if;

  v_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
  insert into public.jobs_configs as c (hash, config)
  values (v_hash, create_job.config)
  on conflict (hash) do update set last_used_at = now();

  v_chunks := (create_job.iterations + chunk_size - 1) / chunk_size;
  insert into public.jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total,
                           access_type, discord_server_id, shared_with, name)
  values (v_uid, v_hash, v_engine, v_seed, create_job.iterations, v_chunks,
          create_job.access_type, create_job.discord_server_id,
          (select coalesce(array_agg(distinct s), '{}') from unnest(v_shared) as s), v_name)
  returning id into v_job;

  -- One statement: the pending_chunk trigger notifies once for this job.
  insert into public.jobs_chunks (job_id, config_hash, iterations, seed_offset)
  select v_job, v_hash, least(chunk_size, create_job.iterations - g * chunk_size), g * chunk_size
    from generate_series(0, v_chunks - 1) as g;

  return v_job;
end
$$;

revoke all on function public.create_job(jsonb, integer, text, text, bigint, uuid[], text) from public, anon;
grant execute on function public.create_job(jsonb, integer, text, text, bigint, uuid[], text)
  to authenticated, service_role;

create function public.nodes_shared_with_me()
  returns table (user_id uuid, handle text, node_count integer)
  language sql stable security definer set search_path = ''
  as $$
    select n.user_id, pr.handle, count(distinct n.id)::integer
      from public.nodes_permissions p
      join public.nodes n on n.id = p.node_id
      left join public.user_profiles pr on pr.id = n.user_id
     where p.access_type = 'user' and p.target_id = auth.uid()::text
       and n.user_id is not null and n.user_id <> auth.uid()
     group by n.user_id, pr.handle
     order by pr.handle nulls last
  $$;

revoke all on function public.nodes_shared_with_me() from public, anon;
grant execute on function public.nodes_shared_with_me() to authenticated, service_role;
