// Contribution settings of this browser, shared by its tabs through localStorage:
// opted in or not, paused by the user, and the worker count (1..hardwareConcurrency).
// Everything read back is validated; anything odd falls back to the defaults.

export interface ContributeSettings {
  optedIn: boolean;
  /** Paused by the user (battery pauses are not persisted: they follow the battery). */
  paused: boolean;
  /** Requested workers; null = one per logical core. */
  workers: number | null;
}

export const SETTINGS_KEY = 'wowlab.contribute.settings';
export const DEFAULT_SETTINGS: ContributeSettings = { optedIn: false, paused: false, workers: null };
/** Upper bound whatever the browser claims (protects against absurd hardwareConcurrency values). */
export const MAX_WORKERS = 64;

/** The number of logical cores the browser reports, clamped to 1..MAX_WORKERS. */
export function coreCount(reported: unknown): number {
  const n = typeof reported === 'number' && Number.isFinite(reported) ? Math.floor(reported) : 1;
  return Math.min(MAX_WORKERS, Math.max(1, n));
}

/** The worker count to run: the setting clamped to 1..cores, or all cores by default. */
export function effectiveWorkers(settings: ContributeSettings, cores: number): number {
  if (settings.workers === null) return cores;
  return Math.min(cores, Math.max(1, settings.workers));
}

export function parseSettings(text: string | null): ContributeSettings {
  if (!text || text.length > 1000) return { ...DEFAULT_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS };
  const r = raw as Record<string, unknown>;
  const workers =
    typeof r.workers === 'number' && Number.isInteger(r.workers) && r.workers >= 1 && r.workers <= MAX_WORKERS
      ? r.workers
      : null;
  return { optedIn: r.optedIn === true, paused: r.paused === true, workers };
}

export function serializeSettings(s: ContributeSettings): string {
  return JSON.stringify({ optedIn: s.optedIn, paused: s.paused, workers: s.workers });
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): ContributeSettings {
  try {
    return parseSettings(storage?.getItem(SETTINGS_KEY) ?? null);
  } catch {
    return { ...DEFAULT_SETTINGS }; // storage disabled (privacy mode)
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, s: ContributeSettings): void {
  try {
    storage?.setItem(SETTINGS_KEY, serializeSettings(s));
  } catch {
    // storage full or disabled: the setting lasts for this page only
  }
}
