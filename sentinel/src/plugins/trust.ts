// The trust service (`app.trust`): policy, judge, registration limiter and this instance's
// counters (fed by the event bus). Registered before the runtime plugin, which hands it to the
// scheduler; the metrics plugin exports the counters.
import fp from 'fastify-plugin';
import { createAcceptPool, type Db } from '../db/pool.ts';
import { TrustJudge } from '../completion/judge.ts';
import { TrustPolicy, type RandomSource } from '../trust/policy.ts';
import { RegisterLimiter } from './register-limit.ts';
import type { TrustSettings } from '../trust/settings.ts';
import { TrustStats } from '../trust/stats.ts';

export class TrustService {
  readonly stats = new TrustStats();
  readonly policy: TrustPolicy;
  readonly judge: TrustJudge;
  readonly registrations: RegisterLimiter;

  constructor(
    readonly settings: TrustSettings,
    random?: RandomSource,
    judge: { db?: Db; batchDb?: Db; onBatchError?: (err: unknown) => void } = {},
  ) {
    this.policy = new TrustPolicy(settings, random);
    this.judge = new TrustJudge(this.policy, judge);
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
    const batchDb = createAcceptPool(app.config.databaseUrl);
    app.addHook('onClose', async () => {
      await batchDb.end();
    });
    app.decorate(
      'trust',
      new TrustService(app.config.trust, opts.random, {
        db: app.db,
        batchDb,
        onBatchError: (err) =>
          app.log.warn({ err }, 'batched completion statement failed; judging its completions one by one'),
      }),
    );
    app.events.on('trustEffects', (e) => app.trust.stats.add(e));
  },
  { name: 'sentinel-trust', dependencies: ['sentinel-db'] },
);
