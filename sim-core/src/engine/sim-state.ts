/**
 * The state of one simulation (see sim.ts): what a config fixes (stats, raid buffs, targets, fight
 * style, per-action tables) and what an iteration changes (time, resources, auras, pets), all in
 * fields and typed arrays allocated once here. Sim adds the mechanics, iteration.ts the event loop.
 */
import type { AplState, CompiledRotation } from '../apl/context.ts';
import type { ActionDef, SpecData } from '../specs/spec-types.ts';
import type { SimConfig } from '../types.ts';
import { AuraSet } from './auras.ts';
import { Cooldowns } from './cooldowns.ts';
import { EventQueue } from './event-queue.ts';
import { CRIT_MULTIPLIER, deriveStats, PHYSICAL_MULTIPLIER } from './ratings.ts';
import { Rng } from '../rng/rng.ts';
import type { HealthRule, SpecLogic } from './spec-logic.ts';
import { DotSet } from './dots.ts';
import { augmentAgility, staticRatings, type RatingBonus } from '../specs/consumables.ts';
import { PET_SOURCES } from '../specs/pet-sources.ts';
import { BLASPHEMITE_CRIT_PER_COLOUR } from '../specs/gear.ts';
import { racialPassives } from '../specs/racials.ts';
import { talentRank } from '../talents/ranks.ts';
import type { SetBonus } from '../specs/tier-sets.ts';
import { ClassTree } from '../specs/class-tree.ts';
import type { Sim } from './sim.ts';
import { TargetHealth } from './health.ts';
import { InFlight } from './in-flight.ts';
import { GCD_BASE_MS, MAX_PETS, MAX_TARGETS } from './events.ts';
import { COST_LIMITS } from '../cost/limits.ts';
import {
  BATTLE_SHOUT_AP,
  CHAOS_BRAND_MAGIC,
  defaultRaidBuffs,
  MARK_OF_THE_WILD_VERS,
  MYSTIC_TOUCH_PHYSICAL,
  SKYFURY_MASTERY_POINTS,
} from '../specs/raid-buffs.ts';
import { MISSILE_SPEED, travelMs } from '../specs/projectiles.ts';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import type { Timing } from '../types.ts';
import { hecticAddCleaveWaves, waveStartsMs } from '../config/fight-styles.ts';

export class SimState {
  readonly q = new EventQueue(256);
  readonly rng = new Rng();
  /** Latency and reaction draws: a second stream of the iteration, so the main one is unchanged. */
  readonly timingRng = new Rng();
  readonly timing: Timing;
  /** Per damage source: ms from the shot to its landing (0 = at once). */
  readonly srcTravelMs: Int32Array;
  /** Health checks of this iteration are dynamic (healthDynamic, but not while calibrating). */
  dynamicNow = false;
  /** 1 while the player's shots are executing (their hits travel); 0 for ticks, pets, spec events. */
  travelOn = 0;
  /** Hits in flight (travel time). */
  readonly inFlight: InFlight;
  readonly actions: readonly ActionDef[];
  readonly cds: Cooldowns;
  readonly buffs: AuraSet;
  readonly petBuffs: AuraSet;
  readonly debuffs: AuraSet;
  readonly dots: DotSet;
  /** Per damage source, summed over the chunk. */
  readonly srcDamage: Float64Array;
  readonly srcCasts: Float64Array;
  readonly srcHits: Float64Array;
  readonly srcCrits: Float64Array;
  /** Damage source of each action (-1 when it deals none itself). */
  readonly actionSource: Int32Array;
  readonly talentOn: Uint8Array;
  /** Rank of each spec talent (0 when not taken), by talent index. */
  readonly talentRanks: Uint8Array;
  /** Per action: execute range in percent (0 = none). */
  readonly executePct: Float64Array;
  /** Per action, this iteration: first ms at which the target is inside its execute range. */
  readonly executeFrom: Float64Array;
  /** Per action: focus cost from the data. */
  readonly baseCost: Float64Array;
  /** Per action: 1 when the main pet performs it. */
  readonly requiresPet: Uint8Array;
  /**
   * Per action, from the data (ActionDef): cast time, channel time (ms) and 1 when it triggers the
   * GCD. Read at every decision: typed arrays, where the action objects (of several shapes) would
   * be a polymorphic load.
   */
  readonly baseCastMs: Float64Array;
  readonly baseChannelMs: Float64Array;
  readonly onGcd: Uint8Array;
  readonly buffNotify: Uint8Array;
  /**
   * Per player buff: 1 when something reads its `react` (the rotation's `buff.X.react`, or a spec
   * rule such as Deathblow's): only those draw a reaction time when they gain stacks, as
   * SimulationCraft's `reactable` buffs (Sim.applyBuff). Set while the sim is built.
   */
  readonly buffReactable: Uint8Array;
  readonly prevGcd = new Int32Array(4);
  readonly petActive = new Uint8Array(MAX_PETS);
  readonly petGen = new Int32Array(MAX_PETS);
  readonly petTarget = new Int32Array(MAX_PETS);
  logic!: SpecLogic;
  /** Actions the player knows (talents), filled when the first iteration starts. */
  knownActions = new Int32Array(0);
  /** 1 for each action the player knows (index = action id; out-of-range ids read undefined). */
  knownMask = new Uint8Array(0);
  rotation!: CompiledRotation;
  state!: AplState;
  readonly bloodlustBuff: number;
  /** Hunter's Mark debuff index, -1 when the spec has none. */
  readonly markDebuff: number;
  /** The raid's Hunter's Mark: on the first target from the pull (specs/raid-buffs.ts). */
  readonly raidMark: boolean;
  /** Hunter's Mark applies while now < markUntil (health above MARK_ABOVE_PCT); -1 without it. */
  markUntil = -1;
  readonly health = new TargetHealth();
  /**
   * Health does not fall linearly with the iteration's time for every target alike (health from
   * damage, or adds): execute ranges and Hunter's Mark check each target's health when used,
   * instead of the precomputed executeFrom / markUntil.
   */
  readonly healthDynamic: boolean;
  /**
   * The job seed and first calibration iteration (its block's, health.ts) the health pools were
   * calibrated with (-1: none yet).
   */
  calibratedSeed = -1;
  calibratedFirst = -1;
  /**
   * The health rule of actions on a target when a talent changes it (Dark Ranger's Black Arrow,
   * Deathblow's Kill Shot at any health: specs/hero/dark-ranger.ts); null = the execute range only.
   * The one place such a rule lives: actionReady and the idle wake-up (decisions.ts) both read it.
   * An object with a method, not a closure: every sim's rule then has the same method, so the
   * call sites see one target however many sims a worker creates.
   */
  healthRule: HealthRule | null = null;
  /**
   * Per action: 1 when `healthRule` has a rule of its own for it (set with `healthRule`); any other
   * action is usable as far as its execute range goes (inExecuteRange), which the rule answers for it too,
   * so readiness checks skip the call.
   */
  readonly usableFor: Uint8Array;
  /** The damage of the last hit rolled by `hit` (landed now or still in flight). */
  lastHitDamage = 0;
  /**
   * The crit factor of that hit (1 when it did not crit): what an effect carrying the hit's result
   * over to other targets multiplies by (Beast Cleave, Kill Cleave: SimC's `result_total`).
   */
  lastCritFactor = 1;

  // Static per config.
  /** Targets alive now: the first `targets` indices (adds waves raise it while they live). */
  targets: number;
  /** Targets alive the whole fight (adds style: 1, the main target). */
  readonly baseTargets: number;
  /** Adds style: wave start times (ms), adds per wave, wave lifetime (ms); empty otherwise. */
  readonly waveStarts: readonly number[];
  readonly waveCount: number;
  readonly waveLifeMs: number;
  readonly durationMs: number;
  readonly variation: number;
  readonly baseAgility: number;
  readonly weaponDps: number;
  readonly weaponSpeedMs: number;
  /** Haste, crit, mastery and versatility from the ratings (+ flask, raid buffs, a potion while up). */
  baseHaste = 1;
  baseCrit = 0;
  /** Mastery in percent (points × spec coefficient). */
  masteryPct = 0;
  versatility = 1;
  /** Secondary ratings: the profile's plus the flask's, weapon oil's and food's (specs/consumables.ts). */
  readonly ratings: RatingBonus;
  /** The class tree's talents (crit, auto attack speed, the multipliers the specs apply). */
  readonly classTree: ClassTree;
  readonly bloodlust: boolean;
  /** Attack power per agility: 1, × Battle Shout when the raid has it. */
  readonly apPerAgility: number;
  /**
   * Damage-taken multipliers of the raid's debuffs on every target (Mystic Touch, Chaos Brand); the
   * magic one also carries a racial magic-damage bonus (Magical Affinity).
   */
  readonly physicalTaken: number;
  readonly magicTaken: number;
  /** Magic damage taken by the targets alone (Chaos Brand), without the player's racial bonus in magicTaken. */
  readonly magicTargetTaken: number;
  /** PHYSICAL_MULTIPLIER × physicalTaken: armor and Mystic Touch on a physical hit, one factor. */
  readonly physicalMult: number;
  /**
   * Copies of the spec logic's static answers, read on every decision (set when an iteration
   * starts): per action, 1 when its cost is asked of logic.cost (logic.dynamicCost, and
   * logic.costVaries for that action), and whether the logic has gcdFactor.
   */
  readonly costDynamic: Uint8Array;
  hasGcdFactor = false;
  /** The timing options ask for reaction times (timing.reactionMs > 0). */
  readonly reactionOn: boolean;

  /** Agility from the extras (Fireblood), added to what the spec sets. */
  extraAgility = 0;
  /** Attack power from the extras (Blood Fury), before the attack power multiplier. */
  extraAp = 0;
  /** Critical strike chance from the extras (Embrace of Pa'ku); deriveRatings adds it. */
  extraCrit = 0;
  /** Per damage source: its damage × this (the extras: Command on pets, Entropic Embrace). */
  readonly srcMult: Float64Array;
  /** Per damage source: which of the extras' on-hit procs it triggers (0: none; Extras.onHit). */
  readonly srcProc: Uint8Array;
  /** 1 when the extras have on-hit procs (a race's), so `hit` reads srcProc. */
  hitProcs = 0;
  /** 1 when an item procs on the player's casts (Astral Antenna), so countCast tells the extras. */
  castProcs = 0;
  /** The agility the spec last set (base + its own buffs). */
  protected specAgility = 0;

  // Per iteration.
  now = 0;
  endMs = 0;
  iterDamage = 0;
  events = 0;
  /**
   * Events of the health calibration's iterations (iteration.ts calibrate), which `events` leaves
   * out: the work a chunk did beside its own iterations (simulateCounted adds it).
   */
  calibrationEvents = 0;
  /** The health calibration's iterations run so far (simulateCounted adds them to the chunk's). */
  calibrationIterations = 0;
  /** Rotation lines evaluated this iteration, at its end (events + this = the iteration's work). */
  iterEvaluations = 0;
  /** Work (events + lines evaluated) one iteration may take (COST_LIMITS; lower in tests). */
  workBudget: number = COST_LIMITS.maxWorkPerIteration;
  haste = 1;
  /** Speed of auto attacks (Auto Shot, pet swings): haste × the class tree's attack speed. */
  autoHaste = 1;
  /** When the next Auto Shot fires (-1: none scheduled yet), and its event's generation. */
  autoAt = -1;
  autoGen = 0;
  agility = 0;
  /** Attack power of abilities and pets: base + weapon DPS × 6 (Sim.setAgility). */
  ap = 0;
  /** Attack power without the weapon's: what a weapon swing adds (Sim.setAgility). */
  baseAp = 0;
  critChance = 0;
  focusValue = 0;
  focusAt = 0;
  /** Focus per ms. */
  focusRate = 0;
  focusMax: number;
  gcdEnd = 0;
  gcdValue = GCD_BASE_MS;
  busyUntil = 0;
  channelAction = -1;
  channelTarget = 0;
  /** Focus cost of the cast in progress, fixed when it began and paid when it finishes. */
  castCost = 0;
  /** The player's next decision waits for latency until this ms (see decisions.ts). */
  lagUntil = 0;
  readyGen = 0;
  readyAt = -1;

  constructor(
    readonly config: SimConfig,
    readonly data: SpecData,
  ) {
    this.actions = data.actions;
    this.cds = new Cooldowns(data.actions);
    this.buffs = new AuraSet(data.buffs, 1);
    this.petBuffs = new AuraSet(data.petBuffs, 1);
    this.debuffs = new AuraSet(data.debuffs, MAX_TARGETS);
    this.dots = new DotSet(data.dots);
    const ns = data.sources.length;
    this.inFlight = new InFlight(ns);
    this.srcDamage = new Float64Array(ns);
    this.srcCasts = new Float64Array(ns);
    this.srcHits = new Float64Array(ns);
    this.srcCrits = new Float64Array(ns);
    this.srcMult = new Float64Array(ns).fill(1);
    this.srcProc = new Uint8Array(ns);
    this.actionSource = Int32Array.from(
      data.actions.map((a) => data.sources.findIndex((s) => s.key === a.key)),
    );
    // a talent with a rank (`keen_eyesight:1`) is on; its rank is talent.X.rank (talents/ranks.ts)
    this.talentRanks = Uint8Array.from(data.talents.map((t) => talentRank(config.player.talents, t.key)));
    this.talentOn = this.talentRanks.map((r) => (r > 0 ? 1 : 0));
    this.buffNotify = new Uint8Array(data.buffs.length);
    this.buffReactable = new Uint8Array(data.buffs.length);
    this.executePct = Float64Array.from(data.actions.map((a) => a.executePct));
    this.executeFrom = new Float64Array(data.actions.length);
    this.baseCost = Float64Array.from(data.actions.map((a) => a.cost));
    this.costDynamic = new Uint8Array(data.actions.length);
    this.usableFor = new Uint8Array(data.actions.length);
    this.requiresPet = Uint8Array.from(data.actions.map((a) => (a.requiresPet ? 1 : 0)));
    this.baseCastMs = Float64Array.from(data.actions.map((a) => a.castMs));
    this.baseChannelMs = Float64Array.from(data.actions.map((a) => a.channelMs));
    this.onGcd = Uint8Array.from(data.actions.map((a) => (a.gcd ? 1 : 0)));
    this.timing = config.timing ?? TIMING_DEFAULTS;
    this.reactionOn = this.timing.reactionMs > 0;
    const yards = this.timing.distanceYards;
    this.srcTravelMs = Int32Array.from(data.sources.map((src) => travelMs(MISSILE_SPEED[src.key], yards)));
    const s = config.player.stats;
    const racial = racialPassives(config.race ?? 'none');
    this.ratings = staticRatings(s, config.consumables, racial);
    const style = config.fight.style;
    this.baseTargets = style === 'cleave' ? Math.min(MAX_TARGETS, config.fight.targets) : 1;
    this.targets = this.baseTargets;
    const waves =
      style === 'adds' ? (config.fight.adds ?? hecticAddCleaveWaves(config.fight.durationSeconds)) : null;
    this.waveStarts = waves ? waveStartsMs(waves) : [];
    this.waveCount = waves ? Math.min(MAX_TARGETS - 1, waves.count) : 0;
    this.waveLifeMs = waves ? Math.round(waves.lifetimeSeconds * 1000) : 0;
    this.healthDynamic = this.timing.targetHealth === 'damage' || this.waveStarts.length > 0;
    this.durationMs = Math.round(config.fight.durationSeconds * 1000);
    this.variation = config.fight.durationVariation;
    this.baseAgility = s.agility + augmentAgility(config.consumables?.augmentRune ?? 'none');
    this.weaponDps = s.weaponDps;
    this.weaponSpeedMs = Math.round(s.weaponSpeed * 1000);
    const raid = config.raidBuffs ?? defaultRaidBuffs();
    this.skyfuryPoints = raid.skyfury ? SKYFURY_MASTERY_POINTS : 0;
    this.versBonus = (raid.markOfTheWild ? MARK_OF_THE_WILD_VERS : 0) + racial.versatility;
    // the Sim under construction: ClassTree reads its talents and data now, target health later
    this.classTree = new ClassTree(this as unknown as Sim);
    this.critChanceBonus = racial.critChance;
    this.ratingMultiplier = racial.ratings;
    // Culminating Blasphemite: the hunter's crit multiplier, not the pets' (specs/gear.ts)
    const meta = 1 + BLASPHEMITE_CRIT_PER_COLOUR * (config.gear?.blasphemiteColours ?? 0);
    this.srcCritMultiplier = Float64Array.from(data.sources, (src) =>
      PET_SOURCES.has(src.key)
        ? CRIT_MULTIPLIER * racial.petCritDamage
        : CRIT_MULTIPLIER * racial.critDamage * meta,
    );
    this.deriveRatings(null);
    this.apPerAgility = raid.battleShout ? 1 + BATTLE_SHOUT_AP : 1;
    this.physicalTaken = raid.mysticTouch ? 1 + MYSTIC_TOUCH_PHYSICAL : 1;
    this.physicalMult = PHYSICAL_MULTIPLIER * this.physicalTaken;
    this.magicTargetTaken = raid.chaosBrand ? 1 + CHAOS_BRAND_MAGIC : 1;
    this.magicTaken = this.magicTargetTaken * (1 + racial.magicDamage);
    this.bloodlust = config.fight.bloodlust;
    this.focusMax = data.maxFocus;
    this.bloodlustBuff = SimState.indexOf(data.buffs, 'bloodlust');
    this.markDebuff = data.debuffs.findIndex((d) => d.key === 'hunters_mark');
    this.raidMark = raid.huntersMark === true && this.markDebuff >= 0;
    this.buffNotify[this.bloodlustBuff] = 1;
  }

  private readonly skyfuryPoints: number;
  private readonly versBonus: number;
  /** Every secondary rating × this (The Human Spirit). */
  private readonly ratingMultiplier: number;
  /** Critical strike chance from racials (Viciousness, Arcane Acuity). */
  private readonly critChanceBonus: number;
  /**
   * Per damage source, a crit's multiplier before spell bonuses: CRIT_MULTIPLIER × racial crit
   * damage (Brawn), the pets' and guardians' with the racial's percentage twice (PET_SOURCES), the
   * hunter's × Culminating Blasphemite's.
   */
  readonly srcCritMultiplier: Float64Array;

  /**
   * Haste, crit chance, mastery and versatility from the ratings plus `extra` (a potion while it is
   * up); the caller updates haste (updateHaste) when it changed mid-fight.
   */
  deriveRatings(extra: RatingBonus | null): void {
    const r = this.ratings;
    const m = this.ratingMultiplier;
    const critMult = this.classTree.critRatingMult; // Serrated Tips: on all of the crit rating
    const d = deriveStats(
      extra === null && m === 1 && critMult === 1
        ? r
        : {
            crit: (r.crit + (extra?.crit ?? 0)) * m * critMult,
            haste: (r.haste + (extra?.haste ?? 0)) * m,
            mastery: (r.mastery + (extra?.mastery ?? 0)) * m,
            versatility: (r.versatility + (extra?.versatility ?? 0)) * m,
          },
    );
    this.baseHaste = d.haste;
    this.baseCrit = d.critChance + this.critChanceBonus + this.extraCrit + this.classTree.critChance;
    this.ratingMasteryPoints = d.masteryPoints + this.skyfuryPoints;
    this.versatility = d.versatility + this.versBonus;
    this.applyStatBuffs();
  }

  /** Mastery points from the ratings and Skyfury (deriveRatings), before statBuffMasteryPoints. */
  private ratingMasteryPoints = 0;
  /**
   * The spec's percent stat buffs now (SimC's stat_pct_buffs, e.g. Pack Leader's tier set): crit
   * chance added to baseCrit, mastery points added to the ratings' (setStatBuffs). 0 without any.
   */
  statBuffCrit = 0;
  statBuffMasteryPoints = 0;

  /**
   * Sets the spec's percent stat buffs (SimC composite_melee_crit_chance / composite_mastery add
   * them to the rating's): the crit chance and mastery are recomputed from the kept rating values,
   * never by adding and taking away, so the same buffs always give the same bits.
   */
  setStatBuffs(crit: number, masteryPoints: number): void {
    this.statBuffCrit = crit;
    this.statBuffMasteryPoints = masteryPoints;
    this.applyStatBuffs();
  }

  private applyStatBuffs(): void {
    // without buffs, exactly the rating's values (x + 0 would be too; the test keeps it obvious)
    this.critChance = this.statBuffCrit === 0 ? this.baseCrit : this.baseCrit + this.statBuffCrit;
    const points =
      this.statBuffMasteryPoints === 0
        ? this.ratingMasteryPoints
        : this.ratingMasteryPoints + this.statBuffMasteryPoints;
    this.masteryPct = points * this.data.masteryCoefficient;
  }

  /** Whether a class set bonus is worn (specs/tier-sets.ts; config.setBonuses). */
  hasSetBonus(name: SetBonus): boolean {
    return this.config.setBonuses?.includes(name) ?? false;
  }

  hasTalent(key: string): boolean {
    const i = this.data.talents.findIndex((t) => t.key === key);
    return i >= 0 && this.talentOn[i] === 1;
  }

  /** Index of a name in a spec list; throws at setup when the spec data lacks it. */
  static indexOf(list: ReadonlyArray<{ key: string }>, key: string): number {
    const i = list.findIndex((x) => x.key === key);
    if (i < 0) throw new Error(`unknown key ${key}`);
    return i;
  }
}
