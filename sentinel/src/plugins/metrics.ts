// Prometheus metrics: one Registry per app instance, fed by domain events.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { chunkCounts, countOnlineNodes } from '../db/maintenance.ts';
import { countQuarantined } from '../db/trust-status.ts';

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

    registerTrustMetrics(app, registers);

    app.decorate('metricsRegistry', registry);
    app.decorate('observeCompletionHandling', (seconds: number) => handling.observe(seconds));
  },
  { name: 'sentinel-metrics', dependencies: ['sentinel-db', 'sentinel-trust', 'sentinel-runtime'] },
);

/** Trust metrics on the app's Prometheus registry. */
function registerTrustMetrics(app: FastifyInstance, registers: Registry[]): void {
  const counter = (name: string, help: string) => new Counter({ name, help, registers });
  const replicas = counter(
    'sentinel_trust_replicas_issued_total',
    'Copies of chunks issued to verify results',
  );
  const replicated = counter('sentinel_trust_replicated_iterations_total', 'Iterations of the copies issued');
  const mismatches = counter(
    'sentinel_trust_mismatches_total',
    'Copies whose result differed from the original',
  );
  const invalid = counter('sentinel_trust_invalid_results_total', 'Results judged invalid');
  const quarantined = counter('sentinel_trust_quarantines_total', 'Nodes quarantined by this instance');
  const rerun = counter(
    'sentinel_trust_results_rerun_total',
    'Unverified results re-run after their node was caught',
  );
  const rechecked = counter(
    'sentinel_trust_results_rechecked_total',
    'Published results of completed jobs recomputed after their node was caught',
  );
  app.events.on('trustEffects', (e) => {
    replicas.inc(e.replicasIssued);
    replicated.inc(e.replicatedIterations);
    mismatches.inc(e.mismatches);
    invalid.inc(e.invalidResults);
    quarantined.inc(e.quarantined.length);
    rerun.inc(e.rerun);
    rechecked.inc(e.rechecked);
  });
  new Gauge({
    name: 'sentinel_trust_quarantined_nodes',
    help: 'Nodes in quarantine (all instances)',
    registers,
    async collect() {
      this.set(await countQuarantined(app.db));
    },
  });
}
