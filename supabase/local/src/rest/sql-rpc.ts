// SQL for `/rpc/<fn>`: named arguments from the JSON body, matched against the catalog's overloads and
// converted by Postgres itself with json_to_record (the body is one bound parameter).
import { ApiError, unsupported } from './errors.ts';
import type { Catalog, FunctionInfo } from './catalog.ts';
import { ident, Params } from './sql-read.ts';

export type RpcShape = 'set' | 'object' | 'scalar' | 'void';

export interface RpcSql {
  sql: string;
  params: unknown[];
  shape: RpcShape;
  fn: FunctionInfo;
}

function notFound(schema: string, name: string, keys: string[]): ApiError {
  return new ApiError(
    404,
    'PGRST202',
    `Could not find the function ${schema}.${name}(${keys.join(', ')}) in the schema cache`,
    `Searched for the function ${schema}.${name} with parameters ${keys.length ? keys.join(', ') : 'none'}, but no matches were found in the schema cache.`,
    null,
  );
}

function matches(fn: FunctionInfo, keys: string[]): boolean {
  if (fn.variadic) return false;
  const names = new Set(fn.args.map((a) => a.name));
  if (keys.some((k) => !names.has(k))) return false;
  return fn.args.every((a) => a.hasDefault || keys.includes(a.name));
}

export function rpcSql(catalog: Catalog, schema: string, name: string, body: unknown): RpcSql {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'PGRST102', 'RPC body must be a JSON object of named arguments');
  }
  const keys = Object.keys(body);
  const candidates = catalog.functionsNamed(schema, name).filter((fn) => matches(fn, keys));
  if (candidates.length === 0) throw notFound(schema, name, keys);
  if (candidates.length > 1) {
    throw new ApiError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between several overloads of ${schema}.${name}`,
    );
  }
  const fn = candidates[0]!;
  if (fn.args.some((a) => a.name === '')) throw unsupported('functions with unnamed arguments');
  const params = new Params();
  const used = fn.args.filter((a) => keys.includes(a.name));
  const call = `${ident(fn.schema)}.${ident(fn.name)}(${used.map((a) => `${ident(a.name)} => _a.${ident(a.name)}`).join(', ')})`;
  const recordDef = used.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
  const from = used.length
    ? `from json_to_record(${params.add(JSON.stringify(body))}::json) as _a(${recordDef})`
    : '';
  let shape: RpcShape;
  let sql: string;
  if (fn.returnsVoid) {
    shape = 'void';
    sql = `select ${call} ${from}`;
  } else if (fn.returnsSet) {
    shape = 'set';
    // A set of rows aggregates whole rows (objects); a set of scalars aggregates the values.
    const alias = fn.returnsComposite ? '_f' : '_f(_v)';
    const source = used.length ? `${from} cross join lateral ${call} ${alias}` : `from ${call} ${alias}`;
    sql = `select coalesce(json_agg(${fn.returnsComposite ? '_f' : '_v'}), '[]'::json)::text as body ${source}`;
  } else if (fn.returnsComposite) {
    shape = 'object';
    const source = used.length ? `${from} cross join lateral ${call} _f` : `from ${call} _f`;
    sql = `select case when _f is null then 'null' else row_to_json(_f)::text end as body ${source}`;
  } else {
    shape = 'scalar';
    sql = `select to_json(${call})::text as body ${from}`;
  }
  return { sql, params: params.values, shape, fn };
}
