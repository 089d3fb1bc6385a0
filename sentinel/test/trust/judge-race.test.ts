// A race between two completions, replayed deterministically: while an arbiter's completion
// judges a family, a concurrent transaction (the re-run of a node caught elsewhere) drops
// that node's disputed copy of the same family. The arbiter must not penalise the node for
// the dropped row: every mismatch a node counts has its invalid row (CI once saw 3 vs 2).
import { createTestDatabase } from '@wowlab/db';
import { ENGINE_VERSION, simulate } from '@wowlab/sim-core';
import pg from 'pg';
import { toWireResult } from 'wowlab-node/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_TRUST_SETTINGS } from '../../src/trust/settings.ts';
import { canonicalResult } from '../../src/trust/digest.ts';
import { TrustJudge } from '../../src/completion/judge.ts';
import { TrustPolicy } from '../../src/trust/policy.ts';
import { connect, createJob, insertNode } from '../helpers/fixtures.ts';
import { newUsers, quickConfig } from './helpers.ts';

let db: { url: string; drop(): Promise<void> };
let setup: pg.Client;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  setup = await connect(db.url);
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});

afterAll(async () => {
  await pool?.end();
  await setup?.end();
  await db?.drop();
});

it('a copy dropped by a concurrent re-run is neither judged invalid nor counted as a mismatch', async () => {
  const config = quickConfig();
  const [owner, honestUser, cheatUser, operator] = await newUsers(setup, 4);
  // the arbiter runs on a platform node: its word is a reference that raises and costs trust
  const ownerNode = await insertNode(setup, operator!);
  await setup.query('UPDATE nodes SET platform_node = true WHERE id = $1', [ownerNode]);
  const honest = await insertNode(setup, honestUser!);
  const cheater = await insertNode(setup, cheatUser!);
  const jobId = await createJob(setup, owner!, { iterations: 500, access: 'public', seed: 9, config });
  const { rows: chunks } = await setup.query(
    `SELECT id, seed_offset, iterations, config_hash FROM jobs_chunks WHERE job_id = $1`,
    [jobId],
  );
  const primary = chunks[0] as { id: string; seed_offset: number; iterations: number; config_hash: string };
  const result = toWireResult(
    simulate(config, { seed: 9, seedOffset: primary.seed_offset, iterations: primary.iterations }),
  );
  const honestResult = canonicalResult(result);
  // The family: the honest primary, the cheater's disputed replica, an arbiter running on a platform node.
  await setup.query(
    `UPDATE jobs_chunks SET status = 'completed', node_id = $2, digest = $3, result = $4, completed_at = now()
     WHERE id = $1`,
    [primary.id, honest, honestResult.digest, honestResult.text],
  );
  const copy = async (role: string, status: string, node: string, digest: string | null): Promise<string> => {
    const { rows } = await setup.query(
      `INSERT INTO jobs_chunks (job_id, config_hash, iterations, seed_offset, replica_of, replica_role, status, node_id, digest, claimed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) RETURNING id`,
      [
        jobId,
        primary.config_hash,
        primary.iterations,
        primary.seed_offset,
        primary.id,
        role,
        status,
        node,
        digest,
      ],
    );
    return (rows[0] as { id: string }).id;
  };
  const lie = await copy('replica', 'completed', cheater, 'f'.repeat(64));
  const arbiter = await copy('arbiter', 'running', ownerNode, null);

  // The concurrent transaction drops the cheater's disputed copy and holds the row lock.
  const rerun = await pool.connect();
  const completion = await pool.connect();
  try {
    await rerun.query('BEGIN');
    await rerun.query('DELETE FROM jobs_chunks WHERE id = $1', [lie]);

    const judge = new TrustJudge(new TrustPolicy(DEFAULT_TRUST_SETTINGS));
    await completion.query('BEGIN');
    const pid = ((await completion.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
    const judged = judge.complete(
      completion,
      {
        chunkId: arbiter,
        nodeId: ownerNode,
        iterations: primary.iterations,
        seedOffset: primary.seed_offset,
        engineVersion: ENGINE_VERSION,
      },
      honestResult,
    );
    // The arbiter's judging read the family (with the lie) and now waits for the dropped row's lock.
    for (let i = 0; ; i++) {
      const { rows } = await setup.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [
        pid,
      ]);
      if ((rows[0] as { wait_event_type: string | null } | undefined)?.wait_event_type === 'Lock') break;
      if (i > 500) throw new Error('the completion never waited for the dropped row');
      await new Promise((r) => setTimeout(r, 10));
    }
    await rerun.query('COMMIT');
    const out = await judged;
    await completion.query('COMMIT');

    expect(out?.effects).toMatchObject({ invalidResults: 0, quarantined: [] });
    const { rows: nodes } = await setup.query(
      `SELECT id, mismatches, trust_streak FROM nodes WHERE id = ANY($1::uuid[])`,
      [[honest, cheater, ownerNode]],
    );
    const byId = new Map(
      (nodes as { id: string; mismatches: number; trust_streak: number }[]).map((n) => [n.id, n]),
    );
    expect(byId.get(cheater)).toMatchObject({ mismatches: 0 });
    expect(byId.get(honest)).toMatchObject({ mismatches: 0, trust_streak: 1 });
    const { rows: family } = await setup.query(
      `SELECT id, verdict FROM jobs_chunks WHERE id = $1 OR replica_of = $1 ORDER BY created_at`,
      [primary.id],
    );
    expect(family).toEqual([
      { id: primary.id, verdict: 'verified' },
      { id: arbiter, verdict: 'verified' },
    ]);
  } finally {
    rerun.release();
    completion.release();
  }
});
