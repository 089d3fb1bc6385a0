// Turns a PostgREST URL query string and headers into a ReadQuery and request preferences.
import { ApiError, parseError, unsupported } from './errors.ts';
import {
  parseCondition,
  parseLogicTree,
  parseNonNegativeInt,
  parseOrder,
  splitTopLevel,
} from './parse-filters.ts';
import { parseSelect } from './parse-select.ts';
import type { ReadQuery, ResourceQuery, WriteParams } from './query-types.ts';

const MAX_QUERY_PARAMS = 100;

export interface Preferences {
  returnMode: 'minimal' | 'representation' | 'headers-only' | null;
  count: 'exact' | null;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
  missingDefault: boolean;
}

export interface AcceptMode {
  single: boolean;
}

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = { returnMode: null, count: null, resolution: null, missingDefault: false };
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const item of raw.split(',')) {
    const pref = item.trim();
    if (pref === '') continue;
    const [key, value] = pref.split('=').map((s) => s.trim());
    if (key === 'return' && (value === 'minimal' || value === 'representation' || value === 'headers-only')) {
      prefs.returnMode = value;
    } else if (key === 'count' && value === 'exact') prefs.count = 'exact';
    else if (key === 'count') throw unsupported(`Prefer: count=${value ?? ''} (only count=exact)`);
    else if (key === 'resolution' && (value === 'merge-duplicates' || value === 'ignore-duplicates')) {
      prefs.resolution = value;
    } else if (key === 'missing' && value === 'default') prefs.missingDefault = true;
    else if (key === 'missing' && value === 'null') prefs.missingDefault = false;
    else if (key === 'tx' || key === 'handling' || key === 'max-affected' || key === 'timezone') {
      throw unsupported(`Prefer: ${pref}`);
    }
    // Unknown preferences are ignored, as PostgREST does with handling=lenient.
  }
  return prefs;
}

export function parseAccept(header: string | undefined): AcceptMode {
  const accept = (header ?? '').trim().toLowerCase();
  if (accept === '' || accept === '*/*') return { single: false };
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim());
  const params = accept.includes('nulls=stripped');
  if (params) throw unsupported('Accept: ...;nulls=stripped');
  if (types.includes('application/vnd.pgrst.object+json') || types.includes('application/vnd.pgrst.object')) {
    return { single: true };
  }
  if (
    types.some((t) => t === 'application/json' || t === 'application/vnd.pgrst.array+json' || t === '*/*')
  ) {
    return { single: false };
  }
  if (types.includes('text/csv')) throw unsupported('Accept: text/csv');
  if (types.some((t) => t.startsWith('application/vnd.pgrst.plan'))) throw unsupported('EXPLAIN plans');
  if (types.includes('application/geo+json')) throw unsupported('Accept: application/geo+json');
  throw new ApiError(406, 'PGRST107', `None of these media types are available: ${accept}`);
}

/** `Range: 0-9` (items) → offset/limit. */
export function parseRange(header: string | undefined): { offset: number; limit: number | null } | null {
  if (header === undefined || header.trim() === '') return null;
  const m = /^(?:items=)?\s*(\d{1,9})-(\d{0,9})\s*$/.exec(header.trim());
  if (!m)
    throw new ApiError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      `Invalid Range header "${header}"`,
    );
  const from = Number(m[1]);
  if (m[2] === '') return { offset: from, limit: null };
  const to = Number(m[2]);
  if (to < from) throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable');
  return { offset: from, limit: to - from + 1 };
}

export function parseProfile(header: string | undefined, allowed: readonly string[]): string {
  const schema = header?.trim() || allowed[0]!;
  if (!allowed.includes(schema)) {
    throw new ApiError(406, 'PGRST106', `The schema must be one of the following: ${allowed.join(', ')}`);
  }
  return schema;
}

export interface ParsedQuery extends ReadQuery, WriteParams {}

function unquoteName(name: string): string {
  return name.startsWith('"') && name.endsWith('"') && name.length > 2 ? name.slice(1, -1) : name;
}

function emptyResource(): ResourceQuery {
  return { filters: [], order: [], limit: null, offset: null };
}

/** Parses the query string of a table request. Unknown keys are column filters; `rel.x` keys address an embed. */
export function parseQueryString(search: URLSearchParams): ParsedQuery {
  const query: ParsedQuery = {
    select: [{ kind: 'star' }],
    ...emptyResource(),
    embedded: {},
    columns: null,
    onConflict: null,
  };
  let count = 0;
  for (const [fullKey, value] of search) {
    if (++count > MAX_QUERY_PARAMS) throw parseError(`more than ${MAX_QUERY_PARAMS} query parameters`);
    if (fullKey === 'select') {
      query.select = parseSelect(value);
      continue;
    }
    if (fullKey === 'columns' || fullKey === 'on_conflict') {
      const names = splitTopLevel(value).map((c) => unquoteName(c.trim()));
      if (fullKey === 'columns') query.columns = names;
      else query.onConflict = names;
      continue;
    }
    if (fullKey.includes('->')) throw unsupported('JSON path filters (->, ->>)');
    const dot = fullKey.indexOf('.');
    const embedded = dot > 0 && !fullKey.startsWith('not.');
    const key = embedded ? fullKey.slice(dot + 1) : fullKey;
    let target: ResourceQuery = query;
    if (embedded) {
      const name = fullKey.slice(0, dot);
      if (key.includes('.') && !key.startsWith('not.'))
        throw unsupported(`nested embedded resources ("${fullKey}")`);
      target = query.embedded[name] ??= emptyResource();
    }
    applyParam(target, key, value);
  }
  return query;
}

function applyParam(target: ResourceQuery, key: string, value: string): void {
  switch (key) {
    case 'order':
      target.order = parseOrder(value);
      return;
    case 'limit':
      target.limit = parseNonNegativeInt('limit', value);
      return;
    case 'offset':
      target.offset = parseNonNegativeInt('offset', value);
      return;
    case 'or':
    case 'and':
    case 'not.or':
    case 'not.and':
      target.filters.push(parseLogicTree(key.endsWith('or') ? 'or' : 'and', key.startsWith('not.'), value));
      return;
    default:
      if (key === '') throw parseError('empty query parameter name');
      target.filters.push(parseCondition(key, value, false));
  }
}
