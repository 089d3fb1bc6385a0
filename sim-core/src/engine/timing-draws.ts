/** Latency and reaction-time draws as SimulationCraft makes them (constants: config/timing.ts). */
import { LAG_STDDEV_SHARE, REACTION } from '../config/timing.ts';
import { lnExact, type Rng } from '../rng/rng.ts';

/** Latency before the next action: gauss(mean, 25 % of it), never negative, whole ms (sim_t *_lag). */
export function drawLagMs(rng: Rng, meanMs: number): number {
  if (meanMs <= 0) return 0;
  return Math.max(0, Math.round(rng.gauss(meanMs, meanMs * LAG_STDDEV_SHARE)));
}

/** Reaction time: min(max, offset + ex-Gaussian(mean, 0.2 mean, nu)), whole ms (player_t::total_reaction_time). */
export function drawReactionMs(rng: Rng, meanMs: number): number {
  return reactionFromDraws(drawReactionGauss(rng, meanMs), rng.next());
}

/** drawReactionMs's first draw: its Gaussian part (then one uniform for the exponential tail). */
export function drawReactionGauss(rng: Rng, meanMs: number): number {
  return rng.gauss(meanMs, meanMs * REACTION.stddevShare);
}

/**
 * drawReactionMs from its draws: `g` (drawReactionGauss) and `u` (the next uniform, whose
 * exponential, Rng.exponential's formula, is the tail). Split so that the log can wait until the
 * time is needed (AuraSet's pending reactions).
 */
export function reactionFromDraws(g: number, u: number): number {
  const t = REACTION.offsetMs + g + -REACTION.nuMs * lnExact(1 - u);
  return Math.max(0, Math.round(Math.min(REACTION.maxMs, t)));
}

/**
 * A lower bound of reactionFromDraws(g, u) for any u: the tail is never negative (lnExact(x) <= 0
 * for x <= 1), and every step after the sum is monotonic.
 */
export function reactionLowerBound(g: number): number {
  return Math.max(0, Math.round(Math.min(REACTION.maxMs, REACTION.offsetMs + g)));
}
