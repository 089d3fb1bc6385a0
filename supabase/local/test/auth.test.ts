// /auth/v1 through supabase-js: email + password sign-up and sign-in, anonymous sign-in, refresh-token
// rotation, GET/PUT /user, identities, logout, settings; HS256 access tokens with the Supabase claims.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signJwt, verifyJwt } from '../src/auth/jwt.ts';
import { simConfig } from './fixtures.ts';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;

beforeAll(async () => {
  s = await startTestStandIn();
});
afterAll(async () => {
  await s.stop();
});

describe('email + password', () => {
  const email = `Carol-${Date.now()}@Example.com`;
  const password = 'a long enough password';
  let userId: string;

  test('sign-up returns a session; the user, identity and profile rows exist; the password is scrypt-hashed', async () => {
    const c = s.client();
    const { data, error } = await c.auth.signUp({ email, password, options: { data: { display: 'Carol' } } });
    expect(error).toBeNull();
    userId = data.user!.id;
    expect(data.user).toMatchObject({
      email: email.toLowerCase(),
      is_anonymous: false,
      user_metadata: { display: 'Carol' },
    });
    expect(data.user!.identities).toHaveLength(1);
    expect(data.user!.identities![0]).toMatchObject({ provider: 'email', user_id: userId, id: userId });
    const claims = verifyJwt(data.session!.access_token, s.jwtSecret);
    expect(claims).toMatchObject({
      sub: userId,
      role: 'authenticated',
      aud: 'authenticated',
      email: email.toLowerCase(),
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(claims.exp).toBe(data.session!.expires_at);
    expect(typeof claims.session_id).toBe('string');
    const { rows } = await s.admin.query(
      `select u.encrypted_password, (select count(*) from public.user_profiles p where p.id = u.id)::int as profiles
         from auth.users u where u.id = $1`,
      [userId],
    );
    expect(rows[0].encrypted_password).toMatch(/^scrypt\$/);
    expect(rows[0].encrypted_password).not.toContain(password);
    expect(rows[0].profiles).toBe(1);
  });

  test('signing up twice with the same email is 422 user_already_exists', async () => {
    const { error } = await s.client().auth.signUp({ email: email.toUpperCase(), password });
    expect(error).toMatchObject({ status: 422, code: 'user_already_exists' });
  });

  test('weak passwords and malformed emails are rejected', async () => {
    const weak = await s.client().auth.signUp({ email: 'weak@example.com', password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    // config.toml's minimum_password_length (8), not GoTrue's default 6
    const seven = await s.client().auth.signUp({ email: 'seven@example.com', password: '1234567' });
    expect(seven.error).toMatchObject({ status: 422, code: 'weak_password' });
    expect(seven.error?.message).toContain('at least 8 characters');
    const bad = await s.client().auth.signUp({ email: 'not-an-email', password });
    expect(bad.error).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  test('sign-in: wrong password is 400 invalid_credentials; the right one gives a session', async () => {
    const c = s.client();
    const wrong = await c.auth.signInWithPassword({ email, password: 'nope nope nope' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    const unknown = await c.auth.signInWithPassword({ email: 'nobody@example.com', password });
    expect(unknown.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    const ok = await c.auth.signInWithPassword({ email, password });
    expect(ok.error).toBeNull();
    expect(ok.data.user!.id).toBe(userId);
  });

  test('refresh tokens rotate; reusing a spent one is refused and ends the session', async () => {
    const c = s.client();
    const first = await c.auth.signInWithPassword({ email, password });
    const oldRefresh = first.data.session!.refresh_token;
    const refreshed = await c.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    const newRefresh = refreshed.data.session!.refresh_token;
    expect(newRefresh).not.toBe(oldRefresh);
    expect(verifyJwt(refreshed.data.session!.access_token, s.jwtSecret).session_id).toBe(
      verifyJwt(first.data.session!.access_token, s.jwtSecret).session_id,
    );
    const reuse = await s.client().auth.refreshSession({ refresh_token: oldRefresh });
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    const afterReuse = await s.client().auth.refreshSession({ refresh_token: newRefresh });
    expect(afterReuse.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    const { rows } = await s.admin.query('select token from auth.refresh_tokens where user_id = $1', [
      userId,
    ]);
    expect(rows.every((r) => r.token !== newRefresh && /^[0-9a-f]{64}$/.test(r.token))).toBe(true);
  });

  test('GET/PUT /user, identities, then logout invalidates the session', async () => {
    const c = s.client();
    await c.auth.signInWithPassword({ email, password });
    const got = await c.auth.getUser();
    expect(got.data.user!.id).toBe(userId);
    const ids = await c.auth.getUserIdentities();
    expect(ids.data!.identities.map((i) => i.provider)).toEqual(['email']);
    const upd = await c.auth.updateUser({ data: { display: 'Caz' }, password: 'a brand new password' });
    expect(upd.error).toBeNull();
    expect(upd.data.user!.user_metadata).toEqual({ display: 'Caz' });
    const relog = await s.client().auth.signInWithPassword({ email, password: 'a brand new password' });
    expect(relog.error).toBeNull();
    const token = (await c.auth.getSession()).data.session!.access_token;
    expect((await c.auth.signOut({ scope: 'local' })).error).toBeNull();
    const res = await fetch(`${s.url}/auth/v1/user`, {
      headers: { apikey: s.anonKey, authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'session_not_found' });
    // the other session (relog) survives a local sign-out
    const other = await s.client().auth.getUser(relog.data.session!.access_token);
    expect(other.error).toBeNull();
    expect(other.data.user!.id).toBe(userId);
  });
});

describe('anonymous sign-in', () => {
  test('creates an anonymous user (is_anonymous claim) who can create a private job', async () => {
    const c = s.client();
    const { data, error } = await c.auth.signInAnonymously();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ is_anonymous: true, identities: [] });
    const claims = verifyJwt(data.session!.access_token, s.jwtSecret);
    expect(claims).toMatchObject({ role: 'authenticated', is_anonymous: true, sub: data.user!.id });
    const job = await c.rpc('create_job', { config: simConfig('guest'), iterations: 5 });
    expect(job.error).toBeNull();
    const shared = await c.rpc('create_job', {
      config: simConfig('guest'),
      iterations: 5,
      access_type: 'user',
    });
    expect(shared.status).toBe(403);
  });

  test('an anonymous user can become a permanent one by setting email and password', async () => {
    const c = s.client();
    const anon = await c.auth.signInAnonymously();
    const email = `upgrade-${Date.now()}@example.com`;
    const upd = await c.auth.updateUser({ email, password: 'upgrade password' });
    expect(upd.error).toBeNull();
    expect(upd.data.user).toMatchObject({ id: anon.data.user!.id, email, is_anonymous: false });
    const login = await s.client().auth.signInWithPassword({ email, password: 'upgrade password' });
    expect(login.data.user!.id).toBe(anon.data.user!.id);
  });
});

describe('other endpoints', () => {
  test('GET /settings lists the enabled providers', async () => {
    const res = await fetch(`${s.url}/auth/v1/settings`, { headers: { apikey: s.anonKey } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      external: { email: true, anonymous_users: true },
      mailer_autoconfirm: true,
    });
  });

  test('OAuth, OTP and other flows are 501 naming the endpoint', async () => {
    const res = await fetch(`${s.url}/auth/v1/authorize?provider=discord`, {
      headers: { apikey: s.anonKey },
    });
    expect(res.status).toBe(501);
    expect(((await res.json()) as { msg: string }).msg).toContain('/auth/v1/authorize');
    const otp = await s.client().auth.signInWithOtp({ email: 'x@example.com' });
    expect(otp.error).toMatchObject({ status: 501 });
  });

  test('GET /user with an expired or forged token is 403 bad_jwt; without a token 401', async () => {
    const { data } = await s.client().auth.signInAnonymously();
    const claims = verifyJwt(data.session!.access_token, s.jwtSecret);
    const expired = signJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 }, s.jwtSecret);
    const forged = signJwt(claims, 'some-other-secret-some-other-secret');
    for (const token of [expired, forged]) {
      const res = await fetch(`${s.url}/auth/v1/user`, {
        headers: { apikey: s.anonKey, authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'bad_jwt' });
    }
    const none = await fetch(`${s.url}/auth/v1/user`, { headers: { apikey: s.anonKey } });
    expect(none.status).toBe(401);
  });

  test('auth endpoints require the apikey', async () => {
    const res = await fetch(`${s.url}/auth/v1/settings`);
    expect(res.status).toBe(401);
  });
});
