// Malformed and hostile requests: 4xx in PostgREST's error shape, and the database is unchanged.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;
let alice: Awaited<ReturnType<TestStandIn['signUp']>>;
let snapshot: string;

async function dbSnapshot(): Promise<string> {
  const { rows } = await s.admin.query(`
    select json_build_object(
      'rotations', (select coalesce(json_agg(r order by r.id), '[]') from (select id, name, script, description, is_public, updated_at from rotations) r),
      'jobs', (select count(*) from jobs), 'users', (select count(*) from auth.users),
      'tables', (select count(*) from pg_tables where schemaname in ('public', 'game'))) as s`);
  return JSON.stringify(rows[0].s);
}

async function req(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      apikey: s.anonKey,
      authorization: `Bearer ${alice.accessToken}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

function expectPostgrestError(body: Record<string, unknown> | null, code: string | RegExp): void {
  expect(body).not.toBeNull();
  expect(Object.keys(body!).sort()).toEqual(['code', 'details', 'hint', 'message']);
  if (typeof code === 'string') expect(body!.code).toBe(code);
  else expect(String(body!.code)).toMatch(code);
}

beforeAll(async () => {
  s = await startTestStandIn({ bodyLimit: 64 * 1024 });
  alice = await s.signUp('alice');
  const ins = await alice.client.from('rotations').insert([
    { name: 'Keep me', spec: 'bm-hunter', script: 'actions=kill_command', is_public: true },
    { name: 'Keep me too', spec: 'mm-hunter', script: 'actions=aimed_shot', is_public: false },
  ]);
  expect(ins.error).toBeNull();
  snapshot = await dbSnapshot();
});
afterAll(async () => {
  expect(await dbSnapshot()).toBe(snapshot); // nothing in this file changed anything
  await s.stop();
});

describe('syntax errors are 400 PGRST100', () => {
  test.each([
    ['/rest/v1/rotations?name=zz.1', 'unknown operator'],
    ['/rest/v1/rotations?name=eq', 'operator.value'],
    ['/rest/v1/rotations?or=(name.eq.a', 'logic tree'],
    ['/rest/v1/rotations?or=name.eq.a', 'logic tree'],
    ['/rest/v1/rotations?select=id,(name', 'select'],
    ['/rest/v1/rotations?order=name.sideways', 'order'],
    ['/rest/v1/rotations?limit=ten', 'limit'],
    ['/rest/v1/rotations?spec=in.bm-hunter', 'in.'],
  ])('GET %s', async (path, words) => {
    const res = await req('GET', path);
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, 'PGRST100');
    expect(`${res.body!.message} ${res.body!.details}`).toContain(words);
  });
});

describe('unknown names are rejected before any SQL is built', () => {
  test('unknown table is 404 PGRST205', async () => {
    const res = await req('GET', '/rest/v1/no_such_table?select=*');
    expect(res.status).toBe(404);
    expectPostgrestError(res.body, 'PGRST205');
  });

  test.each([
    '/rest/v1/rotations?select=id,nope',
    '/rest/v1/rotations?nope=eq.1',
    '/rest/v1/rotations?order=nope.desc',
    '/rest/v1/rotations?or=(nope.eq.1,name.eq.x)',
  ])('unknown column: GET %s is 400 42703', async (path) => {
    const res = await req('GET', path);
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, '42703');
  });

  test('unknown column in a write body is 400 PGRST204', async () => {
    const res = await req(
      'POST',
      '/rest/v1/rotations',
      JSON.stringify({ name: 'x', spec: 'bm-hunter', script: 'a', evil: 1 }),
    );
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, 'PGRST204');
  });

  test('an embed without a foreign key is 400 PGRST200', async () => {
    const res = await req('GET', '/rest/v1/rotations?select=*,jobs(*)');
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, 'PGRST200');
  });
});

describe('injection attempts', () => {
  test.each([
    ['/rest/v1/rotations;drop%20table%20rotations?select=*', 404],
    ['/rest/v1/rotations?select=id;drop%20table%20rotations', 400],
    ['/rest/v1/rotations?select=id::text;drop%20table%20rotations', 400],
    ['/rest/v1/rotations?select=%22id%22%22;drop%20table%20rotations;--%22', 400],
    ['/rest/v1/rotations?%22name%22%22%20or%201=1;--=eq.x', 400],
    ['/rest/v1/rotations?order=name;delete%20from%20rotations', 400],
  ])('hostile name %s → %i', async (path, status) => {
    const res = await req('GET', path);
    expect(res.status).toBe(status);
    expectPostgrestError(res.body, /^(PGRST\d+|42703)$/);
  });

  test('a hostile function name is 404 PGRST202', async () => {
    const res = await req('POST', '/rest/v1/rpc/create_job;drop%20table%20jobs', '{}');
    expect(res.status).toBe(404);
    expectPostgrestError(res.body, 'PGRST202');
  });

  test('hostile values are bound parameters: they match nothing and run nothing', async () => {
    for (const v of ["' or '1'='1", "x'); delete from rotations; --", "%' or 1=1 --", '1; drop table jobs']) {
      const q = encodeURIComponent(v);
      const eq = await req('GET', `/rest/v1/rotations?select=id&name=eq.${q}`);
      expect(eq).toEqual({ status: 200, body: [] } as never);
      const like = await req('GET', `/rest/v1/rotations?select=id&name=ilike.${q}`);
      expect(like.status).toBe(200);
      const inList = await req(
        'GET',
        `/rest/v1/rotations?select=id&name=in.(${encodeURIComponent(`"${v}"`)})`,
      );
      expect(inList).toEqual({ status: 200, body: [] } as never);
    }
  });

  test('a value of the wrong type is 400 22P02, not a crash', async () => {
    const res = await req('GET', '/rest/v1/rotations?id=eq.not-a-uuid');
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, '22P02');
  });
});

describe('bodies', () => {
  test('invalid JSON is 400 PGRST102', async () => {
    const res = await req('POST', '/rest/v1/rotations', '{"name": ');
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, 'PGRST102');
  });

  test('a PATCH with an array body is 400 PGRST102', async () => {
    const res = await req('PATCH', '/rest/v1/rotations?name=eq.Keep%20me', JSON.stringify([{ name: 'x' }]));
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, 'PGRST102');
  });

  test('a body over the limit is 413 in the PostgREST shape', async () => {
    const big = JSON.stringify({ name: 'big', spec: 'bm-hunter', script: 'x'.repeat(70 * 1024) });
    const res = await req('POST', '/rest/v1/rotations', big);
    expect(res.status).toBe(413);
    expectPostgrestError(res.body, 'PGRST413');
  });

  test('a check-constraint violation is 400 23514 and nothing is written', async () => {
    const res = await req(
      'POST',
      '/rest/v1/rotations',
      JSON.stringify({ name: 'x', spec: 'warrior', script: 'a' }),
    );
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, '23514');
  });

  test('single() on a write touching 2 rows is 406 and the write is rolled back', async () => {
    const res = await alice.client
      .from('rotations')
      .update({ description: 'changed' })
      .eq('user_id', alice.userId)
      .select()
      .single();
    expect(res.status).toBe(406);
    expect(res.error!.code).toBe('PGRST116');
  });
});

describe('outside the subset: 501 naming the feature', () => {
  test.each([
    ['GET', '/rest/v1/rotations?select=id', { accept: 'text/csv' }, 'text/csv'],
    ['GET', '/rest/v1/rotations?name=fts.beast', {}, 'fts'],
    ['GET', '/rest/v1/user_profiles?select=*,rotations(*,rotations_versions(*))', {}, 'nested embedding'],
    ['GET', '/rest/v1/rotations?select=id&a.b.version=eq.1', {}, 'nested embedded'],
    ['GET', '/rest/v1/rpc/create_job', {}, 'GET'],
    ['PUT', '/rest/v1/rotations?id=eq.1', {}, 'PUT'],
    ['GET', '/storage/v1/object/list', {}, 'storage'],
    ['GET', '/rest/v1/rotations?select=id', { prefer: 'tx=rollback' }, 'tx=rollback'],
  ])('%s %s', async (method, path, headers, words) => {
    const res = await req(method, path, undefined, headers as Record<string, string>);
    expect(res.status).toBe(501);
    expectPostgrestError(res.body, 'PGRST127');
    expect(res.body!.message).toContain(words);
  });
});

describe('deeply nested JSON', () => {
  test('a config nested 5,000 levels deep is a 400, not a 500, and creates nothing', async () => {
    const before = await dbSnapshot();
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const res = await req('POST', '/rest/v1/rpc/create_job', `{"config":${deep},"iterations":1000}`);
    expect(res.status).toBe(400);
    expectPostgrestError(res.body, 'PGRST102');
    expect(res.body!.message).toMatch(/nested more than 256 levels/);
    expect(await dbSnapshot()).toBe(before);
  });

  test('brackets inside strings do not count as nesting', async () => {
    const { jsonTooDeep } = await import('../src/json-depth.ts');
    expect(jsonTooDeep(JSON.stringify({ s: '{'.repeat(1000) + '\\"[' }))).toBe(false);
    expect(jsonTooDeep('['.repeat(257) + ']'.repeat(257))).toBe(true);
    expect(jsonTooDeep('['.repeat(256) + ']'.repeat(256))).toBe(false);
  });
});
