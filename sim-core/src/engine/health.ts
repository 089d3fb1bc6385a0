/**
 * Target health in percent. Two models (config `timing.targetHealth`):
 * - `linear`: health falls linearly from 100 % when a target appears to 0 % when it dies (the
 *   main target: the start and end of the fight);
 * - `damage` (SimulationCraft's fixed-time fights): a target's health pool is what it would take
 *   so that it dies at the end of the iteration at the damage rate of a calibration iteration,
 *   and health = 1 − damage taken / pool. The calibration iterations (iteration.ts calibrate,
 *   HEALTH_CALIBRATION_ITERATIONS of them) are seeded from the job seed only, never from a
 *   chunk, so every chunk of a job sees the same pools.
 *   Adds (fight style `adds`) keep the linear model over their lifetime.
 */
import { MAX_TARGETS } from './events.ts';

/**
 * Calibration iterations of a job with health from damage (engine/iteration.ts calibrate): one
 * with linear health, then the rest with the pools of the mean damage rate so far, whose mean
 * sets the job's pools. A chunk runs them unless its worker ran the job before
 * (./calibration-cache.ts): 6.4 % more work on a chunk of JOB_CHUNK_ITERATIONS. The pools' error
 * moves a job's figures without showing in their reported errors, since every iteration of the
 * job shares it. Default MM, 24 seeds: the
 * calibrated rate's spread is 1.9 % with 16, 0.74 % with 64, 0.44 % with 128. Over 30 seeds of
 * 1,000 iterations, a stat weight's Δ (paired with the base) spread 1.5–2.5 × its reported error
 * with 16, 1.0–1.6 × with 64 and 0.9–1.4 × with 256; the job mean's spread over 8 seeds of
 * 3,000 iterations was 3.5 × its sampling error with 16, 1.7 × with 64 (1.0 × with linear health).
 */
export const HEALTH_CALIBRATION_ITERATIONS = 64;

export class TargetHealth {
  /** Damage each target took this iteration. */
  readonly taken = new Float64Array(MAX_TARGETS);
  /** Health pool this iteration; 0 = linear model. */
  readonly pool = new Float64Array(MAX_TARGETS);
  readonly spawnAt = new Float64Array(MAX_TARGETS);
  readonly dieAt = new Float64Array(MAX_TARGETS);
  /** Damage per ms each target took, calibrated (iteration.ts calibrate; 0 = not calibrated). */
  readonly rate = new Float64Array(MAX_TARGETS);
  /** 1 once a target's health was seen at or below Hunter's Mark's threshold (Sim.hit's latch). */
  readonly markOff = new Uint8Array(MAX_TARGETS);

  /** Starts an iteration ending at endMs; `pooled` targets (0..pooled-1) get a health pool. */
  start(endMs: number, pooled: number): void {
    this.taken.fill(0);
    this.markOff.fill(0);
    this.spawnAt.fill(0);
    this.dieAt.fill(endMs);
    for (let t = 0; t < MAX_TARGETS; t++) this.pool[t] = t < pooled ? this.rate[t]! * endMs : 0;
  }

  /** Target `t` lives from `from` to `to` (ms): linear health over that span. */
  setLife(t: number, from: number, to: number): void {
    this.taken[t] = 0;
    this.markOff[t] = 0;
    this.spawnAt[t] = from;
    this.dieAt[t] = to;
  }

  /**
   * pct(t, now) >= x, answered inside (a boolean crosses the call, where a percent would be a
   * boxed number when the call is not inlined).
   */
  atLeast(t: number, now: number, x: number): boolean {
    return this.pct(t, now) >= x;
  }

  /** pct(t, now) > x (as atLeast). */
  above(t: number, now: number, x: number): boolean {
    return this.pct(t, now) > x;
  }

  pct(t: number, now: number): number {
    const pool = this.pool[t]!;
    if (pool > 0) {
      const h = 100 * (1 - this.taken[t]! / pool);
      return h > 0 ? h : 0;
    }
    const from = this.spawnAt[t]!;
    const h = 100 * (1 - (now - from) / (this.dieAt[t]! - from));
    return h > 0 ? h : 0;
  }
}

/** Linear health in percent at time t (ms) of a fight ending at endMs. */
export function linearHealth(t: number, endMs: number): number {
  return Math.max(0, 100 * (1 - t / endMs));
}

/** First whole ms with linearHealth(t) < pct (exactly as the comparison would decide at that ms). */
export function firstMsBelow(pct: number, endMs: number): number {
  let t = Math.max(0, Math.ceil(endMs * (1 - pct / 100)));
  while (t > 0 && linearHealth(t - 1, endMs) < pct) t--;
  while (linearHealth(t, endMs) >= pct) t++;
  return t;
}

/** First whole ms with linearHealth(t) <= pct. */
export function firstMsAtOrBelow(pct: number, endMs: number): number {
  let t = Math.max(0, Math.ceil(endMs * (1 - pct / 100)));
  while (t > 0 && linearHealth(t - 1, endMs) <= pct) t--;
  while (linearHealth(t, endMs) > pct) t++;
  return t;
}
