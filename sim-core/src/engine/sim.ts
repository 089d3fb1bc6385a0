/**
 * The discrete-event simulation of one player (+ pets) against 1..20 targets, on integer
 * milliseconds. Generic mechanics live here (time, events, GCD, casts and channels, focus,
 * cooldowns with charges, buffs/debuffs, DoTs, pets, auto attacks, damage, RPPM); each spec's
 * rules live in its SpecLogic. Allocation-free after construction.
 */
import { APL_IDLE, APL_WAIT, type AplState, type CompiledRotation } from '../apl/context.ts';
import type { ActionDef, SpecData } from '../specs/spec-types.ts';
import type { SimConfig } from '../types.ts';
import { AuraSet } from './auras.ts';
import { Cooldowns } from './cooldowns.ts';
import { EventQueue } from './event-queue.ts';
import { CRIT_MULTIPLIER, deriveStats, MARK_ABOVE_PCT, MARK_DAMAGE, PHYSICAL_MULTIPLIER } from './ratings.ts';
import { Rng } from '../rng/rng.ts';
import type { SpecLogic } from './spec-logic.ts';

export const MAX_TARGETS = 20;
export const MAX_PETS = 8;
export const GCD_BASE_MS = 1500;
export const GCD_MIN_MS = 750;
/** Re-decision interval while an action is usable but the rotation holds it back. */
export const IDLE_POLL_MS = 250;

export const EV_END = 0;
export const EV_READY = 1;
export const EV_CAST_END = 2;
export const EV_CHANNEL_TICK = 3;
export const EV_AUTO_SHOT = 4;
export const EV_PET_SWING = 5;
export const EV_DOT_TICK = 6;
export const EV_BUFF_EXPIRE = 7;
export const EV_PET_EXPIRE = 8;
export const EV_SPEC = 9;

/** Same-millisecond order: damage and expiries first, the player's decision after, the end last. */
export const PRIO_DEFAULT = 4;
export const PRIO_READY = 10;
export const PRIO_END = 15;

export class Sim {
  readonly q = new EventQueue(256);
  readonly rng = new Rng();
  readonly actions: readonly ActionDef[];
  readonly cds: Cooldowns;
  readonly buffs: AuraSet;
  readonly petBuffs: AuraSet;
  readonly debuffs: AuraSet;
  readonly dots: AuraSet;
  readonly dotNext: Float64Array;
  readonly dotLast: Float64Array;
  readonly dotTick: Float64Array;
  readonly dotAmount: Float64Array;
  readonly dotBaseTick: Float64Array;
  /** Per damage source, summed over the chunk. */
  readonly srcDamage: Float64Array;
  readonly srcCasts: Float64Array;
  readonly srcHits: Float64Array;
  readonly srcCrits: Float64Array;
  /** Damage source of each action (-1 when it deals none itself). */
  readonly actionSource: Int32Array;
  readonly talentOn: Uint8Array;
  readonly buffNotify: Uint8Array;
  readonly prevGcd = new Int32Array(4);
  readonly petActive = new Uint8Array(MAX_PETS);
  readonly petGen = new Int32Array(MAX_PETS);
  readonly petTarget = new Int32Array(MAX_PETS);
  logic!: SpecLogic;
  /** Actions the player knows (talents), filled when the first iteration starts. */
  private knownActions = new Int32Array(0);
  rotation!: CompiledRotation;
  state!: AplState;
  readonly bloodlustBuff: number;
  /** Hunter's Mark debuff index, -1 when the spec has none. */
  readonly markDebuff: number;

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

  // Per iteration.
  now = 0;
  endMs = 0;
  iterDamage = 0;
  events = 0;
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
  busyUntil = 0;
  channelAction = -1;
  channelTarget = 0;
  readyGen = 0;
  readyAt = -1;
  rppmLastAttempt = 0;
  rppmLastProc = 0;

  constructor(
    readonly config: SimConfig,
    readonly data: SpecData,
  ) {
    this.actions = data.actions;
    this.cds = new Cooldowns(data.actions);
    this.buffs = new AuraSet(data.buffs, 1);
    this.petBuffs = new AuraSet(data.petBuffs, 1);
    this.debuffs = new AuraSet(data.debuffs, MAX_TARGETS);
    this.dots = new AuraSet(
      data.dots.map((d) => ({ ...d, refresh: 'pandemic' as const })),
      MAX_TARGETS,
    );
    const nd = data.dots.length * MAX_TARGETS;
    this.dotNext = new Float64Array(nd);
    this.dotLast = new Float64Array(nd);
    this.dotTick = new Float64Array(nd);
    this.dotAmount = new Float64Array(nd);
    this.dotBaseTick = Float64Array.from(data.dots.map((d) => d.tickMs));
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
    this.masteryPct = d.masteryPoints * data.masteryCoefficient;
    this.versatility = d.versatility;
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
    this.rppmLastAttempt = 0;
    this.rppmLastProc = -120_000;
    this.agility = this.baseAgility;
    this.ap = this.agility;
    this.critChance = this.baseCrit;
    this.focusValue = this.focusMax;
    this.focusAt = 0;
    this.haste = this.baseHaste;
    if (this.knownActions.length === 0) {
      this.knownActions = Int32Array.from(this.actions.map((_, a) => a).filter((a) => this.logic.known(a)));
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
    let events = 0;
    while (q.pop()) {
      events++;
      this.now = q.time;
      const a = q.a;
      const b = q.b;
      switch (q.type) {
        case EV_END:
          this.events += events;
          return;
        case EV_READY:
          if (b === this.readyGen) this.onReady();
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
          q.push(this.now + Math.round(this.weaponSpeedMs / this.haste), PRIO_DEFAULT, EV_AUTO_SHOT, 0, 0);
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
    this.readyGen++;
    this.readyAt = t;
    this.q.push(t, PRIO_READY, EV_READY, 0, this.readyGen);
  }

  /** A proc changed what the player could do: decide now if the player is idle. */
  poke(): void {
    const free = Math.max(this.gcdEnd, this.busyUntil);
    if (this.now >= free && this.readyAt > this.now) this.scheduleReady(this.now);
  }

  private onReady(): void {
    const free = Math.max(this.gcdEnd, this.busyUntil);
    if (this.now < free) {
      this.scheduleReady(free);
      return;
    }
    const state = this.state;
    for (let i = 0; i < 8; i++) {
      const r = this.rotation.decide(state);
      if (r >= 0) {
        if (!this.start(r, this.rotation.target)) break;
        const busy = Math.max(this.gcdEnd, this.busyUntil);
        if (busy > this.now) {
          this.scheduleReady(busy);
          return;
        }
      } else if (r === APL_WAIT) {
        this.scheduleReady(this.now + Math.max(1, Math.round(this.rotation.waitSeconds * 1000)));
        return;
      } else if (r === APL_IDLE) break;
    }
    this.scheduleReady(this.nextWake());
  }

  /**
   * Idle: wake when a cooldown or the focus for an action comes back. When some action is
   * usable now but the rotation's conditions held it back, also poll every IDLE_POLL_MS (the
   * conditions may depend on focus or time).
   */
  private nextWake(): number {
    const now = this.now;
    const focus = this.focus();
    const known = this.knownActions;
    let t = Number.MAX_SAFE_INTEGER;
    let blocked = false;
    for (let i = 0; i < known.length; i++) {
      const a = known[i]!;
      let ready = this.cds.readyAt(a, now);
      const missing = this.logic.cost(a) - focus;
      if (missing > 0) {
        ready =
          this.focusRate > 0
            ? Math.max(ready, now + Math.ceil(missing / this.focusRate))
            : Number.MAX_SAFE_INTEGER;
      }
      if (ready <= now) blocked = true;
      else if (ready < t) t = ready;
    }
    if (blocked && now + IDLE_POLL_MS < t) t = now + IDLE_POLL_MS;
    return Math.min(t, this.endMs + 1);
  }

  gcdMs(): number {
    return Math.max(GCD_MIN_MS, Math.round(GCD_BASE_MS / this.haste));
  }

  castMs(action: number): number {
    const base = this.logic.castMs(action);
    return base > 0 ? Math.round(base / this.haste) : 0;
  }

  actionReady(a: number, target: number): boolean {
    if (a < 0 || a >= this.actions.length || target >= this.targets || !this.logic.known(a)) return false;
    if (this.cds.chargesAt(a, this.now) < 1) return false;
    if (this.focus() < this.logic.cost(a)) return false;
    const ex = this.actions[a]!.executePct;
    if (ex > 0 && this.healthPct() >= ex) return false;
    return this.logic.usable(a, target);
  }

  /** Begins an action decided by the rotation; returns false when it cannot be used. */
  start(a: number, target: number): boolean {
    if (!this.actionReady(a, target)) return false;
    const def = this.actions[a]!;
    this.spendFocus(this.logic.cost(a));
    this.cds.use(a, this.now);
    if (def.gcd) {
      this.gcdEnd = this.now + this.gcdMs();
      this.prevGcd.copyWithin(1, 0, 3);
      this.prevGcd[0] = a;
    }
    const cast = this.castMs(a);
    if (cast > 0) {
      this.busyUntil = this.now + cast;
      this.channelAction = a;
      this.logic.castStarted(a);
      this.q.push(this.busyUntil, PRIO_DEFAULT, EV_CAST_END, a, target);
    } else if (def.channelMs > 0) {
      const dur = Math.round(def.channelMs / this.haste);
      this.busyUntil = this.now + dur;
      this.channelAction = a;
      this.channelTarget = target;
      this.countCast(a);
      const n = def.channelTicks;
      for (let i = 0; i < n; i++) {
        this.q.push(this.now + Math.round((i * dur) / n), PRIO_DEFAULT, EV_CHANNEL_TICK, a, i);
      }
    } else {
      this.countCast(a);
      this.logic.execute(a, target);
    }
    return true;
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
    this.haste = this.baseHaste * this.logic.hasteFactor();
    this.cds.haste = this.haste;
    this.focusRate = (this.data.baseFocusRegen * this.haste * this.logic.regenFactor()) / 1000;
  }

  /** Recomputes attack power after an agility change. */
  setAgility(agility: number): void {
    this.agility = agility;
    this.ap = agility;
  }

  healthPct(): number {
    return Math.max(0, 100 * (1 - this.now / this.endMs));
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
    const wasUp = this.dots.up(slot, this.now);
    const gen = this.dots.gen[slot]!;
    this.dots.apply(dot, slot, this.now, 1, 0);
    this.dotAmount[slot] = tickAmount;
    if (wasUp) {
      this.dots.gen[slot] = gen; // keep the running tick schedule
      return;
    }
    const tick = Math.max(1, Math.round(this.dotBaseTick[dot]! / this.haste));
    this.dotTick[slot] = tick;
    this.dotLast[slot] = this.now;
    this.q.push(this.now + tick, PRIO_DEFAULT, EV_DOT_TICK, slot, this.dots.gen[slot]!);
  }

  private onDotTick(slot: number): void {
    const exp = this.dots.expires[slot]!;
    const tick = this.dotTick[slot]!;
    const fraction = (this.now - this.dotLast[slot]!) / tick;
    this.dotLast[slot] = this.now;
    const dot = Math.floor(slot / MAX_TARGETS);
    this.logic.dotTick(dot, slot - dot * MAX_TARGETS, this.dotAmount[slot]! * fraction);
    if (this.now >= exp) return;
    const next = Math.min(exp, this.now + tick);
    this.q.push(next, PRIO_DEFAULT, EV_DOT_TICK, slot, this.dots.gen[slot]!);
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
   * a critical strike, else 0.
   */
  hit(src: number, target: number, amount: number, physical: boolean, critBonus: number): number {
    let dmg = amount * this.versatility;
    if (
      this.markDebuff >= 0 &&
      this.debuffs.expires[this.markDebuff * MAX_TARGETS + target]! > this.now &&
      this.healthPct() > MARK_ABOVE_PCT
    ) {
      dmg *= 1 + MARK_DAMAGE;
    }
    if (physical) dmg *= PHYSICAL_MULTIPLIER;
    let crit = 0;
    if (this.rng.next() < this.critChance + critBonus) {
      dmg *= CRIT_MULTIPLIER;
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
   * Real-procs-per-minute check (hasted, with bad-luck protection as in the game):
   * chance = rppm × haste × min(10 s, since last attempt) / 60 s × max(1, 1 + 3 × (since last proc / (60 s / rppm) − 1.5)).
   */
  rppm(rate: number): boolean {
    const sinceAttempt = Math.min(10_000, this.now - this.rppmLastAttempt);
    this.rppmLastAttempt = this.now;
    const interval = 60_000 / rate;
    const blp = Math.max(1, 1 + 3 * ((this.now - this.rppmLastProc) / interval - 1.5));
    const chance = ((rate * this.haste * sinceAttempt) / 60_000) * blp;
    if (this.rng.next() < chance) {
      this.rppmLastProc = this.now;
      return true;
    }
    return false;
  }
}
