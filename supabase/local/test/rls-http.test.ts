// RLS through HTTP with real tokens: other users' private jobs stay invisible, anon cannot write,
// forged / expired / tampered tokens and bad API keys are 401 in PostgREST's error shape.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signJwt } from '../src/auth/jwt.ts';
import { simConfig } from './fixtures.ts';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;
let alice: Awaited<ReturnType<TestStandIn['signUp']>>;
let bob: Awaited<ReturnType<TestStandIn['signUp']>>;
let privateJob: string;
let publicJob: string;

async function raw(path: string, init: RequestInit & { token?: string; apikey?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.apikey !== null) headers.set('apikey', init.apikey ?? s.anonKey);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const res = await fetch(`${s.url}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

beforeAll(async () => {
  s = await startTestStandIn();
  alice = await s.signUp('alice');
  bob = await s.signUp('bob');
  privateJob = (await alice.client.rpc('create_job', { config: simConfig('p'), iterations: 10 }))
    .data as string;
  publicJob = (
    await alice.client.rpc('create_job', { config: simConfig('q'), iterations: 10, access_type: 'public' })
  ).data as string;
});
afterAll(async () => {
  await s.stop();
});

describe('row level security decides, per role from the JWT', () => {
  test('user B never sees user A’s private jobs (list, single, count, configs, chunks)', async () => {
    const list = await bob.client.from('jobs').select('id', { count: 'exact' });
    expect(list.data).toEqual([{ id: publicJob }]);
    expect(list.count).toBe(1);
    const single = await bob.client.from('jobs').select('*').eq('id', privateJob).single();
    expect(single.status).toBe(406);
    const chunks = await bob.client.from('jobs_chunks').select('id').eq('job_id', privateJob);
    expect(chunks.data).toEqual([]);
    const mine = await alice.client.from('jobs').select('id').order('created_at');
    expect(mine.data).toEqual([{ id: privateJob }, { id: publicJob }]);
  });

  test('anon sees public jobs only and cannot write anything', async () => {
    const anon = s.client();
    const jobs = await anon.from('jobs').select('id');
    expect(jobs.data).toEqual([{ id: publicJob }]);
    const insert = await anon
      .from('rotations')
      .insert({ name: 'anon', spec: 'bm-hunter', script: 'actions=x' });
    expect(insert.status).toBe(401);
    expect(insert.error).toMatchObject({ code: '42501' });
    const update = await anon.from('jobs').update({ status: 'cancelled' }).eq('id', publicJob);
    expect(update.status).toBe(401);
    const del = await anon.from('jobs').delete().eq('id', publicJob);
    expect(del.status).toBe(401);
    const rpc = await anon.rpc('claim_node', { code: 'x', name: 'y', max_parallel: 1 });
    expect(rpc.status).toBe(401);
    const { rows } = await s.admin.query(
      `select (select count(*) from rotations)::int as rotations, (select status from jobs where id = $1) as status`,
      [publicJob],
    );
    expect(rows[0]).toEqual({ rotations: 0, status: 'pending' });
  });

  test('a user cannot update a job directly (no grant): 403, unchanged', async () => {
    const res = await alice.client.from('jobs').update({ status: 'completed' }).eq('id', privateJob);
    expect(res.status).toBe(403);
    const { rows } = await s.admin.query('select status from jobs where id = $1', [privateJob]);
    expect(rows[0].status).toBe('pending');
  });

  test('the service_role key bypasses RLS', async () => {
    const service = s.client(s.serviceKey);
    const res = await service.from('jobs').select('id').order('created_at');
    expect(res.data).toEqual([{ id: privateJob }, { id: publicJob }]);
  });

  test('request.jwt.claims carries the token’s claims into Postgres', async () => {
    const res = await alice.client.from('jobs').select('user_id').eq('id', privateJob).single();
    expect(res.data).toEqual({ user_id: claimsOf(alice.accessToken).sub });
  });
});

describe('each request: one transaction, SET LOCAL ROLE and claims from its own JWT', () => {
  test('current_user and request.jwt.claims follow the token, and never leak to the next request', async () => {
    await s.admin.query(`
      create function public.whoami() returns json language sql volatile as $$
        select json_build_object('role', current_user, 'sub', auth.uid(),
                                 'claims_role', current_setting('request.jwt.claims', true)::json ->> 'role',
                                 'xact', pg_current_xact_id()::text)
      $$;
      grant execute on function public.whoami() to anon, authenticated, service_role;`);
    await s.reloadSchema();
    const callers = [
      { c: s.client(), role: 'anon', sub: null },
      { c: alice.client, role: 'authenticated', sub: alice.userId },
      { c: s.client(s.serviceKey), role: 'service_role', sub: null },
      { c: bob.client, role: 'authenticated', sub: bob.userId },
    ];
    const xacts = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(callers.map(({ c }) => c.rpc('whoami')));
      results.forEach((r, i) => {
        expect(r.error).toBeNull();
        expect(r.data).toMatchObject({
          role: callers[i]!.role,
          sub: callers[i]!.sub,
          claims_role: callers[i]!.role,
        });
        xacts.add((r.data as { xact: string }).xact);
      });
    }
    expect(xacts.size).toBe(20); // one transaction per request
    const { rows } = await s.admin.query(`select current_user as u`);
    expect(rows[0].u).toBe('postgres');
  });
});

describe('tokens and keys', () => {
  test('a token signed with another secret is 401 PGRST301', async () => {
    const forged = signJwt({ ...claimsOf(alice.accessToken) }, 'not-the-secret-not-the-secret-000');
    const res = await raw(`/rest/v1/jobs?select=id`, { token: forged });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'PGRST301', details: null, hint: null });
  });

  test('a tampered payload (role escalated to service_role) is 401', async () => {
    const [h, , sig] = alice.accessToken.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...claimsOf(alice.accessToken), role: 'service_role' }),
    ).toString('base64url');
    const res = await raw(`/rest/v1/jobs?select=id`, { token: `${h}.${payload}.${sig}` });
    expect(res.status).toBe(401);
  });

  test('an expired token is 401 PGRST303 "JWT expired"', async () => {
    const expired = signJwt(
      { ...claimsOf(alice.accessToken), exp: Math.floor(Date.now() / 1000) - 5 },
      s.jwtSecret,
    );
    const res = await raw(`/rest/v1/jobs?select=id`, { token: expired });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
  });

  test('alg=none and a role outside anon/authenticated/service_role are rejected', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ role: 'service_role' }),
    ).toString('base64url')}.`;
    expect((await raw(`/rest/v1/jobs?select=id`, { token: none })).status).toBe(401);
    const superuser = signJwt({ role: 'postgres', exp: Math.floor(Date.now() / 1000) + 60 }, s.jwtSecret);
    const res = await raw(`/rest/v1/jobs?select=id`, { token: superuser });
    expect(res.status).toBe(401);
    expect(String(res.body!.message)).toContain('not one of anon, authenticated, service_role');
  });

  test('a missing or wrong apikey is 401', async () => {
    expect((await raw(`/rest/v1/jobs?select=id`, { apikey: null })).status).toBe(401);
    const wrong = await raw(`/rest/v1/jobs?select=id`, { apikey: 'abc.def.ghi' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ message: 'Invalid API key' });
    const userTokenAsKey = await raw(`/rest/v1/jobs?select=id`, { apikey: alice.accessToken });
    expect(userTokenAsKey.status).toBe(401);
  });
});
