// Several sentinel instances on one database, and a sentinel restart in the middle of a job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import type { SharedGuildMembership } from '../src/guilds/shared-membership.ts';
import {
  addPermission,
  claimNode,
  connect,
  createJob,
  createUser,
  getJob,
  readMetrics,
  testConfig,
  waitFor,
  waitForJob,
} from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';
import { localJobResult } from './trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let owner: string;
const config = testConfig({ durationSeconds: 10 });

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  owner = await createUser(client);
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('several sentinel instances', () => {
  it('two instances and six nodes never assign a chunk twice and finish every job', async () => {
    const a = await startSentinel(db.url);
    const b = await startSentinel(db.url);
    const nodes: TestNode[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const node = await TestNode.create((i % 2 ? a : b).baseUrl, { maxParallel: 1 + (i % 2) });
        await node.connect();
        nodes.push(node);
      }
      // one client runs one transaction at a time: the jobs are created one after the other
      const jobs: string[] = [];
      for (const k of [0, 1, 2])
        jobs.push(
          await createJob(client, owner, { iterations: 8000, access: 'public', seed: 31 + k, config }),
        );
      for (const [k, jobId] of jobs.entries()) {
        const job = await waitForJob(client, jobId, 'completed', 120_000);
        expect(job.result).toEqual(localJobResult(config, 31 + k, 8000));
      }
      const received = nodes.flatMap((n) => n.assigned.map((c) => c.id));
      expect(received).toHaveLength(24);
      expect(new Set(received).size).toBe(24);
      // nodes record a completion when the answer arrives, possibly just after the job completed
      await waitFor(async () => nodes.flatMap((n) => n.completed).length >= 24, 10_000, 'answers');
      const completed = nodes.flatMap((n) => n.completed);
      expect(new Set(completed).size).toBe(24);
      expect(completed).toHaveLength(24);
      const counter = async (s: RunningSentinel) =>
        (await readMetrics(s.baseUrl)).get('sentinel_chunks_assigned_total') ?? 0;
      const [ca, cb] = [await counter(a), await counter(b)];
      expect(ca + cb).toBe(24);
      expect(ca).toBeGreaterThan(0);
      expect(cb).toBeGreaterThan(0);
      for (const n of nodes) expect(n.errors).toEqual([]);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
      await a.close();
      await b.close();
    }
  });

  it('a pause given to one instance holds on every instance, also one started later; resume restarts all', async () => {
    const a = await startSentinel(db.url);
    const b = await startSentinel(db.url);
    let c: RunningSentinel | null = null;
    const nodes: TestNode[] = [];
    try {
      const onB = await TestNode.create(b.baseUrl, { maxParallel: 1 });
      await onB.connect();
      nodes.push(onB);
      await a.app.scheduler.pause(); // what /wlab pause-scheduling does on the bot's instance
      await waitFor(async () => b.app.scheduler.isPaused(), 5000, 'the other instance pauses');
      c = await startSentinel(db.url);
      expect(c.app.scheduler.isPaused()).toBe(true);
      const onC = await TestNode.create(c.baseUrl, { maxParallel: 1 });
      await onC.connect();
      nodes.push(onC);
      const jobId = await createJob(client, owner, { iterations: 2000, access: 'public', seed: 77, config });
      await new Promise((r) => setTimeout(r, 1500)); // NOTIFY pending_chunk and several ticks
      expect(nodes.flatMap((n) => n.assigned)).toEqual([]);
      expect((await getJob(client, jobId)).status).toBe('pending');
      const status = (await (await fetch(`${b.baseUrl}/status`)).json()) as {
        scheduler: { paused: boolean };
      };
      expect(status.scheduler.paused).toBe(true);

      await a.app.scheduler.resume();
      const job = await waitForJob(client, jobId, 'completed', 60_000);
      expect(job.result).toEqual(localJobResult(config, 77, 2000));
      expect(b.app.scheduler.isPaused() || c.app.scheduler.isPaused()).toBe(false);
      // a node records a completion when the answer arrives, possibly just after the job completed
      await waitFor(async () => nodes.flatMap((n) => n.completed).length === 2, 10_000, 'answers');
    } finally {
      await a.app.scheduler.resume().catch(() => undefined); // the flag is shared with later tests
      await Promise.all(nodes.map((n) => n.close()));
      await Promise.all([a.close(), b.close(), c?.close()]);
    }
  });

  it('guild membership written on the bot’s instance reaches every instance, also one started later', async () => {
    const GUILD = '523456789012345678';
    const [OWNER, OTHER, THIRD] = ['623456789012345678', '723456789012345678', '823456789012345678'];
    const a = await startSentinel(db.url);
    const b = await startSentinel(db.url);
    let c: RunningSentinel | null = null;
    let node: TestNode | null = null;
    const onB = (user: string) => b.app.guildMembership.isMember(GUILD, user);
    try {
      const store = a.app.guildMembership as SharedGuildMembership; // what the bot writes to
      store.setMembers(GUILD, [OWNER, OTHER]);
      await waitFor(async () => onB(OWNER) && onB(OTHER), 5000, 'the member list reaches b');
      store.add(GUILD, THIRD);
      store.remove(GUILD, OTHER);
      await waitFor(async () => onB(THIRD) && !onB(OTHER), 5000, 'single changes reach b');
      await store.flush();
      c = await startSentinel(db.url);
      expect([OWNER, OTHER, THIRD].map((u) => c!.app.guildMembership.isMember(GUILD, u))).toEqual([
        true,
        false,
        true,
      ]);

      // a discord job runs on a node of that server (its owner a member) connected to b, which has no bot
      const ownerId = await createUser(client, { discordId: OWNER });
      const helper = await createUser(client, { discordId: THIRD });
      node = await TestNode.create(b.baseUrl, { maxParallel: 1 });
      await claimNode(client, helper, node.claimCode!, 1);
      await addPermission(client, node.nodeId, 'discord', GUILD);
      await node.connect();
      const jobId = await createJob(client, ownerId, {
        iterations: 1000,
        access: 'discord',
        discordServerId: GUILD,
        seed: 5,
        config,
      });
      await waitForJob(client, jobId, 'completed', 60_000);

      store.clearGuild(GUILD);
      await waitFor(async () => !onB(OWNER) && !onB(THIRD), 5000, 'leaving the guild reaches b');
      await store.flush();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM private.guild_members');
      expect(rows[0].n).toBe(0);
    } finally {
      await node?.close();
      await Promise.all([a.close(), b.close(), c?.close()]);
    }
  });

  it('a sentinel restarted in the middle of a job: the job still completes, nothing lost', async () => {
    let sentinel = await startSentinel(db.url);
    const nodes = await Promise.all(
      [0, 1, 2].map(() => TestNode.create(sentinel.baseUrl, { maxParallel: 1 })),
    );
    try {
      await Promise.all(nodes.map((n) => n.connect()));
      const jobId = await createJob(client, owner, {
        iterations: 12_000,
        access: 'public',
        seed: 777,
        config,
      });
      await waitFor(
        async () => nodes.reduce((a, n) => a + n.completed.length, 0) >= 3,
        60_000,
        'some progress',
      );
      await sentinel.close();
      expect(nodes.every((n) => n.closeCode === 4003)).toBe(true);
      const { rows } = await client.query(`SELECT status FROM jobs WHERE id = $1`, [jobId]);
      expect(rows[0].status).toBe('running');
      sentinel = await startSentinel(db.url);
      for (const n of nodes) {
        n.baseUrl = sentinel.baseUrl;
        await n.connect();
      }
      const job = await waitForJob(client, jobId, 'completed', 120_000);
      expect(job.completed_iterations).toBe(12_000);
      expect(job.result).toEqual(localJobResult(config, 777, 12_000));
      await waitFor(async () => nodes.flatMap((n) => n.completed).length >= 12, 10_000, 'answers');
      const completed = nodes.flatMap((n) => n.completed);
      expect(new Set(completed).size).toBe(12);
      for (const n of nodes) expect(n.errors).toEqual([]);
      const attempts = await client.query(
        `SELECT max(attempts)::int AS a FROM jobs_chunks WHERE job_id = $1`,
        [jobId],
      );
      expect(attempts.rows[0].a).toBe(0); // nothing was reclaimed: the nodes kept their chunks
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
      await sentinel.close();
    }
  });
});
