import type { Consumables } from '../types.ts';
import { action, aura } from './common.ts';

/**
 * Flasks, potions, augment runes, food and weapon oils as SimulationCraft names them (`flask=`,
 * `potion=`, `augmentation=`, `food=`, `temporary_enchant=`), with SimulationCraft's
 * defaults for a level-80 hunter (profiles/TWW3/TWW3_Hunter_*.simc "Default consumables").
 *
 * Spell data: SimulationCraft's SpellDataDump/nonclass.txt, World of Warcraft 11.1.0.59679 (the
 * version of that file the research could read; hunter.txt in docs/specs.md is 11.2.0.63003).
 *
 * How SimulationCraft scales them (consumable.cpp `dbc_consumable_base_t::create_special_effect`,
 * spell_data.cpp `average`): a crafted consumable is a trinket of its own item level, so a spell that
 * scales with the item's level (attribute 354: the flasks, the potion) is coefficient × the item
 * level's budget (`rand_prop_points`, p_uncommon[0]) × the trinket rating multiplier
 * (`combat_ratings_mult_by_ilvl`); one that does not (the rune, the food) is coefficient × the
 * level-80 spell scaling (3 828.969615), × 1.5 for a secondary rating (SimC's player-level rating
 * multiplier). Rank 3 of the TWW flasks and potion is item level 610 (inferred: the three flask
 * coefficients give whole numbers there, 2 825, 3 470 and 290, and Potion Bomb of Power 453245, of
 * the same profession and season, reads "Scale from ilevel: 610"; the items' own data was not
 * readable): 5 506.7622 × 0.4560653 = CONSUMABLE_RANK3_BUDGET (SimC ab018d1176, 11.2.0.63003).
 */

/** Rank-3 flasks' and potion's budget: p_uncommon[0] × the trinket rating multiplier at item level 610. */
export const CONSUMABLE_RANK3_BUDGET = 5506.7622 * 0.4560653;

/** Secondary ratings a consumable adds, by stat. */
export interface RatingBonus {
  crit: number;
  haste: number;
  mastery: number;
  versatility: number;
}

const NO_RATING: RatingBonus = { crit: 0, haste: 0, mastery: 0, versatility: 0 };

/** 431971..431974 Flask of Tempered Aggression/Swiftness/Versatility/Mastery, effect #1 (Modify Rating): 1.124851 × the rank-3 budget (2 825.0). */
export const TEMPERED_FLASK_RATING = 1.124851 * CONSUMABLE_RANK3_BUDGET;

/**
 * 432021 Flask of Alchemical Chaos: every 30 s (#5 period) one random secondary stat + #5 and two
 * of the other three − #6 (1.381676 and 0.115471 × the rank-3 budget: 3 470.0 and 290.0).
 * Modelled as its average, the same for every stat: +#5 / 4 − 2 × #6 / 4 (ratings convert almost
 * linearly below the diminishing-return bands). Approximation: the game and SimulationCraft
 * re-roll the stats every 30 s (SimC unique_gear_thewarwithin.cpp `flask_of_alchemical_chaos`).
 */
export const ALCHEMICAL_CHAOS_UP = 1.381676 * CONSUMABLE_RANK3_BUDGET;
export const ALCHEMICAL_CHAOS_DOWN = 0.115471 * CONSUMABLE_RANK3_BUDGET;
const CHAOS_AVERAGE = ALCHEMICAL_CHAOS_UP / 4 - (2 * ALCHEMICAL_CHAOS_DOWN) / 4;

/** Flasks: their rating bonus and, for a Tempered flask, the stat it covers. */
export const FLASKS: Readonly<Record<string, { name: string; spellId: number; rating: RatingBonus }>> = {
  flask_of_alchemical_chaos_3: {
    name: 'Flask of Alchemical Chaos',
    spellId: 432021,
    rating: { crit: CHAOS_AVERAGE, haste: CHAOS_AVERAGE, mastery: CHAOS_AVERAGE, versatility: CHAOS_AVERAGE },
  },
  flask_of_tempered_aggression_3: {
    name: 'Flask of Tempered Aggression',
    spellId: 431971,
    rating: { ...NO_RATING, crit: TEMPERED_FLASK_RATING },
  },
  flask_of_tempered_swiftness_3: {
    name: 'Flask of Tempered Swiftness',
    spellId: 431972,
    rating: { ...NO_RATING, haste: TEMPERED_FLASK_RATING },
  },
  flask_of_tempered_versatility_3: {
    name: 'Flask of Tempered Versatility',
    spellId: 431973,
    rating: { ...NO_RATING, versatility: TEMPERED_FLASK_RATING },
  },
  flask_of_tempered_mastery_3: {
    name: 'Flask of Tempered Mastery',
    spellId: 431974,
    rating: { ...NO_RATING, mastery: TEMPERED_FLASK_RATING },
  },
};

/**
 * 431932 Tempered Potion: for 30 s (duration), each secondary stat whose Tempered flask is not
 * active + 1.04219 × the rank-3 budget = 2 617.4 (#1 crit, #2 haste, #3 versatility, #4 mastery);
 * cooldown 300 s.
 */
export const TEMPERED_POTION_RATING = 1.04219 * CONSUMABLE_RANK3_BUDGET;
export const TEMPERED_POTION_MS = 30_000;
export const POTION_COOLDOWN_MS = 300_000;

export const POTIONS: Readonly<Record<string, { name: string; spellId: number }>> = {
  tempered_potion_3: { name: 'Tempered Potion', spellId: 431932 },
};

/**
 * 453250 Crystallization (Crystallized Augment Rune), effect #1: primary stat +733.2477 for 1 hour
 * (Scaling Class -1: the player's level, 80 in the dump). Added to the profile's agility as it is
 * (no Mail Specialization on top, like every agility buff here).
 */
export const AUGMENT_RUNES: Readonly<Record<string, { name: string; spellId: number; agility: number }>> = {
  crystallized: { name: 'Crystallized Augment Rune', spellId: 453250, agility: 733.2477 },
};

/**
 * Food (`food=`). 457302 The Sushi Special's refreshment makes the eater Well Fed (461957): its
 * highest secondary stat + 456961 #4 (SimulationCraft unique_gear_thewarwithin.cpp
 * `selector_food( 461957, true )`: amount = 456961 #4, stat = util::highest_stat over
 * versatility, mastery, haste, crit in that order, the first of equal ones kept, picked when the
 * buff starts: after the flask and the weapon oil, before the fight).
 * 456961 #4 is Scaling Class -7 without item-level scaling: 0.081832 × 3 828.969615 × 1.5 =
 * 469.9996 (the item's tooltip reads 470: SimC's × 1.5 for a player-level rating, which the dump's
 * "Scaled Value", 313.33, leaves out).
 */
export const SUSHI_SPECIAL_RATING = 0.081832 * 3828.969615 * 1.5;

/** Secondary stats in SimulationCraft's `secondary_ratings` order (its highest_stat keeps the first of equals). */
const SELECT_ORDER = ['versatility', 'mastery', 'haste', 'crit'] as const;

export const FOODS: Readonly<Record<string, { name: string; spellId: number; highestStat: number }>> = {
  the_sushi_special: { name: 'The Sushi Special', spellId: 461957, highestStat: SUSHI_SPECIAL_RATING },
};

/**
 * Weapon oils (`temporary_enchant=main_hand:NAME`; the config keeps NAME). Algari Mana Oil rank 3
 * (451874) enchants 7495: crit and haste rating, each round(budget × 0.5118), budget = Scaling
 * Class -7 ("Item" row) at min(level 80, the enchant's max scaling level 70) = 453.3443671:
 * round(232.02) = 232. Read in SimulationCraft's engine/dbc/generated/spell_item_enchantment.inc
 * (7495: coefficients 0.5118 / 0.5118, stats 32 crit / 36 haste, max scaling level 70) and
 * sc_scale_data.inc (__spell_scaling "Item", level 70), World of Warcraft 11.2.0.63003 (simc
 * ab018d1176), as SimulationCraft's sc_item_data.cpp computes an enchant without a spell amount.
 */
export const ALGARI_MANA_OIL_RATING = 232;

export const WEAPON_OILS: Readonly<Record<string, { name: string; spellId: number; rating: RatingBonus }>> = {
  algari_mana_oil_3: {
    name: 'Algari Mana Oil',
    spellId: 451874,
    rating: { ...NO_RATING, crit: ALGARI_MANA_OIL_RATING, haste: ALGARI_MANA_OIL_RATING },
  },
};

/**
 * Secondary ratings for the whole fight: the profile's, the flask's, the weapon oil's, a racial's
 * crit rating (Ingest Mineral) and the food's (which raises the highest of the others' sum),
 * × `foodMultiplier` (Epicurean).
 */
export function staticRatings(
  profile: RatingBonus,
  c: Partial<Consumables> | undefined,
  racial: { critRating: number; food: number } = { critRating: 0, food: 1 },
): RatingBonus {
  const flask = flaskRating(c?.flask ?? 'none');
  const oil = WEAPON_OILS[c?.weaponOil ?? 'none']?.rating ?? NO_RATING;
  const r: RatingBonus = {
    crit: profile.crit + flask.crit + oil.crit + racial.critRating,
    haste: profile.haste + flask.haste + oil.haste,
    mastery: profile.mastery + flask.mastery + oil.mastery,
    versatility: profile.versatility + flask.versatility + oil.versatility,
  };
  const food = FOODS[c?.food ?? 'none'];
  if (food) {
    let best: (typeof SELECT_ORDER)[number] = SELECT_ORDER[0];
    for (const s of SELECT_ORDER) if (r[best] < r[s]) best = s;
    r[best] += food.highestStat * racial.food;
  }
  return r;
}

/** The rune's agility (0 for 'none'). */
export function augmentAgility(rune: string): number {
  return AUGMENT_RUNES[rune]?.agility ?? 0;
}

/** No flask, potion, augment rune, food or weapon oil. */
export function noConsumables(): Consumables {
  return { flask: 'none', potion: 'none', augmentRune: 'none', food: 'none', weaponOil: 'none' };
}

/**
 * What SimulationCraft's default profile uses (engine/class_modules/apl/apl_hunter.cpp flask(),
 * potion(), rune(), food(), temporary_enchant() at level 80, BM and MM), and what a config without
 * `consumables` (or without one of its fields) gets.
 */
export function defaultConsumables(): Consumables {
  return {
    flask: 'flask_of_alchemical_chaos_3',
    potion: 'tempered_potion_3',
    augmentRune: 'crystallized',
    food: 'the_sushi_special',
    weaponOil: 'algari_mana_oil_3',
  };
}

/** The flask's rating bonus (none for 'none'). */
export function flaskRating(flask: string): RatingBonus {
  return FLASKS[flask]?.rating ?? NO_RATING;
}

/** Tempered Potion's bonus with this flask: every stat but the one the active Tempered flask covers. */
export function potionRating(flask: string): RatingBonus {
  const f = flaskRating(flask);
  const tempered = flask.startsWith('flask_of_tempered_');
  const r = (covered: number) => (tempered && covered > 0 ? 0 : TEMPERED_POTION_RATING);
  return { crit: r(f.crit), haste: r(f.haste), mastery: r(f.mastery), versatility: r(f.versatility) };
}

/** The `potion` action (off the global cooldown, shares the potions' 5-minute cooldown). */
export const POTION_ACTION = action({
  id: 431932,
  key: 'potion',
  name: 'Tempered Potion',
  description: 'Drinks the potion of the config (Tempered Potion: secondary stats up for 30 sec).',
  school: 'physical',
  gcd: false,
  cooldownMs: POTION_COOLDOWN_MS,
});

/** The potion's line in the breakdown: no damage, its casts. */
export const POTION_SOURCE = { key: 'potion', name: 'Tempered Potion', school: 'physical' } as const;

export const TEMPERED_POTION_BUFF = aura({
  id: 431932,
  key: 'tempered_potion',
  name: 'Tempered Potion',
  description: 'Secondary stats of every inactive Tempered flask increased for 30 sec.',
  durationMs: TEMPERED_POTION_MS,
});
