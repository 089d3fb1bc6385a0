/**
 * SimC's residual bleeds for the Marksmanship logic, one per target: Master Marksman's (260309,
 * 269576) and Razor Fragments' (384790, 385638). Numbers: ./numbers.ts.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import type { Sim } from '../../engine/sim.ts';
import { S } from './indices.ts';
import { MM } from './numbers.ts';

/** Spec event kinds from here on: a Master Marksman bleed tick on target (kind − SPEC_BLEED). */
export const SPEC_BLEED = 16;
/** Spec event kinds from here on: a Razor Fragments bleed tick on target (kind − SPEC_RAZOR). */
export const SPEC_RAZOR = SPEC_BLEED + MAX_TARGETS;

/** A residual bleed: its damage source, its first event kind, its duration and tick (ms). */
export interface ResidualSpec {
  readonly src: number;
  readonly kind: number;
  readonly ms: number;
  readonly tickMs: number;
}
export const MASTER_MARKSMAN: ResidualSpec = {
  src: S.bleed,
  kind: SPEC_BLEED,
  ms: MM.masterMarksmanMs,
  tickMs: MM.masterMarksmanTickMs,
};
export const RAZOR_FRAGMENTS: ResidualSpec = {
  src: S.razor,
  kind: SPEC_RAZOR,
  ms: MM.razorFragmentsMs,
  tickMs: MM.razorFragmentsTickMs,
};

export class ResidualBleed {
  /** Per target: the bleed's unpaid damage, ticks left, time of its next tick and generation. */
  private readonly pool = new Float64Array(MAX_TARGETS);
  private readonly ticks = new Int32Array(MAX_TARGETS);
  private readonly next = new Float64Array(MAX_TARGETS);
  private readonly gen = new Int32Array(MAX_TARGETS);

  constructor(
    private readonly sim: Sim,
    private readonly r: ResidualSpec,
    /** After each tick (BM's Laceration rolls Dire Beast there, SimC hunter_action_t::tick). */
    private readonly onTick?: (target: number) => void,
  ) {}

  start(): void {
    this.pool.fill(0);
    this.ticks.fill(0);
  }

  /**
   * Adds `amount` to the target's bleed (Master Marksman: 15 % of a ranged crit's damage), SimC's
   * residual action (residual_periodic_action_t): the unpaid rest is added and paid in equal ticks,
   * no further multipliers. A new bleed ticks after one period; a refresh keeps the tick timer
   * (DOT_REFRESH) and the bleed then lasts to the next tick + its duration
   * (calculate_dot_refresh_duration), so ceil((to next tick + duration) / period) ticks are left,
   * one more when the next tick is due in this very millisecond (it is still to come: without it
   * the bleed would end a period before its next tick + duration).
   */
  add(target: number, amount: number): void {
    // small enough for V8 to inline at the landing: `amount` (a fresh double) is added where it
    // is computed, not boxed as the argument of a call; the rest takes integers only
    this.pool[target] = this.pool[target]! + amount;
    if (this.ticks[target]! > 0) this.refresh(target);
    else this.begin(target);
  }

  /** add's refresh of a running bleed: the ticks to its next tick + duration. */
  private refresh(target: number): void {
    const toNext = this.next[target]! - this.sim.now;
    this.ticks[target] = Math.ceil((toNext + this.r.ms) / this.r.tickMs) + (toNext === 0 ? 1 : 0);
  }

  /** add's new bleed: its ticks, the first one period from now. */
  private begin(target: number): void {
    const sim = this.sim;
    const period = this.r.tickMs;
    this.ticks[target] = this.r.ms / period;
    this.next[target] = sim.now + period;
    const gen = ++this.gen[target]!;
    sim.q.push(sim.now + period, PRIO_DEFAULT, EV_SPEC, this.r.kind + target, gen);
  }

  /** A spec event; true when it was a bleed tick (a stale one, from an earlier iteration, pays nothing). */
  specEvent(kind: number, gen: number): boolean {
    if (kind < this.r.kind || kind >= this.r.kind + MAX_TARGETS) return false;
    const target = kind - this.r.kind;
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
    const ct = sim.classTree;
    sim.dealResidual(this.r.src, d * (ct.unnaturalCausesExecute(target) ? ct.dotExecute : ct.dot));
    this.onTick?.(target);
    if (n > 1) {
      this.next[target] = sim.now + this.r.tickMs;
      sim.q.push(this.next[target]!, PRIO_DEFAULT, EV_SPEC, this.r.kind + target, this.gen[target]!);
    } else this.pool[target] = 0;
  }
}
