/**
 * The Bell Tolls counts for Call of the Wild's pets as for the main pet: SimC's
 * call_of_the_wild_pet_t is a stable pet, no guardian (sc_hunter.cpp at 50d415071f).
 */
import { describe, expect, it } from 'vitest';
import { createSim } from '../../engine/run.ts';
import type { Sim } from '../../engine/sim.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import type { SimConfig } from '../../types.ts';

function config(talents: string[], rotation: string, durationSeconds = 100): SimConfig {
  return mechanicConfig('bm-hunter', talents, rotation, { seconds: durationSeconds });
}

interface Hit {
  t: number;
  src: string;
  amount: number;
}

/** A Sim whose hits are recorded (source key, time, amount before crit/versatility/armor). */
function recorded(c: SimConfig): { sim: Sim; hits: Hit[] } {
  const sim = createSim(c);
  const hits: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
    hits.push({ t: sim.now, src: sim.data.sources[src]!.key, amount });
    return hit(src, target, amount, physical, critBonus, critDamage);
  };
  return { sim, hits };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('The Bell Tolls (Dark Ranger) on Call of the Wild pets', () => {
  // SimC: call_of_the_wild_pet_t : stable_pet_t, built with `false /* GUARDIAN */` (sc_hunter.cpp
  // 2055), so hunter_t::composite_player_pet_damage_multiplier's `!guardian` branch applies
  // `buffs.the_bell_tolls->check_stack_value()` (sc_hunter.cpp 9748) to their melee and stomps,
  // as to the main pet's. 1232992 #3 (Modify Pet Damage Done%) 3 % + 137015 #16 (+3) = 6 % a stack.
  it('a Call of the Wild pet hit after one Black Arrow is 6 % higher with The Bell Tolls', () => {
    const base = ['black_arrow', 'call_of_the_wild', 'bloody_frenzy'];
    const rotation = 'actions=black_arrow\nactions+=/call_of_the_wild';
    const without = recorded(config(base, rotation, 30));
    const withBell = recorded(config([...base, 'the_bell_tolls'], rotation, 30));
    without.sim.runIteration(1, 0);
    withBell.sim.runIteration(1, 0);
    for (const src of ['pet_melee', 'call_of_the_wild', 'call_of_the_wild_stomp']) {
      const a = without.hits.find((h) => h.src === src && h.t > 0 && h.t < 10_000)!;
      const b = withBell.hits.find((h) => h.src === src && h.t === a.t)!;
      expect(a, src).toBeDefined();
      expect(b, src).toBeDefined();
      // one stack up (the Black Arrow at 0 s lasts 12 s)
      expect(rel(b.amount, a.amount * 1.06), src).toBeLessThan(1e-9);
    }
  });
});
