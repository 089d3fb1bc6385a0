/**
 * The hunter's main pet, as both specs have it: Beast Mastery always, Marksmanship with Unbreakable
 * Bond (./mm-hunter/unbreakable-bond.ts). Its numbers (SimulationCraft's hunter pet model and the
 * basic attack's spell data) and its melee swing; the basic attack with its focus is
 * ./pet-basic-attack.ts. SimulationCraft: sc_hunter.cpp (`hunter_pet_t`, `stable_pet_t`,
 * `hunter_main_pet_t`, `basic_attack_main_t`), the same at ab018d1176 and 50d415071f.
 * Spell data: World of Warcraft 11.2.0.63003 (SpellDataDump/hunter.txt), cited as `spell id #effect`.
 */
import { WEAPON_POWER_COEFFICIENT } from '../engine/ratings.ts';

export const MAIN_PET = {
  /** NOT SPELL DATA: a stable pet's attack power = 0.6 × the hunter's (SimC sc_hunter.cpp stable_pet_t owner_coeff.ap_from_ap). */
  apFromOwner: 0.6,
  /** NOT SPELL DATA: pet melee = pet AP × base swing time / 6 (SimC WEAPON_POWER_COEFFICIENT, beast weapons have no base damage). */
  meleeApDivisor: WEAPON_POWER_COEFFICIENT,
  /** NOT SPELL DATA: pet base swing time 2.0 s (SimC hunter_pet_t main_hand_weapon.swing_time). */
  swingMs: 2000,
  /** Pet basic attack (Claw 16827 / Bite 17253 / Smack 49966, same numbers), on the pet's attack power. */
  basicAttackAp: 0.26, // 16827 Claw, effect #1 (AP coefficient 0.26; 17253 #1, 49966 #1 the same)
  basicAttackCost: 25, // 16827 Claw: 25 Focus
  basicAttackCooldownMs: 3000, // 16827 Claw: cooldown 3 s (not hasted; its 1 s GCD ends first)
  /** Basic Attack Focus Cost Modifier (SimC "wild_hunt"): above the threshold, +100 % damage and +100 % cost. */
  wildHuntDamage: 1, // 62762 Basic Attack Focus Cost Modifier, effect #1 (+100 % damage)
  wildHuntCost: 1, // 62762 Basic Attack Focus Cost Modifier, effect #2 (+100 % focus cost)
  /** 62762 #3 says "at or above 50"; SimC ab018d1176 tests focus > 50 (basic_attack_main_t::use_wild_hunt), as here. */
  wildHuntThreshold: 50, // 62762 Basic Attack Focus Cost Modifier, effect #3 (50 focus)
  /** NOT SPELL DATA: the main pet's focus pool, 100 (SimC hunter_main_pet_t::init_base_stats). */
  focusMax: 100,
  /** NOT SPELL DATA: pet focus regeneration = 1.25 × the hunter's (SimC hunter_main_pet_t::resource_regen_per_second). */
  focusRegenShare: 1.25,
  /** NOT SPELL DATA: the pet's reaction delay before a basic attack, gauss(150 ms, 100 ms), at least 100 ms (SimC option hunter.pet_basic_attack_delay, hunter_main_pet_t::available). */
  basicAttackDelayMs: 150,
  basicAttackDelaySdMs: 100,
  basicAttackMinWaitMs: 100,
} as const;

/**
 * One melee swing of a pet with 1 × the hunter's attack power `ap` (the pet's share and
 * multipliers come on top): AP × base swing time / 6, SimC's weapon power coefficient for a beast
 * weapon with no damage of its own (NOT SPELL DATA).
 */
export function petMeleePerSwing(ap: number): number {
  return (ap * MAIN_PET.swingMs) / 1000 / MAIN_PET.meleeApDivisor;
}

/**
 * A pet's time between swings at attack speed `speed` (the hunter's haste × its attack speed: SimC
 * pets inherit the owner's auto attack speed), in whole ms.
 */
export function petSwingTime(speed: number): number {
  return Math.round(MAIN_PET.swingMs / speed);
}
