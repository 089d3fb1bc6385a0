// Attack: nodes that answer /chunks/fail to every assignment try to fail another user's valid
// job. A failure report fails nothing alone: the chunk goes to nodes of owners that have not
// failed it, and the job completes with the true result on the honest node beside them.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createJob, createUser, waitForJob } from '../helpers/fixtures.ts';
import { startSentinel, type RunningSentinel } from '../helpers/sentinel.ts';
import type { TestNode } from '../helpers/test-node.ts';
import { localJobResult, quickConfig, registeredNode } from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
const nodes: TestNode[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startSentinel(db.url);
});

afterAll(async () => {
  for (const n of nodes) await n.close();
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

describe('fail griefer', () => {
  it('five failing nodes of one owner beside an honest one do not fail another user’s job', async () => {
    const config = quickConfig();
    const victim = await createUser(client);
    const griefUser = await createUser(client);
    const honestUser = await createUser(client);
    for (let i = 0; i < 5; i++)
      nodes.push(
        await registeredNode(client, sentinel.baseUrl, griefUser, { mode: 'griefer', maxParallel: 2 }),
      );
    const honest = await registeredNode(client, sentinel.baseUrl, honestUser);
    nodes.push(honest);

    const jobId = await createJob(client, victim, { iterations: 4000, access: 'public', seed: 3, config });
    const job = await waitForJob(client, jobId, 'completed', 60_000);
    expect(job.result).toEqual(localJobResult(config, 3, 4000));
    const { rows } = await client.query(
      `SELECT DISTINCT node_id FROM jobs_chunks WHERE job_id = $1 AND status = 'completed'`,
      [jobId],
    );
    expect(rows).toEqual([{ node_id: honest.nodeId }]);
    // a chunk the griefer failed is never given to that owner's nodes again
    const { rows: failed } = await client.query(
      `SELECT failed_owners::text[] AS owners, attempts FROM jobs_chunks WHERE job_id = $1 AND attempts > 0`,
      [jobId],
    );
    for (const f of failed as Array<{ owners: string[]; attempts: number }>) {
      expect(f.owners).toEqual([griefUser]);
      expect(f.attempts).toBe(1);
    }
  }, 90_000);
});
