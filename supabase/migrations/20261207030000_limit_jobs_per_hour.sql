-- A limit on sims started per hour per account (beside the 20 running at once). Jobs are kept as
-- history, each with up to thousands of chunk rows, and nothing else bounded how many an account
-- could create: creating and cancelling in a loop grew the database without bound (a stranger with
-- a free guest account could). The function is the previous one (20261205080000_smart_variants)
-- with the check added after the running-sims limit; jobs_user_id_created_at_idx serves it.

create or replace function public.create_job(
  config jsonb,
  iterations integer,
  access_type text default 'private',
  discord_server_id text default null,
  seed bigint default null,
  shared_with uuid[] default null,
  name text default null,
  variants jsonb default null,
  target_error double precision default null,
  eliminate boolean default true
) returns uuid
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  max_config_bytes constant integer := 262144;
  max_active_jobs constant integer := 20;
  max_jobs_per_hour constant integer := 120;
  chunk_size constant integer := 1000;
  v_uid uuid := auth.uid();
  v_recent integer;
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
  -- variants (profilesets): [{name, config}] → one config hash and chunk set each
  max_variants constant integer := 200;
  max_total_iterations constant integer := 2000000;
  v_variants jsonb := coalesce(create_job.variants, '[]'::jsonb);
  v_nvariants integer;
  v_vnames text[];
  v_vhashes text[];
  v_vtext text;
  v_vbytes bigint := 0;
  v_elem jsonb;
  v_vname text;
  v_target double precision := create_job.target_error;
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

  if jsonb_typeof(v_variants) <> 'array' then
    raise exception 'Variants must be a list.' using errcode = '22023';
  end if;
  v_nvariants := jsonb_array_length(v_variants);
  if v_nvariants > max_variants then
    raise exception 'A sim can compare at most % variants; this one has %.', max_variants, v_nvariants
      using errcode = '22023';
  end if;
  if create_job.iterations::bigint * (1 + v_nvariants) > max_total_iterations then
    raise exception 'A sim with % variants can run at most % iterations each (% in all); lower the iterations or compare fewer variants.',
      v_nvariants, max_total_iterations / (1 + v_nvariants), max_total_iterations using errcode = '22023';
  end if;
  v_vnames := '{}';
  v_vhashes := '{}';
  for v_elem in select e from jsonb_array_elements(v_variants) as e loop
    v_vname := btrim(v_elem ->> 'name');
    if jsonb_typeof(v_elem) <> 'object' or jsonb_typeof(v_elem -> 'name') is distinct from 'string'
       or v_vname = '' or jsonb_typeof(v_elem -> 'config') is distinct from 'object' then
      raise exception 'Every variant needs a name and a config.' using errcode = '22023';
    end if;
    if char_length(v_vname) > 80 then
      raise exception 'The variant name "%…" is longer than 80 characters.', left(v_vname, 20) using errcode = '22023';
    end if;
    if v_vname = any(v_vnames) then
      raise exception 'Two variants are both named "%".', v_vname using errcode = '22023';
    end if;
    if (v_elem -> 'config' ->> 'engineVersion') is distinct from v_engine then
      raise exception 'Variant "%" is for another engine version than the base config.', v_vname using errcode = '22023';
    end if;
    v_vtext := (v_elem -> 'config')::text;
    v_vbytes := v_vbytes + octet_length(v_vtext);
    if octet_length(v_vtext) > max_config_bytes or v_vbytes > 8 * max_config_bytes then
      raise exception 'The variants are too large (% bytes; the limit is % bytes in all).', v_vbytes, 8 * max_config_bytes
        using errcode = '22023';
    end if;
    v_vnames := v_vnames || v_vname;
    v_vhashes := v_vhashes || encode(sha256(convert_to(v_vtext, 'UTF8')), 'hex');
    insert into public.jobs_configs as c (hash, config)
    values (v_vhashes[cardinality(v_vhashes)], v_elem -> 'config')
    on conflict (hash) do update set last_used_at = now();
  end loop;

  if v_target is not null then
    if v_target < 0.0001 or v_target > 0.1 or v_target <> v_target then
      raise exception 'The target error must be between 0.01 %% and 10 %% of the mean DPS.' using errcode = '22023';
    end if;
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
  -- jobs are kept (history), each with up to thousands of chunk rows: creating and cancelling in a
  -- loop would grow the database without bound
  select count(*) into v_recent from public.jobs j
   where j.user_id = v_uid and j.created_at > now() - interval '1 hour';
  if v_recent >= max_jobs_per_hour then
    raise exception 'You started % sims in the last hour (the limit is %); try again later.', v_recent, max_jobs_per_hour
      using errcode = 'PT429';
  end if;

  v_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
  insert into public.jobs_configs as c (hash, config)
  values (v_hash, create_job.config)
  on conflict (hash) do update set last_used_at = now();

  v_chunks := (create_job.iterations + chunk_size - 1) / chunk_size;
  -- total_iterations and chunks_total count every variant's chunks (progress is their share)
  insert into public.jobs (user_id, config_hash, engine_version, seed, total_iterations, chunks_total,
                           access_type, discord_server_id, shared_with, name, variants, target_error,
                           smart_elimination)
  values (v_uid, v_hash, v_engine, v_seed, create_job.iterations * (1 + v_nvariants), v_chunks * (1 + v_nvariants),
          create_job.access_type, create_job.discord_server_id,
          (select coalesce(array_agg(distinct s), '{}') from unnest(v_shared) as s), v_name,
          case when v_nvariants = 0 then null else
            (select jsonb_agg(jsonb_build_object('name', n, 'configHash', h) order by k)
               from unnest(v_vnames, v_vhashes) with ordinality as x(n, h, k)) end, v_target,
          coalesce(create_job.eliminate, true))
  returning id into v_job;

  -- One statement: the pending_chunk trigger notifies once for this job. Every variant runs the
  -- base's seed offsets (common random numbers); variant 0 is the base.
  insert into public.jobs_chunks (job_id, config_hash, iterations, seed_offset, variant)
  select v_job, case when v = 0 then v_hash else v_vhashes[v] end,
         least(chunk_size, create_job.iterations - g * chunk_size), g * chunk_size, v
    from generate_series(0, v_nvariants) as v, generate_series(0, v_chunks - 1) as g;

  return v_job;
end
$$;

revoke all on function public.create_job(jsonb, integer, text, text, bigint, uuid[], text, jsonb, double precision, boolean)
  from public, anon;
grant execute on function public.create_job(jsonb, integer, text, text, bigint, uuid[], text, jsonb, double precision, boolean)
  to authenticated, service_role;
