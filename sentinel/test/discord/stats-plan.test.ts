// /wlab stats counts the last hour's completions: its query must not read every chunk and
// job ever completed (the tables only grow). With sequential scans disabled, the plan of the
// real query text must not fall back to one on jobs or jobs_chunks.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STATS_SQL } from '../../src/discord/handlers/stats.ts';
import { connect } from '../helpers/fixtures.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

it('the /wlab stats query reads jobs and jobs_chunks through indexes', async () => {
  await client.query('begin');
  try {
    await client.query('set local enable_seqscan = off');
    const { rows } = await client.query(`explain ${STATS_SQL}`, [new Date().toISOString(), 3600]);
    const plan = rows.map((r) => r['QUERY PLAN'] as string).join('\n');
    expect(plan).not.toMatch(/Seq Scan on (jobs|jobs_chunks)\b/);
    expect(plan).toMatch(/jobs_chunks_completed_at_idx/);
    expect(plan).toMatch(/jobs_completed_at_idx/);
  } finally {
    await client.query('rollback');
  }
});
