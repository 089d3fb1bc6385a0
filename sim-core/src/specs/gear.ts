/**
 * Effects of the items a character wears that are not stats (a SimulationCraft profile's meta gem,
 * embellishments, cloak and trinket): the data the engine reads (engine/item-effects.ts), the
 * config's defaults, and how a profile's item lines name them (profile/gear-lines.ts). The weapon
 * enchants are ./weapon-enchants.ts, the item-level tables ./item-levels.ts.
 *
 * Sources. The War Within 11.2.0.63003: SimulationCraft at ab018d1176 ("Game data update (Build
 * 63003)"): engine/player/unique_gear_thewarwithin.cpp (how SimC uses each effect),
 * engine/dbc/generated/rand_prop_points.inc, gem_data.inc, spell_item_enchantment.inc,
 * item_bonus.inc, real_ppm_data.inc (same build). Spell effect values: SpellDataDump/nonclass.txt of
 * 11.1.0.59679 for spells older than 11.2 (435500, 457665), and of 12.0.1.66102 for the 11.2 spells
 * (12xxxxx), which no stored 11.x dump holds. Where both hold a spell they mostly agree (443541 #1:
 * 0.1942 in both), but a damage coefficient can differ (443541 #2: 2.4276 in 11.1, 3.495801 in
 * 12.0.1), so these items' damage may be 12.0's (docs/specs.md § Items).
 */
import type { Gear } from '../types.ts';
import { action, aura, RADIANT_POWER } from './common.ts';
import { STORMS_SOURCE } from './weapon-enchants.ts';

/** No item effect: what a config without `gear` gets (its figures are those of before the field). */
export function noGear(): Gear {
  return {
    weaponEnchant: 'none',
    blasphemiteColours: 0,
    dawnthreadLinings: 0,
    reshiiWrapsItemLevel: 0,
    reshiiGrace: false,
    astralAntennaItemLevel: 0,
    netherprismItemLevel: 0,
  };
}

// ---- Culminating Blasphemite (meta gem 213743) ----------------------------------------------------

/** The meta gem's item id. */
export const CULMINATING_BLASPHEMITE_GEM = 213743;
/**
 * 435500 Culminating Blasphemite, effect #1 (0.15, a percent): critical effect +0.15 % per distinct
 * Algari gem colour socketed (SimC `culminating_blasphemite`: base.crit_damage_multiplier ×
 * (1 + 0.0015 × colours), the whole crit multiplier: 2 → 2.012 with 4 colours). The hunter's only,
 * not the pets' (actors of their own in SimC).
 */
export const BLASPHEMITE_CRIT_PER_COLOUR = 0.0015;
/** The colours SimC counts (`unique_gem_list`: gem_properties desc_id Ruby, Amber, Emerald, Sapphire, Onyx; not Citrine). */
export const GEM_COLOURS = ['ruby', 'amber', 'emerald', 'sapphire', 'onyx'] as const;
export const MAX_GEM_COLOURS = GEM_COLOURS.length;

/**
 * The Algari gems by item id (three quality ranks each: gem_data.inc, the gem's desc_id): first
 * and last id of each name, per colour. Meta gems (213741–213743) and Fibers (238037–238046) have
 * no colour.
 */
const GEM_RANGES: Readonly<Record<(typeof GEM_COLOURS)[number], ReadonlyArray<readonly [number, number]>>> = {
  ruby: [[213453, 213464]], // Quick, Masterful, Versatile, Deadly Ruby
  sapphire: [[213465, 213476]], // Deadly, Quick, Masterful, Versatile Sapphire
  emerald: [[213477, 213488]], // Deadly, Masterful, Versatile, Quick Emerald
  onyx: [[213489, 213500]], // Deadly, Quick, Versatile, Masterful Onyx
  amber: [
    [213501, 213512],
    [213515, 213517],
  ], // Deadly, Quick, Masterful, Versatile, Solid Amber
};

/** The colour of an Algari gem item id, or null (another gem, a meta gem, a fiber). */
export function gemColour(id: number): (typeof GEM_COLOURS)[number] | null {
  for (const c of GEM_COLOURS) if (GEM_RANGES[c].some(([a, b]) => id >= a && id <= b)) return c;
  return null;
}

// ---- Dawnthread Lining (embellishment) ------------------------------------------------------------

/** The item bonus that adds Dawnthread Lining to a crafted item (item_bonus.inc 11303: item effect 187453 → 457665). */
export const DAWNTHREAD_LINING_BONUS = 11303;
export const MAX_DAWNTHREAD_LININGS = 2;
/**
 * 457665 Dawnthread Lining, effect #1: 0.131628 (scaling class −7, no item-level scaling) × 3 828.969615
 * (the level-80 "Item" spell scaling) × 1.5 (the rating multiplier SimC applies to player-level
 * ratings) = 755.9994 critical strike rating per lining, both linings in one buff (457666).
 */
export const DAWNTHREAD_CRIT_RATING = 0.131628 * 3828.969615 * 1.5;
/**
 * SimC's model of standing above 80 % health (player.hpp thewarwithin options): the buff is up
 * before the pull, then every Gauss(10 s, 2.5 s) (truncated at 0) it is up with chance 0.7 and
 * down otherwise (`dawn_dusk_thread_lining_uptime`, `_update_interval`, `_update_interval_stddev`).
 */
export const DAWNTHREAD_UPTIME = 0.7;
export const DAWNTHREAD_INTERVAL_MS = 10_000;
export const DAWNTHREAD_INTERVAL_STDDEV_MS = 2_500;

export const DAWNTHREAD_BUFF = aura({
  id: 457666,
  key: 'dawnthread_lining',
  name: 'Dawnthread Lining',
  description: 'Critical strike rating increased while above 80 % health (Dawnthread Lining embellishment).',
  durationMs: 0, // no duration of its own: up until the next check finds the player below 80 %
});

// ---- Reshii Wraps (cloak 235499): Ethereal Reaping ------------------------------------------------

export const RESHII_WRAPS_ITEM = 235499;
/** The item bonus that gives boots Reshii Grace (item_bonus.inc 13504: item effect 215872 → 1235409). */
export const RESHII_GRACE_BONUS = 13504;
/**
 * 1217101 Ethereal Reaping (the damage dealers' driver): Real PPM 2, hasted; +50 % with Reshii Grace
 * 1235409 (real_ppm_data.inc: 1217101's modifier for that aura, +0.5); internal cooldown 100 ms;
 * triggers from the class abilities' hits, Auto Shot and periodic damage included.
 */
export const RESHII_RPPM = 2;
export const RESHII_GRACE_RPPM_BONUS = 0.5;
export const RESHII_ICD_MS = 100;
/**
 * 1217091 Ethereal Energy, effect #1: 58.56765 × the item level's damage budget
 * (RESHII_DAMAGE_BUDGET, scaling class −9) arcane damage, split between the targets within 8 yards
 * of the one hit (1223417); effect #4, #5: × 1.2 on a target at or below 35 % health.
 */
export const RESHII_DAMAGE_COEFFICIENT = 58.56765;
export const RESHII_EXECUTE_PCT = 35;
export const RESHII_EXECUTE_BONUS = 0.2;
/** 1223419 Ethereal Reaping (the missile): Velocity 35 yards/sec. */
export const RESHII_MISSILE_SPEED = 35;

export const RESHII_SOURCE = {
  key: 'ethereal_reaping',
  name: 'Ethereal Reaping (Reshii Wraps)',
  school: 'arcane',
} as const;

// ---- Astral Antenna (trinket 242395) --------------------------------------------------------------

export const ASTRAL_ANTENNA_ITEM = 242395;
/**
 * 1234714 Astral Antenna (the driver): Real PPM 2.5, no haste modifier, rolled on SimC's heartbeat
 * and on each of the player's casts (proc flags Heartbeat, Cast Successful); #1: 1.466488 × the
 * item level's budget × the trinket rating multiplier critical strike rating per stack (scaling
 * class −7 with the item's level: 5 851 at 723). A proc brings an orb (1239640, up to 10), picked up
 * after Gauss(5 s, 1 s) clamped to 0.5..19.999 s (SimC `astral_antenna`, no miss:
 * `thewarwithin.astral_antenna_miss_chance` 0): one more stack of 1239641 (10 s each, up to 10,
 * each stack its own duration; at 10 a new one replaces the oldest).
 */
export const ANTENNA_RPPM = 2.5;
export const ANTENNA_CRIT_COEFFICIENT = 1.466488;
export const ANTENNA_STACK_MS = 10_000;
export const ANTENNA_MAX_STACKS = 10;
export const ANTENNA_PICKUP_MS = 5_000;
export const ANTENNA_PICKUP_STDDEV_MS = 1_000;
export const ANTENNA_PICKUP_MIN_MS = 500;
export const ANTENNA_PICKUP_MAX_MS = 19_999;
/**
 * 1239640 Astral Antenna (the orb): 20 s, 10 stacks, each its own (SimC: asynchronous). SimC's stack
 * callback schedules a pickup whenever the orbs change to a count above 0, on a decrement too: a
 * pickup that leaves orbs behind schedules one more pickup (while the others have their own), so
 * overlapping orbs give extra stacks; a pickup with no orb left still gives its stack.
 */
export const ANTENNA_ORB_MS = 20_000;
export const ANTENNA_MAX_ORBS = 10;

// ---- Unyielding Netherprism (trinket 242396) ------------------------------------------------------

export const NETHERPRISM_ITEM = 242396;
/**
 * 1233553 Unyielding Netherprism (the equip driver): proc chance 101 %, internal cooldown 10 s, no
 * Real PPM; proc flags Yellow Melee, Yellow Ranged, Generic and Magic Hostile Spell (the player's
 * abilities' hits: not Auto Shot, not periodic damage). #1: 19.3357 × the item level's damage budget
 * (scaling class −9) cosmic damage (1239674: every enemy within 6 yards of the target), split
 * between the targets hit, + 30 % per target beyond the first (#3) up to 5 of them (#4), × 1 for a
 * damage dealer (SimC role_mult); #2: 0.233531 × the item level's budget (scaling class −1, no
 * rating multiplier) agility per Latent Energy stack. Each proc adds a stack of 1239675 Latent
 * Energy (no duration, up to 18). SimC `unyielding_netherprism` (generic_aoe_proc_t with
 * split_aoe_damage and max_scaling_targets 5; the stack on every proc).
 */
export const NETHERPRISM_ICD_MS = 10_000;
export const NETHERPRISM_DAMAGE_COEFFICIENT = 19.3357;
export const NETHERPRISM_AGILITY_COEFFICIENT = 0.233531;
export const NETHERPRISM_TARGET_BONUS = 0.3;
export const NETHERPRISM_BONUS_TARGETS = 5;
export const NETHERPRISM_MAX_STACKS = 18;
/**
 * 1233556 Unyielding Netherprism (the use): cooldown 20 s (category 1141), no global cooldown; all
 * Latent Energy consumed for 20 s of #2's agility per stack (SimC triggers the stat buff with as
 * many stacks; a use with none does nothing).
 */
export const NETHERPRISM_COOLDOWN_MS = 20_000;
export const NETHERPRISM_BUFF_MS = 20_000;

/** The use, an action of every spec (engine/extras.ts): SimC's `use_item,name=unyielding_netherprism`. */
export const NETHERPRISM_ACTION = action({
  id: 1233556,
  key: 'unyielding_netherprism',
  name: 'Unyielding Netherprism',
  description: 'Trinket: consume all Latent Energy for agility per stack for 20 sec.',
  school: 'cosmic',
  gcd: false,
  cooldownMs: NETHERPRISM_COOLDOWN_MS,
});
export const NETHERPRISM_SOURCE = {
  key: 'unyielding_netherprism',
  name: 'Unyielding Netherprism',
  school: 'cosmic',
} as const;
export const LATENT_ENERGY_BUFF = aura({
  id: 1239675,
  key: 'latent_energy',
  name: 'Latent Energy',
  description: 'Unyielding Netherprism accumulates agility for its next use.',
  durationMs: 0,
  maxStacks: NETHERPRISM_MAX_STACKS,
});
export const NETHERPRISM_BUFF = aura({
  id: 1233556,
  key: 'unyielding_netherprism',
  name: 'Unyielding Netherprism',
  description: 'Agility increased per Latent Energy consumed.',
  durationMs: NETHERPRISM_BUFF_MS,
  maxStacks: NETHERPRISM_MAX_STACKS,
});

/** The items' and enchants' damage sources: procs, not class abilities, so their hits trigger no proc. */
export const ITEM_PROC_SOURCES: ReadonlySet<string> = new Set([
  RADIANT_POWER.key,
  RESHII_SOURCE.key,
  STORMS_SOURCE.key,
  NETHERPRISM_SOURCE.key,
]);

// ---- The items a rotation can name ----------------------------------------------------------------

/**
 * The on-use items the rotation can use, by SimulationCraft's name (the action's name): what
 * `use_item,name=NAME` and `use_items` use, with what SimC's `this_trinket.has_use_buff` /
 * `has_use_damage` read for it (unyielding_netherprism: SimC `has_use_buff_override`).
 */
export const ON_USE_ITEMS: Readonly<Record<string, { hasUseBuff: number; hasUseDamage: number }>> = {
  [NETHERPRISM_ACTION.key]: { hasUseBuff: 1, hasUseDamage: 0 },
};

/** SimulationCraft's names of the items whose effects are modelled (`equipped.NAME`), and whether `gear` wears each. */
const WORN: Readonly<Record<string, (gear: Gear) => boolean>> = {
  reshii_wraps: (g) => g.reshiiWrapsItemLevel > 0,
  astral_antenna: (g) => g.astralAntennaItemLevel > 0,
  [NETHERPRISM_ACTION.key]: (g) => g.netherprismItemLevel > 0,
};
export const EQUIPPABLE_ITEMS: readonly string[] = Object.keys(WORN);

/** Whether `gear` wears the modelled item `name` (SimulationCraft's name; `equipped.NAME`). */
export function wears(gear: Gear, name: string): boolean {
  return WORN[name]?.(gear) ?? false;
}
