// Section B of the seed map through the real supabase-js client: nodes (nested permissions, claim via
// RPC, mutations, permissions clear + insert) and user profiles (by id; by handle with rotations).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertNode, NODE_COLUMNS } from './fixtures.ts';
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

describe('nodes', () => {
  let nodeId: string;
  let secondNode: string;

  test('useClaimNode: rpc claim_node returns the claimed node row', async () => {
    const node = await insertNode(s.admin);
    nodeId = node.id;
    const { data, error, status } = await alice.client.rpc('claim_node', {
      code: node.claimCode,
      name: 'Basement rig',
      max_parallel: 6,
    });
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toMatchObject({
      id: node.id,
      user_id: alice.userId,
      name: 'Basement rig',
      max_parallel: 6,
      claim_code: null,
    });
    const again = await bob.client.rpc('claim_node', { code: node.claimCode, name: 'mine', max_parallel: 1 });
    expect(again.error!.code).toBe('PT404');
    // PTxyz chooses the HTTP status in PostgREST: a wrong or used claim code is a 404
    expect(again.status).toBe(404);
    expect(again.error!.message).toBe('No unclaimed node has this claim code.');
    secondNode = (await insertNode(s.admin, { userId: alice.userId, claimCode: null })).id;
  });

  test('useNode: nodes where id = ? with nested nodes_permissions(*)', async () => {
    await s.admin.query(`insert into nodes_permissions (node_id, access_type) values ($1, 'public')`, [
      nodeId,
    ]);
    const { data, error } = await alice.client
      .from('nodes')
      .select(`${NODE_COLUMNS},nodes_permissions(*)`)
      .eq('id', nodeId)
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: nodeId, name: 'Basement rig', user_id: alice.userId });
    expect(data!.nodes_permissions).toHaveLength(1);
    expect(data!.nodes_permissions[0]).toMatchObject({
      node_id: nodeId,
      access_type: 'public',
      target_id: null,
    });
  });

  test('useNodes: own nodes, then a separate permissions fetch', async () => {
    const own = await alice.client
      .from('nodes')
      .select(NODE_COLUMNS)
      .eq('user_id', alice.userId)
      .order('created_at');
    expect(own.error).toBeNull();
    expect(own.data!.map((n) => n.id)).toEqual([nodeId, secondNode]);
    const perms = await alice.client
      .from('nodes_permissions')
      .select('*')
      .in('node_id', [nodeId, secondNode]);
    expect(perms.data!.map((p) => p.node_id)).toEqual([nodeId]);
  });

  test('the claim code column is not readable through the API (select * on nodes is 403)', async () => {
    const res = await alice.client.from('nodes').select('id, claim_code');
    expect(res.status).toBe(403);
    expect(res.error!.code).toBe('42501');
  });

  test('useNodeMutations: permissions clear + insert, then the node is shared with bob', async () => {
    const before = await bob.client.from('nodes').select('id').eq('id', nodeId);
    expect(before.data).toEqual([]);
    const clear = await alice.client.from('nodes_permissions').delete().eq('node_id', nodeId);
    expect(clear.status).toBe(204);
    const insert = await alice.client.from('nodes_permissions').insert([
      { node_id: nodeId, access_type: 'user', target_id: bob.userId },
      { node_id: nodeId, access_type: 'discord', target_id: '123456789012345678' },
    ]);
    expect(insert.error).toBeNull();
    expect(insert.status).toBe(201);
    const rows = await s.admin.query(
      'select access_type from nodes_permissions where node_id = $1 order by access_type',
      [nodeId],
    );
    expect(rows.rows.map((r) => r.access_type)).toEqual(['discord', 'user']);
    // shared nodes: nodes with their permissions joined, as bob sees them
    const shared = await bob.client
      .from('nodes')
      .select(`${NODE_COLUMNS},nodes_permissions!inner(access_type,target_id)`);
    expect(shared.error).toBeNull();
    expect(shared.data!.map((n) => n.id)).toEqual([nodeId]);
    expect(shared.data![0]!.nodes_permissions).toEqual([{ access_type: 'user', target_id: bob.userId }]);
  });

  test('bob cannot insert permissions on alice’s node (RLS 42501 → 403) and nothing changes', async () => {
    const res = await bob.client.from('nodes_permissions').insert({ node_id: nodeId, access_type: 'public' });
    expect(res.status).toBe(403);
    expect(res.error!.code).toBe('42501');
    const rows = await s.admin.query('select count(*)::int as n from nodes_permissions where node_id = $1', [
      nodeId,
    ]);
    expect(rows.rows[0].n).toBe(2);
  });

  test('useNodeMutations: update name and max_parallel', async () => {
    const res = await alice.client
      .from('nodes')
      .update({ name: 'Attic rig', max_parallel: 3 })
      .eq('id', nodeId);
    expect(res.status).toBe(204);
    const check = await s.admin.query('select name, max_parallel from nodes where id = $1', [nodeId]);
    expect(check.rows[0]).toEqual({ name: 'Attic rig', max_parallel: 3 });
    const bobTry = await bob.client.from('nodes').update({ name: 'stolen' }).eq('id', nodeId).select('id');
    expect(bobTry.data).toEqual([]);
    const forbiddenColumn = await alice.client.from('nodes').update({ user_id: bob.userId }).eq('id', nodeId);
    expect(forbiddenColumn.status).toBe(403);
  });

  test('useNodeMutations: delete the node (permissions cascade)', async () => {
    const res = await alice.client.from('nodes').delete().eq('id', nodeId);
    expect(res.status).toBe(204);
    const left = await s.admin.query(
      'select (select count(*) from nodes where id = $1)::int as nodes, (select count(*) from nodes_permissions where node_id = $1)::int as perms',
      [nodeId],
    );
    expect(left.rows[0]).toEqual({ nodes: 0, perms: 0 });
  });
});

describe('user profiles', () => {
  test('useUser: user_profiles where id = ? (handle, avatar_url)', async () => {
    const { data, error } = await alice.client
      .from('user_profiles')
      .select('handle, avatar_url')
      .eq('id', alice.userId)
      .single();
    expect(error).toBeNull();
    expect(data!.handle).toMatch(/^[a-z0-9][a-z0-9_-]{2,31}$/);
    expect(data!.avatar_url).toBeNull();
  });

  test('useUserProfile: user_profiles where handle = ? with nested rotations(*)', async () => {
    const { rows } = await s.admin.query('select handle from user_profiles where id = $1', [alice.userId]);
    const handle = rows[0].handle as string;
    const ins = await alice.client.from('rotations').insert([
      { name: 'Shown', spec: 'bm-hunter', script: 'actions=kill_command', is_public: true },
      { name: 'Hidden', spec: 'bm-hunter', script: 'actions=kill_command', is_public: false },
    ]);
    expect(ins.error).toBeNull();
    const asBob = await bob.client
      .from('user_profiles')
      .select('*, rotations(*)')
      .eq('handle', handle)
      .single();
    expect(asBob.error).toBeNull();
    expect(asBob.data!.id).toBe(alice.userId);
    expect(asBob.data!.rotations.map((r: { name: string }) => r.name)).toEqual(['Shown']);
    const asAlice = await alice.client
      .from('user_profiles')
      .select('handle, rotations(name)')
      .eq('handle', handle)
      .single();
    expect(asAlice.data!.rotations.map((r: { name: string }) => r.name).sort()).toEqual(['Hidden', 'Shown']);
    // many-to-one the other way: a rotation's author is an object, not an array
    const author = await bob.client
      .from('rotations')
      .select('name, user_profiles(handle)')
      .eq('name', 'Shown')
      .single();
    expect(author.data).toEqual({ name: 'Shown', user_profiles: { handle } });
  });

  test('a profile update by its owner works; by someone else changes nothing', async () => {
    const own = await alice.client
      .from('user_profiles')
      .update({ avatar_url: 'https://cdn.discordapp.com/avatars/1/a.png' })
      .eq('id', alice.userId);
    expect(own.status).toBe(204);
    const foreign = await bob.client
      .from('user_profiles')
      .update({ avatar_url: 'https://evil.example/x.png' })
      .eq('id', alice.userId)
      .select('id');
    expect(foreign.data).toEqual([]);
    const { rows } = await s.admin.query('select avatar_url from user_profiles where id = $1', [
      alice.userId,
    ]);
    expect(rows[0].avatar_url).toBe('https://cdn.discordapp.com/avatars/1/a.png');
  });

  test('rpc delete_own_account (void) is 204 and removes the user and their sessions', async () => {
    const res = await bob.client.rpc('delete_own_account');
    expect(res.error).toBeNull();
    expect(res.status).toBe(204);
    const { rows } = await s.admin.query(
      `select (select count(*) from auth.users where id = $1)::int as users,
              (select count(*) from auth.sessions where user_id = $1)::int as sessions`,
      [bob.userId],
    );
    expect(rows[0]).toEqual({ users: 0, sessions: 0 });
    const after = await bob.client.auth.getUser();
    expect(after.error).not.toBeNull();
  });
});
