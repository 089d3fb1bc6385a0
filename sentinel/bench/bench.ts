// Sentinel benchmark: embedded Postgres, the real app, N in-process WebSocket nodes that
// answer with precomputed results. Prints details, then one JSON line last.
//   pnpm --filter @wowlab/sentinel bench        (BENCH_NODES, BENCH_CHUNKS, BENCH_IDLE_NODES)
import { createTestDatabase, startTestPostgres } from '@wowlab/db';
import { ENGINE_VERSION, simulate, specs } from '@wowlab/sim-core';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { buildApp, parseConfig } from '../src/app.ts';
import { BenchNode, percentile, agent, type FleetHooks } from './fleet.ts';
import { createBenchUser, insertJobs, storeConfig } from './seed-jobs.ts';

const NODES = Number(process.env.BENCH_NODES ?? 200);
const TOTAL_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 6000);
const IDLE_NODES = Number(process.env.BENCH_IDLE_NODES ?? 1000);
const CHUNK_ITERATIONS = 1000;
const LATENCY_SAMPLES = 200;

/** CPU seconds used so far by the bench's own Postgres cluster (postmaster and its children). */
function postgresCpuSeconds(postmasterPid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(pid) !== postmasterPid && Number(fields[1]) !== postmasterPid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // process ended meanwhile
    }
  }
  return ticks / 100;
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

async function main(): Promise<void> {
  const cluster = await startTestPostgres();
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const config = parseConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    PG_POOL_SIZE: '16',
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
    TICK_INTERVAL_MS: '1000',
    MAINTENANCE_INTERVAL_MS: '5000',
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // one real chunk result, re-used for every chunk with its own seedOffset
  const simConfig = specs[0]!.defaultConfig();
  simConfig.fight.durationSeconds = 30;
  const template = JSON.stringify(
    simulate(simConfig, { seed: 1, seedOffset: 0, iterations: CHUNK_ITERATIONS }),
  );
  const [before, after] = template.split('"seedOffset":0');
  if (after === undefined) throw new Error('unexpected result layout');
  const resultFor = (seedOffset: number) => `${before}"seedOffset":${seedOffset}${after}`;

  const dataDir = (await client.query('SHOW data_directory')).rows[0].data_directory as string;
  const postmasterPid = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const userId = await createBenchUser(client);
  const hash = await storeConfig(client, simConfig);

  let completed = 0;
  const errors: unknown[] = [];
  const waiting = new Map<string, (at: number) => void>();
  const hooks: FleetHooks = {
    onAssigned: (_chunkId, jobId, at) => waiting.get(jobId)?.(at),
    onCompleted: () => completed++,
    onError: (err) => errors.push(err),
  };

  log(`registering ${NODES} nodes`);
  const fleet: BenchNode[] = [];
  for (let i = 0; i < NODES; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, NODES - i) }, () => BenchNode.create(baseUrl, ENGINE_VERSION, 2)),
    );
    await Promise.all(batch.map((n) => n.connect(hooks, resultFor)));
    fleet.push(...batch);
  }

  // Phase 1: assignment latency, chunk insert → assign received, one job at a time.
  log('phase 1: assignment latency');
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const t0 = performance.now();
    const [jobId] = await insertJobs(client, {
      userId,
      hash,
      engineVersion: ENGINE_VERSION,
      jobs: 1,
      chunks: 1,
      chunkIterations: CHUNK_ITERATIONS,
    });
    const at = await new Promise<number>((resolve) => {
      waiting.set(jobId!, resolve);
    });
    waiting.delete(jobId!);
    latencies.push(at - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  // the assign may arrive before insertJobs returns: such samples are (correctly) tiny
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  log(`latency p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);

  // Phase 2: throughput, many chunks at once.
  log(`phase 2: ${TOTAL_CHUNKS} chunks`);
  await new Promise((r) => setTimeout(r, 500));
  const start = completed;
  const jobs = Math.max(1, Math.round(TOTAL_CHUNKS / 500));
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds(postmasterPid);
  const t0 = performance.now();
  const jobIds = await insertJobs(client, {
    userId,
    hash,
    engineVersion: ENGINE_VERSION,
    jobs,
    chunks: Math.round(TOTAL_CHUNKS / jobs),
    chunkIterations: CHUNK_ITERATIONS,
  });
  const target = start + jobs * Math.round(TOTAL_CHUNKS / jobs);
  while (completed < target && errors.length === 0) await new Promise((r) => setTimeout(r, 20));
  const elapsed = (performance.now() - t0) / 1000;
  if (errors.length) throw errors[0];
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const pgCpu = postgresCpuSeconds(postmasterPid) - pg0;
  const done = TOTAL_CHUNKS;
  log(
    `cpu per completion: node process ${((1000 * nodeCpu) / done).toFixed(2)} ms (sentinel + bench clients), ` +
      `postgres ${((1000 * pgCpu) / done).toFixed(2)} ms; ` +
      `2 dedicated cores would allow ~${Math.round((2 * done) / (nodeCpu + pgCpu))} completions/s`,
  );
  const chunksPerSecond = (target - start) / elapsed;
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE status = 'completed')::int AS n,
            string_agg(DISTINCT status || ' ' || coalesce(error, ''), '; ') AS states
     FROM jobs WHERE id = ANY($1)`,
    [jobIds],
  );
  log(`job states: ${rows[0].states}`);
  log(
    `throughput ${chunksPerSecond.toFixed(0)} completions/s (${target - start} in ${elapsed.toFixed(2)} s); jobs completed ${rows[0].n}/${jobs}`,
  );

  const handling =
    (await app.metricsRegistry.getSingleMetric('sentinel_completion_handling_seconds')?.get())?.values ?? [];
  const sum = handling.find((v) => (v as { metricName?: string }).metricName?.endsWith('_sum'))?.value ?? 0;
  const count =
    handling.find((v) => (v as { metricName?: string }).metricName?.endsWith('_count'))?.value ?? 1;
  log(`completion handling mean ${((1000 * sum) / count).toFixed(2)} ms over ${count} requests`);

  // Phase 3: memory with IDLE_NODES connected idle nodes (sentinel and nodes share this process).
  log(`phase 3: ${IDLE_NODES} connected idle nodes`);
  for (const n of fleet) n.close();
  const idle: BenchNode[] = [];
  for (let i = 0; i < IDLE_NODES; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, IDLE_NODES - i) }, () =>
        BenchNode.create(baseUrl, ENGINE_VERSION, 2),
      ),
    );
    await Promise.all(batch.map((n) => n.connect(hooks, null)));
    idle.push(...batch);
  }
  await new Promise((r) => setTimeout(r, 2000));
  (globalThis as { gc?: () => void }).gc?.();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  log(
    `rss ${rssMb.toFixed(0)} MB with ${app.hub.size} connected nodes (sentinel + bench clients in one process)`,
  );

  for (const n of idle) n.close();
  agent.destroy();
  await app.close();
  await client.end();
  await database.drop();
  await cluster.stop();
  const round = (x: number) => Math.round(x * 100) / 100;
  process.stdout.write(
    JSON.stringify({
      bench: 'sentinel',
      nodes: NODES,
      chunksPerSecond: Math.round(chunksPerSecond),
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
