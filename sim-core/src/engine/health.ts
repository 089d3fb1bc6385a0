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
 * Calibration iterations per block of JOB_CHUNK_ITERATIONS iterations of a job with health from
 * damage (engine/iteration.ts calibrate): one with linear health, then the rest with the pools of
 * the mean damage rate so far, whose mean sets the block's pools. Each block of the job (iterations
 * 0–999, 1000–1999, …) calibrates on its own calibration iterations, seeded from the job seed and
 * the block: a job's chunk runs one block, every chunk that runs a block's iterations gets the
 * same pools, and a job's figures are the same however it is split. A job's mean then averages
 * the pools' error over its blocks, as SimC's recalculation averages it over its iterations; with
 * pools shared by the whole job that error did not shrink with iterations and never showed in the
 * reported error (with 16 calibration iterations a 100,000-iteration MM job's true error was
 * about 18 × what it reported).
 * The count, default MM: over 24 seeds the calibrated rate spreads 1.9 % with 16, 0.74 % with
 * 64, 0.44 % with 128; over 12 calibrations of one job, its mean (1,000 iterations, the same ones)
 * spreads 0.59 %, 0.30 %, 0.23 %. That spread adds its square × 1,000 to the iterations' variance
 * (10.2 % each): the reported error is too small by 2.1 × with 16, 1.37 × with 64, 1.23 × with
 * 128, about 1.12 × with 256, at any job size. Calibration error is real error: for the same
 * true precision, 128 costs 14 % less work than 64 (12.8 % more work on a chunk; the optimum is
 * near 240).
 */
export const HEALTH_CALIBRATION_ITERATIONS = 128;

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
