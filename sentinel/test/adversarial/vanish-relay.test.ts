// Attack: two nodes hand one chunk of another user's job back and forth by vanishing, for ever.
// A node that vanishes with a chunk is recorded among its failed owners (db/reclaim.ts) but
// neither excluded nor avoided, and no volunteer's loss confirms a failure (confirmsFailure,
// trust/policy.ts): the job never fails, and it never completes either. When the chunk goes back
// to pending, the attacker's other node (connected, holding nothing, declaring more free slots than
// the honest volunteer) is the node with the most free slots and takes it; then it vanishes in
// turn while the first comes back. An honest node connected all along never gets the chunk, not
// even a platform node (here the honest node is one, so its result needs no replica). Two nodes of
// two accounts (or two unclaimed nodes: no account at all) stall any public job.
// A chunk a node lost should wait for a node whose owner has not lost it, as a chunk a node failed
// or was late on does, while one is connected: here the volunteer runs it after the relay's two
// losses.
import { expect, it } from 'vitest';
import { createJob, createUser, getJob, waitFor } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite({ RECONNECT_GRACE_MS: '300', WS_PING_INTERVAL_MS: '10000' });

it('two nodes vanishing in turn with a chunk do not keep it from an honest volunteer', async () => {
  const config = quickConfig();
  const [victim, attacker, other, volunteer] = [
    await createUser(suite.client),
    await createUser(suite.client),
    await createUser(suite.client),
    await createUser(suite.client),
  ];
  // manual: they record what they are given and never answer; 64 slots each (the volunteer has 1)
  const relay = [
    await suite.node(attacker, { mode: 'manual', maxParallel: 64 }),
    await suite.node(other, { mode: 'manual', maxParallel: 64 }),
  ];
  const jobId = await createJob(suite.client, victim, {
    iterations: 1000,
    access: 'public',
    seed: 5,
    config,
  });
  // the node running the chunk (null while pending), or 'done'
  const runner = async (): Promise<string | null> => {
    if ((await getJob(suite.client, jobId)).status !== 'running') return 'done';
    const { rows } = await suite.client.query(
      `SELECT node_id FROM jobs_chunks WHERE job_id = $1 AND status = 'running'`,
      [jobId],
    );
    return (rows[0] as { node_id: string } | undefined)?.node_id ?? null;
  };
  const holder = async (): Promise<TestNode | null> => {
    const id = await runner();
    return relay.find((n) => n.nodeId === id) ?? null;
  };
  await waitFor(async () => (await holder()) !== null, 10_000, 'a relay node holding the chunk');
  await suite.node(volunteer, { maxParallel: 1, platform: true });

  let relayed = 0;
  for (let round = 0; round < 6; round++) {
    const held = await holder();
    if (!held) break; // the volunteer has it, or it is done
    await held.close();
    // past the grace the chunk goes back to pending and is assigned again
    let next: string | null = null;
    await waitFor(
      async () => {
        next = await runner();
        return next !== null && next !== held.nodeId;
      },
      10_000,
      'the chunk reclaimed from the vanished node and given to another',
    );
    if (relay.some((n) => n.nodeId === next)) relayed++;
    await held.connect();
  }
  const done = await waitFor(
    async () => (await getJob(suite.client, jobId)).status === 'completed',
    10_000,
    'the victim’s job to complete',
  ).catch(() => false);
  const job = await getJob(suite.client, jobId);
  // before: the relay held the chunk all six rounds (relayed 6: each loss handed it to the other
  // relay node) and the job stayed running; now the second loss leaves it to the volunteer
  expect({ status: job.status, relayed }).toEqual({ status: 'completed', relayed: 1 });
  expect(done).toBe(true);
  expect(job.result).toEqual(localJobResult(config, 5, 1000));
}, 120_000);
