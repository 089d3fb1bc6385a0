-- Bootstrap: create what a hosted Supabase project already provides, only where it is
-- missing (plain PostgreSQL 17, embedded Postgres in tests and the local stack):
-- roles anon / authenticated / service_role (BYPASSRLS) / authenticator, the `extensions`
-- schema, schema `auth` with auth.users, auth.identities, auth.uid(), auth.role(),
-- auth.jwt() reading `request.jwt.claims` like Supabase, and Supabase's default grants.
-- On a real Supabase project every block below is skipped: this migration is a no-op there.

do $bootstrap$
begin
  -- Roles are cluster-wide: check each one on its own.
  if not exists (select from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
    grant anon, authenticated, service_role to authenticator;
  end if;

  if not exists (select from pg_catalog.pg_namespace where nspname = 'extensions') then
    create schema extensions;
    grant usage on schema extensions to anon, authenticated, service_role;
  end if;

  -- Everything below is per database: only on a database without Supabase's auth schema.
  if exists (select from pg_catalog.pg_namespace where nspname = 'auth') then
    return;
  end if;

  create schema auth;
  grant usage on schema auth to anon, authenticated, service_role;

  create table auth.users (
    instance_id uuid,
    id uuid primary key,
    aud varchar(255),
    role varchar(255),
    email varchar(255),
    encrypted_password varchar(255),
    email_confirmed_at timestamptz,
    invited_at timestamptz,
    confirmation_token varchar(255),
    recovery_token varchar(255),
    last_sign_in_at timestamptz,
    raw_app_meta_data jsonb,
    raw_user_meta_data jsonb,
    is_super_admin boolean,
    created_at timestamptz default now(),
    updated_at timestamptz default now(),
    phone text unique default null,
    phone_confirmed_at timestamptz,
    banned_until timestamptz,
    deleted_at timestamptz,
    is_anonymous boolean not null default false
  );
  create index users_email_idx on auth.users (email);

  create table auth.identities (
    id uuid primary key default gen_random_uuid(),
    provider_id text not null,
    user_id uuid not null references auth.users (id) on delete cascade,
    identity_data jsonb not null,
    provider text not null,
    last_sign_in_at timestamptz,
    created_at timestamptz default now(),
    updated_at timestamptz default now(),
    email text generated always as (lower(identity_data ->> 'email')) stored,
    constraint identities_provider_id_provider_unique unique (provider_id, provider)
  );
  create index identities_user_id_idx on auth.identities (user_id);
  create index identities_email_idx on auth.identities (email text_pattern_ops);

  grant all on auth.users, auth.identities to service_role;

  -- Claims as PostgREST sets them: `request.jwt.claims` (json), falling back to the older
  -- per-claim settings `request.jwt.claim.<name>`.
  create function auth.uid() returns uuid
    language sql stable
    as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $fn$;
  create function auth.role() returns text
    language sql stable
    as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $fn$;
  create function auth.jwt() returns jsonb
    language sql stable
    as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $fn$;
  grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;

  -- Supabase's default grants on schema public. Access is then decided by RLS; wowlab's
  -- migrations additionally revoke what each table does not need.
  grant usage on schema public to anon, authenticated, service_role;
  alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
  alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
  alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
end
$bootstrap$;
