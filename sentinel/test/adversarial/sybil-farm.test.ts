// Attack: three free accounts farm trust. Their nodes run public jobs one of them created and
// all send the same made-up result (×1.1). Agreement among owners that could be one person is
// no evidence: they earn no trust, and on a fourth user's job nothing they made up is published;
// the platform node decides, the liars are penalised and the honest volunteer beside them is not.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, createJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import type { RunningSentinel } from '../helpers/sentinel.ts';
import type { TestNode } from '../helpers/test-node.ts';
import {
  chunkRows,
  localJobResult,
  newUsers,
  nodeTrust,
  quickConfig,
  registeredNode,
  startTrustSentinel,
} from '../trust/helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;
const open: TestNode[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  // a low threshold: if agreement among the farm counted, they would be trusted within one job
  sentinel = await startTrustSentinel(db.url, { TRUST_THRESHOLD: '3' });
});

afterEach(async () => {
  for (const n of open.splice(0)) await n.close();
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

describe('sybil farm', () => {
  it('three accounts agreeing on a made-up result gain no trust and publish nothing on another user’s job', async () => {
    const config = quickConfig();
    const [farmA, farmB, farmC, victim, honestUser, operator] = await newUsers(client, 6);
    // the same made-up result from all three
    const a = await registeredNode(client, sentinel.baseUrl, farmA!, { mode: 'scaled' });
    const b = await registeredNode(client, sentinel.baseUrl, farmB!, { mode: 'scaled' });
    const c = await registeredNode(client, sentinel.baseUrl, farmC!, { mode: 'scaled' });
    open.push(a, b, c);

    // Phase 1: the farm runs C's jobs. C's own node decides what C's job publishes (C's business),
    // but agreeing with it, or with each other, raises nobody's trust.
    for (let round = 0; round < 3; round++) {
      const jobId = await createJob(client, farmC!, {
        iterations: 6000,
        access: 'public',
        seed: 40 + round,
        config,
      });
      await waitForJob(client, jobId, 'completed', 60_000);
    }
    for (const n of [a, b]) {
      const trust = await nodeTrust(client, n.nodeId);
      expect(trust.trust_streak).toBe(0);
    }
    const { rows: farmed } = await client.query(
      `SELECT count(*)::int AS n FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
       WHERE j.user_id = $1 AND c.node_id = ANY($2::uuid[]) AND c.verdict = 'verified'`,
      [farmC, [a.nodeId, b.nodeId]],
    );
    expect((farmed[0] as { n: number }).n).toBeGreaterThan(0); // they did agree, many times

    // Phase 2: a fourth user's job. A and B agree with each other and nothing is accepted: the
    // families wait for a reference they cannot supply.
    const seed = 91;
    const jobId = await createJob(client, victim!, { iterations: 6000, access: 'public', seed, config });
    await waitFor(
      async () => (await chunkRows(client, jobId)).some((r) => r.replica_role === 'arbiter'),
      60_000,
      'the farm’s agreement to be sent to an arbiter',
    );
    await new Promise((r) => setTimeout(r, 600));
    let rows = await chunkRows(client, jobId);
    expect(rows.filter((r) => r.verdict === 'verified' || r.verdict === 'trusted')).toEqual([]);
    expect((await client.query('SELECT status FROM jobs WHERE id = $1', [jobId])).rows[0]).toEqual({
      status: expect.stringMatching(/^(pending|running)$/),
    });

    // The platform node and an honest volunteer come online: the job completes with the true
    // numbers, the liars are penalised, the honest volunteer is not.
    const honest = await registeredNode(client, sentinel.baseUrl, honestUser!);
    const platform = await registeredNode(client, sentinel.baseUrl, operator!, {
      platform: true,
      maxParallel: 2,
    });
    open.push(honest, platform);
    const job = await waitForJob(client, jobId, 'completed', 120_000);
    expect(job.result).toEqual(localJobResult(config, seed, 6000));
    rows = await chunkRows(client, jobId);
    const farmRows = rows.filter((r) => r.node_id === a.nodeId || r.node_id === b.nodeId);
    expect(farmRows.filter((r) => r.verdict === 'verified' || r.verdict === 'trusted')).toEqual([]);
    const penalised =
      (await nodeTrust(client, a.nodeId)).mismatches + (await nodeTrust(client, b.nodeId)).mismatches;
    expect(penalised).toBeGreaterThan(0);
    expect(await nodeTrust(client, honest.nodeId)).toMatchObject({ mismatches: 0, quarantined: false });
  }, 240_000);
});
