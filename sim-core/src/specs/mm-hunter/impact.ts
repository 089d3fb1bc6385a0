/**
 * What a Marksmanship hit does when it lands, as SimC's `impact` has it (the proc callbacks of
 * `action_t::impact`, then the shot's own `impact`): the hit carries these bits as its
 * Sim.landTag (in flight: the engine's pooled InFlight slot) and the engine calls
 * MarksmanshipLogic.landed when it lands, at once for a hit that does not travel.
 */
import type { Sim } from '../../engine/sim.ts';
import type { ResidualBleed } from './bleed.ts';
import { addBulletstormStacks } from './bulletstorm.ts';
import type { MarksmanshipCrit } from './crit.ts';
import type { ExplosiveShots } from './explosive.ts';
import type { KillShotBase } from './kill-shot.ts';
import { A, B } from './indices.ts';
import { MM } from './numbers.ts';
import type { SentinelTree } from './sentinel.ts';
import type { SpottersMark } from './spotter.ts';

/** Every hunter hit: Sentinel's chance (450369, SimC `sentinel_cb_t`, PF2_ALL_HIT). */
export const IMPACT_HIT = 1;
/** A ranged ability's hit, not Auto Shot: Master Marksman on a crit (260309), Bullseye (204089). */
export const IMPACT_YELLOW = 2;
/** A hit snapshotted with Precise Shots: Spotter's Mark's chance (SimC `trigger_spotters_mark`). */
export const IMPACT_MARK = 4;
/** An Aimed Shot hit: Precision Detonation (474199) and its target's Spotter's Mark spent. */
export const IMPACT_AIMED = 8;
/** A Kill Shot fired with Razor Fragments up (its state's `razor_fragments_up`): the bleed. */
export const IMPACT_RAZOR = 16;
/** An Auto Shot: Lock and Load's chance (SimC `auto_shot_base_t::impact`). */
export const IMPACT_LOCK_AND_LOAD = 32;
/** A Rapid Fire hit (ricochets too): a Bulletstorm stack (SimC `rapid_fire_tick_t::impact`). */
export const IMPACT_BULLETSTORM = 64;
/** A Multi-Shot hit with Bullet Hell: Rapid Fire's cooldown −0.3 s (SimC `multishot_mm_t::impact`). */
export const IMPACT_MULTI = 128;
/** An Aimed Shot's primary hit with the Sentinel 2-piece: a Boon of Elune stack spent (./sentinel.ts). */
export const IMPACT_BOON = 1 << 9;

/** The parts of the Marksmanship logic a landing hit works on (MarksmanshipLogic is one). */
export interface ImpactParts {
  readonly sim: Sim;
  readonly bleed: ResidualBleed;
  readonly hero: SentinelTree;
  readonly critModel: MarksmanshipCrit;
  readonly spotter: SpottersMark;
  readonly explosive: ExplosiveShots;
  readonly killShotBase: KillShotBase;
}

export class MarksmanshipImpacts {
  private readonly sim: Sim;
  private readonly masterMarksman: boolean;
  private readonly lockAndLoadOn: boolean;
  /** Bullet Hell (473378): an Aimed Shot hit takes 0.3 s off Volley's cooldown. */
  private readonly bulletHellVolley: boolean;
  private readonly bleed: ResidualBleed;
  private readonly hero: SentinelTree;
  private readonly critModel: MarksmanshipCrit;
  private readonly spotter: SpottersMark;
  private readonly explosive: ExplosiveShots;
  private readonly killShotBase: KillShotBase;

  constructor(parts: ImpactParts) {
    this.sim = parts.sim;
    this.masterMarksman = parts.sim.hasTalent('master_marksman');
    this.lockAndLoadOn = parts.sim.hasTalent('lock_and_load');
    this.bulletHellVolley = parts.sim.hasTalent('bullet_hell') && parts.sim.hasTalent('volley');
    this.bleed = parts.bleed;
    this.hero = parts.hero;
    this.critModel = parts.critModel;
    this.spotter = parts.spotter;
    this.explosive = parts.explosive;
    this.killShotBase = parts.killShotBase;
  }

  /**
   * Master Marksman (260309 #1): 15 % of a crit's damage to the target's bleed; SimC's
   * `master_marksman_cb_t` feeds it `result_amount`, the hit's damage where it landed. Called
   * for crits only (the callers test it: no call for the ~60 % of hits that are not).
   */
  masterMarksmanCrit(target: number, damage: number): void {
    if (this.masterMarksman) this.bleed.add(target, damage * MM.masterMarksman);
  }

  /**
   * Lock and Load (194595 #1): 10 % per Auto Shot for the free, instant Aimed Shot with a charge
   * back (SimC `auto_shot_base_t::impact`: `cooldowns.aimed_shot->reset`, one charge).
   */
  lockAndLoad(): void {
    const sim = this.sim;
    if (this.lockAndLoadOn && sim.rng.next() < MM.lockAndLoadChance) {
      sim.applyBuff(B.lnl, 1, 0);
      sim.cds.addCharge(A.aimed, sim.now);
      sim.poke();
    }
  }

  /** The hit tagged `tag` dealt `damage` to `target` now (crit 1: a critical strike). */
  landed(target: number, damage: number, crit: number, tag: number): void {
    const yellow = (tag & IMPACT_YELLOW) !== 0;
    if (yellow && crit === 1) this.masterMarksmanCrit(target, damage);
    if ((tag & IMPACT_HIT) !== 0) this.hero.onHit(target);
    if (yellow) this.critModel.bullseyeStack();
    if ((tag & IMPACT_RAZOR) !== 0) this.killShotBase.razorBleed(target, damage);
    if ((tag & IMPACT_MARK) !== 0) this.spotter.trigger(target);
    if ((tag & IMPACT_LOCK_AND_LOAD) !== 0) this.lockAndLoad();
    if ((tag & IMPACT_BULLETSTORM) !== 0) addBulletstormStacks(this.sim, 1);
    if ((tag & IMPACT_AIMED) !== 0) {
      // SimC aimed_shot_base_t::impact: Precision Detonation, then the target's mark is spent
      this.explosive.detonate(target);
      this.spotter.consume(target);
      // then SimC aimed_shot_t::impact (its primary target): the 2-piece's Boon stack, 0.4 s later
      if ((tag & IMPACT_BOON) !== 0) this.hero.aimedLanded();
      // Bullet Hell, last in aimed_shot_base_t::impact: Volley −0.3 s (473378 #1, as SimC reads it)
      if (this.bulletHellVolley) this.reduce(A.volley, MM.bulletHellVolleyMs);
    }
    if ((tag & IMPACT_MULTI) !== 0) this.reduce(A.rapid, MM.bulletHellRapidFireMs);
  }

  /** A cooldown cut by `ms` now; the rotation looks again (the action may be ready). */
  private reduce(a: number, ms: number): void {
    const sim = this.sim;
    sim.cds.reduce(a, sim.now, ms);
    sim.poke();
  }
}
