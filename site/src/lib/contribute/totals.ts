// Lifetime contribution totals of this browser (localStorage): chunks, iterations, distinct
// jobs helped (deduplicated over the most recent job ids) and time spent contributing.

export interface Totals {
  chunks: number;
  iterations: number;
  jobs: number;
  contributedMs: number;
  /** Most recent job ids, to count each job once. */
  recentJobs: string[];
}

export const TOTALS_KEY = 'wowlab.contribute.totals';
export const RECENT_JOBS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function emptyTotals(): Totals {
  return { chunks: 0, iterations: 0, jobs: 0, contributedMs: 0, recentJobs: [] };
}

const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0);

export function parseTotals(text: string | null): Totals {
  if (!text || text.length > 64_000) return emptyTotals();
  try {
    const r = JSON.parse(text) as Record<string, unknown>;
    if (typeof r !== 'object' || r === null) return emptyTotals();
    const recent = Array.isArray(r.recentJobs)
      ? r.recentJobs.filter((j): j is string => typeof j === 'string' && UUID.test(j)).slice(-RECENT_JOBS)
      : [];
    return {
      chunks: count(r.chunks),
      iterations: count(r.iterations),
      jobs: count(r.jobs),
      contributedMs: count(r.contributedMs),
      recentJobs: recent,
    };
  } catch {
    return emptyTotals();
  }
}

/** Adds a completed chunk; returns a new Totals. */
export function addChunk(t: Totals, jobId: string, iterations: number): Totals {
  const seen = t.recentJobs.includes(jobId);
  const recentJobs = seen ? t.recentJobs : [...t.recentJobs, jobId].slice(-RECENT_JOBS);
  return {
    ...t,
    chunks: t.chunks + 1,
    iterations: t.iterations + Math.max(0, Math.floor(iterations)),
    jobs: seen ? t.jobs : t.jobs + 1,
    recentJobs,
  };
}

export function addTime(t: Totals, ms: number): Totals {
  return ms > 0 && Number.isFinite(ms) ? { ...t, contributedMs: t.contributedMs + Math.round(ms) } : t;
}

export function loadTotals(storage: Pick<Storage, 'getItem'> | undefined): Totals {
  try {
    return parseTotals(storage?.getItem(TOTALS_KEY) ?? null);
  } catch {
    return emptyTotals(); // storage disabled (privacy mode)
  }
}

export function saveTotals(storage: Pick<Storage, 'setItem'> | undefined, t: Totals): void {
  try {
    storage?.setItem(TOTALS_KEY, JSON.stringify(t));
  } catch {
    // storage unavailable: totals last for this page
  }
}
