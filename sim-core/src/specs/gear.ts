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
    astralAntennaItemLevel: 0,
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

/** The item levels a config's items may have (the budget tables'). */
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

export const ANTENNA_BUFF = aura({
  id: 1239641,
  key: 'astral_antenna',
  name: 'Astral Antenna',
  description:
    'Critical strike rating increased per stack; each stack lasts 10 sec (Astral Antenna trinket).',
  durationMs: ANTENNA_STACK_MS,
  maxStacks: ANTENNA_MAX_STACKS,
});

/** rand_prop_points.inc `p_epic[0]` at item levels 580, 581, …, 800 (the budget of a stat an item's level scales). */
export const EPIC_BUDGET: readonly number[] = [
  4163.90332, 4202.88135, 4242.22461, 4281.93604, 4322.01953, 4362.47803, 4403.31494, 4444.53467, 4486.13965,
  4528.13477, 4570.52246, 4613.30713, 4656.49219, 4700.08203, 4744.0791, 4788.48877, 4833.31396, 4878.55859,
  4924.22656, 4970.32227, 5016.84961, 5063.8125, 5111.21484, 5159.06104, 5207.35498, 5256.10107, 5305.30322,
  5354.96631, 5405.09424, 5455.69141, 5506.76221, 5558.31104, 5610.34229, 5662.86084, 5715.87061, 5769.37695,
  5823.38428, 5877.89697, 5932.91992, 5988.45801, 6044.51611, 6101.09863, 6158.21094, 6215.8584, 6274.04492,
  6332.77637, 6392.05762, 6451.89355, 6512.28955, 6573.25146, 6634.78369, 6696.8916, 6759.58154, 6822.85791,
  6886.72656, 6951.19336, 7016.26367, 7081.94287, 7148.23682, 7215.15186, 7282.69287, 7350.86621, 7419.67773,
  7489.1333, 7559.23877, 7630.00098, 7701.42578, 7773.51855, 7846.28662, 7919.73584, 7993.87256, 8068.70312,
  8144.23438, 8220.47266, 8297.4248, 8375.09668, 8453.49609, 8532.62891, 8612.50293, 8693.125, 8774.50098,
  8856.63965, 8939.54688, 9023.22949, 9107.69629, 9192.95312, 9279.00879, 9365.86914, 9453.54297, 9542.03809,
  9631.36133, 9721.52051, 9812.52344, 9904.37891, 9997.09375, 10090.67676, 10185.13574, 10280.47852,
  10376.71387, 10473.85059, 10571.89648, 10670.85938, 10770.75, 10871.5752, 10973.34375, 11076.06543,
  11179.74805, 11284.40234, 11390.03516, 11496.65723, 11604.27832, 11712.90527, 11822.5498, 11933.2207,
  12044.92773, 12157.68066, 12271.48926, 12386.3623, 12502.31152, 12619.3457, 12737.47461, 12856.71094,
  12977.06348, 13098.54102, 13221.15625, 13344.91992, 13469.8418, 13595.93262, 13723.2041, 13851.66699,
  13981.33301, 14112.21191, 14244.31641, 14377.6582, 14512.24707, 14648.09668, 14785.2168, 14923.62207,
  15063.32227, 15204.33008, 15346.65723, 15490.31738, 15635.32227, 15781.68457, 15929.41699, 16078.5332,
  16229.04395, 16380.96387, 16534.30664, 16689.08398, 16845.31055, 17003, 17162.16406, 17322.82031,
  17484.97852, 17648.65625, 17813.86523, 17980.62109, 18148.9375, 18318.83008, 18490.3125, 18663.40039,
  18838.10938, 19014.45312, 19192.44727, 19372.10742, 19553.44922, 19736.49023, 19921.24219, 20107.72656,
  20295.95508, 20485.94531, 20677.71484, 20871.2793, 21066.6543, 21263.85938, 21462.91016, 21663.82422,
  21866.62109, 22071.31445, 22277.92383, 22486.4668, 22696.96289, 22909.42969, 23123.88477, 23340.34766,
  23558.83594, 23779.37109, 24001.9707, 24226.65234, 24453.43945, 24682.34766, 24913.39844, 25146.61328,
  25382.01172, 25619.61133, 25859.4375, 26101.50781, 26345.84375, 26592.4668, 26841.40039, 27092.66211,
  27346.27734, 27602.26562, 27860.65039, 28121.45508, 28384.69922, 28650.4082, 28918.60547, 29189.3125,
  29462.55469, 29738.35352, 30016.73438, 30297.7207, 30581.33789, 30867.60938, 31156.5625, 31448.21875,
  31742.60547, 32039.74805, 32339.67188,
];

/** sc_scale_data.inc `combat_ratings_mult_by_ilvl`, trinkets, at item levels 580, 581, …, 800. */
export const TRINKET_RATING_MULTIPLIER: readonly number[] = [
  0.50890474, 0.507297314, 0.505675932, 0.504040992, 0.502392883, 0.500731991, 0.499058695, 0.497373368,
  0.495676376, 0.493968082, 0.49224884, 0.490519, 0.488778908, 0.487028902, 0.485269316, 0.483500477,
  0.481722709, 0.47993633, 0.478141652, 0.476338983, 0.474528625, 0.472710876, 0.470886029, 0.469054371,
  0.467216187, 0.465371754, 0.463521348, 0.461665236, 0.459803684, 0.457936953, 0.456065299, 0.454188974,
  0.452308225, 0.450423295, 0.448534425, 0.446641849, 0.444745799, 0.442846501, 0.44094418, 0.439039054,
  0.437131339, 0.435221247, 0.433308986, 0.431394761, 0.429478772, 0.427561218, 0.425642291, 0.423722183,
  0.421801079, 0.419879165, 0.417956619, 0.41603362, 0.41411034, 0.412186951, 0.410263619, 0.40834051,
  0.406417785, 0.404495601, 0.402574114, 0.400653477, 0.398733839, 0.396815347, 0.394898144, 0.392982372,
  0.391068169, 0.389155671, 0.38724501, 0.385336318, 0.383429722, 0.381525346, 0.379623315, 0.377723749,
  0.375826764, 0.373932478, 0.372041002, 0.370152448, 0.368266923, 0.366384536, 0.364505389, 0.362629583,
  0.36075722, 0.358888396, 0.357023207, 0.355161746, 0.353304104, 0.351450371, 0.349600633, 0.347754977,
  0.345913485, 0.34407624, 0.34224332, 0.340414803, 0.338590766, 0.336771283, 0.334956426, 0.333146265,
  0.33134087, 0.329540309, 0.327744646, 0.325953945, 0.32416827, 0.322387681, 0.320612236, 0.318841995,
  0.317077013, 0.315317344, 0.313563043, 0.31181416, 0.310070746, 0.308332851, 0.306600522, 0.304873804,
  0.303152743, 0.301437383, 0.299727766, 0.298023932, 0.296325922, 0.294633775, 0.292947526, 0.291267213,
  0.289592871, 0.287924533, 0.286262232, 0.284605999, 0.282955865, 0.28131186, 0.27967401, 0.278042345,
  0.276416889, 0.274797668, 0.273184706, 0.271578027, 0.269977652, 0.268383603, 0.2667959, 0.265214563,
  0.263639609, 0.262071057, 0.260508924, 0.258953224, 0.257403974, 0.255861187, 0.254324877, 0.252795056,
  0.251271736, 0.249754928, 0.248244643, 0.246740889, 0.245243676, 0.243753011, 0.242268902, 0.240791356,
  0.239320378, 0.237855974, 0.236398148, 0.234946904, 0.233502246, 0.232064175, 0.230632695, 0.229207807,
  0.227789511, 0.226377808, 0.224972697, 0.223574178, 0.22218225, 0.220796909, 0.219418155, 0.218045983,
  0.21668039, 0.215321373, 0.213968926, 0.212623046, 0.211283725, 0.209950959, 0.208624741, 0.207305064,
  0.205991921, 0.204685304, 0.203385206, 0.202091617, 0.200804529, 0.199523932, 0.198249817, 0.196982173,
  0.19572099, 0.194466258, 0.193217965, 0.1919761, 0.190740651, 0.189511605, 0.18828895, 0.187072673,
  0.185862762, 0.184659202, 0.18346198, 0.182271082, 0.181086494, 0.179908201, 0.178736187, 0.178736187,
  0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187,
  0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187,
  0.178736187, 0.178736187, 0.178736187, 0.178736187, 0.178736187,
];

/** A trinket's secondary rating at `ilevel` for a coefficient (scaling class −7 with the item's level), or null outside the tables. */
export function trinketRating(coefficient: number, ilevel: number): number | null {
  const i = ilevel - DAMAGE_BUDGET_FROM_ILEVEL;
  return Number.isInteger(i) && i >= 0 && i < EPIC_BUDGET.length
    ? coefficient * EPIC_BUDGET[i]! * TRINKET_RATING_MULTIPLIER[i]!
    : null;
}
