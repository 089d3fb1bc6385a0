/**
 * Dark Ranger hero tree (both hunter specs): its numbers and its actions, buffs, dots, damage
 * sources and talents as data; the rules are in ./dark-ranger.ts. Numbers: World of Warcraft
 * 11.2.0.63003 spell data (SimulationCraft SpellDataDump/hunter.txt, simc commit ab018d1176),
 * cited as `spell id #effect`. Table and approximations: sim-core/docs/specs.md.
 */
import type { TalentInfo } from '../../types.ts';
import { action, aura } from '../common.ts';
import type { ActionDef, AuraDef, DotDef, SourceDef } from '../spec-types.ts';
/** Numbers both specs share. */
export const DARK_RANGER = {
  blackArrowAp: 3.484, // 466930 Black Arrow, effect #1 (AP coeff, Shadow)
  blackArrowLowerPct: 20, // 466930 Black Arrow, effect #2 (usable at or below 20 % health)
  blackArrowUpperPct: 80, // 466930 Black Arrow, effect #3 (usable at or above 80 % health)
  blackArrowDotTickAp: 0.0325, // 468572 Black Arrow (dot), effect #1 (AP coeff per 1 s tick)
  witheringFireArrowAp: 1.742, // 468037 Black Arrow (Withering Fire), effect #1 (AP coeff; 466990 #4's 50 % already in it)
  witheringFireArrows: 2, // 466990 Withering Fire, effect #3 (2 additional Black Arrows)
  witheringFireTickMs: 4000, // 466991 Withering Fire, effect #4 (periodic every 4 s; BM only grants Deathblow on it)
  soulDrinker: 0.08, // 469638 Soul Drinker, effects #1/#2 (+8 % Black Arrow direct and periodic)
  umbralReachPeriodic: 1, // 1235397 Umbral Reach, effect #1 (+100 % Black Arrow periodic)
  ebonBowstringChance: 0.15, // 467897 Ebon Bowstring, effect #1 (15 % per Black Arrow cast)
  bellTollsMaxStacks: 10, // 1232992 The Bell Tolls: 10 stacks maximum (each its own 12 s, SimC ASYNCHRONOUS)
  bellTollsMs: 12_000, // 1232992 The Bell Tolls: duration 12 s
  deathblowMs: 12_000, // 378770 Deathblow: duration 12 s
  /** Banshee's Mark: SimC (sc_hunter.cpp) hardcodes 25 % from an older tooltip; 11.2.0.63003 has 15 %. */
  bansheesMarkChance: 0.15, // 467902 Banshee's Mark, effect #2 (15 % on Black Arrow's initial hit)
  bansheesMarkIcdMs: 700, // 467902 Banshee's Mark: internal cooldown 0.7 s
  crowsPeckAp: 0.216, // 131900 A Murder of Crows, effect #1 (AP coeff per peck; Shadow by 467902 #1)
  bleakPowderIcdMs: 700, // 467911 Bleak Powder: internal cooldown 0.7 s
  bleakPowderAoeCap: 8, // 467911 Bleak Powder, effect #2 (reduced damage beyond 8 targets)
  soulDrinkerBleakPowder: 0.1, // 469638 Soul Drinker, effect #3 (+10 % Bleak Powder)
  umbralReachTargets: 2, // 1235397 Umbral Reach, effect #2 (Bleak Powder hitting 2+: Beast Cleave / Trick Shots)
  // The War Within season 3 set for Dark Ranger (./dark-ranger-set.ts); the cooldowns and chances by spec below
  setBlackArrow: 0.1, // 1236370 Hunter Dark Ranger 11.2 Class Set 2pc, effect #1 (+10 % direct: 466930, 468037)
  setBlackArrowPeriodic: 0.1, // 1236370 Hunter Dark Ranger 11.2 Class Set 2pc, effect #5 (+10 % periodic: 468572)
  setBleakPowder: 0.2, // 1236370 Hunter Dark Ranger 11.2 Class Set 2pc, effect #2 (+20 %, label 5078: 467914, 472084)
  setWitheringFire: 0.5, // 1236371 Hunter Dark Ranger 11.2 Class Set 4pc, effect #1 (+50 % direct, label 5085: 468037)
  blightedQuiverArrows: 1, // 1236975 Blighted Quiver, effect #1 (1 additional Black Arrow per barrage, per stack)
  blightedQuiverMaxStacks: 8, // 1236975 Blighted Quiver: 8 stacks maximum (duration infinite)
  // Shadow Hounds (./shadow-hounds.ts), the choice node against Soul Drinker
  shadowHoundsRppm: 1.5, // 430707 Shadow Hounds: Real PPM 1.5 (no haste modifier), on Black Arrow's dot ticks
  darkHoundMs: 8000, // 442419 Dark Hounds: duration 8 s (the summon, SimC shadow_hounds_summon)
  /** NOT SPELL DATA: the hound's attack power = 3 × the hunter's (SimC dark_hound_t owner_coeff.ap_from_ap). */
  darkHoundApFromOwner: 3,
  /** NOT SPELL DATA: at most this many hounds at once here (SimC's spawner has no limit; see shadow-hounds.ts). */
  darkHoundSlots: 6,
  // Phantom Pain, the choice node against Ebon Bowstring
  phantomPainMaxTargets: 8, // 467941 Phantom Pain, effect #3 (up to 8 other units with Black Arrow's dot)
} as const;

/** What differs by spec: the spec auras' Black Arrow effects, proc chances, the Withering Fire trigger. */
export interface DarkRangerSpecNumbers {
  /** Product of the spec-only modifiers on 466930 besides the spec logic's own spell multiplier. */
  blackArrowDirect: number;
  /** Product of the modifiers on 468037 (the Withering Fire arrow), mastery excluded. */
  witheringFireDirect: number;
  /** Product of the modifiers on 468572's ticks. */
  dotPeriodic: number;
  /** Mastery (in the spec's percent) applies to 468572's ticks (MM 193468 #4 yes, BM 76657 #6 no). */
  masteryOnDot: boolean;
  /** The Bell Tolls: damage per stack on the hunter's spells (and BM pets). */
  bellTollsPerStack: number;
  /** Deathblow chance of the spec's trigger (BM Kill Command, MM Aimed Shot). */
  deathblowChance: number;
  /** Bleak Arrows: Deathblow chance per Auto Shot. */
  bleakArrowsDeathblow: number;
  /** Withering Fire lasts as long as the spec's cooldown (BM Call of the Wild, MM Trueshot). */
  witheringFireMs: number;
  /** BM gains Deathblow on each 4 s tick of Withering Fire (SimC set_tick_callback, BM only). */
  witheringFireTicks: boolean;
  /** Bleak Powder's spell for the spec (BM 472084, MM 467914): AP coefficient of effect #1. */
  bleakPowderAp: number;
  /** The buff Umbral Reach grants when Bleak Powder hits enough targets (BM pet Beast Cleave, MM Trick Shots). */
  umbralReachBuff: { list: 'buffs' | 'petBuffs'; key: string; talent?: string };
  /** The War Within season 3 2pc: the spec's cooldown it shortens (action key) and by how much (ms, negative). */
  setCooldown: { key: string; ms: number };
  /** The War Within season 3 4pc: Blighted Quiver's chance per Black Arrow cast (SimC kill_shot_base_t::execute). */
  blightedQuiverChance: number;
  /** Phantom Pain: the share of each hit of the spec's trigger (BM Kill Command, MM Aimed Shot) copied. */
  phantomPainShare: number;
}

export const DARK_RANGER_BM: DarkRangerSpecNumbers = {
  // 137015 Beast Mastery Hunter, effects #7 (+40 %) and #8 (-28 %) (Kill Shot and Black Arrow) and #10 (+20 %)
  blackArrowDirect: (1 + 0.4) * (1 - 0.28) * (1 + 0.2),
  // 137015 effects #1 (-6 %) and #10 (+20 %); Bestial Wrath comes from the host
  witheringFireDirect: (1 - 0.06) * (1 + 0.2),
  dotPeriodic: 1 + 0.2, // 137015 Beast Mastery Hunter, effect #11 (+20 % periodic on 468572)
  masteryOnDot: false, // 76657 effect #6 does not list 468572
  // 1232992 The Bell Tolls, effect #1 (3 %) + 137015 Beast Mastery Hunter, effect #14 (+3): 6 % per stack
  bellTollsPerStack: 0.06,
  deathblowChance: 0.1, // 343248 Deathblow, effect #2 (Kill Command, BM)
  bleakArrowsDeathblow: 0.2, // 467749 Bleak Arrows, effect #1 (BM)
  witheringFireMs: 20_000, // SimC: Call of the Wild's buff duration, 359844 Call of the Wild: 20 s
  witheringFireTicks: true,
  bleakPowderAp: 4.2, // 472084 Bleak Powder (BM), effect #1 (AP coeff, Shadow)
  // SimC bleak_powder_t::impact: BM only with the Beast Cleave talent (the pets' 118455, 6 s from 115939 #2)
  umbralReachBuff: { list: 'petBuffs', key: 'beast_cleave', talent: 'beast_cleave' },
  setCooldown: { key: 'call_of_the_wild', ms: -60_000 }, // 1236370 Hunter Dark Ranger 11.2 Class Set 2pc, effect #4 (Call of the Wild 359844, -60 s)
  blightedQuiverChance: 0.5, // 1236371 Hunter Dark Ranger 11.2 Class Set 4pc, effect #2 (50 %, BM)
  // 467941 Phantom Pain, effect #1 (15 %, Kill Command) + 137015 Beast Mastery Hunter, effect #13 (+15 to label 4156: #1)
  phantomPainShare: 0.15 + 0.15,
};

export const DARK_RANGER_MM: DarkRangerSpecNumbers = {
  // 137016 Marksmanship Hunter, effects #9 (+7 %) and #13 (+4 %); spec aura #1 and mastery come from the host
  blackArrowDirect: (1 + 0.07) * (1 + 0.04),
  // 137016 effects #1 (-4 %) and #13 (+4 %); no Lone Wolf (155228 has no 11.2 node, mm-hunter/data.ts); 193468 #2 does not list 468037
  witheringFireDirect: (1 - 0.04) * (1 + 0.04),
  dotPeriodic: 1 + 0.04, // 137016 Marksmanship Hunter, effect #14 (+4 % periodic on 468572)
  masteryOnDot: true, // 193468 Mastery: Sniper Training, effect #4 (periodic, family flag 91)
  bellTollsPerStack: 0.03, // 1232992 The Bell Tolls, effect #1 (3 %; 137016 has no modifier for it)
  deathblowChance: 0.1, // 343248 Deathblow, effect #1 (Aimed Shot, MM; Improved Deathblow not modelled)
  bleakArrowsDeathblow: 0.08, // 467749 Bleak Arrows, effect #2 (MM)
  witheringFireMs: 15_000, // SimC: Trueshot's data duration, 288613 Trueshot: 15 s
  witheringFireTicks: false,
  bleakPowderAp: 6.1875, // 467914 Bleak Powder (MM), effect #1 (AP coeff, Shadow)
  umbralReachBuff: { list: 'buffs', key: 'trick_shots', talent: 'trick_shots' },
  setCooldown: { key: 'trueshot', ms: -30_000 }, // 1236370 Hunter Dark Ranger 11.2 Class Set 2pc, effect #3 (Trueshot 288613, -30 s)
  blightedQuiverChance: 0.5, // 1236371 Hunter Dark Ranger 11.2 Class Set 4pc, effect #3 (50 %, MM)
  phantomPainShare: 0.15, // 467941 Phantom Pain, effect #2 (15 %, Aimed Shot)
};

export const BLACK_ARROW = action({
  id: 466930,
  key: 'black_arrow',
  name: 'Black Arrow',
  description:
    'Replaces Kill Shot: Shadow damage plus a 14 sec Shadow dot; usable above 80% or below 20% health, or with Deathblow.',
  school: 'shadow',
  cost: 10, // 466930 Black Arrow: 10 Focus
  cooldownMs: 10_000, // 466930 Black Arrow: 1 charge, 10 s (category 1873, not hasted)
  talent: 'black_arrow',
  // 466932 #1: replaces Kill Shot; SimC 11.2 builds black_arrow_t for a `kill_shot` or `black_arrow`
  // line with the talent and kill_shot_t without it, for both specs (hunter_t::create_action)
  replaces: 'kill_shot',
});

export const DARK_RANGER_ACTIONS: ActionDef[] = [BLACK_ARROW];

/**
 * The damage sources of the tree's choice talents Shadow Hounds and Phantom Pain. Both specs append
 * them to the end of their sources (so no other source's index moves).
 */
export const DARK_RANGER_CHOICE_SOURCES: SourceDef[] = [
  // 442419's hound: its melee is Shadow (SimC dark_hound_t::init_spells), its Beast Cleave 118459 physical
  { key: 'dark_hound', name: 'Dark Hound: Melee', school: 'shadow' },
  { key: 'dark_hound_beast_cleave', name: 'Dark Hound: Beast Cleave', school: 'physical' },
  { key: 'phantom_pain', name: 'Phantom Pain', school: 'shadow' }, // 468019 Phantom Pain, effect #1 (Shadow)
];

export const DARK_RANGER_SOURCES: SourceDef[] = [
  { key: 'black_arrow', name: 'Black Arrow', school: 'shadow' },
  { key: 'black_arrow_dot', name: 'Black Arrow (DoT)', school: 'shadow' },
  { key: 'black_arrow_withering_fire', name: 'Black Arrow: Withering Fire', school: 'shadow' },
  { key: 'bleak_arrows', name: 'Bleak Arrows', school: 'shadow' },
  { key: 'a_murder_of_crows', name: "A Murder of Crows (Banshee's Mark)", school: 'shadow' },
  { key: 'bleak_powder', name: 'Bleak Powder', school: 'shadow' },
];

export const DARK_RANGER_BUFFS: AuraDef[] = [
  aura({
    id: 378770,
    key: 'deathblow',
    name: 'Deathblow',
    description: 'Your next Black Arrow (or Kill Shot) can be used regardless of the target’s health.',
    durationMs: DARK_RANGER.deathblowMs,
  }),
  aura({
    id: 466991,
    key: 'withering_fire',
    name: 'Withering Fire',
    description: 'Black Arrow fires 2 additional Black Arrows at 50% effectiveness.',
    durationMs: 20_000, // 466991 Withering Fire: duration 20 s (applied for the spec's cooldown duration)
  }),
];

/**
 * The War Within season 3 Dark Ranger 4pc's buff (SimC buffs.blighted_quiver): each stack adds an
 * arrow to every barrage of the next Withering Fire, which spends them all. Both specs append it
 * to the end of their buffs (so no other buff's index moves).
 */
export const BLIGHTED_QUIVER = aura({
  id: 1236975,
  key: 'blighted_quiver',
  name: 'Blighted Quiver',
  description:
    'Your next Withering Fire fires 1 additional Black Arrow per stack in its Black Arrow barrages.',
  durationMs: 3_600_000, // 1236975 Blighted Quiver: duration infinite (an hour stands for it)
  maxStacks: DARK_RANGER.blightedQuiverMaxStacks,
});

export const DARK_RANGER_DOTS: DotDef[] = [
  {
    id: 468572,
    key: 'black_arrow',
    name: 'Black Arrow',
    description: 'Suffering Shadow damage every 1 sec.',
    durationMs: 14_000, // 468572 Black Arrow: duration 14 s
    maxStacks: 1,
    tickMs: 1000, // 468572 Black Arrow, effect #1 (every 1 s; SimC hasted_ticks = false)
    source: 'black_arrow_dot',
  },
  {
    id: 131894,
    key: 'a_murder_of_crows',
    name: "A Murder of Crows (Banshee's Mark)",
    description: 'Crows peck the target every 1 sec for Shadow damage.',
    durationMs: 15_000, // 131894 A Murder of Crows: duration 15 s
    maxStacks: 1,
    tickMs: 1000, // 131894 A Murder of Crows, effect #1 (periodic every 1 s, not hasted)
    source: 'a_murder_of_crows',
  },
];

/** Talents of the Dark Ranger tree (and the class tree's Deathblow) that the model has. */
export const DARK_RANGER_TALENTS: TalentInfo[] = [
  {
    key: 'black_arrow',
    name: 'Black Arrow',
    description: 'Dark Ranger keystone: Kill Shot is replaced with Black Arrow.',
    spellId: 466932,
  },
  {
    key: 'deathblow',
    name: 'Deathblow',
    description:
      'Kill Command (BM) or Aimed Shot (MM) has a 10% chance to reset Black Arrow / Kill Shot and make it usable at any health.',
    spellId: 343248,
  },
  {
    key: 'bleak_arrows',
    name: 'Bleak Arrows',
    description: 'Auto Shot deals Shadow damage (no armor) and may grant Deathblow (20% BM, 8% MM).',
    spellId: 467749,
  },
  {
    key: 'ebon_bowstring',
    name: 'Ebon Bowstring',
    description: 'Casting Black Arrow has a 15% chance to grant Deathblow.',
    spellId: 467897,
  },
  {
    key: 'withering_fire',
    name: 'Withering Fire',
    description:
      'During Call of the Wild (BM) or Trueshot (MM), Black Arrow fires 2 more arrows; Deathblow at once (and every 4 sec for BM).',
    spellId: 466990,
  },
  {
    key: 'the_bell_tolls',
    name: 'The Bell Tolls',
    description:
      'Black Arrow increases your damage (and BM pets’) by 6% (BM) or 3% (MM) for 12 sec; overlaps.',
    spellId: 467644,
  },
  {
    key: 'banshees_mark',
    name: "Banshee's Mark",
    description: "Black Arrow's initial hit has a 15% chance to summon crows: Shadow damage over 15 sec.",
    spellId: 467902,
  },
  {
    key: 'bleak_powder',
    name: 'Bleak Powder',
    description:
      'Black Arrow explodes on the other enemies near the target for Shadow damage (reduced beyond 8).',
    spellId: 467911,
  },
  {
    key: 'shadow_hounds',
    name: 'Shadow Hounds',
    description:
      "Black Arrow's periodic damage may summon a Dark Hound for 8 sec (1.5 per minute): Shadow melee at 3× your attack power, cleaving nearby enemies.",
    spellId: 430707,
  },
  {
    key: 'phantom_pain',
    name: 'Phantom Pain',
    description:
      "Kill Command (BM, 30%) or Aimed Shot (MM, 15%) damage is replicated to up to 8 other enemies affected by Black Arrow's periodic damage.",
    spellId: 467941,
  },
  {
    key: 'soul_drinker',
    name: 'Soul Drinker',
    description: 'Black Arrow damage increased by 8%, Bleak Powder by 10%.',
    spellId: 469638,
  },
  {
    key: 'umbral_reach',
    name: 'Umbral Reach',
    description:
      'Black Arrow periodic damage increased by 100%; Bleak Powder applies the dot, and on 2+ enemies grants Beast Cleave / Trick Shots.',
    spellId: 1235397,
  },
];
