// Attack: a node that earned trust sends made-up results on other users' jobs, then its owner
// deletes it on the site before a sampled result is judged, or after its lies were published.
// The delete counts as being caught: what it left accepted on trust on others' jobs since its
// last verified result is recomputed by other owners (active jobs' rows run again, completed
// jobs' published rows are rechecked and the job corrected), and nothing else it did is redone.
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { createJob, deleteNodeAsOwner, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { localJobResult, newUsers, quickConfig } from '../trust/helpers.ts';
import { jobRow, publishedJob } from '../trust/published-job.ts';

const suite = trustSuite();

it('a trusted liar deleted before it is caught does not leave its lies published', async () => {
  const config = quickConfig();
  const [victim, sleeperUser, operator] = await newUsers(suite.client, 3);
  const sleeper = await suite.node(sleeperUser!, { trustStreak: 1000, maxParallel: 2, mode: 'scaled' });
  const seed = 41;
  const iterations = 10_000;
  const jobId = await createJob(suite.client, victim!, { iterations, access: 'public', seed, config });
  // every original answered; the sampled ones wait for a replica nobody connected may run
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT count(*) FILTER (WHERE replica_of IS NULL AND status = 'completed')::int AS done,
                count(*) FILTER (WHERE replica_of IS NOT NULL)::int AS copies
         FROM jobs_chunks WHERE job_id = $1`,
        [jobId],
      );
      const r = rows[0] as { done: number; copies: number };
      return r.done === iterations / 1000 && r.copies > 0;
    },
    60_000,
    'the sleeper to answer every chunk',
  );
  const { rows: accepted } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = $1 AND node_id = $2 AND verdict = 'trusted'`,
    [jobId, sleeper.nodeId],
  );
  expect((accepted[0] as { n: number }).n).toBeGreaterThan(0); // its lies were accepted on trust
  await sleeper.close();
  expect(await deleteNodeAsOwner(suite.client, sleeperUser!, sleeper.nodeId)).toBe(true);
  const platform = await suite.node(operator!, { platform: true, maxParallel: 2 });
  const done = await waitForJob(suite.client, jobId, 'completed', 60_000);
  expect(done.result).toEqual(localJobResult(config, seed, iterations));
  // every accepted result came from the platform node; the job was never published wrong
  const { rows } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks
     WHERE job_id = $1 AND verdict IN ('trusted', 'verified') AND node_id IS DISTINCT FROM $2`,
    [jobId, platform.nodeId],
  );
  expect(rows[0]).toEqual({ n: 0 });
  expect((await jobRow(suite.client, jobId)).corrected_at).toBeNull();
}, 120_000);

it('deleting a liar after its lies were published corrects them; older checked work and its own jobs stay', async () => {
  const config = quickConfig();
  const [victim, sleeperUser, operator, checker] = await newUsers(suite.client, 4);
  const sleeper = await suite.node(sleeperUser!, { trustStreak: 1000, maxParallel: 2 });
  await sleeper.close();
  const check = await suite.node(checker!);
  await check.close();
  // its history, oldest first: a job before its last verified result (honest), the verified
  // result, a job it lied on (published), and a lie on a job of its own owner
  const before = await publishedJob(suite.client, victim!, sleeper.nodeId, config, 51, 2000, false);
  const checked = await publishedJob(suite.client, victim!, sleeper.nodeId, config, 52, 1000, false);
  const lied = await publishedJob(suite.client, victim!, sleeper.nodeId, config, 53, 3000, true);
  const own = await publishedJob(suite.client, sleeperUser!, sleeper.nodeId, config, 54, 2000, true);
  await suite.client.query(
    `UPDATE jobs_chunks SET completed_at = now() - interval '2 minutes' WHERE job_id = $1`,
    [before],
  );
  await suite.client.query(
    `UPDATE jobs_chunks SET verdict = 'verified', vouched = true, completed_at = now() - interval '1 minute'
     WHERE job_id = $1`,
    [checked],
  );
  // sampled: a trusted third owner's node re-ran it and agreed, a check that vouches for it
  await suite.client.query(
    `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role,
                              status, node_id, result, digest, verdict, completed_at)
     SELECT job_id, config_hash, iterations, seed_offset, variant, id, 'replica', 'completed', $2, result, digest,
            'verified', completed_at
     FROM jobs_chunks WHERE job_id = $1`,
    [checked, check.nodeId],
  );
  const truth = localJobResult(config, 53, 3000);
  const published = await jobRow(suite.client, lied);
  expect(published.result).not.toEqual(truth);
  const ownBefore = await jobRow(suite.client, own);

  expect(await deleteNodeAsOwner(suite.client, sleeperUser!, sleeper.nodeId)).toBe(true);
  // the delete kept who computed the lied job's rows, and only those
  const { rows: kept } = await suite.client.query(
    `SELECT job_id, count(*)::int AS n FROM jobs_chunks WHERE deleted_node_id = $1 GROUP BY job_id`,
    [sleeper.nodeId],
  );
  expect(kept).toEqual([{ job_id: lied, n: 3 }]);

  await suite.node(operator!, { platform: true, maxParallel: 2 });
  const after = await waitFor(
    async () => {
      const row = await jobRow(suite.client, lied);
      return row.corrected_at === null ? null : row;
    },
    60_000,
    'the lied job to be corrected',
  );
  expect(after.status).toBe('completed');
  expect(after.result).toEqual(truth);
  expect(after.completed_at).toEqual(published.completed_at);
  const { rows: lies } = await suite.client.query(
    `SELECT replica_role, verdict FROM jobs_chunks WHERE job_id = $1 ORDER BY replica_role, seed_offset`,
    [lied],
  );
  expect(lies).toEqual([
    ...Array(3).fill({ replica_role: 'arbiter', verdict: 'verified' }),
    ...Array(3).fill({ replica_role: 'primary', verdict: 'invalid' }),
  ]);
  // nothing else was sent to be recomputed: the older job, the checked one, its owner's own job
  const { rows: copies } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = ANY($1::uuid[]) AND replica_role = 'arbiter'`,
    [[before, checked, own]],
  );
  expect(copies[0]).toEqual({ n: 0 });
  expect((await getJob(suite.client, own)).result).toEqual(ownBefore.result);
  const { rows: left } = await suite.client.query('SELECT count(*)::int AS n FROM private.deleted_nodes');
  expect(left[0]).toEqual({ n: 0 });
}, 120_000);
