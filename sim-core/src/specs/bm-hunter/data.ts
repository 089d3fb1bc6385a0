/**
 * Beast Mastery Hunter (spec 253): every game number of the spec lives here.
 * Sources and approximations: sim-core/docs/specs.md.
 */
import {
  BLOODLUST,
  EXPLOSIVE_SHOT,
  HUNTERS_MARK,
  HUNTERS_MARK_DEBUFF,
  HUNTERS_MARK_SOURCE,
  RADIANT_POWER,
  action,
  aura,
} from '../common.ts';
import type { SpecData } from '../spec-types.ts';
import { MAIN_PET } from '../main-pet.ts';
import {
  BLIGHTED_QUIVER,
  DARK_RANGER_ACTIONS,
  DARK_RANGER_BUFFS,
  DARK_RANGER_DOTS,
  DARK_RANGER_SOURCES,
  DARK_RANGER_CHOICE_SOURCES,
  DARK_RANGER_TALENTS,
} from '../hero/dark-ranger-data.ts';
import {
  PACK_LEADER_BUFFS,
  PACK_LEADER_DOTS,
  PACK_LEADER_SOURCES,
  PACK_LEADER_TALENTS,
  PACK_LEADER_TIER_BUFFS,
  PACK_LEADER_TIER_SOURCES,
} from '../hero/pack-leader-data.ts';
import {
  BM_BEAST_CLEAVE_TALENTS,
  BM_MORE_TALENT_DEBUFFS,
  BM_MORE_TALENT_DOTS,
  BM_MORE_TALENT_SOURCES,
  BM_SPEC_TALENTS,
  BM_TALENT_BUFFS,
  BM_TALENT_DOTS,
  BM_TALENT_SOURCES,
} from './talent-data.ts';

/**
 * Numbers of the BM model. Each comes from the spell data of World of Warcraft 11.2.0.63003
 * (SimulationCraft SpellDataDump/hunter.txt, simc commit ab018d1176), cited as `spell id #effect`,
 * unless marked NOT SPELL DATA with the reason. Table and approximations: sim-core/docs/specs.md.
 */
export const BM = {
  /** The main pet's numbers, shared with Marksmanship's pet (../main-pet.ts, where each is cited). */
  petApFromOwner: MAIN_PET.apFromOwner,
  petMeleeApDivisor: MAIN_PET.meleeApDivisor,
  petSwingMs: MAIN_PET.swingMs,
  petBasicAttackAp: MAIN_PET.basicAttackAp,
  petBasicAttackCost: MAIN_PET.basicAttackCost,
  petBasicAttackCooldownMs: MAIN_PET.basicAttackCooldownMs,
  wildHuntDamage: MAIN_PET.wildHuntDamage,
  wildHuntCost: MAIN_PET.wildHuntCost,
  wildHuntThreshold: MAIN_PET.wildHuntThreshold,
  petFocusMax: MAIN_PET.focusMax,
  petFocusRegenShare: MAIN_PET.focusRegenShare,
  petBasicAttackDelayMs: MAIN_PET.basicAttackDelayMs,
  petBasicAttackDelaySdMs: MAIN_PET.basicAttackDelaySdMs,
  petBasicAttackMinWaitMs: MAIN_PET.basicAttackMinWaitMs,
  killCommandAp: 1.333, // 83381 Kill Command (pet), effect #1 (AP coeff, on the pet's attack power)
  cobraShotAp: 1.565, // 193455 Cobra Shot, effect #2 (AP coeff)
  cobraShotKcReductionMs: 1000, // 193455 Cobra Shot, effect #3 (1 s off Kill Command)
  barbedShotTickAp: 0.7125, // 217200 Barbed Shot, effect #1 (AP coeff per 2 s tick)
  barbedShotFocusPerTick: 5, // 246152 Barbed Shot (energize), effect #1 (5 focus every 2 s)
  barbedShotFocusTicks: 4, // 246152 Barbed Shot (energize): duration 8 s / 2 s period
  barbedShotFocusTickMs: 2000, // 246152 Barbed Shot (energize), effect #1 period
  barbedWrathReductionMs: 12_000, // 231548 Barbed Wrath, effect #1 (12000 ms off Bestial Wrath)
  killShotAp: 3.2, // 53351 Kill Shot, effect #1 (AP coeff)
  multiShotAp: 0.756, // 2643 Multi-Shot, effect #2 (AP coeff)
  /**
   * The pets' Beast Cleave buff (118455): its value, the share of a hit copied to the other targets,
   * is 115939 #1 with the Beast Cleave talent and 1 without (SimC hunter_pet_t::create_buffs:
   * `talents.beast_cleave.ok() ? effectN( 1 ).percent() : 1.0`), for every source of the buff
   * (Multi-Shot, Bloody Frenzy, Dire Cleave, Shadow Hounds, Umbral Reach): ./beast-cleave.ts.
   */
  beastCleaveShare: 0.8, // 115939 Beast Cleave, effect #1 (80 % of the pet's hit, with the talent)
  /** NOT SPELL DATA: the share without the talent (SimC's default value of the pet buff, 1.0). */
  beastCleaveShareUntalented: 1,
  killCleaveShare: 0.8, // 378207 Kill Cleave, effect #1 (80 % of Kill Command)
  /** Area soft caps (damage × sqrt(N / targets hit) beyond N; engine/ratings.ts aoeScale). */
  multiShotAoeCap: 5, // 2643 Multi-Shot, effect #1 (5: "reduced damage beyond $s1 targets")
  /** The cleaves hit the other targets only; SimC reads effect #2 as reduced_aoe_targets. */
  beastCleaveAoeCap: 8, // 118459 Beast Cleave (damage), effect #2 (8: "reduced damage beyond $s2 targets")
  killCleaveAoeCap: 8, // 389448 Kill Cleave (damage), effect #2 (8)
  bestialWrathDamage: 0.3, // 19574 Bestial Wrath, effects #1/#4 (player); 186254 effect #1 (pet)
  frenzyAttackSpeedPerStack: 0.3, // 272790 Frenzy, effect #1 (auto attack speed % per stack)
  thrillCritPerStack: 0.02, // 257946 Thrill of the Hunt, effect #1 (crit chance per stack)
  wildCallChance: 0.2, // 185789 Wild Call, effect #1 (proc chance on Auto Shot crits)
  killerInstinctBonus: 0.16, // 273887 Killer Instinct, effect #1 (Kill Command damage, rank 2 of 2)
  /** Killer Instinct's rank table (talents/ranks.ts): #1 × 0.5 at rank 1 (8 %), × 1 at rank 2. */
  killerInstinctRank: [0.5, 1], // 273887 Killer Instinct, Talent Entry Effect#1 op=mul values (0.5, 1) (11.2 hunter.txt)
  alphaPredatorDamage: 0.15, // 269737 Alpha Predator, effect #4 (Kill Command damage)
  alphaPredatorCharges: 1, // 269737 Alpha Predator, effect #3 (+1 charge, category 2067 = Kill Command)
  packTacticsRegen: 1.25, // 321014 Pack Tactics, effect #1 (+125 % focus regeneration)
  direBeastMs: 8000, // 120679 Dire Beast, effect #2 (8 sec)
  /** Dire Beast is passive: each tick of the hunter's bleeds may summon one (SimC dire_beast_chance). */
  direBeastChance: 0.04, // 120679 Dire Beast, effect #1 (4 % per bleed tick)
  /** NOT SPELL DATA: a Dire Beast has 1 × the hunter's attack power (SimC dire_beast_t owner_coeff.ap_from_ap = 1). */
  direBeastApFromOwner: 1,
  /**
   * The pet's own Thrill of the Hunt (SimC pet buff 312365, triggered with the hunter's by Barbed
   * Shot): pet critical strike chance per stack.
   * 312365 #1: 2 % per stack (read in the 11.2.0.63003 dump).
   */
  petThrillCritPerStack: 0.02,
  /** Bestial Wrath's pet attack (344572, SimC pets::actions::bestial_wrath_t), on the pet's attack power. */
  bestialWrathPetAp: 1.8, // 344572 Bestial Wrath (pet), effect #1 (AP coefficient 1.8)
  /**
   * Bloodshed: the target takes more damage from the main pet (and Animal Companion) while it bleeds
   * (SimC hunter_main_pet_base_t::composite_player_target_multiplier).
   */
  bloodshedPetDamageTaken: 0.15, // 321530 Bloodshed, effect #3 (15 %)
  /** Call of the Wild: one more stable pet every 4 s for 6 s (SimC buff tick callback). */
  callOfTheWildPeriodMs: 4000, // 359844 Call of the Wild, effect #2 (periodic, every 4 s)
  callOfTheWildSummonMs: 6000, // 361582 Call of the Wild (359844 #2's periodic summon), duration 6 s
  /** Each Call of the Wild summon takes this share of the base cooldown off Kill Command and Barbed Shot. */
  callOfTheWildCdrPerPet: 0.25, // 359844 Call of the Wild, effect #3 (25 %; SimC effectN( 3 ).base_value() / 100)
  bloodshedTickAp: 1.2, // 321538 Bloodshed (pet bleed), effect #1 (AP coeff per 1 s tick, on the pet's attack power)
  callOfTheWildPets: 2, // 359844 Call of the Wild, effect #1 (summons 2 pets)
  callOfTheWildMs: 20_000, // 359844 Call of the Wild: duration 20 s
  /** Mastery: Master of Beasts on the hunter's own focus spenders: 1 % per point (76657 effects #5/#6). */
  masteryPlayerCoefficient: 1, // 76657 Mastery: Master of Beasts, effects #5/#6 (SP coeff 1)
  /** Spec aura: spell direct and periodic damage of the hunter's abilities (137015 effects #1/#2). */
  specAuraSpells: -0.06, // 137015 Beast Mastery Hunter, effects #1/#2 (-6 %)
  specAuraPet: -0.06, // 137015 Beast Mastery Hunter, effect #3 (pet damage done -6 %)
  specAuraGuardian: -0.06, // 137015 Beast Mastery Hunter, effect #4 (guardian damage done -6 %)
  specAuraKillShot: [0.4, -0.28], // 137015 Beast Mastery Hunter, effects #7 (+40 %) and #8 (-28 %) on Kill Shot
} as const;

export const BM_DATA: SpecData = {
  id: 'bm-hunter',
  name: 'Beast Mastery',
  specId: 253,
  masteryCoefficient: 1.9, // 76657 Mastery: Master of Beasts, effects #1/#4 (SP coeff 1.9: pet and guardian damage per point)
  baseFocusRegen: 5, // NOT SPELL DATA: hunter focus regeneration 5 per second (power type table, not a spell)
  maxFocus: 120, // NOT SPELL DATA: approximation kept from the model (base focus 100; BM talents raise it)
  actions: [
    action({
      id: 34026,
      key: 'kill_command',
      name: 'Kill Command',
      description: 'Your pet savagely attacks the target for a large amount of Physical damage.',
      school: 'physical',
      cost: 30, // 34026 Kill Command: 30 Focus
      cooldownMs: 7500, // 34026 Kill Command: 1 charge, 7.5 s
      hastedCooldown: true, // 137014 Hunter, effects #2/#12 (hasted cooldown, category 2067)
      requiresPet: true,
    }),
    action({
      id: 217200,
      key: 'barbed_shot',
      name: 'Barbed Shot',
      description:
        'Fire a shard into the target, causing it to bleed over 12 sec and sending your pet into a Frenzy; regenerates 20 Focus over 8 sec.',
      school: 'physical',
      cooldownMs: 18_000, // 217200 Barbed Shot: 2 charges, 18 s
      charges: 2, // 217200 Barbed Shot: 2 charges
      hastedCooldown: true, // 137014 Hunter, effect #9 (hasted cooldown, category 1675)
    }),
    action({
      id: 193455,
      key: 'cobra_shot',
      name: 'Cobra Shot',
      description:
        'A quick shot that deals Physical damage and reduces the remaining cooldown of Kill Command by 1 sec.',
      school: 'physical',
      cost: 35, // 193455 Cobra Shot: 35 Focus
    }),
    action({
      id: 53351,
      key: 'kill_shot',
      name: 'Kill Shot',
      description:
        'You attempt to finish off a wounded target (below 20% health), dealing large Physical damage.',
      school: 'physical',
      cost: 10, // 53351 Kill Shot: 10 Focus
      cooldownMs: 10_000, // 53351 Kill Shot: 1 charge, 10 s
      executePct: 20, // 53351 Kill Shot, effect #2 (target below 20 % health)
    }),
    action({
      id: 2643,
      key: 'multishot',
      name: 'Multi-Shot',
      description:
        'Fires several missiles, hitting all nearby enemies; with Beast Cleave, your pet gains Beast Cleave for 6 sec.',
      school: 'physical',
      cost: 40, // 2643 Multi-Shot: 40 Focus
      talent: 'multishot', // 2643 is a node of the BM tree (Talent Entry row 4; SimC talents.multishot_bm)
    }),
    action({
      id: 19574,
      key: 'bestial_wrath',
      name: 'Bestial Wrath',
      description: 'You and your pet deal 30% more damage for 15 sec.',
      school: 'physical',
      cooldownMs: 90_000, // 19574 Bestial Wrath: cooldown 90 s (on the 1.5 s GCD)
    }),
    action({
      id: 321530,
      key: 'bloodshed',
      name: 'Bloodshed',
      description: 'Your pet tears into the target, causing it to bleed over 12 sec.',
      school: 'physical',
      cooldownMs: 60_000, // 321530 Bloodshed: cooldown 60 s
      talent: 'bloodshed',
      requiresPet: true,
    }),
    action({
      id: 359844,
      key: 'call_of_the_wild',
      name: 'Call of the Wild',
      description: 'You call upon your stable: two additional pets fight at your side for 20 sec.',
      school: 'nature',
      cooldownMs: 120_000, // 359844 Call of the Wild: cooldown 120 s
      talent: 'call_of_the_wild',
    }),

    HUNTERS_MARK,
    ...DARK_RANGER_ACTIONS, // hero tree: specs/hero/dark-ranger.ts
    // a class talent BM takes with Thundering Hooves (./explosive-shot.ts); last, so no index moves
    EXPLOSIVE_SHOT,
  ],
  sources: [
    { key: 'auto_shot', name: 'Auto Shot', school: 'physical' },
    { key: 'pet_melee', name: 'Pet: Melee', school: 'physical' },
    { key: 'claw', name: 'Pet: Claw (Basic Attack)', school: 'physical' },
    { key: 'kill_command', name: 'Pet: Kill Command', school: 'physical' },
    { key: 'barbed_shot', name: 'Barbed Shot', school: 'physical' },
    { key: 'cobra_shot', name: 'Cobra Shot', school: 'physical' },
    { key: 'kill_shot', name: 'Kill Shot', school: 'physical' },
    { key: 'multishot', name: 'Multi-Shot', school: 'physical' },
    { key: 'beast_cleave', name: 'Pet: Beast Cleave', school: 'physical' },
    { key: 'animal_companion', name: 'Animal Companion: Melee', school: 'physical' },
    { key: 'dire_beast', name: 'Dire Beast: Melee', school: 'physical' },
    { key: 'bloodshed', name: 'Pet: Bloodshed', school: 'physical' },
    { key: 'call_of_the_wild', name: 'Call of the Wild: Melee', school: 'physical' },
    { key: 'radiant_power', name: 'Authority of Radiant Power', school: 'holy' },
    HUNTERS_MARK_SOURCE,
    { key: 'bestial_wrath', name: 'Pet: Bestial Wrath', school: 'physical' },
    ...DARK_RANGER_SOURCES,
    ...PACK_LEADER_SOURCES, // hero tree: specs/hero/pack-leader.ts
    ...PACK_LEADER_TIER_SOURCES, // its TWW3 set's Stampede: specs/hero/pack-leader-tier.ts
    ...BM_TALENT_SOURCES, // spec talents: ./talent-data.ts
    ...DARK_RANGER_CHOICE_SOURCES, // Shadow Hounds, Phantom Pain (specs/hero/dark-ranger-data.ts); last, so no index moves
    ...BM_MORE_TALENT_SOURCES, // spec talents modelled later (./talent-data.ts): after these, so no index moves
  ],
  buffs: [
    aura({
      id: 19574,
      key: 'bestial_wrath',
      name: 'Bestial Wrath',
      description: 'Damage dealt increased by 30%.',
      durationMs: 15_000, // 19574 Bestial Wrath: duration 15 s
    }),
    aura({
      id: 257946,
      key: 'thrill_of_the_hunt',
      name: 'Thrill of the Hunt',
      description: 'Critical strike chance increased by 2% per stack (Barbed Shot).',
      durationMs: 12_000, // 257946 Thrill of the Hunt: duration 12 s
      maxStacks: 3, // 257944 Thrill of the Hunt, effect #2 (max stacks 3)
    }),
    aura({
      id: 359844,
      key: 'call_of_the_wild',
      name: 'Call of the Wild',
      description: 'Two additional pets are fighting at your side.',
      durationMs: 20_000, // 359844 Call of the Wild: duration 20 s
    }),
    BLOODLUST,
    RADIANT_POWER,
    ...DARK_RANGER_BUFFS,
    ...PACK_LEADER_BUFFS,
    ...PACK_LEADER_TIER_BUFFS, // its TWW3 set's stat buffs and Stampede: specs/hero/pack-leader-tier.ts
    ...BM_TALENT_BUFFS, // spec talents: ./talent-data.ts
    BLIGHTED_QUIVER, // The War Within season 3 Dark Ranger 4pc (specs/hero/dark-ranger-set.ts); last, so no index moves
  ],
  debuffs: [HUNTERS_MARK_DEBUFF, ...BM_MORE_TALENT_DEBUFFS],
  dots: [
    {
      id: 217200,
      key: 'barbed_shot',
      name: 'Barbed Shot',
      description: 'Bleeding for Physical damage every 2 sec.',
      durationMs: 12_000, // 217200 Barbed Shot: duration 12 s
      maxStacks: 1,
      tickMs: 2000, // 217200 Barbed Shot, effect #1 (every 2 s)
      source: 'barbed_shot',
    },
    {
      id: 321538,
      key: 'bloodshed',
      name: 'Bloodshed',
      description: 'Bleeding for Physical damage every 1 sec.',
      durationMs: 12_000, // 321538 Bloodshed: duration 12 s
      maxStacks: 1,
      tickMs: 1000, // 321538 Bloodshed, effect #1 (every 1 s)
      source: 'bloodshed',
    },
    ...DARK_RANGER_DOTS,
    ...PACK_LEADER_DOTS,
    ...BM_TALENT_DOTS,
    ...BM_MORE_TALENT_DOTS, // spec talents modelled later (./talent-data.ts): last, so no index moves
  ],
  petBuffs: [
    aura({
      id: 272790,
      key: 'frenzy',
      name: 'Frenzy',
      description: 'Attack speed increased by 30% per stack.',
      durationMs: 12_000, // 272790 Frenzy: duration 12 s
      maxStacks: 3, // 272790 Frenzy: 3 stacks maximum
    }),
    aura({
      id: 118455,
      key: 'beast_cleave',
      name: 'Beast Cleave',
      description:
        'Melee attacks also hit all other nearby enemies for 80% of the damage with the Beast Cleave talent, 100% without.',
      // 118455 has no duration of its own: 115939 Beast Cleave, effect #2 (+6000 ms) gives it 6 s with
      // the talent (SimC apply_affecting_effect); without it only sources with their own duration apply it
      durationMs: 6000,
    }),
    aura({
      id: 312365,
      key: 'thrill_of_the_hunt',
      name: 'Thrill of the Hunt',
      description: 'Critical strike chance increased by 2% per stack (Barbed Shot).',
      durationMs: 8000, // 312365 Thrill of the Hunt (pet): duration 8 s (the hunter's 257946 lasts 12 s)
      maxStacks: 3, // 257944 Thrill of the Hunt, effect #2 (max stacks 3; SimC set_max_stack from it)
    }),
    aura({
      id: 186254,
      key: 'bestial_wrath',
      name: 'Bestial Wrath',
      description: 'Damage dealt increased by 30%.',
      durationMs: 15_000, // 186254 Bestial Wrath (pet): duration 15 s
    }),
  ],
  talents: [
    {
      key: 'alpha_predator',
      name: 'Alpha Predator',
      description: 'Kill Command has 2 charges and deals 15% more damage.',
      spellId: 269737,
    },
    {
      key: 'wild_call',
      name: 'Wild Call',
      description: 'Auto Shot critical strikes have a 20% chance to reset a charge of Barbed Shot.',
      spellId: 185789,
    },
    {
      key: 'barbed_wrath',
      name: 'Barbed Wrath',
      description: 'Barbed Shot reduces the cooldown of Bestial Wrath by 12 sec.',
      spellId: 231548,
    },
    {
      key: 'thrill_of_the_hunt',
      name: 'Thrill of the Hunt',
      description: 'Barbed Shot grants 2% critical strike chance for 12 sec, stacking 3 times.',
      spellId: 257944,
    },
    {
      key: 'killer_instinct',
      name: 'Killer Instinct',
      description: 'Kill Command deals 8% more damage per rank (2 ranks).',
      spellId: 273887,
    },
    {
      key: 'kill_cleave',
      name: 'Kill Cleave',
      description:
        'While Beast Cleave is active, Kill Command also hits other nearby enemies for 80% of its damage.',
      spellId: 378207,
    },
    {
      key: 'dire_beast',
      name: 'Dire Beast',
      description: 'Each tick of your bleeds has a 4% chance to summon a Dire Beast that attacks for 8 sec.',
      spellId: 120679,
    },
    {
      key: 'animal_companion',
      name: 'Animal Companion',
      description: 'A second pet from your stable fights beside your pet and obeys Kill Command.',
      spellId: 267116,
    },
    {
      key: 'bloodshed',
      name: 'Bloodshed',
      description: 'Your pet makes the target bleed for 12 sec (1 min cooldown).',
      spellId: 321530,
    },
    {
      key: 'call_of_the_wild',
      name: 'Call of the Wild',
      description: 'Two additional pets fight for 20 sec (2 min cooldown).',
      spellId: 359844,
    },
    {
      key: 'pack_tactics',
      name: 'Pack Tactics',
      description: 'Passive Focus generation increased by 125%.',
      spellId: 321014,
    },
    ...BM_SPEC_TALENTS, // ./talent-data.ts, modelled in ./spec-talents.ts
    ...DARK_RANGER_TALENTS,
    ...PACK_LEADER_TALENTS,
    ...BM_BEAST_CLEAVE_TALENTS, // Multi-Shot and Beast Cleave (./beast-cleave.ts); last, so no index moves
  ],
  /**
   * SimulationCraft's default BM profile: the modelled talents of profiles/TWW3/
   * TWW3_Hunter_Beast_Mastery.simc at ab018d1176 (talents=C0PAAAAAAAAAAAAAAAAAAAAAAAMmxwCsBzohG2AAAAAAww
   * YMzyMzwMmBLDzMjZmZmJzYGzYmZGzMmhxwYYWGstMD2AAAAAAgZA, Pack Leader; the class tree's are added by
   * registry.ts), and the weapon enchant both specs' defaults carry. Not taken there: Killer
   * Instinct, Kill Cleave, Call of the Wild, Multi-Shot and Beast Cleave (so the default casts no
   * Multi-Shot and its main pets do not cleave: ./beast-cleave.ts).
   */
  defaultTalents: [
    'thrill_of_the_hunt',
    'wild_call',
    'animal_companion',
    'bloodshed',
    'alpha_predator',
    'barbed_wrath',
    'pack_tactics',
    'dire_beast',
    'training_expert',
    'piercing_fangs',
    'go_for_the_throat',
    'savagery',
    'war_orders',
    'scent_of_blood',
    'barbed_scales',
    'killer_cobra',
    'serpentine_rhythm',
    'stomp',
    'dire_command',
    'dire_frenzy',
    'laceration',
    'huntmasters_call',
    'wildspeaker',
    'snakeskin_quiver',
    'howl_of_the_pack_leader',
    'pack_mentality',
    'dire_summons',
    'better_together',
    'fury_of_the_wyvern',
    'hogstrider',
    'lead_from_the_front',
    'no_mercy',
    'ursine_fury',
  ],
};
