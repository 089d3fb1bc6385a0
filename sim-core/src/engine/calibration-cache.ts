/**
 * Health calibrations kept for the next chunk of the same job in this worker. A job's pools depend
 * only on its config and seed (iteration.ts calibrate, every chunk of the job computes the same),
 * so a chunk that finds them here skips the HEALTH_CALIBRATION_ITERATIONS iterations and gives the
 * same bits. A node's worker runs many chunks of one job in a row; each worker keeps its own.
 */
import type { SimConfig } from '../types.ts';

/** Calibrations kept (a job's base and variants each have one); the least recently used goes. */
const MAX_KEPT = 16;
const kept = new Map<string, Float64Array>();

/** The key of a validated config's calibration at `seed` (a key that differs only misses). */
export function calibrationKey(config: SimConfig, seed: number): string {
  return `${seed} ${JSON.stringify(config)}`;
}

/** The damage rates kept for `key`, or undefined. */
export function keptCalibration(key: string): Float64Array | undefined {
  const rate = kept.get(key);
  if (rate !== undefined) {
    kept.delete(key);
    kept.set(key, rate);
  }
  return rate;
}

/** Keeps a copy of the damage rates calibrated for `key`. */
export function keepCalibration(key: string, rate: Float64Array): void {
  kept.delete(key);
  kept.set(key, rate.slice());
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
}
