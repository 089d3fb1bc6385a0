/**
 * Marksmanship's crit model: Bullseye's stacks and crit (204089, 204090), Trueshot's crit chance
 * and damage (288613 #4/#5, Unerring Vision 474738) and Penetrating Shots (459783). Numbers:
 * ./numbers.ts.
 *
 * Every hit reads these, and their inputs change rarely (Trueshot up or down, a Bullseye stack,
 * the player's crit chance when a potion or proc re-derives the ratings), so the values are kept:
 * each aura's expiry is copied when it changes (up now ⇔ now < that expiry, as Auras.up reads it,
 * so an expiry needs no event), the crit-damage arguments are kept per sim.critChance and Trueshot
 * state, computed by the same expressions as before (the same doubles).
 */
import { firstMsBelow } from '../../engine/health.ts';
import type { Sim } from '../../engine/sim.ts';
import { B, S } from './indices.ts';
import { MM } from './numbers.ts';

/** Damage taken (share of the pool) below which the main target is surely above Bullseye's 20 %. */
const BULLSEYE_SURELY_ABOVE_TAKEN = 0.75;

export class MarksmanshipCrit {
  private readonly bullseye: boolean;
  private readonly penetratingShots: boolean;
  /** Bullseye's internal cooldown: no stack before this ms. */
  private bullseyeReady = 0;
  /**
   * Bullseye's health test (main target below 20 %) without a health read while its answer is
   * known. The main target's health only falls within an iteration (adds are other targets), so
   * once below it stays below (`bullseyeBelow`). Before that, it cannot be below before
   * `bullseyeFromMs` (linear health: the first ms below, exact) nor while the main target has
   * taken less than `bullseyeFromTaken` (health from damage: 75 % of its pool, at least 25 %
   * health left, far from any rounding of the percent); only then is the percent computed.
   */
  private bullseyeBelow = false;
  private bullseyeFromMs = 0;
  private bullseyeFromTaken = 0;
  /** Trueshot's crit chance (288613 #4, + Unerring Vision) and crit damage factor (#5, + Unerring Vision). */
  private readonly trueshotCrit: number;
  private readonly trueshotCritDamage: number;
  /** Kill Shot's (and Black Arrow's) crit bonus multiplier: Improved Deathblow (378769 #3); 1 without. */
  private readonly killBonus: number;
  /** Trueshot's expiry as last changed (trueshotChanged): up now ⇔ now < trueshotUntil. */
  private trueshotUntil = -1;
  /** Bullseye's expiry and crit bonus (stacks × 1 %) as its last stack left them. */
  private bullseyeUntil = -1;
  private bullseyeBonus = 0;
  /** The sim.critChance the crit-damage arguments below are for (Penetrating Shots reads it). */
  private critFor = NaN;
  /**
   * Sim.hit's crit-damage arguments with Trueshot up / down: the hunter's shots (Trueshot's list),
   * Kill Shot's, any other (with Trueshot down, any other hit's is the shots' `shotDown`).
   */
  private shotUp = 1;
  private shotDown = 1;
  private killUp = 1;
  private killDown = 1;
  private plainUp = 1;
  /** Penetrating Shots' (hunterCrit × m − 1) with Trueshot up / down (arg). */
  private numUp = 1;
  private numDown = 1;
  /**
   * The hunter's crit multiplier, 2 × the race's and the meta gem's factors (SimC
   * `current.crit_damage_multiplier`; SimState.srcCritMultiplier of the hunter's shots).
   */
  private readonly hunterCrit: number;

  constructor(
    private readonly sim: Sim,
    killBonus: number,
  ) {
    this.bullseye = sim.hasTalent('bullseye');
    const unerringVision = sim.hasTalent('unerring_vision');
    this.penetratingShots = sim.hasTalent('penetrating_shots');
    this.trueshotCrit = MM.trueshotCrit + (unerringVision ? MM.unerringVisionCrit : 0);
    this.trueshotCritDamage = 1 + MM.trueshotCritDamage + (unerringVision ? MM.unerringVisionCritDamage : 0);
    this.killBonus = killBonus;
    this.hunterCrit = sim.srcCritMultiplier[S.aimed]!;
  }

  start(): void {
    this.bullseyeReady = 0;
    const sim = this.sim;
    this.bullseyeBelow = false;
    // Sim.healthPct's two models: health from damage (dynamic, a pool) or linear in time
    const pooled = sim.dynamicNow && sim.health.pool[0]! > 0;
    this.bullseyeFromMs = pooled ? 0 : firstMsBelow(MM.bullseyeBelowPct, sim.endMs);
    this.bullseyeFromTaken = pooled ? sim.health.pool[0]! * BULLSEYE_SURELY_ABOVE_TAKEN : 0;
    this.trueshotUntil = -1;
    this.bullseyeUntil = -1;
    this.bullseyeBonus = 0;
  }

  /** Trueshot was applied, extended or removed (SpecLogic.buffChanged: it notifies). */
  trueshotChanged(): void {
    this.trueshotUntil = this.sim.buffs.expires[B.trueshot]!;
  }

  /** Bullseye (204089): damage to a target below 20 % health adds a stack, 0.1 s internal cooldown. */
  bullseyeStack(): void {
    const sim = this.sim;
    if (this.bullseye && sim.now >= this.bullseyeReady && this.belowBullseye()) {
      sim.applyBuff(B.bullseye, 1, 0);
      this.bullseyeReady = sim.now + MM.bullseyeIcdMs;
      this.bullseyeUntil = sim.buffs.expires[B.bullseye]!;
      this.bullseyeBonus = sim.buffs.stacks[B.bullseye]! * MM.bullseyeCrit;
    }
  }

  /** The main target below Bullseye's 20 % (Sim.healthBelow), read only when not known (see bullseyeBelow). */
  private belowBullseye(): boolean {
    if (this.bullseyeBelow) return true;
    const sim = this.sim;
    if (sim.now < this.bullseyeFromMs || sim.health.taken[0]! < this.bullseyeFromTaken) return false;
    this.bullseyeBelow = sim.healthBelow(0, MM.bullseyeBelowPct);
    return this.bullseyeBelow;
  }

  /** The hunter's shots' crit bonus: Trueshot's (player crit) + Bullseye's stacks (204090 #1). */
  crit(): number {
    const now = this.sim.now;
    return (
      (now < this.trueshotUntil ? this.trueshotCrit : 0) + (now < this.bullseyeUntil ? this.bullseyeBonus : 0)
    );
  }

  /** Trueshot's crit chance is the player's (288613 #4): every hit, the weapon enchant's too. */
  playerCrit(): number {
    return this.sim.now < this.trueshotUntil ? this.trueshotCrit : 0;
  }

  /** critDamage(1): the hunter's shots in Trueshot's list (Auto Shot included). */
  shotCritDamage(): number {
    if (this.sim.critChance !== this.critFor) this.refresh();
    return this.sim.now < this.trueshotUntil ? this.shotUp : this.shotDown;
  }

  /** critDamage(Improved Deathblow's bonus): Kill Shot and Black Arrow. */
  killCritDamage(): number {
    if (this.sim.critChance !== this.critFor) this.refresh();
    return this.sim.now < this.trueshotUntil ? this.killUp : this.killDown;
  }

  /** critDamageArg(1): a hit outside Trueshot's list (Black Arrow's dot, Authority of the Radiant Power). */
  plainCritDamage(): number {
    if (this.sim.critChance !== this.critFor) this.refresh();
    return this.sim.now < this.trueshotUntil ? this.plainUp : this.shotDown;
  }

  /** Trueshot's crit damage (288613 #5, + Unerring Vision): the hunter's shots in its list, Auto Shot included. */
  critDamage(spellBonus: number): number {
    if (this.sim.critChance !== this.critFor) this.refresh();
    return this.sim.now < this.trueshotUntil
      ? this.arg(this.numUp, spellBonus * this.trueshotCritDamage)
      : this.arg(this.numDown, spellBonus);
  }

  /** The kept arguments for sim.critChance now. */
  private refresh(): void {
    const c = this.sim.critChance;
    this.critFor = c;
    const h = this.hunterCrit;
    this.numUp = h * (1 + MM.penetratingShots * (c + this.trueshotCrit)) - 1;
    this.numDown = h * (1 + MM.penetratingShots * (c + 0)) - 1;
    const ts = this.trueshotCritDamage;
    this.shotUp = this.arg(this.numUp, ts);
    this.shotDown = this.arg(this.numDown, 1);
    this.killUp = this.arg(this.numUp, this.killBonus * ts);
    this.killDown = this.arg(this.numDown, this.killBonus);
    this.plainUp = this.arg(this.numUp, 1);
  }

  /**
   * Sim.hit's crit-damage argument for a spell whose crit bonus multiplier is `bonus`, with
   * Penetrating Shots' player crit damage multiplier m = 1 + 40 % × crit chance (459783 #2) on every
   * school: SimC's total_crit_bonus ((1 + 1) × r × m − 1) × bonus (action.cpp; r, the race's and
   * the meta gem's factor, and m multiply in one composite_player_critical_damage_multiplier,
   * sc_hunter.cpp), over the engine's plain bonus (2 × r − 1, Sim.deliver); `num` is
   * (2 × r × m − 1) for the crit chance now. (Before 2026-12-08 this took (2 × r − 1) × (2 × m − 1),
   * 0.7-0.9 % more crit bonus for a dwarf with the meta gem.)
   */
  private arg(num: number, bonus: number): number {
    if (!this.penetratingShots) return bonus;
    return (num * bonus) / (this.hunterCrit - 1);
  }
}
