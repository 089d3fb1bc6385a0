// The Auth stand-in enforces what supabase/config.toml configures for hosted Supabase: the
// password minimum and per-address limits on sign-up/sign-in and on anonymous sign-ins.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadAuthSettings } from '../src/auth/auth-settings.ts';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;

beforeAll(async () => {
  s = await startTestStandIn({ auth: { signInSignUpsPer5Min: 3, anonymousUsersPerHour: 2 } });
});

afterAll(async () => {
  await s?.stop();
});

describe('auth limits', () => {
  test('config.toml is the source: password minimum 8 and the rate limits it lists', () => {
    expect(loadAuthSettings()).toEqual({
      minimumPasswordLength: 8,
      signInSignUpsPer5Min: 300,
      anonymousUsersPerHour: 300,
    });
  });

  test('sign-ups and sign-ins beyond the limit per address get 429 with when to retry', async () => {
    const c = s.client();
    const password = 'correct horse battery';
    expect((await c.auth.signUp({ email: 'lim1@example.com', password })).error).toBeNull();
    expect((await c.auth.signInWithPassword({ email: 'lim1@example.com', password })).error).toBeNull();
    expect((await c.auth.signUp({ email: 'lim2@example.com', password })).error).toBeNull();
    const over = await c.auth.signInWithPassword({ email: 'lim1@example.com', password });
    expect(over.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    expect(over.error?.message).toMatch(/try again in \d+ seconds/);
  });

  test('anonymous sign-ins have their own limit', async () => {
    for (let i = 0; i < 2; i++) expect((await s.client().auth.signInAnonymously()).error).toBeNull();
    const over = await s.client().auth.signInAnonymously();
    expect(over.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
  });
});
