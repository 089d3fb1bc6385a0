// Chunk results of long-finished jobs are dropped, a bounded number per call; jobs still
// running and recently finished keep theirs, and every chunk keeps its digest.
import { createTestDatabase } from '@wowlab/db';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropOldChunkResults } from '../../src/db/maintenance.ts';
import { connect, createJob, createUser } from '../helpers/fixtures.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  pool = new pg.Pool({ connectionString: db.url, max: 1 });
});

afterAll(async () => {
  await pool?.end();
  await client?.end();
  await db?.drop();
});

/** A job of `chunks` completed chunks with results, in `status`, finished `ageDays` ago. */
async function finishedJob(owner: string, status: string, ageDays: number, chunks = 3): Promise<string> {
  const jobId = await createJob(client, owner, { iterations: chunks * 1000 });
  await client.query(
    `UPDATE jobs_chunks SET status = 'completed', result = '{"n": 1}', digest = $2, completed_at = now()
     WHERE job_id = $1`,
    [jobId, 'd'.repeat(64)],
  );
  await client.query(
    `UPDATE jobs SET status = $2, completed_at = now() - make_interval(days => $3) WHERE id = $1`,
    [jobId, status, ageDays],
  );
  return jobId;
}

async function withResult(jobId: string): Promise<{ results: number; digests: number }> {
  const { rows } = await client.query(
    `SELECT count(result)::int AS results, count(digest)::int AS digests FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  return rows[0] as { results: number; digests: number };
}

it('drops the results of jobs finished before the TTL, at most `limit` per call', async () => {
  const owner = await createUser(client);
  const old = await finishedJob(owner, 'completed', 40);
  const oldFailed = await finishedJob(owner, 'failed', 40);
  const recent = await finishedJob(owner, 'completed', 2);
  const running = await finishedJob(owner, 'running', 40);
  const day = 86_400_000;

  expect(await dropOldChunkResults(pool, 30 * day, 4)).toBe(4);
  expect(await dropOldChunkResults(pool, 30 * day, 4)).toBe(2);
  expect(await dropOldChunkResults(pool, 30 * day, 4)).toBe(0);
  expect(await withResult(old)).toEqual({ results: 0, digests: 3 });
  expect(await withResult(oldFailed)).toEqual({ results: 0, digests: 3 });
  expect(await withResult(recent)).toEqual({ results: 3, digests: 3 });
  expect(await withResult(running)).toEqual({ results: 3, digests: 3 });
});
