// The parsed form of a PostgREST request: what to select, how to filter, order and page.

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'column'; name: string; alias: string | null; cast: string | null }
  | {
      kind: 'embed';
      relation: string;
      alias: string | null;
      hint: string | null;
      inner: boolean;
      select: SelectItem[];
    };

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'like'
  | 'ilike'
  | 'match'
  | 'imatch'
  | 'in'
  | 'is'
  | 'isdistinct'
  | 'cs'
  | 'cd'
  | 'ov';

export type Filter =
  | { kind: 'cond'; column: string; op: FilterOp; negate: boolean; value: string | string[] }
  | { kind: 'logic'; op: 'and' | 'or'; negate: boolean; children: Filter[] };

export interface OrderTerm {
  column: string;
  direction: 'asc' | 'desc' | null;
  nulls: 'first' | 'last' | null;
}

/** Filters, order and paging of one resource (the top-level table or one embedded relation). */
export interface ResourceQuery {
  filters: Filter[];
  order: OrderTerm[];
  limit: number | null;
  offset: number | null;
}

export interface ReadQuery extends ResourceQuery {
  select: SelectItem[];
  /** Keyed by the embed's alias or relation name, as written in `select=`. */
  embedded: Record<string, ResourceQuery>;
}

export interface WriteParams {
  columns: string[] | null;
  onConflict: string[] | null;
}
