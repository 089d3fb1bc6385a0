// Start a real sentinel (real port, real Postgres) for a test.
import type { FastifyInstance } from 'fastify';
import { buildApp, parseConfig } from '../../src/app.ts';

export interface RunningSentinel {
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

export const FAST_SETTINGS: Record<string, string> = {
  LOG_LEVEL: process.env.SENTINEL_TEST_LOG ?? 'silent',
  TICK_INTERVAL_MS: '200',
  MAINTENANCE_INTERVAL_MS: '200',
  RECONNECT_GRACE_MS: '500',
  HEARTBEAT_TIMEOUT_MS: '5000',
  WS_PING_INTERVAL_MS: '1000',
  RATE_LIMIT_PER_SECOND: '1000',
  RATE_LIMIT_BURST: '1000',
  REGISTER_LIMIT_PER_HOUR: '100000',
  // Tests of scheduling, liveness, auth run with unclaimed nodes: results accepted on trust.
  // The trust tests (test/trust/) turn replication on.
  TRUST_REPLICATION: 'off',
};

export async function startSentinel(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningSentinel> {
  const config = parseConfig({ ...FAST_SETTINGS, ...env, DATABASE_URL: databaseUrl });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
