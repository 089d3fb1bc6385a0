// $lib/api against the real local stack (embedded Postgres + Supabase stand-in): the queries,
// RPCs and the migrations' RLS decide together, exactly as in the browser.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { startLocalStack, type LocalStack } from '@wowlab/supabase-local';
import { specs } from '@wowlab/sim-core';

const state = vi.hoisted(() => ({ client: null as unknown }));
vi.mock('$lib/supabase', () => ({ supabase: () => state.client, sentinelUrl: () => undefined }));

const { cancelJob, createJob, getJob, getJobChunks, getJobConfig, getJobsActivity, listMyJobs } =
  await import('./jobs');
const rotations = await import('./rotations');
const nodes = await import('./nodes');
const profiles = await import('./profiles');
const rankings = await import('./rankings');
const { ApiError } = await import('./errors');

class NoWebSocket {}

let stack: LocalStack;
let dataDir: string;

function client(url = stack.url, key = stack.anonKey): SupabaseClient {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoWebSocket as never },
  });
}

async function user(name: string): Promise<{ sb: SupabaseClient; id: string }> {
  const sb = client();
  const { data, error } = await sb.auth.signUp({
    email: `${name}-${Date.now()}@example.test`,
    password: 'password123',
  });
  if (error || !data.user) throw error ?? new Error('no user');
  return { sb, id: data.user.id };
}

function as(sb: SupabaseClient) {
  state.client = sb;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wowlab-site-api-'));
  await chmod(dataDir, 0o755);
  stack = await startLocalStack({ dataDir, port: 0, logger: false });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('$lib/api against the local stack', () => {
  it('saves rotations with versions, matches ILIKE literally, forks and deletes', async () => {
    const alice = await user('alice');
    as(alice.sb);
    const script = specs[0]!.defaultRotation;
    const a = await rotations.createRotation(alice.id, {
      name: '100% crit',
      spec: 'bm-hunter',
      description: '',
      script,
      is_public: true,
    });
    await rotations.createRotation(alice.id, {
      name: '100x crit',
      spec: 'bm-hunter',
      description: '',
      script,
      is_public: false,
    });
    expect((await rotations.listVersions(a.id)).map((v) => v.version)).toEqual([1]);
    const updated = await rotations.updateRotation(a.id, {
      name: '100% crit',
      spec: 'bm-hunter',
      description: 'v2',
      script: `${script}\n# v2`,
      is_public: true,
    });
    expect(updated.current_version).toBe(2);
    expect((await rotations.listVersions(a.id)).map((v) => v.version)).toEqual([2, 1]);

    const found = await rotations.listRotations({ name: '100%' });
    expect(found.map((r) => r.name)).toEqual(['100% crit']);

    const bob = await user('bob');
    as(bob.sb);
    const visible = await rotations.listRotations({ authorId: alice.id });
    expect(visible.map((r) => r.name)).toEqual(['100% crit']); // the private one is hidden by RLS
    const fork = await rotations.forkRotation(bob.id, await rotations.getRotation(a.id));
    expect(fork).toMatchObject({ name: '100% crit (fork)', user_id: bob.id, is_public: false });
    await expect(rotations.deleteRotation(a.id)).resolves.toBeUndefined();
    as(alice.sb);
    expect((await rotations.getRotation(a.id)).id).toBe(a.id); // bob's delete matched nothing
    as(bob.sb);
    await rotations.deleteRotation(fork.id);
    await expect(rotations.getRotation(fork.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('creates a job, hides it from another user as not found, lists and cancels it', async () => {
    const carol = await user('carol');
    as(carol.sb);
    const config = specs[0]!.defaultConfig();
    const id = await createJob({
      config,
      iterations: 3000,
      accessType: 'private',
      discordServerId: null,
      seed: 42,
    });
    const job = await getJob(id);
    expect(job).toMatchObject({ id, status: 'pending', total_iterations: 3000, seed: 42, chunks_total: 3 });
    expect(await getJobConfig(job.config_hash)).toEqual(config);
    expect((await listMyJobs(carol.id)).map((j) => j.id)).toEqual([id]);
    expect(await listMyJobs(carol.id, { status: 'completed' })).toEqual([]);

    const dave = await user('dave');
    as(dave.sb);
    const err = await getJob(id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as InstanceType<typeof ApiError>).kind).toBe('not_found');

    as(carol.sb);
    await cancelJob(id);
    expect((await getJob(id)).status).toBe('cancelled');
  });

  it('claims a node by code, shares it with a user by permissions, and the user sees it', async () => {
    const erin = await user('erin');
    const frank = await user('frank');
    const admin = client(stack.url, stack.serviceKey);
    const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
    const { error } = await admin
      .from('nodes')
      .insert({ kind: 'headless', public_key: key, claim_code: 'CLAIM-E2E-1', total_cores: 8 });
    expect(error).toBeNull();

    as(erin.sb);
    await expect(nodes.claimNode('WRONG-CODE', 'x', 1)).rejects.toMatchObject({
      message: expect.stringContaining('No unclaimed node has this claim code.'),
    });
    const node = await nodes.claimNode('CLAIM-E2E-1', 'Erin box', 4);
    expect(node).toMatchObject({ name: 'Erin box', max_parallel: 4, user_id: erin.id });
    await nodes.updateNode(node.id, { name: 'Erin rig', max_parallel: 6 });
    expect((await nodes.listMyNodes(erin.id)).map((n) => [n.name, n.max_parallel])).toEqual([
      ['Erin rig', 6],
    ]);

    await nodes.replacePermissions(node.id, [
      { node_id: node.id, access_type: 'public', target_id: null },
      { node_id: node.id, access_type: 'user', target_id: frank.id },
    ]);
    await nodes.replacePermissions(node.id, [{ node_id: node.id, access_type: 'user', target_id: frank.id }]);
    expect((await nodes.listPermissions([node.id])).map((p) => p.access_type)).toEqual(['user']);

    as(frank.sb);
    expect((await nodes.listNodesSharedWithMe(frank.id)).map((n) => n.name)).toEqual(['Erin rig']);
    expect(await nodes.listMyNodes(frank.id)).toEqual([]);

    as(erin.sb);
    await nodes.deleteNode(node.id);
    expect(await nodes.listMyNodes(erin.id)).toEqual([]);
  });

  it('edits my handle and reads profiles by handle and in one batch', async () => {
    const gina = await user('gina');
    as(gina.sb);
    const handle = `gina-${Date.now().toString(36)}`;
    await profiles.updateHandle(gina.id, handle);
    expect((await profiles.getProfileByHandle(handle)).id).toBe(gina.id);
    expect((await profiles.getProfiles([gina.id, gina.id])).get(gina.id)?.handle).toBe(handle);
    await expect(profiles.getProfileByHandle('nobody-here')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it("reads trust and credit of my nodes, a profile's credit and the contributors leaderboard", async () => {
    const admin = client(stack.url, stack.serviceKey);
    const hana = await user('hana');
    const ivan = await user('ivan');
    const tag = Date.now().toString(36);
    as(hana.sb);
    await profiles.updateHandle(hana.id, `hana-${tag}`);
    as(ivan.sb);
    await profiles.updateHandle(ivan.id, `ivan-${tag}`);

    // the sentinel writes these columns; here the service role stands in for it
    const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
    const quarantinedAt = '2026-11-27T08:00:00.000Z';
    const ins = await admin
      .from('nodes')
      .insert({
        kind: 'headless',
        public_key: key,
        total_cores: 4,
        user_id: hana.id,
        name: 'Hana cheat box',
        trust_streak: 0,
        mismatches: 3,
        quarantined_at: quarantinedAt,
        credited_iterations: 12_000,
      })
      .select('id')
      .single();
    expect(ins.error).toBeNull();
    const credits: Array<[string, number]> = [
      [hana.id, 9_000_000_000], // beyond 2^32: bigint survives as a JSON number
      [ivan.id, 250_000],
    ];
    for (const [id, credited] of credits) {
      const { error } = await admin
        .from('user_profiles')
        .update({ credited_iterations: credited })
        .eq('id', id);
      expect(error).toBeNull();
    }

    as(hana.sb);
    const [mine] = await nodes.listMyNodes(hana.id);
    expect(mine).toMatchObject({
      id: ins.data!.id,
      trust_streak: 0,
      mismatches: 3,
      credited_iterations: 12_000,
    });
    expect(Date.parse(mine!.quarantined_at!)).toBe(Date.parse(quarantinedAt));

    as(ivan.sb);
    expect(await nodes.listMyNodes(hana.id)).toEqual([]); // another user's node stays hidden
    expect(await profiles.getProfileByHandle(`hana-${tag}`)).toMatchObject({
      id: hana.id,
      credited_iterations: 9_000_000_000,
    });

    as(client()); // signed out: the leaderboard is public
    const board = await rankings.getContributors();
    const ours = board.filter((c) => c.user_id === hana.id || c.user_id === ivan.id);
    expect(ours.map((c) => [c.handle, c.credited_iterations])).toEqual([
      [`hana-${tag}`, 9_000_000_000],
      [`ivan-${tag}`, 250_000],
    ]);
    expect(board.every((c) => c.credited_iterations > 0)).toBe(true);
    expect(board.map((c) => c.rank)).toEqual([...board.map((c) => c.rank)].sort((a, b) => a - b));
    expect(ours[0]!.rank).toBeLessThan(ours[1]!.rank);
    expect(board.find((c) => c.user_id === hana.id)!.rank).toBe(
      1 + board.filter((c) => c.credited_iterations > 9_000_000_000).length,
    );
    expect(await rankings.getContributors(1)).toHaveLength(1);
  });

  it('reads what my jobs’ chunks do, a disconnected node apart, in one read for the list; others read nothing', async () => {
    const admin = client(stack.url, stack.serviceKey);
    const jack = await user('jack');
    const kate = await user('kate');
    as(jack.sb);
    const config = specs[0]!.defaultConfig();
    const opts = { config, accessType: 'public' as const, discordServerId: null, seed: 7 };
    const a = await createJob({ ...opts, iterations: 3000 });
    const b = await createJob({ ...opts, iterations: 2000 });

    // the sentinel writes these; the service role stands in for it: two of kate's nodes run
    // job a, one of them after its socket closed (within the reconnect grace)
    const node = async (disconnectedAt: string | null) => {
      const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
      const r = await admin
        .from('nodes')
        .insert({ kind: 'browser', public_key: key, user_id: kate.id, disconnected_at: disconnectedAt })
        .select('id')
        .single();
      expect(r.error).toBeNull();
      return (r.data as { id: string }).id;
    };
    const left = await node(new Date().toISOString());
    const live = await node(null);
    const { data: chunks } = await admin
      .from('jobs_chunks')
      .select('id')
      .eq('job_id', a)
      .order('seed_offset');
    for (const [i, nodeId] of [left, live].entries()) {
      const { error } = await admin
        .from('jobs_chunks')
        .update({ status: 'running', node_id: nodeId, claimed_at: new Date().toISOString() })
        .eq('id', (chunks as Array<{ id: string }>)[i]!.id);
      expect(error).toBeNull();
    }

    const activity = await getJobsActivity([a, b]);
    expect(activity.get(a)).toEqual({
      nodes: 1,
      disconnectedNodes: 1,
      waitingOriginals: 1,
      waitingChecks: 0,
      failing: 0,
    });
    expect(activity.get(b)).toEqual({
      nodes: 0,
      disconnectedNodes: 0,
      waitingOriginals: 2,
      waitingChecks: 0,
      failing: 0,
    });
    const rows = await getJobChunks(a);
    expect(rows.find((c) => c.node_id === left)!.node_disconnected_at).not.toBeNull();
    expect(rows.find((c) => c.node_id === live)!.node_disconnected_at).toBeNull();
    expect(rows.filter((c) => c.status === 'pending').map((c) => c.node_disconnected_at)).toEqual([null]);

    // volunteers' nodes reported b's first chunk failing (it waits for the owner's tab to confirm)
    const { data: bChunks } = await admin
      .from('jobs_chunks')
      .select('id')
      .eq('job_id', b)
      .order('seed_offset');
    const failed = await admin
      .from('jobs_chunks')
      .update({ failed_owners: [kate.id] })
      .eq('id', (bChunks as Array<{ id: string }>)[0]!.id);
    expect(failed.error).toBeNull();
    expect((await getJobsActivity([b])).get(b)!.failing).toBe(1);
    expect((await getJobChunks(b)).map((c) => c.failed_by).sort()).toEqual([0, 1]);

    // the nodes' owner is not the jobs' owner: the chunks of a public job stay hidden from them
    as(kate.sb);
    expect((await getJobsActivity([a, b])).size).toBe(0);
    expect(await getJobChunks(a)).toEqual([]);
  });

  it('reports an unreachable server as a network error', async () => {
    as(client('http://127.0.0.1:9', stack.anonKey));
    await expect(rotations.listRotations()).rejects.toMatchObject({ kind: 'network' });
  }, 60_000);
});
