// Integration support: a real sentinel (Fastify app on a real port, embedded Postgres) and
// headless nodes started as child processes of the CLI (`wowlab-node run --json`).
import pg from 'pg';
import { buildApp, parseConfig } from '@wowlab/sentinel';
import { specs } from '@wowlab/sim-core';
import type { SimConfig } from '@wowlab/sim-core';
import { NodeProcess } from '../support/node-process.ts';
export { NodeProcess };
export type { LogLine } from '../support/node-process.ts';

/** `wowlab-node run` on 2 threads with a 5 s stop grace; its output is printed if the test fails. */
export function startNodeProcess(sentinelUrl: string, configDir: string): NodeProcess {
  return new NodeProcess([
    '--sentinel',
    sentinelUrl,
    '--config-dir',
    configDir,
    '--cores',
    '2',
    '--grace',
    '5',
  ]).reportOnFailure();
}

export interface RunningSentinel {
  url: string;
  port: number;
  close(): Promise<void>;
}

const FAST_SETTINGS: Record<string, string> = {
  LOG_LEVEL: process.env.SENTINEL_TEST_LOG ?? 'silent',
  TICK_INTERVAL_MS: '200',
  MAINTENANCE_INTERVAL_MS: '200',
  RECONNECT_GRACE_MS: '500',
  HEARTBEAT_TIMEOUT_MS: '10000',
  WS_PING_INTERVAL_MS: '1000',
  RATE_LIMIT_PER_SECOND: '1000',
  RATE_LIMIT_BURST: '1000',
};

export async function startSentinel(databaseUrl: string, port = 0): Promise<RunningSentinel> {
  const app = await buildApp(parseConfig({ ...FAST_SETTINGS, DATABASE_URL: databaseUrl }));
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${actual}`, port: actual, close: () => app.close() };
}

export function testConfig(durationSeconds = 60): SimConfig {
  const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  config.fight = { ...config.fight, durationSeconds };
  return config;
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function createUser(db: pg.Client): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO auth.users (id, aud, role, email) VALUES ($1, 'authenticated', 'authenticated', $2)`,
    [id, `n${id.slice(0, 8)}@example.test`],
  );
  return id;
}

async function asUser<T>(db: pg.Client, userId: string, fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(
      `SELECT set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`,
      [JSON.stringify({ sub: userId, role: 'authenticated' })],
    );
    const out = await fn();
    await db.query('COMMIT');
    return out;
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}

/** What the site does: the signed-in user enters the node's claim code. */
export async function claimNode(
  db: pg.Client,
  userId: string,
  code: string,
  maxParallel: number,
): Promise<void> {
  await asUser(db, userId, () =>
    db.query('SELECT public.claim_node($1, $2, $3)', [code, 'integration node', maxParallel]),
  );
}

export async function createJob(
  db: pg.Client,
  userId: string,
  config: unknown,
  iterations: number,
  seed: number,
): Promise<string> {
  return asUser(db, userId, async () => {
    const { rows } = await db.query('SELECT public.create_job($1::jsonb, $2, $3, $4, $5) AS id', [
      JSON.stringify(config),
      iterations,
      'private',
      null,
      seed,
    ]);
    return (rows[0] as { id: string }).id;
  });
}

export interface JobRow {
  status: string;
  error: string | null;
  result: unknown;
  completed_iterations: number;
  chunks_completed: number;
  chunks_total: number;
  config_hash: string;
}

export async function getJob(db: pg.Client, id: string): Promise<JobRow> {
  const { rows } = await db.query('SELECT * FROM jobs WHERE id = $1', [id]);
  return rows[0] as JobRow;
}

export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitForJob(
  db: pg.Client,
  id: string,
  status: string,
  timeoutMs = 150_000,
): Promise<JobRow> {
  try {
    return await waitFor(
      async () => {
        const job = await getJob(db, id);
        if (job.status !== status && ['completed', 'failed', 'cancelled'].includes(job.status)) {
          throw new Error(`job ${id} ended ${job.status} (${job.error ?? ''}), expected ${status}`);
        }
        return job.status === status ? job : null;
      },
      `job ${id} ${status}`,
      timeoutMs,
    );
  } catch (err) {
    // what CI shows is all there is: say where the job stands
    const { rows } = await db.query(
      `SELECT seed_offset, status, attempts, left(node_id::text, 8) AS node FROM jobs_chunks
       WHERE job_id = $1 ORDER BY seed_offset`,
      [id],
    );
    const chunks = rows.map((r) => `${r.seed_offset}:${r.status}/${r.attempts}@${r.node ?? '-'}`).join(' ');
    (err as Error).message += `\nchunks (offset:status/attempts@node): ${chunks}`;
    throw err;
  }
}

export async function chunkLayout(
  db: pg.Client,
  jobId: string,
): Promise<Array<{ seed_offset: number; iterations: number }>> {
  const { rows } = await db.query(
    'SELECT seed_offset, iterations FROM jobs_chunks WHERE job_id = $1 ORDER BY seed_offset',
    [jobId],
  );
  return rows as Array<{ seed_offset: number; iterations: number }>;
}
