// Attack: a node owner adds a `user` permission naming someone else on their own node, hoping to
// receive that person's `user`-shared sims and their configs (with the rotation text). Sharing
// is the job owner's grant: only the node owners the job names run it, and /configs serves a
// config only to a node holding a running chunk of it.
import { expect, it } from 'vitest';
import { createJob, createUser, waitForJob } from '../helpers/fixtures.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { trustSuite } from '../helpers/trust-suite.ts';

// replication on, as in production: the owner's grant is what makes the friend's node trusted
const suite = trustSuite();

async function nodeOf(owner: string, namesUser: string): Promise<TestNode> {
  const node = await suite.node(owner, {
    maxParallel: 2,
    allows: { user: namesUser },
  });
  return node;
}

it('naming someone on your own node gets you none of their user-shared sims or configs', async () => {
  const victim = await createUser(suite.client);
  const friend = await createUser(suite.client);
  const attacker = await createUser(suite.client);
  const friends = await nodeOf(friend, victim);
  const attackers = await nodeOf(attacker, victim);

  const jobId = await createJob(suite.client, victim, {
    iterations: 6000,
    access: 'user',
    seed: 8,
    sharedWith: [friend],
  });
  await waitForJob(suite.client, jobId, 'completed', 60_000);
  const { rows } = await suite.client.query(
    `SELECT DISTINCT node_id FROM jobs_chunks WHERE job_id = $1 AND node_id IS NOT NULL`,
    [jobId],
  );
  expect(rows).toEqual([{ node_id: friends.nodeId }]);
  // the owner chose the friend's node for this sim: its results count without copies
  const { rows: verdicts } = await suite.client.query(
    `SELECT DISTINCT verdict, replica_role FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  expect(verdicts).toEqual([{ verdict: 'trusted', replica_role: 'primary' }]);
  // …and only for this sim: the grant raises nobody's trust (an owner sharing with their own
  // second account farms nothing)
  const { rows: trust } = await suite.client.query('SELECT trust_streak FROM nodes WHERE id = $1', [
    friends.nodeId,
  ]);
  expect(trust).toEqual([{ trust_streak: 0 }]);
  expect(attackers.assigned.filter((c) => c.jobId === jobId)).toEqual([]);

  const { rows: hashRows } = await suite.client.query('SELECT config_hash FROM jobs WHERE id = $1', [jobId]);
  const hash = (hashRows[0] as { config_hash: string }).config_hash;
  const res = await attackers.request('GET', `/configs/${hash}`);
  expect(res.status).toBe(404);
  expect(JSON.stringify(res.body)).not.toContain('actions');
}, 90_000);
