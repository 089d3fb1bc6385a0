/**
 * Real procs per minute (RPPM), hasted, with bad-luck protection, as in the game:
 * chance = rppm × haste × min(10 s, since last attempt) / 60 s
 *          × max(1, 1 + 3 × (since last proc / (60 s / rppm) − 1.5)).
 */
export class Rppm {
  lastAttempt = 0;
  lastProc = 0;

  reset(): void {
    this.lastAttempt = 0;
    this.lastProc = -120_000;
  }

  /** One attempt at `now` (ms) with a uniform roll in [0, 1). */
  check(now: number, haste: number, rate: number, roll: number): boolean {
    const sinceAttempt = Math.min(10_000, now - this.lastAttempt);
    this.lastAttempt = now;
    const interval = 60_000 / rate;
    const blp = Math.max(1, 1 + 3 * ((now - this.lastProc) / interval - 1.5));
    if (roll < ((rate * haste * sinceAttempt) / 60_000) * blp) {
      this.lastProc = now;
      return true;
    }
    return false;
  }
}

/**
 * SimulationCraft's real_ppm_t as it is today (engine/util/proc_rng.cpp): the time since the last
 * attempt counts up to 3.5 s, and bad-luck protection reads the sum of those capped times since
 * the last proc (1000 s at most), not the absolute time; an attempt in the same ms as the last one
 * does not roll. Starts with both at 0 (real_ppm_t::reset). Rppm above is the older game formula
 * the racial and Radiant Power procs keep; this one is for procs that must match SimC.
 *   chance = rppm × scale × min(3.5 s, since last attempt) / 60 s
 *            × max(1, 1 + 3 × (accumulated / (60 s / (rppm × scale)) − 1.5))
 */
export class SimcRppm {
  lastAttempt = 0;
  /** Capped time (ms) accumulated since the last proc. */
  accumulated = 0;

  static readonly MAX_INTERVAL_MS = 3500;
  static readonly MAX_BAD_LUCK_MS = 1_000_000;

  reset(): void {
    this.lastAttempt = 0;
    this.accumulated = 0;
  }

  /**
   * One attempt at `now` (ms); `scale` is the haste coefficient for a hasted proc (1 otherwise);
   * the uniform roll is drawn from `rng` only when one is made.
   */
  trigger(now: number, rate: number, scale: number, rng: { next(): number }): boolean {
    if (now === this.lastAttempt) return false;
    const since = Math.min(now - this.lastAttempt, SimcRppm.MAX_INTERVAL_MS);
    this.accumulated += since;
    this.lastAttempt = now;
    const r = rate * scale;
    const blp = Math.max(
      1,
      1 + (Math.min(this.accumulated, SimcRppm.MAX_BAD_LUCK_MS) / (60_000 / r) - 1.5) * 3,
    );
    if (rng.next() < ((r * since) / 60_000) * blp) {
      this.accumulated = 0;
      return true;
    }
    return false;
  }
}
