import { action, aura } from './common.ts';
import {
  HAYMAKER_CAST_MS,
  HAYMAKER_COOLDOWN_MS,
  RACIAL_PROC_BUFFS,
  TOUCH_OF_THE_GRAVE_SOURCE,
} from './racial-procs.ts';

/**
 * Races a hunter can be, by SimulationCraft's `race=` names, and the racial abilities modelled.
 * Spell data: SimulationCraft's SpellDataDump/nonclass.txt, World of Warcraft 11.1.0.59679 (see
 * consumables.ts). Racial amounts scale with the player's level (Scaling Class -1); the dump prints
 * them at level 80 (budget 3 828.97, the value 265221 #6 shows with coefficient 1).
 */
export const RACES = [
  'none',
  'human',
  'dwarf',
  'night_elf',
  'gnome',
  'draenei',
  'worgen',
  'pandaren',
  'void_elf',
  'lightforged_draenei',
  'dark_iron_dwarf',
  'kul_tiran',
  'mechagnome',
  'orc',
  'undead',
  'tauren',
  'troll',
  'blood_elf',
  'goblin',
  'nightborne',
  'highmountain_tauren',
  'maghar_orc',
  'zandalari_troll',
  'vulpera',
  'earthen_dwarf',
  'dracthyr',
] as const;

export type Race = (typeof RACES)[number];

export function isRace(v: unknown): v is Race {
  return typeof v === 'string' && (RACES as readonly string[]).includes(v);
}

/**
 * Races whose racial effects on a hunter's damage are all modelled (those with none, like Draenei
 * or Dracthyr here, included); the others' are listed back as not modelled (NOT_MODELLED).
 */
export const MODELLED_RACES: ReadonlySet<Race> = new Set([
  'none',
  'dark_iron_dwarf',
  'maghar_orc',
  'nightborne',
  'highmountain_tauren',
  'troll',
  'worgen',
  'blood_elf',
  'night_elf',
  'gnome',
  'dwarf',
  'tauren',
  'pandaren',
  'earthen_dwarf',
  'lightforged_draenei',
  'draenei',
  'dracthyr',
  'human',
  'goblin',
  'vulpera',
  'mechagnome',
  'orc',
  'undead',
  'void_elf',
  'kul_tiran',
  'zandalari_troll',
]);

/**
 * What is not modelled for a race (SimulationCraft models these; see docs/specs.md); none left.
 * A race whose other racials do nothing for damage is modelled: Kul Tiran's Brush It Off (a heal)
 * and Zandalari's Embrace of the Loa other than Pa'ku (SimulationCraft's default
 * `zandalari_loa=paku`) are in docs/specs.md.
 */
export const NOT_MODELLED: Readonly<Partial<Record<Race, string>>> = {};

/** 255665 Magical Affinity (Nightborne), effect #1: magic damage done +1 % (schools 0x7e). */
export const MAGICAL_AFFINITY_MAGIC = 0.01;
/** 255658 Mountaineer (Highmountain Tauren), effect #1: versatility +1 % (Modify Versatility%). */
export const MOUNTAINEER_VERS = 0.01;
/**
 * Critical strike chance +1 %: 68975 Viciousness (Worgen) #1 (11.2.0.63003 hunter.txt) and 154742
 * Arcane Acuity (Blood Elf) #1 (Modify Critical Strike%). SimulationCraft adds both to the base
 * crit chance (player.cpp init_base_stats).
 */
export const VICIOUSNESS_CRIT = 0.01;
export const ARCANE_ACUITY_CRIT = 0.01;
/**
 * 154748 Touch of Elune (Night Elf) #1: haste +1 % at night, crit +1 % by day. SimulationCraft's
 * `timeofday` defaults to night (player.cpp: "more common for raid hours") and multiplies haste by
 * 1.01 (player.cpp composite_spell_haste / composite_melee_haste); night here, always.
 */
export const TOUCH_OF_ELUNE_HASTE = 0.01;
/**
 * Critical strike damage +2 %: 59224 Might of the Mountain (Dwarf) #2 and 154743 Brawn (Tauren) #2
 * (Modify Crit Damage Done%). SimulationCraft multiplies the player's crit damage multiplier (×2 →
 * ×2.04); a pet's and a guardian's by 1 + 2 × 2 % (pet.cpp composite_player_critical_damage_multiplier:
 * the aura applies to player and pet and the pet inherits the player's, "effectively getting double
 * the mod": ×2 → ×2.08). The same here.
 */
export const MIGHT_OF_THE_MOUNTAIN_CRIT_DAMAGE = 0.02;
export const BRAWN_CRIT_DAMAGE = 0.02;
/**
 * 69042 Time is Money (Goblin) #1: haste +1 % (Modify All Haste%; SimC multiplies haste by 1.01,
 * like Touch of Elune).
 */
export const TIME_IS_MONEY_HASTE = 0.01;
/**
 * 20598 The Human Spirit (Human) #1: crit, haste, mastery and versatility ratings × 1.02 from every
 * source (Modify Combat Rating Multiplier; SimC `passive_rating_multiplier`, buffs included).
 */
export const HUMAN_SPIRIT_RATING = 0.02;
/** 227057 Expansive Mind (Gnome, hunter) #1: maximum focus +5 % (11.2.0.63003 hunter.txt). */
export const EXPANSIVE_MIND_FOCUS = 0.05;
/**
 * Epicurean (Pandaren): the food's stat bonus doubled. NOT SPELL DATA: SimulationCraft multiplies a
 * stat food by 2 for a Pandaren (consumable.cpp food_t::initialize_consumable). Differs from SimC:
 * its highest-stat foods (The Sushi Special) add their stat when the buff starts, after that
 * doubling (unique_gear_thewarwithin.cpp selector_food_buff_t::start), so there a Pandaren gets it
 * once; here doubled, as the racial intends.
 */
export const EPICUREAN_FOOD = 2;
/**
 * Ingest Mineral (Earthen): SimulationCraft's default `earthen_mineral=ruby` is 451918 #1, crit
 * rating +562.0008 (Scaling Class -1 at level 80; 451916 haste, 451917 versatility, 451920
 * mastery are the same amount), triggered when the player arises (before the food picks its stat).
 */
export const INGEST_MINERAL_RATING = 562.0008;

/** Static racial effects of a race (0 / 1 where it has none). */
export interface RacialPassives {
  /** Magic damage done + this fraction (Magical Affinity). */
  magicDamage: number;
  /** Versatility + this fraction (Mountaineer). */
  versatility: number;
  /** Critical strike chance + this fraction (Viciousness, Arcane Acuity). */
  critChance: number;
  /** Haste × this (Touch of Elune at night). */
  haste: number;
  /** The player's crit multiplier (×2) × this (Might of the Mountain, Brawn). */
  critDamage: number;
  /** A pet's or guardian's crit multiplier (×2) × this: the racial's percentage twice (SimC pet.cpp). */
  petCritDamage: number;
  /** Maximum focus × this (Expansive Mind). */
  maxFocus: number;
  /** The food's stat × this (Epicurean). */
  food: number;
  /** Crit rating added (Ingest Mineral). */
  critRating: number;
  /** Every secondary rating × this (The Human Spirit). */
  ratings: number;
}

const critDamagePct = (race: string): number =>
  race === 'dwarf' ? MIGHT_OF_THE_MOUNTAIN_CRIT_DAMAGE : race === 'tauren' ? BRAWN_CRIT_DAMAGE : 0;

/** Passive racial multipliers of a race. */
export function racialPassives(race: string): RacialPassives {
  return {
    magicDamage: race === 'nightborne' ? MAGICAL_AFFINITY_MAGIC : 0,
    versatility: race === 'highmountain_tauren' ? MOUNTAINEER_VERS : 0,
    critChance: race === 'worgen' ? VICIOUSNESS_CRIT : race === 'blood_elf' ? ARCANE_ACUITY_CRIT : 0,
    haste: race === 'night_elf' ? 1 + TOUCH_OF_ELUNE_HASTE : race === 'goblin' ? 1 + TIME_IS_MONEY_HASTE : 1,
    critDamage: 1 + critDamagePct(race),
    petCritDamage: 1 + 2 * critDamagePct(race),
    maxFocus: race === 'gnome' ? 1 + EXPANSIVE_MIND_FOCUS : 1,
    food: race === 'pandaren' ? EPICUREAN_FOOD : 1,
    critRating: race === 'earthen_dwarf' ? INGEST_MINERAL_RATING : 0,
    ratings: race === 'human' ? 1 + HUMAN_SPIRIT_RATING : 1,
  };
}

/**
 * 20572 Blood Fury (Orc, hunter) #1/#2: attack power +4 925.123 (Scaling Class -1, level 80) for
 * 15 s (duration), cooldown 120 s, no GCD (11.2.0.63003 hunter.txt). SimulationCraft: a stat buff
 * of attack power, multiplied like all attack power by Battle Shout.
 */
export const BLOOD_FURY_AP = 4925.123;
export const BLOOD_FURY_MS = 15_000;
export const BLOOD_FURY_COOLDOWN_MS = 120_000;

/**
 * 255647 Light's Judgment (Lightforged Draenei): GCD 1.5 s, cooldown 150 s; the strike (256893)
 * lands 3 s later (#1 Trigger Missiles, Base Value 3; "Missile Speed is Delay") on every enemy
 * within 10 yards, damage reduced beyond 8 targets (#2) — SimulationCraft `reduced_aoe_targets =
 * 8`, sqrt rule — for attack power × 4.2 holy damage (the spells' `$damage` variable: the larger
 * of spell power and attack power × 4.2; SimulationCraft hard-codes 4.2). 11.2.0.63003 hunter.txt.
 */
export const LIGHTS_JUDGMENT_AP = 4.2;
export const LIGHTS_JUDGMENT_DELAY_MS = 3_000;
export const LIGHTS_JUDGMENT_AOE_CAP = 8;
export const LIGHTS_JUDGMENT_COOLDOWN_MS = 150_000;

/**
 * 69041 Rocket Barrage (Goblin): GCD 1.5 s, cooldown 90 s, velocity 10 yards/s; fire damage #1
 * = $m1 (0) + 2 × level (the description; SimC sets base damage 2 × level) + AP coefficient 0.5
 * (and SP coefficient 0.429: a hunter has no spell power). 11.1.0.59679 nonclass.txt.
 */
export const ROCKET_BARRAGE_BASE = 2 * 80;
export const ROCKET_BARRAGE_AP = 0.5;
export const ROCKET_BARRAGE_COOLDOWN_MS = 90_000;

/**
 * 312411 Bag of Tricks (Vulpera): GCD 1.5 s, cooldown 90 s; the damage trick deals attack power ×
 * 2.52 (the spell's `$damage` variable; SimC hard-codes 2.52) as nature damage with SimC's default
 * `vulpera_tricks=corrosive` (11.1.0.59679 nonclass.txt).
 */
export const BAG_OF_TRICKS_AP = 2.52;
export const BAG_OF_TRICKS_COOLDOWN_MS = 90_000;

/**
 * 312923 Combat Analysis (Mechagnome): every 5 s in combat (#1 period) agility + 153.1588 (#1,
 * Scaling Class -1 at level 80), up to 10 stacks (#3). SimC (unique_gear.cpp
 * racial::combat_analysis): a stack every 5 s from the start of combat, the first at 5 s.
 */
export const COMBAT_ANALYSIS_AGILITY = 153.1588;
export const COMBAT_ANALYSIS_PERIOD_MS = 5_000;
export const COMBAT_ANALYSIS_MAX_STACKS = 10;

/** 80483 Arcane Torrent (Blood Elf, hunter): GCD 1.5 s, cooldown 120 s, #2 focus +15 (11.2.0.63003 hunter.txt). */
export const ARCANE_TORRENT_FOCUS = 15;
export const ARCANE_TORRENT_COOLDOWN_MS = 120_000;

/**
 * 265226 Fireblood (Dark Iron Dwarf) #1: agility +2 462.361 per stack for 8 s (duration); the
 * cast 265221 grants ${265226s1*3} plus one more stack per effect removed (its description): with
 * nothing to dispel here, 3 × #1.
 */
export const FIREBLOOD_AGILITY_PER_STACK = 2462.361;
export const FIREBLOOD_STACKS = 3;
export const FIREBLOOD_MS = 8_000;
/** NOT READ in the dump (the header of 265221 was not in the read): the in-game 2-minute cooldown. */
export const FIREBLOOD_COOLDOWN_MS = 120_000;

/**
 * 274738 Ancestral Call (Mag'har Orc): 15 s (duration), cooldown 120 s; grants 274741 #1
 * (+6 570.512 rating, the same in 274739 crit, 274740 haste, 274742 versatility) to one of the
 * player's two highest secondary stats (its description), chosen at random here.
 */
export const ANCESTRAL_CALL_RATING = 6570.512;
export const ANCESTRAL_CALL_MS = 15_000;
export const ANCESTRAL_CALL_COOLDOWN_MS = 120_000;

/** 26297 Berserking (Troll): haste +10 % (#1 Modify All Haste%, multiplies) for 12 s; cooldown 180 s. */
export const BERSERKING_HASTE = 0.1;
export const BERSERKING_MS = 12_000;
export const BERSERKING_COOLDOWN_MS = 180_000;

/** The racial actions (off the global cooldown), appended to each spec's data (registry.ts). */
export const RACIAL_ACTIONS = [
  action({
    id: 265221,
    key: 'fireblood',
    name: 'Fireblood',
    description: 'Dark Iron Dwarf racial: agility increased for 8 sec.',
    school: 'physical',
    gcd: false,
    cooldownMs: FIREBLOOD_COOLDOWN_MS,
  }),
  action({
    id: 274738,
    key: 'ancestral_call',
    name: 'Ancestral Call',
    description: "Mag'har Orc racial: one of your two highest secondary stats increased for 15 sec.",
    school: 'physical',
    gcd: false,
    cooldownMs: ANCESTRAL_CALL_COOLDOWN_MS,
  }),
  action({
    id: 26297,
    key: 'berserking',
    name: 'Berserking',
    description: 'Troll racial: haste increased by 10% for 12 sec.',
    school: 'physical',
    gcd: false,
    cooldownMs: BERSERKING_COOLDOWN_MS,
  }),
  action({
    id: 20572,
    key: 'blood_fury',
    name: 'Blood Fury',
    description: 'Orc racial: attack power increased for 15 sec.',
    school: 'physical',
    gcd: false,
    cooldownMs: BLOOD_FURY_COOLDOWN_MS,
  }),
  action({
    id: 255647,
    key: 'lights_judgment',
    name: "Light's Judgment",
    description: 'Lightforged Draenei racial: a strike of Holy energy on the enemies after 3 sec.',
    school: 'holy',
    cooldownMs: LIGHTS_JUDGMENT_COOLDOWN_MS,
  }),
  action({
    id: 80483,
    key: 'arcane_torrent',
    name: 'Arcane Torrent',
    description: 'Blood Elf racial: restores 15 Focus.',
    school: 'arcane',
    cooldownMs: ARCANE_TORRENT_COOLDOWN_MS,
  }),
  action({
    id: 287712,
    key: 'haymaker',
    name: 'Haymaker',
    description: 'Kul Tiran racial: wind up, then deal physical damage to the target and stun it.',
    school: 'physical',
    castMs: HAYMAKER_CAST_MS,
    cooldownMs: HAYMAKER_COOLDOWN_MS,
  }),
  action({
    id: 69041,
    key: 'rocket_barrage',
    name: 'Rocket Barrage',
    description: 'Goblin racial: belt rockets deal fire damage to the target.',
    school: 'fire',
    cooldownMs: ROCKET_BARRAGE_COOLDOWN_MS,
  }),
  action({
    id: 312411,
    key: 'bag_of_tricks',
    name: 'Bag of Tricks',
    description: 'Vulpera racial: a corrosive trick deals nature damage to the target.',
    school: 'nature',
    cooldownMs: BAG_OF_TRICKS_COOLDOWN_MS,
  }),
];

/** Which race knows each racial action. */
export const RACIAL_ACTION_RACE: Readonly<Record<string, Race>> = {
  fireblood: 'dark_iron_dwarf',
  ancestral_call: 'maghar_orc',
  berserking: 'troll',
  blood_fury: 'orc',
  lights_judgment: 'lightforged_draenei',
  arcane_torrent: 'blood_elf',
  rocket_barrage: 'goblin',
  bag_of_tricks: 'vulpera',
  haymaker: 'kul_tiran',
};

/** Their lines in the breakdown: the actions' (damage or casts), then the procs'. */
export const RACIAL_SOURCES = [
  ...RACIAL_ACTIONS.map((a) => ({ key: a.key, name: a.name, school: a.school })),
  TOUCH_OF_THE_GRAVE_SOURCE,
];

/** Which race each racial damage source belongs to. */
export const RACIAL_SOURCE_RACE: Readonly<Record<string, Race>> = {
  ...RACIAL_ACTION_RACE,
  touch_of_the_grave: 'undead',
};

export const RACIAL_BUFFS = [
  aura({
    id: 265226,
    key: 'fireblood',
    name: 'Fireblood',
    description: 'Agility increased.',
    durationMs: FIREBLOOD_MS,
  }),
  aura({
    id: 274738,
    key: 'ancestral_call',
    name: 'Ancestral Call',
    description: 'One of your two highest secondary stats increased.',
    durationMs: ANCESTRAL_CALL_MS,
  }),
  aura({
    id: 26297,
    key: 'berserking',
    name: 'Berserking',
    description: 'Haste increased by 10%.',
    durationMs: BERSERKING_MS,
  }),
  aura({
    id: 20572,
    key: 'blood_fury',
    name: 'Blood Fury',
    description: 'Attack power increased.',
    durationMs: BLOOD_FURY_MS,
  }),
  aura({
    id: 312923,
    key: 'combat_analysis',
    name: 'Combat Analysis',
    description:
      'Mechagnome racial: agility increased per stack, one more every 5 sec (up, with no stack, in the first 5 sec).',
    durationMs: COMBAT_ANALYSIS_PERIOD_MS,
    maxStacks: COMBAT_ANALYSIS_MAX_STACKS,
  }),
  ...RACIAL_PROC_BUFFS,
];
