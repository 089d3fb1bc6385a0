// The stand-in's own session storage in schema `auth` (column names follow GoTrue's tables), created
// at start when missing. Refresh tokens are stored as sha-256 hashes, never in clear.
import type { Pool } from 'pg';

const AUTH_TABLES_SQL = `
create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) not null unique,
  user_id varchar(255) not null,
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  parent varchar(255),
  session_id uuid not null references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);
revoke all on auth.sessions, auth.refresh_tokens from public, anon, authenticated;`;

export async function ensureAuthTables(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(7277004)');
    const { rows } = await client.query<{ ok: boolean }>(
      `select to_regclass('auth.users') is not null and to_regclass('auth.identities') is not null as ok`,
    );
    if (!rows[0]?.ok) {
      throw new Error('auth.users / auth.identities are missing: apply the supabase migrations first');
    }
    await client.query(AUTH_TABLES_SQL);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
