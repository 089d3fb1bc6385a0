// Reads the fields the bot shows from a stored JobResult (jsonb), defensively: a row written
// by an older engine or by hand must not crash the reply.

export interface JobSummary {
  iterations: number;
  mean: number;
  dpsError: number;
  min: number;
  max: number;
  p5: number | null;
  p50: number | null;
  p95: number | null;
  abilities: Array<{ name: string; share: number; dps: number }>;
  /** Why a smart sim's base run stopped; null for a fixed-iteration job. */
  stopped: StopReason | null;
  /** Variants (profilesets), best first: DPS and difference from the base with its 95 % error; a smart
   * sim also says how many iterations each variant ran and why it stopped. */
  variants: Array<{
    name: string;
    dps: number;
    delta: number;
    deltaError: number;
    deltaFraction: number;
    iterations: number | null;
    stopped: StopReason | null;
  }>;
}

export type StopReason = 'target' | 'eliminated' | 'cap';

/** A smart sim's stop reason in the player's words. */
export const stopReasonText: Record<StopReason, string> = {
  target: 'reached the target error',
  eliminated: 'stopped early: clearly below the best',
  cap: 'hit the iteration cap',
};

function stopReason(v: unknown): StopReason | null {
  return v === 'target' || v === 'eliminated' || v === 'cap' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function readJobResult(value: unknown): JobSummary | null {
  const r = obj(value);
  if (!r) return null;
  const mean = num(r.mean);
  if (mean === null) return null;
  const pct = obj(r.percentiles);
  const abilities = Array.isArray(r.abilities) ? r.abilities : [];
  return {
    iterations: num(r.iterations) ?? 0,
    mean,
    dpsError: num(r.dpsError) ?? 0,
    min: num(r.min) ?? mean,
    max: num(r.max) ?? mean,
    p5: num(pct?.p5),
    p50: num(pct?.p50),
    p95: num(pct?.p95),
    stopped: stopReason(r.stopped),
    abilities: abilities
      .map(obj)
      .filter((a): a is Record<string, unknown> => a !== null)
      .map((a) => ({
        name: typeof a.name === 'string' ? a.name : typeof a.key === 'string' ? a.key : '?',
        share: num(a.share) ?? 0,
        dps: num(a.dps) ?? 0,
      }))
      .sort((a, b) => b.share - a.share),
    variants: (Array.isArray(r.variants) ? r.variants : [])
      .map(obj)
      .filter((v): v is Record<string, unknown> => v !== null && typeof v.name === 'string')
      .map((v) => ({
        name: v.name as string,
        dps: num(v.dps) ?? 0,
        delta: num(v.delta) ?? 0,
        deltaError: num(v.deltaError) ?? 0,
        deltaFraction: num(v.deltaFraction) ?? 0,
        iterations: num(v.iterations),
        stopped: stopReason(v.stopped),
      }))
      .sort((a, b) => b.dps - a.dps),
  };
}
