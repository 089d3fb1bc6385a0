/**
 * What Kill Shot and Dark Ranger's Black Arrow share in Marksmanship (SimC kill_shot_base_t):
 * Headshot's Precise Shots (471363, 260242 #4), Razor Fragments (384790, 388998, 385638) and
 * Spotter's Mark's chance when empowered. Numbers: ./numbers.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import { RAZOR_FRAGMENTS, ResidualBleed } from './bleed.ts';
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
   * After the shot's hit on `target` (SimC kill_shot_base_t::impact; sim.lastHitDamage is its
   * damage): Razor Fragments' bleed, 35 % of the hit on up to 5 targets, the primary first
   * (388998 #2/#3), then the buff is spent; with Headshot and Precise Shots, Spotter's Mark's chance.
   */
  afterHit(target: number): void {
    const sim = this.sim;
    if (this.razorFragments && sim.buffs.up(B.razor, sim.now)) {
      const amount = sim.lastHitDamage * MM.razorFragmentsShare;
      this.razor.add(target, amount);
      let left = MM.razorFragmentsTargets - 1;
      for (let t = 0; t < sim.targets && left > 0; t++) {
        if (t === target) continue;
        this.razor.add(t, amount);
        left--;
      }
      sim.removeBuff(B.razor);
    }
    if (this.precise.headshotBonus > 0 && this.precise.stacks() > 0) this.spotter.trigger(target);
  }

  /** Spends Precise Shots when Headshot lets the shot use them (SimC kill_shot_base_t::execute). */
  consume(): void {
    if (this.precise.headshotBonus > 0) this.precise.consume();
  }
}
