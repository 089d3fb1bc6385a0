// Schema cache: tables, columns, keys, foreign keys and functions of the exposed schemas, read from
// pg_catalog once (and again on reload). Every identifier in a request is checked against it.
import type { Pool } from 'pg';
import { ApiError } from './errors.ts';

export interface ColumnInfo {
  name: string;
  type: string; // format_type() output, e.g. 'uuid', 'text[]'
  notNull: boolean;
  hasDefault: boolean;
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface TableInfo {
  schema: string;
  name: string;
  columns: Map<string, ColumnInfo>;
  columnOrder: string[];
  primaryKey: string[];
  insertable: boolean;
}

export interface FunctionArg {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface FunctionInfo {
  schema: string;
  name: string;
  args: FunctionArg[];
  returnType: string;
  returnsSet: boolean;
  returnsComposite: boolean;
  returnsVoid: boolean;
  volatile: boolean;
  variadic: boolean;
}

export class Catalog {
  constructor(
    readonly schemas: readonly string[],
    private readonly tables: Map<string, TableInfo>,
    readonly foreignKeys: ForeignKey[],
    private readonly functions: Map<string, FunctionInfo[]>,
  ) {}

  table(schema: string, name: string): TableInfo {
    const t = this.tables.get(`${schema}.${name}`);
    if (!t) {
      throw new ApiError(
        404,
        'PGRST205',
        `Could not find the table '${schema}.${name}' in the schema cache`,
        null,
        null,
      );
    }
    return t;
  }

  hasTable(schema: string, name: string): boolean {
    return this.tables.has(`${schema}.${name}`);
  }

  functionsNamed(schema: string, name: string): FunctionInfo[] {
    return this.functions.get(`${schema}.${name}`) ?? [];
  }
}

export function column(table: TableInfo, name: string): ColumnInfo {
  const c = table.columns.get(name);
  if (!c) {
    throw new ApiError(400, '42703', `column ${table.name}.${name} does not exist`, null, null);
  }
  return c;
}

const TABLES_SQL = `
select n.nspname as schema, c.relname as name, c.relkind as kind,
       a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
       a.attnotnull as not_null, (a.atthasdef or a.attidentity <> '') as has_default, a.attnum as num
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
 where n.nspname = any($1::text[]) and c.relkind in ('r', 'v', 'm', 'p', 'f')
 order by n.nspname, c.relname, a.attnum`;

const KEYS_SQL = `
select con.conname as name, con.contype as type, n.nspname as schema, c.relname as table,
       array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord)::text[] as columns,
       rn.nspname as ref_schema, rc.relname as ref_table,
       array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord)::text[] as ref_columns
  from pg_constraint con
  join pg_class c on c.oid = con.conrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_class rc on rc.oid = con.confrelid
  left join pg_namespace rn on rn.oid = rc.relnamespace
 where con.contype in ('p', 'f') and n.nspname = any($1::text[])`;

const FUNCTIONS_SQL = `
select n.nspname as schema, p.proname as name, p.pronargs as nargs, p.pronargdefaults as ndefaults,
       coalesce(p.proargnames, '{}')::text[] as arg_names,
       coalesce(p.proargmodes::text[], '{}') as arg_modes,
       array(select format_type(t, null) from unnest(p.proargtypes) t)::text[] as arg_types,
       format_type(p.prorettype, null) as return_type, p.proretset as returns_set,
       (rt.typtype = 'c' or p.prorettype = 'record'::regtype) as returns_composite,
       p.prorettype = 'void'::regtype as returns_void, p.provolatile = 'v' as volatile,
       p.provariadic <> 0 as variadic
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  join pg_type rt on rt.oid = p.prorettype
 where n.nspname = any($1::text[]) and p.prokind = 'f'`;

interface TableRow {
  schema: string;
  name: string;
  kind: string;
  column: string;
  type: string;
  not_null: boolean;
  has_default: boolean;
}
interface KeyRow {
  name: string;
  type: string;
  schema: string;
  table: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
}
interface FunctionRow {
  schema: string;
  name: string;
  nargs: number;
  ndefaults: number;
  arg_names: string[];
  arg_modes: string[];
  arg_types: string[];
  return_type: string;
  returns_set: boolean;
  returns_composite: boolean;
  returns_void: boolean;
  volatile: boolean;
  variadic: boolean;
}

export async function loadCatalog(pool: Pool, schemas: readonly string[]): Promise<Catalog> {
  const [tableRes, keyRes, fnRes] = await Promise.all([
    pool.query<TableRow>(TABLES_SQL, [schemas]),
    pool.query<KeyRow>(KEYS_SQL, [schemas]),
    pool.query<FunctionRow>(FUNCTIONS_SQL, [schemas]),
  ]);
  const tables = new Map<string, TableInfo>();
  for (const row of tableRes.rows) {
    const key = `${row.schema}.${row.name}`;
    let t = tables.get(key);
    if (!t) {
      t = {
        schema: row.schema,
        name: row.name,
        columns: new Map(),
        columnOrder: [],
        primaryKey: [],
        insertable: row.kind === 'r' || row.kind === 'p',
      };
      tables.set(key, t);
    }
    t.columns.set(row.column, {
      name: row.column,
      type: row.type,
      notNull: row.not_null,
      hasDefault: row.has_default,
    });
    t.columnOrder.push(row.column);
  }
  const foreignKeys: ForeignKey[] = [];
  for (const row of keyRes.rows) {
    if (row.type === 'p') {
      const t = tables.get(`${row.schema}.${row.table}`);
      if (t) t.primaryKey = row.columns;
    } else if (row.ref_schema !== null && row.ref_table !== null) {
      foreignKeys.push({
        name: row.name,
        schema: row.schema,
        table: row.table,
        columns: row.columns,
        refSchema: row.ref_schema,
        refTable: row.ref_table,
        refColumns: row.ref_columns,
      });
    }
  }
  const functions = new Map<string, FunctionInfo[]>();
  for (const row of fnRes.rows) {
    // Functions with OUT/INOUT/TABLE arguments are listed by argument modes; keep only IN args.
    const inputNames = row.arg_modes.length
      ? row.arg_names.filter(
          (_, i) => row.arg_modes[i] === 'i' || row.arg_modes[i] === 'b' || row.arg_modes[i] === 'v',
        )
      : row.arg_names;
    const firstDefault = row.nargs - row.ndefaults;
    const args = row.arg_types.map((type, i) => ({
      name: inputNames[i] ?? '',
      type,
      hasDefault: i >= firstDefault,
    }));
    const info: FunctionInfo = {
      schema: row.schema,
      name: row.name,
      args,
      returnType: row.return_type,
      returnsSet: row.returns_set,
      returnsComposite: row.returns_composite,
      returnsVoid: row.returns_void,
      volatile: row.volatile,
      variadic: row.variadic,
    };
    const key = `${row.schema}.${row.name}`;
    functions.set(key, [...(functions.get(key) ?? []), info]);
  }
  return new Catalog(schemas, tables, foreignKeys, functions);
}
