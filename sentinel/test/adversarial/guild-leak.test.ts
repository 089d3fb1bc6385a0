// Attack: the Discord twin of share-leak.test.ts. A node owner adds a `discord` permission naming
// a Discord server they are not a member of (nodes_permissions takes any target_id the node's owner
// likes; a server id is visible to anyone with an invite or developer mode). The matcher asked only
// whether the *job owner* was a member of that server, so every `discord`-shared sim of it went to
// the outsider's node, and /configs served it the config (the player's gear, talents and rotation
// text), which RLS shows to nobody but the job's owner. An account with no Discord identity was
// enough. Now a node serves a server only while its owner's Discord account is a member
// (scheduler/match.ts isEligible).
import { expect, it } from 'vitest';
import type { GuildMembershipStore } from '../../src/guilds/store.ts';
import { addPermission, createJob, createUser, waitFor } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';

const GUILD = '423456789012345678';
const OWNER_DISCORD = '523456789012345678';
const MEMBER_DISCORD = '623456789012345678';

const suite = trustSuite();

it('naming a Discord server your account is not in gets you none of its sims or configs', async () => {
  (suite.sentinel.app.guildMembership as GuildMembershipStore).add(GUILD, OWNER_DISCORD);
  const victim = await createUser(suite.client, { discordId: OWNER_DISCORD });
  const outsider = await createUser(suite.client); // no Discord identity, in no server
  const node = await suite.node(outsider, { mode: 'manual', maxParallel: 2, allows: 'own' });
  await addPermission(suite.client, node.nodeId, 'discord', GUILD);
  // the sentinel reads permissions when a node connects: reconnect it with the new one
  await node.close();
  await node.connect();

  const jobId = await createJob(suite.client, victim, {
    iterations: 2000,
    access: 'discord',
    discordServerId: GUILD,
    seed: 5,
  });
  // a member's node serving the server takes the job's chunks (the sim is served either way)
  const member = await createUser(suite.client, { discordId: MEMBER_DISCORD });
  (suite.sentinel.app.guildMembership as GuildMembershipStore).add(GUILD, MEMBER_DISCORD);
  const members = await suite.node(member, { allows: 'own' });
  await addPermission(suite.client, members.nodeId, 'discord', GUILD);
  await members.close();
  await members.connect();
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = $1 AND node_id IS NOT NULL`,
        [jobId],
      );
      return (rows[0] as { n: number }).n > 0;
    },
    20_000,
    'a scheduler pass over the job',
  );
  await new Promise((r) => setTimeout(r, 500));

  expect(node.assigned.filter((c) => c.jobId === jobId)).toEqual([]);
  const { rows } = await suite.client.query('SELECT config_hash FROM jobs WHERE id = $1', [jobId]);
  const res = await node.request('GET', `/configs/${(rows[0] as { config_hash: string }).config_hash}`);
  expect(res.status).toBe(404);
}, 60_000);
