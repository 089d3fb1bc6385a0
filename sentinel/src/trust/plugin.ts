// The trust service (`app.trust`): policy, judge, gate loader, registration limiter and
// metrics. Registered before the runtime plugin, which hands it to the scheduler.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import type { Db } from '../db/pool.ts';
import { countQuarantined } from '../db/trust-status.ts';
import { TrustJudge } from './judge.ts';
import { TrustPolicy, type RandomSource } from './policy.ts';
import { RegisterLimiter } from './register-limit.ts';
import type { TrustSettings } from './settings.ts';
import { TrustStats } from './stats.ts';

export class TrustService {
  readonly stats = new TrustStats();
  readonly policy: TrustPolicy;
  readonly judge: TrustJudge;
  readonly registrations: RegisterLimiter;

  constructor(
    readonly settings: TrustSettings,
    random?: RandomSource,
    judge: { db?: Db; onBatchError?: (err: unknown) => void } = {},
  ) {
    this.policy = new TrustPolicy(settings, random);
    this.judge = new TrustJudge(this.policy, this.stats, judge);
    this.registrations = new RegisterLimiter(settings.registerPerHour);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    trust: TrustService;
  }
}

export interface TrustPluginOptions {
  /** Tests inject a seeded source; production draws from crypto. */
  random?: RandomSource;
}

export default fp<TrustPluginOptions>(
  async (app, opts) => {
    app.decorate(
      'trust',
      new TrustService(app.config.trust, opts.random, {
        db: app.db,
        onBatchError: (err) =>
          app.log.warn({ err }, 'batched completion statement failed; judging its completions one by one'),
      }),
    );
    // The metrics registry is decorated by a later plugin: wire the counters once ready.
    app.addHook('onReady', async () => {
      if (app.hasDecorator('metricsRegistry')) registerTrustMetrics(app);
    });
  },
  { name: 'sentinel-trust' },
);

/** Trust metrics on the app's Prometheus registry. */
function registerTrustMetrics(app: FastifyInstance): void {
  const registers = [app.metricsRegistry];
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
  app.trust.stats.listen((e) => {
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
