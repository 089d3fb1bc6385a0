// Attack: a node takes chunks and never answers, while staying connected (reclaim on disconnect
// never fires). Every assignment has a deadline: past it the chunk goes to another node, and the
// staller, still counted as holding what it took, gets no more work meanwhile.
import { afterEach, expect, it } from 'vitest';
import type { ChunkResult } from '@wowlab/sim-core';
import { createJob, createUser, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { platformSuite } from '../helpers/trust-suite.ts';
import { startSentinel } from '../helpers/sentinel.ts';
import { localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = platformSuite(startSentinel, {
  CHUNK_DEADLINE_MIN_MS: '1000',
  // its honest nodes simulate on the event loop the sentinel shares and never reconnect: under
  // load a pong can miss a 1 s ping (timers run before the socket is read), dropping the socket
  WS_PING_INTERVAL_MS: '10000',
});

// each case meets only its own nodes
afterEach(async () => {
  for (const n of suite.open.splice(0)) await n.close();
});

it('a connected node that holds chunks forever does not stall another user’s job', async () => {
  const config = quickConfig();
  const victim = await createUser(suite.client);
  const stallUser = await createUser(suite.client);
  // manual: it records what it is given and never answers
  const staller = await suite.node(stallUser, {
    mode: 'manual',
    maxParallel: 2,
  });

  const jobId = await createJob(suite.client, victim, {
    iterations: 6000,
    access: 'public',
    seed: 12,
    config,
  });
  await waitFor(
    async () => staller.assigned.filter((c) => c.jobId === jobId).length > 0,
    10_000,
    'the staller to take chunks',
  );

  const honest = await suite.node(await createUser(suite.client));

  const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(job.result).toEqual(localJobResult(config, 12, 6000));
  const { rows } = await suite.client.query(
    `SELECT DISTINCT node_id FROM jobs_chunks WHERE job_id = $1 AND status = 'completed'`,
    [jobId],
  );
  expect(rows).toEqual([{ node_id: honest.nodeId }]);
  // the staller got only what it took at first: it still counts as holding those
  expect(staller.assigned.filter((c) => c.jobId === jobId).length).toBeLessThanOrEqual(4);
  const { rows: attempts } = await suite.client.query(
    `SELECT max(attempts)::int AS a FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  expect(attempts[0]).toEqual({ a: 0 }); // a missed deadline is no failure
}, 90_000);

it('a staller that raises its slots after missing deadlines never gets a chunk back it was late on', async () => {
  const config = quickConfig();
  const victim = await createUser(suite.client);
  const staller = await suite.node(await createUser(suite.client), {
    mode: 'manual',
    maxParallel: 1,
  });
  const jobId = await createJob(suite.client, victim, {
    iterations: 8000,
    access: 'public',
    seed: 21,
    config,
  });
  await waitFor(async () => staller.received.length >= 2, 10_000, 'the staller to take its first chunks');
  const first = staller.received.slice(0, 2);
  // past the deadline they go back to pending (no other node is there to take them yet)
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT count(*)::int AS n FROM jobs_chunks WHERE id = ANY($1::uuid[]) AND node_id IS DISTINCT FROM $2`,
        [first, staller.nodeId],
      );
      return (rows[0] as { n: number }).n === 2;
    },
    15_000,
    'the overdue chunks to be reclaimed',
  );
  // its owner declares more slots while an honest node joins; both are in the next pass
  const reclaimedAt = staller.received.length;
  await suite.sentinel.app.scheduler.pause();
  await suite.client.query('UPDATE nodes SET max_parallel = 3 WHERE id = $1', [staller.nodeId]);
  await suite.node(await createUser(suite.client));
  await new Promise((r) => setTimeout(r, 600)); // a few ticks: both nodes' settings are read again
  await suite.sentinel.app.scheduler.resume();
  await waitFor(async () => staller.received.length > reclaimedAt, 15_000, 'the staller to take new chunks');
  const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(job.result).toEqual(localJobResult(config, 21, 8000));
  // (a chunk it holds may be pushed again when its heartbeat does not list it: not a new assignment)
  expect(staller.received.slice(reclaimedAt).filter((id) => first.includes(id))).toEqual([]);
  // 6 slots at most (2 × 3), each chunk it was late on still taking one
  expect(new Set(staller.received).size).toBeLessThanOrEqual(6);
}, 90_000);

it('a late answer still counts when it comes first and right: the node running the chunk meanwhile drops it', async () => {
  const config = quickConfig();
  const owner = await createUser(suite.client);
  // the owner's own nodes (trusted for the owner's jobs): a slow one, then another that holds
  // it computes each chunk as it gets it (fetching the config while it holds it), but answers
  // only past the deadline
  const computing = new Map<string, Promise<ChunkResult>>();
  const slow = await suite.node(owner, {
    mode: 'manual',
    allows: 'own',
    onAssign: (chunk, node) => computing.set(chunk.id, node.run(chunk)),
  });
  const jobId = await createJob(suite.client, owner, { iterations: 2000, seed: 33, config });
  await waitFor(async () => slow.assigned.length === 2, 10_000, 'the slow node to take both chunks');
  const other = await suite.node(owner, {
    mode: 'manual',
    allows: 'own',
  });
  await waitFor(async () => other.assigned.length === 2, 15_000, 'the chunks to move to the other node');

  for (const chunk of slow.assigned) {
    const res = await slow.complete(chunk.id, await computing.get(chunk.id)!);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(true);
  }
  expect(other.cancelled.sort()).toEqual(slow.assigned.map((c) => c.id).sort());
  const job = await waitForJob(suite.client, jobId, 'completed', 10_000);
  expect(job.result).toEqual(localJobResult(config, 33, 2000));
  // the other node's answer now comes second: refused, and the result stays
  const id = other.assigned[0]!.id;
  const again = await other.complete(id, await computing.get(id)!);
  expect(again.body.accepted).toBe(false);
}, 60_000);

it('a late answer that is wrong is refused and the chunk is computed by another node', async () => {
  const config = quickConfig();
  const owner = await createUser(suite.client);
  let wrong: Promise<ChunkResult> | null = null;
  const slow = await suite.node(owner, {
    mode: 'manual',
    allows: 'own',
    onAssign: (chunk, node) => (wrong = node.run({ ...chunk, seedOffset: chunk.seedOffset + 1 })),
  });
  const jobId = await createJob(suite.client, owner, { iterations: 1000, seed: 34, config });
  await waitFor(async () => slow.assigned.length === 1, 10_000, 'the slow node to take the chunk');
  const chunk = slow.assigned[0]!;
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(`SELECT node_id FROM jobs_chunks WHERE job_id = $1`, [jobId]);
      return (rows[0] as { node_id: string | null }).node_id === null;
    },
    15_000,
    'the overdue chunk to be reclaimed',
  );
  const res = await slow.complete(chunk.id, await wrong!);
  expect(res.body).not.toMatchObject({ accepted: true });
  await suite.node(owner, { allows: 'own' });
  const job = await waitForJob(suite.client, jobId, 'completed', 30_000);
  expect(job.result).toEqual(localJobResult(config, 34, 1000));
}, 60_000);
