// `/auth/v1`: the GoTrue subset supabase-js uses for email+password and anonymous sign-in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import { resolveCaller } from '../request-auth.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { sessionJson, userJson, type AuthConfig } from './session.ts';
import * as store from './store.ts';
import { WindowLimiter } from './auth-settings.ts';

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/;
const MAX_PASSWORD = 256;
const MAX_METADATA = 16 * 1024;

async function tx<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const out = await fn(client);
    await client.query('commit');
    return out;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function bodyObject(req: FastifyRequest): Record<string, unknown> {
  const b = req.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b))
    throw new AuthError(400, 'validation_failed', 'Body must be a JSON object');
  return b as Record<string, unknown>;
}

function optString(b: Record<string, unknown>, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new AuthError(400, 'validation_failed', `${key} must be a string`);
  return v;
}

function metadata(b: Record<string, unknown>): Record<string, unknown> | undefined {
  const d = b['data'];
  if (d === undefined || d === null) return undefined;
  if (typeof d !== 'object' || Array.isArray(d))
    throw new AuthError(400, 'validation_failed', 'data must be an object');
  if (JSON.stringify(d).length > MAX_METADATA)
    throw new AuthError(400, 'validation_failed', 'data is too large');
  return d as Record<string, unknown>;
}

function checkEmail(email: string): string {
  if (email.length > 255 || !EMAIL.test(email)) {
    throw new AuthError(400, 'validation_failed', `Unable to validate email address: invalid format`);
  }
  return email.toLowerCase();
}

function checkPassword(password: string, min: number): string {
  if (password.length < min) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${min} characters.`);
  }
  if (password.length > MAX_PASSWORD) throw new AuthError(422, 'validation_failed', 'Password is too long');
  return password;
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not a real password: timing equaliser');
  return dummy;
}

interface UserContext {
  userId: string;
  sessionId: string;
}

function requireUser(req: FastifyRequest, secret: string): UserContext {
  let caller;
  try {
    caller = resolveCaller(req.headers, null, secret);
  } catch (err) {
    const msg = err instanceof Error ? err.message : 'invalid JWT';
    // GoTrue answers 403 bad_jwt for any token it cannot verify (bad signature, expired, ...).
    throw new AuthError(403, 'bad_jwt', `invalid JWT: ${msg}`);
  }
  const sub = caller.claims.sub;
  const sid = caller.claims.session_id;
  if (caller.userToken === null || typeof sub !== 'string') {
    throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  }
  return { userId: sub, sessionId: typeof sid === 'string' ? sid : '' };
}

export function registerAuthRoutes(app: FastifyInstance, pool: Pool, cfg: AuthConfig): void {
  // per client address, as hosted Supabase (config.toml [auth.rate_limit])
  const signInSignUps = new WindowLimiter(cfg.settings.signInSignUpsPer5Min, 5 * 60_000);
  const anonymous = new WindowLimiter(cfg.settings.anonymousUsersPerHour, 60 * 60_000);
  const limit = (limiter: WindowLimiter, req: FastifyRequest, what: string) => {
    const taken = limiter.take(req.ip);
    if (!taken.ok)
      throw new AuthError(
        429,
        'over_request_rate_limit',
        `Too many ${what} from this address; try again in ${taken.retryAfterSeconds} seconds.`,
      );
  };
  const requireKey = (req: FastifyRequest) => {
    const apikey = req.headers['apikey'];
    const q = new URLSearchParams(req.url.split('?')[1] ?? '').get('apikey');
    try {
      resolveCaller(
        { apikey: Array.isArray(apikey) ? apikey[0] : (apikey ?? q ?? undefined) },
        null,
        cfg.jwtSecret,
      );
    } catch (err) {
      throw new AuthError(401, 'no_api_key', err instanceof Error ? err.message : 'Invalid API key');
    }
  };

  const newSession = async (c: PoolClient, userId: string, method: string) => {
    await store.touchSignIn(c, userId);
    const s = await store.createSession(c, userId);
    const user = (await store.findUserById(c, userId))!;
    return sessionJson(cfg, user, s.sessionId, s.refreshToken, method);
  };

  app.post('/auth/v1/signup', async (req) => {
    requireKey(req);
    const b = bodyObject(req);
    const emailRaw = optString(b, 'email');
    const password = optString(b, 'password');
    const data = metadata(b) ?? {};
    if (optString(b, 'phone') !== undefined)
      throw new AuthError(501, 'not_implemented', 'Phone sign-up is not supported by the local stand-in');
    if (emailRaw === undefined) {
      if (password !== undefined) throw new AuthError(400, 'validation_failed', 'Sign up requires an email');
      limit(anonymous, req, 'guest sign-ins');
      return tx(pool, async (c) => {
        const id = await store.insertUser(c, {
          email: null,
          passwordHash: null,
          userMeta: data,
          anonymous: true,
        });
        return newSession(c, id, 'anonymous');
      });
    }
    limit(signInSignUps, req, 'sign-ups and sign-ins');
    const email = checkEmail(emailRaw);
    if (password === undefined)
      throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
    const hash = await hashPassword(checkPassword(password, cfg.settings.minimumPasswordLength));
    return tx(pool, async (c) => {
      await c.query('select pg_advisory_xact_lock(hashtext($1))', [email]);
      if (await store.findUserByEmail(c, email))
        throw new AuthError(422, 'user_already_exists', 'User already registered');
      const id = await store.insertUser(c, { email, passwordHash: hash, userMeta: data, anonymous: false });
      return newSession(c, id, 'password');
    });
  });

  app.post('/auth/v1/token', async (req) => {
    requireKey(req);
    const grant = new URLSearchParams(req.url.split('?')[1] ?? '').get('grant_type');
    const b = bodyObject(req);
    if (grant === 'password') {
      const email = optString(b, 'email');
      const password = optString(b, 'password');
      if (email === undefined || password === undefined) {
        throw new AuthError(400, 'validation_failed', 'Email and password are required');
      }
      limit(signInSignUps, req, 'sign-ups and sign-ins');
      if (email.length > 255 || password.length > MAX_PASSWORD) {
        throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
      }
      const user = await tx(pool, (c) => store.findUserByEmail(c, email));
      // Unknown emails still pay for one scrypt, so response time does not reveal which emails exist.
      const hash = user && !user.is_anonymous ? user.encrypted_password : await dummyHash();
      const ok = (await verifyPassword(password, hash)) && user !== null && !user.is_anonymous;
      if (!ok || !user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
      return tx(pool, (c) => newSession(c, user.id, 'password'));
    }
    if (grant === 'refresh_token') {
      const token = optString(b, 'refresh_token');
      if (token === undefined || token.length > 255) {
        throw new AuthError(400, 'validation_failed', 'refresh_token is required');
      }
      // The rotation (or, for a reused token, the revocation of its session) commits before answering.
      const r = await tx(pool, async (c) => {
        const rotated = await store.rotateRefreshToken(c, token);
        if (!rotated.ok) return rotated;
        const user = await store.findUserById(c, rotated.userId);
        return { ...rotated, user };
      });
      if (!r.ok && r.reason === 'not_found') {
        throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      }
      if (!r.ok)
        throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      if (!r.user) throw new AuthError(400, 'user_not_found', 'User not found');
      return sessionJson(cfg, r.user, r.sessionId, r.refreshToken, 'token_refresh');
    }
    throw new AuthError(
      501,
      'not_implemented',
      `grant_type=${grant ?? ''} is not supported by the local stand-in`,
    );
  });

  const currentUser = async (c: PoolClient, ctx: UserContext) => {
    if (ctx.sessionId && !(await store.sessionExists(c, ctx.sessionId))) {
      throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    const user = await store.findUserById(c, ctx.userId);
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return user;
  };

  app.get('/auth/v1/user', async (req) => {
    requireKey(req);
    const ctx = requireUser(req, cfg.jwtSecret);
    return tx(pool, async (c) => userJson(await currentUser(c, ctx)));
  });

  app.put('/auth/v1/user', async (req) => {
    requireKey(req);
    const ctx = requireUser(req, cfg.jwtSecret);
    const b = bodyObject(req);
    const emailRaw = optString(b, 'email');
    const password = optString(b, 'password');
    const data = metadata(b);
    const email = emailRaw === undefined ? undefined : checkEmail(emailRaw);
    const passwordHash =
      password === undefined
        ? undefined
        : await hashPassword(checkPassword(password, cfg.settings.minimumPasswordLength));
    return tx(pool, async (c) => {
      const before = await currentUser(c, ctx);
      if (email !== undefined && email !== before.email) {
        await c.query('select pg_advisory_xact_lock(hashtext($1))', [email]);
        const other = await store.findUserByEmail(c, email);
        if (other && other.id !== before.id) {
          throw new AuthError(
            422,
            'email_exists',
            'A user with this email address has already been registered',
          );
        }
      }
      await store.updateUser(c, ctx.userId, { email, passwordHash, userMeta: data });
      return userJson((await store.findUserById(c, ctx.userId))!);
    });
  });

  app.post('/auth/v1/logout', async (req, reply) => {
    requireKey(req);
    const ctx = requireUser(req, cfg.jwtSecret);
    const scope = new URLSearchParams(req.url.split('?')[1] ?? '').get('scope') ?? 'global';
    if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
      throw new AuthError(400, 'validation_failed', 'scope must be global, local or others');
    }
    await tx(pool, (c) => store.deleteSessions(c, ctx.userId, ctx.sessionId, scope));
    return reply.code(204).send();
  });

  app.get('/auth/v1/settings', async (req) => {
    requireKey(req);
    return {
      external: {
        email: true,
        phone: false,
        anonymous_users: true,
        discord: false,
        github: false,
        google: false,
      },
      disable_signup: false,
      mailer_autoconfirm: true,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    };
  });

  app.get('/auth/v1/health', async () => ({
    name: 'GoTrue (wowlab local stand-in)',
    description: 'local',
    version: '0',
  }));

  app.all('/auth/v1/*', async (req) => {
    const path = req.url.split('?')[0];
    throw new AuthError(
      501,
      'not_implemented',
      `${req.method} ${path} is not supported by the local stand-in (see supabase/local/README.md)`,
    );
  });
}

/** GoTrue error body (API version 2024-01-01). */
export function sendAuthError(reply: FastifyReply, err: AuthError): FastifyReply {
  return reply
    .code(err.status)
    .header('x-supabase-api-version', '2024-01-01')
    .send({ code: err.code, error_code: err.code, msg: err.message, message: err.message });
}
