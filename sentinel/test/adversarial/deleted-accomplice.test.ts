// Attack: an earned-trusted accomplice echoes its partners' lies as a replica (accomplice.test.ts),
// then its owner deletes it before one of those confirmations is audited. Caught, its confirmations
// made without compute trusted by construction in the family are all rechecked (recheckPublished);
// deleted, a node "counts as caught" (deleted-liar.test.ts), but the delete kept only its results
// accepted on trust ('trusted' rows): the lies it confirmed read 'verified', so they were not kept,
// nothing was recomputed, and every one stayed published. The partners cost nothing (a fresh
// unclaimed node per lie: an audit that catches one catches only that one), and a confirmation is
// audited 1 time in 10, so deleting the accomplice after a few echoes keeps most of them for good.
// The state is the one the echoes leave (as in deleted-liar.test.ts): a victim's completed public
// job whose every chunk a fresh partner lied on and the trusted accomplice confirmed, unaudited.
import type { SimConfig } from '@wowlab/sim-core';
import type pg from 'pg';
import { expect, it } from 'vitest';
import { createJob, deleteNodeAsOwner, waitFor } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { TestNode } from '../helpers/test-node.ts';
import { localJobResult, newUsers, nodeTrust, quickConfig } from '../trust/helpers.ts';
import { computeChunks, jobRow, publishJob } from '../trust/published-job.ts';

const suite = trustSuite();

/**
 * A completed public job of `owner` whose every chunk `partnerId` (an unclaimed node) answered ×1.1
 * and `accompliceId` confirmed as the replica: both rows 'verified', the lie published.
 */
async function echoedJob(
  db: pg.Client,
  owner: string,
  partnerId: string,
  accompliceId: string,
  config: SimConfig,
  seed: number,
  iterations: number,
): Promise<string> {
  const jobId = await createJob(db, owner, { iterations, access: 'private', seed, config });
  const sent = await computeChunks(db, jobId, config, seed, true, async (c, canonical) => {
    await db.query(
      `UPDATE jobs_chunks SET status = 'completed', node_id = $2, result = $3, digest = $4, verdict = 'verified',
              claimed_at = now() - interval '1 minute', completed_at = now() - interval '40 seconds'
       WHERE id = $1`,
      [c.id, partnerId, canonical.text, canonical.digest],
    );
    await db.query(
      `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, replica_of, replica_role,
                                exclude_owners, status, node_id, result, digest, verdict, claimed_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, 'replica', ARRAY[$6::uuid], 'completed', $7, $8, $9, 'verified',
               now() - interval '35 seconds', now() - interval '30 seconds')`,
      [
        jobId,
        c.config_hash,
        c.iterations,
        c.seed_offset,
        c.id,
        partnerId,
        accompliceId,
        canonical.text,
        canonical.digest,
      ],
    );
  });
  await publishJob(db, jobId, sent, iterations);
  return jobId;
}

it('deleting a trusted accomplice before its confirmations are audited does not leave the lies it confirmed published', async () => {
  const config = quickConfig();
  const [victim, accompliceUser, operator] = await newUsers(suite.client, 3);
  const accomplice = await suite.node(accompliceUser!, { trustStreak: 1000 });
  await accomplice.close();
  const partner = await TestNode.create(suite.sentinel.baseUrl); // a fresh unclaimed node, never connected
  const seed = 61;
  const iterations = 3000;
  const jobId = await echoedJob(
    suite.client,
    victim!,
    partner.nodeId,
    accomplice.nodeId,
    config,
    seed,
    iterations,
  );
  const truth = localJobResult(config, seed, iterations);
  const published = await jobRow(suite.client, jobId);
  expect(published.result).not.toEqual(truth);

  expect(await deleteNodeAsOwner(suite.client, accompliceUser!, accomplice.nodeId)).toBe(true);
  await suite.node(operator!, { platform: true, maxParallel: 2 });
  // before: nothing was kept or rechecked, and the lie stayed published (corrected_at null)
  const after = await waitFor(
    async () => {
      const row = await jobRow(suite.client, jobId);
      return row.corrected_at === null ? null : row;
    },
    30_000,
    'the job the accomplice confirmed lies on to be corrected',
  );
  expect(after.status).toBe('completed');
  expect(after.result).toEqual(truth);
  // the arbiters (the platform node) proved the partner's lies: it is caught
  expect((await nodeTrust(suite.client, partner.nodeId)).mismatches).toBeGreaterThan(0);
}, 90_000);
