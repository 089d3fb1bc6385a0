// Session state (runes). Initialised once in the browser; the guard awaits `ready()`.
// A network failure while restoring the session is kept as an error, never as "signed out".
import type { AuthChangeEvent, Session as AuthSession, User } from '@supabase/supabase-js';
import { supabase } from '$lib/supabase';
import { getSession } from '$lib/api/auth';
import { getProfile } from '$lib/api/profiles';
import { ApiError, toApiError } from '$lib/api/errors';
import type { Profile } from '$lib/api/types';

export type SessionStatus = 'loading' | 'ready' | 'error';

class SessionState {
  user = $state<User | null>(null);
  profile = $state<Profile | null>(null);
  status = $state<SessionStatus>('loading');
  error = $state<ApiError | null>(null);

  #ready: Promise<void> | null = null;

  get signedIn(): boolean {
    return this.user !== null;
  }

  get isGuest(): boolean {
    return this.user?.is_anonymous === true;
  }

  get displayName(): string {
    return this.profile?.handle ?? this.user?.email ?? (this.isGuest ? 'Guest' : 'Account');
  }

  /** Starts (once) restoring the session and listening to auth changes. */
  ready(): Promise<void> {
    if (!this.#ready) this.#ready = this.#init();
    return this.#ready;
  }

  /** Retries after a network failure. */
  async retry(): Promise<void> {
    this.#ready = null;
    this.status = 'loading';
    await this.ready();
  }

  async #init(): Promise<void> {
    try {
      const s = await getSession();
      await this.#apply(s);
      this.status = 'ready';
      this.error = null;
    } catch (err) {
      const e = toApiError(err);
      if (e.kind === 'network' || e.kind === 'server' || e.kind === 'unsupported') {
        // cannot tell whether we are signed in: say so, never "signed out"
        this.error = e;
        this.status = 'error';
        return;
      }
      // the server answered that the stored session is not valid (e.g. a revoked refresh token)
      this.user = null;
      this.profile = null;
      this.error = null;
      this.status = 'ready';
    }
    supabase().auth.onAuthStateChange((event: AuthChangeEvent, s: AuthSession | null) => {
      if (event === 'INITIAL_SESSION') return;
      // Never call supabase inside this callback synchronously (it holds the auth lock).
      setTimeout(() => void this.#apply(s).catch(() => undefined), 0);
    });
  }

  async #apply(s: AuthSession | null): Promise<void> {
    const user = s?.user ?? null;
    const changed = user?.id !== this.user?.id;
    this.user = user;
    if (!user) {
      this.profile = null;
      return;
    }
    if (changed || !this.profile) await this.refreshProfile();
  }

  /** Re-reads the session now (after sign-in/out) so guards see it immediately. */
  async sync(): Promise<void> {
    await this.ready();
    await this.#apply(await getSession());
    this.status = 'ready';
    this.error = null;
  }

  async refreshProfile(): Promise<void> {
    if (!this.user) return;
    try {
      this.profile = await getProfile(this.user.id);
    } catch {
      // the profile is decoration; its absence must not look like being signed out
      this.profile = null;
    }
  }
}

export const session = new SessionState();
