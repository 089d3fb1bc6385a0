// The scheduler's candidate batches (db/claim-chunks.ts): audits are locked in a batch of their own.
// An audit waits for a platform node while one is connected (MatchGate.reserved); in the copies'
// batch, on a busy pool (a batch of the one slot just freed), an older audit waiting for a busy
// platform node held back every replica other nodes could run.
import { ENGINE_VERSION } from '@wowlab/sim-core';
import { expect, it } from 'vitest';
import { lockCandidateChunks } from '../../src/db/claim-chunks.ts';
import { createJob, createUser } from '../helpers/fixtures.ts';
import { testDb } from '../helpers/test-db.ts';
import { quickConfig } from '../trust/helpers.ts';

const db = testDb();

it('an audit waiting for a platform node does not hold back a replica in a batch of one', async () => {
  const [owner, volunteer, partner, verifier] = [
    await createUser(db.client),
    await createUser(db.client),
    await createUser(db.client),
    await createUser(db.client),
  ];
  const jobId = await createJob(db.client, owner, {
    iterations: 2000,
    access: 'public',
    config: quickConfig(),
  });
  const { rows: originals } = await db.client.query(
    `UPDATE jobs_chunks SET status = 'completed' WHERE job_id = $1 RETURNING id`,
    [jobId],
  );
  const copy = async (of: string, audit: boolean, age: string) =>
    (
      await db.client.query(
        `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, variant, replica_of, replica_role,
                                  exclude_owners, audit, created_at)
         SELECT job_id, config_hash, iterations, seed_offset, variant, id, 'replica', $2::uuid[], $3,
                now() - $4::interval
         FROM jobs_chunks WHERE id = $1 RETURNING id`,
        [of, [volunteer, partner], audit, age],
      )
    ).rows[0].id as string;
  // the audit is older: ordered together, it alone filled a batch of one
  const audit = await copy((originals[0] as { id: string }).id, true, '2 minutes');
  const replica = await copy((originals[1] as { id: string }).id, false, '1 minute');

  const tx = await db.pool.connect();
  await tx.query('BEGIN');
  try {
    const chunks = await lockCandidateChunks(tx, {
      engineVersions: [ENGINE_VERSION],
      ownerIds: [],
      userTargets: [],
      guildTargets: [],
      anyPublic: true,
      limit: 1,
      trust: { runners: [verifier], verifiers: [verifier], arbiters: [] },
    });
    expect(chunks.map((c) => [c.id, c.audit]).sort()).toEqual(
      [
        [audit, true],
        [replica, false],
      ].sort(),
    );
  } finally {
    await tx.query('ROLLBACK');
    tx.release();
  }
});
