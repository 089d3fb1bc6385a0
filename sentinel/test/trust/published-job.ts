// A completed job as a trusted node left it (every chunk accepted on its trust and published),
// for tests of what happens to published results later (rechecks, corrections).
import { mergeResults, simulate, type ChunkResult, type SimConfig } from '@wowlab/sim-core';
import type pg from 'pg';
import { toWireResult } from 'wowlab-node/protocol';
import { canonicalResult } from '../../src/trust/digest.ts';
import { createJob } from '../helpers/fixtures.ts';
import { tamper } from './helpers.ts';

/** A chunk row of a job, as computeChunks hands it over. */
export interface ChunkRow {
  id: string;
  config_hash: string;
  seed_offset: number;
  iterations: number;
}

/**
 * Computes every chunk of `jobId` locally in seed order (`lie`: each result scaled by 1.1) and
 * hands each row with its canonical result to `store`; returns the results sent.
 */
export async function computeChunks(
  db: pg.Client,
  jobId: string,
  config: SimConfig,
  seed: number,
  lie: boolean,
  store: (c: ChunkRow, canonical: { text: string; digest: string }) => Promise<void>,
): Promise<ChunkResult[]> {
  const { rows } = await db.query(
    `SELECT id, config_hash, seed_offset, iterations FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset`,
    [jobId],
  );
  const sent: ChunkResult[] = [];
  for (const c of rows as ChunkRow[]) {
    const honest = simulate(config, { seed, seedOffset: c.seed_offset, iterations: c.iterations });
    const result = lie ? tamper('scaled', honest, () => honest) : honest;
    sent.push(result);
    await store(c, canonicalResult(toWireResult(result)));
  }
  return sent;
}

/** The job completed 30 seconds ago with the merge of `sent`, and made public. */
export async function publishJob(
  db: pg.Client,
  jobId: string,
  sent: readonly ChunkResult[],
  iterations: number,
): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'completed', access_type = 'public', result = $2::jsonb,
            chunks_completed = chunks_total, completed_iterations = $3, completed_at = now() - interval '30 seconds'
     WHERE id = $1`,
    [jobId, JSON.stringify(mergeResults(sent)), iterations],
  );
}

/**
 * A job of `owner` as it stands after `nodeId` computed every chunk and the results were accepted
 * on its trust (verdict 'trusted') and published: `lie` scales each chunk's result by 1.1.
 * Created private (no connected node may run it), then completed and made public.
 */
export async function publishedJob(
  db: pg.Client,
  owner: string,
  nodeId: string,
  config: SimConfig,
  seed: number,
  iterations: number,
  lie: boolean,
): Promise<string> {
  const jobId = await createJob(db, owner, { iterations, access: 'private', seed, config });
  const sent = await computeChunks(db, jobId, config, seed, lie, async (c, canonical) => {
    await db.query(
      `UPDATE jobs_chunks SET status = 'completed', node_id = $2, result = $3, digest = $4, verdict = 'trusted',
              claimed_at = now() - interval '1 minute', completed_at = now() - interval '30 seconds'
       WHERE id = $1`,
      [c.id, nodeId, canonical.text, canonical.digest],
    );
  });
  await publishJob(db, jobId, sent, iterations);
  await db.query('UPDATE nodes SET credited_iterations = credited_iterations + $2 WHERE id = $1', [
    nodeId,
    iterations,
  ]);
  return jobId;
}

export async function jobRow(
  db: pg.Client,
  jobId: string,
): Promise<{ result: unknown; corrected_at: Date | null; status: string; completed_at: Date }> {
  const { rows } = await db.query(
    'SELECT result, corrected_at, status, completed_at FROM jobs WHERE id = $1',
    [jobId],
  );
  return rows[0] as { result: unknown; corrected_at: Date | null; status: string; completed_at: Date };
}
