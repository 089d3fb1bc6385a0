// Exponential backoff with jitter, used for reconnects and for retrying chunk reports.
// Pure: the random source is injected so tests can pin it.

export interface BackoffOptions {
  /** First delay (attempt 0), in ms. */
  initialMs: number;
  /** Upper bound of any delay, in ms. */
  maxMs: number;
  /** Fraction of the delay that is randomised, 0..1: the delay lies in [base·(1-jitter), base]. */
  jitter: number;
}

export const RECONNECT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, jitter: 0.3 };
export const REPORT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, jitter: 0.3 };

/** Deterministic part of the delay for `attempt` (0-based): initial · 2^attempt, capped. */
export function backoffBase(attempt: number, opts: BackoffOptions): number {
  let base = opts.initialMs;
  for (let i = 0; i < attempt && base < opts.maxMs; i++) base *= 2;
  return Math.min(base, opts.maxMs);
}

/** Delay before retry number `attempt` (0-based), with jitter; `random` returns [0, 1). */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const base = backoffBase(Math.max(0, Math.floor(attempt)), opts);
  const jitter = Math.min(1, Math.max(0, opts.jitter));
  return Math.round(base * (1 - jitter * random()));
}

/** Stateful helper: `next()` yields growing delays until `reset()` (after a success). */
export class Backoff {
  private attempt = 0;
  constructor(
    private readonly opts: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const delay = backoffDelay(this.attempt, this.opts, this.random);
    this.attempt++;
    return delay;
  }

  get attempts(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}
