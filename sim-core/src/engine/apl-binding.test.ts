/** The rotation language driving the real engine: waits, off-GCD actions, line_cd, target_if, getters. */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS } from './sim.ts';
import { HIT, run } from './test-support.ts';

describe('rotations on the engine', () => {
  it('wait,sec= delays the decision: a condition on time holds casts until 3 s', () => {
    // Decisions at 0, 1, 2 wait; casts at 3, 4.5, 6, 7.5, 9.
    const { sim } = run({ seconds: 10, rotation: 'actions=bolt,if=time>=3\nactions+=/wait,sec=1' });
    expect(sim.srcCasts[0]).toBe(5);
  });

  it('an off-GCD action is used in the same millisecond as the next GCD action', () => {
    const { sim, samples } = run({ seconds: 10, rotation: 'actions=boost\nactions+=/bolt' });
    expect(sim.srcCasts[1]).toBe(1);
    expect(sim.srcCasts[0]).toBe(7);
    expect(samples[0]).toBe((7 * HIT) / 10);
  });

  it('line_cd= limits how often a line fires', () => {
    // With line_cd=3 and nothing else to do: casts at 0, 3, 6, 9.
    const { sim } = run({ seconds: 10, rotation: 'actions=bolt,line_cd=3' });
    expect(sim.srcCasts[0]).toBe(4);
  });

  it('cooldown and gcd getters see the engine state (cooldown.X.remains, gcd.remains)', () => {
    // bolt has a 4 s cooldown; the rotation waits while it recharges: casts at 0, 4, 8.
    const { sim } = run({
      seconds: 10,
      bolt: { cooldownMs: 4000 },
      rotation:
        'actions=bolt,if=cooldown.bolt.ready&gcd.remains=0\nactions+=/wait,sec=cooldown.bolt.remains,if=cooldown.bolt.remains>0',
    });
    expect(sim.srcCasts[0]).toBe(3);
  });

  it('target_if= spreads a dot over every target', () => {
    const { sim } = run({
      seconds: 5.5,
      targets: 3,
      mode: 'dot',
      rotation: 'actions=bolt,target_if=min:dot.bolt.remains,if=dot.bolt.refreshable',
    });
    // Casts at 0 (target 0), 1.5 (1), 3 (2); then all three tick and none is refreshable before 5.6 s.
    expect(sim.srcCasts[0]).toBe(3);
    for (let t = 0; t < 3; t++) expect(sim.dots.expires[t]).toBe(8000 + t * 1500);
    for (let t = 3; t < MAX_TARGETS; t++) expect(sim.dots.expires[t]).toBe(0);
  });

  it('active_enemies and target.health.pct follow the fight', () => {
    // Cast only while the target is above 50 % health: 10 s fight → casts at 0, 1.5, 3, 4.5.
    const one = run({ seconds: 10, rotation: 'actions=bolt,if=target.health.pct>50' });
    expect(one.sim.srcCasts[0]).toBe(4);
    const none = run({ seconds: 10, rotation: 'actions=bolt,if=active_enemies>1' });
    expect(none.sim.srcCasts[0]).toBe(0);
    const two = run({ seconds: 10, targets: 2, rotation: 'actions=bolt,if=active_enemies>1' });
    expect(two.sim.srcCasts[0]).toBe(7);
  });
});
