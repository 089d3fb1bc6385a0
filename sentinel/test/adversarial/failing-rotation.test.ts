// Attack (on the pool's compute): a chunk that fails on every node, with nobody to confirm it. A
// failure is confirmed only by compute trusted by construction (confirmsFailure, trust/policy.ts),
// so with the job owner away (a guest who closed the tab) and no platform node the chunk goes back
// to pending after each volunteer's failure, that volunteer's owner excluded. The exclusion list
// keeps the latest 16 owners (OWNER_LIST_MAX + 1, db/fail-chunk.ts): in a pool of more than 16 owners
// the first of them is no longer excluded once the 17th has failed, and the scheduler gives a chunk
// to a node it failed on when no other node may take it. So the chunk goes round the pool for
// ever, every volunteer running it again and again, until each is benched by the per-node failure
// limit (10 in 10 minutes), then again after the bench. A config that fails only at run time (the
// event budget, say), or a chunk any scripted nodes report failing, costs the pool without end and
// its job never ends. (The sentinel cannot tell a true failure from a scripted one: here the nodes
// report failures, as a deterministic runtime failure would make honest nodes do.)
// A node that reported a failure of a chunk should not be handed that chunk again while nobody
// confirms it: each of the 18 volunteers fails it once, then it waits for compute trusted by
// construction (the job page says so).
import { expect, it } from 'vitest';
import { createJob, createUser, getJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { newUsers, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite();

it('a chunk that fails everywhere is run once per volunteer, not round the pool for ever', async () => {
  const config = quickConfig();
  const owner = await createUser(suite.client);
  const volunteers = await newUsers(suite.client, 18);
  // like a real node whose run fails: reports it, and runs the chunk again if given it again
  const nodes = [];
  for (const v of volunteers)
    nodes.push(
      await suite.node(v, {
        mode: 'manual',
        onAssign: (chunk, node) => {
          void node
            .request('POST', '/chunks/fail', { chunkId: chunk.id, error: 'event budget exceeded' })
            .then(() => node.forget(chunk.id));
        },
      }),
    );
  const jobId = await createJob(suite.client, owner, { iterations: 1000, access: 'public', seed: 3, config });
  await new Promise((r) => setTimeout(r, 8000));
  const { rows } = await suite.client.query(
    `SELECT attempts, cardinality(failed_owners)::int AS owners FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  const chunk = rows[0] as { attempts: number; owners: number };
  const handed = nodes.reduce((n, node) => n + node.received.length, 0);
  // before: handed round the pool until the failure limit benched each volunteer: 189 runs in 8 s
  // (about 10 each), and again after each bench
  expect({ status: (await getJob(suite.client, jobId)).status, attempts: chunk.attempts, handed }).toEqual({
    status: 'running',
    attempts: 18,
    handed: 18,
  });
}, 60_000);
