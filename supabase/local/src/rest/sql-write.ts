// SQL for writes: INSERT (incl. upsert), UPDATE and DELETE as a data-modifying CTE, whose rows are then
// shaped with the same select list as reads. The JSON body is one bound parameter.
import { ApiError, unsupported } from './errors.ts';
import type { Catalog, TableInfo } from './catalog.ts';
import type { ParsedQuery, Preferences } from './parse-request.ts';
import { findRelationship, ident, Params, qualified, readSql, whereSql } from './sql-read.ts';

export interface WriteSql {
  sql: string;
  params: unknown[];
}

const MAX_DEFAULT_ROWS = 1000;

function invalidBody(message: string): ApiError {
  return new ApiError(400, 'PGRST102', message);
}

function missingColumn(table: TableInfo, name: string): ApiError {
  return new ApiError(
    400,
    'PGRST204',
    `Could not find the '${name}' column of '${table.name}' in the schema cache`,
  );
}

function checkColumns(table: TableInfo, names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (!table.columns.has(name)) throw missingColumn(table, name);
    out.push(name);
  }
  return out;
}

/**
 * The RETURNING list: only the base columns the select list needs (a role may lack SELECT on
 * other columns), `1` when nothing is returned (Prefer: return=minimal).
 */
function returningList(
  catalog: Catalog,
  table: TableInfo,
  query: ParsedQuery,
  representation: boolean,
): string {
  if (!representation) return '1';
  const cols = new Set<string>();
  for (const item of query.select) {
    if (item.kind === 'star') return '*';
    if (item.kind === 'column') {
      if (!table.columns.has(item.name)) throw missingColumn(table, item.name);
      cols.add(item.name);
    } else {
      const rel = findRelationship(catalog, table, catalog.table(table.schema, item.relation), item.hint);
      for (const c of rel.toOne ? rel.fk.columns : rel.fk.refColumns) cols.add(c);
    }
  }
  return cols.size ? [...cols].map(ident).join(', ') : '1';
}

function shapeResult(
  catalog: Catalog,
  table: TableInfo,
  cte: string,
  query: ParsedQuery,
  params: Params,
  representation: boolean,
): string {
  if (!representation) return `with _w as (${cte}) select '[]' as body, count(*) as n from _w`;
  // Filters were applied by the write itself; only the select list shapes the returned rows.
  const { sql } = readSql(
    catalog,
    table,
    '_w',
    { ...query, filters: [], order: [], limit: null, offset: null },
    params,
  );
  return `with _w as (${cte}) ${sql}`;
}

export function insertSql(
  catalog: Catalog,
  table: TableInfo,
  body: unknown,
  query: ParsedQuery,
  prefs: Preferences,
): WriteSql {
  const rows = Array.isArray(body) ? body : [body];
  if (rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    throw invalidBody('All object keys must match: the body must be a JSON object or an array of objects');
  }
  const objects = rows as Record<string, unknown>[];
  const keySets = objects.map((o) => Object.keys(o).sort().join('\u0000'));
  const perRowDefaults = prefs.missingDefault && new Set(keySets).size > 1;
  if (perRowDefaults && objects.length > MAX_DEFAULT_ROWS) {
    throw unsupported(
      `Prefer: missing=default with rows of different keys, more than ${MAX_DEFAULT_ROWS} rows`,
    );
  }
  const keys = new Set<string>();
  for (const o of objects) for (const k of Object.keys(o)) keys.add(k);
  const columns = checkColumns(table, query.columns ?? keys);
  const params = new Params();
  const target = qualified(table);
  let insert: string;
  if (columns.length === 0) {
    if (objects.length !== 1) throw unsupported('bulk insert of empty objects');
    insert = `insert into ${target} default values`;
  } else if (perRowDefaults) {
    // Absent keys take the column default: one VALUES row per object, DEFAULT where the key is missing.
    const values = objects.map((o) => {
      const row = params.add(JSON.stringify(o));
      const cells = columns.map((c) =>
        Object.hasOwn(o, c) ? `(json_populate_record(null::${target}, ${row}::json)).${ident(c)}` : 'default',
      );
      return `(${cells.join(', ')})`;
    });
    insert = `insert into ${target} (${columns.map(ident).join(', ')}) values ${values.join(', ')}`;
  } else {
    const cols = columns.map(ident).join(', ');
    const data = params.add(JSON.stringify(objects));
    insert = `insert into ${target} (${cols}) select ${cols} from json_populate_recordset(null::${target}, ${data}::json)`;
  }
  if (prefs.resolution !== null) {
    const conflict = checkColumns(table, query.onConflict ?? table.primaryKey);
    if (conflict.length === 0)
      throw invalidBody(`table '${table.name}' has no primary key; give on_conflict=`);
    const conflictCols = conflict.map(ident).join(', ');
    const updates = columns.filter((c) => !conflict.includes(c));
    insert +=
      prefs.resolution === 'ignore-duplicates' || updates.length === 0
        ? ` on conflict (${conflictCols}) do nothing`
        : ` on conflict (${conflictCols}) do update set ${updates.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')}`;
  } else if (query.onConflict !== null) {
    checkColumns(table, query.onConflict);
  }
  const representation = prefs.returnMode === 'representation';
  const returning = returningList(catalog, table, query, representation);
  const sql = shapeResult(catalog, table, `${insert} returning ${returning}`, query, params, representation);
  return { sql, params: params.values };
}

export function updateSql(
  catalog: Catalog,
  table: TableInfo,
  body: unknown,
  query: ParsedQuery,
  representation: boolean,
): WriteSql | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidBody('PATCH body must be a JSON object');
  }
  if (query.limit !== null || query.offset !== null || query.order.length) {
    throw unsupported('limit/offset/order on PATCH');
  }
  const columns = checkColumns(table, Object.keys(body));
  if (columns.length === 0) return null;
  const params = new Params();
  const target = qualified(table);
  const data = params.add(JSON.stringify(body));
  const sets = columns.map((c) => `${ident(c)} = _v.${ident(c)}`).join(', ');
  const where = whereSql(table, '_t', query.filters, params);
  const cte =
    `update ${target} _t set ${sets} from (select * from json_populate_record(null::${target}, ${data}::json)) _v` +
    `${where.length ? ` where ${where.join(' and ')}` : ''} returning ${prefixed(returningList(catalog, table, query, representation))}`;
  return { sql: shapeResult(catalog, table, cte, query, params, representation), params: params.values };
}

export function deleteSql(
  catalog: Catalog,
  table: TableInfo,
  query: ParsedQuery,
  representation: boolean,
): WriteSql {
  if (query.limit !== null || query.offset !== null || query.order.length) {
    throw unsupported('limit/offset/order on DELETE');
  }
  const params = new Params();
  const where = whereSql(table, '_t', query.filters, params);
  const returning = prefixed(returningList(catalog, table, query, representation));
  const cte = `delete from ${qualified(table)} _t${where.length ? ` where ${where.join(' and ')}` : ''} returning ${returning}`;
  return { sql: shapeResult(catalog, table, cte, query, params, representation), params: params.values };
}

/** Qualifies a RETURNING list with the `_t` alias (UPDATE ... FROM has two relations). */
function prefixed(list: string): string {
  if (list === '1') return list;
  if (list === '*') return '_t.*';
  return list
    .split(', ')
    .map((c) => `_t.${c}`)
    .join(', ');
}
