/**
 * Pack Leader hero tree (Beast Mastery here; Survival is not a spec of the model): its numbers and
 * its buffs, dots, damage sources and talents as data; the rules are in ./pack-leader.ts.
 * Numbers: World of Warcraft 11.2.0.63003 spell data (SimulationCraft SpellDataDump/hunter.txt,
 * simc commit ab018d1176), cited as `spell id #effect`, unless marked NOT SPELL DATA. Table and
 * approximations: sim-core/docs/specs.md.
 */
import type { TalentInfo } from '../../types.ts';
import { aura } from '../common.ts';
import type { AuraDef, DotDef, SourceDef } from '../spec-types.ts';

export const PACK_LEADER = {
  /** Howl of the Pack Leader: every 30 s (the cooldown aura) the next Kill Command summons a beast. */
  howlCooldownMs: 30_000, // 471877 Howl of the Pack Leader (cooldown aura): duration 30 s
  howlReadyMs: 30_000, // 471878 / 472324 / 472325 (Wyvern / Boar / Bear ready): duration 30 s
  /** Wyvern: Wyvern's Cry, 1 % damage per stack for the hunter's spells in its list and the pets. */
  wyvernStacks: 10, // 471876 Howl of the Pack Leader, effect #3 (10 stacks: "$471881s1*$s3" %)
  wyvernPerStack: 0.01, // 471881 Wyvern's Cry, effects #1 (direct), #2 (periodic), #3 (pet damage)
  wyvernMs: 15_000, // 471881 Wyvern's Cry: duration 15 s
  wyvernMaxStacks: 20, // 471881 Wyvern's Cry: 20 stacks maximum (10 + Fury of the Wyvern's 10)
  /** Boar: charges through the target 3 times, 3 s apart, the first at once. */
  boarCharges: 3, // 471876 Howl of the Pack Leader, effect #2 (3 charges)
  boarPeriodMs: 3000, // 472020 Boar Charge, effect #2 (every 3 s for 6 s, extra initial period)
  boarImpactAp: 4, // 471936 Boar Charge, effect #1 (AP coefficient 4, primary target)
  boarCleaveAp: 1.6, // 471938 Boar Charge, effect #1 (AP coefficient 1.6, enemies in 8 yd)
  boarCleaveTargets: 8, // 471938 Boar Charge, effect #2 (8 targets)
  /** Bear: a guardian for 12 s whose Rend Flesh bleeds up to 8 enemies. */
  bearMs: 12_000, // 471993 Bear Summon: duration 12 s
  /** NOT SPELL DATA: the bear's attack power share, swing time and auto attack multiplier (SimC bear_t: 1, 1.5 s, 7). */
  bearApFromOwner: 1,
  bearSwingMs: 1500,
  bearAutoAttackMult: 7,
  /** Bear Summon's damage done, 0 in 1225858 #1, set by the BM spec aura. */
  bearDamageBm: -0.2, // 1225858 Bear Summon, effect #1 (0) + 137015 Beast Mastery Hunter, effect #9 (-20)
  rendFleshTickAp: 0.4, // 471999 Rend Flesh, effect #1 (AP coefficient per 1 s tick, hasted)
  rendFleshTargets: 8, // 471999 Rend Flesh, effect #2 (8 targets; Max Targets 8)
  /** Pack Mentality (BM): Kill Command +50 % while a beast is ready (added to Alpha Predator's, as SimC). */
  packMentalityKillCommand: 0.5, // 472358 Pack Mentality, effect #1 (50 %)
  packMentalityBarbedShotMs: 10_000, // 472358 Pack Mentality, effect #2 (10 s off Barbed Shot per beast)
  /** Dire Summons (BM): the howl's cooldown shortened by Kill Command and Cobra Shot. */
  direSummonsKillCommandMs: 1000, // 472352 Dire Summons, effect #1 (1 s, BM)
  direSummonsCobraShotMs: 1000, // 472352 Dire Summons, effect #3 (1 s, BM)
  /** Better Together (BM): pet damage and Frenzy's attack speed per stack. */
  betterTogetherPet: 0.03, // 472357 Better Together, effect #1 (+3 % pet damage, BM)
  betterTogetherFrenzy: 0.03, // 472357 Better Together, effect #5 (+3 to 272790 #1: 33 % per stack)
  /** Fury of the Wyvern: pet melee adds Wyvern's Cry stacks (up to 471881's 20); Kill Command extends it. */
  furyWyvernExtendMs: 1000, // 472550 Fury of the Wyvern, effect #2 (1 s per Kill Command, BM)
  furyWyvernExtendCapMs: 10_000, // 472550 Fury of the Wyvern, effect #4 (10 s at most)
  /** Hogstrider (BM): each Boar hit empowers the next Cobra Shot. */
  hogstriderPerStack: 0.25, // 472640 Hogstrider, effect #1 (+25 % Cobra Shot per stack)
  hogstriderTargetsPerStack: 1, // 472640 Hogstrider, effect #2 (+1 Cobra Shot target per stack)
  hogstriderMs: 20_000, // 472640 Hogstrider: duration 20 s
  hogstriderMaxStacks: 4, // 472640 Hogstrider: 4 stacks maximum
  /** Lead From the Front (BM): Bestial Wrath grants a howl and, for 12 s, beasts and pets deal more. */
  leadFromTheFrontMs: 12_000, // 472743 Lead From the Front: duration 12 s
  leadFromTheFrontBeasts: 0.25, // 472743 #1/#2 (Rend Flesh), #3 (+25 to Bear Summon's 1225858 #1), #6/#7 (Boar Charge cleave)
  leadFromTheFrontPet: 0.15, // 472743 Lead From the Front, effect #4 (+15 % pet damage, BM)
  /** No Mercy: Kill Shot's damage makes the main pet Claw the target at no cost. */
  noMercyIcdMs: 700, // 472660 No Mercy: internal cooldown 0.7 s
  /** Ursine Fury (BM): each Rend Flesh tick may take time off Kill Command. */
  ursineFuryChance: 0.1, // 472478 Ursine Fury: proc chance 10 %
  ursineFuryKillCommandMs: 1000, // 472476 Ursine Fury, effect #2 (1 s, BM)
  /**
   * Envenomed Fangs: Rend Flesh's impact on an enemy with Serpent Sting ends the sting and deals
   * this share of the damage its ticks left would deal, as Nature (472525). SimC's rend_flesh_t
   * passes all of it without reading #2 (which is 100 %, so the same); #1's 8 targets are not read
   * either: Rend Flesh's own cap (471999 #2, also 8) decides the enemies reached.
   */
  envenomedFangsShare: 1, // 472524 Envenomed Fangs, effect #2 (100 %)
} as const;

/** Player auras of the tree (readable as `buff.X` in rotations; names as SimC's). */
export const PACK_LEADER_BUFFS: AuraDef[] = [
  aura({
    id: 471877,
    key: 'howl_of_the_pack_leader_cooldown',
    name: 'Howl of the Pack Leader (cooldown)',
    description: 'You will soon be able to summon the aid of a Beast.',
    durationMs: PACK_LEADER.howlCooldownMs,
  }),
  aura({
    id: 471878,
    key: 'howl_of_the_pack_leader_wyvern',
    name: 'Howl of the Pack Leader: Wyvern',
    description: 'Your next Kill Command summons a Wyvern.',
    durationMs: PACK_LEADER.howlReadyMs,
  }),
  aura({
    id: 472324,
    key: 'howl_of_the_pack_leader_boar',
    name: 'Howl of the Pack Leader: Boar',
    description: 'Your next Kill Command summons a Boar.',
    durationMs: PACK_LEADER.howlReadyMs,
  }),
  aura({
    id: 472325,
    key: 'howl_of_the_pack_leader_bear',
    name: 'Howl of the Pack Leader: Bear',
    description: 'Your next Kill Command summons a Bear.',
    durationMs: PACK_LEADER.howlReadyMs,
  }),
  aura({
    id: 471881,
    key: 'wyverns_cry',
    name: "Wyvern's Cry",
    description: 'Your and your pets’ damage increased by 1% per stack.',
    durationMs: PACK_LEADER.wyvernMs,
    maxStacks: PACK_LEADER.wyvernMaxStacks,
  }),
  aura({
    id: 472640,
    key: 'hogstrider',
    name: 'Hogstrider',
    description: 'Your next Cobra Shot deals 25% more damage and strikes 1 more target per stack.',
    durationMs: PACK_LEADER.hogstriderMs,
    maxStacks: PACK_LEADER.hogstriderMaxStacks,
  }),
  aura({
    id: 472743,
    key: 'lead_from_the_front',
    name: 'Lead From the Front',
    description: 'Your Pack Leader beasts deal 25% more damage and your pets 15% more.',
    durationMs: PACK_LEADER.leadFromTheFrontMs,
  }),
];

export const PACK_LEADER_DOTS: DotDef[] = [
  {
    id: 471999,
    key: 'rend_flesh',
    name: 'Rend Flesh',
    description: 'The Bear rends the flesh of up to 8 enemies: Physical damage every 1 sec.',
    durationMs: 10_000, // 471999 Rend Flesh: duration 10 s
    maxStacks: 1,
    tickMs: 1000, // 471999 Rend Flesh, effect #1 (every 1 s; Spell Haste Affects Periodic)
    source: 'rend_flesh',
  },
];

export const PACK_LEADER_SOURCES: SourceDef[] = [
  { key: 'boar_charge', name: 'Boar Charge', school: 'physical' },
  { key: 'boar_charge_cleave', name: 'Boar Charge (cleave)', school: 'physical' },
  { key: 'bear_melee', name: 'Bear: Melee', school: 'physical' },
  { key: 'rend_flesh', name: 'Bear: Rend Flesh', school: 'physical' },
  { key: 'claw_no_mercy', name: 'Pet: Claw (No Mercy)', school: 'physical' },
  { key: 'envenomed_fangs', name: 'Bear: Envenomed Fangs', school: 'nature' },
];

/** Talents of the Pack Leader tree the model has (spell ids as in the talent tree). */
export const PACK_LEADER_TALENTS: TalentInfo[] = [
  {
    key: 'howl_of_the_pack_leader',
    name: 'Howl of the Pack Leader',
    description:
      'Pack Leader keystone: every 30 sec your next Kill Command summons a Wyvern, a Boar or a Bear, in turn.',
    spellId: 471876,
  },
  {
    key: 'pack_mentality',
    name: 'Pack Mentality',
    description:
      'Kill Command deals 50% more while a beast is ready; each beast takes 10 sec off Barbed Shot.',
    spellId: 472358,
  },
  {
    key: 'dire_summons',
    name: 'Dire Summons',
    description: 'Kill Command and Cobra Shot take 1 sec off Howl of the Pack Leader.',
    spellId: 472352,
  },
  {
    key: 'better_together',
    name: 'Better Together',
    description: 'Pet damage +3%; Frenzy gives 3% more attack speed per stack.',
    spellId: 472357,
  },
  {
    key: 'ursine_fury',
    name: 'Ursine Fury',
    description: "Each tick of the Bear's Rend Flesh has a 10% chance to take 1 sec off Kill Command.",
    spellId: 472476,
  },
  {
    key: 'envenomed_fangs',
    name: 'Envenomed Fangs',
    description:
      "The Bear's Rend Flesh consumes Serpent Sting on the enemies it reaches, dealing the sting's remaining damage at once.",
    spellId: 472524,
  },
  {
    key: 'fury_of_the_wyvern',
    name: 'Fury of the Wyvern',
    description:
      "Your pet's melee attacks raise Wyvern's Cry by 1% (up to 10% more); Kill Command extends it by 1 sec (up to 10 sec).",
    spellId: 472550,
  },
  {
    key: 'hogstrider',
    name: 'Hogstrider',
    description: 'Each Boar hit makes your next Cobra Shot deal 25% more and hit 1 more target (4 stacks).',
    spellId: 472639,
  },
  {
    key: 'no_mercy',
    name: 'No Mercy',
    description: 'Kill Shot makes your pet Claw its target at no cost.',
    spellId: 472660,
  },
  {
    key: 'lead_from_the_front',
    name: 'Lead From the Front',
    description:
      'Bestial Wrath grants Howl of the Pack Leader; for 12 sec beasts deal 25% and pets 15% more.',
    spellId: 472741,
  },
];

/**
 * The War Within season 3 hunter set, Pack Leader's bonuses (Beast Mastery numbers; Survival's are
 * not modelled): 2-piece 1236372, 4-piece 1236373. Rules: ./pack-leader-tier.ts.
 */
export const PACK_LEADER_TIER = {
  /** 2-piece: the hunter's pets (not guardians) deal more. */
  petDamage: 0.05, // 1236372 Hunter Pack Leader 11.2 Class Set 2pc, effect #1 (+5 % pet damage, BM; #2 is Survival's 15)
  /** 2-piece: "Beast damage": Bear Summon's damage done +15 (added to 1225858 #1, as Lead From the Front's +25). */
  bearSummon: 0.15, // 1236372 effect #3 (flat +15 to Spell Effect 1 of label 4690: Bear Summon 1225858)
  /** 2-piece: Boar Charge +15 %, the target's hit and the cleave. */
  boarImpact: 0.15, // 1236372 effect #5 (label 4178: Boar Charge 471936)
  boarCleave: 0.15, // 1236372 effect #4 (label 4176: Boar Charge 471938)
  /** 2-piece: each beast summoned grants a stat for 8 s: Wyvern crit, Boar haste, Bear mastery. */
  statMs: 8000, // 1236564 / 1236565 / 1236566: duration 8 s
  masteryPoints: 6, // 1236564 Grizzled Fur, effect #1 (Modify Mastery% 6: mastery points, SimC default_value × 1)
  haste: 0.06, // 1236565 Hasted Hooves, effect #1 (Modify All Haste% 6)
  crit: 0.06, // 1236566 Sharpened Fangs, effect #1 (Modify Critical Strike% 6)
  /** 4-piece: a beast summoned under Lead From the Front starts a Stampede on the target. */
  stampedeMs: 4000, // 1250068 Stampede (the 4-piece's periodic aura): duration 4 s
  stampedeTickMs: 2000, // 1250068 Stampede, effect #2 (Periodic Dummy every 2 s; Extra Initial Period: a tick at once)
  /** NOT SPELL DATA: SimC stampede_t::tick: 3 hits a tick, landing 0.6, 0.9 and 1.2 s later ("from a log"). */
  stampedeHitDelaysMs: [600, 900, 1200],
  stampedeAp: 3, // 201594 Stampede, effect #1 (AP coefficient 3; 9 hits: 1236373 #3)
  stampedeHits: 9, // 1236373 effect #3 (the tooltip's 201594 #1 × 9; SimC: 3 ticks × 3 hits)
  stampedeTargets: 8, // 1236373 effect #4 (up to 8 enemies; SimC with bugs=1, its default, hits every enemy)
  /** 201594 is in two lists of the BM spec aura: 137015 #1 (−6 %) and #12 (−55 %, Stampede alone). */
  stampedeSpecAura: -0.55, // 137015 Beast Mastery Hunter, effect #12 (-55 % on 201594)
  /** Pandemic refresh: a Stampede started while one runs keeps up to 30 % of its duration (SimC dot default). */
  stampedePandemic: 0.3, // NOT SPELL DATA: SimC dot_t refresh (DOT_REFRESH_PANDEMIC, the action default)
} as const;

/** The set's player auras (readable as `buff.X`; names as SimC's buffs). */
export const PACK_LEADER_TIER_BUFFS: AuraDef[] = [
  aura({
    id: 1236566,
    key: 'sharpened_fangs',
    name: 'Sharpened Fangs',
    description: 'Critical strike chance increased by 6% (summoning the Wyvern, Pack Leader 2-piece).',
    durationMs: PACK_LEADER_TIER.statMs,
  }),
  aura({
    id: 1236565,
    key: 'hasted_hooves',
    name: 'Hasted Hooves',
    description: 'Haste increased by 6% (summoning the Boar, Pack Leader 2-piece).',
    durationMs: PACK_LEADER_TIER.statMs,
  }),
  aura({
    id: 1236564,
    key: 'grizzled_fur',
    name: 'Grizzled Fur',
    description: 'Mastery increased by 6% (summoning the Bear, Pack Leader 2-piece).',
    durationMs: PACK_LEADER_TIER.statMs,
  }),
  aura({
    id: 1250068,
    key: 'stampede',
    name: 'Stampede',
    description: 'A herd of stampeding animals charges your target (Pack Leader 4-piece).',
    durationMs: PACK_LEADER_TIER.stampedeMs,
  }),
];

export const PACK_LEADER_TIER_SOURCES: SourceDef[] = [
  { key: 'stampede', name: 'Stampede (Pack Leader 4-piece)', school: 'physical' },
];
