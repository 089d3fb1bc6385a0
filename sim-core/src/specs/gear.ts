/**
 * Effects of the items a character wears that are not stats (a SimulationCraft profile's meta gem,
 * embellishments and cloak): the data the engine reads (engine/item-effects.ts), the config's
 * defaults, and how a profile's item lines name them (profile/gear-lines.ts).
 *
 * Sources. The War Within 11.2.0.63003: SimulationCraft at ab018d1176 ("Game data update (Build
 * 63003)"): engine/player/unique_gear_thewarwithin.cpp (how SimC uses each effect),
 * engine/dbc/generated/rand_prop_points.inc, gem_data.inc, spell_item_enchantment.inc,
 * item_bonus.inc, real_ppm_data.inc (same build). Spell effect values: SpellDataDump/nonclass.txt of
 * 11.1.0.59679 for spells older than 11.2 (435500, 457665), and of 12.0.1.66102 for the 11.2 spells
 * (12xxxxx), whose coefficients did not change between those builds where both hold them; a
 * retune after 63003 cannot be ruled out for those (docs/specs.md § Items).
 */
import type { Gear } from '../types.ts';
import { aura, RADIANT_POWER } from './common.ts';

/** No item effect: what a config without `gear` gets (its figures are those of before the field). */
export function noGear(): Gear {
  return {
    weaponEnchant: 'none',
    blasphemiteColours: 0,
    dawnthreadLinings: 0,
    reshiiWrapsItemLevel: 0,
    reshiiGrace: false,
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

/** The first item level of RESHII_DAMAGE_BUDGET. */
export const DAMAGE_BUDGET_FROM_ILEVEL = 580;
/** rand_prop_points.inc `damage_secondary` at item levels 580, 581, …, 800 (the budget of scaling class −9). */
export const DAMAGE_SECONDARY_BUDGET: readonly number[] = [
  6194.93164, 6212.27246, 6229.66162, 6247.09912, 6264.58594, 6282.12109, 6299.70605, 6317.33984, 6335.02295,
  6352.75537, 6370.53809, 6388.37012, 6406.25195, 6424.18408, 6442.16602, 6460.19873, 6478.28174, 6496.41553,
  6514.6001, 6532.83545, 6551.12158, 6569.45947, 6587.84814, 6606.28857, 6624.78076, 6643.32422, 6661.91992,
  6680.56787, 6699.26758, 6718.02002, 6736.82471, 6755.68213, 6774.59229, 6793.55518, 6812.57129, 6831.64062,
  6850.76367, 6869.93994, 6889.16992, 6908.45361, 6927.7915, 6947.18359, 6966.62939, 6986.13037, 7005.68555,
  7025.29541, 7044.96045, 7064.68018, 7084.45508, 7104.28564, 7124.17139, 7144.11328, 7164.11084, 7184.16406,
  7204.27344, 7224.43945, 7313.99707, 7425.22021, 7537.88477, 7652.0083, 7767.60742, 7884.70068, 8003.30566,
  8123.43994, 8245.12207, 8368.37012, 8493.2041, 8619.64062, 8747.70117, 8877.40332, 9008.76758, 9141.81348,
  9276.56055, 9413.0293, 9551.23926, 9691.21289, 9832.9707, 9976.53223, 10121.91992, 10269.15625, 10418.26074,
  10569.25781, 10722.16895, 10877.0166, 11033.82422, 11192.61328, 11353.40918, 11516.23438, 11681.11328,
  11848.07031, 12017.12891, 12188.31445, 12361.65234, 12537.16699, 12714.88477, 12894.83105, 13077.03125,
  13261.51367, 13448.30371, 13637.42871, 13828.91602, 14022.79395, 14219.08887, 14417.83105, 14619.04688,
  14822.76758, 15029.02148, 15237.83691, 15449.24512, 15663.27637, 15879.96094, 16099.3291, 16321.41309,
  16546.24414, 16773.85352, 17004.27539, 17237.54102, 17473.68555, 17712.73828, 17954.73633, 18199.71289,
  18447.70117, 18698.73828, 18952.85938, 19210.09961, 19470.49609, 19734.08203, 20000.89844, 20270.98047,
  20544.36523, 20821.09375, 21101.20117, 21384.72852, 21671.7168, 21962.20312, 22256.22852, 22553.83398,
  22855.06055, 23159.95117, 23468.54688, 23780.89062, 24097.02734, 24416.99609, 24740.8457, 25068.61719,
  25400.35938, 25736.11328, 26075.92969, 26419.85156, 26767.92773, 27120.20508, 27476.73242, 27837.55859,
  28202.73047, 28572.30273, 28946.32031, 29324.83789, 29707.9043, 30095.57422, 30487.89844, 30884.92969,
  31286.72266, 31693.33203, 32104.8125, 32521.2207, 32942.60938, 33369.03906, 33800.56641, 34237.24609,
  34679.14062, 35126.30859, 35578.80859, 36036.70312, 36500.05078, 36968.91797, 37443.36328, 37923.45312,
  38409.25, 38900.81641, 39398.22266, 39901.53125, 40410.8125, 40926.12891, 41447.55469, 41975.15234, 42509,
  43049.16016, 43595.71094, 44148.72266, 44708.26562, 45274.41797, 45847.25, 46426.83984, 47013.26562,
  47606.59766, 48206.92188, 48814.3125, 49428.84766, 50050.61328, 50190.71484, 50331.20703, 50472.08984,
  50613.36719, 50755.04297, 50897.11328, 51039.58203, 51182.44922, 51325.71875, 51469.38672, 51613.45703,
  51757.92969, 51902.80859, 52048.09375, 52193.78125, 52339.87891, 52486.38672, 52633.30469, 52780.63281,
  52928.375, 53076.52734, 53225.09766,
];

/** The damage budget (scaling class −9) of item level `ilevel`, or null outside the table. */
export function damageSecondaryBudget(ilevel: number): number | null {
  const i = ilevel - DAMAGE_BUDGET_FROM_ILEVEL;
  return Number.isInteger(i) && i >= 0 && i < DAMAGE_SECONDARY_BUDGET.length
    ? DAMAGE_SECONDARY_BUDGET[i]!
    : null;
}

/** The item levels a config's Reshii Wraps may have (the budget table's). */
export const GEAR_ITEM_LEVELS = {
  min: DAMAGE_BUDGET_FROM_ILEVEL,
  max: DAMAGE_BUDGET_FROM_ILEVEL + 220,
} as const;

// ---- Weapon enchants (The War Within) -----------------------------------------------------------

/**
 * What a weapon enchant does, per rank (1–3), at level 80 (none of their drivers scales with the
 * weapon's item level: SimC `average(player)`, coefficient × the level-80 scaling, × 1.5 for a
 * secondary rating). Sources: spell_item_enchantment.inc (enchant ids), real_ppm_data.inc (haste
 * modifiers), unique_gear_thewarwithin.cpp (SimC's models, named beside each), nonclass.txt
 * (11.1.0.59679 and 12.0.1.66102 agree on every field used).
 */
export type WeaponEnchantModel =
  /**
   * A damage proc on the player's hits (Auto Shot and periodic damage included), on the target
   * hit (`split`: split between every target, SimC `split_aoe_damage`), with a primary-stat buff
   * (`agility` for `buffMs`) or none.
   */
  | {
      kind: 'damage';
      rppm: number;
      hasted: boolean;
      damage: readonly number[];
      school: 'holy' | 'nature';
      split: boolean;
      agility: readonly number[];
      buffMs: number;
      buff: string | null;
    }
  /** A rating buff rolled on SimC's heartbeat (every 5.25 s in combat), not on hits. */
  | {
      kind: 'rating';
      rppm: number;
      stat: 'crit' | 'haste' | 'mastery' | 'versatility';
      rating: readonly number[];
      buffMs: number;
      buff: string;
    }
  /** Nothing a damage sim sees (an absorb on damage taken, a heal): SimC models none. */
  | { kind: 'none' };

export interface WeaponEnchant {
  name: string;
  /** Enchant ids of ranks 1, 2, 3 (a profile's `enchant_id=`). */
  ids: readonly [number, number, number];
  model: WeaponEnchantModel;
}

/** Secondary-stat enchants: driver #1 0.476194 / 0.578957 / 0.680775 × 3 828.969615 × 1.5. */
const STAT_ENCHANT_RATING = [2735, 3325, 3910] as const;
/** Their buffs' duration (449091, 449100, 449108, 449115: 12 s) and Real PPM (449088, 449099, 449111, 449116: 2, no haste modifier). */
const STAT_ENCHANT_MS = 12_000;
const STAT_ENCHANT_RPPM = 2;

/** SimC's heartbeat (sim.cpp, player.cpp): the first at uniform 1..5249 ms, then every Gauss(5250 ms, 25 ms). */
export const HEARTBEAT_MS = 5250;
export const HEARTBEAT_STDDEV_MS = 25;

/** By SimC's token (`enchant=NAME_RANK` takes NAME, the rank apart). */
export const WEAPON_ENCHANTS: Readonly<Record<string, WeaponEnchant>> = {
  authority_of_radiant_power: {
    name: 'Authority of Radiant Power',
    ids: [7461, 7462, 7463],
    // drivers 448710 / 448714 / 448716: #1 (class −8) 66.6403 / 80.9204 / 95.2005 × 2 557.760973
    // Holyfire damage (448744, on the target hit, can crit); #2 (class −1) 0.40742 / 0.494911 /
    // 0.582402 × 3 828.969615 agility for 15 s (448730); Real PPM 1.5 (448623, no haste modifier).
    // SimC `authority_of_radiant_power`.
    model: {
      kind: 'damage',
      rppm: 1.5,
      hasted: false,
      damage: [170_450, 206_975, 243_500],
      school: 'holy',
      split: false,
      agility: [1560, 1895, 2230],
      buffMs: 15_000,
      buff: 'radiant_power',
    },
  },
  authority_of_storms: {
    name: 'Authority of Storms',
    ids: [7455, 7456, 7457],
    // drivers 449018 / 449019 / 449020: #1 (class −8) 79.8294 / 96.9357 / 114.042 × 2 557.760973
    // Nature damage (449024) split between the targets within 10 yards; Real PPM 2, hasted (449022).
    // SimC `authority_of_storms` (its 12 s buff 449023 is left out, as the game deals plain procs).
    model: {
      kind: 'damage',
      rppm: 2,
      hasted: true,
      damage: [204_184, 247_938, 291_692],
      school: 'nature',
      split: true,
      agility: [0, 0, 0],
      buffMs: 0,
      buff: null,
    },
  },
  councils_guile: {
    name: "Council's Guile",
    ids: [7437, 7438, 7439],
    model: {
      kind: 'rating',
      rppm: STAT_ENCHANT_RPPM,
      stat: 'crit',
      rating: STAT_ENCHANT_RATING,
      buffMs: STAT_ENCHANT_MS,
      buff: 'keen_prowess',
    },
  },
  stormriders_fury: {
    name: "Stormrider's Fury",
    ids: [7440, 7441, 7442],
    model: {
      kind: 'rating',
      rppm: STAT_ENCHANT_RPPM,
      stat: 'haste',
      rating: STAT_ENCHANT_RATING,
      buffMs: STAT_ENCHANT_MS,
      buff: 'storms_fury',
    },
  },
  stonebound_artistry: {
    name: 'Stonebound Artistry',
    ids: [7443, 7444, 7445],
    model: {
      kind: 'rating',
      rppm: STAT_ENCHANT_RPPM,
      stat: 'mastery',
      rating: STAT_ENCHANT_RATING,
      buffMs: STAT_ENCHANT_MS,
      buff: 'artisanal_flourish',
    },
  },
  oathsworns_tenacity: {
    name: "Oathsworn's Tenacity",
    ids: [7446, 7447, 7448],
    model: {
      kind: 'rating',
      rppm: STAT_ENCHANT_RPPM,
      stat: 'versatility',
      rating: STAT_ENCHANT_RATING,
      buffMs: STAT_ENCHANT_MS,
      buff: 'forged_tenacity',
    },
  },
  // absorbs damage taken (448830..448832) / heals (449211..449213): SimC models neither
  authority_of_air: { name: 'Authority of Air', ids: [7449, 7450, 7451], model: { kind: 'none' } },
  authority_of_fiery_resolve: {
    name: 'Authority of Fiery Resolve',
    ids: [7452, 7453, 7454],
    model: { kind: 'none' },
  },
};

/**
 * Enchants a profile may name that are not modelled, by token: their enchant ids, so the line says
 * which one it is. Authority of the Depths (449221..449223): a stacking shadow dot (449217).
 */
export const UNMODELLED_WEAPON_ENCHANTS: Readonly<Record<string, { name: string; ids: readonly number[] }>> =
  {
    authority_of_the_depths: { name: 'Authority of the Depths', ids: [7458, 7459, 7460] },
  };

/** `NAME_RANK` → the enchant and its rank (1..3), or null. */
export function weaponEnchant(value: string): { enchant: WeaponEnchant; rank: 1 | 2 | 3 } | null {
  const m = /^([a-z_]+)_([123])$/.exec(value);
  const enchant = m ? WEAPON_ENCHANTS[m[1]!] : undefined;
  return enchant && Object.hasOwn(WEAPON_ENCHANTS, m![1]!)
    ? { enchant, rank: Number(m![2]) as 1 | 2 | 3 }
    : null;
}

/** Every config value of `gear.weaponEnchant` but 'none': each enchant at each rank. */
export const WEAPON_ENCHANT_VALUES: readonly string[] = Object.keys(WEAPON_ENCHANTS).flatMap((k) =>
  [1, 2, 3].map((r) => `${k}_${r}`),
);

/** The token and rank of an enchant id (a profile's `enchant_id=`), modelled or not, or null. */
export function weaponEnchantById(id: number): { token: string; rank: 1 | 2 | 3; modelled: boolean } | null {
  for (const [token, e] of Object.entries(WEAPON_ENCHANTS)) {
    const i = e.ids.indexOf(id);
    if (i >= 0) return { token, rank: (i + 1) as 1 | 2 | 3, modelled: true };
  }
  for (const [token, e] of Object.entries(UNMODELLED_WEAPON_ENCHANTS)) {
    const i = e.ids.indexOf(id);
    if (i >= 0) return { token, rank: (i + 1) as 1 | 2 | 3, modelled: false };
  }
  return null;
}

/** The weapon enchant of the default configs (the talent-like option it replaced: Radiant Power, rank 3). */
export const DEFAULT_WEAPON_ENCHANT = 'authority_of_radiant_power_3';

/** The secondary-stat enchants' buffs (12 s: STAT_ENCHANT_MS). */
export const WEAPON_ENCHANT_BUFFS = [
  aura({
    id: 449091,
    key: 'keen_prowess',
    name: 'Keen Prowess',
    description: "Critical strike rating increased (Council's Guile weapon enchant).",
    durationMs: STAT_ENCHANT_MS,
  }),
  aura({
    id: 449100,
    key: 'storms_fury',
    name: "Storm's Fury",
    description: "Haste rating increased (Stormrider's Fury weapon enchant).",
    durationMs: STAT_ENCHANT_MS,
  }),
  aura({
    id: 449108,
    key: 'artisanal_flourish',
    name: 'Artisanal Flourish',
    description: 'Mastery rating increased (Stonebound Artistry weapon enchant).',
    durationMs: STAT_ENCHANT_MS,
  }),
  aura({
    id: 449115,
    key: 'forged_tenacity',
    name: 'Forged Tenacity',
    description: "Versatility rating increased (Oathsworn's Tenacity weapon enchant).",
    durationMs: STAT_ENCHANT_MS,
  }),
];

/** Authority of Storms' damage source (Radiant Power's is each spec's `radiant_power`). */
export const STORMS_SOURCE = {
  key: 'authority_of_storms',
  name: 'Authority of Storms',
  school: 'nature',
} as const;

/** The items' and enchants' damage sources: procs, not class abilities, so their hits trigger no proc. */
export const ITEM_PROC_SOURCES: ReadonlySet<string> = new Set([
  RADIANT_POWER.key,
  RESHII_SOURCE.key,
  STORMS_SOURCE.key,
]);
