/**
 * Explosive Shot for the Marksmanship logic (212431, 212680): the shot flies to its target (no hit
 * of its own: a spec event when it lands), its dot starts there and the explosion comes 3 s later
 * on its target and every other enemy; Precision Detonation's early explosion (474199). Numbers:
 * ./numbers.ts; SimC's rules: explosive_shot_base_t / aimed_shot_base_t::impact (sc_hunter.cpp,
 * TWW 11.2: fork snapshot Zac-oihfdwrrtuinvbcp/simc 2b8e3e0cb44b83cc26ad8c0ce70e7b15437473a5).
 */
import { MAX_TARGETS } from '../../engine/events.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { ExplosiveShotFuse } from '../explosive-shot-fuse.ts';
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { D, S } from './indices.ts';
import { MM } from './numbers.ts';
import type { ShotHost } from './sentinel.ts';

/** Spec event kind of a due explosion (the spec's first; Sentinel's are 1 and 2, the bleed's 16+). */
export const SPEC_EXPLODE = 0;
/** Spec event kind of an Explosive Shot landing (Spotter's Mark's On Target is 3). */
export const SPEC_EXPLOSIVE_LANDS = 4;

export class ExplosiveShots {
  /** The shot's flight, its fuse, the explosion of one still pending (../explosive-shot-fuse.ts). */
  private readonly fuse: ExplosiveShotFuse;
  /** Small Game Hunter's explosion multiplier (459802 #2; 1 without). */
  private readonly talentMult: number;

  constructor(
    private readonly host: ShotHost,
    private readonly precisionDetonation: boolean,
  ) {
    this.fuse = new ExplosiveShotFuse(
      host.sim,
      {
        // its dot starts when it lands (the rotation's dot.explosive_shot)
        landed: (target) => host.sim.applyDot(D.explosive, target, 0),
        explode: (target) => this.explode(target, 1),
      },
      SPEC_EXPLOSIVE_LANDS,
      SPEC_EXPLODE,
    );
    this.talentMult = host.sim.hasTalent('small_game_hunter') ? 1 + MM.smallGameHunterExplosive : 1;
  }

  start(): void {
    this.fuse.start();
  }

  /** The shot is fired at `target`: it lands after its travel time (at once without travel). */
  fire(target: number): void {
    this.fuse.fire(target);
  }

  /** A spec event; true when it was an explosion's (one that came early is not paid again) or a landing. */
  specEvent(kind: number, target: number): boolean {
    return this.fuse.specEvent(kind, target);
  }

  /**
   * Precision Detonation, an Aimed Shot hit (ricochets too) landing on `target` (SimC 11.2
   * aimed_shot_base_t::impact: `dots.explosive_shot->is_ticking()`): a pending Explosive Shot there
   * explodes now, +40 % (474199 #1). One still flying to it is not reached (11.1's
   * `traveling_explosive` detonation after its landing is gone in 11.2): it lands and explodes 3 s
   * later as usual.
   */
  detonate(target: number): void {
    if (!this.precisionDetonation || !this.fuse.pending(target)) return;
    const sim = this.host.sim;
    sim.dots.remove(D.explosive * MAX_TARGETS + target, sim.now);
    this.fuse.defuse(target);
    this.explode(target, 1 + MM.precisionDetonation);
  }

  /** Explosive Shot's explosion on `target` and every other enemy (212680 #1), × `mult`. */
  private explode(target: number, mult: number): void {
    const host = this.host;
    const sim = host.sim;
    const amount =
      EXPLOSIVE_SHOT_NUMBERS.ap *
      sim.ap *
      host.mult() *
      (1 + MM.specAuraExplosiveShot) *
      sim.classTree.explosiveShot * // class tree: Blackrock Munitions
      aoeScale(sim.targets, EXPLOSIVE_SHOT_NUMBERS.aoeCap) *
      this.talentMult *
      mult;
    const crit = host.crit();
    const cd = host.critDamage();
    host.shot(S.explosive, target, amount, false, crit, cd);
    for (let t = 0; t < sim.targets; t++)
      if (t !== target) host.shot(S.explosive, t, amount * MM.explosiveShotSplash, false, crit, cd);
  }
}
