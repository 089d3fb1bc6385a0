/**
 * What Kill Shot and Dark Ranger's Black Arrow share in Marksmanship (SimC kill_shot_base_t):
 * Headshot's Precise Shots (471363, 260242 #4), Razor Fragments (384790, 388998, 385638) and
 * Spotter's Mark's chance when empowered. Numbers: ./numbers.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import { RAZOR_FRAGMENTS, ResidualBleed } from './bleed.ts';
import { IMPACT_MARK, IMPACT_RAZOR } from './impact.ts';
import { B } from './indices.ts';
import { MM } from './numbers.ts';
import type { PreciseShots } from './precise.ts';
import type { SpottersMark } from './spotter.ts';

export class KillShotBase {
  private readonly razorFragments: boolean;
  /** Razor Fragments' bleed per target. */
  readonly razor: ResidualBleed;

  constructor(
    private readonly sim: Sim,
    private readonly precise: PreciseShots,
    private readonly spotter: SpottersMark,
  ) {
    this.razorFragments = sim.hasTalent('razor_fragments') && sim.hasTalent('deathblow');
    this.razor = new ResidualBleed(sim, RAZOR_FRAGMENTS);
  }

  start(): void {
    this.razor.start();
  }

  /** Deathblow was granted (SimC trigger_deathblow): Razor Fragments' buff comes with it. */
  onDeathblow(): void {
    if (this.razorFragments) this.sim.applyBuff(B.razor, 1, 0);
  }

  /** The shot's multiplier: Headshot's Precise Shots per stack and Razor Fragments' +75 % (388998 #1). */
  mult(): number {
    const sim = this.sim;
    const razor = this.razorFragments && sim.buffs.up(B.razor, sim.now) ? 1 + MM.razorFragmentsDamage : 1;
    return (1 + this.precise.headshotBonus * this.precise.stacks()) * razor;
  }

  /**
   * When the shot is fired (SimC kill_shot_base_t's state snapshot and execute): Razor Fragments'
   * buff is read and spent (IMPACT_RAZOR), and Headshot with Precise Shots empowers it
   * (IMPACT_MARK: Spotter's Mark's chance). Returns the hit's impact bits (./impact.ts).
   */
  fire(): number {
    const sim = this.sim;
    let tag = 0;
    if (this.razorFragments && sim.buffs.up(B.razor, sim.now)) {
      sim.removeBuff(B.razor);
      tag |= IMPACT_RAZOR;
    }
    if (this.precise.headshotBonus > 0 && this.precise.stacks() > 0) tag |= IMPACT_MARK;
    return tag;
  }

  /**
   * Razor Fragments' bleed from the shot's hit of `damage` on `target` (SimC kill_shot_base_t::
   * impact, `result_amount`): 35 % of it on up to 5 targets, the primary first (388998 #2/#3).
   */
  razorBleed(target: number, damage: number): void {
    const sim = this.sim;
    const amount = damage * MM.razorFragmentsShare;
    this.razor.add(target, amount);
    let left = MM.razorFragmentsTargets - 1;
    for (let t = 0; t < sim.targets && left > 0; t++) {
      if (t === target) continue;
      this.razor.add(t, amount);
      left--;
    }
  }

  /**
   * After Black Arrow's hit on `target` when it does not travel (its impact at once;
   * sim.lastHitDamage is its damage); one that travels carries fire()'s bits to its landing.
   */
  afterHit(target: number): void {
    const tag = this.fire();
    if ((tag & IMPACT_RAZOR) !== 0) this.razorBleed(target, this.sim.lastHitDamage);
    if ((tag & IMPACT_MARK) !== 0) this.spotter.trigger(target);
  }

  /** Spends Precise Shots when Headshot lets the shot use them (SimC kill_shot_base_t::execute). */
  consume(): void {
    if (this.precise.headshotBonus > 0) this.precise.consume();
  }
}
