// Attack: a trusted liar frames an honest volunteer whose copy of a chunk completes after the
// chunk was settled on the liar's word. The volunteer holds a replica of the liar's result; the
// family is resolved meanwhile by the liar's result accepted on trust; then the honest copy
// answers. It used to be judged against that accepted result and counted a proven lie (three
// quarantine a node). An unverified result accepted on trust proves nothing: only a platform
// node's result does (as for late answers, late-honest.test.ts).
import { simulate } from '@wowlab/sim-core';
import { toWireResult } from 'wowlab-node/protocol';
import { expect, it } from 'vitest';
import { canonicalResult } from '../../src/trust/digest.ts';
import { createJob, waitFor } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { newUsers, nodeTrust, quickConfig, tamper } from '../trust/helpers.ts';

const suite = trustSuite();

it('an honest copy answering after its chunk was settled on a trusted liar’s word is not penalised', async () => {
  const config = quickConfig();
  const [victim, honestUser, liarUser] = await newUsers(suite.client, 3);
  const liar = await suite.node(liarUser!, { trustStreak: 1000 });
  await liar.close();
  const honestNode = await suite.node(honestUser!, { mode: 'manual' });
  const seed = 91;
  // private while it is set up: no connected node may take its original
  const jobId = await createJob(suite.client, victim!, { iterations: 1000, access: 'private', seed, config });
  const honest = simulate(config, { seed, seedOffset: 0, iterations: 1000 });
  const lie = canonicalResult(toWireResult(tamper('scaled', honest, () => honest)));
  const { rows } = await suite.client.query(
    `UPDATE jobs_chunks SET status = 'completed', node_id = $2, result = $3, digest = $4,
            claimed_at = now() - interval '1 minute', completed_at = now()
     WHERE job_id = $1 RETURNING id, config_hash`,
    [jobId, liar.nodeId, lie.text, lie.digest],
  );
  const primary = rows[0] as { id: string; config_hash: string };
  await suite.client.query(`UPDATE jobs SET access_type = 'public' WHERE id = $1`, [jobId]);
  // its sampled replica, which the honest volunteer takes
  await suite.client.query(
    `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, replica_of, replica_role, exclude_owners)
     VALUES ($1, $2, 1000, 0, $3, 'replica', ARRAY[$4::uuid])`,
    [jobId, primary.config_hash, primary.id, liarUser],
  );
  const copy = await waitFor(
    async () => honestNode.assigned.find((c) => c.jobId === jobId),
    30_000,
    'the honest volunteer to take the replica',
  );
  // settled meanwhile on the liar's word (accepted on trust)
  await suite.client.query(`UPDATE jobs_chunks SET verdict = 'trusted' WHERE id = $1`, [primary.id]);
  const res = await honestNode.complete(copy.id, honest);
  expect(res.status).toBe(200);
  const { rows: verdicts } = await suite.client.query(
    `SELECT replica_role, verdict FROM jobs_chunks WHERE job_id = $1 ORDER BY replica_role`,
    [jobId],
  );
  // the honest copy disagrees with the settled result, and is not counted a lie for it
  expect(verdicts).toEqual([
    { replica_role: 'primary', verdict: 'trusted' },
    { replica_role: 'replica', verdict: 'invalid' },
  ]);
  expect(await nodeTrust(suite.client, honestNode.nodeId)).toMatchObject({
    mismatches: 0,
    quarantined: false,
  });
}, 60_000);
