/**
 * Numbers and declarations of the BM spec talents of SimulationCraft's default BM profile that
 * ./spec-talents.ts models, and of three of its Dark Ranger profile (Master Handler, Hunter's Prey;
 * Bloody Frenzy, ./bloody-frenzy.ts, which uses Stomp's and Beast Cleave's numbers). Spell data of World of Warcraft 11.2.0.63003 (SimulationCraft
 * SpellDataDump/hunter.txt, simc commit ab018d1176), cited as `spell id #effect`; SimC handling in
 * sc_hunter.cpp at the same commit. Table: sim-core/docs/specs.md.
 *
 * Besides them, the talents players take that neither profile does (the BM_MORE_* lists and the
 * numbers from Dire Cleave on): Dire Cleave, Poisoned Barbs, Wild Instincts, Brutal Companion,
 * Aspect of the Beast, Cobra Senses, Solitary Companion, the class tree's Explosive Shot with
 * Thundering Hooves, and Multi-Shot and Beast Cleave (the model's baseline before), each in its own
 * helper (./dire-cleave.ts, ./poisoned-barbs.ts, ./wild-instincts.ts, ./pet-basic-attack.ts,
 * ./spec-talents.ts, ./multipliers.ts, ./explosive-shot.ts, ./beast-cleave.ts); their spell data is the same 11.2.0.63003 dump, their SimC handling
 * sc_hunter.cpp at simc 50d415071f.
 */
import { aura } from '../common.ts';
import type { TalentInfo } from '../../types.ts';
import type { AuraDef, DotDef, SourceDef } from '../spec-types.ts';

export const BM_TALENTS = {
  trainingExpertPet: 0.05, // 378209 Training Expert, effect #1 (pet damage done +5 %)
  piercingFangsCritDamage: 0.35, // 392054 Piercing Fangs (aura), effect #1 (crit damage +35 %)
  goForTheThroat: 1, // 459550 Go for the Throat, effect #2 (100 % of the crit chance as Kill Command crit bonus)
  savageryKillCommand: 0.1, // 424557 Savagery, effect #1 (Kill Command 83381 direct damage +10 %)
  savageryDurationMs: 2000, // 424557 Savagery, effect #2 (+2 s: Barbed Shot 217200, Frenzy 272790, Thrill 257946 / 312365)
  warOrdersBarbedShot: 0.1, // 393933 War Orders, effect #1 (Barbed Shot periodic damage +10 %)
  warOrdersResetChance: 0.5, // 393933 War Orders, effect #3 (50 % to reset Kill Command)
  /** Scent of Blood's Barbed Shot charges by rank (the rank table sets #1: op=set, values 1, 2). */
  scentOfBloodCharges: [1, 2], // 193532 Scent of Blood, effect #1, Talent Entry Effect#1 op=set values (1, 2) (11.2 hunter.txt)
  barbedScalesMs: 2000, // 469880 Barbed Scales, effect #1 (2 s off Barbed Shot per Cobra Shot)
  serpentineRhythmPerStack: 0.25, // 468703 Serpentine Rhythm (buff), effect #1 (Cobra Shot +25 % a stack)
  serpentineBlessingPet: 0.08, // 468704 Serpentine Blessing, effect #1 (pet damage +8 %)
  direCommandChance: 0.2, // 378743 Dire Command, effect #1 (20 % per Kill Command)
  /** Dire Frenzy by rank: the rank table multiplies #1 (1000 ms) and #2 (30 %) by 1, 2. */
  direFrenzyMs: [1000, 2000], // 385810 Dire Frenzy, effect #1 (1000 ms) × Talent Entry Effect#1 op=mul (1, 2) (11.2 hunter.txt)
  direFrenzyDamage: [0.3, 0.6], // 385810 Dire Frenzy, effect #2 (30 %) × Talent Entry Effect#2 op=mul (1, 2) (11.2 hunter.txt)
  snakeskinQuiverChance: 0.15, // 468695 Snakeskin Quiver, effect #1 (15 % per Auto Shot)
  stompAp: 0.6, // 1217528 Stomp, effect #1 (AP coefficient 0.6, on the pet's attack power; primary target)
  stompCleaveAp: 0.6, // 201754 Stomp, effect #1 (AP coefficient 0.6, every other enemy within 8 yards)
  huntmastersCallStacks: 6, // 459731 Huntmaster's Call (buff): 6 stacks maximum (Dire Beasts per Hati / Fenryr)
  /** NOT SPELL DATA: Hati and Fenryr have 2 × the hunter's attack power (SimC hati_t / fenryr_t owner_coeff.ap_from_ap = 2). */
  huntPetApFromOwner: 2,
  hatiPetDamage: 0.04, // 459738 Summon Hati, effect #2 (pet damage +4 %)
  fenryrHaste: 0.04, // 459735 Summon Fenryr, effect #2 (haste +4 %)
  ravenousLeapAp: 2, // 459753 Ravenous Leap, effect #1 (AP coefficient 2 per 1 s tick, on Fenryr's attack power)
  /** NOT SPELL DATA: a Bloodshed tick summons a Dire Beast 10 % of the time (SimC bloodshed_t dire_beast_chance, from a log). */
  bloodshedDireBeastChance: 0.1,
  lacerationShare: 0.08, // 459555 Laceration (driver), effect #1 (8 % of a pet crit's damage as a bleed)
  lacerationMs: 6000, // 459560 Laceration (bleed): duration 6 s
  lacerationTickMs: 1000, // 459560 Laceration (bleed), effect #1 (every 1 s)
  wildspeakerKillCommandAp: 0.39, // 1232922 Kill Command (Wildspeaker), effect #1 (AP coefficient, on the critter's AP)
  wildspeakerBestialWrath: 0.15, // 1235388 Bestial Wrath (Dire Beasts), effect #1 (damage done +15 %, 15 s = 19574's)
  masterHandlerMs: 500, // 424558 Master Handler, effect #1 (500 ms off Kill Command each time Barbed Shot deals damage)
  huntersPreyPerPet: 0.1, // 468219 Hunter's Prey (hidden buff), effect #1 (Kill Shot / Black Arrow direct damage +10 % a pet)
  huntersPreyMaxPets: 5, // 468219 Hunter's Prey (hidden buff): 5 stacks maximum (pets counted)
  direCleaveMs: 8000, // 1217524 Dire Cleave, effect #2 (a summoned dire critter's Beast Cleave lasts 8 s)
  poisonedBarbsChance: 0.3, // 1217535 Poisoned Barbs, effect #1 (30 % per Barbed Shot that lands)
  poisonedBarbsAoeCap: 8, // 1217535 Poisoned Barbs, effect #2 (reduced damage beyond 8 targets)
  poisonedBarbsAp: 1.2, // 1217549 Poisoned Barbs, effect #1 (AP coefficient 1.2, Nature, every enemy)
  serpentStingAp: 0.3, // 271788 Serpent Sting, effect #1 (AP coefficient 0.3, Nature, at once)
  serpentStingTickAp: 0.206, // 271788 Serpent Sting, effect #2 (AP coefficient 0.206 per 3 s tick)
  brutalCompanionStacks: 3, // 386870 Brutal Companion, effect #1 (Frenzy at 3 stacks)
  brutalCompanionDamage: 0.5, // 386870 Brutal Companion, effect #2 (the extra basic attack +50 %)
  aspectOfTheBeast: 0.3, // 191384 Aspect of the Beast, effect #1 (Claw 16827 / Bite 17253 / Smack 49966 direct damage +30 %)
  cobraSensesCost: -5, // 378244 Cobra Senses, effect #1 (Cobra Shot 193455 focus cost −5: 35 → 30)
  cobraSensesDamage: 0.35, // 378244 Cobra Senses, effect #2 (Cobra Shot 193455 direct damage +35 %)
  solitaryCompanion: 0.35, // 474751 Solitary Companion (pet buff), effect #2 (the main pet's damage done +35 %)
  thunderingHooves: 2, // 459693 Thundering Hooves, effect #1 (200 %: the pets Stomp at 200 % effectiveness)
  wildInstinctsPerStack: 0.03, // 424567 Wild Instincts (debuff), effect #1 (damage taken from the hunter's pets +3 % a stack)
} as const;

export const BM_TALENT_SOURCES: SourceDef[] = [
  { key: 'stomp', name: 'Pet: Stomp', school: 'physical' },
  { key: 'stomp_cleave', name: 'Pet: Stomp (other targets)', school: 'physical' },
  { key: 'cobra_shot_snakeskin_quiver', name: 'Cobra Shot (Snakeskin Quiver)', school: 'physical' },
  { key: 'hati', name: 'Hati: Melee', school: 'physical' },
  { key: 'fenryr', name: 'Fenryr: Melee', school: 'physical' },
  { key: 'ravenous_leap', name: 'Fenryr: Ravenous Leap', school: 'physical' },
  { key: 'laceration', name: 'Laceration', school: 'physical' },
  { key: 'wildspeaker_kill_command', name: 'Dire Beasts: Kill Command (Wildspeaker)', school: 'physical' },
  { key: 'call_of_the_wild_stomp', name: 'Call of the Wild: Stomp', school: 'physical' },
  {
    key: 'call_of_the_wild_stomp_cleave',
    name: 'Call of the Wild: Stomp (other targets)',
    school: 'physical',
  },
  { key: 'call_of_the_wild_beast_cleave', name: 'Call of the Wild: Beast Cleave', school: 'physical' },
];

/** Sources of the talents modelled after the default profile's; after every other BM source, so no index moves. */
export const BM_MORE_TALENT_SOURCES: SourceDef[] = [
  { key: 'dire_cleave', name: 'Dire Critters: Beast Cleave (Dire Cleave)', school: 'physical' },
  { key: 'poisoned_barbs', name: 'Poisoned Barbs', school: 'nature' },
  { key: 'serpent_sting', name: 'Serpent Sting (Poisoned Barbs)', school: 'nature' },
  { key: 'claw_brutal_companion', name: 'Pet: Claw (Brutal Companion)', school: 'physical' },
  { key: 'explosive_shot', name: 'Explosive Shot', school: 'fire' },
  { key: 'thundering_hooves', name: 'Pet: Stomp (Thundering Hooves)', school: 'physical' },
  {
    key: 'thundering_hooves_cleave',
    name: 'Pet: Stomp (Thundering Hooves, other targets)',
    school: 'physical',
  },
];

/** Debuffs of the talents modelled after the default profile's; after Hunter's Mark, so no index moves. */
export const BM_MORE_TALENT_DEBUFFS: AuraDef[] = [
  aura({
    id: 424567,
    key: 'wild_instincts',
    name: 'Wild Instincts',
    description: "Damage taken from the hunter's pets increased by 3% per stack.",
    durationMs: 8000, // 424567 Wild Instincts: duration 8 s
    maxStacks: 10, // 424567 Wild Instincts: 10 stacks maximum
  }),
];

/** Dots of the talents modelled after the default profile's; after every other BM dot, so no index moves. */
export const BM_MORE_TALENT_DOTS: DotDef[] = [
  {
    id: 271788,
    key: 'serpent_sting',
    name: 'Serpent Sting',
    description: 'Suffering Nature damage every 3 sec (Poisoned Barbs).',
    durationMs: 18_000, // 271788 Serpent Sting: duration 18 s
    maxStacks: 1,
    tickMs: 3000, // 271788 Serpent Sting, effect #2 (every 3 s, hasted: Spell Haste Affects Periodic)
    source: 'serpent_sting',
  },
];

export const BM_TALENT_DOTS: DotDef[] = [
  {
    id: 459753,
    key: 'ravenous_leap',
    name: 'Ravenous Leap',
    description: 'Bleeding for Physical damage every 1 sec (Fenryr).',
    durationMs: 8000, // 459753 Ravenous Leap: duration 8 s
    maxStacks: 1,
    tickMs: 1000, // 459753 Ravenous Leap, effect #1 (every 1 s)
    source: 'ravenous_leap',
  },
];

export const BM_TALENT_BUFFS: AuraDef[] = [
  aura({
    id: 459731,
    key: 'huntmasters_call',
    name: "Huntmaster's Call",
    description: 'Dire Beast will summon Hati or Fenryr at 6 stacks.',
    durationMs: 3_600_000, // 459731 Huntmaster's Call: infinite (NOT SPELL DATA: one hour stands for it)
    maxStacks: 6, // 459731 Huntmaster's Call: 6 stacks maximum
  }),
  aura({
    id: 459738,
    key: 'summon_hati',
    name: 'Summon Hati',
    description: 'Hati fights at your side; your pets deal 4% more damage.',
    durationMs: 10_000, // 459738 Summon Hati: duration 10 s (+ Dire Frenzy 385810 #1)
  }),
  aura({
    id: 459735,
    key: 'summon_fenryr',
    name: 'Summon Fenryr',
    description: 'Fenryr fights at your side; haste increased by 4%.',
    durationMs: 10_000, // 459735 Summon Fenryr: duration 10 s (+ Dire Frenzy 385810 #1)
  }),
  aura({
    id: 468703,
    key: 'serpentine_rhythm',
    name: 'Serpentine Rhythm',
    description: 'Your next Cobra Shot deals 25% increased damage per stack.',
    durationMs: 30_000, // 468703 Serpentine Rhythm: duration 30 s
    maxStacks: 4, // 468703 Serpentine Rhythm: 4 stacks maximum
  }),
  aura({
    id: 468704,
    key: 'serpentine_blessing',
    name: 'Serpentine Blessing',
    description: 'Your pet damage is increased by 8%.',
    durationMs: 8000, // 468704 Serpentine Blessing: duration 8 s
  }),
];

export const BM_SPEC_TALENTS: TalentInfo[] = [
  {
    key: 'training_expert',
    name: 'Training Expert',
    description: 'All pet damage dealt increased by 5%.',
    spellId: 378209,
  },
  {
    key: 'piercing_fangs',
    name: 'Piercing Fangs',
    description: "While Bestial Wrath is active, your pet's critical damage dealt is increased by 35%.",
    spellId: 392053,
  },
  {
    key: 'go_for_the_throat',
    name: 'Go for the Throat',
    description:
      'Kill Command deals increased critical strike damage equal to 100% of your critical strike chance.',
    spellId: 459550,
  },
  {
    key: 'savagery',
    name: 'Savagery',
    description: 'Kill Command damage is increased by 10%. Barbed Shot lasts 2.0 sec longer.',
    spellId: 424557,
  },
  {
    key: 'war_orders',
    name: 'War Orders',
    description:
      'Barbed Shot deals 10% increased damage, and applying Barbed Shot has a 50% chance to reset the cooldown of Kill Command.',
    spellId: 393933,
  },
  {
    key: 'scent_of_blood',
    name: 'Scent of Blood',
    description: 'Activating Bestial Wrath grants 1 charge of Barbed Shot per rank (2 ranks).',
    spellId: 193532,
  },
  {
    key: 'barbed_scales',
    name: 'Barbed Scales',
    description: 'Casting Cobra Shot reduces the cooldown of Barbed Shot by 2 sec.',
    spellId: 469880,
  },
  {
    key: 'killer_cobra',
    name: 'Killer Cobra',
    description: 'While Bestial Wrath is active, Cobra Shot resets the cooldown on Kill Command.',
    spellId: 199532,
  },
  {
    key: 'serpentine_rhythm',
    name: 'Serpentine Rhythm',
    description:
      'Casting Cobra Shot increases its damage by 25%, stacking 4 times; at 4 stacks the bonus is removed and your pets deal 8% more damage for 8 sec.',
    spellId: 468701,
  },
  {
    key: 'stomp',
    name: 'Stomp',
    description:
      'When you cast Barbed Shot, your pet stomps the ground, dealing Physical damage to its primary target and to all other nearby enemies.',
    spellId: 199530,
  },
  {
    key: 'snakeskin_quiver',
    name: 'Snakeskin Quiver',
    description: 'Your auto shot has a 15% chance to also fire a Cobra Shot at your target.',
    spellId: 468695,
  },
  {
    key: 'huntmasters_call',
    name: "Huntmaster's Call",
    description:
      'Summoning a Dire Beast 6 times summons Hati (your pets deal 4% more damage) or Fenryr (a heavy bleed on your target, 4% haste).',
    spellId: 459730,
  },
  {
    key: 'dire_command',
    name: 'Dire Command',
    description: 'Kill Command has a 20% chance to also summon a Dire Beast.',
    spellId: 378743,
  },
  {
    key: 'dire_frenzy',
    name: 'Dire Frenzy',
    description:
      'Dire Beast (and the Pack Leader bear) lasts 1 sec longer and deals 30% increased damage per rank (2 ranks).',
    spellId: 385810,
  },
  {
    key: 'laceration',
    name: 'Laceration',
    description:
      "When your pet's attacks critically strike, they cause their target to bleed for 8% of the damage dealt over 6 sec.",
    spellId: 459552,
  },
  {
    key: 'wildspeaker',
    name: 'Wildspeaker',
    description:
      'Dire Beasts obey your Kill Command, dealing its damage at reduced effectiveness. Bestial Wrath sends your Dire Beasts into a rage, increasing their damage dealt by 15%.',
    spellId: 1232739,
  },
  {
    key: 'master_handler',
    name: 'Master Handler',
    description: 'Each time Barbed Shot deals damage, the cooldown of Kill Command is reduced by 0.50 sec.',
    spellId: 424558,
  },
  {
    key: 'hunters_prey',
    name: "Hunter's Prey",
    description:
      'Kill Shot (Black Arrow with Dark Ranger) deals 10% increased damage for each of your active pets. Stacks up to 5 times.',
    spellId: 378210,
  },
  {
    key: 'bloody_frenzy',
    name: 'Bloody Frenzy',
    description:
      'While Call of the Wild is active, your pets have the effects of Beast Cleave, and each time Call of the Wild summons a pet, all of your pets Stomp.',
    spellId: 407412,
  },
  {
    key: 'dire_cleave',
    name: 'Dire Cleave',
    description: 'When summoned, Dire Beasts gain Beast Cleave for 8 sec.',
    spellId: 1217524,
  },
  {
    key: 'poisoned_barbs',
    name: 'Poisoned Barbs',
    description:
      'Barbed Shot has a 30% chance to explode on impact, applying Serpent Sting and dealing Nature damage to nearby enemies. Damage reduced beyond 8 targets.',
    spellId: 1217535,
  },
  {
    key: 'wild_instincts',
    name: 'Wild Instincts',
    description:
      'While Call of the Wild is active, each time you Kill Command, your Kill Command target takes 3% increased damage from all of your pets, stacking up to 10 times.',
    spellId: 378442,
  },
  {
    key: 'brutal_companion',
    name: 'Brutal Companion',
    description:
      'When Barbed Shot causes Frenzy to stack up to 3, your pet will immediately use its special attack and deal 50% bonus damage.',
    spellId: 386870,
  },
  {
    key: 'cobra_senses',
    name: 'Cobra Senses',
    description: 'Cobra Shot Focus cost reduced by 5. Cobra Shot damage increased by 35%.',
    spellId: 378244,
  },
  {
    key: 'solitary_companion',
    name: 'Solitary Companion',
    description: 'Your pet damage is increased by 35% and your pet is 10% larger.',
    spellId: 474746,
  },
  {
    key: 'explosive_shot',
    name: 'Explosive Shot',
    description:
      'Fires an explosive shot at your target. After 3 sec, the shot will explode, dealing Fire damage to all enemies within 8 yds. Deals reduced damage beyond 5 targets.',
    spellId: 212431,
  },
  {
    key: 'thundering_hooves',
    name: 'Thundering Hooves',
    description: 'Casting Explosive Shot causes all active pets to Stomp at 200% effectiveness.',
    spellId: 459693,
  },
  {
    key: 'aspect_of_the_beast',
    name: 'Aspect of the Beast',
    description: "Increases the damage of your pet's basic attacks (Claw, Bite, Smack) by 30%.",
    spellId: 191384,
  },
];

/**
 * Multi-Shot and Beast Cleave, nodes of the BM tree the model had as baseline before
 * (./beast-cleave.ts); after every other BM talent, so no index moves.
 */
export const BM_BEAST_CLEAVE_TALENTS: TalentInfo[] = [
  {
    key: 'multishot',
    name: 'Multi-Shot',
    description:
      'Fires several missiles, hitting all nearby enemies within 8 yds of your current target. Deals reduced damage beyond 5 targets.',
    spellId: 2643,
  },
  {
    key: 'beast_cleave',
    name: 'Beast Cleave',
    description:
      "After you Multi-Shot, your pet's melee attacks also strike all nearby enemies for 80% of the damage for the next 6 sec. Deals reduced damage beyond 8 targets.",
    spellId: 115939,
  },
];
