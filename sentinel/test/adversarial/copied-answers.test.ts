// Attack: trust farmed without simulating anything, by copying answers the attacker can read. A
// job's owner may read every row of its chunks under RLS (jobs_chunks_select_job_owner), each
// node's stored result and digest included. The attacker creates a public job with one account; an
// honest volunteer of a third owner runs its originals; the attacker's node (second account) is
// handed their replicas and, for each, sends the original's result read through the first account
// instead of running the sim. The two agree, an arbiter (a platform node) confirms them, and the
// attacker's node counts a verified result on the word of a platform node each time: ten copies
// and it was trusted (streak 10) without one simulated iteration. The same read serves a late
// answer (judgeRefusedLate raises the streak of an answer agreeing with a platform node's accepted
// row), and two jobs of one seed and config (create_job takes the seed) have the same chunks.
// Agreement proves something only about an answer its node could not read: a job owner sees the
// published job result (merged; the per-chunk samples cannot be recovered from it), never another
// node's chunk result or digest.
import pg from 'pg';
import type { ChunkAssignment } from 'wowlab-node/protocol';
import { expect, it } from 'vitest';
import { asUser, createJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { trustSuite } from '../helpers/trust-suite.ts';
import { chunkRows, localJobResult, newUsers, nodeTrust, quickConfig } from '../trust/helpers.ts';

const suite = trustSuite();

/** A second connection (the attacker's PostgREST session): reads under RLS as `userId`. */
async function ownerSession(): Promise<pg.Client> {
  const p = (suite.client as unknown as { connectionParameters: pg.ClientConfig }).connectionParameters;
  const client = new pg.Client({
    host: p.host,
    port: p.port,
    user: p.user,
    password: p.password,
    database: p.database,
  });
  await client.connect();
  return client;
}

/** What the job owner's session reads of another node's stored result for this chunk, or why not. */
async function readAnswer(
  session: pg.Client,
  owner: string,
  chunk: ChunkAssignment,
): Promise<{ text: string } | { refused: string } | null> {
  try {
    return await asUser(session, owner, async () => {
      await session.query('SET LOCAL ROLE authenticated');
      const { rows } = await session.query(
        `SELECT result FROM jobs_chunks
         WHERE job_id = $1 AND seed_offset = $2 AND id <> $3 AND status = 'completed' AND result IS NOT NULL
         LIMIT 1`,
        [chunk.jobId, chunk.seedOffset, chunk.id],
      );
      const row = rows[0] as { result: string } | undefined;
      return row ? { text: row.result } : null;
    });
  } catch (err) {
    return { refused: (err as { code?: string }).code ?? String(err) };
  }
}

it('a node cannot earn trust by sending answers its owner’s sybil read as the job owner', async () => {
  const config = quickConfig();
  const [volunteerUser, jobOwner, copierUser, operator] = await newUsers(suite.client, 4);
  const seed = 83;
  const iterations = 10_000;
  const jobId = await createJob(suite.client, jobOwner!, { iterations, access: 'public', seed, config });
  // an honest volunteer (not trusted yet) runs every original: each waits for a replica
  const volunteer = await suite.node(volunteerUser!);
  await waitFor(
    async () => {
      const rows = await chunkRows(suite.client, jobId);
      const done = rows.filter((r) => r.replica_of === null && r.status === 'completed').length;
      const copies = rows.filter((r) => r.replica_of !== null).length;
      return done === iterations / 1000 && copies === iterations / 1000;
    },
    60_000,
    'the volunteer to run every original',
  );
  await volunteer.close();

  // the copier: never simulates; sends what the job owner's session reads of the chunk's other
  // rows, or, when it cannot read one, a made-up result (the volunteer's answer scaled)
  const session = await ownerSession();
  let copied = 0;
  let refused: string | null = null;
  const copier = await suite.node(copierUser!, {
    mode: 'manual',
    onAssign: (chunk, node) => {
      void (async () => {
        const read = await readAnswer(session, jobOwner!, chunk);
        if (read === null) return; // an original: nothing to copy, held
        let wire: Record<string, unknown>;
        if ('text' in read) {
          copied++;
          wire = JSON.parse(read.text) as Record<string, unknown>;
        } else {
          refused = read.refused;
          // the attacker cannot read the answer: it guesses (a plausible result that is not it)
          const { rows } = await suite.client.query(
            `SELECT result FROM jobs_chunks WHERE job_id = $1 AND seed_offset = $2 AND id <> $3 AND result IS NOT NULL LIMIT 1`,
            [chunk.jobId, chunk.seedOffset, chunk.id],
          );
          wire = JSON.parse((rows[0] as { result: string }).result) as Record<string, unknown>;
          wire.mean = (wire.mean as number) * 1.1;
          wire.min = (wire.min as number) * 1.1;
          wire.max = (wire.max as number) * 1.1;
          wire.m2 = (wire.m2 as number) * 1.21;
          const bytes = Uint8Array.from(Buffer.from(wire.samples as string, 'base64url'));
          const scaled = new Float64Array(bytes.buffer).map((s) => s * 1.1);
          wire.samples = Buffer.from(scaled.buffer).toString('base64url');
        }
        await node.request('POST', '/chunks/complete', { chunkId: chunk.id, result: wire });
      })();
    },
  });
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = $1 AND node_id = $2 AND status = 'completed'`,
        [jobId, copier.nodeId],
      );
      return (rows[0] as { n: number }).n === iterations / 1000;
    },
    60_000,
    'the copier to answer every replica',
  );
  await copier.close();
  await session.end();

  // the platform node arbitrates (two nodes nobody vouches for agreed) and the job completes right
  await suite.node(operator!, { platform: true, maxParallel: 2 });
  const done = await waitForJob(suite.client, jobId, 'completed', 90_000);
  expect(done.result).toEqual(localJobResult(config, seed, iterations));

  // the copier proved nothing: it is not trusted (before: streak 10, trusted, 10 copies sent)
  const trust = await nodeTrust(suite.client, copier.nodeId);
  expect({ streak: trust.trust_streak, copied }).toEqual({ streak: 0, copied: 0 });
  // what the job owner may read of its chunks: not another node's result or digest
  expect(refused).toBe('42501');
  // the honest volunteer was confirmed by the platform node on each chunk
  expect((await nodeTrust(suite.client, volunteer.nodeId)).trust_streak).toBe(iterations / 1000);
}, 240_000);
