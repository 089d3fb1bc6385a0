/**
 * Attack power as SimulationCraft builds it (player_t::default_ap_type, action_t::init,
 * pet_t::composite_melee_attack_power): an ability with an attack power coefficient and every pet
 * read the base (agility) plus the weapon's DPS × 6 (WEAPON_POWER_COEFFICIENT), times Battle
 * Shout; Auto Shot, a weapon swing, deals the weapon's damage plus the attack power without the
 * weapon's share × speed / 6. Per-hit ratios of the same fight with and without a weapon (no crits).
 */
import { describe, expect, it } from 'vitest';
import type { SpecId } from '../types.ts';
import { WEAPON_POWER_COEFFICIENT } from './ratings.ts';
import { createSim } from './run.ts';
import { Sim } from './sim.ts';
import { mechanicConfig } from './test-support.ts';

const AGILITY = 20_000;
const SPEED = 3;

function fight(spec: SpecId, rotation: string, weaponDps: number, battleShout: boolean, race = 'none'): Sim {
  const c = mechanicConfig(spec, [], rotation, {
    seconds: 30,
    stats: { agility: AGILITY, crit: 0, haste: 0, mastery: 0, versatility: 0, weaponDps, weaponSpeed: SPEED },
  });
  c.raidBuffs = { ...c.raidBuffs!, battleShout };
  c.race = race;
  const sim = createSim(c);
  (sim as unknown as { baseCrit: number }).baseCrit = -10; // no crits: every hit is its amount
  sim.runIteration(1, 0);
  return sim;
}

/** Mean damage per hit of a source. */
function perHit(sim: Sim, key: string): number {
  const s = Sim.indexOf(sim.data.sources, key);
  expect(sim.srcHits[s]).toBeGreaterThan(0);
  return sim.srcDamage[s]! / sim.srcHits[s]!;
}

describe('attack power with a weapon', () => {
  it('is agility + weapon DPS × 6, times Battle Shout; without the weapon for swings', () => {
    const sim = fight('mm-hunter', 'actions=steady_shot', 1500, true);
    expect(sim.ap).toBe((AGILITY + WEAPON_POWER_COEFFICIENT * 1500) * 1.05);
    expect(sim.baseAp).toBe(AGILITY * 1.05);
  });

  it("an ability's hit scales with it (Steady Shot 56641 #1: 0.8 AP)", () => {
    const ratio =
      perHit(fight('mm-hunter', 'actions=steady_shot', 1500, true), 'steady_shot') /
      perHit(fight('mm-hunter', 'actions=steady_shot', 0, true), 'steady_shot');
    expect(ratio).toBeCloseTo((AGILITY + 6 * 1500) / AGILITY, 4);
  });

  it("Auto Shot: the weapon's damage + the attack power without the weapon × speed / 6", () => {
    const ratio =
      perHit(fight('mm-hunter', 'actions=steady_shot', 1500, true), 'auto_shot') /
      perHit(fight('mm-hunter', 'actions=steady_shot', 0, true), 'auto_shot');
    const base = (AGILITY * 1.05 * SPEED) / 6;
    // (with the weapon's share in the attack power too it would be 1.5 × 1.05 larger on that share)
    expect(ratio).toBeCloseTo((1500 * SPEED + base) / base, 4);
  });

  it("Touch of the Grave (Undead) reads the attack power without the weapon's (SimC: NO_WEAPON)", () => {
    const ratio =
      perHit(fight('mm-hunter', 'actions=steady_shot', 1500, true, 'undead'), 'touch_of_the_grave') /
      perHit(fight('mm-hunter', 'actions=steady_shot', 0, true, 'undead'), 'touch_of_the_grave');
    expect(ratio).toBeCloseTo(1, 4);
  });

  it("pets read the owner's attack power with the weapon (BM main pet melee: 0.6 × AP × 2 s / 6)", () => {
    const ratio =
      perHit(fight('bm-hunter', 'actions=cobra_shot', 1500, false), 'pet_melee') /
      perHit(fight('bm-hunter', 'actions=cobra_shot', 0, false), 'pet_melee');
    expect(ratio).toBeCloseTo((AGILITY + 6 * 1500) / AGILITY, 3); // hits of ~4,000 rounded each
  });
});
