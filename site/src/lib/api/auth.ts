// Auth flows (seed section G): email+password, guest, OAuth, identities, sign out, delete account.
import type { Session, UserIdentity } from '@supabase/supabase-js';
import { ApiError, toApiError } from './errors';
import { run, supabase } from './client';

export type OAuthProvider = 'discord' | 'github' | 'google' | 'twitch';
export const OAUTH_PROVIDERS: Array<{ id: OAuthProvider; label: string }> = [
  { id: 'discord', label: 'Discord' },
  { id: 'github', label: 'GitHub' },
  { id: 'google', label: 'Google' },
  { id: 'twitch', label: 'Twitch' },
];

interface AuthResponse {
  data?: unknown;
  error: unknown;
}

async function auth<T extends AuthResponse>(call: () => Promise<T>): Promise<T['data']> {
  let res: T;
  try {
    res = await call();
  } catch (err) {
    throw toApiError(err);
  }
  if (res.error) throw toApiError(res.error);
  return res.data;
}

export async function getSession(): Promise<Session | null> {
  const data = (await auth(() => supabase().auth.getSession())) as { session: Session | null };
  return data.session;
}

export async function signInWithPassword(email: string, password: string): Promise<void> {
  await auth(() => supabase().auth.signInWithPassword({ email, password }));
}

/** Signs up; returns true when a session started (no email confirmation needed). */
export async function signUp(email: string, password: string): Promise<boolean> {
  const data = (await auth(() => supabase().auth.signUp({ email, password }))) as {
    session: Session | null;
  };
  return data.session !== null;
}

export async function signInAsGuest(): Promise<void> {
  await auth(() => supabase().auth.signInAnonymously());
}

function callbackUrl(next: string): string {
  return `${location.origin}/auth/callback?next=${encodeURIComponent(next)}`;
}

/**
 * Starts an OAuth sign-in. The authorize URL is probed first so that a server which cannot do
 * OAuth (the local stand-in answers 501) shows a clean error instead of a raw error page.
 */
export async function signInWithOAuth(provider: OAuthProvider, next = '/'): Promise<void> {
  const data = (await auth(() =>
    supabase().auth.signInWithOAuth({
      provider,
      options: { redirectTo: callbackUrl(next), skipBrowserRedirect: true },
    }),
  )) as { url: string | null };
  if (!data.url) throw new ApiError('unknown', `Sign-in with ${provider} could not start.`);
  await probeAuthorizeUrl(data.url, provider);
  location.assign(data.url);
}

/** Throws the server's error when the authorize endpoint answers with an error status. */
export async function probeAuthorizeUrl(
  url: string,
  provider: string,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  let res: Response;
  try {
    res = await fetchFn(url, { redirect: 'manual', credentials: 'omit' });
  } catch {
    return; // cannot probe (e.g. CORS on the real provider): let the browser navigate
  }
  if (res.type === 'opaqueredirect' || res.status < 400) return;
  let body: { msg?: string; message?: string; error_description?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON
  }
  const message = body.msg ?? body.message ?? body.error_description;
  throw toApiError(
    {
      message: message
        ? `Sign-in with ${provider} is not available: ${message}`
        : `Sign-in with ${provider} failed (HTTP ${res.status}).`,
    },
    res.status,
  );
}

export async function exchangeCode(code: string): Promise<void> {
  await auth(() => supabase().auth.exchangeCodeForSession(code));
}

export async function linkIdentity(provider: OAuthProvider): Promise<void> {
  await auth(() =>
    supabase().auth.linkIdentity({ provider, options: { redirectTo: callbackUrl('/account') } }),
  );
}

export async function listIdentities(): Promise<UserIdentity[]> {
  const data = (await auth(() => supabase().auth.getUserIdentities())) as {
    identities: UserIdentity[];
  } | null;
  return data?.identities ?? [];
}

export async function signOut(): Promise<void> {
  await auth(() => supabase().auth.signOut());
}

export async function deleteOwnAccount(): Promise<void> {
  await run(supabase().rpc('delete_own_account'));
  try {
    await supabase().auth.signOut({ scope: 'local' });
  } catch {
    // the account is gone; dropping the local session cannot fail in a way that matters
  }
}

export function validateCredentials(email: string, password: string): string[] {
  const problems: string[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) || email.length > 254) {
    problems.push('Enter a valid email address.');
  }
  if (password.length < 8) problems.push('The password must have at least 8 characters.');
  if (password.length > 128) problems.push('The password must have at most 128 characters.');
  return problems;
}

export { ApiError };
