// One aggregation per job at a time in a process (aggregateOnce): a completion that finds its
// job full while the job is being merged answers at once instead of queueing on the job row
// behind the merge; if the running merge fails, the job is merged again in the background.
import { createTestDatabase } from '@wowlab/db';
import { mergeResults, simulate } from '@wowlab/sim-core';
import pg from 'pg';
import { toWireResult } from 'wowlab-node/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateOnce, aggregatingHere } from '../../src/completion/aggregate.ts';
import { SentinelEvents } from '../../src/events.ts';
import { canonicalResult } from '../../src/trust/digest.ts';
import { connect, createJob, getJob, waitFor } from '../helpers/fixtures.ts';
import { newUsers, quickConfig } from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let pool: pg.Pool;
const config = quickConfig();
const SEED = 77;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  // the test terminates a backend on purpose: its query fails, the client must not throw
  pool.on('error', () => {});
  pool.on('connect', (c) => c.on('error', () => {}));
});

afterAll(async () => {
  await pool?.end();
  await client?.end();
  await db?.drop();
});

/** A running job whose every chunk has its accepted result: what a merge finds. */
async function fullJob(): Promise<{ jobId: string; results: ReturnType<typeof simulate>[] }> {
  const [owner] = await newUsers(client, 1);
  const jobId = await createJob(client, owner!, { iterations: 2000, seed: SEED, config });
  const { rows } = await client.query(
    `SELECT id, seed_offset AS "seedOffset", iterations FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset`,
    [jobId],
  );
  const chunks = rows as Array<{ id: string; seedOffset: number; iterations: number }>;
  const results = chunks.map((c) =>
    simulate(config, { seed: SEED, seedOffset: c.seedOffset, iterations: c.iterations }),
  );
  for (const [k, c] of chunks.entries()) {
    const stored = canonicalResult(toWireResult(results[k]!));
    await client.query(
      `UPDATE jobs_chunks SET status = 'completed', verdict = 'trusted', result = $2, digest = $3,
              completed_at = now() WHERE id = $1`,
      [c.id, stored.text, stored.digest],
    );
  }
  await client.query(
    `UPDATE jobs SET status = 'running', chunks_completed = chunks_total,
            completed_iterations = total_iterations WHERE id = $1`,
    [jobId],
  );
  return { jobId, results };
}

/** The backend of `pool` waiting for a row lock, once there is one. */
async function waitingBackend(): Promise<number> {
  return waitFor(
    async () => {
      const { rows } = await client.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return (rows[0] as { pid: number } | undefined)?.pid;
    },
    10_000,
    'a merge waiting on the job row',
  );
}

describe('aggregateOnce', () => {
  it('answers a second completion at once while the job is merged, and merges again if the running merge fails', async () => {
    const { jobId, results } = await fullJob();
    const events = new SentinelEvents();
    const completed: string[] = [];
    events.on('jobCompleted', (e) => completed.push(e.jobId));
    const deps = { db: pool, events };

    // someone holds the job row: the first merge waits for it
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM jobs WHERE id = $1 FOR UPDATE`, [jobId]);
      const first = aggregateOnce(deps, jobId);
      let firstSettled = false;
      first.then(
        () => (firstSettled = true),
        () => (firstSettled = true),
      );
      const pid = await waitingBackend();
      expect(aggregatingHere(jobId)).toBe(true);

      // a second completion that found the job full does not queue behind it
      expect(await aggregateOnce(deps, jobId)).toEqual({ jobCompleted: false, failed: null });
      expect(firstSettled).toBe(false);

      // the running merge fails (its connection is lost): the job is merged again in the background
      await client.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(first).rejects.toThrow();
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }
    const job = await waitFor(
      async () => {
        const j = await getJob(client, jobId);
        return j.status === 'completed' ? j : null;
      },
      10_000,
      'the job merged in the background',
    );
    expect(job.result).toEqual(mergeResults(results));
    await waitFor(async () => completed.length > 0, 5_000, 'jobCompleted announced');
    expect(completed).toEqual([jobId]);
    expect(aggregatingHere(jobId)).toBe(false);
  });

  it('merges a job once when two completions find it full one after the other', async () => {
    const { jobId, results } = await fullJob();
    const deps = { db: pool, events: new SentinelEvents() };
    const [a, b] = await Promise.all([aggregateOnce(deps, jobId), aggregateOnce(deps, jobId)]);
    expect([a.jobCompleted, b.jobCompleted].sort()).toEqual([false, true]);
    expect((await getJob(client, jobId)).result).toEqual(mergeResults(results));
    // a later one finds nothing to merge
    expect(await aggregateOnce(deps, jobId)).toEqual({ jobCompleted: false, failed: null });
  });
});
