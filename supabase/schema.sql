-- supabase/schema.sql: the schema the migrations build, dumped from the catalog by
-- `pnpm --filter @wowlab/db exec tsx scripts/dump-schema.ts`. Generated: do not edit.
-- A test (supabase/db/test/schema.test.ts) fails when the migrations and this file drift.

-- schemas

create schema auth;
create schema extensions;
create schema game;
create schema private;
create schema public;
create schema supabase_migrations;

-- extensions

create extension pg_trgm with schema extensions;

-- tables

create table auth.identities (
  id uuid default gen_random_uuid() not null,
  provider_id text not null,
  user_id uuid not null,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamp with time zone,
  created_at timestamp with time zone default now(),
  updated_at timestamp with time zone default now(),
  email text generated always as (lower((identity_data ->> 'email'::text))) stored
);
create table auth.users (
  instance_id uuid,
  id uuid not null,
  aud character varying(255),
  role character varying(255),
  email character varying(255),
  encrypted_password character varying(255),
  email_confirmed_at timestamp with time zone,
  invited_at timestamp with time zone,
  confirmation_token character varying(255),
  recovery_token character varying(255),
  last_sign_in_at timestamp with time zone,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamp with time zone default now(),
  updated_at timestamp with time zone default now(),
  phone text,
  phone_confirmed_at timestamp with time zone,
  banned_until timestamp with time zone,
  deleted_at timestamp with time zone,
  is_anonymous boolean default false not null
);
create table game.auras (
  spell_id integer not null,
  key text not null,
  name text not null,
  description text default ''::text not null,
  duration_ms integer not null,
  max_stacks integer default 1 not null,
  icon text
);
create table game.classes (
  id integer not null,
  name text not null,
  slug text not null,
  color text not null,
  icon text
);
create table game.global_colors (
  name text not null,
  color text not null
);
create table game.global_strings (
  tag text not null,
  value text not null
);
create table game.items (
  id integer not null,
  name text not null,
  quality integer default 4 not null,
  item_level integer not null,
  slot text not null,
  icon text,
  stats jsonb default '{}'::jsonb not null
);
create table game.specs (
  id integer not null,
  class_id integer not null,
  class_name text not null,
  slug text not null,
  name text not null,
  role text not null,
  order_index integer default 0 not null,
  icon text,
  description text default ''::text not null
);
create table game.specs_traits (
  id bigint generated always as identity not null,
  spec_id integer not null,
  key text not null,
  name text not null,
  description text default ''::text not null,
  spell_id integer,
  order_index integer default 0 not null
);
create table game.spells (
  id integer not null,
  key text not null,
  name text not null,
  description text default ''::text not null,
  school text not null,
  cooldown_ms integer,
  cost integer,
  icon text,
  spec_ids integer[] default '{}'::integer[] not null
);
create unlogged table private.completion_effects (
  id bigint generated always as identity not null,
  job_id uuid,
  job_iterations integer default 0 not null,
  credit_if_counted boolean default false not null,
  node_ids uuid[] default '{}'::uuid[] not null,
  node_iterations bigint[] default '{}'::bigint[] not null,
  node_streaks integer[] default '{}'::integer[] not null
);
create table private.deleted_node_keys (
  public_key text not null,
  deleted_at timestamp with time zone default now() not null
);
create table private.deleted_nodes (
  id uuid not null,
  user_id uuid,
  deleted_at timestamp with time zone default now() not null
);
create table private.guild_members (
  guild_id text not null,
  discord_user_id text not null
);
create unlogged table private.register_windows (
  address text not null,
  window_start timestamp with time zone not null,
  count integer not null
);
create table public.jobs (
  id uuid default gen_random_uuid() not null,
  user_id uuid not null,
  config_hash text not null,
  engine_version text not null,
  seed bigint not null,
  total_iterations integer not null,
  completed_iterations integer default 0 not null,
  chunks_total integer not null,
  chunks_completed integer default 0 not null,
  status text default 'pending'::text not null,
  result jsonb,
  error text,
  access_type text default 'private'::text not null,
  discord_server_id text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  completed_at timestamp with time zone,
  corrected_at timestamp with time zone,
  shared_with uuid[] default '{}'::uuid[] not null,
  name text,
  variants jsonb,
  target_error double precision,
  smart_elimination boolean default true not null
);
create table public.jobs_chunks (
  id uuid default gen_random_uuid() not null,
  job_id uuid not null,
  node_id uuid,
  config_hash text not null,
  iterations integer not null,
  seed_offset integer not null,
  status text default 'pending'::text not null,
  attempts integer default 0 not null,
  result text,
  claimed_at timestamp with time zone,
  completed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  replica_of uuid,
  replica_role text default 'primary'::text not null,
  exclude_owners uuid[] default '{}'::uuid[] not null,
  digest text,
  verdict text,
  failed_owners uuid[] default '{}'::uuid[] not null,
  variant smallint default 0 not null,
  deleted_node_id uuid,
  audit boolean default false not null,
  vouched boolean default false not null,
  anchored_attempts integer default 0 not null
);
create table public.jobs_configs (
  hash text not null,
  config jsonb not null,
  created_at timestamp with time zone default now() not null,
  last_used_at timestamp with time zone default now() not null
);
create table public.nodes (
  id uuid default gen_random_uuid() not null,
  user_id uuid,
  name text default 'Unnamed node'::text not null,
  kind text not null,
  max_parallel integer default 1 not null,
  total_cores integer default 1 not null,
  platform text default ''::text not null,
  version text default ''::text not null,
  engine_version text default ''::text not null,
  status text default 'online'::text not null,
  last_seen_at timestamp with time zone default now() not null,
  public_key text not null,
  claim_code text,
  created_at timestamp with time zone default now() not null,
  trust_streak integer default 0 not null,
  mismatches integer default 0 not null,
  quarantined_at timestamp with time zone,
  credited_iterations bigint default 0 not null,
  platform_node boolean default false not null,
  disconnected_at timestamp with time zone
);
create table public.nodes_permissions (
  id uuid default gen_random_uuid() not null,
  node_id uuid not null,
  access_type text not null,
  target_id text,
  created_at timestamp with time zone default now() not null
);
create table public.rotations (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  name text not null,
  spec text not null,
  description text default ''::text not null,
  script text not null,
  checksum text default ''::text not null,
  is_public boolean default false not null,
  current_version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null
);
create table public.rotations_versions (
  rotation_id uuid not null,
  version integer not null,
  script text not null,
  checksum text not null,
  created_at timestamp with time zone default now() not null
);
create table public.sentinel_state (
  id boolean default true not null,
  scheduling_paused boolean default false not null,
  version bigint default 0 not null,
  updated_at timestamp with time zone default now() not null
);
create table public.user_profiles (
  id uuid not null,
  handle text not null,
  avatar_url text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  credited_iterations bigint default 0 not null
);
create table supabase_migrations.schema_migrations (
  version text not null,
  name text,
  statements text[]
);

-- column storage

alter table public.jobs_chunks alter column result set storage external;

-- constraints

alter table auth.identities add constraint identities_pkey PRIMARY KEY (id);
alter table auth.identities add constraint identities_provider_id_provider_unique UNIQUE (provider_id, provider);
alter table auth.identities add constraint identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;
alter table auth.users add constraint users_phone_key UNIQUE (phone);
alter table auth.users add constraint users_pkey PRIMARY KEY (id);
alter table game.auras add constraint auras_duration_ms_check CHECK ((duration_ms >= 0));
alter table game.auras add constraint auras_max_stacks_check CHECK ((max_stacks >= 1));
alter table game.auras add constraint auras_pkey PRIMARY KEY (spell_id);
alter table game.classes add constraint classes_color_check CHECK ((color ~ '^#[0-9a-f]{6}$'::text));
alter table game.classes add constraint classes_pkey PRIMARY KEY (id);
alter table game.classes add constraint classes_slug_key UNIQUE (slug);
alter table game.global_colors add constraint global_colors_color_check CHECK ((color ~ '^#[0-9a-f]{6}$'::text));
alter table game.global_colors add constraint global_colors_pkey PRIMARY KEY (name);
alter table game.global_strings add constraint global_strings_pkey PRIMARY KEY (tag);
alter table game.items add constraint items_item_level_check CHECK ((item_level > 0));
alter table game.items add constraint items_pkey PRIMARY KEY (id);
alter table game.items add constraint items_quality_check CHECK (((quality >= 0) AND (quality <= 8)));
alter table game.items add constraint items_stats_check CHECK ((jsonb_typeof(stats) = 'object'::text));
alter table game.specs add constraint specs_class_id_fkey FOREIGN KEY (class_id) REFERENCES game.classes(id) ON DELETE CASCADE;
alter table game.specs add constraint specs_pkey PRIMARY KEY (id);
alter table game.specs add constraint specs_role_check CHECK ((role = ANY (ARRAY['dps'::text, 'tank'::text, 'healer'::text])));
alter table game.specs add constraint specs_slug_key UNIQUE (slug);
alter table game.specs_traits add constraint specs_traits_pkey PRIMARY KEY (id);
alter table game.specs_traits add constraint specs_traits_spec_id_fkey FOREIGN KEY (spec_id) REFERENCES game.specs(id) ON DELETE CASCADE;
alter table game.specs_traits add constraint specs_traits_spec_id_key_key UNIQUE (spec_id, key);
alter table game.spells add constraint spells_cooldown_ms_check CHECK ((cooldown_ms >= 0));
alter table game.spells add constraint spells_cost_check CHECK ((cost >= 0));
alter table game.spells add constraint spells_pkey PRIMARY KEY (id);
alter table private.completion_effects add constraint completion_effects_apply TRIGGER DEFERRABLE INITIALLY DEFERRED;
alter table private.completion_effects add constraint completion_effects_check CHECK (((cardinality(node_ids) = cardinality(node_iterations)) AND (cardinality(node_ids) = cardinality(node_streaks))));
alter table private.completion_effects add constraint completion_effects_job_iterations_check CHECK ((job_iterations >= 0));
alter table private.completion_effects add constraint completion_effects_pkey PRIMARY KEY (id);
alter table private.deleted_node_keys add constraint deleted_node_keys_pkey PRIMARY KEY (public_key);
alter table private.deleted_nodes add constraint deleted_nodes_pkey PRIMARY KEY (id);
alter table private.guild_members add constraint guild_members_discord_user_id_check CHECK ((discord_user_id ~ '^[0-9]{1,20}$'::text));
alter table private.guild_members add constraint guild_members_guild_id_check CHECK ((guild_id ~ '^[0-9]{1,20}$'::text));
alter table private.guild_members add constraint guild_members_pkey PRIMARY KEY (guild_id, discord_user_id);
alter table private.register_windows add constraint register_windows_address_check CHECK ((length(address) <= 64));
alter table private.register_windows add constraint register_windows_count_check CHECK ((count > 0));
alter table private.register_windows add constraint register_windows_pkey PRIMARY KEY (address);
alter table public.jobs add constraint jobs_access_type_check CHECK ((access_type = ANY (ARRAY['private'::text, 'user'::text, 'discord'::text, 'public'::text])));
alter table public.jobs add constraint jobs_chunks_completed_range CHECK (((chunks_completed >= 0) AND (chunks_completed <= chunks_total)));
alter table public.jobs add constraint jobs_chunks_total_check CHECK ((chunks_total >= 1));
alter table public.jobs add constraint jobs_completed_iterations_range CHECK (((completed_iterations >= 0) AND (completed_iterations <= total_iterations)));
alter table public.jobs add constraint jobs_config_hash_fkey FOREIGN KEY (config_hash) REFERENCES public.jobs_configs(hash);
alter table public.jobs add constraint jobs_discord_server_id_check CHECK ((discord_server_id ~ '^[0-9]{1,20}$'::text));
alter table public.jobs add constraint jobs_discord_server_required CHECK (((access_type = 'discord'::text) = (discord_server_id IS NOT NULL)));
alter table public.jobs add constraint jobs_engine_version_check CHECK (((char_length(engine_version) >= 1) AND (char_length(engine_version) <= 64)));
alter table public.jobs add constraint jobs_name_check CHECK (((name IS NULL) OR ((char_length(name) >= 1) AND (char_length(name) <= 80))));
alter table public.jobs add constraint jobs_pkey PRIMARY KEY (id);
alter table public.jobs add constraint jobs_seed_check CHECK (((seed >= 0) AND (seed <= '9007199254740991'::bigint)));
alter table public.jobs add constraint jobs_shared_with_check CHECK ((cardinality(shared_with) <= 20));
alter table public.jobs add constraint jobs_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'running'::text, 'completed'::text, 'failed'::text, 'cancelled'::text])));
alter table public.jobs add constraint jobs_target_error_check CHECK (((target_error IS NULL) OR ((target_error >= (0.0001)::double precision) AND (target_error <= (0.1)::double precision))));
alter table public.jobs add constraint jobs_total_iterations_check CHECK (((total_iterations >= 1) AND (total_iterations <= 2000000)));
alter table public.jobs add constraint jobs_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;
alter table public.jobs add constraint jobs_variants_check CHECK (((variants IS NULL) OR ((jsonb_typeof(variants) = 'array'::text) AND ((jsonb_array_length(variants) >= 1) AND (jsonb_array_length(variants) <= 200)))));
alter table public.jobs_chunks add constraint jobs_chunks_anchored_attempts_check CHECK ((anchored_attempts >= 0));
alter table public.jobs_chunks add constraint jobs_chunks_attempts_check CHECK ((attempts >= 0));
alter table public.jobs_chunks add constraint jobs_chunks_audit_is_replica CHECK (((NOT audit) OR (replica_role = 'replica'::text)));
alter table public.jobs_chunks add constraint jobs_chunks_config_hash_fkey FOREIGN KEY (config_hash) REFERENCES public.jobs_configs(hash);
alter table public.jobs_chunks add constraint jobs_chunks_digest_check CHECK ((digest ~ '^[0-9a-f]{64}$'::text));
alter table public.jobs_chunks add constraint jobs_chunks_exclude_owners_check CHECK ((cardinality(exclude_owners) <= 16));
alter table public.jobs_chunks add constraint jobs_chunks_failed_owners_check CHECK ((cardinality(failed_owners) <= 16));
alter table public.jobs_chunks add constraint jobs_chunks_iterations_check CHECK (((iterations >= 1) AND (iterations <= 1000000)));
alter table public.jobs_chunks add constraint jobs_chunks_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs(id) ON DELETE CASCADE;
alter table public.jobs_chunks add constraint jobs_chunks_node_id_fkey FOREIGN KEY (node_id) REFERENCES public.nodes(id) ON DELETE SET NULL;
alter table public.jobs_chunks add constraint jobs_chunks_pkey PRIMARY KEY (id);
alter table public.jobs_chunks add constraint jobs_chunks_replica_of_fkey FOREIGN KEY (replica_of) REFERENCES public.jobs_chunks(id) ON DELETE CASCADE;
alter table public.jobs_chunks add constraint jobs_chunks_replica_role_check CHECK ((replica_role = ANY (ARRAY['primary'::text, 'replica'::text, 'arbiter'::text])));
alter table public.jobs_chunks add constraint jobs_chunks_replica_role_matches CHECK (((replica_role = 'primary'::text) = (replica_of IS NULL)));
alter table public.jobs_chunks add constraint jobs_chunks_seed_offset_check CHECK ((seed_offset >= 0));
alter table public.jobs_chunks add constraint jobs_chunks_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'running'::text, 'completed'::text, 'failed'::text])));
alter table public.jobs_chunks add constraint jobs_chunks_variant_check CHECK (((variant >= 0) AND (variant <= 200)));
alter table public.jobs_chunks add constraint jobs_chunks_verdict_check CHECK ((verdict = ANY (ARRAY['trusted'::text, 'verified'::text, 'invalid'::text])));
alter table public.jobs_configs add constraint jobs_configs_config_check CHECK ((jsonb_typeof(config) = 'object'::text));
alter table public.jobs_configs add constraint jobs_configs_hash_check CHECK ((hash ~ '^[0-9a-f]{64}$'::text));
alter table public.jobs_configs add constraint jobs_configs_pkey PRIMARY KEY (hash);
alter table public.nodes add constraint nodes_claim_code_check CHECK (((claim_code IS NULL) OR ((char_length(claim_code) >= 6) AND (char_length(claim_code) <= 64))));
alter table public.nodes add constraint nodes_claim_code_key UNIQUE (claim_code);
alter table public.nodes add constraint nodes_credited_iterations_check CHECK ((credited_iterations >= 0));
alter table public.nodes add constraint nodes_engine_version_check CHECK ((char_length(engine_version) <= 64));
alter table public.nodes add constraint nodes_kind_check CHECK ((kind = ANY (ARRAY['browser'::text, 'headless'::text])));
alter table public.nodes add constraint nodes_max_parallel_check CHECK (((max_parallel >= 1) AND (max_parallel <= 1024)));
alter table public.nodes add constraint nodes_mismatches_check CHECK ((mismatches >= 0));
alter table public.nodes add constraint nodes_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 64)));
alter table public.nodes add constraint nodes_pkey PRIMARY KEY (id);
alter table public.nodes add constraint nodes_platform_check CHECK ((char_length(platform) <= 128));
alter table public.nodes add constraint nodes_public_key_check CHECK ((public_key ~ '^[A-Za-z0-9_-]{43}$'::text));
alter table public.nodes add constraint nodes_public_key_key UNIQUE (public_key);
alter table public.nodes add constraint nodes_status_check CHECK ((status = ANY (ARRAY['online'::text, 'offline'::text, 'draining'::text])));
alter table public.nodes add constraint nodes_total_cores_check CHECK (((total_cores >= 1) AND (total_cores <= 4096)));
alter table public.nodes add constraint nodes_trust_streak_check CHECK ((trust_streak >= 0));
alter table public.nodes add constraint nodes_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;
alter table public.nodes add constraint nodes_version_check CHECK ((char_length(version) <= 64));
alter table public.nodes_permissions add constraint nodes_permissions_access_type_check CHECK ((access_type = ANY (ARRAY['public'::text, 'user'::text, 'discord'::text])));
alter table public.nodes_permissions add constraint nodes_permissions_node_id_fkey FOREIGN KEY (node_id) REFERENCES public.nodes(id) ON DELETE CASCADE;
alter table public.nodes_permissions add constraint nodes_permissions_pkey PRIMARY KEY (id);
alter table public.nodes_permissions add constraint nodes_permissions_target CHECK (
CASE access_type
    WHEN 'public'::text THEN (target_id IS NULL)
    WHEN 'user'::text THEN ((target_id IS NOT NULL) AND (target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'::text))
    WHEN 'discord'::text THEN ((target_id IS NOT NULL) AND (target_id ~ '^[0-9]{1,20}$'::text))
    ELSE false
END);
alter table public.rotations add constraint rotations_current_version_check CHECK ((current_version >= 1));
alter table public.rotations add constraint rotations_description_check CHECK ((char_length(description) <= 4000));
alter table public.rotations add constraint rotations_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 100)));
alter table public.rotations add constraint rotations_pkey PRIMARY KEY (id);
alter table public.rotations add constraint rotations_script_check CHECK ((octet_length(script) <= 65536));
alter table public.rotations add constraint rotations_spec_check CHECK ((spec = ANY (ARRAY['bm-hunter'::text, 'mm-hunter'::text])));
alter table public.rotations add constraint rotations_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;
alter table public.rotations add constraint rotations_user_id_profile_fkey FOREIGN KEY (user_id) REFERENCES public.user_profiles(id) ON DELETE CASCADE;
alter table public.rotations_versions add constraint rotations_versions_pkey PRIMARY KEY (rotation_id, version);
alter table public.rotations_versions add constraint rotations_versions_rotation_id_fkey FOREIGN KEY (rotation_id) REFERENCES public.rotations(id) ON DELETE CASCADE;
alter table public.rotations_versions add constraint rotations_versions_version_check CHECK ((version >= 1));
alter table public.sentinel_state add constraint sentinel_state_id_check CHECK (id);
alter table public.sentinel_state add constraint sentinel_state_pkey PRIMARY KEY (id);
alter table public.user_profiles add constraint user_profiles_avatar_url_check CHECK (((avatar_url IS NULL) OR (char_length(avatar_url) <= 2048)));
alter table public.user_profiles add constraint user_profiles_credited_iterations_check CHECK ((credited_iterations >= 0));
alter table public.user_profiles add constraint user_profiles_handle_check CHECK ((handle ~ '^[a-z0-9][a-z0-9_-]{2,31}$'::text));
alter table public.user_profiles add constraint user_profiles_handle_key UNIQUE (handle);
alter table public.user_profiles add constraint user_profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;
alter table public.user_profiles add constraint user_profiles_pkey PRIMARY KEY (id);
alter table supabase_migrations.schema_migrations add constraint schema_migrations_pkey PRIMARY KEY (version);

-- indexes

CREATE INDEX identities_email_idx ON auth.identities USING btree (email text_pattern_ops);
CREATE INDEX identities_user_id_idx ON auth.identities USING btree (user_id);
CREATE INDEX users_email_idx ON auth.users USING btree (email);
CREATE INDEX items_name_trgm_idx ON game.items USING gin (name extensions.gin_trgm_ops);
CREATE INDEX specs_class_id_idx ON game.specs USING btree (class_id);
CREATE INDEX specs_class_name_order_idx ON game.specs USING btree (class_name, order_index);
CREATE INDEX spells_name_trgm_idx ON game.spells USING gin (name extensions.gin_trgm_ops);
CREATE INDEX register_windows_window_start_idx ON private.register_windows USING btree (window_start);
CREATE INDEX jobs_active_user_idx ON public.jobs USING btree (user_id) WHERE (status = ANY (ARRAY['pending'::text, 'running'::text]));
CREATE INDEX jobs_completed_at_idx ON public.jobs USING btree (completed_at) WHERE (status = 'completed'::text);
CREATE INDEX jobs_config_hash_idx ON public.jobs USING btree (config_hash);
CREATE INDEX jobs_public_completed_idx ON public.jobs USING btree (completed_at) WHERE ((status = 'completed'::text) AND (access_type = 'public'::text));
CREATE INDEX jobs_user_id_created_at_idx ON public.jobs USING btree (user_id, created_at DESC);
CREATE INDEX jobs_chunks_completed_at_idx ON public.jobs_chunks USING btree (completed_at) WHERE (status = 'completed'::text);
CREATE INDEX jobs_chunks_config_hash_idx ON public.jobs_chunks USING btree (config_hash);
CREATE INDEX jobs_chunks_created_at_idx ON public.jobs_chunks USING btree (created_at);
CREATE INDEX jobs_chunks_deleted_node_idx ON public.jobs_chunks USING btree (deleted_node_id) WHERE (deleted_node_id IS NOT NULL);
CREATE INDEX jobs_chunks_job_id_idx ON public.jobs_chunks USING btree (job_id, seed_offset);
CREATE UNIQUE INDEX jobs_chunks_job_seed_offset_unique ON public.jobs_chunks USING btree (job_id, variant, seed_offset) WHERE (replica_of IS NULL);
CREATE INDEX jobs_chunks_node_id_idx ON public.jobs_chunks USING btree (node_id);
CREATE INDEX jobs_chunks_pending_audits_idx ON public.jobs_chunks USING btree (created_at, seed_offset, variant) WHERE ((status = 'pending'::text) AND audit);
CREATE INDEX jobs_chunks_pending_copies_idx ON public.jobs_chunks USING btree (created_at) WHERE ((status = 'pending'::text) AND (replica_of IS NOT NULL));
CREATE INDEX jobs_chunks_pending_order_idx ON public.jobs_chunks USING btree (created_at, seed_offset, variant) WHERE (status = 'pending'::text);
CREATE INDEX jobs_chunks_replica_of_idx ON public.jobs_chunks USING btree (replica_of) WHERE (replica_of IS NOT NULL);
CREATE INDEX jobs_chunks_running_node_idx ON public.jobs_chunks USING btree (node_id) WHERE (status = 'running'::text);
CREATE INDEX jobs_configs_last_used_at_idx ON public.jobs_configs USING btree (last_used_at);
CREATE INDEX nodes_last_seen_at_idx ON public.nodes USING btree (last_seen_at);
CREATE INDEX nodes_platform_idx ON public.nodes USING btree (id) WHERE platform_node;
CREATE INDEX nodes_quarantined_at_idx ON public.nodes USING btree (quarantined_at) WHERE (quarantined_at IS NOT NULL);
CREATE INDEX nodes_user_id_idx ON public.nodes USING btree (user_id);
CREATE INDEX nodes_permissions_target_idx ON public.nodes_permissions USING btree (access_type, target_id);
CREATE UNIQUE INDEX nodes_permissions_unique_idx ON public.nodes_permissions USING btree (node_id, access_type, COALESCE(target_id, ''::text));
CREATE INDEX rotations_name_trgm_idx ON public.rotations USING gin (name extensions.gin_trgm_ops);
CREATE INDEX rotations_public_updated_at_idx ON public.rotations USING btree (updated_at DESC) WHERE is_public;
CREATE INDEX rotations_spec_idx ON public.rotations USING btree (spec);
CREATE INDEX rotations_user_id_updated_at_idx ON public.rotations USING btree (user_id, updated_at DESC);
CREATE UNIQUE INDEX spec_rankings_hourly_spec_idx ON public.spec_rankings_hourly USING btree (spec);
CREATE UNIQUE INDEX top_sims_daily_job_id_idx ON public.top_sims_daily USING btree (job_id);
CREATE INDEX top_sims_daily_spec_rank_idx ON public.top_sims_daily USING btree (spec, rank);
CREATE INDEX user_profiles_credited_iterations_idx ON public.user_profiles USING btree (credited_iterations DESC) WHERE (credited_iterations > 0);

-- views

create view public.contributors_leaderboard as
 SELECT id AS user_id,
    handle,
    avatar_url,
    credited_iterations,
    rank() OVER (ORDER BY credited_iterations DESC) AS rank
   FROM public.user_profiles p
  WHERE (credited_iterations > 0);
create view public.jobs_activity as
 SELECT job_id,
    (count(*) FILTER (WHERE (status = 'running'::text)))::integer AS running,
    (count(DISTINCT node_id) FILTER (WHERE ((status = 'running'::text) AND (private.node_disconnected_at(node_id) IS NULL))))::integer AS nodes,
    (count(DISTINCT node_id) FILTER (WHERE ((status = 'running'::text) AND (private.node_disconnected_at(node_id) IS NOT NULL))))::integer AS disconnected_nodes,
    (count(*) FILTER (WHERE ((status = 'pending'::text) AND (replica_role = 'primary'::text))))::integer AS waiting_originals,
    (count(*) FILTER (WHERE ((status = 'pending'::text) AND (replica_role <> 'primary'::text))))::integer AS waiting_checks,
    (count(*) FILTER (WHERE ((status = 'pending'::text) AND (cardinality(failed_owners) > 0))))::integer AS failing
   FROM public.jobs_chunks c
  WHERE (status = ANY (ARRAY['pending'::text, 'running'::text]))
  GROUP BY job_id;
create view public.jobs_chunks_progress as
 SELECT job_id,
    node_id,
    status,
    iterations,
    replica_role,
    variant,
    seed_offset,
        CASE
            WHEN (status = 'running'::text) THEN private.node_disconnected_at(node_id)
            ELSE NULL::timestamp with time zone
        END AS node_disconnected_at,
    cardinality(failed_owners) AS failed_by
   FROM public.jobs_chunks c;
create materialized view public.spec_rankings_hourly as
 SELECT (c.config ->> 'spec'::text) AS spec,
    (count(*))::integer AS jobs,
    max(((j.result ->> 'mean'::text))::double precision) AS top_dps,
    percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((j.result ->> 'mean'::text))::double precision) AS median_dps,
    max(j.completed_at) AS last_completed_at,
    now() AS refreshed_at
   FROM (public.jobs j
     JOIN public.jobs_configs c ON ((c.hash = j.config_hash)))
  WHERE ((j.status = 'completed'::text) AND (j.access_type = 'public'::text) AND (j.completed_at > (now() - '30 days'::interval)) AND (jsonb_typeof((j.result -> 'mean'::text)) = 'number'::text) AND (jsonb_typeof((c.config -> 'spec'::text)) = 'string'::text))
  GROUP BY (c.config ->> 'spec'::text);
create materialized view public.top_sims_daily as
 SELECT job_id,
    user_id,
    handle,
    spec,
    dps,
    dps_error,
    iterations,
    completed_at,
    rank
   FROM ( SELECT j.id AS job_id,
            j.user_id,
            p.handle,
            (c.config ->> 'spec'::text) AS spec,
            ((j.result ->> 'mean'::text))::double precision AS dps,
            ((j.result ->> 'dpsError'::text))::double precision AS dps_error,
            j.total_iterations AS iterations,
            j.completed_at,
            (row_number() OVER (PARTITION BY (c.config ->> 'spec'::text) ORDER BY ((j.result ->> 'mean'::text))::double precision DESC, j.completed_at, j.id))::integer AS rank
           FROM ((public.jobs j
             JOIN public.jobs_configs c ON ((c.hash = j.config_hash)))
             LEFT JOIN public.user_profiles p ON ((p.id = j.user_id)))
          WHERE ((j.status = 'completed'::text) AND (j.access_type = 'public'::text) AND (j.completed_at > (now() - '24:00:00'::interval)) AND (jsonb_typeof((j.result -> 'mean'::text)) = 'number'::text) AND (jsonb_typeof((c.config -> 'spec'::text)) = 'string'::text))) ranked
  WHERE (rank <= 10);

-- functions

CREATE OR REPLACE FUNCTION auth.jwt()
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $function$
;
CREATE OR REPLACE FUNCTION auth.role()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $function$
;
CREATE OR REPLACE FUNCTION auth.uid()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$
      select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $function$
;
CREATE OR REPLACE FUNCTION private.apply_completion_effects()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
declare
  counted boolean := false;
begin
  if new.job_id is not null then
    update public.jobs set completed_iterations = completed_iterations + new.job_iterations,
           chunks_completed = chunks_completed + 1,
           status = case when status = 'pending' then 'running' else status end
     where id = new.job_id and status in ('pending', 'running');
    counted := found;
  end if;
  if cardinality(new.node_ids) > 0 and (counted or not new.credit_if_counted) then
    with credit as (
      select a.node, sum(a.iterations)::bigint as iterations, sum(a.streak)::int as streak
        from unnest(new.node_ids, new.node_iterations, new.node_streaks) as a(node, iterations, streak)
       group by a.node),
    n as (
      update public.nodes n set credited_iterations = n.credited_iterations + a.iterations,
             trust_streak = n.trust_streak + a.streak
        from credit a,
             (select id from public.nodes where id in (select node from credit) order by id for no key update) o
       where n.id = a.node and o.id = a.node
      returning n.user_id, a.iterations)
    update public.user_profiles p set credited_iterations = p.credited_iterations + s.iterations
      from (select user_id, sum(iterations) as iterations from n where user_id is not null group by user_id) s,
           (select id from public.user_profiles where id in (select user_id from n) order by id for no key update) o
     where p.id = s.user_id and o.id = s.user_id;
  end if;
  delete from private.completion_effects where id = new.id;
  return null;
end $function$
;
CREATE OR REPLACE FUNCTION private.generate_handle(p_base text)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  v_base text := left(regexp_replace(lower(coalesce(p_base, '')), '[^a-z0-9_-]+', '', 'g'), 24);
  v_handle text;
begin
  v_base := regexp_replace(v_base, '^[_-]+', '');
  if char_length(v_base) < 3 then
    v_base := 'user';
  end if;
  v_handle := v_base;
  while exists (select 1 from public.user_profiles p where p.handle = v_handle) loop
    v_handle := v_base || '-' || substr(md5(random()::text), 1, 6);
  end loop;
  return v_handle;
end
$function$
;
CREATE OR REPLACE FUNCTION private.handle_new_user()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_base text;
begin
  v_base := case
    when coalesce(new.is_anonymous, false) then 'guest'
    else coalesce(v_meta ->> 'user_name', v_meta ->> 'preferred_username', v_meta ->> 'name',
                  split_part(new.email, '@', 1))
  end;
  for attempt in 1..5 loop
    begin
      insert into public.user_profiles (id, handle, avatar_url)
      values (new.id, private.generate_handle(v_base),
              nullif(left(v_meta ->> 'avatar_url', 2048), ''));
      return null;
    exception when unique_violation then
      -- a concurrent sign-up took the same handle: pick another
      if attempt = 5 then
        raise;
      end if;
    end;
  end loop;
  return null;
end
$function$
;
CREATE OR REPLACE FUNCTION private.keep_deleted_node_results()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  verified_until timestamptz;
  kept int;
  confirmations int;
begin
  if old.platform_node then
    return old;
  end if;
  select max(c.completed_at) into verified_until
    from public.jobs_chunks c join public.jobs j on j.id = c.job_id
   where c.node_id = old.id and c.verdict = 'verified' and c.replica_of is null
     and j.target_error is null and c.vouched;
  update public.jobs_chunks c set deleted_node_id = old.id
    from public.jobs j
   where c.node_id = old.id and c.status = 'completed' and c.verdict = 'trusted' and c.result is not null
     and j.id = c.job_id and j.user_id is distinct from old.user_id
     and c.completed_at > coalesce(verified_until, '-infinity'::timestamptz);
  get diagnostics kept = row_count;
  update public.jobs_chunks c set deleted_node_id = old.id
    from public.jobs j
   where c.node_id = old.id and c.status = 'completed' and c.verdict = 'verified' and c.replica_of is not null
     and c.result is not null
     and j.id = c.job_id and j.user_id is distinct from old.user_id
     and j.status in ('pending', 'running', 'completed')
     and not exists (
       select 1 from public.jobs_chunks r join public.nodes n on n.id = r.node_id
        where (r.id = c.replica_of or r.replica_of = c.replica_of) and r.verdict = 'verified'
          and (j.user_id = n.user_id or n.platform_node
               or (j.access_type = 'user' and n.user_id = any(j.shared_with))));
  get diagnostics confirmations = row_count;
  if kept + confirmations > 0 then
    insert into private.deleted_nodes (id, user_id) values (old.id, old.user_id) on conflict do nothing;
  end if;
  return old;
end
$function$
;
CREATE OR REPLACE FUNCTION private.node_disconnected_at(p_node_id uuid)
 RETURNS timestamp with time zone
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$ select n.disconnected_at from public.nodes n where n.id = p_node_id $function$
;
CREATE OR REPLACE FUNCTION private.node_shared_with_me(p_node_id uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
    select exists (
      select 1 from public.nodes_permissions p
       where p.node_id = p_node_id and p.access_type = 'user' and p.target_id = auth.uid()::text
    )
  $function$
;
CREATE OR REPLACE FUNCTION private.notify_node_claimed()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform pg_notify('node_claimed', new.id::text);
  return null;
end
$function$
;
CREATE OR REPLACE FUNCTION private.notify_pending_chunk_returned()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform pg_notify('pending_chunk', new.job_id::text);
  return null;
end
$function$
;
CREATE OR REPLACE FUNCTION private.notify_pending_chunks_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform pg_notify('pending_chunk', d.job_id::text)
     from (select distinct r.job_id from new_rows r where r.status = 'pending') as d;
  return null;
end
$function$
;
CREATE OR REPLACE FUNCTION private.notify_sentinel_state()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform pg_notify('sentinel_state',
    case when new.scheduling_paused then 'paused:' else 'running:' end || new.version);
  return null;
end
$function$
;
CREATE OR REPLACE FUNCTION private.owns_node(p_node_id uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
    select exists (select 1 from public.nodes n where n.id = p_node_id and n.user_id = auth.uid())
  $function$
;
CREATE OR REPLACE FUNCTION private.release_node_chunks()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.jobs_chunks c
     set status = 'pending', node_id = null, claimed_at = null, attempts = c.attempts + 1
   where c.node_id = old.id and c.status = 'running';
  return old;
end
$function$
;
CREATE OR REPLACE FUNCTION private.remember_deleted_node()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if old.user_id is not null then
    insert into private.deleted_node_keys (public_key) values (old.public_key) on conflict do nothing;
    perform pg_notify('node_deleted', old.id::text);
  end if;
  return old;
end
$function$
;
CREATE OR REPLACE FUNCTION private.rotations_before_write()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.checksum := encode(sha256(convert_to(new.script, 'UTF8')), 'hex');
  if tg_op = 'INSERT' then
    new.current_version := 1;
  elsif new.script is distinct from old.script then
    new.current_version := old.current_version + 1;
  else
    new.current_version := old.current_version;
  end if;
  return new;
end
$function$
;
CREATE OR REPLACE FUNCTION private.rotations_record_version()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into public.rotations_versions (rotation_id, version, script, checksum)
  values (new.id, new.current_version, new.script, new.checksum);
  return null;
end
$function$
;
CREATE OR REPLACE FUNCTION private.set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.updated_at := now();
  return new;
end
$function$
;
CREATE OR REPLACE FUNCTION private.user_profiles_safe_avatar()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.avatar_url !~ '^https://(cdn\.discordapp\.com|media\.discordapp\.net|avatars\.githubusercontent\.com|lh[0-9]\.googleusercontent\.com|static-cdn\.jtvnw\.net)/[^[:space:]"''<>\\]*$' then
    new.avatar_url := null;
  end if;
  return new;
end
$function$
;
CREATE OR REPLACE FUNCTION public.cancel_job(job_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception 'Sign in to cancel a sim.' using errcode = '42501';
  end if;
  if cancel_job.job_id is null then
    raise exception 'cancel_job: job_id is required' using errcode = '22004';
  end if;
  if not exists (
    select 1 from public.jobs j
     where j.id = cancel_job.job_id and j.user_id = v_uid and j.status in ('pending', 'running')
  ) then
    raise exception 'You have no pending or running sim with this id.' using errcode = 'PT404';
  end if;
  -- chunks first (id order), then the job: the lock order of the scheduler and of completions
  perform 1 from public.jobs_chunks c where c.job_id = cancel_job.job_id order by c.id for no key update;
  update public.jobs as j
     set status = 'cancelled', error = 'cancelled by its owner'
   where j.id = cancel_job.job_id and j.user_id = v_uid and j.status in ('pending', 'running');
  if not found then
    raise exception 'You have no pending or running sim with this id.' using errcode = 'PT404';
  end if;
  update public.jobs_chunks as c
     set status = 'failed'
   where c.job_id = cancel_job.job_id and c.status = 'pending';
end
$function$
;
CREATE OR REPLACE FUNCTION public.claim_node(code text, name text DEFAULT NULL::text, max_parallel integer DEFAULT NULL::integer)
 RETURNS public.nodes
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_uid uuid := auth.uid();
  v_code text := upper(regexp_replace(coalesce(claim_node.code, ''), '[[:space:]-]', '', 'g'));
  v_name text := nullif(btrim(claim_node.name), '');
  v_node public.nodes;
begin
  if v_uid is null then
    raise exception 'Sign in (a guest session is enough) to claim a node.' using errcode = '42501';
  end if;
  if v_code = '' then
    raise exception 'Enter the claim code your node shows.' using errcode = '22023';
  end if;
  if v_name is not null and char_length(v_name) > 64 then
    raise exception 'A node name has at most 64 characters.' using errcode = '22023';
  end if;
  if claim_node.max_parallel is not null and claim_node.max_parallel not between 1 and 1024 then
    raise exception 'Parallel chunks must be between 1 and 1024 (got %).', claim_node.max_parallel
      using errcode = '22023';
  end if;

  update public.nodes as n
     set user_id = v_uid, claim_code = null,
         name = coalesce(v_name, n.name),
         max_parallel = coalesce(claim_node.max_parallel, n.max_parallel)
   where (n.claim_code = v_code or n.claim_code = replace(btrim(claim_node.code), ' ', ''))
     and n.user_id is null
  returning n.* into v_node;
  if not found then
    raise exception 'No unclaimed node has this claim code.' using errcode = 'PT404',
      hint = 'Check the code your node shows; each code can be used once.';
  end if;
  return v_node;
end
$function$
;
CREATE OR REPLACE FUNCTION public.create_job(config jsonb, iterations integer, access_type text DEFAULT 'private'::text, discord_server_id text DEFAULT NULL::text, seed bigint DEFAULT NULL::bigint, shared_with uuid[] DEFAULT NULL::uuid[], name text DEFAULT NULL::text, variants jsonb DEFAULT NULL::jsonb, target_error double precision DEFAULT NULL::double precision, eliminate boolean DEFAULT true)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.delete_own_account()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.nodes_shared_with_me()
 RETURNS TABLE(user_id uuid, handle text, node_count integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
    select n.user_id, pr.handle, count(distinct n.id)::integer
      from public.nodes_permissions p
      join public.nodes n on n.id = p.node_id
      left join public.user_profiles pr on pr.id = n.user_id
     where p.access_type = 'user' and p.target_id = auth.uid()::text
       and n.user_id is not null and n.user_id <> auth.uid()
     group by n.user_id, pr.handle
     order by pr.handle nulls last
  $function$
;
CREATE OR REPLACE FUNCTION public.refresh_stats_views()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  refresh materialized view concurrently public.spec_rankings_hourly;
  refresh materialized view concurrently public.top_sims_daily;
end
$function$
;

-- triggers

CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION private.handle_new_user();
CREATE CONSTRAINT TRIGGER completion_effects_apply AFTER INSERT ON private.completion_effects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION private.apply_completion_effects();
CREATE TRIGGER jobs_set_updated_at BEFORE UPDATE ON public.jobs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER jobs_chunks_notify_inserted AFTER INSERT ON public.jobs_chunks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.notify_pending_chunks_inserted();
CREATE TRIGGER jobs_chunks_notify_returned AFTER UPDATE OF status ON public.jobs_chunks FOR EACH ROW WHEN (((new.status = 'pending'::text) AND (old.status <> 'pending'::text))) EXECUTE FUNCTION private.notify_pending_chunk_returned();
CREATE TRIGGER nodes_keep_deleted_results BEFORE DELETE ON public.nodes FOR EACH ROW EXECUTE FUNCTION private.keep_deleted_node_results();
CREATE TRIGGER nodes_notify_claimed_on_insert AFTER INSERT ON public.nodes FOR EACH ROW WHEN ((new.user_id IS NOT NULL)) EXECUTE FUNCTION private.notify_node_claimed();
CREATE TRIGGER nodes_notify_claimed_on_update AFTER UPDATE OF user_id ON public.nodes FOR EACH ROW WHEN (((new.user_id IS NOT NULL) AND (old.user_id IS DISTINCT FROM new.user_id))) EXECUTE FUNCTION private.notify_node_claimed();
CREATE TRIGGER nodes_release_chunks BEFORE DELETE ON public.nodes FOR EACH ROW EXECUTE FUNCTION private.release_node_chunks();
CREATE TRIGGER nodes_remember_deleted AFTER DELETE ON public.nodes FOR EACH ROW EXECUTE FUNCTION private.remember_deleted_node();
CREATE TRIGGER rotations_before_write BEFORE INSERT OR UPDATE ON public.rotations FOR EACH ROW EXECUTE FUNCTION private.rotations_before_write();
CREATE TRIGGER rotations_record_first_version AFTER INSERT ON public.rotations FOR EACH ROW EXECUTE FUNCTION private.rotations_record_version();
CREATE TRIGGER rotations_record_new_version AFTER UPDATE ON public.rotations FOR EACH ROW WHEN ((new.current_version <> old.current_version)) EXECUTE FUNCTION private.rotations_record_version();
CREATE TRIGGER rotations_set_updated_at BEFORE UPDATE ON public.rotations FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER sentinel_state_notify AFTER UPDATE ON public.sentinel_state FOR EACH ROW WHEN ((old.scheduling_paused IS DISTINCT FROM new.scheduling_paused)) EXECUTE FUNCTION private.notify_sentinel_state();
CREATE TRIGGER user_profiles_safe_avatar BEFORE INSERT OR UPDATE OF avatar_url ON public.user_profiles FOR EACH ROW EXECUTE FUNCTION private.user_profiles_safe_avatar();
CREATE TRIGGER user_profiles_set_updated_at BEFORE UPDATE ON public.user_profiles FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();

-- row level security

alter table game.auras enable row level security;
alter table game.classes enable row level security;
alter table game.global_colors enable row level security;
alter table game.global_strings enable row level security;
alter table game.items enable row level security;
alter table game.specs enable row level security;
alter table game.specs_traits enable row level security;
alter table game.spells enable row level security;
alter table private.completion_effects enable row level security;
alter table private.deleted_node_keys enable row level security;
alter table private.deleted_nodes enable row level security;
alter table private.guild_members enable row level security;
alter table private.register_windows enable row level security;
alter table public.jobs enable row level security;
alter table public.jobs_chunks enable row level security;
alter table public.jobs_configs enable row level security;
alter table public.nodes enable row level security;
alter table public.nodes_permissions enable row level security;
alter table public.rotations enable row level security;
alter table public.rotations_versions enable row level security;
alter table public.sentinel_state enable row level security;
alter table public.user_profiles enable row level security;

-- policies

create policy auras_select_all on game.auras as permissive for select to anon, authenticated using (true);
create policy classes_select_all on game.classes as permissive for select to anon, authenticated using (true);
create policy global_colors_select_all on game.global_colors as permissive for select to anon, authenticated using (true);
create policy global_strings_select_all on game.global_strings as permissive for select to anon, authenticated using (true);
create policy items_select_all on game.items as permissive for select to anon, authenticated using (true);
create policy specs_select_all on game.specs as permissive for select to anon, authenticated using (true);
create policy specs_traits_select_all on game.specs_traits as permissive for select to anon, authenticated using (true);
create policy spells_select_all on game.spells as permissive for select to anon, authenticated using (true);
create policy jobs_select_own_or_public on public.jobs as permissive for select to anon, authenticated using (((access_type = 'public'::text) OR (user_id = ( SELECT auth.uid() AS uid))));
create policy jobs_chunks_select_job_owner on public.jobs_chunks as permissive for select to authenticated using ((EXISTS ( SELECT 1
   FROM public.jobs j
  WHERE ((j.id = jobs_chunks.job_id) AND (j.user_id = ( SELECT auth.uid() AS uid))))));
create policy jobs_configs_select_via_job on public.jobs_configs as permissive for select to anon, authenticated using ((EXISTS ( SELECT 1
   FROM public.jobs j
  WHERE ((j.config_hash = jobs_configs.hash) AND ((j.access_type = 'public'::text) OR (j.user_id = ( SELECT auth.uid() AS uid)))))));
create policy nodes_delete_own on public.nodes as permissive for delete to authenticated using ((user_id = ( SELECT auth.uid() AS uid)));
create policy nodes_select_own_or_shared on public.nodes as permissive for select to authenticated using (((user_id = ( SELECT auth.uid() AS uid)) OR private.node_shared_with_me(id)));
create policy nodes_update_own on public.nodes as permissive for update to authenticated using ((user_id = ( SELECT auth.uid() AS uid))) with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy nodes_permissions_delete_owner on public.nodes_permissions as permissive for delete to authenticated using (private.owns_node(node_id));
create policy nodes_permissions_insert_owner on public.nodes_permissions as permissive for insert to authenticated with check (private.owns_node(node_id));
create policy nodes_permissions_select on public.nodes_permissions as permissive for select to authenticated using ((private.owns_node(node_id) OR ((access_type = 'user'::text) AND (target_id = (( SELECT auth.uid() AS uid))::text))));
create policy nodes_permissions_update_owner on public.nodes_permissions as permissive for update to authenticated using (private.owns_node(node_id)) with check (private.owns_node(node_id));
create policy rotations_delete_own on public.rotations as permissive for delete to authenticated using ((user_id = ( SELECT auth.uid() AS uid)));
create policy rotations_insert_own on public.rotations as permissive for insert to authenticated with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy rotations_select_public_or_own on public.rotations as permissive for select to anon, authenticated using ((is_public OR (user_id = ( SELECT auth.uid() AS uid))));
create policy rotations_update_own on public.rotations as permissive for update to authenticated using ((user_id = ( SELECT auth.uid() AS uid))) with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy rotations_versions_select_readable on public.rotations_versions as permissive for select to anon, authenticated using ((EXISTS ( SELECT 1
   FROM public.rotations r
  WHERE ((r.id = rotations_versions.rotation_id) AND (r.is_public OR (r.user_id = ( SELECT auth.uid() AS uid)))))));
create policy user_profiles_select_all on public.user_profiles as permissive for select to anon, authenticated using (true);
create policy user_profiles_update_self on public.user_profiles as permissive for update to authenticated using ((id = ( SELECT auth.uid() AS uid))) with check ((id = ( SELECT auth.uid() AS uid)));

-- grants

grant execute on function auth.jwt() to anon;
grant execute on function auth.jwt() to authenticated;
grant execute on function auth.jwt() to postgres;
grant execute on function auth.jwt() to public;
grant execute on function auth.jwt() to service_role;
grant execute on function auth.role() to anon;
grant execute on function auth.role() to authenticated;
grant execute on function auth.role() to postgres;
grant execute on function auth.role() to public;
grant execute on function auth.role() to service_role;
grant execute on function auth.uid() to anon;
grant execute on function auth.uid() to authenticated;
grant execute on function auth.uid() to postgres;
grant execute on function auth.uid() to public;
grant execute on function auth.uid() to service_role;
grant execute on function private.apply_completion_effects() to postgres;
grant execute on function private.generate_handle(p_base text) to postgres;
grant execute on function private.handle_new_user() to postgres;
grant execute on function private.keep_deleted_node_results() to postgres;
grant execute on function private.node_disconnected_at(p_node_id uuid) to authenticated;
grant execute on function private.node_disconnected_at(p_node_id uuid) to postgres;
grant execute on function private.node_disconnected_at(p_node_id uuid) to service_role;
grant execute on function private.node_shared_with_me(p_node_id uuid) to anon;
grant execute on function private.node_shared_with_me(p_node_id uuid) to authenticated;
grant execute on function private.node_shared_with_me(p_node_id uuid) to postgres;
grant execute on function private.node_shared_with_me(p_node_id uuid) to service_role;
grant execute on function private.notify_node_claimed() to postgres;
grant execute on function private.notify_pending_chunk_returned() to postgres;
grant execute on function private.notify_pending_chunks_inserted() to postgres;
grant execute on function private.notify_sentinel_state() to postgres;
grant execute on function private.owns_node(p_node_id uuid) to anon;
grant execute on function private.owns_node(p_node_id uuid) to authenticated;
grant execute on function private.owns_node(p_node_id uuid) to postgres;
grant execute on function private.owns_node(p_node_id uuid) to service_role;
grant execute on function private.release_node_chunks() to postgres;
grant execute on function private.remember_deleted_node() to postgres;
grant execute on function private.rotations_before_write() to postgres;
grant execute on function private.rotations_record_version() to postgres;
grant execute on function private.set_updated_at() to postgres;
grant execute on function private.user_profiles_safe_avatar() to postgres;
grant execute on function public.cancel_job(job_id uuid) to authenticated;
grant execute on function public.cancel_job(job_id uuid) to postgres;
grant execute on function public.cancel_job(job_id uuid) to service_role;
grant execute on function public.claim_node(code text, name text, max_parallel integer) to authenticated;
grant execute on function public.claim_node(code text, name text, max_parallel integer) to postgres;
grant execute on function public.claim_node(code text, name text, max_parallel integer) to service_role;
grant execute on function public.create_job(config jsonb, iterations integer, access_type text, discord_server_id text, seed bigint, shared_with uuid[], name text, variants jsonb, target_error double precision, eliminate boolean) to authenticated;
grant execute on function public.create_job(config jsonb, iterations integer, access_type text, discord_server_id text, seed bigint, shared_with uuid[], name text, variants jsonb, target_error double precision, eliminate boolean) to postgres;
grant execute on function public.create_job(config jsonb, iterations integer, access_type text, discord_server_id text, seed bigint, shared_with uuid[], name text, variants jsonb, target_error double precision, eliminate boolean) to service_role;
grant execute on function public.delete_own_account() to authenticated;
grant execute on function public.delete_own_account() to postgres;
grant execute on function public.delete_own_account() to service_role;
grant execute on function public.nodes_shared_with_me() to authenticated;
grant execute on function public.nodes_shared_with_me() to postgres;
grant execute on function public.nodes_shared_with_me() to service_role;
grant execute on function public.refresh_stats_views() to postgres;
grant execute on function public.refresh_stats_views() to service_role;
grant usage on schema auth to anon;
grant usage on schema auth to authenticated;
grant create, usage on schema auth to postgres;
grant usage on schema auth to service_role;
grant usage on schema extensions to anon;
grant usage on schema extensions to authenticated;
grant create, usage on schema extensions to postgres;
grant usage on schema extensions to service_role;
grant usage on schema game to anon;
grant usage on schema game to authenticated;
grant create, usage on schema game to postgres;
grant usage on schema game to service_role;
grant usage on schema private to anon;
grant usage on schema private to authenticated;
grant create, usage on schema private to postgres;
grant usage on schema private to service_role;
grant usage on schema public to anon;
grant usage on schema public to authenticated;
grant create, usage on schema public to pg_database_owner;
grant usage on schema public to public;
grant usage on schema public to service_role;
grant select, update, usage on sequence game.specs_traits_id_seq to postgres;
grant select, usage on sequence game.specs_traits_id_seq to service_role;
grant delete, insert, maintain, references, select, trigger, truncate, update on table auth.identities to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table auth.identities to service_role;
grant delete, insert, maintain, references, select, trigger, truncate, update on table auth.users to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table auth.users to service_role;
grant select on table game.auras to anon;
grant select on table game.auras to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.auras to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.auras to service_role;
grant select on table game.classes to anon;
grant select on table game.classes to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.classes to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.classes to service_role;
grant select on table game.global_colors to anon;
grant select on table game.global_colors to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.global_colors to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.global_colors to service_role;
grant select on table game.global_strings to anon;
grant select on table game.global_strings to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.global_strings to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.global_strings to service_role;
grant select on table game.items to anon;
grant select on table game.items to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.items to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.items to service_role;
grant select on table game.specs to anon;
grant select on table game.specs to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.specs to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.specs to service_role;
grant select on table game.specs_traits to anon;
grant select on table game.specs_traits to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.specs_traits to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.specs_traits to service_role;
grant select on table game.spells to anon;
grant select on table game.spells to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.spells to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table game.spells to service_role;
grant delete, insert, maintain, references, select, trigger, truncate, update on table private.completion_effects to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table private.deleted_node_keys to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table private.deleted_nodes to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table private.guild_members to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table private.register_windows to postgres;
grant select on table public.contributors_leaderboard to anon;
grant select on table public.contributors_leaderboard to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.contributors_leaderboard to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.contributors_leaderboard to service_role;
grant select on table public.jobs to anon;
grant select on table public.jobs to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs to service_role;
grant select on table public.jobs_activity to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_activity to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_activity to service_role;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_chunks to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_chunks to service_role;
grant select on table public.jobs_chunks (attempts) to authenticated;
grant select on table public.jobs_chunks (claimed_at) to authenticated;
grant select on table public.jobs_chunks (completed_at) to authenticated;
grant select on table public.jobs_chunks (config_hash) to authenticated;
grant select on table public.jobs_chunks (created_at) to authenticated;
grant select on table public.jobs_chunks (deleted_node_id) to authenticated;
grant select on table public.jobs_chunks (exclude_owners) to authenticated;
grant select on table public.jobs_chunks (failed_owners) to authenticated;
grant select on table public.jobs_chunks (id) to authenticated;
grant select on table public.jobs_chunks (iterations) to authenticated;
grant select on table public.jobs_chunks (job_id) to authenticated;
grant select on table public.jobs_chunks (node_id) to authenticated;
grant select on table public.jobs_chunks (replica_of) to authenticated;
grant select on table public.jobs_chunks (replica_role) to authenticated;
grant select on table public.jobs_chunks (seed_offset) to authenticated;
grant select on table public.jobs_chunks (status) to authenticated;
grant select on table public.jobs_chunks (variant) to authenticated;
grant select on table public.jobs_chunks (verdict) to authenticated;
grant select on table public.jobs_chunks_progress to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_chunks_progress to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_chunks_progress to service_role;
grant select on table public.jobs_configs to anon;
grant select on table public.jobs_configs to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_configs to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.jobs_configs to service_role;
grant delete on table public.nodes to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.nodes to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.nodes to service_role;
grant select on table public.nodes (created_at) to authenticated;
grant select on table public.nodes (credited_iterations) to authenticated;
grant select on table public.nodes (disconnected_at) to authenticated;
grant select on table public.nodes (engine_version) to authenticated;
grant select on table public.nodes (id) to authenticated;
grant select on table public.nodes (kind) to authenticated;
grant select on table public.nodes (last_seen_at) to authenticated;
grant select, update on table public.nodes (max_parallel) to authenticated;
grant select on table public.nodes (mismatches) to authenticated;
grant select, update on table public.nodes (name) to authenticated;
grant select on table public.nodes (platform) to authenticated;
grant select on table public.nodes (platform_node) to authenticated;
grant select on table public.nodes (quarantined_at) to authenticated;
grant select on table public.nodes (status) to authenticated;
grant select on table public.nodes (total_cores) to authenticated;
grant select on table public.nodes (trust_streak) to authenticated;
grant select on table public.nodes (user_id) to authenticated;
grant select on table public.nodes (version) to authenticated;
grant delete, select on table public.nodes_permissions to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.nodes_permissions to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.nodes_permissions to service_role;
grant insert, update on table public.nodes_permissions (access_type) to authenticated;
grant insert on table public.nodes_permissions (id) to authenticated;
grant insert on table public.nodes_permissions (node_id) to authenticated;
grant insert, update on table public.nodes_permissions (target_id) to authenticated;
grant select on table public.rotations to anon;
grant delete, select on table public.rotations to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.rotations to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.rotations to service_role;
grant insert, update on table public.rotations (description) to authenticated;
grant insert on table public.rotations (id) to authenticated;
grant insert, update on table public.rotations (is_public) to authenticated;
grant insert, update on table public.rotations (name) to authenticated;
grant insert, update on table public.rotations (script) to authenticated;
grant insert, update on table public.rotations (spec) to authenticated;
grant insert on table public.rotations (user_id) to authenticated;
grant select on table public.rotations_versions to anon;
grant select on table public.rotations_versions to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.rotations_versions to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.rotations_versions to service_role;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.sentinel_state to postgres;
grant select, update on table public.sentinel_state to service_role;
grant select on table public.spec_rankings_hourly to anon;
grant select on table public.spec_rankings_hourly to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.spec_rankings_hourly to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.spec_rankings_hourly to service_role;
grant select on table public.top_sims_daily to anon;
grant select on table public.top_sims_daily to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.top_sims_daily to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.top_sims_daily to service_role;
grant select on table public.user_profiles to anon;
grant select on table public.user_profiles to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.user_profiles to postgres;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.user_profiles to service_role;
grant update on table public.user_profiles (avatar_url) to authenticated;
grant update on table public.user_profiles (handle) to authenticated;

-- default privileges

alter default privileges for role postgres in schema public grant delete, insert, maintain, references, select, trigger, truncate, update on tables to anon;
alter default privileges for role postgres in schema public grant delete, insert, maintain, references, select, trigger, truncate, update on tables to authenticated;
alter default privileges for role postgres in schema public grant delete, insert, maintain, references, select, trigger, truncate, update on tables to service_role;
alter default privileges for role postgres in schema public grant execute on functions to anon;
alter default privileges for role postgres in schema public grant execute on functions to authenticated;
alter default privileges for role postgres in schema public grant execute on functions to service_role;
alter default privileges for role postgres in schema public grant select, update, usage on sequences to anon;
alter default privileges for role postgres in schema public grant select, update, usage on sequences to authenticated;
alter default privileges for role postgres in schema public grant select, update, usage on sequences to service_role;
