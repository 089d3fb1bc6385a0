// Progress and ETA of a running job from successive polls (pure).

export interface ProgressSample {
  /** ms timestamp of the poll */
  t: number;
  /** completed iterations at that time */
  done: number;
}

/** Keeps the samples of the last `windowMs` (at least two when available). */
export function pushSample(
  samples: ProgressSample[],
  s: ProgressSample,
  windowMs = 60_000,
): ProgressSample[] {
  const out = samples.filter((x) => x.t <= s.t && x.done <= s.done);
  out.push(s);
  while (out.length > 2 && s.t - out[0]!.t > windowMs) out.shift();
  return out;
}

/** Iterations per second over the sample window, or null when it cannot be measured yet. */
export function rate(samples: ProgressSample[]): number | null {
  if (samples.length < 2) return null;
  const a = samples[0]!;
  const b = samples[samples.length - 1]!;
  const dt = (b.t - a.t) / 1000;
  const dd = b.done - a.done;
  if (dt <= 0 || dd <= 0) return null;
  return dd / dt;
}

/** Seconds until `total` at the measured rate, or null when unknown. */
export function etaSeconds(samples: ProgressSample[], total: number): number | null {
  const r = rate(samples);
  const last = samples[samples.length - 1];
  if (r === null || !last) return null;
  const left = Math.max(0, total - last.done);
  return left / r;
}

export function progressFraction(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(1, Math.max(0, done / total));
}
