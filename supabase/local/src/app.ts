// Builds the Supabase HTTP stand-in (Fastify): `/rest/v1` (PostgREST subset) and `/auth/v1` (GoTrue
// subset). Tests load this directly; stack.ts adds Postgres and listening.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { AuthError, registerAuthRoutes, sendAuthError } from './auth/routes.ts';
import { ensureAuthTables } from './auth/schema.ts';
import { ApiError, toApiError, unsupported } from './rest/errors.ts';
import { registerRestRoutes, type SchemaCache } from './rest/routes.ts';
import { listenForSchemaReload } from './rest/schema-listener.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.ts';
import { loadAuthSettings, type AuthSettings } from './auth/auth-settings.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_MAX_ROWS = 1000;
export const EXPOSED_SCHEMAS = ['public', 'game'] as const;

export interface StandInOptions {
  pool: Pool;
  jwtSecret: string;
  /** Public base URL (used as the JWT issuer `<url>/auth/v1`). */
  publicUrl: string;
  bodyLimit?: number;
  /** Most rows a top-level read returns, as Supabase's API `max_rows` (default 1000). */
  maxRows?: number;
  jwtExpirySeconds?: number;
  /** Password minimum and rate limits; default: read from supabase/config.toml, as hosted Supabase. */
  auth?: Partial<AuthSettings>;
  /** Fastify (pino) logging: false (default), true, or { level }. */
  logger?: boolean | { level: string };
}

export interface StandIn {
  app: FastifyInstance;
  /** Reloads the schema cache (after migrations changed the database). */
  reloadSchema(): Promise<void>;
  /** Sets the public base URL once the real port is known (JWT issuer). */
  setPublicUrl(url: string): void;
}

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, apikey, content-type, accept, accept-profile, content-profile, prefer, range, range-unit, x-client-info, x-supabase-api-version, x-retry-count',
  'access-control-expose-headers': 'content-range, content-location, x-supabase-api-version',
  'access-control-max-age': '600',
};

function isAuthPath(url: string): boolean {
  return url.startsWith('/auth/v1');
}

export async function buildStandIn(opts: StandInOptions): Promise<StandIn> {
  await ensureAuthTables(opts.pool);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { maxParamLength: 200 },
  });

  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    reply.headers({ ...CORS_HEADERS, 'access-control-allow-origin': origin ?? '*', vary: 'Origin' });
    if (req.method === 'OPTIONS') return reply.code(204).send();
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/vnd.pgrst.object+json'],
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      if (jsonTooDeep(text))
        return done(
          new ApiError(
            400,
            'PGRST102',
            `JSON is nested more than ${MAX_JSON_DEPTH} levels deep`,
          ) as unknown as FastifyError,
          undefined,
        );
      try {
        done(null, JSON.parse(text));
      } catch {
        done(new ApiError(400, 'PGRST102', 'Empty or invalid json') as unknown as FastifyError, undefined);
      }
    },
  );

  app.setErrorHandler((err: FastifyError | AuthError | ApiError, req, reply) => {
    if (err instanceof AuthError) return sendAuthError(reply, err);
    let api: ApiError;
    if (err instanceof ApiError) api = err;
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      api = new ApiError(
        413,
        'PGRST413',
        `Request body is larger than the limit of ${opts.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes`,
      );
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      api = new ApiError(
        415,
        'PGRST415',
        `Content-Type ${String(req.headers['content-type'])} is not supported`,
      );
    } else if (typeof err.statusCode === 'number' && err.statusCode < 500) {
      api = new ApiError(err.statusCode, 'PGRST100', err.message);
    } else {
      req.log.error({ err }, 'unhandled error');
      api = toApiError(err, true);
    }
    if (isAuthPath(req.url)) return sendAuthError(reply, new AuthError(api.status, api.code, api.message));
    return reply
      .code(api.status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(api.toBody());
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const feature = /^\/(storage|functions|realtime|graphql|pg|analytics)\/v1/.exec(path)?.[1];
    const err = feature
      ? unsupported(`the Supabase ${feature} API (${path})`)
      : new ApiError(404, 'PGRST125', `Invalid path specified in request URL: ${req.method} ${path}`);
    return reply.code(err.status).send(err.toBody());
  });

  const cache: SchemaCache = registerRestRoutes(app, {
    maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS,
    pool: opts.pool,
    jwtSecret: opts.jwtSecret,
    schemas: EXPOSED_SCHEMAS,
  });
  const authConfig = {
    jwtSecret: opts.jwtSecret,
    issuer: `${opts.publicUrl.replace(/\/$/, '')}/auth/v1`,
    jwtExpirySeconds: opts.jwtExpirySeconds ?? 3600,
    settings: { ...loadAuthSettings(), ...opts.auth },
  };
  registerAuthRoutes(app, opts.pool, authConfig);
  app.get('/', async () => ({ name: 'wowlab local Supabase stand-in', rest: '/rest/v1', auth: '/auth/v1' }));
  await cache.get();
  const listener = await listenForSchemaReload(
    opts.pool,
    () => cache.reload(),
    (err) => app.log.warn({ err }, 'schema reload listener'),
  );
  app.addHook('onClose', () => listener.close());
  return {
    app,
    async reloadSchema() {
      await cache.reload();
    },
    setPublicUrl(url: string) {
      authConfig.issuer = `${url.replace(/\/$/, '')}/auth/v1`;
    },
  };
}
