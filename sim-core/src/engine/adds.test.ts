/** The `adds` fight style: waves of adds that spawn and die (config/fight-styles.ts). */
import { describe, expect, it } from 'vitest';
import { hecticAddCleaveWaves, waveStartsMs } from '../config/fight-styles.ts';
import { specs } from '../specs/registry.ts';
import { simulate } from './run.ts';
import { run } from './test-support.ts';

// Waves of 2 adds at 2 s and 7 s (next would be 12 s, past lastSeconds), each living 3 s.
const WAVES = { count: 2, firstSeconds: 2, intervalSeconds: 5, lifetimeSeconds: 3, lastSeconds: 10 };

describe('adds fight style', () => {
  it('SimC HecticAddCleave waves for 300 s: 5 adds at 15 s, every 22 s up to 225 s, living 15 s', () => {
    const w = hecticAddCleaveWaves(300);
    expect(w).toEqual({
      count: 5,
      firstSeconds: 15,
      intervalSeconds: 22,
      lifetimeSeconds: 15,
      lastSeconds: 225,
    });
    expect(waveStartsMs(w)).toEqual([15, 37, 59, 81, 103, 125, 147, 169, 191, 213].map((s) => s * 1000));
  });

  it('active_enemies counts the adds while they live', () => {
    // Used only with adds up: [2, 5) and [7, 10) s → casts at 2, 3.5 and 7, 8.5 (at 5 and 10 they are dead).
    const { sim } = run({ seconds: 12, adds: WAVES, rotation: 'actions=bolt,if=active_enemies>1' });
    expect(sim.srcCasts[0]).toBe(4);
    const none = run({ seconds: 12, rotation: 'actions=bolt,if=active_enemies>1' });
    expect(none.sim.srcCasts[0]).toBe(0);
  });

  it('target.time_to_die of an add is the rest of its life', () => {
    // cycle_targets picks an add once its time to die is < 2 s: at 3.25 (polled every 250 ms) and
    // 4.75 s, then 8.25 and 9.75 s; the main target only in the fight's last 2 s: at 11.25 s.
    const rotation = 'actions=bolt,cycle_targets=1,if=target.time_to_die<2';
    const { sim } = run({ seconds: 12, adds: WAVES, rotation });
    expect(sim.srcCasts[0]).toBe(5);
    // Patchwerk: the main target alone, at 10.25 and 11.75 s.
    expect(run({ seconds: 12, rotation }).sim.srcCasts[0]).toBe(2);
  });

  it('both specs hit the adds: more DPS than Patchwerk, and chunk splits still merge exactly', () => {
    for (const s of specs) {
      const c = s.defaultConfig();
      const adds = { ...c, fight: { ...c.fight, style: 'adds' as const } };
      const p = simulate(c, { seed: 3, seedOffset: 0, iterations: 10 });
      const a = simulate(adds, { seed: 3, seedOffset: 0, iterations: 10 });
      expect(a.mean).toBeGreaterThan(p.mean * 1.1);
      const a1 = simulate(adds, { seed: 3, seedOffset: 0, iterations: 4 });
      const a2 = simulate(adds, { seed: 3, seedOffset: 4, iterations: 6 });
      expect([...a1.samples, ...a2.samples]).toEqual(a.samples);
    }
  }, 30_000); // four whole-spec sims per spec: over vitest's 5 s on a loaded machine
});
