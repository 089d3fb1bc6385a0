// Sentinel benchmark: embedded Postgres, the real app on this thread, N WebSocket nodes in a
// worker thread of this process answering with a precomputed result. Prints details on
// stderr, then one JSON line last on stdout.
//   pnpm --filter @wowlab/sentinel bench
//   env: BENCH_NODES, BENCH_CHUNKS, BENCH_IDLE_NODES, BENCH_ASSIGN_MIN_INTERVAL_MS, BENCH_TRUST (on/off);
//   BENCH_PG_STATEMENTS=1 with WOWLAB_PG_EXTRA_FLAGS="shared_preload_libraries=pg_stat_statements
//   pg_stat_statements.track_planning=on" lists the statements that took Postgres' time;
//   BENCH_CPU_PROFILE=<file.cpuprofile> writes a CPU profile of the sentinel's thread during phase 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createTestDatabase, startTestPostgres } from '@wowlab/db';
import { ENGINE_VERSION, JOB_CHUNK_ITERATIONS, simulate, specs } from '@wowlab/sim-core';
import pg from 'pg';
import { toWireResult } from 'wowlab-node/protocol';
import { buildApp, parseConfig } from '../src/app.ts';
import { percentile } from './fleet.ts';
import type { FleetEvent, FleetSpec } from './fleet-worker.ts';
import { heapEventsPerSecond } from './heap-reference.ts';
import { mainThreadCpuSeconds, postgresCpuSeconds } from './proc-cpu.ts';
import { createBenchUser, insertJobs, storeConfig } from './seed-jobs.ts';

const NODES = Number(process.env.BENCH_NODES ?? 200);
const TOTAL_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 6000);
const IDLE_NODES = Number(process.env.BENCH_IDLE_NODES ?? 1000);
const LATENCY_SAMPLES = 200;
const CHUNKS_PER_JOB = 500;
/** on (default): the completion path as production runs it — replication on, results of trusted
 * volunteers of other owners re-verified at the floor rate; off: every result accepted on trust. */
const TRUST = (process.env.BENCH_TRUST ?? 'on') === 'on';
const VOLUNTEER_OWNERS = 10;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Fleet {
  completed = 0;
  private readonly waiting = new Map<string, (at: number) => void>();
  /** While latency is measured: first assignment of each job, in case it came before its waiter. */
  early: Map<string, number> | null = new Map();
  private readonly worker: Worker | ChildProcess;
  readonly ready: Promise<void>;
  error: string | null = null;

  constructor(spec: FleetSpec, where: 'thread' | 'process' = 'thread') {
    const entry = new URL('./fleet-worker-entry.mjs', import.meta.url);
    this.worker =
      where === 'thread'
        ? new Worker(entry, { workerData: spec })
        : fork(fileURLToPath(entry), {
            env: { ...process.env, FLEET_SPEC: JSON.stringify(spec) },
            stdio: 'inherit',
          });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('error', reject);
      this.worker.on('message', (msg: FleetEvent) => {
        if (msg.type === 'ready') resolve();
        else if (msg.type === 'error') this.error ??= msg.message;
        else {
          this.completed += msg.completed;
          for (const [jobId, at] of msg.assigned) {
            const waiter = this.waiting.get(jobId);
            if (waiter) waiter(at);
            else if (this.early && !this.early.has(jobId)) this.early.set(jobId, at);
          }
        }
      });
    });
  }

  assignedAt(jobId: string): Promise<number> {
    const early = this.early?.get(jobId);
    if (early !== undefined) return Promise.resolve(early);
    return new Promise((resolve) => this.waiting.set(jobId, resolve)).finally(() =>
      this.waiting.delete(jobId),
    ) as Promise<number>;
  }

  async close(): Promise<void> {
    const exited = new Promise((r) => this.worker.once('exit', r));
    if (this.worker instanceof Worker) this.worker.postMessage('close');
    else this.worker.send('close');
    await exited;
  }
}

async function main(): Promise<void> {
  const cluster = await startTestPostgres();
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  if (process.env.BENCH_PG_STATEMENTS)
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const config = parseConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    PG_POOL_SIZE: '16',
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
    TICK_INTERVAL_MS: '1000',
    ASSIGN_MIN_INTERVAL_MS: process.env.BENCH_ASSIGN_MIN_INTERVAL_MS ?? '5',
    MAINTENANCE_INTERVAL_MS: '5000',
    TRUST_REPLICATION: TRUST ? 'on' : 'off',
    REGISTER_LIMIT_PER_HOUR: '1000000',
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const dataDir = (await client.query('SHOW data_directory')).rows[0].data_directory as string;
  const postmasterPid = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);

  // one real chunk result, re-used for every chunk with its own seedOffset
  const simConfig = specs[0]!.defaultConfig();
  simConfig.fight.durationSeconds = 30;
  const template = JSON.stringify(
    toWireResult(simulate(simConfig, { seed: 1, seedOffset: 0, iterations: JOB_CHUNK_ITERATIONS })),
  );
  const [before, after] = template.split('"seedOffset":0');
  if (after === undefined) throw new Error('unexpected result layout');
  const userId = await createBenchUser(client);
  const hash = await storeConfig(client, simConfig);
  const jobsOf = (jobs: number, chunks: number) =>
    insertJobs(client, {
      userId,
      hash,
      engineVersion: ENGINE_VERSION,
      jobs,
      chunks,
      chunkIterations: JOB_CHUNK_ITERATIONS,
    });

  // Phase 0: memory of the sentinel with IDLE_NODES connected idle nodes (these run in a child
  // process, so this process's RSS is the sentinel's: app, pool, sockets, plus tsx and sim-core).
  log(`phase 0: ${IDLE_NODES} connected idle nodes`);
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const idle = new Fleet(
    {
      baseUrl,
      nodes: IDLE_NODES,
      engineVersion: ENGINE_VERSION,
      maxParallel: 2,
      result: null,
    },
    'process',
  );
  await idle.ready;
  await sleep(2000);
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  log(
    `rss ${rssMb.toFixed(0)} MB with ${app.hub.size} connected nodes (nodes in a child process); ` +
      `+${(rssMb - rssBefore).toFixed(0)} MB since they connected; ` +
      `sentinel thread heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
  );

  await idle.close();

  log(`starting ${NODES} nodes (max_parallel 2) in a worker thread`);
  const fleet = new Fleet({
    baseUrl,
    nodes: NODES,
    engineVersion: ENGINE_VERSION,
    maxParallel: 2,
    result: [before!, after],
  });
  await fleet.ready;
  if (TRUST) {
    // Volunteers: the fleet's nodes claimed by other users than the jobs' owner, trusted, public
    // work allowed; their results on the bench user's jobs are re-verified at the floor rate.
    const owners: string[] = [];
    for (let i = 0; i < VOLUNTEER_OWNERS; i++) owners.push(await createBenchUser(client));
    await client.query(
      `WITH n AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM nodes WHERE user_id IS NULL
                  AND last_seen_at > now() - interval '1 minute' AND status = 'online')
       UPDATE nodes SET user_id = ($1::uuid[])[1 + (n.k % $2)], trust_streak = 1000 FROM n WHERE nodes.id = n.id`,
      [owners, VOLUNTEER_OWNERS],
    );
    await client.query(
      `INSERT INTO nodes_permissions (node_id, access_type) SELECT id, 'public' FROM nodes WHERE user_id = ANY($1::uuid[])`,
      [owners],
    );
    await sleep(2500); // the scheduler reloads connected nodes each tick
  }

  // Phase 1: assignment latency, chunk insert → assign received, one job at a time.
  log('phase 1: assignment latency');
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const t0 = now();
    let jobId = '';
    const arrived = new Promise<number>((resolve) => {
      void jobsOf(1, 1).then(([id]) => {
        jobId = id!;
        void fleet.assignedAt(jobId).then(resolve);
      });
    });
    latencies.push((await arrived) - t0);
    await sleep(5);
  }
  fleet.early = null;
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  log(`latency p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);

  // Phase 2: throughput, many chunks at once.
  await sleep(500);
  const jobs = Math.max(1, Math.round(TOTAL_CHUNKS / CHUNKS_PER_JOB));
  const total = jobs * Math.round(TOTAL_CHUNKS / jobs);
  log(`phase 2: ${total} chunks in ${jobs} jobs`);
  if (process.env.BENCH_PG_STATEMENTS) await client.query('SELECT pg_stat_statements_reset()');
  const profile = process.env.BENCH_CPU_PROFILE ? new Session() : null;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  const elu0 = performance.eventLoopUtilization();
  const pg0 = postgresCpuSeconds(postmasterPid);
  const main0 = mainThreadCpuSeconds();
  const proc0 = process.cpuUsage();
  const t0 = performance.now();
  const jobIds = await jobsOf(jobs, Math.round(TOTAL_CHUNKS / jobs));
  // done when every job completed (with replication on, copies complete too: not counted)
  for (;;) {
    if (fleet.error) throw new Error(fleet.error);
    const { rows: done } = await client.query(
      `SELECT count(*)::int AS n FROM jobs WHERE id = ANY($1) AND status = 'completed'`,
      [jobIds],
    );
    if ((done[0] as { n: number }).n === jobIds.length) break;
    await sleep(20);
  }
  const elapsed = (performance.now() - t0) / 1000;
  const elu = performance.eventLoopUtilization(elu0);
  if (profile) {
    const { profile: cpu } = await profile.post('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(cpu));
    profile.disconnect();
    log(`cpu profile of phase 2 written to ${process.env.BENCH_CPU_PROFILE}`);
  }
  const pgCpu = postgresCpuSeconds(postmasterPid) - pg0;
  const mainCpuMs = (1000 * (mainThreadCpuSeconds() - main0)) / total;
  const proc = process.cpuUsage(proc0);
  const processCpuMs = (proc.user + proc.system) / 1000 / total;
  const chunksPerSecond = total / elapsed;
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE status = 'completed')::int AS n FROM jobs WHERE id = ANY($1)`,
    [jobIds],
  );
  const { rows: copies } = await client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks WHERE job_id = ANY($1) AND replica_of IS NOT NULL AND status = 'completed'`,
    [jobIds],
  );
  const replicas = (copies[0] as { n: number }).n;
  log(
    `throughput ${chunksPerSecond.toFixed(0)} completions/s (${total} in ${elapsed.toFixed(2)} s); jobs completed ${rows[0].n}/${jobs}; ` +
      `trust ${TRUST ? 'on' : 'off'}: ${replicas} copies (${((100 * replicas) / total).toFixed(1)} %)`,
  );
  const sentinelMs = elu.active / total;
  const pgMs = (1000 * pgCpu) / total;
  log(
    `per completion: sentinel main thread cpu ${mainCpuMs.toFixed(2)} ms (event loop busy ${sentinelMs.toFixed(2)} ms, ` +
      `utilisation ${(100 * elu.utilization).toFixed(0)} %), postgres cpu ${pgMs.toFixed(2)} ms → ` +
      `a dedicated core each would allow ~${Math.round(1000 / Math.max(mainCpuMs, pgMs))}/s`,
  );
  log(
    `per completion: this process, all threads ${processCpuMs.toFixed(2)} ms ` +
      `(sentinel main thread + the fleet's thread + libuv pool); the rest is the fleet and crypto threads: ` +
      `${(processCpuMs - mainCpuMs).toFixed(2)} ms`,
  );
  log(
    `machine load average ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${(await import('node:os')).cpus().length} cores`,
  );
  if (process.env.BENCH_PG_STATEMENTS) {
    const { rows: st } = await client.query(
      `SELECT calls, round(total_exec_time::numeric, 0) AS exec_ms, round(total_plan_time::numeric, 0) AS plan_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
       FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
    );
    for (const r of st) log(`${r.calls}\t${r.exec_ms}\t${r.plan_ms}\t${r.q}`);
  }
  await fleet.close();

  await app.close();
  await client.end();
  await database.drop();
  await cluster.stop();
  const round = (x: number) => Math.round(x * 100) / 100;
  // the reference, measured after the run on the same machine (before, it would warm nothing up)
  const heap = heapEventsPerSecond();
  log(`reference: a bare binary heap does ${(heap / 1e6).toFixed(1)} M events/s here`);
  process.stdout.write(
    JSON.stringify({
      bench: 'sentinel',
      nodes: NODES,
      trust: TRUST,
      replicationOverhead: round(replicas / total),
      chunksPerSecond: Math.round(chunksPerSecond),
      heapEventsPerSecond: Math.round(heap),
      // the figure that compares across machines: completions/s per million heap events/s
      completionsPerMillionHeapEvents: round(chunksPerSecond / (heap / 1e6)),
      assignLatencyP50Ms: round(p50),
      assignLatencyP95Ms: round(p95),
      rssMb: Math.round(rssMb),
    }) + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
