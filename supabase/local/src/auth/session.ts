// Shapes GoTrue-compatible user objects and sessions (HS256 access token + rotating refresh token).
import { signJwt } from './jwt.ts';
import type { IdentityRow, UserRow } from './store.ts';

export interface AuthConfig {
  jwtSecret: string;
  /** Issuer, `<url>/auth/v1`. */
  issuer: string;
  /** Access token lifetime in seconds. */
  jwtExpirySeconds: number;
  /** From supabase/config.toml (auth-settings.ts). */
  settings: import('./auth-settings.ts').AuthSettings;
}

function iso(value: string | Date | null): string | null {
  if (value === null) return null;
  return new Date(value).toISOString();
}

function identityJson(i: IdentityRow) {
  return {
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data,
    provider: i.provider,
    last_sign_in_at: iso(i.last_sign_in_at),
    created_at: iso(i.created_at),
    updated_at: iso(i.updated_at),
    email: i.email ?? undefined,
  };
}

export function userJson(u: UserRow) {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at) ?? undefined,
    phone: '',
    confirmed_at: iso(u.email_confirmed_at) ?? undefined,
    last_sign_in_at: iso(u.last_sign_in_at) ?? undefined,
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: u.identities.map(identityJson),
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    is_anonymous: u.is_anonymous,
  };
}

export function accessToken(
  cfg: AuthConfig,
  u: UserRow,
  sessionId: string,
  method: string,
): { token: string; exp: number } {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + cfg.jwtExpirySeconds;
  const token = signJwt(
    {
      iss: cfg.issuer,
      sub: u.id,
      aud: 'authenticated',
      exp,
      iat: now,
      email: u.email ?? '',
      phone: '',
      app_metadata: u.raw_app_meta_data ?? {},
      user_metadata: u.raw_user_meta_data ?? {},
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method, timestamp: now }],
      session_id: sessionId,
      is_anonymous: u.is_anonymous,
    },
    cfg.jwtSecret,
  );
  return { token, exp };
}

export function sessionJson(
  cfg: AuthConfig,
  u: UserRow,
  sessionId: string,
  refreshToken: string,
  method: string,
) {
  const { token, exp } = accessToken(cfg, u, sessionId, method);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: cfg.jwtExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: userJson(u),
  };
}
