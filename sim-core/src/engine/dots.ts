import type { DotDef } from '../specs/spec-types.ts';
import { AuraSet } from './auras.ts';
import { MAX_TARGETS } from './events.ts';

/**
 * Damage over time per (dot, target) slot: an AuraSet with pandemic refresh plus the tick
 * schedule. Ticks every base / haste (fixed at application); the last tick is partial.
 */
export class DotSet extends AuraSet {
  readonly last: Float64Array;
  readonly tick: Float64Array;
  readonly amount: Float64Array;
  readonly baseTick: Float64Array;
  /** After `tickAt`: the time of the next tick, or -1 when the dot ended. */
  nextTick = -1;

  constructor(defs: readonly DotDef[]) {
    super(
      defs.map((d) => ({ ...d, refresh: 'pandemic' as const })),
      MAX_TARGETS,
    );
    const n = defs.length * MAX_TARGETS;
    this.last = new Float64Array(n);
    this.tick = new Float64Array(n);
    this.amount = new Float64Array(n);
    this.baseTick = Float64Array.from(defs.map((d) => d.tickMs));
  }

  /**
   * Applies or refreshes a dot. Returns the time of its first tick when a new schedule starts,
   * or -1 when a running dot was refreshed (its schedule and generation continue).
   */
  applyDot(dot: number, slot: number, now: number, haste: number, tickAmount: number): number {
    const wasUp = this.up(slot, now);
    const gen = this.gen[slot]!;
    this.apply(dot, slot, now, 1, 0);
    this.amount[slot] = tickAmount;
    if (wasUp) {
      this.gen[slot] = gen;
      return -1;
    }
    const tick = Math.max(1, Math.round(this.baseTick[dot]! / haste));
    this.tick[slot] = tick;
    this.last[slot] = now;
    return now + tick;
  }

  /** A tick at `now`: returns its damage (partial for a shortened last tick) and sets `nextTick`. */
  tickAt(slot: number, now: number): number {
    const exp = this.expires[slot]!;
    const tick = this.tick[slot]!;
    const amount = (this.amount[slot]! * (now - this.last[slot]!)) / tick;
    this.last[slot] = now;
    this.nextTick = now >= exp ? -1 : Math.min(exp, now + tick);
    return amount;
  }
}
