import type { RaidBuffs } from '../types.ts';

/**
 * SimulationCraft's default raid buffs and debuffs: what `optimal_raid=1` gives every player
 * (Bloodlust is `fight.bloodlust`; Hunter's Mark is the hunter's own action). Spell data: World of
 * Warcraft 11.2.0.63003 as docs/specs.md says. Where SimulationCraft reads them: player.cpp
 * (`composite_attack_power_multiplier` reads `sim->auras.battle_shout`; the enemy debuffs
 * `chaos_brand` = find_spell( 1490 )->effectN( 1 ) and `mystic_touch` = find_spell( 113746 )->effectN( 1 )).
 */
export const RAID_BUFF_KEYS = [
  'battleShout',
  'markOfTheWild',
  'skyfury',
  'mysticTouch',
  'chaosBrand',
] as const;

/** The SimulationCraft override option of each toggle (`override.<name>=0|1`). */
export const RAID_BUFF_OVERRIDE: Record<keyof RaidBuffs, string> = {
  battleShout: 'battle_shout',
  markOfTheWild: 'mark_of_the_wild',
  skyfury: 'skyfury',
  mysticTouch: 'mystic_touch',
  chaosBrand: 'chaos_brand',
};

/** Every buff on: what optimal_raid=1 gives, and what a config without `raidBuffs` gets. */
export function defaultRaidBuffs(): RaidBuffs {
  return { battleShout: true, markOfTheWild: true, skyfury: true, mysticTouch: true, chaosBrand: true };
}

/** 6673 Battle Shout, effect #1: attack power +5 %. */
export const BATTLE_SHOUT_AP = 0.05;
/** 1126 Mark of the Wild, effect #1: versatility +3 % (added to the versatility percent). */
export const MARK_OF_THE_WILD_VERS = 0.03;
/**
 * 462854 Skyfury, effect #1: mastery +2 (points, before the spec's coefficient). Its other effect,
 * a chance for the buffed player's auto attacks to strike again, is left out (not modelled).
 */
export const SKYFURY_MASTERY_POINTS = 2;
/** 113746 Mystic Touch (the debuff of monks' 8647 Mystic Touch), effect #1: physical damage taken +5 %. */
export const MYSTIC_TOUCH_PHYSICAL = 0.05;
/** 1490 Chaos Brand, effect #1: magic damage taken +3 %. */
export const CHAOS_BRAND_MAGIC = 0.03;
