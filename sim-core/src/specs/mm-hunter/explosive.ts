/**
 * Explosive Shot for the Marksmanship logic (212431, 212680): the shot flies to its target (no hit
 * of its own: a spec event when it lands), its dot starts there and the explosion comes 3 s later
 * on its target and every other enemy; Precision Detonation's early explosion (474199). Numbers:
 * ./numbers.ts; SimC's rules: explosive_shot_base_t / aimed_shot_base_t::impact (sc_hunter.cpp,
 * TWW 11.2: fork snapshot Zac-oihfdwrrtuinvbcp/simc 2b8e3e0cb44b83cc26ad8c0ce70e7b15437473a5).
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { MISSILE_SPEED_NO_HIT, travelMs } from '../projectiles.ts';
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { MM_DATA } from './data.ts';
import { D, S } from './indices.ts';
import { MM } from './numbers.ts';
import type { ShotHost } from './sentinel.ts';

/** Spec event kind of a due explosion (the spec's first; Sentinel's are 1 and 2, the bleed's 16+). */
export const SPEC_EXPLODE = 0;
/** Spec event kind of an Explosive Shot landing (Spotter's Mark's On Target is 3). */
export const SPEC_EXPLOSIVE_LANDS = 4;

export class ExplosiveShots {
  /** Per target: when its pending Explosive Shot explodes (-1: none). */
  private readonly due = new Float64Array(MAX_TARGETS);
  /** ms the shot flies (the config's distance at 212431's speed). */
  private readonly travelMs: number;
  /** Small Game Hunter's explosion multiplier (459802 #2; 1 without). */
  private readonly talentMult: number;

  constructor(
    private readonly host: ShotHost,
    private readonly precisionDetonation: boolean,
  ) {
    this.travelMs = travelMs(MISSILE_SPEED_NO_HIT.explosive_shot, host.sim.timing.distanceYards);
    this.talentMult = host.sim.hasTalent('small_game_hunter') ? 1 + MM.smallGameHunterExplosive : 1;
  }

  start(): void {
    this.due.fill(-1);
  }

  /** The shot is fired at `target`: it lands after its travel time (at once without travel). */
  fire(target: number): void {
    const sim = this.host.sim;
    const ms = sim.travelOn === 1 ? this.travelMs : 0;
    if (ms === 0) {
      this.lands(target);
      return;
    }
    sim.q.push(sim.now + ms, PRIO_DEFAULT, EV_SPEC, SPEC_EXPLOSIVE_LANDS, target);
  }

  /**
   * The shot lands on `target`: its dot, and the explosion when the dot's 3 s are over. One still
   * ticking there explodes first, now, at its normal strength (SimC explosive_shot_base_t::impact:
   * `dot->is_ticking()` → the explosion with the old dot's state, then the new dot; its 3 s
   * explosion does not come again). SimC refreshes that dot to 3 s (DOT_REFRESH_DURATION, 212431
   * has no 'Periodic Refresh Extends Duration'): its explosion comes 3 s after this landing, as here.
   */
  private lands(target: number): void {
    const sim = this.host.sim;
    if (this.due[target]! >= sim.now) this.explode(target, 1);
    sim.applyDot(D.explosive, target, 0);
    this.due[target] = sim.now + MM_DATA.dots[D.explosive]!.durationMs;
    sim.q.push(this.due[target]!, PRIO_DEFAULT, EV_SPEC, SPEC_EXPLODE, target);
  }

  /** A spec event; true when it was an explosion's (one that came early is not paid again) or a landing. */
  specEvent(kind: number, target: number): boolean {
    const sim = this.host.sim;
    if (kind === SPEC_EXPLOSIVE_LANDS) {
      if (target < sim.targets) this.lands(target); // an add that died: nothing lands
      return true;
    }
    if (kind !== SPEC_EXPLODE) return false;
    if (this.due[target] === sim.now) this.explode(target, 1);
    return true;
  }

  /**
   * Precision Detonation, an Aimed Shot hit (ricochets too) landing on `target` (SimC 11.2
   * aimed_shot_base_t::impact: `dots.explosive_shot->is_ticking()`): a pending Explosive Shot there
   * explodes now, +40 %. One still flying to it is not reached (11.1's `traveling_explosive`
   * detonation after its landing is gone in 11.2): it lands and explodes 3 s later as usual.
   */
  detonate(target: number): void {
    if (this.precisionDetonation && this.due[target]! > this.host.sim.now) this.explodeEarly(target);
  }

  /** Precision Detonation's explosion of `target`'s pending Explosive Shot: now, +40 % (474199 #1). */
  private explodeEarly(target: number): void {
    const sim = this.host.sim;
    sim.dots.remove(D.explosive * MAX_TARGETS + target, sim.now);
    this.explode(target, 1 + MM.precisionDetonation);
  }

  /** Explosive Shot's explosion on `target` and every other enemy (212680 #1), × `mult`. */
  private explode(target: number, mult: number): void {
    const host = this.host;
    const sim = host.sim;
    this.due[target] = -1;
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
