// Public: GET /status (health), GET /metrics (Prometheus).
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ENGINE_VERSION } from '@wowlab/sim-core';
import { chunkCounts, recentIterationsPerSecond } from '../db/maintenance.ts';
import { ping } from '../db/pool.ts';
import { TrustStatusSchema, trustStatus } from './trust-status.ts';

export const SENTINEL_VERSION = '0.1.0';

const StatusSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unhealthy')]),
  version: Type.String(),
  engineVersion: Type.String(),
  uptimeSeconds: Type.Number(),
  database: Type.Object({ ok: Type.Boolean(), latencyMs: Type.Union([Type.Number(), Type.Null()]) }),
  scheduler: Type.Object({ lastTickAgeMs: Type.Number(), paused: Type.Boolean(), listening: Type.Boolean() }),
  nodes: Type.Object({
    connected: Type.Integer(),
    /** Of those, browser tabs and headless nodes (this instance). */
    tabs: Type.Integer(),
    headless: Type.Integer(),
  }),
  /** The grid's pace: iterations completed per second over the last minute (every instance). */
  grid: Type.Object({ iterationsPerSecond: Type.Union([Type.Number(), Type.Null()]) }),
  chunks: Type.Object({
    pending: Type.Union([Type.Integer(), Type.Null()]),
    running: Type.Union([Type.Integer(), Type.Null()]),
  }),
  trust: TrustStatusSchema,
});

const statusRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/status',
    { schema: { response: { 200: StatusSchema, 503: StatusSchema } } },
    async (_request, reply) => {
      let latencyMs: number | null = null;
      let counts: { pending: number | null; running: number | null } = { pending: null, running: null };
      let trust = trustStatus.empty(app.trust.stats);
      let iterationsPerSecond: number | null = null;
      try {
        const t0 = performance.now();
        await ping(app.db);
        latencyMs = Math.round((performance.now() - t0) * 100) / 100;
        counts = await chunkCounts(app.db);
        trust = await trustStatus(app.db, app.trust.stats);
        iterationsPerSecond = await recentIterationsPerSecond(app.db);
      } catch (err) {
        app.log.warn({ err }, 'status: database unreachable');
      }
      const lastTickAgeMs = Date.now() - app.scheduler.lastTickAt;
      const healthy = latencyMs !== null && lastTickAgeMs <= app.config.unhealthyTickAgeMs;
      reply.status(healthy ? 200 : 503);
      return {
        status: healthy ? ('ok' as const) : ('unhealthy' as const),
        version: SENTINEL_VERSION,
        engineVersion: ENGINE_VERSION,
        uptimeSeconds: Math.round((Date.now() - app.startedAt) / 1000),
        database: { ok: latencyMs !== null, latencyMs },
        scheduler: { lastTickAgeMs, paused: app.scheduler.isPaused(), listening: app.listenerConnected() },
        nodes: { connected: app.hub.size, ...countKinds(app.hub.all()) },
        grid: { iterationsPerSecond },
        chunks: counts,
        trust,
      };
    },
  );

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', app.metricsRegistry.contentType);
    return app.metricsRegistry.metrics();
  });
};

function countKinds(nodes: Iterable<{ info: { kind?: string } }>): { tabs: number; headless: number } {
  let tabs = 0;
  let headless = 0;
  for (const n of nodes) {
    if (n.info.kind === 'browser') tabs++;
    else headless++;
  }
  return { tabs, headless };
}

export default statusRoutes;
