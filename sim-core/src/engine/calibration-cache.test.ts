/** A worker keeps a job's health calibration for its next chunk (calibration-cache.ts). */
import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import type { SimConfig } from '../types.ts';
import { HEALTH_CALIBRATION_ITERATIONS } from './health.ts';
import { simulate, simulateCounted } from './run.ts';

/** Default MM in a short fight (a calibration of 64 short iterations). */
function config(seconds = 20): SimConfig {
  const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
  c.fight.durationSeconds = seconds;
  return c;
}

describe('kept health calibrations', () => {
  it("a job's next chunk skips the calibration and gives the same bits", () => {
    const seed = 424_242; // no other test calibrates at this seed
    const first = simulateCounted(config(), { seed, seedOffset: 0, iterations: 5 });
    const again = simulateCounted(config(), { seed, seedOffset: 0, iterations: 5 });
    expect(again.result).toEqual(first.result);
    // the first call's events include its calibration: about 64 / 5 × the iterations' events
    expect(first.events).toBeGreaterThan(again.events * (1 + (HEALTH_CALIBRATION_ITERATIONS - 1) / 5));
    // a later chunk of the job uses them; a job split in chunks still reproduces the single run
    const next = simulateCounted(config(), { seed, seedOffset: 5, iterations: 5 });
    expect(next.events).toBeLessThan(first.events / 4);
    const whole = simulate(config(), { seed: seed + 1, seedOffset: 0, iterations: 10 });
    const a = simulate(config(), { seed: seed + 1, seedOffset: 0, iterations: 5 });
    const b = simulate(config(), { seed: seed + 1, seedOffset: 5, iterations: 5 });
    expect([...a.samples, ...b.samples]).toEqual(whole.samples);
  });

  it('another seed or another config calibrates again', () => {
    const seed = 515_151;
    const cold = simulateCounted(config(), { seed, seedOffset: 0, iterations: 2 }).events;
    const warm = simulateCounted(config(), { seed, seedOffset: 0, iterations: 2 }).events;
    expect(warm).toBeLessThan(cold / 4);
    expect(
      simulateCounted(config(), { seed: seed + 7, seedOffset: 0, iterations: 2 }).events,
    ).toBeGreaterThan(warm * 4);
    expect(simulateCounted(config(21), { seed, seedOffset: 0, iterations: 2 }).events).toBeGreaterThan(
      warm * 4,
    );
    // linear health has no calibration to keep
    const linear = { ...config(), timing: { ...config().timing!, targetHealth: 'linear' as const } };
    const l1 = simulateCounted(linear, { seed, seedOffset: 0, iterations: 2 }).events;
    expect(simulateCounted(linear, { seed, seedOffset: 0, iterations: 2 }).events).toBe(l1);
  });

  it('keeps the 16 most recent calibrations', () => {
    const seed = 606_060;
    const events = (s: number) =>
      simulateCounted(config(10), { seed: s, seedOffset: 0, iterations: 1 }).events;
    const cold = events(seed);
    expect(events(seed)).toBeLessThan(cold / 8);
    for (let k = 1; k <= 15; k++) events(seed + k); // 16 kept: this one is still there
    expect(events(seed)).toBeLessThan(cold / 8);
    for (let k = 16; k <= 31; k++) events(seed + k); // 16 newer ones: this one is gone
    expect(events(seed)).toBeGreaterThan(cold / 2);
  });
});
