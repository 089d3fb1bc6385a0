// Chunk results of long-finished jobs are dropped, a bounded number per call; jobs still
// running and recently finished keep theirs, and every chunk keeps its digest.
import { expect, it } from 'vitest';
import { dropOldChunkResults } from '../../src/db/maintenance.ts';
import { createJob, createUser } from '../helpers/fixtures.ts';
import { testDb } from '../helpers/test-db.ts';

const db = testDb();

/** A job of `chunks` completed chunks with results, in `status`, finished `ageDays` ago. */
async function finishedJob(owner: string, status: string, ageDays: number, chunks = 3): Promise<string> {
  const jobId = await createJob(db.client, owner, { iterations: chunks * 1000 });
  await db.client.query(
    `UPDATE jobs_chunks SET status = 'completed', result = '{"n": 1}', digest = $2, completed_at = now()
     WHERE job_id = $1`,
    [jobId, 'd'.repeat(64)],
  );
  await db.client.query(
    `UPDATE jobs SET status = $2, completed_at = now() - make_interval(days => $3) WHERE id = $1`,
    [jobId, status, ageDays],
  );
  return jobId;
}

async function withResult(jobId: string): Promise<{ results: number; digests: number }> {
  const { rows } = await db.client.query(
    `SELECT count(result)::int AS results, count(digest)::int AS digests FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  return rows[0] as { results: number; digests: number };
}

it('drops the results of jobs finished before the TTL, at most `limit` per call', async () => {
  const owner = await createUser(db.client);
  const old = await finishedJob(owner, 'completed', 40);
  const oldFailed = await finishedJob(owner, 'failed', 40);
  const recent = await finishedJob(owner, 'completed', 2);
  const running = await finishedJob(owner, 'running', 40);
  const day = 86_400_000;

  expect(await dropOldChunkResults(db.pool, 30 * day, 4)).toBe(4);
  expect(await dropOldChunkResults(db.pool, 30 * day, 4)).toBe(2);
  expect(await dropOldChunkResults(db.pool, 30 * day, 4)).toBe(0);
  expect(await withResult(old)).toEqual({ results: 0, digests: 3 });
  expect(await withResult(oldFailed)).toEqual({ results: 0, digests: 3 });
  expect(await withResult(recent)).toEqual({ results: 3, digests: 3 });
  expect(await withResult(running)).toEqual({ results: 3, digests: 3 });
});
