// Cheating nodes are caught by replication: their results never reach a job result, the
// jobs complete with the numbers of a local run, and the node ends in quarantine.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createJob, waitForJob } from '../helpers/fixtures.ts';
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
  type Cheat,
} from './helpers.ts';

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let sentinel: RunningSentinel;

beforeAll(async () => {
  db = await createTestDatabase();
  client = await connect(db.url);
  sentinel = await startTrustSentinel(db.url);
});

afterAll(async () => {
  await sentinel?.close();
  await client?.end();
  await db?.drop();
});

describe('a cheating node', () => {
  it.each<[Cheat]>([['scaled'], ['random'], ['copy']])(
    'returning %s results is caught, quarantined, and never reaches a job result',
    async (kind) => {
      const config = quickConfig();
      const [owner, honestA, honestB, cheatUser, operator] = await newUsers(client, 5);
      const nodes: TestNode[] = [
        // the operator's platform node: its word is the reference (the job owner's alone would not
        // penalise anyone)
        await registeredNode(client, sentinel.baseUrl, operator!, { platform: true }),
        await registeredNode(client, sentinel.baseUrl, honestA!),
        await registeredNode(client, sentinel.baseUrl, honestB!),
      ];
      const cheater = await registeredNode(client, sentinel.baseUrl, cheatUser!, { mode: kind });
      nodes.push(cheater);
      try {
        let quarantined = false;
        for (let round = 0; round < 6 && !quarantined; round++) {
          const seed = 1000 * round + kind.length;
          const jobId = await createJob(client, owner!, {
            iterations: 16_000,
            access: 'public',
            seed,
            config,
          });
          const job = await waitForJob(client, jobId, 'completed', 60_000).catch(async (err) => {
            console.log(JSON.stringify(await chunkRows(client, jobId), null, 1));
            console.log(
              nodes.map((n) => n.nodeId),
              cheater.nodeId,
            );
            throw err;
          });
          expect(job.result).toEqual(localJobResult(config, seed, 16_000));
          const rows = await chunkRows(client, jobId);
          // nothing the cheater returned was accepted
          expect(
            rows.filter((r) => r.node_id === cheater.nodeId && r.verdict !== null && r.verdict !== 'invalid'),
          ).toEqual([]);
          quarantined = (await nodeTrust(client, cheater.nodeId)).quarantined;
        }
        expect(cheater.errors).toEqual([]);
        const trust = await nodeTrust(client, cheater.nodeId);
        expect(trust).toMatchObject({ quarantined: true, trust_streak: 0, credited_iterations: 0 });
        expect(trust.mismatches).toBeGreaterThanOrEqual(3);
        const { rows: invalid } = await client.query(
          `SELECT count(*)::int AS n FROM jobs_chunks WHERE node_id = $1 AND verdict = 'invalid'`,
          [cheater.nodeId],
        );
        expect((invalid[0] as { n: number }).n).toBeGreaterThanOrEqual(3);

        // quarantined: it gets no more work
        const assignedBefore = cheater.assigned.length;
        const seed = 777 + kind.length;
        const jobId = await createJob(client, owner!, { iterations: 6000, access: 'public', seed, config });
        const job = await waitForJob(client, jobId, 'completed', 120_000);
        expect(job.result).toEqual(localJobResult(config, seed, 6000));
        expect(cheater.assigned.length).toBe(assignedBefore);
        for (const n of nodes) expect(n.errors).toEqual([]);
      } finally {
        for (const n of nodes) await n.close();
      }
    },
    300_000,
  );
});
