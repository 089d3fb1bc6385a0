/** Target health from damage (timing.targetHealth = 'damage', SimulationCraft's fixed-time estimate). */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { specs } from '../specs/registry.ts';
import { HEALTH_CALIBRATION_ITERATIONS } from './health.ts';
import { calibrate } from './iteration.ts';
import { createSim, simulate } from './run.ts';
import { HIT, run } from './test-support.ts';

describe('target health from damage', () => {
  it('health = 1 − damage taken / (calibration damage rate × fight length)', () => {
    // Linear health: the bolt is used while health ≥ 50 %, i.e. up to 5 s: at 0, 1.5, 3, 4.5 s.
    const rotation = 'actions=bolt,if=target.health.pct>=50';
    const linear = run({ seconds: 10, rotation });
    expect(linear.sim.srcHits[0]).toBe(4);
    // From damage: the calibration (linear) dealt 4 × 1000 in 10 s, so the pool of a 10 s
    // iteration is 4000: after two bolts health is 50 % (still usable), after three 25 %.
    const fromDamage = run({ seconds: 10, rotation, timing: { targetHealth: 'damage' } });
    expect(fromDamage.sim.srcHits[0]).toBe(3);
    expect(fromDamage.samples[0]).toBe((3 * HIT) / 10);
  });

  it('the calibration depends on the job seed only: chunk splits reproduce the single run (MM)', () => {
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

  it('the pool is the mean damage rate of HEALTH_CALIBRATION_ITERATIONS calibration iterations, not of one (MM)', () => {
    // SimC recalculates the health after every iteration from the ones before
    // (enemy_t::recalculate_health); one calibration iteration made the job's mean follow it
    const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    c.fight.durationSeconds = 60;
    const sim = createSim(parseConfig(c));
    const one: number[] = [];
    for (let k = 0; k < HEALTH_CALIBRATION_ITERATIONS; k++) {
      calibrate(sim, 3, 1, k); // iteration k's rate alone
      one.push(sim.health.rate[0]!);
    }
    let sum = 0;
    for (const r of one) sum += r;
    const fresh = createSim(parseConfig(c));
    fresh.runIteration(3, 0); // calibrates first
    expect(fresh.health.rate[0]).toBe(sum / HEALTH_CALIBRATION_ITERATIONS);
    expect(new Set(one).size).toBeGreaterThan(1); // so iteration 0's alone is another pool
    expect(fresh.health.rate[0]).not.toBe(one[0]);
  });
});
