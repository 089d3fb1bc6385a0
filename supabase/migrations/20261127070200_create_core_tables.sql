-- Core tables of wowlab (ARCHITECTURE.md §3): profiles, sim configs, jobs and their
-- chunks, volunteer nodes and their sharing permissions, rotations and their versions.
-- Statuses and access types are CHECK-constrained text; indexes serve every query of the
-- seed map's sections A (sentinel) and B (portal).

create table public.user_profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  handle text not null unique check (handle ~ '^[a-z0-9][a-z0-9_-]{2,31}$'),
  avatar_url text check (avatar_url is null or char_length(avatar_url) <= 2048),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.jobs_configs (
  hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
  config jsonb not null check (jsonb_typeof(config) = 'object'),
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now()
);
create index jobs_configs_last_used_at_idx on public.jobs_configs (last_used_at);

create table public.jobs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  config_hash text not null references public.jobs_configs (hash),
  engine_version text not null check (char_length(engine_version) between 1 and 64),
  seed bigint not null check (seed between 0 and 9007199254740991),
  total_iterations integer not null check (total_iterations between 1 and 1000000),
  completed_iterations integer not null default 0,
  chunks_total integer not null check (chunks_total >= 1),
  chunks_completed integer not null default 0,
  status text not null default 'pending'
    check (status in ('pending', 'running', 'completed', 'failed', 'cancelled')),
  result jsonb,
  error text,
  access_type text not null default 'private'
    check (access_type in ('private', 'user', 'discord', 'public')),
  discord_server_id text check (discord_server_id ~ '^[0-9]{1,20}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  constraint jobs_completed_iterations_range check (completed_iterations between 0 and total_iterations),
  constraint jobs_chunks_completed_range check (chunks_completed between 0 and chunks_total),
  constraint jobs_discord_server_required
    check ((access_type = 'discord') = (discord_server_id is not null))
);
create index jobs_user_id_created_at_idx on public.jobs (user_id, created_at desc);
create index jobs_config_hash_idx on public.jobs (config_hash);
create index jobs_active_user_idx on public.jobs (user_id) where status in ('pending', 'running');
create index jobs_public_completed_idx on public.jobs (completed_at)
  where status = 'completed' and access_type = 'public';

create table public.nodes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id) on delete cascade,
  name text not null default 'Unnamed node' check (char_length(name) between 1 and 64),
  kind text not null check (kind in ('browser', 'headless')),
  max_parallel integer not null default 1 check (max_parallel between 1 and 1024),
  total_cores integer not null default 1 check (total_cores between 1 and 4096),
  platform text not null default '' check (char_length(platform) <= 128),
  version text not null default '' check (char_length(version) <= 64),
  engine_version text not null default '' check (char_length(engine_version) <= 64),
  status text not null default 'online' check (status in ('online', 'offline', 'draining')),
  last_seen_at timestamptz not null default now(),
  public_key text not null unique check (public_key ~ '^[A-Za-z0-9_-]{43}$'),
  claim_code text unique check (claim_code is null or char_length(claim_code) between 6 and 64),
  created_at timestamptz not null default now()
);
create index nodes_user_id_idx on public.nodes (user_id);
create index nodes_last_seen_at_idx on public.nodes (last_seen_at);

create table public.jobs_chunks (
  id uuid primary key default gen_random_uuid(),
  job_id uuid not null references public.jobs (id) on delete cascade,
  node_id uuid references public.nodes (id) on delete set null,
  config_hash text not null references public.jobs_configs (hash),
  iterations integer not null check (iterations between 1 and 1000000),
  seed_offset integer not null check (seed_offset >= 0),
  status text not null default 'pending' check (status in ('pending', 'running', 'completed', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  result jsonb,
  claimed_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint jobs_chunks_job_seed_offset_unique unique (job_id, seed_offset)
);
create index jobs_chunks_pending_idx on public.jobs_chunks (created_at) where status = 'pending';
create index jobs_chunks_running_node_idx on public.jobs_chunks (node_id) where status = 'running';
create index jobs_chunks_node_id_idx on public.jobs_chunks (node_id);
create index jobs_chunks_created_at_idx on public.jobs_chunks (created_at);
create index jobs_chunks_config_hash_idx on public.jobs_chunks (config_hash);

create table public.nodes_permissions (
  id uuid primary key default gen_random_uuid(),
  node_id uuid not null references public.nodes (id) on delete cascade,
  access_type text not null check (access_type in ('public', 'user', 'discord')),
  target_id text,
  created_at timestamptz not null default now(),
  constraint nodes_permissions_target check (
    (access_type = 'public' and target_id is null)
    or (access_type = 'user' and target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
    or (access_type = 'discord' and target_id ~ '^[0-9]{1,20}$')
  )
);
create unique index nodes_permissions_unique_idx
  on public.nodes_permissions (node_id, access_type, coalesce(target_id, ''));
create index nodes_permissions_target_idx on public.nodes_permissions (access_type, target_id);

create table public.rotations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  spec text not null check (spec in ('bm-hunter', 'mm-hunter')),
  description text not null default '' check (char_length(description) <= 4000),
  script text not null check (octet_length(script) <= 65536),
  checksum text not null default '',
  is_public boolean not null default false,
  current_version integer not null default 1 check (current_version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index rotations_user_id_updated_at_idx on public.rotations (user_id, updated_at desc);
create index rotations_public_updated_at_idx on public.rotations (updated_at desc) where is_public;
create index rotations_spec_idx on public.rotations (spec);

create table public.rotations_versions (
  rotation_id uuid not null references public.rotations (id) on delete cascade,
  version integer not null check (version >= 1),
  script text not null,
  checksum text not null,
  created_at timestamptz not null default now(),
  primary key (rotation_id, version)
);

-- Trigram indexes for `name ILIKE '%...%'` searches. pg_trgm lives in schema `extensions`
-- (Supabase's convention; the bootstrap creates that schema on plain Postgres). If it was
-- installed elsewhere before, use wherever it is.
create extension if not exists pg_trgm with schema extensions;
do $trgm$
declare
  ns text;
begin
  select n.nspname into ns
    from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
   where e.extname = 'pg_trgm';
  execute format('create index rotations_name_trgm_idx on public.rotations using gin (name %I.gin_trgm_ops)', ns);
  execute format('create index spells_name_trgm_idx on game.spells using gin (name %I.gin_trgm_ops)', ns);
  execute format('create index items_name_trgm_idx on game.items using gin (name %I.gin_trgm_ops)', ns);
end
$trgm$;
