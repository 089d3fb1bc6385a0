/**
 * Double Tap (473370, its buff 260402) for the Marksmanship logic, as SimC has it: casting Trueshot
 * or Volley grants the buff (15 s); the next Aimed Shot spends it and fires a second Aimed Shot at
 * the same target 10 ms later at 80 % (aimed_shot_double_tap_t), or the next Rapid Fire channels
 * 80 % more shots at a 40 % shorter tick time (rapid_fire_t::composite_dot_duration,
 * tick_time_pct_multiplier) and spends it at its last shot. Numbers: ./numbers.ts.
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { MM_DATA } from './data.ts';
import { MM } from './numbers.ts';

/** Spec event kind of the second Aimed Shot (b: its target). */
export const SPEC_DOUBLE_TAP = 11;

const B_DOUBLE_TAP = Sim.indexOf(MM_DATA.buffs, 'double_tap');

export class DoubleTap {
  readonly on: boolean;

  constructor(private readonly sim: Sim) {
    this.on = sim.hasTalent('double_tap');
  }

  /** Trueshot or Volley was cast (SimC trueshot_t / volley_t::execute: `buffs.double_tap->trigger()`). */
  trigger(): void {
    if (this.on) this.sim.applyBuff(B_DOUBLE_TAP, 1, 0);
  }

  up(): boolean {
    return this.on && this.sim.buffs.up(B_DOUBLE_TAP, this.sim.now);
  }

  /** An Aimed Shot at `target` was fired with the buff up: the second one comes 10 ms later; the buff is spent. */
  onAimed(target: number): void {
    const sim = this.sim;
    sim.q.push(sim.now + MM.doubleTapDelayMs, PRIO_DEFAULT, EV_SPEC, SPEC_DOUBLE_TAP, target);
    sim.removeBuff(B_DOUBLE_TAP);
  }

  /** Rapid Fire's last shot: the buff is spent (SimC rapid_fire_t::last_tick). */
  spend(): void {
    this.sim.removeBuff(B_DOUBLE_TAP);
  }

  /**
   * Rapid Fire's shots and unhasted channel (ms) with the buff, from its shots and channel without:
   * SimC's duration (shots − 1) × 1.8 tick times of 60 %, a tick at once, then every tick time
   * and a partial last one (dot_t::schedule_tick: min(tick time, remains)), so 1 + ceil((shots − 1) × 1.8)
   * shots: 12 of 7, 18 of 10 with Ammo Conservation.
   */
  static rapidFire(shots: number, ms: number): { ticks: number; ms: number } {
    const gaps = (shots - 1) * (1 + MM.doubleTapRapidFireShots);
    const tickMs = (ms / (shots - 1)) * (1 + MM.doubleTapRapidFireTickTime);
    return { ticks: 1 + Math.ceil(gaps - 1e-9), ms: Math.round(gaps * tickMs) };
  }
}
