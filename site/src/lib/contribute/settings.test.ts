import { describe, expect, it } from 'vitest';
import {
  coreCount,
  DEFAULT_SETTINGS,
  effectiveWorkers,
  loadSettings,
  MAX_WORKERS,
  parseSettings,
  saveSettings,
  serializeSettings,
  SETTINGS_KEY,
} from './settings';

describe('contribution settings', () => {
  it('round-trips through storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveSettings(storage, { optedIn: true, paused: true, workers: 3 });
    expect(store.has(SETTINGS_KEY)).toBe(true);
    expect(loadSettings(storage)).toEqual({ optedIn: true, paused: true, workers: 3 });
  });

  it('falls back to the defaults for missing, broken or hostile values', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[]')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('x'.repeat(2000))).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"optedIn":"yes","paused":1,"workers":0}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(`{"optedIn":true,"workers":${MAX_WORKERS + 1}}`)).toEqual({
      optedIn: true,
      paused: false,
      workers: null,
    });
    expect(parseSettings('{"optedIn":true,"workers":2.5}').workers).toBeNull();
  });

  it('survives a storage that throws (privacy mode)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
    expect(() => saveSettings(broken, DEFAULT_SETTINGS)).not.toThrow();
  });

  it('uses one worker per core by default and clamps a request to 1..cores', () => {
    expect(effectiveWorkers({ ...DEFAULT_SETTINGS }, 8)).toBe(8);
    expect(effectiveWorkers({ ...DEFAULT_SETTINGS, workers: 3 }, 8)).toBe(3);
    expect(effectiveWorkers({ ...DEFAULT_SETTINGS, workers: 12 }, 8)).toBe(8);
    expect(effectiveWorkers({ ...DEFAULT_SETTINGS, workers: 0 }, 8)).toBe(1);
  });

  it('reads hardwareConcurrency defensively', () => {
    expect(coreCount(4)).toBe(4);
    expect(coreCount(undefined)).toBe(1);
    expect(coreCount(0)).toBe(1);
    expect(coreCount(Number.NaN)).toBe(1);
    expect(coreCount(10_000)).toBe(MAX_WORKERS);
  });

  it('serialises only the known fields', () => {
    const s = { optedIn: true, paused: false, workers: null, extra: 1 } as never;
    expect(JSON.parse(serializeSettings(s))).toEqual({ optedIn: true, paused: false, workers: null });
  });
});
