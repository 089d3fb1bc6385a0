/**
 * Withering Fire's ticks (Dark Ranger, 466991 #4: every 4 s of the buff; for BM each grants
 * Deathblow, MM's does not tick): the chain of spec events one Withering Fire schedules, which a new
 * one (or a new iteration) replaces, and the time to its next tick for the rotation's
 * `buff.withering_fire.tick_time_remains`. ./dark-ranger.ts owns one and grants the Deathblows.
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import type { Sim } from '../../engine/sim.ts';
import { DARK_RANGER } from './dark-ranger-data.ts';

export class WitheringFireTicks {
  /** Generation of the tick chain: only the current one's events count. */
  private gen = 0;
  /** When the current chain started (ms). */
  private from = 0;

  /** `on`: the spec's Withering Fire ticks; its buff lasts `durationMs`; `eventKind`: its spec events. */
  constructor(
    private readonly sim: Sim,
    private readonly on: boolean,
    private readonly durationMs: number,
    private readonly eventKind: number,
  ) {}

  /** A new iteration: no chain. */
  start(): void {
    this.gen++;
  }

  /** Withering Fire began now: a new chain of ticks, every 4 s while the buff lasts. */
  trigger(): void {
    if (!this.on) return;
    const sim = this.sim;
    const gen = ++this.gen;
    this.from = sim.now;
    const step = DARK_RANGER.witheringFireTickMs;
    for (let t = step; t < this.durationMs; t += step)
      sim.q.push(sim.now + t, PRIO_DEFAULT, EV_SPEC, this.eventKind, gen);
  }

  /** A tick event of generation `gen` is of the current chain. */
  current(gen: number): boolean {
    return gen === this.gen;
  }

  /** Ms until the next tick while the buff (`up`) lasts; 0 when none is left or it does not tick. */
  remainsMs(up: boolean): number {
    if (!this.on || !up) return 0;
    const step = DARK_RANGER.witheringFireTickMs;
    const since = this.sim.now - this.from;
    const next = (Math.floor(since / step) + 1) * step;
    return next < this.durationMs ? next - since : 0;
  }
}
