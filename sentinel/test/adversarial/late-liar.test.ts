// Attack: a node holds each chunk past its deadline, waits until another node's result for it is
// accepted, then sends a made-up one (plausible: its honest result scaled). The answer is refused
// (another node was first), but it is compared with the accepted result: each one is a proven lie
// (quarantine at the third), and none lengthens the liar's deadlines. A refused late answer that
// agrees raises its node's streak, but not when a node of its own owner answered that chunk first
// (it could have copied that answer). Real sentinel and Postgres, replication on; every chunk is
// computed in worker threads, so the sentinel's deadlines are not skewed by the test's own work.
import type { ChunkResult } from '@wowlab/sim-core';
import type { ChunkAssignment } from 'wowlab-node/protocol';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_TRUST_SETTINGS } from '../../src/trust/settings.ts';
import { createJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { SimWorker } from '../trust/support/worker-runner.ts';
import {
  localJobResult,
  newUsers,
  nodeTrust,
  quickConfig,
  registeredNode,
  tamper,
  type RegisteredNodeOptions,
} from '../trust/helpers.ts';

const suite = trustSuite({
  CHUNK_DEADLINE_MIN_MS: '1000',
  // this file is about late answers, not dead sockets: pings as in production
  WS_PING_INTERVAL_MS: '20000',
});
const config = quickConfig();
const worker = new SimWorker();

/** Chunks reclaimed past their deadline (what maintenance hands the scheduler): chunk id → node. */
const overdue = new Map<string, string>();

beforeAll(async () => {
  // started and warm before any node is timed
  await worker.simulate(config, { seed: 1, seedOffset: 0, iterations: 1000 });
  const scheduler = suite.sentinel.app.scheduler;
  const note = scheduler.noteOverdue.bind(scheduler);
  scheduler.noteOverdue = (chunks) => {
    for (const c of chunks) if (c.nodeId) overdue.set(c.id, c.nodeId);
    note(chunks);
  };
});

// each case meets only its own nodes
afterEach(async () => {
  for (const n of suite.open.splice(0)) await n.close();
});

afterAll(async () => {
  await worker.terminate();
});

/** Whether the family of `chunkId` has an accepted (trusted or verified) result. */
async function acceptedElsewhere(chunkId: string): Promise<boolean> {
  const { rows } = await suite.client.query(
    `SELECT 1 FROM jobs_chunks c JOIN jobs_chunks f ON f.id = coalesce(c.replica_of, c.id) OR f.replica_of = coalesce(c.replica_of, c.id)
     WHERE c.id = $1 AND f.verdict IN ('trusted', 'verified')`,
    [chunkId],
  );
  return rows.length > 0;
}

interface LateAnswer {
  chunkId: string;
  accepted: boolean;
}

/**
 * A node that computes each chunk it is given (in the worker) but answers only once another
 * node's result for it is accepted: `lie` sends its result scaled by 1.1 instead.
 */
async function lateNode(
  owner: string,
  lie: boolean,
  opts: RegisteredNodeOptions = {},
): Promise<{ node: TestNode; answers: LateAnswer[] }> {
  const answers: LateAnswer[] = [];
  const answer = async (chunk: ChunkAssignment, node: TestNode): Promise<void> => {
    const honest = await node.run(chunk);
    const result: ChunkResult = lie ? tamper('scaled', honest, () => honest) : honest;
    await waitFor(() => acceptedElsewhere(chunk.id), 30_000, 'another node’s result to be accepted');
    const res = await node.complete(chunk.id, result);
    if (res.status !== 200) throw new Error(`complete: ${res.status} ${JSON.stringify(res.body)}`);
    answers.push({ chunkId: chunk.id, accepted: res.body.accepted });
  };
  const node = await registeredNode(suite.client, suite.sentinel.baseUrl, owner, {
    ...opts,
    mode: 'manual',
    onAssign: (chunk, n) => void answer(chunk, n).catch((err: unknown) => n.errors.push(err)),
  });
  worker.attach(node);
  suite.open.push(node);
  return { node, answers };
}

async function platformNode(operator: string): Promise<TestNode> {
  const node = await registeredNode(suite.client, suite.sentinel.baseUrl, operator, { platform: true });
  worker.attach(node);
  suite.open.push(node);
  return node;
}

it('a late answer made up after another node’s result was accepted is a proven lie: quarantined at the third, deadlines never lengthened', async () => {
  const limit = DEFAULT_TRUST_SETTINGS.quarantineAfter;
  const [victim, liarUser, operator] = await newUsers(suite.client, 3);
  // more slots than the platform node: it is offered a chunk first, one at a time (slow start)
  const liar = await lateNode(liarUser!, true, { maxParallel: 2 });
  const platform = await platformNode(operator!);

  // jobs of the victim keep coming until the liar is quarantined
  for (let round = 0; round < 10 && !(await nodeTrust(suite.client, liar.node.nodeId)).quarantined; round++) {
    const seed = 50 + round;
    const jobId = await createJob(suite.client, victim!, {
      iterations: 4000,
      access: 'public',
      seed,
      config,
    });
    const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
    // nothing it sent was published
    expect(job.result).toEqual(localJobResult(config, seed, 4000));
    const taken = liar.node.assigned.filter((c) => c.jobId === jobId).length;
    await waitFor(
      async () => liar.answers.length === liar.node.assigned.length,
      30_000,
      `the liar's ${taken} late answers of round ${round}`,
    );
  }
  expect(liar.node.errors).toEqual([]);
  // every answer was refused; each one for a chunk taken from it at its deadline is a proven lie
  // (a chunk its quarantine took back is no late answer: refused and ignored)
  expect(liar.answers.every((a) => !a.accepted)).toBe(true);
  const lies = liar.answers.filter((a) => overdue.get(a.chunkId) === liar.node.nodeId);
  expect(lies.length).toBeGreaterThanOrEqual(limit);
  expect(await nodeTrust(suite.client, liar.node.nodeId)).toEqual({
    mismatches: lies.length,
    quarantined: true,
    trust_streak: 0,
    credited_iterations: 0,
  });
  // none of them measured it: a made-up answer never lengthens its deadlines
  expect(suite.sentinel.app.scheduler.speeds.speed(liar.node.nodeId)).toBeUndefined();
  // the platform node computed everything, and lost nothing to a deadline
  expect(await nodeTrust(suite.client, platform.nodeId)).toMatchObject({ mismatches: 0, quarantined: false });

  // quarantined: it is given nothing more
  const given = liar.node.received.length;
  const next = await createJob(suite.client, victim!, {
    iterations: 2000,
    access: 'public',
    seed: 70,
    config,
  });
  await waitForJob(suite.client, next, 'completed', 60_000);
  expect(liar.node.received.length).toBe(given);
}, 180_000);

it('a refused late answer that agrees raises its node’s streak, but not when a node of its own owner answered first', async () => {
  const [victim, honestUser, pairUser, operator] = await newUsers(suite.client, 4);

  // an honest volunteer, late on its chunk: the platform node, there by its deadline, computes it
  // first
  const late = await lateNode(honestUser!, false, { maxParallel: 2 });
  const first = await createJob(suite.client, victim!, { access: 'public', seed: 81, config });
  await waitFor(async () => late.node.assigned.length === 1, 10_000, 'the late node to take the chunk');
  const platform = await platformNode(operator!);
  await waitForJob(suite.client, first, 'completed', 60_000);
  await waitFor(async () => late.answers.length === 1, 30_000, 'the late answer');
  expect(late.answers[0]).toEqual({ chunkId: late.node.assigned[0]!.id, accepted: false });
  // the platform node's result vouches for it: one more on its streak (no credit: nothing of it
  // was accepted), and its time measures it
  expect(await nodeTrust(suite.client, late.node.nodeId)).toEqual({
    trust_streak: 1,
    mismatches: 0,
    quarantined: false,
    credited_iterations: 0,
  });
  expect(suite.sentinel.app.scheduler.speeds.speed(late.node.nodeId)).toBeDefined();
  await platform.close();
  await late.node.close();

  // two nodes of one owner: the late one's chunk goes to the other, whose result the platform
  // node verifies; the late answer agrees, but it could have been copied from its sibling
  const copier = await lateNode(pairUser!, false, { maxParallel: 2 });
  const second = await createJob(suite.client, victim!, { access: 'public', seed: 82, config });
  await waitFor(async () => copier.node.assigned.length === 1, 10_000, 'the late node to take the chunk');
  const sibling = await registeredNode(suite.client, suite.sentinel.baseUrl, pairUser!);
  worker.attach(sibling);
  suite.open.push(sibling);
  await waitFor(async () => sibling.completed.length === 1, 30_000, 'the sibling to compute the chunk');
  const verifier = await platformNode(operator!);
  await waitForJob(suite.client, second, 'completed', 60_000);
  await waitFor(async () => copier.answers.length === 1, 30_000, 'the late answer');
  expect(copier.answers[0]!.accepted).toBe(false);
  expect(await nodeTrust(suite.client, sibling.nodeId)).toMatchObject({ trust_streak: 1, mismatches: 0 });
  expect(await nodeTrust(suite.client, copier.node.nodeId)).toEqual({
    trust_streak: 0,
    mismatches: 0,
    quarantined: false,
    credited_iterations: 0,
  });
  expect(await nodeTrust(suite.client, verifier.nodeId)).toMatchObject({ mismatches: 0 });
  expect([...late.node.errors, ...copier.node.errors]).toEqual([]);
}, 180_000);

it('one person’s three accounts gain nothing by late answers on their own jobs: the owner’s node vouches for no one, and its own late answer earns it nothing', async () => {
  const [owner, second, third, operator] = await newUsers(suite.client, 4);
  const threshold = DEFAULT_TRUST_SETTINGS.threshold;

  // the second account's node is late on the first account's job; the owner's own node (even
  // earned-trusted) computes it, and the late answer agrees: no streak, since the owner could
  // farm trust for its other accounts this way
  const agreeing = await lateNode(second!, false, { maxParallel: 2 });
  const first = await createJob(suite.client, owner!, { access: 'public', seed: 91, config });
  await waitFor(async () => agreeing.node.assigned.length === 1, 10_000, 'the late node to take the chunk');
  const own = await registeredNode(suite.client, suite.sentinel.baseUrl, owner!, { trustStreak: threshold });
  worker.attach(own);
  suite.open.push(own);
  const firstJob = await waitForJob(suite.client, first, 'completed', 60_000);
  expect(firstJob.result).toEqual(localJobResult(config, 91, 1000));
  await waitFor(async () => agreeing.answers.length === 1, 30_000, 'the late answer');
  expect(agreeing.answers[0]!.accepted).toBe(false);
  expect(await nodeTrust(suite.client, agreeing.node.nodeId)).toEqual({
    trust_streak: 0,
    mismatches: 0,
    quarantined: false,
    credited_iterations: 0,
  });
  // it was judged as a late answer that agrees: its time measures it
  expect(suite.sentinel.app.scheduler.speeds.speed(agreeing.node.nodeId)).toBeDefined();

  // the third account's node lies late on the same owner's next job: what is published is the
  // owner's node's result, and the owner's word alone penalises no one
  const lying = await lateNode(third!, true, { maxParallel: 2 });
  const next = await createJob(suite.client, owner!, { access: 'public', seed: 92, config });
  await waitFor(async () => lying.node.assigned.length === 1, 10_000, 'the liar to take the chunk');
  const nextJob = await waitForJob(suite.client, next, 'completed', 60_000);
  expect(nextJob.result).toEqual(localJobResult(config, 92, 1000));
  await waitFor(async () => lying.answers.length === 1, 30_000, 'the late lie');
  expect(lying.answers[0]!.accepted).toBe(false);
  expect(await nodeTrust(suite.client, lying.node.nodeId)).toMatchObject({ trust_streak: 0, mismatches: 0 });
  // nor does a made-up answer measure it
  expect(suite.sentinel.app.scheduler.speeds.speed(lying.node.nodeId)).toBeUndefined();
  await own.close();
  await agreeing.node.close();
  await lying.node.close();

  // the owner's own node, late on its own job, agrees with the platform node: no streak either
  // (its owner's jobs are its own, whatever it answers there)
  const ownLate = await lateNode(owner!, false, { maxParallel: 2 });
  const third_ = await createJob(suite.client, owner!, { access: 'public', seed: 93, config });
  await waitFor(async () => ownLate.node.assigned.length === 1, 10_000, 'the owner’s node to take the chunk');
  const platform = await platformNode(operator!);
  await waitForJob(suite.client, third_, 'completed', 60_000);
  await waitFor(async () => ownLate.answers.length === 1, 30_000, 'the owner’s late answer');
  expect(ownLate.answers[0]!.accepted).toBe(false);
  expect(await nodeTrust(suite.client, ownLate.node.nodeId)).toEqual({
    trust_streak: 0,
    mismatches: 0,
    quarantined: false,
    credited_iterations: 0,
  });
  expect(await nodeTrust(suite.client, platform.nodeId)).toMatchObject({ mismatches: 0 });
  expect([...agreeing.node.errors, ...lying.node.errors, ...ownLate.node.errors]).toEqual([]);
}, 180_000);
