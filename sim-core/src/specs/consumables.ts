import type { Consumables } from '../types.ts';
import { action, aura } from './common.ts';

/**
 * Flasks and potions as SimulationCraft names them (`flask=`, `potion=`), with SimulationCraft's
 * defaults for a level-80 hunter (profiles/TWW3/TWW3_Hunter_*.simc "Default consumables").
 *
 * Spell data: SimulationCraft's SpellDataDump/nonclass.txt, World of Warcraft 11.1.0.59679 (the
 * version of that file the research could read; hunter.txt in docs/specs.md is 11.2.0.63003).
 * These effects scale with the consumable's item level (Scaling Class -7); the amounts here are the
 * "Scaled Value" the dump prints (item budget 3 829.0 = 4 307.02 / 1.124851), NOT the in-game amount
 * of the rank-3 item, which was not checked.
 */

/** Secondary ratings a consumable adds, by stat. */
export interface RatingBonus {
  crit: number;
  haste: number;
  mastery: number;
  versatility: number;
}

const NO_RATING: RatingBonus = { crit: 0, haste: 0, mastery: 0, versatility: 0 };

/** 431971..431974 Flask of Tempered Aggression/Swiftness/Versatility/Mastery, effect #1 (Modify Rating). */
export const TEMPERED_FLASK_RATING = 4307.02;

/**
 * 432021 Flask of Alchemical Chaos: every 30 s (#5 period) one random secondary stat +5 290.395
 * (#5) and two of the other three −442.135 (#6). Modelled as its average, the same for every
 * stat: +#5 / 4 − 2 × #6 / 4 (ratings convert almost linearly below the diminishing-return bands).
 * Approximation: the game and SimulationCraft re-roll the stats every 30 s.
 */
export const ALCHEMICAL_CHAOS_UP = 5290.395;
export const ALCHEMICAL_CHAOS_DOWN = 442.135;
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
 * active +3 990.514 (#1 crit, #2 haste, #3 versatility, #4 mastery); cooldown 300 s.
 */
export const TEMPERED_POTION_RATING = 3990.514;
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

/** The rune's agility (0 for 'none'). */
export function augmentAgility(rune: string): number {
  return AUGMENT_RUNES[rune]?.agility ?? 0;
}

/**
 * What SimulationCraft's default profile uses (engine/class_modules/apl/apl_hunter.cpp flask(),
 * potion(), rune() above level 70), and what a config without `consumables` gets.
 */
/** No flask, potion or augment rune. */
export function noConsumables(): Consumables {
  return { flask: 'none', potion: 'none', augmentRune: 'none' };
}

export function defaultConsumables(): Consumables {
  return { flask: 'flask_of_alchemical_chaos_3', potion: 'tempered_potion_3', augmentRune: 'crystallized' };
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
