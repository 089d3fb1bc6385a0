// Iterations per second over a sliding window (completed chunks only).

export class RateMeter {
  private readonly events: Array<{ at: number; amount: number }> = [];
  private readonly startedAt: number;

  constructor(
    private readonly windowMs: number,
    now: number = Date.now(),
  ) {
    this.startedAt = now;
  }

  add(at: number, amount: number): void {
    this.events.push({ at, amount });
    this.prune(at);
  }

  /** Amount per second over the window (or since creation, if younger than the window). */
  rate(now: number): number {
    this.prune(now);
    const span = Math.min(this.windowMs, Math.max(1, now - this.startedAt));
    let sum = 0;
    for (const e of this.events) sum += e.amount;
    return (sum * 1000) / span;
  }

  private prune(now: number): void {
    while (this.events.length > 0 && this.events[0]!.at <= now - this.windowMs) this.events.shift();
  }
}
