/**
 * The discrete-event simulation of one player (+ pets) against 1..20 targets, on integer
 * milliseconds. Generic mechanics live here (time, events, GCD, casts and channels, focus,
 * cooldowns with charges, buffs/debuffs, DoTs, pets, auto attacks, damage, RPPM); each spec's
 * rules live in its SpecLogic. Allocation-free after construction.
 */
import type { AplState, CompiledRotation } from '../apl/context.ts';
import type { ActionDef, SpecData } from '../specs/spec-types.ts';
import type { SimConfig } from '../types.ts';
import { AuraSet } from './auras.ts';
import { Cooldowns } from './cooldowns.ts';
import { EventQueue } from './event-queue.ts';
import { CRIT_MULTIPLIER, deriveStats, MARK_ABOVE_PCT, MARK_DAMAGE, PHYSICAL_MULTIPLIER } from './ratings.ts';
import { Rng } from '../rng/rng.ts';
import type { SpecLogic } from './spec-logic.ts';
import { DotSet } from './dots.ts';
import { Extras } from './extras.ts';
import { augmentAgility, staticRatings, type RatingBonus } from '../specs/consumables.ts';
import { racialPassives } from '../specs/racials.ts';
import { ClassTree } from '../specs/class-tree.ts';
import { firstMsAtOrBelow, firstMsBelow, linearHealth, TargetHealth } from './health.ts';
import { InFlight } from './in-flight.ts';
import { killWave, spawnWave } from './adds.ts';
import { decide } from './decisions.ts';
import { Rppm } from './procs.ts';
import {
  EV_AUTO_SHOT,
  EV_BUFF_EXPIRE,
  EV_CAST_END,
  EV_CHANNEL_TICK,
  EV_DOT_TICK,
  EV_END,
  EV_LAND,
  EV_ADDS,
  EV_PET_EXPIRE,
  EV_PET_SWING,
  EV_READY,
  GCD_BASE_MS,
  GCD_MIN_MS,
  MAX_PETS,
  MAX_TARGETS,
  PRIO_DEFAULT,
  PRIO_END,
  PRIO_READY,
} from './events.ts';
import { BudgetExceededError, COST_LIMITS } from '../cost/limits.ts';
import {
  BATTLE_SHOUT_AP,
  CHAOS_BRAND_MAGIC,
  defaultRaidBuffs,
  MARK_OF_THE_WILD_VERS,
  MYSTIC_TOUCH_PHYSICAL,
  SKYFURY_MASTERY_POINTS,
} from '../specs/raid-buffs.ts';
import { MISSILE_SPEED } from '../specs/projectiles.ts';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import { drawLagMs, drawReactionMs } from './timing-draws.ts';
import type { Timing } from '../types.ts';
import { hecticAddCleaveWaves, waveStartsMs } from '../config/fight-styles.ts';

export * from './events.ts';

/**
 * The shortest time between Auto Shots before haste (NOT SPELL DATA: a guard). Talents change the
 * interval by whole seconds (MM Precise Shots +2 s, In the Rhythm −1 s), so a fast weapon in the
 * config (1 s is allowed) would otherwise fire every 0 ms and never let time pass.
 */
export const MIN_AUTO_SHOT_MS = 500;

export class Sim {
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
  readonly inFlight = new InFlight();
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
  /** Per action: execute range in percent (0 = none). */
  readonly executePct: Float64Array;
  /** Per action, this iteration: first ms at which the target is inside its execute range. */
  readonly executeFrom: Float64Array;
  /** Per action: focus cost from the data. */
  readonly baseCost: Float64Array;
  /** Per action: 1 when the main pet performs it. */
  readonly requiresPet: Uint8Array;
  readonly buffNotify: Uint8Array;
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
  /** Hunter's Mark applies while now < markUntil (health above MARK_ABOVE_PCT); -1 without it. */
  markUntil = -1;
  readonly health = new TargetHealth();
  /**
   * Health does not fall linearly with the iteration's time for every target alike (health from
   * damage, or adds): execute ranges and Hunter's Mark check each target's health when used,
   * instead of the precomputed executeFrom / markUntil.
   */
  readonly healthDynamic: boolean;
  /** The job seed the health pools were calibrated for (-1: none yet). */
  private calibratedSeed = -1;
  /**
   * The health rule of actions on a target when a talent changes it (Dark Ranger's Black Arrow,
   * Deathblow's Kill Shot at any health: specs/hero/dark-ranger.ts); null = the execute range only.
   * The one place such a rule lives: actionReady and the idle wake-up (decisions.ts) both read it.
   */
  usable: ((action: number, target: number) => boolean) | null = null;
  /** The damage of the last hit rolled by `hit` (landed now or still in flight). */
  lastHitDamage = 0;

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
  /** Flask, potion: generic player effects beside the spec's logic. */
  readonly extras: Extras;
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

  // Per iteration.
  now = 0;
  endMs = 0;
  iterDamage = 0;
  events = 0;
  /** Rotation lines evaluated this iteration, at its end (events + this = the iteration's work). */
  iterEvaluations = 0;
  /** Work (events + lines evaluated) one iteration may take (COST_LIMITS; lower in tests). */
  workBudget: number = COST_LIMITS.maxWorkPerIteration;
  haste = 1;
  /** Speed of auto attacks (Auto Shot, pet swings): haste × the class tree's attack speed. */
  autoHaste = 1;
  agility = 0;
  ap = 0;
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
  readonly procs = new Rppm();

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
    this.srcDamage = new Float64Array(ns);
    this.srcCasts = new Float64Array(ns);
    this.srcHits = new Float64Array(ns);
    this.srcCrits = new Float64Array(ns);
    this.actionSource = Int32Array.from(
      data.actions.map((a) => data.sources.findIndex((s) => s.key === a.key)),
    );
    this.talentOn = Uint8Array.from(data.talents.map((t) => (config.player.talents.includes(t.key) ? 1 : 0)));
    this.buffNotify = new Uint8Array(data.buffs.length);
    this.executePct = Float64Array.from(data.actions.map((a) => a.executePct));
    this.executeFrom = new Float64Array(data.actions.length);
    this.baseCost = Float64Array.from(data.actions.map((a) => a.cost));
    this.requiresPet = Uint8Array.from(data.actions.map((a) => (a.requiresPet ? 1 : 0)));
    this.timing = config.timing ?? TIMING_DEFAULTS;
    const yards = this.timing.distanceYards;
    this.srcTravelMs = Int32Array.from(
      data.sources.map((src) => {
        const speed = MISSILE_SPEED[src.key];
        return speed && yards > 0 ? Math.round((yards / speed) * 1000) : 0;
      }),
    );
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
    this.classTree = new ClassTree(this);
    this.critChanceBonus = racial.critChance;
    this.ratingMultiplier = racial.ratings;
    this.critMultiplier = CRIT_MULTIPLIER * racial.critDamage;
    this.deriveRatings(null);
    this.extras = new Extras(this);
    this.apPerAgility = raid.battleShout ? 1 + BATTLE_SHOUT_AP : 1;
    this.physicalTaken = raid.mysticTouch ? 1 + MYSTIC_TOUCH_PHYSICAL : 1;
    this.magicTaken = (raid.chaosBrand ? 1 + CHAOS_BRAND_MAGIC : 1) * (1 + racial.magicDamage);
    this.bloodlust = config.fight.bloodlust;
    this.focusMax = data.maxFocus;
    this.bloodlustBuff = Sim.indexOf(data.buffs, 'bloodlust');
    this.markDebuff = data.debuffs.findIndex((d) => d.key === 'hunters_mark');
    this.buffNotify[this.bloodlustBuff] = 1;
  }

  private readonly skyfuryPoints: number;
  private readonly versBonus: number;
  /** Every secondary rating × this (The Human Spirit). */
  private readonly ratingMultiplier: number;
  /** Critical strike chance from racials (Viciousness, Arcane Acuity). */
  private readonly critChanceBonus: number;
  /** A crit's multiplier before spell bonuses: CRIT_MULTIPLIER × racial crit damage (Brawn). */
  readonly critMultiplier: number;

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
    this.baseCrit = d.critChance + this.critChanceBonus + this.classTree.critChance;
    this.critChance = this.baseCrit;
    this.masteryPct = (d.masteryPoints + this.skyfuryPoints) * this.data.masteryCoefficient;
    this.versatility = d.versatility + this.versBonus;
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

  /** Runs iteration `k` of a job with seed `seed`; returns its DPS. */
  runIteration(seed: number, k: number): number {
    if (this.timing.targetHealth === 'damage' && this.calibratedSeed !== seed) this.calibrate(seed);
    return this.iterate(seed, k, 0, false);
  }

  /**
   * SimulationCraft estimates the target's health so that it dies when a fixed-time fight ends.
   * Here one calibration iteration (fixed length, linear health, random streams 2 and 3 of
   * iteration 0: seeded from the job seed alone) measures the damage rate on each target; every
   * iteration of the job then gives each target rate × its length as health. The chunk's
   * counters are left as they were.
   */
  private calibrate(seed: number): void {
    const saved = [this.srcDamage, this.srcCasts, this.srcHits, this.srcCrits].map((a) => a.slice());
    const events = this.events;
    this.iterate(seed, 0, 2, true);
    const dur = this.endMs;
    for (let t = 0; t < MAX_TARGETS; t++) this.health.rate[t] = this.health.taken[t]! / dur;
    [this.srcDamage, this.srcCasts, this.srcHits, this.srcCrits].forEach((a, i) => a.set(saved[i]!));
    this.events = events;
    this.calibratedSeed = seed;
  }

  private iterate(seed: number, k: number, stream: number, calibration: boolean): number {
    this.rng.seed(seed, k, stream);
    this.timingRng.seed(seed, k, stream + 1);
    this.q.clear();
    this.now = 0;
    this.iterDamage = 0;
    const v = this.variation;
    const len = v > 0 && !calibration ? this.durationMs * (1 - v + 2 * v * this.rng.next()) : this.durationMs;
    this.endMs = Math.max(1000, Math.round(len));
    const adds = this.waveStarts.length > 0;
    const pooled = this.timing.targetHealth === 'damage' && !calibration;
    const dynamic = this.healthDynamic && (adds || !calibration);
    this.targets = this.baseTargets;
    this.health.start(this.endMs, pooled ? this.baseTargets : 0);
    this.markUntil =
      this.markDebuff >= 0 ? (dynamic ? this.endMs + 1 : firstMsAtOrBelow(MARK_ABOVE_PCT, this.endMs)) : -1;
    for (let a = 0; a < this.executeFrom.length; a++) {
      const ex = this.executePct[a]!;
      this.executeFrom[a] = ex > 0 && !dynamic ? firstMsBelow(ex, this.endMs) : 0;
    }
    this.dynamicNow = dynamic;
    this.cds.reset();
    this.buffs.reset();
    this.petBuffs.reset();
    this.debuffs.reset();
    this.dots.reset();
    this.petActive.fill(0);
    this.prevGcd.fill(-1);
    this.gcdEnd = 0;
    this.busyUntil = 0;
    this.channelAction = -1;
    this.castCost = 0;
    this.lagUntil = 0;
    this.readyAt = -1;
    this.procs.reset();
    this.extras.reset();
    this.inFlight.reset();
    this.setAgility(this.baseAgility);
    this.critChance = this.baseCrit;
    this.focusValue = this.focusMax;
    this.focusAt = 0;
    this.haste = this.baseHaste;
    if (this.knownMask.length === 0) {
      this.knownMask = Uint8Array.from(
        this.actions.map((_, a) => ((this.extras.known(a) ?? this.logic.known(a)) ? 1 : 0)),
      );
      this.knownActions = Int32Array.from(
        this.actions.map((_, a) => a).filter((a) => this.knownMask[a] === 1),
      );
    }
    this.logic.start();
    if (this.bloodlust) this.applyBuff(this.bloodlustBuff, 1, 0);
    this.updateHaste();
    this.q.push(this.endMs, PRIO_END, EV_END, 0, 0);
    this.q.push(0, PRIO_DEFAULT, EV_AUTO_SHOT, 0, 0);
    for (const t of this.waveStarts) if (t < this.endMs) this.q.push(t, PRIO_DEFAULT - 1, EV_ADDS, 1, 0);
    this.rotation.reset(this.state);
    this.scheduleReady(0);
    this.loop();
    return this.iterDamage / (this.endMs / 1000);
  }

  private loop(): void {
    const q = this.q;
    const logic = this.logic;
    const rotation = this.rotation;
    const evalStart = rotation.evaluations;
    const budget = this.workBudget;
    let events = 0;
    while (q.pop()) {
      events++;
      this.now = q.time;
      const a = q.a;
      const b = q.b;
      switch (q.type) {
        case EV_END:
          this.events += events;
          this.iterEvaluations = rotation.evaluations - evalStart;
          return;
        case EV_READY:
          if (b === this.readyGen) {
            this.travelOn = 1;
            decide(this);
            this.travelOn = 0;
            if (events + rotation.evaluations - evalStart > budget)
              throw new BudgetExceededError(
                events + rotation.evaluations - evalStart,
                rotation.evaluations - evalStart,
              );
          }
          break;
        case EV_CAST_END:
          this.travelOn = 1;
          this.finishCast(a, b);
          this.travelOn = 0;
          break;
        case EV_CHANNEL_TICK:
          this.travelOn = 1;
          logic.channelTick(a, this.channelTarget, b);
          this.travelOn = 0;
          break;
        case EV_LAND:
          this.land(a);
          break;
        case EV_ADDS:
          if (a === 1) spawnWave(this);
          else killWave(this);
          break;
        case EV_AUTO_SHOT:
          this.travelOn = 1;
          logic.autoShot();
          this.travelOn = 0;
          q.push(
            this.now +
              Math.round(
                Math.max(MIN_AUTO_SHOT_MS, logic.autoShotIntervalMs?.() ?? this.weaponSpeedMs) /
                  this.autoHaste,
              ),
            PRIO_DEFAULT,
            EV_AUTO_SHOT,
            0,
            0,
          );
          break;
        case EV_PET_SWING:
          if (this.petActive[a] === 1 && b === this.petGen[a]) {
            logic.petSwing(a);
            q.push(this.now + logic.petSwingMs(a), PRIO_DEFAULT, EV_PET_SWING, a, b);
          }
          break;
        case EV_DOT_TICK:
          if (b === this.dots.gen[a]) this.onDotTick(a);
          break;
        case EV_BUFF_EXPIRE:
          if (b === this.buffs.gen[a]) this.buffChanged(a);
          break;
        case EV_PET_EXPIRE:
          if (b === this.petGen[a]) {
            this.petActive[a] = 0;
            this.petGen[a]!++;
          }
          break;
        default:
          logic.specEvent(a, b);
      }
    }
    this.events += events;
  }

  // ---- player decisions -------------------------------------------------------------------

  scheduleReady(t: number): void {
    if (t > this.endMs) t = this.endMs + 1; // after the end: never runs, keeps the key exact
    this.readyGen++;
    this.readyAt = t;
    this.q.push(t, PRIO_READY, EV_READY, 0, this.readyGen);
  }

  /** A proc changed what the player could do: decide now if the player is idle. */
  poke(): void {
    const free = Math.max(this.gcdEnd, this.busyUntil, this.lagUntil);
    if (this.now >= free && this.readyAt > this.now) this.scheduleReady(this.now);
  }

  /** Current hasted GCD in ms (recomputed on haste changes). */
  gcdMs(): number {
    return this.gcdValue;
  }

  /** GCD of `action` now: the hasted GCD × the spec's factor, floored at GCD_MIN_MS (as SimC's min_gcd). */
  gcdMsFor(action: number): number {
    const f = this.logic.gcdFactor?.(action) ?? 1;
    return f === 1 ? this.gcdValue : Math.max(GCD_MIN_MS, Math.round(this.gcdValue * f));
  }

  castMs(action: number): number {
    const base = this.logic.castMs(action);
    return base > 0 ? Math.round(base / this.haste) : 0;
  }

  /** Focus cost of an action now. */
  cost(a: number): number {
    return this.logic.dynamicCost ? this.logic.cost(a) : this.baseCost[a]!;
  }

  actionReady(a: number, target: number): boolean {
    if (this.knownMask[a] !== 1 || target >= this.targets) return false;
    const cds = this.cds;
    // No charge now and none back yet (a charge is back once now >= next, synced or not).
    if (cds.charges[a] === 0 && this.now < cds.next[a]!) return false;
    const cost = this.cost(a);
    if (cost > 0 && this.focus() < cost) return false;
    if (this.usable !== null ? !this.usable(a, target) : !this.inExecuteRange(a, target)) return false;
    return this.requiresPet[a] === 0 || this.petActive[0] === 1;
  }

  /** Whether action `a` may be used on `target` as far as its execute range goes (none: always). */
  inExecuteRange(a: number, target: number): boolean {
    if (this.now < this.executeFrom[a]!) return false;
    return !(
      this.dynamicNow &&
      this.executePct[a]! > 0 &&
      this.health.pct(target, this.now) >= this.executePct[a]!
    );
  }

  /**
   * A cast finishes: its cost (as it was when the cast began) and its cooldown are paid now,
   * as the game and SimulationCraft do (action_t::execute consumes the resource and starts the
   * cooldown), then it takes effect.
   */
  private finishCast(a: number, target: number): void {
    this.channelAction = -1;
    this.spendFocus(this.castCost);
    this.castCost = 0;
    this.cds.use(a, this.now);
    this.countCast(a);
    this.logic.execute(a, target);
  }

  countCast(a: number): void {
    const s = this.actionSource[a]!;
    if (s >= 0) this.srcCasts[s]!++;
  }

  // ---- resources ------------------------------------------------------------------------------

  focus(): number {
    return Math.min(this.focusMax, this.focusValue + (this.now - this.focusAt) * this.focusRate);
  }

  private settleFocus(): void {
    this.focusValue = this.focus();
    this.focusAt = this.now;
  }

  spendFocus(n: number): void {
    this.settleFocus();
    this.focusValue -= n;
  }

  gainFocus(n: number): void {
    this.settleFocus();
    this.focusValue = Math.min(this.focusMax, this.focusValue + n);
  }

  /** Recomputes haste and focus regeneration after a haste or regen modifier changed. */
  updateHaste(): void {
    this.settleFocus();
    this.cds.syncAll(this.now);
    this.haste = this.baseHaste * this.logic.hasteFactor() * this.extras.hasteFactor;
    this.autoHaste = this.haste * this.classTree.autoAttackSpeed;
    this.gcdValue = Math.max(GCD_MIN_MS, Math.round(GCD_BASE_MS / this.haste));
    this.cds.haste = this.haste;
    this.focusRate = (this.data.baseFocusRegen * this.haste * this.logic.regenFactor()) / 1000;
  }

  /** Agility from the extras (Fireblood), added to what the spec sets. */
  extraAgility = 0;
  /** Attack power from the extras (Blood Fury), before the attack power multiplier. */
  extraAp = 0;
  /** The agility the spec last set (base + its own buffs). */
  private specAgility = 0;

  /** Recomputes attack power after an agility change (the spec's agility; extras add theirs). */
  setAgility(agility: number): void {
    this.specAgility = agility;
    this.agility = agility + this.extraAgility;
    this.ap = (this.agility + this.extraAp) * this.apPerAgility;
  }

  /** The extras' agility changed: same spec agility, new total. */
  refreshAgility(): void {
    this.setAgility(this.specAgility);
  }

  /** Health of the main target now, in percent. */
  healthPct(): number {
    return this.dynamicNow ? this.health.pct(0, this.now) : this.healthAt(this.now);
  }

  /** Health of target t now, in percent. */
  healthPctOf(t: number): number {
    return this.dynamicNow ? this.health.pct(t, this.now) : this.healthAt(this.now);
  }

  /** Target health in percent at time t (ms): falls linearly to 0 at the end of the iteration. */
  healthAt(t: number): number {
    return linearHealth(t, this.endMs);
  }

  // ---- auras --------------------------------------------------------------------------------

  applyBuff(buff: number, stacks: number, durationMs: number): void {
    const before = this.timing.reactionMs > 0 ? this.buffs.reactStack(buff, this.now) : 0;
    const exp = this.buffs.apply(buff, buff, this.now, stacks, durationMs);
    if (this.timing.reactionMs > 0 && this.buffs.stacks[buff]! > before)
      this.buffs.delayReaction(buff, this.now, before, this.reactionMs());
    if (this.buffNotify[buff] === 1) {
      this.buffChanged(buff);
      this.q.push(exp, PRIO_DEFAULT - 1, EV_BUFF_EXPIRE, buff, this.buffs.gen[buff]!);
    }
  }

  removeBuff(buff: number): void {
    if (!this.buffs.up(buff, this.now)) return;
    this.buffs.remove(buff, this.now);
    if (this.buffNotify[buff] === 1) this.buffChanged(buff);
  }

  /** A notifying buff changed: the extras' own buffs, else the spec's. */
  private buffChanged(buff: number): void {
    if (!this.extras.buffChanged(buff)) this.logic.buffChanged(buff);
  }

  /** An action takes effect: the extras' own actions (potion), else the spec's. */
  execute(a: number, target: number): void {
    if (!this.extras.execute(a, target)) this.logic.execute(a, target);
  }

  /** Applies a debuff to a target. */
  applyDebuff(debuff: number, target: number, stacks: number, durationMs: number): void {
    this.debuffs.apply(debuff, debuff * MAX_TARGETS + target, this.now, stacks, durationMs);
  }

  // ---- dots ---------------------------------------------------------------------------------

  /** Applies or refreshes (pandemic) a dot; `tickAmount` is the damage of one full tick. */
  applyDot(dot: number, target: number, tickAmount: number): void {
    const slot = dot * MAX_TARGETS + target;
    const first = this.dots.applyDot(dot, slot, this.now, this.haste, tickAmount);
    if (first >= 0) this.q.push(first, PRIO_DEFAULT, EV_DOT_TICK, slot, this.dots.gen[slot]!);
  }

  private onDotTick(slot: number): void {
    const amount = this.dots.tickAt(slot, this.now);
    const dot = Math.floor(slot / MAX_TARGETS);
    this.logic.dotTick(dot, slot - dot * MAX_TARGETS, amount);
    const next = this.dots.nextTick;
    if (next >= 0) this.q.push(next, PRIO_DEFAULT, EV_DOT_TICK, slot, this.dots.gen[slot]!);
  }

  // ---- pets ---------------------------------------------------------------------------------

  /** Activates pet `pet` for `durationMs` (0 = permanent), swinging first after `delayMs`. */
  summonPet(pet: number, target: number, durationMs: number, delayMs: number): void {
    this.petGen[pet]!++;
    this.petActive[pet] = 1;
    this.petTarget[pet] = target;
    const gen = this.petGen[pet]!;
    this.q.push(this.now + delayMs, PRIO_DEFAULT, EV_PET_SWING, pet, gen);
    if (durationMs > 0) this.q.push(this.now + durationMs, PRIO_DEFAULT - 1, EV_PET_EXPIRE, pet, gen);
  }

  // ---- damage -------------------------------------------------------------------------------

  /**
   * Deals one hit of `amount` (all multipliers but crit, versatility and armor applied) from a
   * damage source to a target. Damage is rounded to whole points, as in the game. Returns 1 on
   * a critical strike, else 0. `critDamage` multiplies the critical strike bonus (the +100 %),
   * as SimulationCraft's `composite_crit_damage_bonus_multiplier`: a crit deals
   * 1 + (CRIT_MULTIPLIER − 1) × critDamage (1 = a plain ×2 crit).
   */
  hit(
    src: number,
    target: number,
    amount: number,
    physical: boolean,
    critBonus: number,
    critDamage = 1,
  ): number {
    if (target >= this.targets) return 0; // an add that died (a dot or explosion on it)
    let dmg = amount * this.versatility;
    if (
      this.now < this.markUntil &&
      this.debuffs.expires[this.markDebuff * MAX_TARGETS + target]! > this.now &&
      (!this.dynamicNow || this.health.pct(target, this.now) > MARK_ABOVE_PCT)
    ) {
      dmg *= 1 + MARK_DAMAGE;
    }
    dmg *= physical ? PHYSICAL_MULTIPLIER * this.physicalTaken : this.magicTaken;
    let crit = 0;
    if (this.rng.next() < this.critChance + critBonus) {
      dmg *= 1 + (this.critMultiplier - 1) * critDamage;
      crit = 1;
    }
    const d = Math.round(dmg);
    this.lastHitDamage = d;
    const travel = this.travelOn === 1 ? this.srcTravelMs[src]! : 0;
    if (travel > 0) this.launch(src, target, d, crit, travel);
    else this.dealDamage(src, target, d, crit);
    return crit;
  }

  /** Damage lands on a target (a hit in flight past the end of the fight never does, as in SimC). */
  private dealDamage(src: number, target: number, d: number, crit: number): void {
    if (target >= this.targets) return; // landed after the add died
    this.health.taken[target]! += d;
    this.srcDamage[src]! += d;
    this.srcHits[src]!++;
    this.srcCrits[src]! += crit;
    this.iterDamage += d;
  }

  /** A shot's hit, rolled now, lands `travel` ms later (SimC: result at execute, damage at impact). */
  private launch(src: number, target: number, d: number, crit: number, travel: number): void {
    this.q.push(this.now + travel, PRIO_DEFAULT, EV_LAND, this.inFlight.add(src, target, d, crit), 0);
  }

  private land(slot: number): void {
    const f = this.inFlight;
    f.release(slot);
    this.dealDamage(f.src[slot]!, f.target[slot]!, f.damage[slot]!, f.crit[slot]!);
  }

  /** Seconds until target t dies: the end of the fight, or an add's end of life. */
  timeToDie(t: number): number {
    return Math.max(0, this.health.dieAt[t]! - this.now) / 1000;
  }

  // ---- latency and reaction ------------------------------------------------------------------

  /** SimC's latency before the next action (see timing-draws.ts). */
  lagMs(meanMs: number): number {
    return drawLagMs(this.timingRng, meanMs);
  }

  /** SimC's reaction time for `buff.X.react` (see timing-draws.ts). */
  reactionMs(): number {
    return drawReactionMs(this.timingRng, this.timing.reactionMs);
  }

  /**
   * Books damage that already carries every multiplier (a residual bleed's tick, SimC
   * residual_action): rounded to a whole number, no crit, versatility, mark or armor.
   */
  dealResidual(src: number, amount: number): void {
    const d = Math.round(amount);
    this.srcDamage[src]! += d;
    this.srcHits[src]!++;
    this.iterDamage += d;
  }

  /** Real-procs-per-minute check (see procs.ts). */
  rppm(rate: number): boolean {
    return this.procs.check(this.now, this.haste, rate, this.rng.next());
  }
}
