-- RPCs the portal calls through PostgREST: create_job, claim_node, delete_own_account;
-- and refresh_stats_views for the sentinel's maintenance. SECURITY DEFINER because the
-- callers may not write these tables directly; search_path pinned to '' (every name is
-- schema-qualified). Errors carry SQLSTATEs PostgREST maps to HTTP statuses:
--   42501 not signed in / not allowed (401/403), 22023 invalid parameter (400),
--   22004 null parameter (400), P0002 nothing matched (400), PT429 rate limit (429).

create function public.create_job(
  config jsonb,
  iterations integer,
  access_type text default 'private',
  discord_server_id text default null,
  seed bigint default null
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
begin
  if v_uid is null then
    raise exception 'create_job: not signed in' using errcode = '42501',
      hint = 'sign in (an anonymous guest session is enough) before creating a job';
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
    raise exception 'create_job: guest accounts can create private or public jobs only' using errcode = '42501',
      hint = 'sign in with an account to share jobs with users or Discord servers';
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
    raise exception 'create_job: you already have % active jobs (limit %); wait for one to finish', v_active, max_active_jobs
      using errcode = 'PT429';
  end if;

  v_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
  insert into public.jobs_configs as c (hash, config)
  values (v_hash, create_job.config)
  on conflict (hash) do update set last_used_at = now();

  v_chunks := (create_job.iterations + chunk_size - 1) / chunk_size;
  insert into public.jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total,
                           access_type, discord_server_id)
  values (v_uid, v_hash, v_engine, v_seed, create_job.iterations, v_chunks,
          create_job.access_type, create_job.discord_server_id)
  returning id into v_job;

  -- One statement: the pending_chunk trigger notifies once for this job.
  insert into public.jobs_chunks (job_id, config_hash, iterations, seed_offset)
  select v_job, v_hash, least(chunk_size, create_job.iterations - g * chunk_size), g * chunk_size
    from generate_series(0, v_chunks - 1) as g;

  return v_job;
end
$$;

create function public.claim_node(code text, name text, max_parallel integer)
  returns public.nodes
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
  v_code text := btrim(claim_node.code);
  v_name text := btrim(claim_node.name);
  v_node public.nodes;
begin
  if v_uid is null then
    raise exception 'claim_node: not signed in' using errcode = '42501';
  end if;
  if v_code is null or v_code = '' then
    raise exception 'claim_node: a claim code is required' using errcode = '22023';
  end if;
  if v_name is null or char_length(v_name) not between 1 and 64 then
    raise exception 'claim_node: name must be 1 to 64 characters' using errcode = '22023';
  end if;
  if claim_node.max_parallel is null or claim_node.max_parallel not between 1 and 1024 then
    raise exception 'claim_node: max_parallel must be between 1 and 1024, got %',
      coalesce(claim_node.max_parallel::text, 'null') using errcode = '22023';
  end if;

  update public.nodes as n
     set user_id = v_uid, claim_code = null, name = v_name, max_parallel = claim_node.max_parallel
   where n.claim_code = v_code and n.user_id is null
  returning n.* into v_node;
  if not found then
    raise exception 'claim_node: no unclaimed node has this claim code' using errcode = 'P0002',
      hint = 'check the code the node shows; each code can be used once';
  end if;
  return v_node;
end
$$;

create function public.delete_own_account() returns void
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
  v_hashes text[];
begin
  if v_uid is null then
    raise exception 'delete_own_account: not signed in' using errcode = '42501';
  end if;
  select array_agg(distinct j.config_hash) into v_hashes from public.jobs j where j.user_id = v_uid;
  -- Grants naming this user on other people's nodes.
  delete from public.nodes_permissions p where p.access_type = 'user' and p.target_id = v_uid::text;
  -- Cascades to profile, identities, jobs (+ chunks), nodes (+ permissions; running chunks
  -- go back to pending through the nodes trigger), rotations (+ versions).
  delete from auth.users u where u.id = v_uid;
  -- Configs nobody else uses any more.
  delete from public.jobs_configs c
   where c.hash = any (coalesce(v_hashes, '{}'))
     and not exists (select 1 from public.jobs j where j.config_hash = c.hash);
end
$$;

revoke all on function public.create_job(jsonb, integer, text, text, bigint) from public, anon;
revoke all on function public.claim_node(text, text, integer) from public, anon;
revoke all on function public.delete_own_account() from public, anon;
grant execute on function public.create_job(jsonb, integer, text, text, bigint) to authenticated, service_role;
grant execute on function public.claim_node(text, text, integer) to authenticated, service_role;
grant execute on function public.delete_own_account() to authenticated, service_role;
