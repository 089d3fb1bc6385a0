/**
 * Explosive Shot for the Marksmanship logic (212431, 212680): the explosion 3 s after the shot on
 * its target and every other enemy, and Precision Detonation's early explosion (474199). Numbers:
 * ./numbers.ts.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { MM_DATA } from './data.ts';
import { D, S } from './indices.ts';
import { MM } from './numbers.ts';
import type { ShotHost } from './sentinel.ts';

/** Spec event kind of a due explosion (the spec's first; Sentinel's are 1 and 2, the bleed's 16+). */
export const SPEC_EXPLODE = 0;

export class ExplosiveShots {
  /** Per target: when its pending Explosive Shot explodes (-1: none). */
  private readonly due = new Float64Array(MAX_TARGETS);

  constructor(
    private readonly host: ShotHost,
    private readonly precisionDetonation: boolean,
  ) {}

  start(): void {
    this.due.fill(-1);
  }

  /** The shot lands on `target`: its dot, and the explosion when the dot's 3 s are over. */
  cast(target: number): void {
    const sim = this.host.sim;
    sim.applyDot(D.explosive, target, 0);
    this.due[target] = sim.now + MM_DATA.dots[D.explosive]!.durationMs;
    sim.q.push(this.due[target]!, PRIO_DEFAULT, EV_SPEC, SPEC_EXPLODE, target);
  }

  /** A spec event; true when it was an explosion's (one that came early is not paid again). */
  specEvent(kind: number, target: number): boolean {
    if (kind !== SPEC_EXPLODE) return false;
    if (this.due[target] === this.host.sim.now) this.explode(target, 1);
    return true;
  }

  /** Precision Detonation: an Aimed Shot hit on a target with a pending Explosive Shot explodes it now, +40 %. */
  detonate(target: number): void {
    const sim = this.host.sim;
    if (!this.precisionDetonation || this.due[target]! <= sim.now) return;
    sim.dots.remove(D.explosive * MAX_TARGETS + target, sim.now);
    this.explode(target, 1 + MM.precisionDetonation);
  }

  /** Explosive Shot's explosion on `target` and every other enemy (212680 #1), × `mult`. */
  private explode(target: number, mult: number): void {
    const host = this.host;
    const sim = host.sim;
    this.due[target] = -1;
    const amount =
      MM.explosiveShotAp *
      sim.ap *
      host.mult() *
      (1 + MM.specAuraExplosiveShot) *
      sim.classTree.explosiveShot * // class tree: Blackrock Munitions
      aoeScale(sim.targets, MM.explosiveShotAoeCap) *
      mult;
    const crit = host.crit();
    const cd = host.critDamage();
    host.shot(S.explosive, target, amount, false, crit, cd);
    for (let t = 0; t < sim.targets; t++)
      if (t !== target) host.shot(S.explosive, t, amount * MM.explosiveShotSplash, false, crit, cd);
  }
}
