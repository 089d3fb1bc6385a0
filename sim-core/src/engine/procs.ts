/**
 * Real procs per minute as SimulationCraft's real_ppm_t has it (engine/sim/proc_rng.cpp at
 * 50d415071f): the time since the last attempt counts up to 3.5 s, and bad-luck protection reads
 * the sum of those capped times since the last proc (1000 s at most), not the absolute time; an
 * attempt in the same ms as the last one does not roll. Starts with both at 0 (real_ppm_t::reset).
 *   chance = rppm × scale × min(3.5 s, since last attempt) / 60 s
 *            × max(1, 1 + 3 × (accumulated / (60 s / (rppm × scale)) − 1.5))
 * `scale` is the haste multiplier for a proc SimC's RPPM modifier data hastes (real_ppm_data.inc
 * type 1), else 1. (Before 2026-12-07 the racial and Radiant Power procs used an older game
 * formula: a 10 s cap, the absolute time since the last proc, every proc hasted.)
 */
export class Rppm {
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
    const since = Math.min(now - this.lastAttempt, Rppm.MAX_INTERVAL_MS);
    this.accumulated += since;
    this.lastAttempt = now;
    const r = rate * scale;
    const blp = Math.max(1, 1 + (Math.min(this.accumulated, Rppm.MAX_BAD_LUCK_MS) / (60_000 / r) - 1.5) * 3);
    if (rng.next() < ((r * since) / 60_000) * blp) {
      this.accumulated = 0;
      return true;
    }
    return false;
  }
}
