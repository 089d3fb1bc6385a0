/**
 * Explosive Shot (212431, a class talent) for Beast Mastery, and Thundering Hooves (459693), as
 * sc_hunter.cpp has them (explosive_shot_base_t, its damage_t::execute): the shot flies to its
 * target, its 3 s dot starts when it lands and then explodes for 2.91 × AP Fire on the target and
 * every other enemy (212680 #1), soft-capped beyond 5 (212431 #2, no full-amount target); one
 * still ticking on a target explodes when the next one lands there (as ../mm-hunter/explosive.ts).
 * The explosion has the hunter's multipliers of 212680's lists: the spec aura, Master of Beasts
 * (76657 #5), Bestial Wrath, The Bell Tolls, Wyvern's Cry, Blackrock Munitions (462036 #1).
 * Thundering Hooves: after each explosion every stable pet out — the main pet, the Animal
 * Companion, Call of the Wild's pets — Stomps at 200 % (#1: stomp_t's base_dd_multiplier × 2) at
 * its target (the main target): 1217528 #1 on it, 201754 #1 on every other enemy.
 * Numbers: ./talent-data.ts; table: sim-core/docs/specs.md.
 */
import { aoeScale } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { ExplosiveShotFuse } from '../explosive-shot-fuse.ts';
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { PET_COTW_A, PET_COTW_TICK_FIRST, PET_COTW_TICK_SLOTS } from './indices.ts';
import { BM_TALENTS as T } from './talent-data.ts';

/** Spec event kinds: an Explosive Shot lands, an explosion is due (BM's others: 0–3, 16+, 1000+). */
export const SPEC_BM_EXPLOSIVE_LANDS = 5;
export const SPEC_BM_EXPLODE = 6;

export interface BmExplosiveHost {
  /** The hunter's shots: spec aura, Master of Beasts, Bestial Wrath, The Bell Tolls, Wyvern's Cry. */
  playerMult(): number;
  /** The hunter's extra crit chance (Thrill of the Hunt, 257946 #1 lists 212680). */
  playerCrit(): number;
  /** The main pet's damage multiplier now (the Animal Companion shares it). */
  petMult(): number;
  /** One main-pet hit (its target multiplier, crit, crit damage, Laceration). */
  petHit(source: number, target: number, amount: number): void;
  /** A Call of the Wild pet's multiplier. */
  cotwMult(): number;
  /** The hunter's pets' target multiplier on `target` besides the main pet's own (Wild Instincts). */
  petTargetMult(target: number): number;
  /** Main pets out: 1, or 2 with the Animal Companion. */
  mainPets(): number;
}

export class BmExplosiveShot {
  private readonly thunderingHooves: number;
  /** The shot's flight, its fuse, the explosion of one still pending (../explosive-shot-fuse.ts). */
  private readonly fuse: ExplosiveShotFuse;
  private readonly src: number;
  private readonly stompSrc: number;
  private readonly stompCleaveSrc: number;

  constructor(
    private readonly sim: Sim,
    private readonly host: BmExplosiveHost,
  ) {
    this.thunderingHooves = sim.hasTalent('thundering_hooves') ? T.thunderingHooves : 0;
    this.fuse = new ExplosiveShotFuse(
      sim,
      { landed: () => {}, explode: (target) => this.explode(target) },
      SPEC_BM_EXPLOSIVE_LANDS,
      SPEC_BM_EXPLODE,
    );
    this.src = Sim.indexOf(sim.data.sources, 'explosive_shot');
    this.stompSrc = Sim.indexOf(sim.data.sources, 'thundering_hooves');
    this.stompCleaveSrc = Sim.indexOf(sim.data.sources, 'thundering_hooves_cleave');
  }

  start(): void {
    this.fuse.start();
  }

  /** The shot is fired at `target`: it lands after its travel time (at once without travel). */
  fire(target: number): void {
    this.fuse.fire(target);
  }

  /** A spec event; true when it was a landing or an explosion (one that came early is not paid again). */
  specEvent(kind: number, target: number): boolean {
    return this.fuse.specEvent(kind, target);
  }

  /** The explosion on `target` and every other enemy (212680 #1), then Thundering Hooves' Stomps. */
  private explode(target: number): void {
    const sim = this.sim;
    const host = this.host;
    const amount =
      EXPLOSIVE_SHOT_NUMBERS.ap *
      sim.ap *
      host.playerMult() *
      sim.classTree.explosiveShot * // class tree: Blackrock Munitions (462036 #1)
      aoeScale(sim.targets, EXPLOSIVE_SHOT_NUMBERS.aoeCap);
    const crit = host.playerCrit();
    sim.hit(this.src, target, amount, false, crit);
    for (let t = 0; t < sim.targets; t++) if (t !== target) sim.hit(this.src, t, amount, false, crit);
    if (this.thunderingHooves > 0) this.stomps();
  }

  /**
   * Thundering Hooves (SimC damage_t::execute): each main pet, then each Call of the Wild pet out,
   * Stomps at 200 % at its target (the main target, 0): 0.6 × its AP there (1217528 #1) and on
   * every other enemy (201754 #1, no soft cap), with its own multipliers.
   */
  private stomps(): void {
    const sim = this.sim;
    const host = this.host;
    const eff = this.thunderingHooves;
    const m = sim.ap * host.petMult() * eff;
    for (let k = host.mainPets(); k > 0; k--) {
      host.petHit(this.stompSrc, 0, T.stompAp * m);
      for (let t = 1; t < sim.targets; t++) host.petHit(this.stompCleaveSrc, t, T.stompCleaveAp * m);
    }
    const c = sim.ap * host.cotwMult() * eff;
    for (let p = PET_COTW_A; p < PET_COTW_TICK_FIRST + PET_COTW_TICK_SLOTS; p++) {
      if (sim.petActive[p] !== 1) continue;
      sim.hit(this.stompSrc, 0, T.stompAp * c * host.petTargetMult(0), true, 0);
      for (let t = 1; t < sim.targets; t++)
        sim.hit(this.stompCleaveSrc, t, T.stompCleaveAp * c * host.petTargetMult(t), true, 0);
    }
  }
}
