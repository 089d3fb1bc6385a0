/** Target health from damage (timing.targetHealth = 'damage', SimulationCraft's fixed-time estimate). */
import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import { simulate } from './run.ts';
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
});
