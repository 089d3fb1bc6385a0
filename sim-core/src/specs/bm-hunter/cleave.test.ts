/**
 * Beast Cleave (115939 #1, 118459) and Kill Cleave (378207 #1): SimulationCraft carries the primary
 * hit's result over (trigger_beast_cleave and kill_command_bm_t::impact take 80 % of its
 * result_total, its critical strike included, without the primary target's multipliers) and the
 * cleave itself cannot crit. Three targets, no target multipliers: each other target takes 80 % of
 * the primary hit × the soft cap (2 other targets, cap 8: × 1), rounded once more. Multi-Shot and
 * Beast Cleave are talents (./beast-cleave.ts): taken here.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { BM, BM_DATA } from './data.ts';
import { bmSim, crits, run } from './test-support.ts';

const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);

describe('Beast Cleave and Kill Cleave carry the hit’s crit over and do not crit', () => {
  for (const baseCrit of [1, -10]) {
    it(`every primary hit ${baseCrit > 0 ? 'crits' : 'is a plain hit'}: each cleave hit is 80 % of it`, () => {
      // Multi-Shot gives the pet Beast Cleave; Kill Command with Kill Cleave during it
      const sim = bmSim({
        talents: ['kill_cleave', 'multishot', 'beast_cleave'],
        rotation: 'actions=multishot,if=pet.main.buff.beast_cleave.down\nactions+=/kill_command',
        seconds: 20,
        targets: 3,
        baseCrit,
      });
      const primary = new Set([src('pet_melee'), src('claw'), src('kill_command')]);
      const cleave = src('beast_cleave');
      let last = -1;
      const pairs: Array<[number, number]> = [];
      const hit = sim.hit.bind(sim);
      sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
        const c = hit(s, target, amount, phys, critBonus, critDamage);
        if (primary.has(s)) last = sim.lastHitDamage;
        else if (s === cleave) pairs.push([last, sim.lastHitDamage]);
        return c;
      };
      run(sim, 1);
      expect(pairs.length).toBeGreaterThan(10);
      for (const [p, c] of pairs) expect(Math.abs(c - BM.beastCleaveShare * p)).toBeLessThanOrEqual(1);
      expect(crits(sim, 'beast_cleave')).toBe(0);
      if (baseCrit > 0) expect(crits(sim, 'pet_melee')).toBeGreaterThan(0);
    });
  }
});
