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
