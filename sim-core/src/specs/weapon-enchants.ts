/**
 * The War Within's weapon enchants (config `gear.weaponEnchant`): what each does at each rank, as
 * SimulationCraft 11.2 models it; the engine is engine/item-effects.ts.
 */
import { aura } from './common.ts';

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
