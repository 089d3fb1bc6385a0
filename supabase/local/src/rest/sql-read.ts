// SQL for reads: select lists with one level of embedding, WHERE from filters, ORDER BY.
// Identifiers come only from the catalog (checked, then quoted); values are always bound parameters.
import { ApiError, parseError } from './errors.ts';
import { column, type Catalog, type ForeignKey, type TableInfo } from './catalog.ts';
import type { Filter, OrderTerm, ReadQuery, ResourceQuery, SelectItem } from './query-types.ts';

export class Params {
  readonly values: unknown[] = [];
  private aliases = 0;
  /** A fresh table alias for an embedded resource's subquery. */
  alias(): string {
    return `_e${++this.aliases}`;
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(table: TableInfo): string {
  return `${ident(table.schema)}.${ident(table.name)}`;
}

function likePattern(value: string): string {
  return value.replace(/\*/g, '%');
}

function conditionSql(
  table: TableInfo,
  alias: string,
  f: Extract<Filter, { kind: 'cond' }>,
  params: Params,
): string {
  column(table, f.column);
  const col = `${alias}.${ident(f.column)}`;
  const value = f.value;
  let sql: string;
  switch (f.op) {
    case 'eq':
      sql = `${col} = ${params.add(value)}`;
      break;
    case 'neq':
      sql = `${col} <> ${params.add(value)}`;
      break;
    case 'gt':
      sql = `${col} > ${params.add(value)}`;
      break;
    case 'gte':
      sql = `${col} >= ${params.add(value)}`;
      break;
    case 'lt':
      sql = `${col} < ${params.add(value)}`;
      break;
    case 'lte':
      sql = `${col} <= ${params.add(value)}`;
      break;
    case 'like':
      sql = `${col} like ${params.add(likePattern(value as string))}`;
      break;
    case 'ilike':
      sql = `${col} ilike ${params.add(likePattern(value as string))}`;
      break;
    case 'match':
      sql = `${col} ~ ${params.add(value)}`;
      break;
    case 'imatch':
      sql = `${col} ~* ${params.add(value)}`;
      break;
    case 'isdistinct':
      sql = `${col} is distinct from ${params.add(value)}`;
      break;
    case 'cs':
      sql = `${col} @> ${params.add(value)}`;
      break;
    case 'cd':
      sql = `${col} <@ ${params.add(value)}`;
      break;
    case 'ov':
      sql = `${col} && ${params.add(value)}`;
      break;
    case 'in':
      sql = (value as string[]).length === 0 ? 'false' : `${col} = any(${params.add(value)})`;
      break;
    case 'is': {
      const v = (value as string).toLowerCase();
      const keyword = {
        null: 'null',
        not_null: 'not null',
        true: 'true',
        false: 'false',
        unknown: 'unknown',
      }[v];
      if (keyword === undefined) throw parseError(`failed to parse filter (is.${v})`);
      sql = `${col} is ${keyword}`;
      break;
    }
  }
  return f.negate ? `not (${sql})` : sql;
}

function filterSql(table: TableInfo, alias: string, f: Filter, params: Params): string {
  if (f.kind === 'cond') return conditionSql(table, alias, f, params);
  const parts = f.children.map((c) => filterSql(table, alias, c, params));
  const joined =
    parts.length === 0 ? (f.op === 'and' ? 'true' : 'false') : parts.join(f.op === 'and' ? ' and ' : ' or ');
  return `${f.negate ? 'not ' : ''}(${joined})`;
}

export function whereSql(table: TableInfo, alias: string, filters: Filter[], params: Params): string[] {
  return filters.map((f) => filterSql(table, alias, f, params));
}

export function orderSql(table: TableInfo, alias: string, order: OrderTerm[]): string {
  if (order.length === 0) return '';
  const terms = order.map((o) => {
    column(table, o.column);
    return `${alias}.${ident(o.column)}${o.direction ? ` ${o.direction}` : ''}${o.nulls ? ` nulls ${o.nulls}` : ''}`;
  });
  return ` order by ${terms.join(', ')}`;
}

export interface Relationship {
  fk: ForeignKey;
  /** true: the base table holds the foreign key (many-to-one → object); false: one-to-many → array. */
  toOne: boolean;
}

export function findRelationship(
  catalog: Catalog,
  base: TableInfo,
  target: TableInfo,
  hint: string | null,
): Relationship {
  const candidates: Relationship[] = [];
  for (const fk of catalog.foreignKeys) {
    const fromBase = fk.schema === base.schema && fk.table === base.name;
    const toTarget = fk.refSchema === target.schema && fk.refTable === target.name;
    const fromTarget = fk.schema === target.schema && fk.table === target.name;
    const toBase = fk.refSchema === base.schema && fk.refTable === base.name;
    if (fromBase && toTarget) candidates.push({ fk, toOne: true });
    else if (fromTarget && toBase) candidates.push({ fk, toOne: false });
  }
  const matching =
    hint === null
      ? candidates
      : candidates.filter(
          (r) => r.fk.name === hint || (r.fk.columns.length === 1 && r.fk.columns[0] === hint),
        );
  if (matching.length === 1) return matching[0]!;
  if (matching.length === 0) {
    throw new ApiError(
      400,
      'PGRST200',
      `Could not find a relationship between '${base.name}' and '${target.name}' in the schema cache`,
      `Searched for a foreign key relationship between '${base.name}' and '${target.name}'${hint ? ` using the hint '${hint}'` : ''} in the schema '${base.schema}', but no matches were found.`,
      null,
    );
  }
  throw new ApiError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${base.name}' and '${target.name}'`,
    matching.map((r) => r.fk.name).join(', '),
    `Try changing '${target.name}' to one of the foreign key names with '${target.name}!<fk name>(...)'`,
  );
}

interface EmbedJoin {
  target: TableInfo;
  rel: Relationship;
  inner: string;
  key: string;
  join: string[];
}

function embedJoin(
  catalog: Catalog,
  table: TableInfo,
  alias: string,
  item: EmbedItem,
  params: Params,
): EmbedJoin {
  const target = catalog.table(table.schema, item.relation);
  const rel = findRelationship(catalog, table, target, item.hint);
  const inner = params.alias();
  const join = rel.toOne
    ? rel.fk.columns.map((c, i) => `${inner}.${ident(rel.fk.refColumns[i]!)} = ${alias}.${ident(c)}`)
    : rel.fk.columns.map((c, i) => `${inner}.${ident(c)} = ${alias}.${ident(rel.fk.refColumns[i]!)}`);
  return { target, rel, inner, key: item.alias ?? item.relation, join };
}

type EmbedItem = Extract<SelectItem, { kind: 'embed' }>;

/** The select list of `table` aliased `alias`; embeds become correlated subqueries. */
export function selectListSql(
  catalog: Catalog,
  table: TableInfo,
  alias: string,
  items: SelectItem[],
  params: Params,
  embedded: Record<string, ResourceQuery> = {},
): string {
  const parts: string[] = [];
  for (const item of items) {
    if (item.kind === 'star') {
      parts.push(`${alias}.*`);
    } else if (item.kind === 'column') {
      column(table, item.name);
      const cast = item.cast ? `::${item.cast}` : '';
      parts.push(`${alias}.${ident(item.name)}${cast} as ${ident(item.alias ?? item.name)}`);
    } else {
      const { target, rel, inner, key, join } = embedJoin(catalog, table, alias, item, params);
      const rq = embedded[key];
      const list = item.select.length === 0 ? '' : selectListSql(catalog, target, inner, item.select, params);
      const conditions = [...join, ...(rq ? whereSql(target, inner, rq.filters, params) : [])].join(' and ');
      const paging = rq
        ? `${orderSql(target, inner, rq.order)}${rq.limit !== null ? ` limit ${rq.limit}` : ''}${rq.offset !== null ? ` offset ${rq.offset}` : ''}`
        : '';
      const from = `from ${qualified(target)} ${inner} where ${conditions}${paging}`;
      const row = `_j${inner}`;
      const sub = rel.toOne
        ? `(select row_to_json(${row}) from (select ${list} ${from}) ${row})`
        : `(select coalesce(json_agg(${row}), '[]'::json) from (select ${list} ${from}) ${row})`;
      parts.push(`${sub} as ${ident(key)}`);
    }
  }
  return parts.join(', ');
}

/**
 * `!inner` embeds filter the parent rows: `exists (...)` with the embed's own filters. Also checks that
 * every `rel.x` parameter names an embed of the select list (PGRST108 otherwise).
 */
function innerJoinSql(
  catalog: Catalog,
  table: TableInfo,
  alias: string,
  query: ReadQuery,
  params: Params,
): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const item of query.select) {
    if (item.kind !== 'embed') continue;
    keys.add(item.alias ?? item.relation);
    if (!item.inner) continue;
    const { target, inner, key, join } = embedJoin(catalog, table, alias, item, params);
    const rq = query.embedded[key];
    const conditions = [...join, ...(rq ? whereSql(target, inner, rq.filters, params) : [])];
    out.push(`exists (select 1 from ${qualified(target)} ${inner} where ${conditions.join(' and ')})`);
  }
  for (const key of Object.keys(query.embedded)) {
    if (!keys.has(key)) {
      throw new ApiError(
        400,
        'PGRST108',
        `'${key}' is not an embedded resource in this request`,
        null,
        `Verify that '${key}' is included in the 'select' query parameter.`,
      );
    }
  }
  return out;
}

/** Builds `select json_agg(...)::text as body` over `source` (a table or a CTE) with filters and paging. */
export function readSql(
  catalog: Catalog,
  table: TableInfo,
  source: string,
  query: ReadQuery,
  params: Params,
): { sql: string; countSql: string; countParams: unknown[] } {
  const alias = '_t';
  const list = selectListSql(catalog, table, alias, query.select, params, query.embedded);
  const where = [
    ...whereSql(table, alias, query.filters, params),
    ...innerJoinSql(catalog, table, alias, query, params),
  ];
  const whereClause = where.length ? ` where ${where.join(' and ')}` : '';
  const paging =
    (query.limit !== null ? ` limit ${query.limit}` : '') +
    (query.offset !== null ? ` offset ${query.offset}` : '');
  const inner = `select ${list} from ${source} ${alias}${whereClause}${orderSql(table, alias, query.order)}${paging}`;
  // The count has its own parameters: it repeats the filters but not the select list.
  const countParams = new Params();
  const countWhere = [
    ...whereSql(table, alias, query.filters, countParams),
    ...innerJoinSql(catalog, table, alias, query, countParams),
  ];
  return {
    sql: `select coalesce(json_agg(_r), '[]'::json)::text as body, count(_r) as n from (${inner}) _r`,
    countSql: `select count(*) as total from ${source} ${alias}${countWhere.length ? ` where ${countWhere.join(' and ')}` : ''}`,
    countParams: countParams.values,
  };
}
