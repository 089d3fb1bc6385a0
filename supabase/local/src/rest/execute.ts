// Executes one parsed PostgREST request inside the request transaction and shapes the HTTP answer.
import type { PoolClient } from 'pg';
import { ApiError, unsupported } from './errors.ts';
import type { Catalog, TableInfo } from './catalog.ts';
import { parseAccept, parsePrefer, parseQueryString, parseRange, type ParsedQuery } from './parse-request.ts';
import { Params, qualified, readSql } from './sql-read.ts';
import { deleteSql, insertSql, updateSql } from './sql-write.ts';
import { rpcSql } from './sql-rpc.ts';

export interface RestRequest {
  method: string;
  search: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

function header(req: RestRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function singleError(rows: number): ApiError {
  return new ApiError(
    406,
    'PGRST116',
    'Cannot coerce the result to a single JSON object',
    `The result contains ${rows} rows`,
  );
}

/** Applies Accept: object+json: exactly one row → that object, else 406 PGRST116 (the transaction rolls back). */
function shapeBody(json: string, rows: number, single: boolean): string {
  if (!single) return json;
  if (rows !== 1) throw singleError(rows);
  const parsed = JSON.parse(json) as unknown[];
  return JSON.stringify(parsed[0]);
}

function contentRange(offset: number, rows: number, total: number | null): string {
  const range = rows > 0 ? `${offset}-${offset + rows - 1}` : '*';
  return `${range}/${total ?? '*'}`;
}

export async function executeTable(
  client: PoolClient,
  catalog: Catalog,
  table: TableInfo,
  req: RestRequest,
  maxRows: number,
): Promise<RestResponse> {
  const query: ParsedQuery = parseQueryString(req.search);
  const prefs = parsePrefer(req.headers['prefer']);
  const accept = parseAccept(header(req, 'accept'));
  const json = { 'content-type': 'application/json; charset=utf-8' };

  if (req.method === 'GET' || req.method === 'HEAD') {
    const range = parseRange(header(req, 'range'));
    if (range) {
      query.offset = (query.offset ?? 0) + range.offset;
      if (range.limit !== null)
        query.limit = query.limit === null ? range.limit : Math.min(query.limit, range.limit);
    }
    query.limit = Math.min(query.limit ?? maxRows, maxRows);
    const params = new Params();
    const { sql, countSql, countParams } = readSql(catalog, table, qualified(table), query, params);
    const res = await client.query<{ body: string; n: string }>(sql, params.values);
    const rows = Number(res.rows[0]!.n);
    let total: number | null = null;
    if (prefs.count === 'exact') {
      const c = await client.query<{ total: string }>(countSql, countParams);
      total = Number(c.rows[0]!.total);
    }
    const offset = query.offset ?? 0;
    const body = shapeBody(res.rows[0]!.body, rows, accept.single);
    const partial = total !== null && (offset > 0 || offset + rows < total) && !accept.single;
    if (total !== null && offset > 0 && offset >= total && total > 0) {
      throw new ApiError(
        416,
        'PGRST103',
        'Requested range not satisfiable',
        `An offset of ${offset} was requested, but there are only ${total} rows.`,
      );
    }
    return {
      status: partial ? 206 : 200,
      headers: { ...json, 'content-range': contentRange(offset, rows, total) },
      body: req.method === 'HEAD' ? null : body,
    };
  }

  const representation = prefs.returnMode === 'representation';
  let write: { sql: string; params: unknown[] } | null;
  if (req.method === 'POST') write = insertSql(catalog, table, req.body, query, prefs);
  else if (req.method === 'PATCH') write = updateSql(catalog, table, req.body, query, representation);
  else if (req.method === 'DELETE') write = deleteSql(catalog, table, query, representation);
  else throw unsupported(`HTTP method ${req.method} on tables`);

  let rows = 0;
  let body = '[]';
  if (write) {
    const res = await client.query<{ body: string; n: string }>(write.sql, write.params);
    rows = Number(res.rows[0]!.n);
    body = res.rows[0]!.body;
  }
  const total = prefs.count === 'exact' ? rows : null;
  const headers: Record<string, string> = { 'content-range': `*/${total ?? '*'}` };
  if (representation) {
    return {
      status: req.method === 'POST' ? 201 : 200,
      headers: { ...json, ...headers },
      body: shapeBody(body, rows, accept.single),
    };
  }
  if (accept.single && rows !== 1) throw singleError(rows);
  return { status: req.method === 'POST' ? 201 : 204, headers, body: null };
}

export async function executeRpc(
  client: PoolClient,
  catalog: Catalog,
  schema: string,
  name: string,
  req: RestRequest,
): Promise<RestResponse> {
  for (const key of req.search.keys()) {
    throw unsupported(`query parameter "${key}" on /rpc (filters, select and paging of function results)`);
  }
  const prefs = parsePrefer(req.headers['prefer']);
  const accept = parseAccept(header(req, 'accept'));
  const call = rpcSql(catalog, schema, name, req.body ?? {});
  const res = await client.query<{ body: string }>(call.sql, call.params);
  if (call.shape === 'void') return { status: 204, headers: {}, body: null };
  const json = { 'content-type': 'application/json; charset=utf-8' };
  let body = res.rows[0]?.body ?? 'null';
  if (call.shape === 'set' && accept.single) {
    const arr = JSON.parse(body) as unknown[];
    body = shapeBody(body, arr.length, true);
  }
  if (prefs.returnMode === 'minimal') return { status: 204, headers: {}, body: null };
  return { status: 200, headers: json, body };
}
