// Attack: nodes that answer /chunks/fail to every assignment try to fail another user's valid
// job. A failure report fails nothing alone: the chunk goes to nodes of owners that have not
// failed it, and the job completes with the true result on the honest node beside them.
import { describe, expect, it } from 'vitest';
import { createJob, createUser, waitForJob } from '../helpers/fixtures.ts';
import { platformSuite } from '../helpers/trust-suite.ts';
import { startSentinel } from '../helpers/sentinel.ts';
import { localJobResult, quickConfig } from '../trust/helpers.ts';

const suite = platformSuite(startSentinel);

describe('fail griefer', () => {
  it('five failing nodes of one owner beside an honest one do not fail another user’s job', async () => {
    const config = quickConfig();
    const victim = await createUser(suite.client);
    const griefUser = await createUser(suite.client);
    const honestUser = await createUser(suite.client);
    for (let i = 0; i < 5; i++)
      await suite.node(griefUser, {
        mode: 'griefer',
        maxParallel: 2,
      });
    const honest = await suite.node(honestUser);

    const jobId = await createJob(suite.client, victim, {
      iterations: 4000,
      access: 'public',
      seed: 3,
      config,
    });
    const job = await waitForJob(suite.client, jobId, 'completed', 60_000);
    expect(job.result).toEqual(localJobResult(config, 3, 4000));
    const { rows } = await suite.client.query(
      `SELECT DISTINCT node_id FROM jobs_chunks WHERE job_id = $1 AND status = 'completed'`,
      [jobId],
    );
    expect(rows).toEqual([{ node_id: honest.nodeId }]);
    // a chunk the griefer failed is never given to that owner's nodes again
    const { rows: failed } = await suite.client.query(
      `SELECT failed_owners::text[] AS owners, attempts FROM jobs_chunks WHERE job_id = $1 AND attempts > 0`,
      [jobId],
    );
    for (const f of failed as Array<{ owners: string[]; attempts: number }>) {
      expect(f.owners).toEqual([griefUser]);
      expect(f.attempts).toBe(1);
    }
  }, 90_000);
});
