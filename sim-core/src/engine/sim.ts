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
import { decide } from './decisions.ts';
import { Rppm } from './procs.ts';
import {
  EV_AUTO_SHOT,
  EV_BUFF_EXPIRE,
  EV_CAST_END,
  EV_CHANNEL_TICK,
  EV_DOT_TICK,
  EV_END,
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

export * from './events.ts';

export class Sim {
  readonly q = new EventQueue(256);
  readonly rng = new Rng();
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

  // Static per config.
  readonly targets: number;
  readonly durationMs: number;
  readonly variation: number;
  readonly baseAgility: number;
  readonly weaponDps: number;
  readonly weaponSpeedMs: number;
  readonly baseHaste: number;
  readonly baseCrit: number;
  /** Mastery in percent (points × spec coefficient). */
  readonly masteryPct: number;
  readonly versatility: number;
  readonly bloodlust: boolean;
  /** Attack power per agility: 1, × Battle Shout when the raid has it. */
  readonly apPerAgility: number;
  /** Damage-taken multipliers of the raid's debuffs on every target (Mystic Touch, Chaos Brand). */
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
    const s = config.player.stats;
    const d = deriveStats(s);
    this.targets = config.fight.style === 'patchwerk' ? 1 : Math.min(MAX_TARGETS, config.fight.targets);
    this.durationMs = Math.round(config.fight.durationSeconds * 1000);
    this.variation = config.fight.durationVariation;
    this.baseAgility = s.agility;
    this.weaponDps = s.weaponDps;
    this.weaponSpeedMs = Math.round(s.weaponSpeed * 1000);
    this.baseHaste = d.haste;
    this.baseCrit = d.critChance;
    const raid = config.raidBuffs ?? defaultRaidBuffs();
    this.masteryPct =
      (d.masteryPoints + (raid.skyfury ? SKYFURY_MASTERY_POINTS : 0)) * data.masteryCoefficient;
    this.versatility = d.versatility + (raid.markOfTheWild ? MARK_OF_THE_WILD_VERS : 0);
    this.apPerAgility = raid.battleShout ? 1 + BATTLE_SHOUT_AP : 1;
    this.physicalTaken = raid.mysticTouch ? 1 + MYSTIC_TOUCH_PHYSICAL : 1;
    this.magicTaken = raid.chaosBrand ? 1 + CHAOS_BRAND_MAGIC : 1;
    this.bloodlust = config.fight.bloodlust;
    this.focusMax = data.maxFocus;
    this.bloodlustBuff = Sim.indexOf(data.buffs, 'bloodlust');
    this.markDebuff = data.debuffs.findIndex((d) => d.key === 'hunters_mark');
    this.buffNotify[this.bloodlustBuff] = 1;
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
    this.rng.seed(seed, k);
    this.q.clear();
    this.now = 0;
    this.iterDamage = 0;
    const v = this.variation;
    const len = v > 0 ? this.durationMs * (1 - v + 2 * v * this.rng.next()) : this.durationMs;
    this.endMs = Math.max(1000, Math.round(len));
    this.markUntil = this.markDebuff >= 0 ? this.firstMsAtOrBelow(MARK_ABOVE_PCT) : -1;
    for (let a = 0; a < this.executeFrom.length; a++) {
      const ex = this.executePct[a]!;
      this.executeFrom[a] = ex > 0 ? this.firstMsBelow(ex) : 0;
    }
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
    this.readyAt = -1;
    this.procs.reset();
    this.agility = this.baseAgility;
    this.ap = this.agility * this.apPerAgility;
    this.critChance = this.baseCrit;
    this.focusValue = this.focusMax;
    this.focusAt = 0;
    this.haste = this.baseHaste;
    if (this.knownMask.length === 0) {
      this.knownMask = Uint8Array.from(this.actions.map((_, a) => (this.logic.known(a) ? 1 : 0)));
      this.knownActions = Int32Array.from(
        this.actions.map((_, a) => a).filter((a) => this.knownMask[a] === 1),
      );
    }
    this.logic.start();
    if (this.bloodlust) this.applyBuff(this.bloodlustBuff, 1, 0);
    this.updateHaste();
    this.q.push(this.endMs, PRIO_END, EV_END, 0, 0);
    this.q.push(0, PRIO_DEFAULT, EV_AUTO_SHOT, 0, 0);
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
            decide(this);
            if (events + rotation.evaluations - evalStart > budget)
              throw new BudgetExceededError(
                events + rotation.evaluations - evalStart,
                rotation.evaluations - evalStart,
              );
          }
          break;
        case EV_CAST_END:
          this.channelAction = -1;
          this.countCast(a);
          logic.execute(a, b);
          break;
        case EV_CHANNEL_TICK:
          logic.channelTick(a, this.channelTarget, b);
          break;
        case EV_AUTO_SHOT:
          logic.autoShot();
          q.push(
            this.now + Math.round((logic.autoShotIntervalMs?.() ?? this.weaponSpeedMs) / this.haste),
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
          if (b === this.buffs.gen[a]) logic.buffChanged(a);
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
    const free = Math.max(this.gcdEnd, this.busyUntil);
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
    if (this.now < this.executeFrom[a]! && !this.logic.ignoresExecuteRange?.(a)) return false;
    return this.requiresPet[a] === 0 || this.petActive[0] === 1;
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
    this.haste = this.baseHaste * this.logic.hasteFactor();
    this.gcdValue = Math.max(GCD_MIN_MS, Math.round(GCD_BASE_MS / this.haste));
    this.cds.haste = this.haste;
    this.focusRate = (this.data.baseFocusRegen * this.haste * this.logic.regenFactor()) / 1000;
  }

  /** Recomputes attack power after an agility change. */
  setAgility(agility: number): void {
    this.agility = agility;
    this.ap = agility * this.apPerAgility;
  }

  healthPct(): number {
    return this.healthAt(this.now);
  }

  /** Target health in percent at time t (ms): falls linearly to 0 at the end of the iteration. */
  healthAt(t: number): number {
    return Math.max(0, 100 * (1 - t / this.endMs));
  }

  /** First whole ms with healthAt(t) < pct (exactly as the comparison would decide at that ms). */
  private firstMsBelow(pct: number): number {
    let t = Math.max(0, Math.ceil(this.endMs * (1 - pct / 100)));
    while (t > 0 && this.healthAt(t - 1) < pct) t--;
    while (this.healthAt(t) >= pct) t++;
    return t;
  }

  /** First whole ms with healthAt(t) <= pct. */
  private firstMsAtOrBelow(pct: number): number {
    let t = Math.max(0, Math.ceil(this.endMs * (1 - pct / 100)));
    while (t > 0 && this.healthAt(t - 1) <= pct) t--;
    while (this.healthAt(t) > pct) t++;
    return t;
  }

  // ---- auras --------------------------------------------------------------------------------

  applyBuff(buff: number, stacks: number, durationMs: number): void {
    const exp = this.buffs.apply(buff, buff, this.now, stacks, durationMs);
    if (this.buffNotify[buff] === 1) {
      this.logic.buffChanged(buff);
      this.q.push(exp, PRIO_DEFAULT - 1, EV_BUFF_EXPIRE, buff, this.buffs.gen[buff]!);
    }
  }

  removeBuff(buff: number): void {
    if (!this.buffs.up(buff, this.now)) return;
    this.buffs.remove(buff, this.now);
    if (this.buffNotify[buff] === 1) this.logic.buffChanged(buff);
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
    let dmg = amount * this.versatility;
    if (
      this.now < this.markUntil &&
      this.debuffs.expires[this.markDebuff * MAX_TARGETS + target]! > this.now
    ) {
      dmg *= 1 + MARK_DAMAGE;
    }
    dmg *= physical ? PHYSICAL_MULTIPLIER * this.physicalTaken : this.magicTaken;
    let crit = 0;
    if (this.rng.next() < this.critChance + critBonus) {
      dmg *= 1 + (CRIT_MULTIPLIER - 1) * critDamage;
      crit = 1;
      this.srcCrits[src]!++;
    }
    const d = Math.round(dmg);
    this.srcDamage[src]! += d;
    this.srcHits[src]!++;
    this.iterDamage += d;
    return crit;
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
