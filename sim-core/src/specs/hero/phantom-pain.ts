/**
 * Phantom Pain (467941), a Dark Ranger talent of both specs: a hit of the spec's trigger (BM each
 * pet's Kill Command, MM each Aimed Shot hit, ricochets too) dealt `damage` to `primary`; its share
 * (BM #1 + 137015 #13: 30 %, MM #2: 15 %) goes to each other target with Black Arrow's dot, in
 * target order, 8 at most (#3). SimC (kill_command_bm_t / aimed_shot_base_t::impact) feeds the
 * hit's result_amount to 468019, which ignores the caster's modifiers (attribute 221: no
 * versatility) and cannot crit: Sim.hitReplicated. Numbers: ./dark-ranger-data.ts.
 */
import { MAX_TARGETS } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { DARK_RANGER } from './dark-ranger-data.ts';

export class PhantomPain {
  /** Taken (with Black Arrow, whose dot it reads). */
  readonly on: boolean;
  /** Its share of the trigger's hits (0 without the talent). */
  private readonly share: number;
  private readonly src: number;
  /** First slot of Black Arrow's dot (dot index × MAX_TARGETS). */
  private readonly dots: number;

  constructor(
    private readonly sim: Sim,
    on: boolean,
    share: number,
    blackArrowDot: number,
  ) {
    this.on = on;
    this.share = on ? share : 0;
    this.src = on ? Sim.indexOf(sim.data.sources, 'phantom_pain') : -1;
    this.dots = blackArrowDot * MAX_TARGETS;
  }

  /** A trigger's hit dealt `damage` to `primary`: the copies. */
  hit(primary: number, damage: number): void {
    const sim = this.sim;
    const amount = damage * this.share;
    let hit = 0;
    for (let t = 0; t < sim.targets && hit < DARK_RANGER.phantomPainMaxTargets; t++) {
      if (t === primary || !sim.dots.up(this.dots + t, sim.now)) continue;
      sim.hitReplicated(this.src, t, amount, false);
      hit++;
    }
  }
}
