/**
 * Envenomed Fangs (Pack Leader 472524, its damage 472525) for Pack Leader's Bear
 * (./pack-leader-bear.ts): the bear's Rend Flesh consumes the Serpent Sting on each enemy it reaches
 * (BM's Poisoned Barbs applies it) and deals what the sting's ticks left would have dealt, as SimC's
 * rend_flesh_t::impact (simc 50d415071f). Numbers: ./pack-leader-data.ts.
 */
import { MAX_TARGETS } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { PACK_LEADER as PL } from './pack-leader-data.ts';

export class EnvenomedFangs {
  readonly on: boolean;
  /** First slot of Serpent Sting's dot (dot index × MAX_TARGETS). */
  private readonly sting: number;
  private readonly stingSrc: number;
  private readonly src: number;

  /** `on`: the talent is taken (with Howl of the Pack Leader). */
  constructor(
    private readonly sim: Sim,
    on: boolean,
  ) {
    this.on = on;
    const d = sim.data;
    this.sting = on ? Sim.indexOf(d.dots, 'serpent_sting') * MAX_TARGETS : -1;
    this.stingSrc = on ? Sim.indexOf(d.sources, 'serpent_sting') : -1;
    this.src = on ? Sim.indexOf(d.sources, 'envenomed_fangs') : -1;
  }

  /**
   * Rend Flesh reached `target`: a Serpent Sting ticking on it ends, and 472525 deals what its ticks
   * left would have dealt. SimC: the sting's tick amount from its snapshot state as a hit (the
   * hunter's multipliers and versatility, no crit) × `ticks_left_fractional` (from the last tick to
   * the end: what the next ticks pay here, the next one in full, a shortened last one in part), fed
   * to `execute_on_target`; 472525 ignores the caster's modifiers (attribute 221) and cannot crit:
   * Sim.hitReplicated, which adds the target's own (Hunter's Mark, Chaos Brand) as on the ticks.
   */
  consume(target: number): void {
    const sim = this.sim;
    const dots = sim.dots;
    const slot = this.sting + target;
    if (!dots.up(slot, sim.now)) return;
    const ticksLeft = (dots.expires[slot]! - dots.last[slot]!) / dots.tick[slot]!;
    // a tick's hit before the target's multipliers: Unnatural Causes (at the tick, as
    // PoisonedBarbs.tick), versatility, the source's multiplier and the player's racial magic
    // damage (magicTaken over the targets' own magicTargetTaken)
    const perTick =
      dots.amount[slot]! *
      sim.classTree.unnaturalCauses(target) *
      sim.versatility *
      sim.srcMult[this.stingSrc]! *
      (sim.magicTaken / sim.magicTargetTaken);
    dots.remove(slot, sim.now);
    sim.hitReplicated(this.src, target, ticksLeft * perTick * PL.envenomedFangsShare, false);
  }
}
