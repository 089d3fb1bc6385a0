// The Auth settings hosted Supabase takes from supabase/config.toml, read from the same file so
// the stand-in behaves like production: the minimum password length and the per-address rate
// limits on sign-up/sign-in (per 5 minutes) and anonymous sign-ins (per hour).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

export const CONFIG_TOML = fileURLToPath(new URL('../../../config.toml', import.meta.url));

export interface AuthSettings {
  minimumPasswordLength: number;
  /** Sign-ups and password sign-ins per client address per 5 minutes (`sign_in_sign_ups`). */
  signInSignUpsPer5Min: number;
  /** Anonymous sign-ins per client address per hour (`anonymous_users`). */
  anonymousUsersPerHour: number;
}

function int(v: unknown, name: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new Error(`${CONFIG_TOML}: ${name} must be an integer of at least ${min}`);
  return v;
}

/** Reads [auth] minimum_password_length and [auth.rate_limit] from config.toml. */
export function loadAuthSettings(path = CONFIG_TOML): AuthSettings {
  const toml = parse(readFileSync(path, 'utf8')) as {
    auth?: { minimum_password_length?: unknown; rate_limit?: Record<string, unknown> };
  };
  const auth = toml.auth ?? {};
  const limits = auth.rate_limit ?? {};
  return {
    minimumPasswordLength: int(auth.minimum_password_length ?? 6, 'auth.minimum_password_length', 1),
    signInSignUpsPer5Min: int(limits.sign_in_sign_ups ?? 30, 'auth.rate_limit.sign_in_sign_ups', 1),
    anonymousUsersPerHour: int(limits.anonymous_users ?? 30, 'auth.rate_limit.anonymous_users', 1),
  };
}

/** Fixed windows per key: at most `limit` takes per `windowMs`. */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Takes one; false when the key's window is full. Returns the seconds to wait in `retryAfter`. */
  take(key: string, now = Date.now()): { ok: boolean; retryAfterSeconds: number } {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const retryAfterSeconds = Math.ceil((w.start + this.windowMs - now) / 1000);
    if (w.count >= this.limit) return { ok: false, retryAfterSeconds };
    w.count++;
    return { ok: true, retryAfterSeconds: 0 };
  }
}
