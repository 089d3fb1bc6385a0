// Prometheus metrics: one Registry per app instance, fed by domain events.
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { chunkCounts, countOnlineNodes } from '../db/maintenance.ts';

export default fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const registers = [registry];
    const assigned = new Counter({
      name: 'sentinel_chunks_assigned_total',
      help: 'Chunks assigned to nodes',
      registers,
    });
    const completed = new Counter({
      name: 'sentinel_chunks_completed_total',
      help: 'Chunk results accepted',
      registers,
    });
    const reclaimed = new Counter({
      name: 'sentinel_chunks_reclaimed_total',
      help: 'Chunks taken back from vanished nodes',
      registers,
    });
    const repushed = new Counter({
      name: 'sentinel_chunks_repushed_total',
      help: 'Chunks pushed again to a connected node that did not list them in its heartbeat (a lost push)',
      registers,
    });
    const jobsCompleted = new Counter({
      name: 'sentinel_jobs_completed_total',
      help: 'Jobs aggregated and completed',
      registers,
    });
    const jobsFailed = new Counter({ name: 'sentinel_jobs_failed_total', help: 'Jobs failed', registers });
    const latency = new Histogram({
      name: 'sentinel_assignment_latency_seconds',
      help: 'Chunk created → assign pushed',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    const handling = new Histogram({
      name: 'sentinel_completion_handling_seconds',
      help: 'Time to handle POST /chunks/complete',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    new Gauge({
      name: 'sentinel_nodes_connected',
      help: 'Nodes with an open socket to this instance',
      registers,
      collect() {
        this.set(app.hub.size);
      },
    });
    let counts: Promise<{ pending: number; running: number }> | null = null;
    const freshCounts = () =>
      (counts ??= chunkCounts(app.db).finally(() => setTimeout(() => (counts = null), 250)));
    new Gauge({
      name: 'sentinel_chunks_pending',
      help: 'Chunks waiting for a node',
      registers,
      async collect() {
        this.set((await freshCounts()).pending);
      },
    });
    new Gauge({
      name: 'sentinel_chunks_running',
      help: 'Chunks assigned and not finished',
      registers,
      async collect() {
        this.set((await freshCounts()).running);
      },
    });
    new Gauge({
      name: 'sentinel_nodes_online',
      help: 'Nodes online (socket or fresh heartbeat), all instances',
      registers,
      async collect() {
        this.set(await countOnlineNodes(app.db, app.config.heartbeatTimeoutMs));
      },
    });

    app.events.on('chunksAssigned', ({ count, latenciesMs }) => {
      assigned.inc(count);
      for (const ms of latenciesMs) latency.observe(ms / 1000);
    });
    app.events.on('chunkCompleted', () => completed.inc());
    app.events.on('chunksReclaimed', ({ count }) => reclaimed.inc(count));
    app.events.on('chunksRepushed', ({ count }) => repushed.inc(count));
    app.events.on('jobCompleted', () => jobsCompleted.inc());
    app.events.on('jobFailed', () => jobsFailed.inc());

    app.decorate('metricsRegistry', registry);
    app.decorate('observeCompletionHandling', (seconds: number) => handling.observe(seconds));
  },
  { name: 'sentinel-metrics', dependencies: ['sentinel-db', 'sentinel-runtime'] },
);
