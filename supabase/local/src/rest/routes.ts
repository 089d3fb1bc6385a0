// `/rest/v1` routes: tables and RPCs, each request in one transaction as the caller's role.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { withRequestTransaction } from '../db-transaction.ts';
import { resolveCaller } from '../request-auth.ts';
import { loadCatalog, type Catalog } from './catalog.ts';
import { ApiError, toApiError, unsupported } from './errors.ts';
import { executeRpc, executeTable, type RestRequest, type RestResponse } from './execute.ts';
import { parseProfile } from './parse-request.ts';

export interface RestOptions {
  pool: Pool;
  maxRows: number;
  jwtSecret: string;
  schemas: readonly string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export class SchemaCache {
  private catalog: Catalog | null = null;
  private loading: Promise<Catalog> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly pool: Pool,
    private readonly schemas: readonly string[],
  ) {}

  async get(): Promise<Catalog> {
    if (this.catalog) return this.catalog;
    return this.reload();
  }

  /** Reloads the catalog (deduplicated; at most once a second when triggered by a miss). */
  async reload(onMiss = false): Promise<Catalog> {
    if (onMiss && this.catalog && Date.now() - this.loadedAt < 1000) return this.catalog;
    // An explicit reload must see changes committed after a load already in flight began.
    if (this.loading && !onMiss) return this.loading.then(() => this.reload());
    this.loading ??= loadCatalog(this.pool, this.schemas).then(
      (c) => {
        this.catalog = c;
        this.loadedAt = Date.now();
        this.loading = null;
        return c;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }
}

function send(reply: FastifyReply, res: RestResponse): FastifyReply {
  reply.code(res.status).headers(res.headers);
  return res.body === null ? reply.send() : reply.send(res.body);
}

function searchOf(req: FastifyRequest): { search: URLSearchParams; apikey: string | null } {
  const q = req.url.indexOf('?');
  const search = new URLSearchParams(q >= 0 ? req.url.slice(q + 1) : '');
  const apikey = search.get('apikey');
  search.delete('apikey');
  return { search, apikey };
}

export function registerRestRoutes(app: FastifyInstance, opts: RestOptions): SchemaCache {
  const cache = new SchemaCache(opts.pool, opts.schemas);

  async function handle(req: FastifyRequest, reply: FastifyReply, target: { table?: string; fn?: string }) {
    const { search, apikey } = searchOf(req);
    let anonymous = true;
    try {
      const caller = resolveCaller(req.headers, apikey, opts.jwtSecret);
      anonymous = caller.role === 'anon';
      const read = req.method === 'GET' || req.method === 'HEAD';
      const profileHeader = read ? req.headers['accept-profile'] : req.headers['content-profile'];
      const schema = parseProfile(
        Array.isArray(profileHeader) ? profileHeader[0] : profileHeader,
        opts.schemas,
      );
      const name = target.table ?? target.fn ?? '';
      if (!NAME.test(name)) {
        throw target.fn !== undefined
          ? new ApiError(404, 'PGRST202', `Could not find the function ${schema}.${name} in the schema cache`)
          : new ApiError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`);
      }
      let catalog = await cache.get();
      if (target.table !== undefined && !catalog.hasTable(schema, name)) catalog = await cache.reload(true);
      if (target.fn !== undefined && catalog.functionsNamed(schema, name).length === 0) {
        catalog = await cache.reload(true);
      }
      const restReq: RestRequest = { method: req.method, search, headers: req.headers, body: req.body };
      const tableInfo = target.table !== undefined ? catalog.table(schema, name) : null;
      const res = await withRequestTransaction(
        opts.pool,
        {
          role: caller.role,
          claims: caller.claims,
          readOnly: read,
          method: req.method,
          path: req.url.split('?')[0]!,
        },
        (client) =>
          tableInfo
            ? executeTable(client, catalog, tableInfo, restReq, opts.maxRows)
            : executeRpc(client, catalog, schema, name, restReq),
      );
      return send(reply, res);
    } catch (err) {
      const apiErr = toApiError(err, anonymous);
      if (apiErr.status >= 500 && !(err instanceof ApiError)) req.log.error({ err }, 'rest request failed');
      return reply
        .code(apiErr.status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(apiErr.toBody()));
    }
  }

  app.route({
    method: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    url: '/rest/v1/:table',
    handler: (req, reply) => handle(req, reply, { table: (req.params as { table: string }).table }),
  });
  app.route({
    method: ['POST'],
    url: '/rest/v1/rpc/:fn',
    handler: (req, reply) => handle(req, reply, { fn: (req.params as { fn: string }).fn }),
  });
  app.route({
    method: ['GET', 'HEAD'],
    url: '/rest/v1/rpc/:fn',
    handler: (_req, reply) => {
      const err = unsupported('calling functions with GET (use POST /rpc/<fn>)');
      return reply.code(err.status).send(err.toBody());
    },
  });
  app.route({
    method: ['PUT'],
    url: '/rest/v1/:table',
    handler: (_req, reply) => {
      const err = unsupported('PUT (single-row upsert); use POST with Prefer: resolution=merge-duplicates');
      return reply.code(err.status).send(err.toBody());
    },
  });
  app.get('/rest/v1/', (_req, reply) => {
    const err = unsupported('the OpenAPI description at /rest/v1/');
    return reply.code(err.status).send(err.toBody());
  });
  return cache;
}
