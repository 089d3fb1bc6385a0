/**
 * Master Marksman's bleed (260309, 269576) for the Marksmanship logic: SimC's residual action per
 * target. Numbers: ./numbers.ts.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import type { Sim } from '../../engine/sim.ts';
import { S } from './indices.ts';
import { MM } from './numbers.ts';

/** Spec event kinds from here on: a Master Marksman bleed tick on target (kind − SPEC_BLEED). */
export const SPEC_BLEED = 16;

export class MasterMarksmanBleed {
  /** Per target: the bleed's unpaid damage, ticks left and generation. */
  private readonly pool = new Float64Array(MAX_TARGETS);
  private readonly ticks = new Int32Array(MAX_TARGETS);
  private readonly gen = new Int32Array(MAX_TARGETS);

  constructor(private readonly sim: Sim) {}

  start(): void {
    this.pool.fill(0);
    this.ticks.fill(0);
  }

  /**
   * A ranged ability's crit adds 15 % of its damage to the target's bleed (269576), SimC's
   * residual action: the unpaid rest is added, the 6 s start again, paid in equal 2 s ticks, no
   * further multipliers.
   */
  add(target: number, amount: number): void {
    const sim = this.sim;
    this.pool[target] = this.pool[target]! + amount;
    this.ticks[target] = MM.masterMarksmanMs / MM.masterMarksmanTickMs;
    const gen = ++this.gen[target]!;
    sim.q.push(sim.now + MM.masterMarksmanTickMs, PRIO_DEFAULT, EV_SPEC, SPEC_BLEED + target, gen);
  }

  /** A spec event; true when it was a bleed tick (a stale one, from before a refresh, pays nothing). */
  specEvent(kind: number, gen: number): boolean {
    if (kind < SPEC_BLEED) return false;
    const target = kind - SPEC_BLEED;
    if (gen === this.gen[target]) this.tick(target);
    return true;
  }

  private tick(target: number): void {
    const sim = this.sim;
    const n = this.ticks[target]!;
    const d = this.pool[target]! / n;
    this.pool[target] = this.pool[target]! - d;
    this.ticks[target] = n - 1;
    // class tree: Unnatural Causes on the tick (SimC residual_bleed_base_t::base_ta)
    sim.dealResidual(S.bleed, d * sim.classTree.unnaturalCauses(target));
    if (n > 1)
      sim.q.push(
        sim.now + MM.masterMarksmanTickMs,
        PRIO_DEFAULT,
        EV_SPEC,
        SPEC_BLEED + target,
        this.gen[target]!,
      );
    else this.pool[target] = 0;
  }
}
