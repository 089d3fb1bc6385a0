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
  TRUST_ON,
} from '../test/trust/helpers.ts';

const JOBS = Number(process.env.TRUST_BENCH_JOBS ?? 24);
const ITERATIONS = Number(process.env.TRUST_BENCH_ITERATIONS ?? 6000);
const HONEST = Number(process.env.TRUST_BENCH_HONEST ?? 6);
const WAVE = Number(process.env.TRUST_BENCH_WAVE ?? 4);
const JOB_TIMEOUT_MS = Number(process.env.TRUST_BENCH_JOB_TIMEOUT_MS ?? 120_000);
const SLOTS = Number(process.env.TRUST_BENCH_SLOTS ?? 2);
const STALLER_SLOTS = Number(process.env.TRUST_BENCH_STALLER_SLOTS ?? SLOTS);
/** Verified results before a node is trusted, as the sentinel is started with. */
const THRESHOLD = Number(TRUST_ON.TRUST_THRESHOLD);

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
    // its nodes simulate on the event loop the sentinel shares and never reconnect: under load a
    // pong can miss a 1 s ping, dropping sockets (likely why a run at load 12 hung, every node offline)
    WS_PING_INTERVAL_MS: '10000',
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
  // Every chunk each node computed (a run whose result is not the one its row keeps is waste the
  // rows do not show: a chunk computed again after its deadline, a copy dropped after its chunk
  // was settled).
  const runs: Array<{ chunkId: string; nodeId: string; at: number }> = [];
  for (const node of nodes) {
    const run = node.run.bind(node);
    node.run = async (chunk) => {
      const result = await run(chunk);
      runs.push({ chunkId: chunk.id, nodeId: node.nodeId, at: Date.now() });
      return result;
    };
  }
  // When each node was trusted (Postgres clock), to tell a trusted node's sampled result from an
  // untrusted node's replicated one.
  const trustedSpans = new Map<string, Array<{ from: number; to: number }>>();
  let polling = true;
  const poller = (async () => {
    const db = await connect(database.url);
    try {
      while (polling) {
        const { rows } = await db.query(
          `SELECT id, trust_streak >= $2 AND quarantined_at IS NULL AS trusted,
                  (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS at
           FROM nodes WHERE id = ANY($1)`,
          [nodes.map((n) => n.nodeId), THRESHOLD],
        );
        for (const r of rows as Array<{ id: string; trusted: boolean; at: number }>) {
          const spans = trustedSpans.get(r.id) ?? [];
          trustedSpans.set(r.id, spans);
          const last = spans.at(-1);
          if (r.trusted && last && last.to === Infinity) continue;
          if (r.trusted) spans.push({ from: r.at, to: Infinity });
          else if (last && last.to === Infinity) last.to = r.at;
        }
        await sleep(50);
      }
    } finally {
      await db.end();
    }
  })();
  const trustedAt = (nodeId: string, at: number) =>
    (trustedSpans.get(nodeId) ?? []).some((s) => s.from <= at && at < s.to);
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
  polling = false;
  await poller;
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
    (r) => r.trust_streak >= THRESHOLD,
  ).length;

  // Overhead once nodes are trusted: originals sent after the last honest volunteer reached trust,
  // and the copies issued meanwhile. (Until 2026-12-06 this was the second half of the stream;
  // trust now comes after about half of it, so that half held the end of trust building.)
  const trustedSince = honest.every((n) => trustedSpans.get(n.nodeId)?.length)
    ? Math.max(...honest.map((n) => trustedSpans.get(n.nodeId)![0]!.from))
    : null;
  const trusted =
    trustedSince === null ? null : await copiesByCause(client, jobIds, trustedSince, trustedAt, runs);
  const building = await copiesByCause(client, jobIds, null, trustedAt, runs, trustedSince ?? Infinity);
  const secondHalf = await copiesByCause(
    client,
    jobs.filter((j) => j.index >= JOBS / 2).map((j) => j.id),
    null,
    trustedAt,
    runs,
  );
  const { rows: createdBefore } = await client.query(
    `SELECT count(*)::int AS n FROM jobs WHERE id = ANY($1) AND created_at < to_timestamp($2::float8 / 1000)`,
    [jobIds, trustedSince ?? 0],
  );

  // What a node did with the chunks it was given: assignments, runs, accepted answers, drops.
  const workOf = (n: TestNode) => ({
    assigned: n.assigned.length,
    ran: runs.filter((x) => x.nodeId === n.nodeId).length,
    answered: n.completed.length,
    cancelled: n.cancelled.length,
  });

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
    perCheater[name] = { ...r, acceptedOn, ...workOf(node) };
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
  log(
    `honest volunteers' chunks: ${JSON.stringify(Object.fromEntries(honest.map((n, k) => [`honest${k + 1}`, workOf(n)])))}`,
  );
  for (const n of nodes) {
    if (n.errors.length > 0) log(`${names.get(n.nodeId)}'s work loop stopped: ${String(n.errors[0])}`);
    if (n.closeCode !== null) log(`${names.get(n.nodeId)}'s socket was closed (${n.closeCode})`);
  }
  const named = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  if (trusted)
    log(
      `once trusted: ${trusted.trustedOriginals} originals sent by earned-trusted nodes; copies and recomputed runs: ${JSON.stringify(
        trusted.details.map((d) => `${d.cause}: ${named(d.of)} by ${named(d.by)}`).sort(),
      )}`,
    );
  log(`while honest volunteers earned trust, iterations by cause: ${JSON.stringify(building.iterations)}`);
  log(
    `while honest volunteers earned trust, recomputed runs: ${JSON.stringify(
      building.details
        .filter((d) => d.cause === 'recomputed')
        .map((d) => `${named(d.of)} by ${named(d.by)}`)
        .sort(),
    )}`,
  );
  const { rows: created } = await client.query(
    `SELECT (extract(epoch FROM created_at) * 1000)::float8 AS at FROM jobs WHERE id = ANY($1) ORDER BY created_at`,
    [jobIds],
  );
  const createdAt = (created as Array<{ at: number }>).map((r) => r.at);
  log(
    `jobs created before each honest node was first trusted: ${JSON.stringify(
      honest.map((n) => {
        const from = trustedSpans.get(n.nodeId)?.[0]?.from;
        return from === undefined ? null : createdAt.filter((t) => t < from).length;
      }),
    )}`,
  );
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
      replicationOverhead: trusted && trusted.useful > 0 ? round(trusted.copies / trusted.useful) : null,
      trustedAfterJobs: trustedSince === null ? null : (createdBefore[0] as { n: number }).n,
      overheadBy:
        trusted && trusted.useful > 0
          ? Object.fromEntries(
              Object.entries(trusted.iterations).map(([k, v]) => [k, round(v / trusted.useful)]),
            )
          : null,
      overheadSecondHalf: secondHalf.useful === 0 ? null : round(secondHalf.copies / secondHalf.useful),
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

type Cause = 'sampled' | 'untrusted' | 'arbiterMismatch' | 'arbiterNoEvidence' | 'recheck' | 'recomputed';

/**
 * The replication overhead of `jobIds` — completed copies' iterations ÷ originals' iterations —
 * over originals completed and copies issued from `since` (Postgres clock, ms; null: all) until
 * `until`, and its copies by what issued them (their sum is `copies`):
 * - `sampled`: a replica of a result its node sent while trusted (the 1-in-10 floor);
 * - `untrusted`: a replica of a result of a node not trusted (yet): honest volunteers earning
 *   trust, cheaters;
 * - `arbiterMismatch`: the third copy after a replica disagreed;
 * - `arbiterNoEvidence`: the third copy after two nodes nobody vouches for agreed;
 * - `recheck`: a caught node's published (or confirmed) result on a completed job;
 * - `recomputed` (not a copy, not in `copies`): runs whose result their row does not keep: a
 *   chunk reclaimed past its deadline and computed again, a copy answered after its chunk was
 *   settled, a caught node's results recomputed.
 */
async function copiesByCause(
  client: Awaited<ReturnType<typeof connect>>,
  jobIds: string[],
  since: number | null,
  trustedAt: (nodeId: string, at: number) => boolean,
  runs: Array<{ chunkId: string; nodeId: string; at: number }>,
  until = Infinity,
): Promise<{
  copies: number;
  useful: number;
  iterations: Record<Cause, number>;
  /** Each copy and recomputed run: its cause, the node whose result it checks, the node that ran it. */
  details: Array<{ cause: Cause; of: string | null; by: string | null }>;
  /** Originals whose node was trusted (not by construction) when it sent them: what sampling draws from. */
  trustedOriginals: number;
}> {
  type Row = {
    id: string;
    role: string;
    status: string;
    node_id: string | null;
    iterations: number;
    after_job: boolean;
    created: number;
    done: number | null;
    anchor: boolean;
    primary_node: string | null;
    primary_done: number | null;
    digests: number;
  };
  const { rows } = await client.query(
    `SELECT c.id, c.replica_role AS role, c.status, c.node_id, c.iterations,
            c.created_at > j.completed_at AS after_job,
            (extract(epoch FROM c.created_at) * 1000)::float8 AS created,
            (extract(epoch FROM c.completed_at) * 1000)::float8 AS done,
            EXISTS (SELECT 1 FROM nodes n WHERE n.id = c.node_id AND (n.platform_node OR n.user_id = j.user_id)) AS anchor,
            p.node_id AS primary_node, (extract(epoch FROM p.completed_at) * 1000)::float8 AS primary_done,
            (SELECT count(DISTINCT r.digest)::int FROM jobs_chunks r
              WHERE (r.id = p.id OR r.replica_of = p.id) AND r.replica_role <> 'arbiter' AND r.digest IS NOT NULL) AS digests
     FROM jobs_chunks c JOIN jobs j ON j.id = c.job_id LEFT JOIN jobs_chunks p ON p.id = c.replica_of
     WHERE c.job_id = ANY($1)`,
    [jobIds],
  );
  const from = since ?? -Infinity;
  const within = (at: number | null) => at !== null && at >= from && at < until;
  const iterations: Record<Cause, number> = {
    sampled: 0,
    untrusted: 0,
    arbiterMismatch: 0,
    arbiterNoEvidence: 0,
    recheck: 0,
    recomputed: 0,
  };
  const details: Array<{ cause: Cause; of: string | null; by: string | null }> = [];
  let useful = 0;
  let copies = 0;
  let trustedOriginals = 0;
  const add = (cause: Cause, r: Row, by: string | null) => {
    iterations[cause] += r.iterations;
    if (cause !== 'recomputed') copies += r.iterations;
    details.push({ cause, of: r.role === 'primary' ? r.node_id : r.primary_node, by });
  };
  const byId = new Map<string, Row>();
  for (const r of rows as Row[]) {
    byId.set(r.id, r);
    if (r.role === 'primary') {
      // an original counts once computed; the whole stream's originals when not windowed
      if (since === null && until === Infinity) useful += r.iterations;
      else if (r.status === 'completed' && within(r.done)) useful += r.iterations;
      if (
        r.node_id !== null &&
        r.done !== null &&
        !r.anchor &&
        within(r.done) &&
        trustedAt(r.node_id, r.done)
      )
        trustedOriginals++;
      continue;
    }
    if (r.status !== 'completed' || !within(r.created)) continue;
    if (r.role === 'replica')
      add(
        r.primary_node !== null && r.primary_done !== null && trustedAt(r.primary_node, r.primary_done)
          ? 'sampled'
          : 'untrusted',
        r,
        r.node_id,
      );
    else if (r.after_job) add('recheck', r, r.node_id);
    else add(r.digests > 1 ? 'arbiterMismatch' : 'arbiterNoEvidence', r, r.node_id);
  }
  const kept = new Set<string>();
  for (const run of runs) {
    const r = byId.get(run.chunkId);
    if (!r || !within(run.at)) continue;
    const key = `${run.chunkId}/${run.nodeId}`;
    if (r.status === 'completed' && r.node_id === run.nodeId && !kept.has(key)) kept.add(key);
    else add('recomputed', r, run.nodeId);
  }
  return { copies, useful, iterations, details, trustedOriginals };
}

main().catch((err) => {
  process.stderr.write(`[bench:trust] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
