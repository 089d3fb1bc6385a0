import { describe, expect, test } from 'vitest';
import { ApiError, statusForSqlState, toApiError } from '../src/rest/errors.ts';
import { parseLogicTree, splitTopLevel } from '../src/rest/parse-filters.ts';
import { parseAccept, parsePrefer, parseQueryString, parseRange } from '../src/rest/parse-request.ts';
import { parseSelect } from '../src/rest/parse-select.ts';

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('select parser', () => {
  test('parses columns, aliases, casts and one level of embedding', () => {
    expect(
      parseSelect('id,label:name,seed::text,nodes_permissions(*),owner:user_profiles!inner(handle)'),
    ).toEqual([
      { kind: 'column', name: 'id', alias: null, cast: null },
      { kind: 'column', name: 'name', alias: 'label', cast: null },
      { kind: 'column', name: 'seed', alias: null, cast: 'text' },
      {
        kind: 'embed',
        relation: 'nodes_permissions',
        alias: null,
        hint: null,
        inner: false,
        select: [{ kind: 'star' }],
      },
      {
        kind: 'embed',
        relation: 'user_profiles',
        alias: 'owner',
        hint: null,
        inner: true,
        select: [{ kind: 'column', name: 'handle', alias: null, cast: null }],
      },
    ]);
  });

  test('an empty or missing select is *', () => {
    expect(parseSelect(null)).toEqual([{ kind: 'star' }]);
    expect(parseSelect('')).toEqual([{ kind: 'star' }]);
  });

  test('quoted names keep their characters, whitespace outside quotes is ignored', () => {
    expect(parseSelect(' "odd name" , id ')).toEqual([
      { kind: 'column', name: 'odd name', alias: null, cast: null },
      { kind: 'column', name: 'id', alias: null, cast: null },
    ]);
  });

  test('rejects syntax errors with PGRST100 and unknown casts', () => {
    expect(apiError(() => parseSelect('id,(name')).code).toBe('PGRST100');
    expect(apiError(() => parseSelect('rel(id')).code).toBe('PGRST100');
    expect(apiError(() => parseSelect('id::text;drop table jobs')).code).toBe('PGRST100');
    expect(apiError(() => parseSelect('id::regclass')).message).toContain('unsupported cast');
  });

  test('features outside the subset are 501 naming the feature', () => {
    const nested = apiError(() => parseSelect('a(b(*))'));
    expect(nested.status).toBe(501);
    expect(nested.message).toContain('nested embedding');
    expect(apiError(() => parseSelect('data->>key')).message).toContain('JSON path');
    expect(apiError(() => parseSelect('...rel(*)')).message).toContain('spread');
    expect(apiError(() => parseSelect('id.count()')).message).toContain('aggregate');
  });
});

describe('filter parser', () => {
  test('column filters with not., in lists and quoted values', () => {
    const q = parseQueryString(new URLSearchParams('a=eq.1&b=not.in.(x,"y,z")&c=is.null&d=ilike.*war*'));
    expect(q.filters).toEqual([
      { kind: 'cond', column: 'a', op: 'eq', negate: false, value: '1' },
      { kind: 'cond', column: 'b', op: 'in', negate: true, value: ['x', 'y,z'] },
      { kind: 'cond', column: 'c', op: 'is', negate: false, value: 'null' },
      { kind: 'cond', column: 'd', op: 'ilike', negate: false, value: '*war*' },
    ]);
  });

  test('or= logic trees nest and(...) and keep in-lists whole', () => {
    expect(parseLogicTree('or', false, '(is_public.eq.true,and(user_id.eq.u1,spec.in.(a,b)))')).toEqual({
      kind: 'logic',
      op: 'or',
      negate: false,
      children: [
        { kind: 'cond', column: 'is_public', op: 'eq', negate: false, value: 'true' },
        {
          kind: 'logic',
          op: 'and',
          negate: false,
          children: [
            { kind: 'cond', column: 'user_id', op: 'eq', negate: false, value: 'u1' },
            { kind: 'cond', column: 'spec', op: 'in', negate: false, value: ['a', 'b'] },
          ],
        },
      ],
    });
  });

  test('order, limit and offset', () => {
    const q = parseQueryString(new URLSearchParams('order=created_at.desc.nullslast,id&limit=50&offset=10'));
    expect(q.order).toEqual([
      { column: 'created_at', direction: 'desc', nulls: 'last' },
      { column: 'id', direction: null, nulls: null },
    ]);
    expect([q.limit, q.offset]).toEqual([50, 10]);
  });

  test('bad syntax is PGRST100; known but unsupported operators are 501', () => {
    for (const bad of [
      'a=eq',
      'a=zz.1',
      'a=in.1,2',
      'a=is.maybe',
      'or=(a.eq.1',
      'or=a.eq.1',
      'limit=-1',
      'order=id.sideways',
    ]) {
      const [k, v] = bad.split(/=(.*)/s) as [string, string];
      const err = apiError(() => parseQueryString(new URLSearchParams([[k, v]])));
      expect([bad, err.status, err.code]).toEqual([bad, 400, 'PGRST100']);
    }
    expect(apiError(() => parseQueryString(new URLSearchParams('period=sl.[1,2]'))).status).toBe(501);
    expect(apiError(() => parseQueryString(new URLSearchParams('name=like(any).{a,b}'))).status).toBe(501);
    expect(apiError(() => parseQueryString(new URLSearchParams('a.b.name=eq.x'))).status).toBe(501);
    expect(parseQueryString(new URLSearchParams('perms.access_type=eq.user&perms.limit=2')).embedded).toEqual(
      {
        perms: {
          filters: [{ kind: 'cond', column: 'access_type', op: 'eq', negate: false, value: 'user' }],
          order: [],
          limit: 2,
          offset: null,
        },
      },
    );
  });

  test('splitTopLevel honours parentheses and quotes', () => {
    expect(splitTopLevel('a,b(c,d),"e,f"')).toEqual(['a', 'b(c,d)', '"e,f"']);
    expect(apiError(() => splitTopLevel('a,(b')).code).toBe('PGRST100');
  });
});

describe('headers', () => {
  test('Prefer combines several values', () => {
    expect(parsePrefer('return=representation, count=exact,resolution=merge-duplicates')).toEqual({
      returnMode: 'representation',
      count: 'exact',
      resolution: 'merge-duplicates',
      missingDefault: false,
    });
    expect(apiError(() => parsePrefer('count=planned')).status).toBe(501);
    expect(apiError(() => parsePrefer('tx=rollback')).status).toBe(501);
  });

  test('Accept picks the single-object mode; unknown media types are 406', () => {
    expect(parseAccept('application/vnd.pgrst.object+json').single).toBe(true);
    expect(parseAccept('application/json').single).toBe(false);
    expect(parseAccept(undefined).single).toBe(false);
    expect(apiError(() => parseAccept('text/csv')).status).toBe(501);
    expect(apiError(() => parseAccept('image/png')).status).toBe(406);
  });

  test('Range header', () => {
    expect(parseRange('0-9')).toEqual({ offset: 0, limit: 10 });
    expect(parseRange('5-')).toEqual({ offset: 5, limit: null });
    expect(parseRange(undefined)).toBeNull();
    expect(apiError(() => parseRange('9-0')).status).toBe(416);
  });
});

describe('SQLSTATE to HTTP status, as PostgREST maps it', () => {
  test.each([
    ['23505', false, 409],
    ['23503', false, 409],
    ['23502', false, 400],
    ['42501', true, 401],
    ['42501', false, 403],
    ['42P01', false, 404],
    ['42883', false, 404],
    ['P0001', false, 400],
    ['P0002', false, 500],
    ['PT429', false, 429],
    ['25006', false, 405],
    ['53300', false, 503],
    ['22P02', false, 400],
    ['XX000', false, 500],
  ])('%s (anonymous %s) → %i', (code, anon, status) => {
    expect(statusForSqlState(code, anon)).toBe(status);
  });
});

describe('errors that are not Postgres errors', () => {
  test('a lost database connection is 503 PGRST001; anything else 500 without internals', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toApiError(refused, true).toBody()).toEqual({
      code: 'PGRST001',
      message: 'Could not connect with the database',
      details: null,
      hint: null,
    });
    expect(toApiError(new Error('Connection terminated unexpectedly'), false).status).toBe(503);
    const other = toApiError(new TypeError('secret internal detail'), false);
    expect([other.status, other.code]).toEqual([500, 'PGRST000']);
    expect(other.message).not.toContain('secret');
  });
});
