/**
 * The discrete-event simulation of one player (+ pets) against 1..20 targets, on integer
 * milliseconds. Generic mechanics live here (time, events, GCD, casts and channels, focus,
 * cooldowns with charges, buffs/debuffs, DoTs, pets, auto attacks, damage, RPPM); each spec's
 * rules live in its SpecLogic. Allocation-free after construction. The state is in sim-state.ts,
 * the iteration and its event loop in iteration.ts.
 */
import type { SpecData } from '../specs/spec-types.ts';
import type { SimConfig } from '../types.ts';
import { SimState } from './sim-state.ts';
import { runIteration } from './iteration.ts';
import { MARK_ABOVE_PCT, MARK_DAMAGE, WEAPON_POWER_COEFFICIENT } from './ratings.ts';
import { Extras } from './extras.ts';
import { linearHealth } from './health.ts';
import {
  EV_AUTO_SHOT,
  EV_BUFF_EXPIRE,
  EV_DOT_TICK,
  EV_LAND,
  EV_PET_EXPIRE,
  EV_PET_SWING,
  EV_READY,
  GCD_BASE_MS,
  GCD_MIN_MS,
  MAX_TARGETS,
  PRIO_DEFAULT,
  PRIO_READY,
} from './events.ts';
import { drawLagMs, drawReactionGauss, drawReactionMs } from './timing-draws.ts';

export * from './events.ts';

/** A `critBonus` for Sim.hit that no crit chance reaches: the hit never crits. */
export const CANNOT_CRIT = -Infinity;

export class Sim extends SimState {
  /** Flask, potion: generic player effects beside the spec's logic. */
  readonly extras: Extras;
  /**
   * The impact tag of the next `hit` (0: none), set by the spec just before it and cleared by
   * it: a tagged hit calls SpecLogic.landed when it lands (its on-hit procs, SimC's `impact`).
   */
  landTag = 0;
  /**
   * 1 for the buffs the extras handle (their notifications go to Extras.buffChanged, the others
   * straight to the spec's), set by Extras and RacialProcs as they ask for notifications.
   */
  readonly extrasBuff: Uint8Array;
  /** 1 for the extras' actions (Extras.execute), the others go straight to the spec's execute. */
  readonly extrasAction: Uint8Array;

  constructor(config: SimConfig, data: SpecData) {
    super(config, data);
    this.extrasBuff = new Uint8Array(data.buffs.length);
    this.extras = new Extras(this);
    this.extrasAction = Uint8Array.from(data.actions, (_, a) => (this.extras.known(a) === undefined ? 0 : 1));
  }

  /** Runs iteration `k` of a job with seed `seed`; returns its DPS. */
  runIteration(seed: number, k: number): number {
    return runIteration(this, seed, k);
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
    const f = this.hasGcdFactor ? this.logic.gcdFactor!(action) : 1;
    return f === 1 ? this.gcdValue : Math.max(GCD_MIN_MS, Math.round(this.gcdValue * f));
  }

  castMs(action: number): number {
    const base = this.logic.castMs(action);
    return base > 0 ? Math.round(base / this.haste) : 0;
  }

  /** Focus cost of an action now. */
  cost(a: number): number {
    return this.costDynamic[a] === 1 ? this.logic.cost(a) : this.baseCost[a]!;
  }

  actionReady(a: number, target: number): boolean {
    if (this.knownMask[a] !== 1 || target >= this.targets) return false;
    if (this.cds.waiting(a, this.now)) return false;
    const cost = this.cost(a);
    if (cost > 0 && this.focus() < cost) return false;
    // without an execute range (executePct 0: executeFrom 0 too) inExecuteRange is true: not asked
    if (
      this.usableFor[a] === 1
        ? !this.healthRule!.usable(a, target)
        : this.executePct[a]! > 0 && !this.inExecuteRange(a, target)
    )
      return false;
    return this.requiresPet[a] === 0 || this.petActive[0] === 1;
  }

  /** Whether action `a` may be used on `target` as far as its execute range goes (none: always). */
  inExecuteRange(a: number, target: number): boolean {
    if (this.now < this.executeFrom[a]!) return false;
    return !(
      this.dynamicNow &&
      this.executePct[a]! > 0 &&
      this.health.atLeast(target, this.now, this.executePct[a]!)
    );
  }

  /**
   * A cast finishes: its cost (as it was when the cast began) and its cooldown are paid now,
   * as the game and SimulationCraft do (action_t::execute consumes the resource and starts the
   * cooldown), then it takes effect.
   */
  finishCast(a: number, target: number): void {
    this.channelAction = -1;
    this.spendFocus(this.castCost);
    this.castCost = 0;
    this.cds.use(a, this.now);
    this.countCast(a);
    this.execute(a, target); // the extras' cast-time actions (Haymaker) too
  }

  countCast(a: number): void {
    const s = this.actionSource[a]!;
    if (s >= 0) {
      this.srcCasts[s]!++;
      if (this.castProcs === 1) this.extras.itemCast(); // an item's Cast Successful proc
    }
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
    this.haste = this.baseHaste * this.logic.hasteFactor() * this.extras.hasteFactor;
    const autoBefore = this.autoHaste;
    this.autoHaste = this.haste * this.classTree.autoAttackSpeed;
    // SimC's haste buffs reschedule the Auto Shot on its way (adjust_auto_attack →
    // attack_t::reschedule_auto_attack): what is left of the wait × old / new speed
    if (this.autoHaste !== autoBefore && this.autoAt > this.now) {
      this.autoAt =
        this.now + Math.max(1, Math.round(((this.autoAt - this.now) * autoBefore) / this.autoHaste));
      this.q.push(this.autoAt, PRIO_DEFAULT, EV_AUTO_SHOT, 0, ++this.autoGen);
    }
    this.gcdValue = Math.max(GCD_MIN_MS, Math.round(GCD_BASE_MS / this.haste));
    this.cds.setHaste(this.now, this.haste);
    this.focusRate = (this.data.baseFocusRegen * this.haste * this.logic.regenFactor()) / 1000;
  }

  /**
   * Recomputes attack power after an agility change (the spec's agility; extras add theirs): `ap`
   * with the weapon's DPS × 6 (abilities and pets), `baseAp` without (weapon swings, SimC's
   * NO_WEAPON); docs/specs.md § Attack power.
   */
  setAgility(agility: number): void {
    this.specAgility = agility;
    this.agility = agility + this.extraAgility;
    this.baseAp = (this.agility + this.extraAp) * this.apPerAgility;
    this.ap = (this.agility + this.extraAp + this.weaponDps * WEAPON_POWER_COEFFICIENT) * this.apPerAgility;
  }

  /** The extras' agility changed: same spec agility, new total. */
  refreshAgility(): void {
    this.setAgility(this.specAgility);
  }

  /** Health of the main target now, in percent. */
  healthPct(): number {
    return this.dynamicNow ? this.health.pct(0, this.now) : this.healthAt(this.now);
  }

  /** healthPctOf(t) < x, without a percent crossing the call (a proc's health condition on every hit). */
  healthBelow(t: number, x: number): boolean {
    return this.dynamicNow ? !this.health.atLeast(t, this.now, x) : this.healthAt(this.now) < x;
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

  /**
   * Applies `stacks` stacks of a player buff. A reactable one (SimState.buffReactable) that gains
   * stacks draws a reaction time for them (SimC buff_t::bump: `if ( reactable )`); the others
   * draw nothing, since nothing reads their `react`.
   */
  applyBuff(buff: number, stacks: number, durationMs: number): void {
    const react = this.reactionOn && this.buffReactable[buff] === 1;
    const before = react ? this.buffs.reactStack(buff, this.now) : 0;
    const exp = this.buffs.apply(buff, buff, this.now, stacks, durationMs);
    if (react && this.buffs.stacks[buff]! > before) {
      // reactionMs()'s draws, in its order; the time itself is computed when a react needs it
      const g = drawReactionGauss(this.timingRng, this.timing.reactionMs);
      this.buffs.delayReactionDrawn(buff, this.now, before, g, this.timingRng.next());
    }
    if (this.buffNotify[buff] === 1) {
      this.buffChanged(buff);
      this.q.push(exp, PRIO_DEFAULT - 1, EV_BUFF_EXPIRE, buff, this.buffs.gen[buff]!);
    }
  }

  /**
   * One more stack of a player buff that is up, its expiry unchanged (SimC buff_t::increment with
   * the buff's remains); returns whether it changed anything. At its maximum, with every stack
   * already seen by `react` and no notification, a stack changes nothing that is read (the same
   * stacks and expiry, no reaction drawn, no event), so nothing is done. (On a pandemic buff the
   * apply would lengthen it: increment only buffs that refresh to their duration.)
   */
  incrementBuff(buff: number): boolean {
    const buffs = this.buffs;
    if (!buffs.up(buff, this.now)) return false;
    const stacks = buffs.stacks[buff]!;
    if (
      stacks === buffs.maxStacks[buff] &&
      this.buffNotify[buff] === 0 &&
      // a buff that is not reactable never has its reaction delayed (reactAt 0): after time 0
      // every stack of it is seen, as reactStack would say
      (!this.reactionOn ||
        (this.buffReactable[buff] === 0 && this.now > 0) ||
        buffs.reactStack(buff, this.now) === stacks)
    )
      return false;
    this.applyBuff(buff, 1, buffs.expires[buff]! - this.now);
    return true;
  }

  removeBuff(buff: number): void {
    if (!this.buffs.up(buff, this.now)) return;
    this.buffs.remove(buff, this.now);
    if (this.buffNotify[buff] === 1) this.buffChanged(buff);
  }

  /** A notifying buff changed: the extras' own buffs, else the spec's. */
  buffChanged(buff: number): void {
    if (this.extrasBuff[buff] === 0 || !this.extras.buffChanged(buff)) this.logic.buffChanged(buff);
  }

  /** An action takes effect: the extras' own actions (potion), else the spec's. */
  execute(a: number, target: number): void {
    if (this.extrasAction[a] === 0 || !this.extras.execute(a, target)) this.logic.execute(a, target);
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

  onDotTick(slot: number): void {
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
   * 1 + (CRIT_MULTIPLIER − 1) × critDamage (1 = a plain ×2 crit). `critBonus` CANNOT_CRIT: never a
   * crit (the roll is still drawn).
   *
   * The numbers go to fields and the work to `deliver`: this wrapper is small enough for V8 to
   * inline into every caller, so the doubles are stored, not boxed as arguments of a call it does
   * not inline (`deliver` is over V8's inlining size).
   */
  hit(
    src: number,
    target: number,
    amount: number,
    physical: boolean,
    critBonus: number,
    critDamage = 1,
  ): number {
    this.hitAmount = amount;
    this.hitCritBonus = critBonus;
    this.hitCritDamage = critDamage;
    return this.deliver(src, target, physical);
  }

  /** `hit`'s doubles, set by it for `deliver` (doubles from the start: V8 keeps them unboxed in place). */
  private hitAmount = 0.5;
  private hitCritBonus = 0.5;
  private hitCritDamage = 0.5;

  /** `hit` of hitAmount, hitCritBonus, hitCritDamage. */
  private deliver(src: number, target: number, physical: boolean): number {
    const amount = this.hitAmount;
    const critBonus = this.hitCritBonus;
    const critDamage = this.hitCritDamage;
    const tag = this.landTag;
    this.landTag = 0;
    if (target >= this.targets) return 0; // an add that died (a dot or explosion on it)
    let dmg = amount * this.versatility * this.srcMult[src]!;
    if (
      this.now < this.markUntil &&
      this.debuffs.expires[this.markDebuff * MAX_TARGETS + target]! > this.now &&
      (!this.dynamicNow || this.markHealthAbove(target))
    ) {
      dmg *= 1 + MARK_DAMAGE;
    }
    dmg *= physical ? this.physicalMult : this.magicTaken;
    let crit = 0;
    let critFactor = 1;
    if (this.rng.next() < this.critChance + critBonus) {
      critFactor = 1 + (this.srcCritMultiplier[src]! - 1) * critDamage;
      dmg *= critFactor;
      crit = 1;
    }
    const d = Math.round(dmg);
    this.lastHitDamage = d;
    this.lastCritFactor = critFactor;
    const travel = this.travelOn === 1 ? this.srcTravelMs[src]! : 0;
    if (travel > 0) this.launch(src, target, d, crit, travel, tag);
    else this.dealDamage(src, target, d, crit);
    if (this.hitProcs === 1 && this.srcProc[src] !== 0) {
      this.extras.onHit(this.srcProc[src]!, target); // may hit again (Touch of the Grave)
      this.lastHitDamage = d;
      this.lastCritFactor = critFactor;
    }
    if (tag !== 0 && travel === 0) {
      this.logic.landed!(src, target, d, crit, tag); // landed now: its impact at once
      this.lastHitDamage = d;
      this.lastCritFactor = critFactor;
    }
    return crit;
  }

  /**
   * Health checks (dynamic health): target t is above Hunter's Mark's threshold now. Health only
   * falls while a target lives, so once below it stays below until its life restarts
   * (TargetHealth.start / setLife clear the latch): no health reads after that.
   */
  private markHealthAbove(t: number): boolean {
    const h = this.health;
    if (h.markOff[t] === 1) return false;
    if (h.above(t, this.now, MARK_ABOVE_PCT)) return true;
    h.markOff[t] = 1;
    // Without adds no life restarts: once every target is below, the mark is over for the
    // iteration, and `hit` stops at its first compare instead of reading the debuff and the latch.
    if (this.waveStarts.length === 0 && this.allMarkOff()) this.markUntil = this.now;
    return false;
  }

  /** Every target of the fight is latched below Hunter's Mark's threshold (no adds: baseTargets). */
  private allMarkOff(): boolean {
    for (let t = 0; t < this.baseTargets; t++) if (this.health.markOff[t] === 0) return false;
    return true;
  }

  /**
   * Damage lands on a living target (a hit in flight past the end of the fight never does, as in
   * SimC); the callers have checked `target < this.targets`.
   */
  private dealDamage(src: number, target: number, d: number, crit: number): void {
    this.health.taken[target]! += d;
    this.srcDamage[src]! += d;
    this.srcHits[src]!++;
    this.srcCrits[src]! += crit;
    this.iterDamage += d;
  }

  /** A shot's hit, rolled now, lands `travel` ms later (SimC: result at execute, damage at impact). */
  private launch(src: number, target: number, d: number, crit: number, travel: number, tag: number): void {
    this.q.push(this.now + travel, PRIO_DEFAULT, EV_LAND, this.inFlight.add(src, target, d, crit, tag), 0);
  }

  /** A hit in flight lands: its damage, then its impact (SpecLogic.landed) when tagged and the target lives. */
  land(slot: number): void {
    const f = this.inFlight;
    f.release(slot);
    const src = f.src[slot]!;
    const target = f.target[slot]!;
    const d = f.damage[slot]!;
    const crit = f.crit[slot]!;
    const tag = f.tag[slot]!;
    if (target >= this.targets) return; // landed after the add died: no damage, no impact
    this.dealDamage(src, target, d, crit);
    if (tag !== 0) this.logic.landed!(src, target, d, crit, tag);
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

  /**
   * A share of a hit that already landed, copied to `target` (SimC: an action whose spell ignores
   * the caster's damage modifiers, attribute 221, fed `execute_on_target( t, amount )`): no
   * versatility, source multiplier or crit (no roll drawn); the target's own multipliers apply
   * (Hunter's Mark, armor and Mystic Touch or Chaos Brand). Lands at once, with the player's on-hit
   * procs as any hit of its source. Returns the damage dealt (0 on a target that is gone).
   */
  hitReplicated(src: number, target: number, amount: number, physical: boolean): number {
    if (target >= this.targets) return 0;
    let dmg = amount;
    if (
      this.now < this.markUntil &&
      this.debuffs.expires[this.markDebuff * MAX_TARGETS + target]! > this.now &&
      (!this.dynamicNow || this.markHealthAbove(target))
    ) {
      dmg *= 1 + MARK_DAMAGE;
    }
    dmg *= physical ? this.physicalMult : this.magicTargetTaken;
    const d = Math.round(dmg);
    this.dealDamage(src, target, d, 0);
    if (this.hitProcs === 1 && this.srcProc[src] !== 0) this.extras.onHit(this.srcProc[src]!, target);
    return d;
  }
}
