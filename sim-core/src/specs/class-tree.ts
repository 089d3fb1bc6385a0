/**
 * The Hunter class tree's damage talents, shared by Beast Mastery and Marksmanship: their numbers,
 * their config keys, and what they do for one config, computed once when the Sim is built (no work
 * per hit beyond a multiply, no allocation). The engine applies the stat ones (crit, auto-attack
 * speed); the spec logic multiplies its own abilities by the others at the hook points named below.
 * Sources and the SimulationCraft comparison: sim-core/docs/specs.md ("Class tree").
 *
 * Numbers: World of Warcraft 11.2.0.63003 (SimulationCraft SpellDataDump/hunter.txt, simc commit
 * ab018d1176), cited as `spell id, effect #n`; how SimC applies each: sc_hunter.cpp at that commit.
 * The two talents with ranks scale with the config's rank (`keen_eyesight:1`, talents/ranks.ts) by
 * their spell's rank table, as SimulationCraft's trait effects do; without a rank, the full one.
 *
 * Class-tree talents not here change no damage in a single-target or cleave sim (defensives,
 * movement, crowd control, utility cooldowns: Lone Survivor, Born To Be Wild, Hunter's Avoidance,
 * Scrappy, No Hard Feelings, Quick Load, Moment of Opportunity, ...) or are abilities no default
 * action list uses (High Explosive / Implosive Trap); Deathblow (343248) and Explosive Shot
 * (212431) are modelled with the specs that use them.
 */
import type { SpecId, TalentInfo } from '../types.ts';
import type { Sim } from '../engine/sim.ts';
import { talentRank } from '../talents/ranks.ts';
import type { SpecData } from './spec-types.ts';

export const CLASS_TREE = {
  /** Keen Eyesight: crit chance by rank (the rank table sets effect #1: op=set, values 2, 4). */
  keenEyesightCrit: [0.02, 0.04], // 378004 Keen Eyesight, effect #1 at rank 1, 2 (11.2 hunter.txt)
  /** Serrated Tips: crit rating (the hunter's, so the pets' crit chance too) × 1.05. */
  serratedTipsCritRating: 0.05, // 459502 Serrated Tips, effect #1 (+5 % crit from rating)
  /** Specialized Arsenal: Kill Command (BM, the pet's 83381) / Aimed Shot (MM, 19434) damage. */
  specializedArsenal: 0.1, // 459542 Specialized Arsenal, effects #1/#2 (+10 % direct and periodic)
  /** Blackrock Munitions: Explosive Shot's explosion (212680). */
  blackrockMunitionsExplosive: 0.08, // 462036 Blackrock Munitions, effect #1 (+8 %)
  /** Blackrock Munitions: added to Harmonize's pet damage bonus. */
  blackrockMunitionsHarmonize: 0.02, // 462036 Blackrock Munitions, effect #2 (+2 % on Harmonize #1)
  /** Harmonize: damage of the hunter's pets (not guardians: SimC composite_player_pet_damage_multiplier). */
  harmonizePet: 0.04, // 1245926 Harmonize, effect #1 (+4 % pet damage)
  /** Trigger Finger: the rank table multiplies effects #1, #2 and #4 by 0.5 at rank 1, 1 at rank 2. */
  triggerFingerRank: [0.5, 1], // 459534 Trigger Finger, Effect#1/#2/#4 op=mul values (0.5, 1) (11.2 hunter.txt)
  triggerFingerSpeed: 0.05, // 459534 Trigger Finger, effect #1 (+5 % auto attack speed at rank 2)
  /** SimC also applies effect #2 as a second attack speed bonus (its note: seen in game, "double the expected amount"). */
  triggerFingerSecond: 0.05, // 459534 Trigger Finger, effect #2 (+5 % at rank 2)
  /** Effect #2 is raised by this without an active pet (MM without Unbreakable Bond); not in the rank table. */
  triggerFingerPetless: 1, // 459534 Trigger Finger, effect #3 (+100 %)
  /** Unnatural Causes: the hunter's damage over time (the spells in 459529's lists) on every target. */
  unnaturalCauses: 0.1, // 459527 Unnatural Causes, effect #1 (+10 %); 459529 effects #1/#2
  /** ... raised by this on targets below unnaturalCausesBelowPct health. */
  unnaturalCausesExecute: 0.5, // 459527 Unnatural Causes, effect #2 (+50 %: 15 % in all)
  unnaturalCausesBelowPct: 20, // 459527 Unnatural Causes, effect #3 (below 20 % health)
} as const;

/** The class tree's modelled talents; every hunter spec's talent list ends with them (registry.ts). */
export const CLASS_TALENTS: TalentInfo[] = [
  {
    key: 'keen_eyesight',
    name: 'Keen Eyesight',
    description: 'Critical strike chance increased by 2% per rank (2 ranks).',
    spellId: 378004,
  },
  {
    key: 'serrated_tips',
    name: 'Serrated Tips',
    description: 'You gain 5% more critical strike from critical strike sources.',
    spellId: 459502,
  },
  {
    key: 'specialized_arsenal',
    name: 'Specialized Arsenal',
    description: 'Kill Command (Beast Mastery) or Aimed Shot (Marksmanship) deals 10% increased damage.',
    spellId: 459542,
  },
  {
    key: 'blackrock_munitions',
    name: 'Blackrock Munitions',
    description:
      'The damage of Explosive Shot is increased by 8%. Pet damage bonus of Harmonize increased by 2%.',
    spellId: 462036,
  },
  {
    key: 'harmonize',
    name: 'Harmonize',
    description: 'All pet damage dealt increased by 4% (not guardians such as Dire Beast).',
    spellId: 1245926,
  },
  {
    key: 'trigger_finger',
    name: 'Trigger Finger',
    description:
      'You and your pet have 2.5% increased attack speed per rank (2 ranks), more if you do not have an active pet.',
    spellId: 459534,
  },
  {
    key: 'unnatural_causes',
    name: 'Unnatural Causes',
    description: 'Your damage over time effects deal 10% increased damage, 15% on targets below 20% health.',
    spellId: 459527,
  },
];

/**
 * The class tree's part of each spec's default talents (registry.ts adds it to the spec's own):
 * the class talents SimulationCraft's default profiles take (profiles/TWW3, decoded with
 * talents/resolve.ts). MM's profile takes Explosive Shot, the other entry of Harmonize's choice node.
 */
export const CLASS_DEFAULT_TALENTS: Readonly<Record<SpecId, readonly string[]>> = {
  'bm-hunter': [
    'keen_eyesight',
    'serrated_tips',
    'specialized_arsenal',
    'blackrock_munitions',
    'harmonize',
    'trigger_finger',
    'unnatural_causes',
  ],
  'mm-hunter': [
    'keen_eyesight',
    'serrated_tips',
    'specialized_arsenal',
    'blackrock_munitions',
    'trigger_finger',
    'unnatural_causes',
  ],
};

/**
 * What the class tree's talents do for one config. Multipliers are 1 (and bonuses 0) when the
 * talent is not taken, so the hooks cost a multiply either way.
 */
export class ClassTree {
  /** Keen Eyesight: added to the crit chance (the pets inherit the hunter's). */
  readonly critChance: number;
  /** Serrated Tips: multiplies the crit rating before it is converted. */
  readonly critRatingMult: number;
  /** Trigger Finger: auto attack speed of the hunter and of every pet (SimC pets inherit the owner's). */
  readonly autoAttackSpeed: number;
  /** Specialized Arsenal: the spec's ability in its list (BM Kill Command, MM Aimed Shot). */
  readonly specializedArsenal: number;
  /** Blackrock Munitions: Explosive Shot's explosion. */
  readonly explosiveShot: number;
  /** Harmonize (+ Blackrock Munitions #2): damage of the hunter's pets, not guardians. */
  readonly petDamage: number;
  /** Unnatural Causes on a target at or above its health threshold (1 without the talent). */
  readonly dot: number;
  /** ... and below it (unnaturalCausesExecute; 1 without the talent). */
  readonly dotExecute: number;

  constructor(private readonly sim: Sim) {
    const has = (key: string) => sim.hasTalent(key);
    const rank = (key: string) => (has(key) ? talentRank(sim.config.player.talents, key) : 0);
    const T = CLASS_TREE;
    const keen = rank('keen_eyesight');
    this.critChance = keen > 0 ? T.keenEyesightCrit[keen - 1]! : 0;
    this.critRatingMult = has('serrated_tips') ? 1 + T.serratedTipsCritRating : 1;
    // SimC hunter_t::composite_melee_auto_attack_speed: (1 + #1) × (1 + #2 [× (1 + #3) without a pet]),
    // #1 and #2 at the rank's value
    const trigger = rank('trigger_finger');
    const r = trigger > 0 ? T.triggerFingerRank[trigger - 1]! : 0;
    this.autoAttackSpeed =
      trigger > 0
        ? (1 + T.triggerFingerSpeed * r) *
          (1 + T.triggerFingerSecond * r * (mainPetOut(sim) ? 1 : 1 + T.triggerFingerPetless))
        : 1;
    this.specializedArsenal = has('specialized_arsenal') ? 1 + T.specializedArsenal : 1;
    const blackrock = has('blackrock_munitions');
    this.explosiveShot = blackrock ? 1 + T.blackrockMunitionsExplosive : 1;
    // SimC: 1 + Harmonize #1 + Blackrock Munitions #2 (one additive bonus).
    this.petDamage = has('harmonize')
      ? 1 + T.harmonizePet + (blackrock ? T.blackrockMunitionsHarmonize : 0)
      : 1;
    const uc = has('unnatural_causes');
    this.dot = uc ? 1 + T.unnaturalCauses : 1;
    this.dotExecute = uc ? 1 + T.unnaturalCauses * (1 + T.unnaturalCausesExecute) : 1;
  }

  /**
   * Unnatural Causes on a hit of a spell in 459529's lists (BM Barbed Shot; MM Master Marksman,
   * Sentinel; Dark Ranger's Black Arrow dot and crows) on `target`: its health read at the hit, as
   * SimC's composite_target_ta_multiplier / _da_multiplier do.
   */
  unnaturalCauses(target: number): number {
    if (this.dot === 1) return 1;
    return this.unnaturalCausesExecute(target) ? this.dotExecute : this.dot;
  }

  /**
   * True when Unnatural Causes' raised bonus applies on `target` now: the talent is taken and the
   * target's health is below its threshold (sim.healthPctOf(target) < 20, asked with Sim.healthBelow:
   * a boolean crosses the call, where a percent or a multiplier returned from a call V8 does
   * not inline is boxed; the same answer: TargetHealth.pct is never NaN). The hot callers
   * multiply by `ct.unnaturalCausesExecute(t) ? ct.dotExecute : ct.dot`, unnaturalCauses(t)'s value.
   */
  unnaturalCausesExecute(target: number): boolean {
    return this.dot !== 1 && this.sim.healthBelow(target, CLASS_TREE.unnaturalCausesBelowPct);
  }
}

/** The spec fights with a main pet (an action of the spec is the pet's): MM's Lone Wolf has none. */
export function hasMainPet(data: SpecData): boolean {
  return data.actions.some((a) => a.requiresPet);
}

/**
 * The hunter's main pet is out all fight: the spec has one (an action of the spec is the pet's: BM),
 * or Marksmanship takes Unbreakable Bond (1223323), whose pet SimC summons in precombat
 * (`summon_pet_t` is ready for MM only with the talent). SimC's Trigger Finger reads `pets.main`.
 */
export function mainPetOut(sim: Sim): boolean {
  return hasMainPet(sim.data) || sim.hasTalent('unbreakable_bond');
}
