// One-statement completions: batched while a batch is in Postgres, counted once, credited,
// declined when a result needs judging; a failed batch hands its completions back; a job whose
// aggregation was lost (the sentinel died after the statement) is aggregated by maintenance.
import { createTestDatabase } from '@wowlab/db';
import { ENGINE_VERSION, mergeResults, simulate, type ChunkResult } from '@wowlab/sim-core';
import pg from 'pg';
import { toWireResult, type ChunkResultWire } from 'wowlab-node/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/app.ts';
import { AcceptBatcher } from '../../src/completion/accept-batcher.ts';
import { aggregateJob } from '../../src/completion/aggregate.ts';
import { createAcceptPool, withTransaction } from '../../src/db/pool.ts';
import { SentinelEvents } from '../../src/events.ts';
import { Maintenance } from '../../src/scheduler/maintenance.ts';
import { canonicalResult } from '../../src/trust/digest.ts';
import { TrustJudge } from '../../src/completion/judge.ts';
import { seededRandom, TrustPolicy } from '../../src/trust/policy.ts';
import { DEFAULT_TRUST_SETTINGS, type TrustSettings } from '../../src/trust/settings.ts';
import { connect, createJob, getJob, insertNode } from '../helpers/fixtures.ts';
import { newUsers, quickConfig } from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let pool: pg.Pool;
/** The batched statement's own connection, as the sentinel runs it (generic plans). */
let acceptPool: pg.Pool;
const config = quickConfig();

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
  acceptPool = createAcceptPool(db.url);
});

afterAll(async () => {
  await acceptPool?.end();
  await pool?.end();
  await client?.end();
  await db?.drop();
});

interface Running {
  id: string;
  seedOffset: number;
  iterations: number;
}

/** A public job whose chunks all run on `nodeId`. */
async function runningJob(
  owner: string,
  nodeId: string,
  iterations: number,
  seed: number,
): Promise<Running[]> {
  const jobId = await createJob(client, owner, { iterations, access: 'public', seed, config });
  const { rows } = await client.query(
    `UPDATE jobs_chunks SET status = 'running', node_id = $2, claimed_at = now() WHERE job_id = $1
     RETURNING id, seed_offset AS "seedOffset", iterations`,
    [jobId, nodeId],
  );
  await client.query(`UPDATE jobs SET status = 'running' WHERE id = $1`, [jobId]);
  return (rows as Running[]).sort((a, b) => a.seedOffset - b.seedOffset);
}

function resultOf(chunk: Running, seed: number): ChunkResult {
  return simulate(config, { seed, seedOffset: chunk.seedOffset, iterations: chunk.iterations });
}

function wireOf(chunk: Running, seed: number): ChunkResultWire {
  return toWireResult(resultOf(chunk, seed));
}

function judgeWith(settings: Partial<TrustSettings> = {}): TrustJudge {
  const policy = new TrustPolicy({ ...DEFAULT_TRUST_SETTINGS, ...settings }, seededRandom(3));
  return new TrustJudge(policy, { db: pool, batchDb: acceptPool });
}

const identity = (chunk: Running, nodeId: string) => ({
  chunkId: chunk.id,
  nodeId,
  iterations: chunk.iterations,
  seedOffset: chunk.seedOffset,
  engineVersion: ENGINE_VERSION,
});

describe('completions accepted in one statement', () => {
  it('arriving together, go in a few batched statements, each counted and credited once', async () => {
    const [owner, helper] = await newUsers(client, 2);
    const node = await insertNode(client, helper!);
    const seed = 41;
    const chunks = await runningJob(owner!, node, 24_000, seed);
    const results = chunks.map((c) => resultOf(c, seed));
    const judge = judgeWith({ replication: false });
    const outcomes = await Promise.all(
      chunks.map((c, k) =>
        judge.completeAtOnce(identity(c, node), canonicalResult(toWireResult(results[k]))),
      ),
    );
    expect(outcomes.every((o) => o.done !== null)).toBe(true);
    expect(judge.batching.accepted).toBe(24);
    expect(judge.batching.batches).toBeLessThan(24);
    // they ran on the statement's own connection, with a generic plan
    const { rows: mode } = await acceptPool.query(`SELECT current_setting('plan_cache_mode') AS m`);
    expect(mode).toEqual([{ m: 'force_generic_plan' }]);
    const { rows: prepared } = await acceptPool.query(
      `SELECT generic_plans > 0 AND custom_plans = 0 AS generic FROM pg_prepared_statements
       WHERE name LIKE 'wl_accept_batch_%'`,
    );
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared.every((r: { generic: boolean }) => r.generic)).toBe(true);
    // exactly one completion was the job's last, whatever batch it was in
    const last = outcomes.filter((o) => o.done?.lastChunk);
    expect(last).toHaveLength(1);
    const jobId = last[0]!.done!.jobId;
    expect(await getJob(client, jobId)).toMatchObject({ status: 'running', chunks_completed: 24 });
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE digest = encode(sha256(convert_to(result, 'UTF8')), 'hex'))::int AS digested
       FROM jobs_chunks WHERE job_id = $1 AND status = 'completed' AND verdict = 'trusted'`,
      [jobId],
    );
    expect(rows[0]).toEqual({ n: 24, digested: 24 });
    const credit = await client.query(
      `SELECT n.credited_iterations::int AS node, p.credited_iterations::int AS profile
       FROM nodes n JOIN user_profiles p ON p.id = n.user_id WHERE n.id = $1`,
      [node],
    );
    expect(credit.rows[0]).toEqual({ node: 24_000, profile: 24_000 });
    // completing again changes nothing: the chunks no longer run on the node
    const again = await judge.completeAtOnce(
      identity(chunks[0]!, node),
      canonicalResult(toWireResult(results[0])),
    );
    expect(again.done).toBeNull();
    expect((await getJob(client, jobId)).chunks_completed).toBe(24);

    const aggregated = await withTransaction(pool, (c) => aggregateJob(c, jobId));
    expect(aggregated).toEqual({ jobCompleted: true, failed: null });
    const job = await getJob(client, jobId);
    expect(job.status).toBe('completed');
    expect(job.result).toEqual(mergeResults(results));
    // a second aggregation finds nothing to do
    expect(await withTransaction(pool, (c) => aggregateJob(c, jobId))).toEqual({
      jobCompleted: false,
      failed: null,
    });
  });

  it('declines what needs judging: an untrusted node, a trusted node whose draw hit; accepts the owner’s own node', async () => {
    const [owner, other] = await newUsers(client, 2);
    const seed = 42;
    const untrusted = await insertNode(client, other!);
    const own = await insertNode(client, owner!);
    const judge = judgeWith({ replication: true, threshold: 10, replicationPermille: 1000 });

    const [a] = await runningJob(owner!, untrusted, 1000, seed);
    const declined = await judge.completeAtOnce(identity(a!, untrusted), canonicalResult(wireOf(a!, seed)));
    expect(declined).toEqual({ done: null, ahead: null });
    const { rows } = await client.query('SELECT status, verdict FROM jobs_chunks WHERE id = $1', [a!.id]);
    expect(rows[0]).toEqual({ status: 'running', verdict: null }); // nothing stored: judged in a transaction

    const [b] = await runningJob(owner!, own, 1000, seed);
    const accepted = await judge.completeAtOnce(identity(b!, own), canonicalResult(wireOf(b!, seed)));
    expect(accepted.done?.lastChunk).toBe(true);

    // a trusted node seen before: its draw is made ahead; at 100 % it always hits → declined
    const trusted = await insertNode(client, other!, { trustStreak: 50 });
    const [c1, c2] = await runningJob(owner!, trusted, 2000, seed);
    const first = await judge.completeAtOnce(identity(c1!, trusted), canonicalResult(wireOf(c1!, seed)));
    expect(first.done).toBeNull(); // not seen yet: no draw, declined
    await withTransaction(pool, (cl) =>
      judge.complete(cl, identity(c1!, trusted), canonicalResult(wireOf(c1!, seed)), first.ahead),
    );
    const second = await judge.completeAtOnce(identity(c2!, trusted), canonicalResult(wireOf(c2!, seed)));
    expect(second.done).toBeNull();
    expect(second.ahead).toMatchObject({ hit: true, used: false });
  });

  it('hands every completion of a failed batch back to be judged one by one', async () => {
    const errors: unknown[] = [];
    const broken = {
      query: () => Promise.reject(new Error('connection terminated')),
    } as unknown as pg.Pool;
    const batcher = new AcceptBatcher(broken, { replication: false, threshold: 10 }, (e) => errors.push(e));
    const item = {
      id: {
        chunkId: crypto.randomUUID(),
        nodeId: crypto.randomUUID(),
        iterations: 1,
        seedOffset: 0,
        engineVersion: 'x',
      },
      canonical: { text: '{}', digest: 'a'.repeat(64) },
      acceptIfTrusted: false,
    };
    expect(await Promise.all([batcher.accept(item), batcher.accept(item), batcher.accept(item)])).toEqual([
      null,
      null,
      null,
    ]);
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  it('maintenance aggregates a job whose every chunk was counted but whose aggregation was lost', async () => {
    const [owner, helper] = await newUsers(client, 2);
    const node = await insertNode(client, helper!);
    const seed = 43;
    const chunks = await runningJob(owner!, node, 3000, seed);
    const results = chunks.map((c) => resultOf(c, seed));
    const judge = judgeWith({ replication: false });
    const outcomes = [];
    for (const [k, c] of chunks.entries())
      outcomes.push(await judge.completeAtOnce(identity(c, node), canonicalResult(toWireResult(results[k]))));
    const jobId = outcomes[0]!.done!.jobId;
    expect((await getJob(client, jobId)).status).toBe('running'); // as if the sentinel died here

    const events = new SentinelEvents();
    const completed: string[] = [];
    events.on('jobCompleted', (e) => completed.push(e.jobId));
    const noop = () => {};
    const log = { info: noop, warn: noop, error: noop, debug: noop } as never;
    const maintenance = new Maintenance({
      db: pool,
      config: parseConfig({ DATABASE_URL: db.url }),
      events,
      log,
      wake: noop,
      aggregationGraceMs: 0,
    });
    await maintenance.runOnce();
    expect(completed).toContain(jobId);
    const job = await getJob(client, jobId);
    expect(job.status).toBe('completed');
    expect(job.result).toEqual(mergeResults(results));
  });

  it('aggregates results stored before samples were encoded (arrays of numbers) like encoded ones', async () => {
    const [owner, helper] = await newUsers(client, 2);
    const node = await insertNode(client, helper!);
    const chunks = await runningJob(owner!, node, 2000, 45);
    const judge = judgeWith({ replication: false });
    const results = chunks.map((c) => resultOf(c, 45));
    // chunk 0 as it was stored then (canonical JSON of the number array), chunk 1 as now
    const first = (await judge.completeAtOnce(identity(chunks[0]!, node), canonicalResult(results[0]))).done!;
    const last = (
      await judge.completeAtOnce(identity(chunks[1]!, node), canonicalResult(wireOf(chunks[1]!, 45)))
    ).done!;
    expect([first.lastChunk, last.lastChunk]).toEqual([false, true]);
    expect(await withTransaction(pool, (c) => aggregateJob(c, last.jobId))).toEqual({
      jobCompleted: true,
      failed: null,
    });
    expect((await getJob(client, last.jobId)).result).toEqual(mergeResults(results));
  });

  it('a stored result whose samples do not decode fails its job with the reason instead of merging', async () => {
    const [owner, helper] = await newUsers(client, 2);
    const node = await insertNode(client, helper!);
    const chunks = await runningJob(owner!, node, 1000, 44);
    const judge = judgeWith({ replication: false });
    const wire = wireOf(chunks[0]!, 44);
    // what a bug or a hand edit could leave in the table: still JSON, samples not decodable
    const broken = canonicalResult({ ...wire, samples: `${wire.samples}=` });
    const done = (await judge.completeAtOnce(identity(chunks[0]!, node), broken)).done!;
    expect(done.lastChunk).toBe(true);
    const aggregation = await withTransaction(pool, (c) => aggregateJob(c, done.jobId));
    expect(aggregation).toEqual({
      jobCompleted: false,
      failed: expect.stringMatching(/undecodable samples/),
    });
    expect(await getJob(client, done.jobId)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/aggregation failed: .*seedOffset 0.*undecodable samples/),
    });
  });
});
