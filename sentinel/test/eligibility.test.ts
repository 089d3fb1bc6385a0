// Eligibility matrix against real Postgres, real sockets: private/user/discord/public jobs ×
// own/permitted/unrelated/anonymous nodes; an engine-version mismatch is never assigned.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import type { GuildMembershipStore } from '../src/guilds/store.ts';
import { addPermission, claimNode, connect, createJob, createUser, waitFor } from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import { TestNode } from './helpers/test-node.ts';

const GUILD = '123456789012345678';
const OTHER_GUILD = '223456789012345678';
const OWNER_DISCORD = '323456789012345678';
/** `other`'s Discord account: a member of GUILD, whose nodes it offers to the server. */
const OTHER_DISCORD = '423456789012345678';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let owner: string;
let other: string;
const nodes: Record<string, TestNode> = {};
const scoped = new Set<string>();

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
  (sentinel.app.guildMembership as GuildMembershipStore).add(GUILD, OWNER_DISCORD);
  (sentinel.app.guildMembership as GuildMembershipStore).add(GUILD, OTHER_DISCORD);
  owner = await createUser(client, { discordId: OWNER_DISCORD });
  other = await createUser(client, { discordId: OTHER_DISCORD });
  const make = async (name: string, claimBy: string | null, engineVersion?: string, ownJobsOnly = false) => {
    const n = await TestNode.create(sentinel.baseUrl, { mode: 'manual', maxParallel: 1, engineVersion });
    if (claimBy) await claimNode(client, claimBy, n.claimCode!, 1);
    nodes[name] = n;
    if (ownJobsOnly) scoped.add(name);
    return n;
  };
  await make('own', owner);
  await make('ownOtherEngine', owner, '0.0.1-old');
  await addPermission(client, (await make('userPermitted', other)).nodeId, 'user', owner);
  await addPermission(client, (await make('discordPermitted', other)).nodeId, 'discord', GUILD);
  await addPermission(client, (await make('otherGuild', other)).nodeId, 'discord', OTHER_GUILD);
  await addPermission(client, (await make('publicPermitted', other)).nodeId, 'public');
  await make('unrelated', other);
  await make('anonymous', null);
  // tabs running their player's sims only (`scope=own`): their permissions do not widen it
  await addPermission(client, (await make('ownTab', owner, undefined, true)).nodeId, 'public');
  await addPermission(client, (await make('otherTab', other, undefined, true)).nodeId, 'public');
  await Promise.all(Object.entries(nodes).map(([name, n]) => n.connect({ ownJobsOnly: scoped.has(name) })));
});

afterAll(async () => {
  await Promise.all(Object.values(nodes).map((n) => n.close()));
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

const cases = [
  { access: 'private', expected: ['own', 'ownTab'] },
  { access: 'user', expected: ['own', 'ownTab', 'userPermitted'] },
  { access: 'discord', expected: ['discordPermitted', 'own', 'ownTab'] },
  {
    access: 'public',
    expected: ['anonymous', 'discordPermitted', 'own', 'ownTab', 'publicPermitted', 'userPermitted'],
  },
] as const;

describe('eligibility matrix', () => {
  for (const { access, expected } of cases) {
    it(`a ${access} job is assigned to exactly: ${expected.join(', ')}`, async () => {
      const cancelledBefore = nodes.own!.cancelled.length;
      const jobId = await createJob(client, owner, {
        iterations: 16_000,
        access,
        discordServerId: access === 'discord' ? GUILD : null,
        sharedWith: access === 'user' ? [other] : undefined,
      });
      // a failed attempt must not leave the nodes full for the retry or the next case
      onTestFinished(async () => {
        await client.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1 AND status <> 'cancelled'`, [
          jobId,
        ]);
      });
      // every eligible node fills up (max_parallel 1 → 1 running + 1 prefetched)
      const holders = async () => {
        const { rows } = await client.query(
          `SELECT node_id, count(*)::int AS n FROM jobs_chunks WHERE job_id = $1 AND status = 'running' GROUP BY node_id`,
          [jobId],
        );
        return rows as { node_id: string; n: number }[];
      };
      await waitFor(
        async () => (await holders()).reduce((a, r) => a + r.n, 0) === 2 * expected.length,
        10_000,
        'fill',
      );
      await new Promise((r) => setTimeout(r, 500)); // several ticks: nothing else gets assigned
      const byId = new Map(Object.entries(nodes).map(([name, n]) => [n.nodeId, name]));
      const got = (await holders()).map((r) => byId.get(r.node_id)).sort();
      expect(got).toEqual(expected);
      for (const r of await holders()) expect(r.n).toBe(2);
      // what the nodes received over their sockets matches the database
      for (const [name, n] of Object.entries(nodes)) {
        const received = n.assigned.filter((c) => c.jobId === jobId).length;
        expect(received, name).toBe(expected.includes(name as never) ? 2 : 0);
      }
      // cancel: the sentinel drops the chunks and tells the nodes
      await client.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [jobId]);
      await waitFor(async () => (await holders()).length === 0, 10_000, 'cancel');
      await waitFor(async () => nodes.own!.cancelled.length >= cancelledBefore + 2, 5000, 'cancel message');
    });
  }

  it('a job of another engine version is never assigned', async () => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM jobs_chunks WHERE node_id = $1`, [
      nodes.ownOtherEngine!.nodeId,
    ]);
    expect(rows[0]).toEqual({ n: 0 });
    expect(nodes.ownOtherEngine!.assigned).toHaveLength(0);
    expect(nodes.unrelated!.assigned).toHaveLength(0);
    expect(nodes.otherGuild!.assigned).toHaveLength(0);
    expect(nodes.otherTab!.assigned).toHaveLength(0);
  });
});
