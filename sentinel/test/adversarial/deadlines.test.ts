// Deadlines that follow each node's measured speed (scheduler/node-speed.ts), attacked and
// defended on the real sentinel and Postgres, with replication on. A staller loses what it holds
// at the deadline of its own measured speed to a node of another owner and gets fewer slots; a liar
// answering at once makes only its own deadlines short; a slow honest volunteer keeps its chunks,
// its deadline stretched by its own speed; and a volunteer slower than the default deadline is
// measured by its late answer even when another node finished that chunk first.
//
// Time is shortened by the sentinel's own settings, not by sleeping minutes: a 500 ms floor
// (CHUNK_DEADLINE_MIN_MS; 60 s in production) and a config whose chunk an unmeasured node gets
// a few seconds for. Scripted nodes answer a set time after they start a chunk, so a node's pace
// is what the test says, whatever the machine's load. Every simulation (the nodes' and the
// expected results) runs in worker threads, as headless nodes do: on the event loop the sentinel
// shares with the test it would hold the sentinel up for seconds and skew every deadline.
import {
  COST_LIMITS,
  estimateCost,
  JOB_CHUNK_ITERATIONS,
  mergeResults,
  type ChunkResult,
  type JobResult,
} from '@wowlab/sim-core';
import type { ChunkAssignment } from 'wowlab-node/protocol';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { deadlineMs, type DeadlineRule } from '../../src/scheduler/node-speed.ts';
import { createJob, testConfig, waitFor, waitForJob } from '../helpers/fixtures.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { SimWorker } from '../trust/support/worker-runner.ts';
import {
  chunkRows,
  newUsers,
  nodeTrust,
  registeredNode,
  type RegisteredNodeOptions,
} from '../trust/helpers.ts';

const RULE: DeadlineRule = { slack: 4, minMs: 500, maxMs: 120_000 };
const suite = trustSuite({
  CHUNK_DEADLINE_SLACK: String(RULE.slack),
  CHUNK_DEADLINE_MIN_MS: String(RULE.minMs),
  CHUNK_DEADLINE_MAX_MS: String(RULE.maxMs),
  // this file is about deadlines, not dead sockets: pings as in production
  WS_PING_INTERVAL_MS: '20000',
});

// a 150 s fight: a chunk an unmeasured node (a quarter of a median core) gets ~6.9 s for (the
// default spec's cost estimate decides; checked in beforeAll)
const CONFIG = testConfig({ durationSeconds: 150, durationVariation: 0 });
const WORK = estimateCost(CONFIG).eventsPerIteration * JOB_CHUNK_ITERATIONS;
/** The deadline of a node not measured yet. */
const DEFAULT_MS = deadlineMs(WORK, undefined, RULE);
/** The deadline of a node as fast as a median core. */
const MEDIAN_CORE_MS = deadlineMs(WORK, COST_LIMITS.workPerSecondMedianCore, RULE);
/** A slow honest volunteer's time per chunk: well within the default, longer than a median core's deadline. */
const SLOW_MS = 3_000;

// each case meets only its own nodes
afterEach(async () => {
  for (const n of suite.open.splice(0)) await n.close();
});

afterAll(async () => {
  for (const w of workers) await w.terminate();
});

/** Chunks reclaimed past their deadline (what maintenance hands the scheduler), and when. */
const overdue: Array<{ id: string; nodeId: string; claimedMs: number; at: number }> = [];

const workers: SimWorker[] = [];
let turn = 0;
function worker(): SimWorker {
  return workers[turn++ % workers.length]!;
}

/** Chunk results of CONFIG computed here (in the workers), by job seed and seed offset. */
const computed = new Map<string, Promise<ChunkResult>>();
function chunkResult(seed: number, seedOffset: number): Promise<ChunkResult> {
  const key = `${seed}:${seedOffset}`;
  let r = computed.get(key);
  if (!r) {
    r = worker().simulate(CONFIG, { seed, seedOffset, iterations: JOB_CHUNK_ITERATIONS });
    computed.set(key, r);
  }
  return r;
}

/** A job's exact result: its chunks run here (in the workers) and merged as create_job splits them. */
async function expectedResult(seed: number, iterations: number): Promise<JobResult> {
  const offsets = Array.from(
    { length: iterations / JOB_CHUNK_ITERATIONS },
    (_, i) => i * JOB_CHUNK_ITERATIONS,
  );
  return mergeResults(await Promise.all(offsets.map((seedOffset) => chunkResult(seed, seedOffset))));
}

/** A plausible made-up result: another chunk's numbers (relabelled for each chunk a liar answers). */
let madeUp: ChunkResult;

beforeAll(async () => {
  workers.push(new SimWorker(), new SimWorker());
  // both workers started and warm before any node is timed
  [madeUp] = await Promise.all(
    workers.map((w, i) =>
      w.simulate(CONFIG, { seed: 4242, seedOffset: i, iterations: JOB_CHUNK_ITERATIONS }),
    ),
  );
  expect(MEDIAN_CORE_MS).toBeLessThan(SLOW_MS);
  // room to fetch the config and compute the first chunk on a loaded machine
  expect(DEFAULT_MS - SLOW_MS).toBeGreaterThan(2_500);
  const scheduler = suite.sentinel.app.scheduler;
  const note = scheduler.noteOverdue.bind(scheduler);
  scheduler.noteOverdue = (chunks) => {
    for (const c of chunks)
      if (c.nodeId)
        overdue.push({ id: c.id, nodeId: c.nodeId, claimedMs: c.claimedMs ?? NaN, at: Date.now() });
    note(chunks);
  };
});

/**
 * What a scripted node does with its next chunk: compute it and answer `answerAfterMs` after
 * starting it (one chunk at a time, as a one-core node) or once `answerWhen` has happened; hold it
 * and never answer; or answer at once with a made-up result (plausible: another chunk's numbers,
 * relabelled).
 */
type Behaviour =
  { answerAfterMs: number | (() => Promise<number>) } | { answerWhen: Promise<unknown> } | 'hold' | 'lie';

interface Answer {
  chunkId: string;
  accepted: boolean;
  /** When the node got the chunk and when the sentinel answered its result. */
  receivedAt: number;
  answeredAt: number;
}

interface Scripted {
  node: TestNode;
  /** Decides per chunk, in the order they arrive (0, 1, ...). */
  behaviour: (index: number) => Behaviour;
  answers: Answer[];
  held: ChunkAssignment[];
}

async function scriptedNode(
  owner: string,
  behaviour: Scripted['behaviour'],
  opts: RegisteredNodeOptions = {},
): Promise<Scripted> {
  const script: Scripted = { node: null as unknown as TestNode, behaviour, answers: [], held: [] };
  let queue = Promise.resolve();
  let index = 0;
  const answer = async (chunk: ChunkAssignment, node: TestNode, receivedAt: number, result: ChunkResult) => {
    const res = await node.complete(chunk.id, result);
    if (res.status !== 200) throw new Error(`complete: ${res.status} ${JSON.stringify(res.body)}`);
    script.answers.push({
      chunkId: chunk.id,
      accepted: res.body.accepted,
      receivedAt,
      answeredAt: Date.now(),
    });
  };
  const onAssign = (chunk: ChunkAssignment, node: TestNode): void => {
    const receivedAt = Date.now();
    const b = script.behaviour(index++);
    if (b === 'hold') {
      script.held.push(chunk);
    } else if (b === 'lie') {
      const lie = { ...madeUp, seedOffset: chunk.seedOffset, iterations: chunk.iterations };
      void answer(chunk, node, receivedAt, lie).catch((err: unknown) => node.errors.push(err));
    } else {
      queue = queue
        .then(async () => {
          const started = Date.now();
          // a job whose chunks were computed beforehand is answered from them, so the node's pace is
          // the script's alone, not the time a loaded machine takes to simulate
          const result =
            computed.has(`${chunk.seed}:${chunk.seedOffset}`) && chunk.iterations === JOB_CHUNK_ITERATIONS
              ? await chunkResult(chunk.seed, chunk.seedOffset)
              : await node.run(chunk);
          if ('answerWhen' in b) await b.answerWhen;
          else {
            const after = typeof b.answerAfterMs === 'number' ? b.answerAfterMs : await b.answerAfterMs();
            await new Promise((r) => setTimeout(r, Math.max(0, started + after - Date.now())));
          }
          await answer(chunk, node, receivedAt, result);
        })
        .catch((err: unknown) => void node.errors.push(err));
    }
  };
  script.node = await registeredNode(suite.client, suite.sentinel.baseUrl, owner, {
    ...opts,
    mode: 'manual',
    onAssign,
  });
  worker().attach(script.node);
  suite.open.push(script.node);
  return script;
}

/** A platform node (trusted by construction: the reference results are checked against). */
async function platformNode(operator: string): Promise<TestNode> {
  const node = await registeredNode(suite.client, suite.sentinel.baseUrl, operator, { platform: true });
  worker().attach(node);
  suite.open.push(node);
  return node;
}

function deadlineOf(node: TestNode): number {
  return deadlineMs(WORK, suite.sentinel.app.scheduler.speeds.speed(node.nodeId), RULE);
}

function reclaimedFrom(node: TestNode): typeof overdue {
  return overdue.filter((o) => o.nodeId === node.nodeId);
}

/** What the job's owner reads on the job page (through RLS, as the site does). */
async function ownerSees(userId: string, jobId: string) {
  const db = suite.client;
  await db.query('BEGIN');
  try {
    await db.query(`SELECT set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated' }),
    ]);
    await db.query('SET LOCAL ROLE authenticated');
    const { rows: jobs } = await db.query(
      `SELECT status, error, result, corrected_at, completed_iterations, total_iterations FROM jobs WHERE id = $1`,
      [jobId],
    );
    const { rows: chunks } = await db.query(
      `SELECT status, count(*)::int AS n FROM jobs_chunks WHERE job_id = $1 GROUP BY status`,
      [jobId],
    );
    return { job: jobs[0] as Record<string, unknown>, chunksByStatus: chunks };
  } finally {
    await db.query('COMMIT');
  }
}

/**
 * A slow honest volunteer (answering `pace` after it starts each chunk, SLOW_MS by default) and a
 * platform node (800 ms), of their own owners, beside whatever node is connected already: a public
 * job of 8,000 iterations of a fourth user, run to the end and checked against the exact result.
 */
async function slowVolunteerJob(
  seed: number,
  pace: number | (() => Promise<number>) = SLOW_MS,
): Promise<{ jobId: string; honest: Scripted; platform: Scripted }> {
  const [victim, honestUser, operator] = await newUsers(suite.client, 3);
  await expectedResult(seed, 8000); // computed before the slow node is timed
  const honest = await scriptedNode(honestUser!, () => ({ answerAfterMs: pace }));
  const platform = await scriptedNode(operator!, () => ({ answerAfterMs: 800 }), { platform: true });
  const jobId = await createJob(suite.client, victim!, {
    iterations: 8000,
    access: 'public',
    seed,
    config: CONFIG,
  });
  await expectCompletedExactly(victim!, jobId, seed, 8000);
  return { jobId, honest, platform };
}

/**
 * Every result `node` had accepted on `jobId` (its `answered` count) was verified against the
 * platform node and credited, its streak grew by each, and nothing counted against it.
 */
async function expectVerifiedAndCredited(node: TestNode, jobId: string, answered: number): Promise<void> {
  const mine = (await chunkRows(suite.client, jobId)).filter((r) => r.node_id === node.nodeId);
  expect(mine).toHaveLength(answered);
  expect(mine.every((r) => r.verdict === 'verified')).toBe(true);
  expect(await nodeTrust(suite.client, node.nodeId)).toMatchObject({
    mismatches: 0,
    quarantined: false,
    trust_streak: mine.length,
    credited_iterations: mine.reduce((s, r) => s + r.iterations, 0),
  });
}

async function expectCompletedExactly(owner: string, jobId: string, seed: number, iterations: number) {
  await waitForJob(suite.client, jobId, 'completed', 90_000);
  const seen = await ownerSees(owner, jobId);
  expect(seen.job).toEqual({
    status: 'completed',
    error: null,
    result: await expectedResult(seed, iterations),
    corrected_at: null,
    completed_iterations: iterations,
    total_iterations: iterations,
  });
  expect(seen.chunksByStatus.every((c) => (c as { status: string }).status === 'completed')).toBe(true);
}

it('a staller loses what it holds at the deadline of its own measured speed, to another owner’s node, and gets fewer slots', async () => {
  const [victim, stallUser, operator] = await newUsers(suite.client, 3);
  // it computes its owner's own sim honestly and at once (it is measured), then holds everything
  // it is given
  let stalling = false;
  const staller = await scriptedNode(stallUser!, () => (stalling ? 'hold' : { answerAfterMs: 0 }), {
    allows: 'own',
  });
  await expectCompletedExactly(
    stallUser!,
    await createJob(suite.client, stallUser!, { seed: 1, config: CONFIG }),
    1,
    1000,
  );
  // its deadline is its own pace (that chunk's time from assignment to answer) times the slack
  const stallerDeadline = deadlineOf(staller.node);
  const { rows: own } = await suite.client.query(
    `SELECT (extract(epoch FROM completed_at - claimed_at) * 1000)::float8 AS ms FROM jobs_chunks WHERE node_id = $1`,
    [staller.node.nodeId],
  );
  const ownMs = (own as Array<{ ms: number }>)[0]!.ms;
  expect(stallerDeadline).toBeGreaterThanOrEqual(Math.max(RULE.minMs, RULE.slack * ownMs));
  expect(stallerDeadline).toBeLessThan(Math.max(RULE.minMs, RULE.slack * (ownMs + 1_000)));

  stalling = true;
  await suite.client.query(`INSERT INTO nodes_permissions (node_id, access_type) VALUES ($1, 'public')`, [
    staller.node.nodeId,
  ]);
  const platform = await platformNode(operator!);
  const seed = 12;
  const jobId = await createJob(suite.client, victim!, {
    iterations: 6000,
    access: 'public',
    seed,
    config: CONFIG,
  });
  await expectCompletedExactly(victim!, jobId, seed, 6000);

  // every chunk it took was reclaimed at its own deadline and computed by the platform node (of
  // another owner)
  const taken = staller.held.filter((c) => c.jobId === jobId);
  expect(taken.length).toBeGreaterThan(0);
  const rows = await chunkRows(suite.client, jobId);
  for (const chunk of taken) {
    const lost = reclaimedFrom(staller.node).find((o) => o.id === chunk.id);
    expect(lost).toBeDefined();
    const held = lost!.at - lost!.claimedMs;
    expect(held).toBeGreaterThanOrEqual(stallerDeadline - 5);
    expect(held).toBeLessThan(stallerDeadline + 3_000);
    expect(rows.find((r) => r.id === chunk.id)?.node_id).toBe(platform.nodeId);
  }
  // fewer slots: each chunk it was late on takes one of its 2 (1 running + 1 prefetched), so over
  // this job and the next it never holds more than 2, though it asks for work all along
  const next = await createJob(suite.client, victim!, {
    iterations: 2000,
    access: 'public',
    seed: 13,
    config: CONFIG,
  });
  await expectCompletedExactly(victim!, next, 13, 2000);
  expect(new Set(staller.held.map((c) => c.id)).size).toBeLessThanOrEqual(2);
  // a missed deadline is no failure and no lie: nothing counted against the chunks or its trust
  const { rows: attempts } = await suite.client.query(
    `SELECT max(attempts)::int AS a FROM jobs_chunks WHERE job_id = ANY($1::uuid[])`,
    [[jobId, next]],
  );
  expect(attempts).toEqual([{ a: 0 }]);
  expect(await nodeTrust(suite.client, staller.node.nodeId)).toMatchObject({
    mismatches: 0,
    quarantined: false,
  });
  expect(reclaimedFrom(platform)).toEqual([]);
}, 120_000);

it('a liar answering at once shortens only its own deadline: the slow honest volunteer beside it keeps its chunks', async () => {
  const [liarUser] = await newUsers(suite.client, 1);
  // two made-up results sent the moment it gets a chunk (it looks many times faster than anyone),
  // then it holds what it is given
  const LIES = 2;
  const liar = await scriptedNode(liarUser!, (i) => (i < LIES ? 'lie' : 'hold'));
  // The honest volunteer answers a while after the liar's deadline as measured at its lies. The
  // liar's time runs from the assignment in Postgres to its answer handled by the sentinel: on a
  // loaded machine that is no instant (pushes, signing, the judging transaction), so a fixed pace
  // would not be sure to be slower than its deadline.
  const liarMeasured = waitFor(async () => liar.answers.length >= LIES, 30_000, 'the liar’s answers');
  const pace = async (): Promise<number> => {
    await liarMeasured;
    return Math.max(SLOW_MS, deadlineOf(liar.node) + 500);
  };
  const { jobId, honest, platform } = await slowVolunteerJob(21, pace);

  // the liar: measured at its instant answers, so its deadline is short…
  const liarAnswers = liar.answers.filter((a) => a.accepted);
  expect(liarAnswers).toHaveLength(LIES);
  const liarDeadline = deadlineOf(liar.node);
  const honestDeadline = deadlineOf(honest.node);
  expect(liarDeadline).toBeLessThan(DEFAULT_MS);
  expect(liarDeadline).toBeLessThan(honestDeadline);
  // …and it is the one that paid for it: what it held was taken from it at that deadline
  expect(liar.held.length).toBeGreaterThan(0);
  for (const chunk of liar.held) {
    const lost = reclaimedFrom(liar.node).find((o) => o.id === chunk.id);
    expect(lost).toBeDefined();
    expect(lost!.at - lost!.claimedMs).toBeGreaterThanOrEqual(liarDeadline - 5);
    expect(lost!.at - lost!.claimedMs).toBeLessThan(honestDeadline);
  }
  // its lies were judged against the platform node: none published, each one counted
  const rows = await chunkRows(suite.client, jobId);
  expect(
    rows.filter(
      (r) => r.node_id === liar.node.nodeId && (r.verdict === 'trusted' || r.verdict === 'verified'),
    ),
  ).toEqual([]);
  expect((await nodeTrust(suite.client, liar.node.nodeId)).mismatches).toBe(LIES);

  // the honest volunteer took longer than the liar's deadline on every chunk and lost none
  const honestAnswers = honest.answers.filter((a) => a.accepted);
  expect(honestAnswers.length).toBeGreaterThanOrEqual(1);
  for (const a of honestAnswers) expect(a.answeredAt - a.receivedAt).toBeGreaterThan(liarDeadline);
  expect(reclaimedFrom(honest.node)).toEqual([]);
  expect(reclaimedFrom(platform.node)).toEqual([]);
  expect(honestDeadline).toBeGreaterThanOrEqual(RULE.slack * SLOW_MS);
  // its results agreed with the platform node's: never penalised
  await expectVerifiedAndCredited(honest.node, jobId, honestAnswers.length);
}, 120_000);

it('a slow honest volunteer keeps its chunks: its deadline stretches with its measured speed, and it is never penalised', async () => {
  const { jobId, honest: slow, platform } = await slowVolunteerJob(31);

  const answers = slow.answers.filter((a) => a.accepted);
  expect(answers.length).toBeGreaterThanOrEqual(2);
  // each chunk took it longer than a median core's deadline; none was taken from it
  for (const a of answers) expect(a.answeredAt - a.receivedAt).toBeGreaterThan(MEDIAN_CORE_MS);
  expect(reclaimedFrom(slow.node)).toEqual([]);
  expect(reclaimedFrom(platform.node)).toEqual([]);
  // its deadline now follows its own pace: past the default an unmeasured node gets
  expect(deadlineOf(slow.node)).toBeGreaterThanOrEqual(RULE.slack * SLOW_MS);
  expect(deadlineOf(slow.node)).toBeGreaterThan(DEFAULT_MS);
  // every result it sent was verified and credited, and nothing counted against it
  await expectVerifiedAndCredited(slow.node, jobId, answers.length);
}, 120_000);

it('a volunteer slower than the default deadline is measured by its refused late answer, then keeps its chunks', async () => {
  const [victim, slowUser, operator] = await newUsers(suite.client, 3);
  const VERY_SLOW_MS = DEFAULT_MS + 1_500;
  // its first answer comes once the platform node has finished that chunk (it loses the race);
  // the next ones come VERY_SLOW_MS after it starts a chunk, past the default deadline.
  // Two slots: it is preferred over the platform node, which has one.
  let firstDone: (v?: unknown) => void = () => {};
  const lost = new Promise((resolve) => (firstDone = resolve));
  const slow = await scriptedNode(
    slowUser!,
    (i) => (i === 0 ? { answerWhen: lost } : { answerAfterMs: VERY_SLOW_MS }),
    { maxParallel: 2 },
  );
  const first = await createJob(suite.client, victim!, { access: 'public', seed: 41, config: CONFIG });
  await waitFor(async () => slow.node.assigned.length === 1, 10_000, 'the slow node to take the chunk');
  expect(suite.sentinel.app.scheduler.speeds.speed(slow.node.nodeId)).toBeUndefined();
  // at the default deadline the chunk goes to the platform node, which finishes it
  const platform = await platformNode(operator!);
  await expectCompletedExactly(victim!, first, 41, 1000);
  const [reclaimed] = reclaimedFrom(slow.node);
  expect(reclaimed?.id).toBe(slow.node.assigned[0]!.id);
  expect(reclaimed!.at - reclaimed!.claimedMs).toBeGreaterThanOrEqual(DEFAULT_MS - 5);
  firstDone();
  const refused = await waitFor(async () => slow.answers[0], 10_000, 'the late answer');
  expect(refused.accepted).toBe(false);
  // refused, yet measured: it answered after the default deadline, so its own deadline is now at
  // least the slack times that
  expect(deadlineOf(slow.node)).toBeGreaterThan(RULE.slack * DEFAULT_MS);

  // its next chunk takes as long, longer than the default deadline, and stays with it
  const second = await createJob(suite.client, victim!, { access: 'public', seed: 42, config: CONFIG });
  await expectCompletedExactly(victim!, second, 42, 1000);
  const kept = slow.answers[1]!;
  expect(kept.accepted).toBe(true);
  expect(kept.answeredAt - kept.receivedAt).toBeGreaterThan(DEFAULT_MS);
  expect(reclaimedFrom(slow.node)).toHaveLength(1);
  const rows = await chunkRows(suite.client, second);
  expect(rows.find((r) => r.replica_of === null)).toMatchObject({
    node_id: slow.node.nodeId,
    verdict: 'verified',
  });
  expect(rows.find((r) => r.replica_of !== null)?.node_id).toBe(platform.nodeId);
  expect(await nodeTrust(suite.client, slow.node.nodeId)).toMatchObject({
    mismatches: 0,
    quarantined: false,
  });
}, 120_000);
