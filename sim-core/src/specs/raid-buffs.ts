import type { RaidBuffs } from '../types.ts';

/**
 * SimulationCraft's default raid buffs and debuffs: what `optimal_raid=1` gives every player
 * (Bloodlust is `fight.bloodlust`). Hunter's Mark is one of them in SimulationCraft: `optimal_raid`
 * sets `override.hunters_mark`, which puts 257284's debuff on the first target before the pull
 * (engine/sim/sim.cpp, `sim_t::init`'s target-list callback); sc_hunter.cpp has no Hunter's Mark
 * action. With it off, our rotations cast the hunter's own (specs/common.ts). Spell data: World of
 * Warcraft 11.2.0.63003 as docs/specs.md says (warrior, druid, shaman, monk, demonhunter .txt). Where SimulationCraft reads them: player.cpp
 * (`composite_attack_power_multiplier` reads `sim->auras.battle_shout`; the enemy debuffs
 * `chaos_brand` = find_spell( 1490 )->effectN( 1 ) and `mystic_touch` = find_spell( 113746 )->effectN( 1 )).
 */
export const RAID_BUFF_KEYS = [
  'battleShout',
  'markOfTheWild',
  'skyfury',
  'mysticTouch',
  'chaosBrand',
  'huntersMark',
] as const;

/** The SimulationCraft override option of each toggle (`override.<name>=0|1`). */
export const RAID_BUFF_OVERRIDE: Record<keyof RaidBuffs, string> = {
  battleShout: 'battle_shout',
  markOfTheWild: 'mark_of_the_wild',
  skyfury: 'skyfury',
  mysticTouch: 'mystic_touch',
  chaosBrand: 'chaos_brand',
  huntersMark: 'hunters_mark',
};

/** Every buff on: what optimal_raid=1 gives, and what a config without `raidBuffs` gets. */
export function defaultRaidBuffs(): RaidBuffs {
  return {
    battleShout: true,
    markOfTheWild: true,
    skyfury: true,
    mysticTouch: true,
    chaosBrand: true,
    huntersMark: true,
  };
}

/** Every raid buff and debuff off (a player alone, or a test isolating a mechanic). */
export function noRaidBuffs(): RaidBuffs {
  return Object.fromEntries(RAID_BUFF_KEYS.map((k) => [k, false])) as unknown as RaidBuffs;
}

/** 6673 Battle Shout, effect #2: ranged attack power +5 % (Modify Ranged Attack Power%; #1 is melee). */
export const BATTLE_SHOUT_AP = 0.05;
/** 1126 Mark of the Wild, effect #1: versatility +3 % (Modify Versatility%; added to the versatility percent). */
export const MARK_OF_THE_WILD_VERS = 0.03;
/**
 * 462854 Skyfury, effect #1: Modify Mastery% 2: +2 mastery points before the spec's coefficient
 * (SimulationCraft player.cpp `composite_mastery` adds it to the points). Its proc (20 % chance on white melee to strike again) is left out:
 * its proc flags are melee, and a hunter's Auto Shot is ranged.
 */
export const SKYFURY_MASTERY_POINTS = 2;
/** 113746 Mystic Touch (the debuff of monks' passive 8647), effect #1: damage taken +5 %, school mask 0x1 (physical). */
export const MYSTIC_TOUCH_PHYSICAL = 0.05;
/** 1490 Chaos Brand, effect #1: damage taken +3 %, school mask 0x7e (every magic school). */
export const CHAOS_BRAND_MAGIC = 0.03;
