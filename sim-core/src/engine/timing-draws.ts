/** Latency and reaction-time draws as SimulationCraft makes them (constants: config/timing.ts). */
import { LAG_STDDEV_SHARE, REACTION } from '../config/timing.ts';
import type { Rng } from '../rng/rng.ts';

/** Latency before the next action: gauss(mean, 25 % of it), never negative, whole ms (sim_t *_lag). */
export function drawLagMs(rng: Rng, meanMs: number): number {
  if (meanMs <= 0) return 0;
  return Math.max(0, Math.round(rng.gauss(meanMs, meanMs * LAG_STDDEV_SHARE)));
}

/** Reaction time: min(max, offset + ex-Gaussian(mean, 0.2 mean, nu)), whole ms (player_t::total_reaction_time). */
export function drawReactionMs(rng: Rng, meanMs: number): number {
  const t =
    REACTION.offsetMs + rng.gauss(meanMs, meanMs * REACTION.stddevShare) + rng.exponential(REACTION.nuMs);
  return Math.max(0, Math.round(Math.min(REACTION.maxMs, t)));
}
