// Users, identities and sessions in Postgres (auth.users, auth.identities, auth.sessions,
// auth.refresh_tokens). All statements are parameterised; callers pass a client in a transaction.
import { createHash, randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
  email: string | null;
}

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  is_anonymous: boolean;
  identities: IdentityRow[];
}

const USER_COLUMNS = `u.id, u.aud, u.role, u.email, u.encrypted_password, u.email_confirmed_at, u.last_sign_in_at,
  u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at, u.is_anonymous,
  coalesce((select json_agg(i order by i.created_at) from auth.identities i where i.user_id = u.id), '[]'::json)
    as identities`;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function findUserById(client: PoolClient, id: string): Promise<UserRow | null> {
  const { rows } = await client.query<UserRow>(`select ${USER_COLUMNS} from auth.users u where u.id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

export async function findUserByEmail(client: PoolClient, email: string): Promise<UserRow | null> {
  const { rows } = await client.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users u where lower(u.email) = lower($1) and u.deleted_at is null
      order by u.created_at limit 1`,
    [email],
  );
  return rows[0] ?? null;
}

export async function insertUser(
  client: PoolClient,
  user: {
    email: string | null;
    passwordHash: string | null;
    userMeta: Record<string, unknown>;
    anonymous: boolean;
  },
): Promise<string> {
  const appMeta = user.anonymous ? {} : { provider: 'email', providers: ['email'] };
  const { rows } = await client.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                             raw_app_meta_data, raw_user_meta_data, is_anonymous, is_super_admin, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1::varchar, $2::varchar,
             case when $1::varchar is null then null else now() end, $3::jsonb, $4::jsonb, $5::boolean, false, now(), now())
     returning id`,
    [user.email, user.passwordHash, JSON.stringify(appMeta), JSON.stringify(user.userMeta), user.anonymous],
  );
  const id = rows[0]!.id;
  if (user.email !== null) await insertEmailIdentity(client, id, user.email);
  return id;
}

export async function insertEmailIdentity(client: PoolClient, userId: string, email: string): Promise<void> {
  await client.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at)
     values ($1::text, $1::text::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', true,
             'phone_verified', false), 'email', now())
     on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
    [userId, email],
  );
}

export async function touchSignIn(client: PoolClient, userId: string): Promise<void> {
  await client.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [
    userId,
  ]);
}

export interface UserUpdate {
  email?: string;
  passwordHash?: string;
  userMeta?: Record<string, unknown>;
}

export async function updateUser(client: PoolClient, userId: string, update: UserUpdate): Promise<void> {
  await client.query(
    `update auth.users set
        email = coalesce($2::varchar, email),
        email_confirmed_at = case when $2::varchar is null then email_confirmed_at else now() end,
        encrypted_password = coalesce($3::varchar, encrypted_password),
        raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || coalesce($4::jsonb, '{}'::jsonb),
        raw_app_meta_data = case when $2::varchar is null then raw_app_meta_data
                                 else coalesce(raw_app_meta_data, '{}'::jsonb)
                                      || '{"provider":"email","providers":["email"]}'::jsonb end,
        is_anonymous = case when $2::varchar is null then is_anonymous else false end,
        updated_at = now()
      where id = $1`,
    [
      userId,
      update.email ?? null,
      update.passwordHash ?? null,
      update.userMeta ? JSON.stringify(update.userMeta) : null,
    ],
  );
  if (update.email !== undefined) await insertEmailIdentity(client, userId, update.email);
}

export interface NewSession {
  sessionId: string;
  refreshToken: string;
}

function newRefreshToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function createSession(client: PoolClient, userId: string): Promise<NewSession> {
  const { rows } = await client.query<{ id: string }>(
    `insert into auth.sessions (user_id) values ($1) returning id`,
    [userId],
  );
  const sessionId = rows[0]!.id;
  const refreshToken = newRefreshToken();
  await client.query(`insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)`, [
    hashToken(refreshToken),
    userId,
    sessionId,
  ]);
  return { sessionId, refreshToken };
}

export type RotateResult =
  | { ok: true; userId: string; sessionId: string; refreshToken: string }
  | { ok: false; reason: 'not_found' | 'already_used' };

/** Refresh-token rotation: the token is revoked and a child issued; reusing a revoked token ends the session. */
export async function rotateRefreshToken(client: PoolClient, token: string): Promise<RotateResult> {
  const { rows } = await client.query<{ id: string; user_id: string; session_id: string; revoked: boolean }>(
    `select id, user_id, session_id, revoked from auth.refresh_tokens where token = $1 for update`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.revoked) {
    await client.query(`delete from auth.sessions where id = $1`, [row.session_id]);
    return { ok: false, reason: 'already_used' };
  }
  const refreshToken = newRefreshToken();
  await client.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [
    row.id,
  ]);
  await client.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)`,
    [hashToken(refreshToken), row.user_id, row.session_id, hashToken(token)],
  );
  await client.query(`update auth.sessions set updated_at = now() where id = $1`, [row.session_id]);
  return { ok: true, userId: row.user_id, sessionId: row.session_id, refreshToken };
}

export async function sessionExists(client: PoolClient, sessionId: string): Promise<boolean> {
  const { rows } = await client.query(`select 1 from auth.sessions where id = $1`, [sessionId]);
  return rows.length > 0;
}

export async function deleteSessions(
  client: PoolClient,
  userId: string,
  sessionId: string,
  scope: 'global' | 'local' | 'others',
): Promise<void> {
  if (scope === 'global') await client.query(`delete from auth.sessions where user_id = $1`, [userId]);
  else if (scope === 'local') await client.query(`delete from auth.sessions where id = $1`, [sessionId]);
  else await client.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [userId, sessionId]);
}
