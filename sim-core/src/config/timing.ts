/**
 * Timing options (config `timing`): SimulationCraft's defaults for travel time, latency,
 * reaction time and target health, declared once here and imported by the config parser, the
 * engine, the profile text and the docs' tests.
 */
import type { Timing } from '../types.ts';

/** SimulationCraft's defaults (sources beside each). */
export const TIMING_DEFAULTS: Readonly<Timing> = {
  /** hunter_t::init_base_stats: base.distance = 40 yards for Beast Mastery and Marksmanship. */
  distanceYards: 40,
  /** sim_t queue_lag 0.005 s: the next action after one on the GCD (strict_gcd_queue=0). */
  queueLagMs: 5,
  /** sim_t channel_lag 0.250 s: the next action after a channel. */
  channelLagMs: 250,
  /** player_t reaction_time_mean 0.3 s (plus offset and tail below) for `buff.X.react`. */
  reactionMs: 300,
  /** fixed-time fights: health estimated from damage so that the target dies at the end. */
  targetHealth: 'damage',
};

/** Every timing option off: the engine before timing options (tests, closed forms). */
export const TIMING_OFF: Readonly<Timing> = {
  distanceYards: 0,
  queueLagMs: 0,
  channelLagMs: 0,
  reactionMs: 0,
  targetHealth: 'linear',
};

export const TIMING_LIMITS = {
  maxDistanceYards: 100,
  maxLagMs: 1000,
  maxReactionMs: 1000,
} as const;

/**
 * The fixed parts of SimulationCraft's reaction time (player_t): total = min(max, offset +
 * exgauss(mean, stddev, nu)), stddev = 0.2 × mean when not given.
 */
export const REACTION = {
  offsetMs: 100, // reaction_time_offset 0.1 s
  maxMs: 1400, // reaction_time_max 1.4 s
  nuMs: 250, // reaction_time_nu 0.25 s (the exponential tail's mean)
  stddevShare: 0.2, // reaction_stddev = reaction_mean × 0.2
} as const;

/** Latency σ as a share of its mean (sim_t: *_lag_stddev = *_lag × 0.25 when not given). */
export const LAG_STDDEV_SHARE = 0.25;

export const TARGET_HEALTH_MODELS = ['damage', 'linear'] as const;

type Obj = Record<string, unknown>;

/** Validates `config.timing` (missing fields take SimC's defaults); pushes problems in words. */
export function parseTiming(value: unknown, problems: string[]): Timing {
  const t: Timing = { ...TIMING_DEFAULTS };
  if (value === undefined) return t;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('config.timing: must be an object');
    return t;
  }
  const o = value as Obj;
  const fields: Record<string, number> = {
    distanceYards: TIMING_LIMITS.maxDistanceYards,
    queueLagMs: TIMING_LIMITS.maxLagMs,
    channelLagMs: TIMING_LIMITS.maxLagMs,
    reactionMs: TIMING_LIMITS.maxReactionMs,
  };
  for (const k of Object.keys(o))
    if (!Object.hasOwn(fields, k) && k !== 'targetHealth') problems.push(`config.timing.${k}: unknown field`);
  for (const [k, max] of Object.entries(fields)) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max)
      problems.push(`config.timing.${k}: must be a number from 0 to ${max}`);
    else if (k !== 'distanceYards' && !Number.isInteger(v))
      problems.push(`config.timing.${k}: must be a whole number of milliseconds`);
    else (t as unknown as Record<string, number>)[k] = v;
  }
  if (o.targetHealth !== undefined) {
    if ((TARGET_HEALTH_MODELS as readonly unknown[]).includes(o.targetHealth))
      t.targetHealth = o.targetHealth as Timing['targetHealth'];
    else problems.push('config.timing.targetHealth: must be "damage" or "linear"');
  }
  return t;
}
