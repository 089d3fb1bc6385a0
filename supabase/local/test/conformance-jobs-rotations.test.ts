// Section B of the seed map through the real supabase-js client: jobs (incl. create_job RPC) and rotations.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simConfig } from './fixtures.ts';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;
let alice: Awaited<ReturnType<TestStandIn['signUp']>>;
let bob: Awaited<ReturnType<TestStandIn['signUp']>>;

beforeAll(async () => {
  s = await startTestStandIn();
  alice = await s.signUp('alice');
  bob = await s.signUp('bob');
});
afterAll(async () => {
  await s.stop();
});

describe('jobs', () => {
  let firstJob: string;
  let secondJob: string;

  test('rpc create_job returns the new job id and splits it into chunks', async () => {
    const r1 = await alice.client.rpc('create_job', { config: simConfig('one'), iterations: 2500 });
    expect(r1.error).toBeNull();
    expect(r1.status).toBe(200);
    expect(r1.data).toMatch(/^[0-9a-f-]{36}$/);
    firstJob = r1.data as string;
    const r2 = await alice.client.rpc('create_job', { config: simConfig('two'), iterations: 1000, seed: 42 });
    expect(r2.error).toBeNull();
    secondJob = r2.data as string;
    const chunks = await s.admin.query(
      'select iterations, seed_offset from jobs_chunks where job_id = $1 order by seed_offset',
      [firstJob],
    );
    expect(chunks.rows).toEqual([
      { iterations: 1000, seed_offset: 0 },
      { iterations: 1000, seed_offset: 1000 },
      { iterations: 500, seed_offset: 2000 },
    ]);
  });

  test('useJob: jobs where id = ? (single)', async () => {
    const { data, error, status } = await alice.client.from('jobs').select('*').eq('id', firstJob).single();
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toMatchObject({
      id: firstJob,
      user_id: alice.userId,
      total_iterations: 2500,
      chunks_total: 3,
      status: 'pending',
    });
    const seeded = await alice.client.from('jobs').select('seed').eq('id', secondJob).single();
    expect(seeded.data).toEqual({ seed: 42 });
  });

  test('useUserJobs: jobs where user_id = ? order by created_at desc limit 50', async () => {
    const { data, error } = await alice.client
      .from('jobs')
      .select('id, status, created_at')
      .eq('user_id', alice.userId)
      .order('created_at', { ascending: false })
      .limit(50);
    expect(error).toBeNull();
    expect(data!.map((j) => j.id)).toEqual([secondJob, firstJob]);
  });

  test('count=exact with a range returns Content-Range totals (206 when partial)', async () => {
    const res = await alice.client
      .from('jobs')
      .select('id', { count: 'exact' })
      .order('created_at')
      .range(0, 0);
    expect(res.error).toBeNull();
    expect(res.count).toBe(2);
    expect(res.status).toBe(206);
    expect(res.data).toEqual([{ id: firstJob }]);
    const head = await alice.client.from('jobs').select('*', { count: 'exact', head: true });
    expect(head.count).toBe(2);
    expect(head.data).toBeNull();
  });

  test('single() on a job the caller cannot see is 406 PGRST116', async () => {
    const res = await bob.client.from('jobs').select('*').eq('id', firstJob).single();
    expect(res.status).toBe(406);
    expect(res.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 0 rows' });
    const maybe = await bob.client.from('jobs').select('*').eq('id', firstJob).maybeSingle();
    expect(maybe.error).toBeNull();
    expect(maybe.data).toBeNull();
  });

  test('create_job rejections keep their SQLSTATE and PostgREST status', async () => {
    const bad = await alice.client.rpc('create_job', { config: simConfig('x'), iterations: 0 });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ code: '22023' });
    expect(bad.error!.message).toContain('iterations must be between 1 and 1000000');
    const anon = await s.client().rpc('create_job', { config: simConfig('x'), iterations: 10 });
    expect(anon.status).toBe(401);
    expect(anon.error!.code).toBe('42501');
    const unknownArg = await alice.client.rpc('create_job', {
      config: simConfig('x'),
      iterations: 10,
      colour: 'red',
    });
    expect(unknownArg.status).toBe(404);
    expect(unknownArg.error!.code).toBe('PGRST202');
  });
});

describe('rotations', () => {
  let rotationId: string;
  const script = 'actions=kill_command\nactions+=/barbed_shot';

  test('useSaveRotation: insert ... returning *', async () => {
    const { data, error, status } = await alice.client
      .from('rotations')
      .insert({ name: 'Alpha Beast Cleave', spec: 'bm-hunter', script, description: 'aoe', is_public: true })
      .select()
      .single();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toMatchObject({
      name: 'Alpha Beast Cleave',
      user_id: alice.userId,
      current_version: 1,
      is_public: true,
    });
    expect(data!.checksum).toMatch(/^[0-9a-f]{64}$/);
    rotationId = data!.id as string;
  });

  test('insert without select() is 201 with no body (return=minimal)', async () => {
    const res = await alice.client
      .from('rotations')
      .insert({ name: 'Private MM', spec: 'mm-hunter', script });
    expect(res.error).toBeNull();
    expect(res.status).toBe(201);
    expect(res.data).toBeNull();
    const bobs = await bob.client.from('rotations').insert([
      { name: 'Bob public BM', spec: 'bm-hunter', script, is_public: true },
      { name: 'Bob private BM', spec: 'bm-hunter', script, is_public: false },
    ]);
    expect(bobs.status).toBe(201);
  });

  test('useLoadRotation: rotations where id = ?', async () => {
    const { data, error } = await bob.client.from('rotations').select('*').eq('id', rotationId).single();
    expect(error).toBeNull();
    expect(data!.script).toBe(script);
  });

  test('useSaveRotation: update ... where id = ? bumps the version', async () => {
    const res = await alice.client
      .from('rotations')
      .update({ script: `${script}\nactions+=/cobra_shot`, name: 'Alpha Beast Cleave v2' })
      .eq('id', rotationId)
      .select('id, name, current_version');
    expect(res.error).toBeNull();
    expect(res.status).toBe(200);
    expect(res.data).toEqual([{ id: rotationId, name: 'Alpha Beast Cleave v2', current_version: 2 }]);
    const minimal = await alice.client
      .from('rotations')
      .update({ description: 'edited' })
      .eq('id', rotationId);
    expect(minimal.status).toBe(204);
    const other = await bob.client.from('rotations').update({ name: 'hijack' }).eq('id', rotationId).select();
    expect(other.error).toBeNull();
    expect(other.data).toEqual([]);
  });

  test('rotation browser: public, own, name ILIKE, spec IN, or=()', async () => {
    const pub = await bob.client.from('rotations').select('name').eq('is_public', true).order('name');
    expect(pub.data!.map((r) => r.name)).toEqual(['Alpha Beast Cleave v2', 'Bob public BM']);
    const mine = await alice.client
      .from('rotations')
      .select('name')
      .eq('user_id', alice.userId)
      .order('name');
    expect(mine.data!.map((r) => r.name)).toEqual(['Alpha Beast Cleave v2', 'Private MM']);
    const search = await bob.client
      .from('rotations')
      .select('name')
      .ilike('name', '%beast%')
      .in('spec', ['bm-hunter']);
    expect(search.data!.map((r) => r.name)).toEqual(['Alpha Beast Cleave v2']);
    const visible = await bob.client
      .from('rotations')
      .select('name')
      .or(`is_public.eq.true,user_id.eq.${bob.userId}`)
      .order('name', { ascending: false });
    expect(visible.data!.map((r) => r.name)).toEqual([
      'Bob public BM',
      'Bob private BM',
      'Alpha Beast Cleave v2',
    ]);
    const none = await bob.client.from('rotations').select('name').in('spec', []);
    expect(none.data).toEqual([]);
  });

  test('rotation browser: delete where id = ?', async () => {
    const foreign = await bob.client.from('rotations').delete().eq('id', rotationId).select('id');
    expect(foreign.data).toEqual([]);
    const res = await alice.client.from('rotations').delete().eq('id', rotationId);
    expect(res.error).toBeNull();
    expect(res.status).toBe(204);
    const gone = await alice.client.from('rotations').select('id').eq('id', rotationId);
    expect(gone.data).toEqual([]);
    const versions = await s.admin.query(
      'select count(*)::int as n from rotations_versions where rotation_id = $1',
      [rotationId],
    );
    expect(versions.rows[0].n).toBe(0);
  });
});
