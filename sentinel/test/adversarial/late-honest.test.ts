// Attack: a trusted liar frames an honest slow volunteer. The volunteer misses a deadline (as a
// slow one does), its chunk goes to the liar, whose made-up result is accepted on trust (9 in 10
// are), and then the volunteer's honest late answer comes. Before, a refused late answer was
// judged against the accepted result whenever that result's node vouches for others (an
// earned-trusted third owner): the honest answer was the "lie", the volunteer lost its streak and
// counted a mismatch (three of them quarantine it). An unverified result accepted on trust is no
// proof of anything: a late answer is now penalised only against a platform node's result.
import { simulate, type SimConfig } from '@wowlab/sim-core';
import { expect, it } from 'vitest';
import { createJob, waitFor } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { chunkRows, newUsers, nodeTrust, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite({ CHUNK_DEADLINE_MIN_MS: '500', CHUNK_DEADLINE_SLACK: '1' });

it('an honest late answer is not penalised against a trusted liar’s unverified result', async () => {
  const config: SimConfig = quickConfig();
  const [victim, slowUser, sleeperUser] = await newUsers(suite.client, 3);
  // the slow volunteer: takes chunks and answers only when the test says (three at once at most)
  const slow = await suite.node(slowUser!, { mode: 'manual', maxParallel: 3 });
  // a copy it is handed later (a sampled replica of the liar's result) it answers honestly at once:
  // held unanswered, it would keep the untrusted volunteer (one chunk of others' jobs at a time)
  // from taking the next round's chunk
  slow.onAssign = (c) => {
    if (slow.assigned.some((o) => o.jobId === c.jobId && o.id !== c.id))
      void slow.complete(
        c.id,
        simulate(config, { seed: c.seed, seedOffset: c.seedOffset, iterations: c.iterations }),
      );
  };
  let framed = 0;
  for (let round = 0; round < 3; round++) {
    const seed = 70 + round;
    const jobId = await createJob(suite.client, victim!, {
      iterations: 1000,
      access: 'public',
      seed,
      config,
    });
    const chunk = await waitFor(
      async () => slow.assigned.find((c) => c.jobId === jobId),
      30_000,
      'the slow volunteer to take the chunk',
    );
    // the liar comes online; past the volunteer's deadline the chunk goes to it
    const sleeper = await suite.node(sleeperUser!, { trustStreak: 1000, mode: 'scaled' });
    const liar = await waitFor(
      async () =>
        (await chunkRows(suite.client, jobId)).find(
          (r) => r.replica_of === null && r.node_id === sleeper.nodeId && r.verdict !== null,
        ) ??
        (await chunkRows(suite.client, jobId)).find((r) => r.replica_of !== null && r.status === 'pending'),
      60_000,
      'the liar’s result to be accepted on trust, or sampled',
    );
    await sleeper.close();
    const honest = simulate(config, { seed, seedOffset: chunk.seedOffset, iterations: chunk.iterations });
    const res = await slow.complete(chunk.id, honest);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(false); // refused: the liar's result came first
    if (liar.verdict === 'trusted') framed++;
  }
  // at least one of three draws was not sampled (one in ten is): the liar's result was accepted
  expect(framed).toBeGreaterThan(0);
  expect(await nodeTrust(suite.client, slow.nodeId)).toMatchObject({ mismatches: 0, quarantined: false });
}, 180_000);
