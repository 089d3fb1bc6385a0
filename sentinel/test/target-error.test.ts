// Smart sims: a job with a target error stops at the first prefix of its chunks (seed order)
// whose merged 95 % error reaches the target, within its iteration cap; the stopping point and
// the result are the same on one node and on three.
import { createTestDatabase } from '@wowlab/db';
import {
  mergeResults,
  simulate,
  SmartStop,
  statWeightVariants,
  type SimConfig,
  type SmartRule,
} from '@wowlab/sim-core';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, createJob, createUser, getJob, waitFor, waitForJob } from './helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from './helpers/sentinel.ts';
import type { TestNode } from './helpers/test-node.ts';
import { localSmartStop, quickConfig, registeredNode } from './trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let nodes: TestNode[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
});
afterEach(async () => {
  for (const n of nodes) await n.close();
  nodes = [];
});
afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

const config = quickConfig();
const SEED = 77;
const CAP = 60_000;
const TARGET = 0.0016; // about 8,000 iterations of this config

/** Where a local run of the same seed stops: the first prefix (≥ 2 chunks) within the target. */
const expectedStop = () => localSmartStop(config, SEED, CAP, TARGET);

/**
 * This file's smart sim (SEED, up to CAP, TARGET) by a new owner, run to the end on the nodes
 * connected: its id, where it stopped and its result; no chunk past the stop was completed.
 */
async function runSmartJob(): Promise<{ jobId: string; total: number; result: unknown }> {
  const owner = await createUser(client);
  const jobId = await createJob(client, owner, {
    iterations: CAP,
    access: 'public',
    seed: SEED,
    config,
    targetError: TARGET,
  });
  const job = await waitForJob(client, jobId, 'completed', 120_000);
  const row = await getJob(client, jobId);
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE status = 'completed' AND seed_offset >= $2)::int AS beyond FROM jobs_chunks WHERE job_id = $1`,
    [jobId, row.total_iterations],
  );
  expect(rows[0]).toEqual({ beyond: 0 });
  return { jobId, total: row.total_iterations, result: job.result };
}

/** runSmartJob on `nodeCount` honest nodes of their own owners. */
async function runOn(nodeCount: number): Promise<{ total: number; result: unknown }> {
  for (let i = 0; i < nodeCount; i++) {
    nodes.push(await registeredNode(client, sentinel.baseUrl, await createUser(client), { maxParallel: 2 }));
  }
  return runSmartJob();
}

it('stops at the first prefix within the target error, below the cap, with the exact result', async () => {
  const expected = expectedStop();
  expect(expected.end).toBeLessThan(CAP); // the target is reachable: the test means something
  expect(expected.end).toBeGreaterThan(2000);
  const one = await runOn(1);
  expect(one.total).toBe(expected.end);
  const result = one.result as { dpsError: number; mean: number; iterations: number };
  expect(result).toEqual({ ...mergeResults(expected.chunks), stopped: 'target' });
  expect(result.iterations).toBe(expected.end);
  expect(result.dpsError / result.mean).toBeLessThanOrEqual(TARGET);
}, 180_000);

it('stops at the same chunk with the same result on three nodes', async () => {
  const one = expectedStop();
  const three = await runOn(3);
  expect(three.total).toBe(one.end);
  expect(three.result).toEqual({ ...mergeResults(one.chunks), stopped: 'target' });
}, 180_000);

it('cancels on the node the chunks the stop dropped while it was still computing them', async () => {
  const expected = expectedStop();
  const lastOfPrefix = expected.end - 1000;
  let holding = 0;
  // completes the chunks of the prefix, holds (never answers) those past it: the stop must drop
  // and cancel them; the prefix's last chunk waits until one past it is held, so one surely is
  const holder = await registeredNode(client, sentinel.baseUrl, await createUser(client), {
    maxParallel: 2,
    mode: 'manual',
    onAssign: (chunk, node) => {
      if (chunk.seedOffset >= expected.end) {
        holding++;
        return;
      }
      void (async () => {
        const result = await node.run(chunk);
        const until = Date.now() + 20_000;
        while (chunk.seedOffset === lastOfPrefix && holding === 0 && Date.now() < until)
          await new Promise((r) => setTimeout(r, 20));
        await node.complete(chunk.id, result);
      })().catch((err: unknown) => node.errors.push(err));
    },
  });
  nodes.push(holder);
  const { jobId, total, result } = await runSmartJob();
  expect(total).toBe(expected.end);
  expect(result).toEqual({ ...mergeResults(expected.chunks), stopped: 'target' });
  const held = holder.assigned.filter((c) => c.seedOffset >= expected.end).map((c) => c.id);
  expect(held.length).toBeGreaterThan(0);
  await waitFor(async () => held.every((id) => holder.cancelled.includes(id)), 10_000, 'the cancel frames');
  expect(holder.errors).toEqual([]);
  // the dropped rows are not running any more: nothing left held against the node
  const { rows } = await client.query(
    `SELECT count(*)::int AS running FROM jobs_chunks WHERE job_id = $1 AND status = 'running'`,
    [jobId],
  );
  expect(rows[0]).toEqual({ running: 0 });
}, 180_000);

describe('with variants', () => {
  const weak = structuredClone(config);
  weak.player.stats.agility = Math.round(config.player.stats.agility / 2);
  const plus = structuredClone(config);
  plus.player.stats.agility = Math.round(config.player.stats.agility * 1.02);
  const variants = [
    { name: 'same', config },
    { name: 'weak', config: weak },
    { name: 'plus', config: plus },
  ];

  /** Where each run stops locally: the same rule over a local run of the same seed. */
  function expectedStops(
    rule: SmartRule,
    list: ReadonlyArray<{ config: SimConfig }> = variants,
  ): Array<{ chunks: number; reason: string }> {
    const runConfigs = [config, ...list.map((v) => v.config)];
    const stopper = new SmartStop(runConfigs.length, TARGET, CAP / 1000, rule);
    for (let offset = 0; offset < CAP && !stopper.done; offset += 1000) {
      runConfigs.forEach((c, i) => {
        if (stopper.runs[i]!.stopped === null)
          stopper.push(i, simulate(c, { seed: SEED, seedOffset: offset, iterations: 1000 }));
      });
      stopper.advance();
    }
    return stopper.runs.map((r) => ({ chunks: r.chunks, reason: r.stopped ?? 'cap' }));
  }

  async function runJob(
    nodeCount: number,
    eliminate: boolean,
    list: ReadonlyArray<{ name: string; config: SimConfig }> = variants,
  ) {
    const owner = await createUser(client);
    for (let i = 0; i < nodeCount; i++) {
      nodes.push(
        await registeredNode(client, sentinel.baseUrl, await createUser(client), { maxParallel: 2 }),
      );
    }
    const jobId = await createJob(client, owner, {
      iterations: CAP,
      access: 'public',
      seed: SEED,
      config,
      variants: [...list],
      targetError: TARGET,
      eliminate,
    });
    const job = await waitForJob(client, jobId, 'completed', 150_000);
    const { rows } = await client.query(
      `SELECT variant, count(*)::int AS chunks FROM jobs_chunks
       WHERE job_id = $1 AND status = 'completed' AND replica_of IS NULL GROUP BY variant ORDER BY variant`,
      [jobId],
    );
    return { job, completedPerRun: (rows as Array<{ chunks: number }>).map((r) => r.chunks) };
  }

  function stopsOf(
    result: unknown,
    list: ReadonlyArray<{ name: string }> = variants,
  ): Array<{ chunks: number; reason: string }> {
    const r = result as {
      iterations: number;
      stopped: string;
      variants: Array<{ name: string; iterations: number; stopped: string }>;
    };
    const byName = new Map(r.variants.map((v) => [v.name, v]));
    return [
      { chunks: r.iterations / 1000, reason: r.stopped },
      ...list.map((v) => ({
        chunks: byName.get(v.name)!.iterations / 1000,
        reason: byName.get(v.name)!.stopped,
      })),
    ];
  }

  it('stops each variant on its own, drops one clearly below the best early, and says why', async () => {
    const expected = expectedStops('eliminate');
    // the case means something: the weak variant goes early, the best (+2 % agility) is never dropped
    expect(expected[2]!.reason).toBe('eliminated');
    expect(expected[3]!.reason).not.toBe('eliminated');
    expect(expected[2]!.chunks).toBeLessThan(expected[3]!.chunks);
    expect(expected[1]).toEqual(expected[0]); // identical to the base: same samples, same stop
    const { job, completedPerRun } = await runJob(2, true);
    expect(stopsOf(job.result)).toEqual(expected);
    // nothing past a run's stop is merged (or left counted)
    expect(completedPerRun).toEqual(expected.map((s) => s.chunks));
    const same = (job.result as { variants: Array<{ name: string; delta: number }> }).variants.find(
      (v) => v.name === 'same',
    )!;
    expect(same.delta).toBe(0);
  }, 240_000);

  it('without elimination every run goes to its own target, the same on 1 node and on 3', async () => {
    const expected = expectedStops('each');
    expect(expected.map((s) => s.reason)).not.toContain('eliminated');
    const one = await runJob(1, false);
    for (const n of nodes) await n.close();
    nodes = [];
    const three = await runJob(3, false);
    expect(stopsOf(one.job.result)).toEqual(expected);
    expect(three.job.result).toEqual(one.job.result);
  }, 300_000);

  it('stat weights: each weight stops on its paired Δ error, the base on its own; the same on 1 node and on 3', async () => {
    const weights = statWeightVariants(config);
    const expected = expectedStops('paired', weights);
    // the case means something: no weight runs past the base, and some stop well before it
    expect(expected.map((s) => s.reason)).toEqual(expected.map(() => 'target'));
    for (const s of expected.slice(1)) expect(s.chunks).toBeLessThanOrEqual(expected[0]!.chunks);
    expect(expected.slice(1).some((s) => s.chunks < expected[0]!.chunks)).toBe(true);
    const one = await runJob(1, false, weights);
    for (const n of nodes) await n.close();
    nodes = [];
    const three = await runJob(3, false, weights);
    expect(stopsOf(one.job.result, weights)).toEqual(expected);
    expect(one.completedPerRun).toEqual(expected.map((s) => s.chunks));
    expect(three.completedPerRun).toEqual(expected.map((s) => s.chunks));
    expect(three.job.result).toEqual(one.job.result);
    // each weight's Δ error is within the target × the base's mean over the iterations it ran
    const local = [config, ...weights.map((w) => w.config)].map((c, i) =>
      Array.from({ length: expected[i]!.chunks }, (_, k) =>
        simulate(c, { seed: SEED, seedOffset: k * 1000, iterations: 1000 }),
      ),
    );
    const r = one.job.result as { variants: Array<{ name: string; deltaError: number }> };
    weights.forEach((w, k) => {
      const baseMean = mergeResults(local[0]!.slice(0, expected[k + 1]!.chunks)).mean;
      expect(r.variants.find((v) => v.name === w.name)!.deltaError).toBeLessThanOrEqual(
        TARGET * baseMean * (1 + 1e-9),
      );
    });
  }, 300_000);
});
