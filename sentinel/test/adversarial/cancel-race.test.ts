// cancel_job right after create_job, many times, with the scheduler assigning the chunks to a
// connected node at the same moment: one lock order (chunks, then the job) everywhere means no
// deadlock (40P01), and every job ends cancelled with nothing left running on the node.
import { createTestDatabase } from '@wowlab/db';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, createUser, testConfig } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { registeredNode } from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
let node: TestNode;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
  sentinel = await startSentinel(db.url);
});

afterAll(async () => {
  await node?.close();
  await sentinel?.close();
  await pool?.end();
  await client?.end();
  await db?.drop();
});

async function cancelAs(userId: string, jobId: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated' }),
    ]);
    await c.query('SELECT public.cancel_job($1)', [jobId]);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

it('cancel_job right after create_job never deadlocks with the scheduler', async () => {
  const owner = await createUser(client);
  // the owner's node, taking its owner's jobs only; manual: it holds what it is given
  node = await registeredNode(client, sentinel.baseUrl, owner, {
    mode: 'manual',
    maxParallel: 64,
    allows: 'own',
  });
  const errors: unknown[] = [];
  const jobs: string[] = [];
  for (let round = 0; round < 12; round++) {
    const ids = await Promise.all(
      Array.from({ length: 4 }, async (_, k) => {
        const c = await pool.connect();
        try {
          return await createJobOn(c, owner, round * 10 + k);
        } finally {
          c.release();
        }
      }),
    );
    jobs.push(...ids);
    const results = await Promise.allSettled(ids.map((id) => cancelAs(owner, id)));
    for (const r of results) if (r.status === 'rejected') errors.push(r.reason);
  }
  expect(errors.map((e) => (e as { code?: string }).code)).toEqual([]);
  const { rows } = await client.query(`SELECT DISTINCT status FROM jobs WHERE id = ANY($1::uuid[])`, [jobs]);
  expect(rows).toEqual([{ status: 'cancelled' }]);
  expect(node.assigned.length).toBeGreaterThan(0); // the scheduler really raced the cancels
}, 120_000);

async function createJobOn(c: pg.PoolClient, owner: string, seed: number): Promise<string> {
  await c.query('BEGIN');
  try {
    await c.query(`SELECT set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: owner, role: 'authenticated' }),
    ]);
    const { rows } = await c.query('SELECT public.create_job($1::jsonb, $2, $3, $4, $5) AS id', [
      JSON.stringify(testConfig()),
      8000,
      'private',
      null,
      seed,
    ]);
    await c.query('COMMIT');
    return (rows[0] as { id: string }).id;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}
