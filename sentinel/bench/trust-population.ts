// Trust population benchmark (sentinel/docs/trust.md): the real sentinel and Postgres, a stream
// of public jobs from several owners computed by honest volunteers (untrusted at first, earning
// trust against a platform node) and cheaters of every kind the trust rules defend against:
// an always-liar, a sleeper (trusted, then ×1.1), three colluding sybil accounts (one of them
// submits jobs too), a staller (holds chunks, never answers) and a fail-griefer. Prints details
// on stderr and one JSON line on stdout:
//   pnpm --filter @wowlab/sentinel bench:trust
//   env: TRUST_BENCH_JOBS (24), TRUST_BENCH_ITERATIONS (6000 per job), TRUST_BENCH_HONEST (6),
//        TRUST_BENCH_WAVE (4 jobs in flight), TRUST_BENCH_JOB_TIMEOUT_MS (120000),
//        TRUST_BENCH_SLOTS (2: max parallel of every volunteer), TRUST_BENCH_STALLER_SLOTS (2)
import { isDeepStrictEqual } from 'node:util';
import { createTestDatabase, startTestPostgres } from '@wowlab/db';
import { connect, createJob } from '../test/helpers/fixtures.ts';
import type { TestNode } from '../test/helpers/test-node.ts';
import {
  localJobResult,
  newUsers,
  quickConfig,
  registeredNode,
  startTrustSentinel,
} from '../test/trust/helpers.ts';

const JOBS = Number(process.env.TRUST_BENCH_JOBS ?? 24);
const ITERATIONS = Number(process.env.TRUST_BENCH_ITERATIONS ?? 6000);
const HONEST = Number(process.env.TRUST_BENCH_HONEST ?? 6);
const WAVE = Number(process.env.TRUST_BENCH_WAVE ?? 4);
const JOB_TIMEOUT_MS = Number(process.env.TRUST_BENCH_JOB_TIMEOUT_MS ?? 120_000);
const SLOTS = Number(process.env.TRUST_BENCH_SLOTS ?? 2);
const STALLER_SLOTS = Number(process.env.TRUST_BENCH_STALLER_SLOTS ?? SLOTS);

const log = (msg: string) => process.stderr.write(`[bench:trust] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const cluster = await startTestPostgres();
  const database = await createTestDatabase();
  const client = await connect(database.url);
  const sentinel = await startTrustSentinel(database.url, {
    LOG_LEVEL: 'silent',
    CHUNK_DEADLINE_MIN_MS: '2000',
  });
  const url = sentinel.baseUrl;
  const nodes: TestNode[] = [];
  const config = quickConfig();

  // Honest side: job owners, volunteers of distinct owners (untrusted at first), one platform node.
  const owners = await newUsers(client, 3);
  const [operator] = await newUsers(client, 1);
  nodes.push(await registeredNode(client, url, operator!, { platform: true, maxParallel: SLOTS }));
  const honest: TestNode[] = [];
  for (const user of await newUsers(client, HONEST))
    honest.push(await registeredNode(client, url, user, { maxParallel: SLOTS }));
  nodes.push(...honest);

  // Cheaters, each a fresh account unless said otherwise.
  const [liarUser, sleeperUser, stallUser, griefUser, ...sybilUsers] = await newUsers(client, 7);
  const liar = await registeredNode(client, url, liarUser!, { maxParallel: SLOTS, mode: 'random' });
  const sleeper = await registeredNode(client, url, sleeperUser!, {
    maxParallel: SLOTS,
    trustStreak: 1000,
    mode: 'scaled',
  });
  const sybils: TestNode[] = [];
  // the same made-up result from all three: they agree with each other
  for (const user of sybilUsers)
    sybils.push(await registeredNode(client, url, user, { maxParallel: SLOTS, mode: 'scaled' }));
  const staller = await registeredNode(client, url, stallUser!, {
    maxParallel: STALLER_SLOTS,
    mode: 'manual',
  });
  const griefer = await registeredNode(client, url, griefUser!, { maxParallel: SLOTS, mode: 'griefer' });
  const cheaters = {
    liar,
    sleeper,
    staller,
    griefer,
    ...Object.fromEntries(sybils.map((n, k) => [`sybil${k + 1}`, n])),
  };
  nodes.push(...Object.values(cheaters));
  log(`${nodes.length} nodes: platform, ${HONEST} honest, ${Object.keys(cheaters).length} cheaters`);

  // The stream: jobs of the honest owners and of one sybil account (the farm's own jobs).
  const submitters = [...owners, sybilUsers[0]!];
  const jobs: Array<{ id: string; seed: number; owner: string; index: number; done: boolean }> = [];
  let next = 0;
  const stalled: string[] = [];
  // one connection per job in flight: job creation sets the caller's claims in a transaction
  async function runOne(db: Awaited<ReturnType<typeof connect>>, index: number): Promise<void> {
    const owner = submitters[index % submitters.length]!;
    const seed = 1000 + index;
    const id = await createJob(db, owner, { iterations: ITERATIONS, access: 'public', seed, config });
    const job = { id, seed, owner, index, done: false };
    jobs.push(job);
    const deadline = Date.now() + JOB_TIMEOUT_MS;
    for (;;) {
      const { rows } = await db.query('SELECT status FROM jobs WHERE id = $1', [id]);
      const status = (rows[0] as { status: string }).status;
      if (status === 'completed') break;
      if (status === 'failed' || status === 'cancelled' || Date.now() > deadline) {
        stalled.push(id);
        break;
      }
      await sleep(100);
    }
    job.done = true;
  }
  const workers = Array.from({ length: WAVE }, async () => {
    const db = await connect(database.url);
    try {
      while (next < JOBS) await runOne(db, next++);
    } finally {
      await db.end();
    }
  });
  await Promise.all(workers);
  log(`${JOBS} jobs finished in ${((performance.now() - t0) / 1000).toFixed(1)} s; checking results`);
  // rechecks of completed jobs (a caught node's published results) finish before measuring
  const jobIds = jobs.map((j) => j.id);
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
       WHERE c.job_id = ANY($1) AND j.status = 'completed' AND c.status IN ('pending', 'running')`,
      [jobIds],
    );
    if ((rows[0] as { n: number }).n === 0) break;
    await sleep(200);
  }

  // Lies published: an honest owner's completed job whose result is not the exact local one.
  // The attacker's own jobs are counted apart: its own nodes decide what its jobs publish.
  const expected = new Map<number, unknown>();
  let liesPublished = 0;
  let attackerJobsWrong = 0;
  for (const job of jobs) {
    const { rows } = await client.query('SELECT status, result FROM jobs WHERE id = $1', [job.id]);
    const row = rows[0] as { status: string; result: unknown };
    if (row.status !== 'completed') continue;
    if (!expected.has(job.seed)) expected.set(job.seed, localJobResult(config, job.seed, ITERATIONS));
    if (isDeepStrictEqual(row.result, expected.get(job.seed))) continue;
    if (job.owner === sybilUsers[0]) attackerJobsWrong++;
    else {
      liesPublished++;
      log(`lie published on job ${job.id} (seed ${job.seed})`);
    }
  }
  const { rows: chunkCount } = await client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = ANY($1) AND status = 'completed'`,
    [jobIds],
  );
  const { rows: corrected } = await client.query(
    'SELECT count(*)::int AS n FROM jobs WHERE id = ANY($1) AND corrected_at IS NOT NULL',
    [jobIds],
  );
  const { rows: honestRows } = await client.query(
    `SELECT id, mismatches, quarantined_at IS NOT NULL AS quarantined, trust_streak FROM nodes WHERE id = ANY($1)`,
    [honest.map((n) => n.nodeId)],
  );
  const honestPenalised = (honestRows as Array<{ mismatches: number; quarantined: boolean }>).filter(
    (r) => r.mismatches > 0 || r.quarantined,
  ).length;
  const honestTrusted = (honestRows as Array<{ trust_streak: number }>).filter(
    (r) => r.trust_streak >= 10,
  ).length;

  // Overhead once nodes are trusted: the second half of the stream.
  const late = jobs.filter((j) => j.index >= JOBS / 2).map((j) => j.id);
  const { rows: overheadRows } = await client.query(
    `SELECT coalesce(sum(iterations) FILTER (WHERE replica_of IS NOT NULL AND status = 'completed'), 0)::float8 AS copies,
            coalesce(sum(iterations) FILTER (WHERE replica_of IS NULL), 0)::float8 AS useful
     FROM jobs_chunks WHERE job_id = ANY($1)`,
    [late],
  );
  const { copies, useful } = overheadRows[0] as { copies: number; useful: number };

  // Results a cheater sent before its quarantine, per quarantined cheater.
  const toQuarantine: number[] = [];
  const perCheater: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(cheaters)) {
    const { rows } = await client.query(
      `SELECT n.quarantined_at IS NOT NULL AS quarantined, n.mismatches,
              (SELECT count(*)::int FROM jobs_chunks c WHERE c.node_id = n.id AND c.status = 'completed'
                 AND (n.quarantined_at IS NULL OR c.completed_at <= n.quarantined_at)) AS sent,
              (SELECT count(*)::int FROM jobs_chunks c WHERE c.node_id = n.id AND c.verdict IN ('trusted', 'verified')) AS accepted
       FROM nodes n WHERE n.id = $1`,
      [node.nodeId],
    );
    const r = rows[0] as { quarantined: boolean; mismatches: number; sent: number; accepted: number };
    const { rows: acceptedOn } = await client.query(
      `SELECT j.user_id = ANY($2::uuid[]) AS attackers_job, c.replica_role AS role, c.verdict, count(*)::int AS n
       FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
       WHERE c.node_id = $1 AND c.verdict IN ('trusted', 'verified') GROUP BY 1, 2, 3`,
      [node.nodeId, sybilUsers],
    );
    perCheater[name] = { ...r, acceptedOn };
    if (r.quarantined) toQuarantine.push(r.sent);
  }
  log(`cheaters: ${JSON.stringify(perCheater)}`);

  // What a stalled job waits for: its unfinished chunks, who holds them, whom they exclude.
  const names = new Map<string, string>([
    [nodes[0]!.nodeId, 'platform'],
    ...honest.map((n, k): [string, string] => [n.nodeId, `honest${k + 1}`]),
    ...Object.entries(cheaters).map(([name, n]): [string, string] => [n.nodeId, name]),
  ]);
  const ownerNames = new Map<string, string>([
    ...owners.map((u, k): [string, string] => [u, `owner${k + 1}`]),
    [sybilUsers[0]!, 'sybil1'],
  ]);
  for (const id of stalled) {
    const { rows } = await client.query(
      `SELECT j.status AS job, j.user_id AS owner, c.replica_role AS role, c.status, c.node_id, c.attempts,
              cardinality(c.exclude_owners) AS excluded, cardinality(c.failed_owners) AS failed_by,
              round(extract(epoch FROM now() - c.claimed_at))::int AS held_s
       FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id
       WHERE c.job_id = $1 AND c.status <> 'completed' ORDER BY c.seed_offset, c.created_at`,
      [id],
    );
    const view = (rows as Array<Record<string, unknown>>).map((r) => ({
      ...r,
      owner: ownerNames.get(r.owner as string),
      node_id: r.node_id === null ? null : (names.get(r.node_id as string) ?? r.node_id),
    }));
    log(`stalled job ${id}: ${JSON.stringify(view)}`);
  }

  for (const n of nodes) await n.close();
  await sentinel.close();
  await client.end();
  await database.drop();
  await cluster.stop();
  const round = (x: number) => Math.round(x * 1000) / 1000;
  process.stdout.write(
    JSON.stringify({
      bench: 'trust-population',
      jobs: JOBS,
      iterationsPerJob: ITERATIONS,
      nodes: nodes.length,
      honestNodes: HONEST,
      cheaters: Object.keys(cheaters).length,
      chunks: (chunkCount[0] as { n: number }).n,
      liesPublished,
      attackerJobsWrong,
      liesCorrectedAfterPublish: (corrected[0] as { n: number }).n,
      honestPenalised,
      honestTrusted,
      replicationOverhead: useful === 0 ? null : round(copies / useful),
      chunksToQuarantine: {
        median: median(toQuarantine),
        max: toQuarantine.length ? Math.max(...toQuarantine) : null,
      },
      cheatersQuarantined: toQuarantine.length,
      stalledJobs: stalled.length,
      durationMs: Math.round(performance.now() - t0),
    }) + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(`[bench:trust] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
