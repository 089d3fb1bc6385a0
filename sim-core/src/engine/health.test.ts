/** Target health from damage (timing.targetHealth = 'damage', SimulationCraft's fixed-time estimate). */
import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import { HEALTH_CALIBRATION_ITERATIONS } from './health.ts';
import { calibrate } from './iteration.ts';
import { createSim, JOB_CHUNK_ITERATIONS, simulate, simulateCounted } from './run.ts';
import { HIT, run } from './test-support.ts';

describe('target health from damage', () => {
  it('health = 1 − damage taken / (calibrated damage rate × fight length)', () => {
    // Linear health: the bolt is used while health ≥ 50 %, i.e. up to 5 s: at 0, 1.5, 3, 4.5 s.
    const rotation = 'actions=bolt,if=target.health.pct>=50';
    const linear = run({ seconds: 10, rotation });
    expect(linear.sim.srcHits[0]).toBe(4);
    // From damage, as SimC's recalculate_health: the first calibration iteration (linear health)
    // deals 4 × 1000 in 10 s; the next one, with that 4000 pool, 3 bolts (100, 75, 50 % ≥ 50);
    // each later one, with the running mean of the pooled ones (3000, 2500, 2333, ... ≥ 2000),
    // 2 bolts (the second at ≥ 50 %, the third below). The job's pool: the mean of the
    // HEALTH_CALIBRATION_ITERATIONS − 1 pooled ones, (3000 + 2000 × (K − 2)) / (K − 1) ≈ 2067.
    const fromDamage = run({ seconds: 10, rotation, timing: { targetHealth: 'damage' } });
    let sum = 3000 / 10_000;
    for (let n = 2; n < HEALTH_CALIBRATION_ITERATIONS; n++) sum += 2000 / 10_000;
    expect(fromDamage.sim.health.rate[0]).toBe(sum / (HEALTH_CALIBRATION_ITERATIONS - 1));
    // the job's iteration with that pool: 100 %, then 51.6 % (usable), then 3.2 %: 2 bolts
    expect(fromDamage.sim.srcHits[0]).toBe(2);
    expect(fromDamage.samples[0]).toBe((2 * HIT) / 10);
  });

  it('the calibration depends on the job seed (and block) only: chunk splits reproduce the single run (MM)', () => {
    const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    expect(c.timing?.targetHealth).toBe('damage');
    const whole = simulate(c, { seed: 5, seedOffset: 0, iterations: 30 });
    const a = simulate(c, { seed: 5, seedOffset: 0, iterations: 11 });
    const b = simulate(c, { seed: 5, seedOffset: 11, iterations: 19 });
    expect([...a.samples, ...b.samples]).toEqual(whole.samples);
    for (const key of Object.keys(whole.abilities))
      expect(a.abilities[key]!.damage + b.abilities[key]!.damage).toBe(whole.abilities[key]!.damage);
    const linear = simulate(
      { ...c, timing: { ...c.timing!, targetHealth: 'linear' } },
      { seed: 5, seedOffset: 0, iterations: 30 },
    );
    expect(linear.samples).not.toEqual(whole.samples);
  });

  it('each block of a job calibrates on its own, and a split across blocks reproduces the single run', () => {
    const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    c.fight.durationSeconds = 30; // short fights: two calibrations and 20 iterations stay cheap
    const edge = JOB_CHUNK_ITERATIONS;
    const whole = simulate(c, { seed: 9, seedOffset: edge - 10, iterations: 20 });
    const a = simulate(c, { seed: 9, seedOffset: edge - 10, iterations: 7 });
    const b = simulate(c, { seed: 9, seedOffset: edge - 3, iterations: 13 });
    expect([...a.samples, ...b.samples]).toEqual(whole.samples);
    // the pools of iterations 0–999 and 1000–1999 come from different calibration iterations
    const sim = createSim(c);
    sim.runIteration(9, edge - 1);
    const before = sim.health.rate[0]!;
    sim.runIteration(9, edge);
    expect(sim.health.rate[0]).not.toBe(before);
    sim.runIteration(9, 2 * edge - 1); // same block: no new calibration
    const events = sim.calibrationEvents;
    sim.runIteration(9, edge + 5);
    expect(sim.calibrationEvents).toBe(events);
    sim.runIteration(9, 0); // back to block 0: its pools again
    expect(sim.health.rate[0]).toBe(before);
    // what the cost estimate prices: a job's chunk (aligned to a block) calibrates once; only a
    // chunk across a block edge, which create_job never makes, calibrates twice
    const counted = (seedOffset: number) =>
      simulateCounted(c, { seed: 9, seedOffset, iterations: 5 }).iterations - 5;
    expect(counted(edge)).toBe(HEALTH_CALIBRATION_ITERATIONS);
    expect(counted(edge - 3)).toBe(2 * HEALTH_CALIBRATION_ITERATIONS);
  });

  it('jobs of different seeds calibrate default MM to pools within 0.63 % of each other (σ)', () => {
    // Every iteration of a block shares its pools, so their error moves the job's figures (and a
    // variant's Δ) without showing in the reported error. With 128 calibration iterations these 60
    // seeds spread 0.54 % (σ); 64 would give about √2 × that (0.76 %; 20 seeds gave 1.9 % with 16):
    // the test fails if the count drops. 60 seeds, since σ from 20 is only known to ±16 %.
    const sim = createSim(specs.find((s) => s.id === 'mm-hunter')!.defaultConfig());
    const rates: number[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      calibrate(sim, seed * 7919);
      rates.push(sim.health.rate[0]!);
    }
    const mean = rates.reduce((a, b) => a + b) / rates.length;
    const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / (rates.length - 1));
    expect(sd / mean).toBeLessThan(0.0063);
  });
});
