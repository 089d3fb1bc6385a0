/**
 * Dire Cleave (1217524) as sc_hunter.cpp has it (dire_critter_t::summon): every dire critter —
 * a Dire Beast, Hati or Fenryr, Pack Leader's bear — gets its own Beast Cleave buff for 8 s when
 * it is summoned (#2). While it lasts, the critter's melee swings hit the other targets for
 * Beast Cleave's share of the swing's result (pet_melee_t → trigger_beast_cleave), and its
 * Wildspeaker Kill Command does Kill Cleave's share with Kill Cleave taken
 * (kill_command_wildspeaker_t::impact). The share is the pet buff's value: Beast Cleave's
 * 115939 #1 (80 %) with the Beast Cleave talent, 100 % without (./beast-cleave.ts); #1's "100 %
 * effectiveness" is a Dummy SimC reads nowhere.
 * Numbers: ./talent-data.ts; table: sim-core/docs/specs.md.
 */
import { aoeScale } from '../../engine/ratings.ts';
import { CANNOT_CRIT, Sim } from '../../engine/sim.ts';
import { BM } from './data.ts';
import { PET_HUNTMASTER } from './indices.ts';
import { BM_TALENTS as T } from './talent-data.ts';

/** The bear's slot in DireCleave (the pet slots end with Hati / Fenryr's; the bear has none). */
export const DIRE_CLEAVE_BEAR = PET_HUNTMASTER + 1;

export class DireCleave {
  readonly on: boolean;
  private readonly killCleave: boolean;
  /** Per critter slot: its Beast Cleave is up while now < until[slot]. */
  private readonly until = new Float64Array(DIRE_CLEAVE_BEAR + 1);
  private readonly src: number;

  /** `share`: the pets' Beast Cleave share of this config (./beast-cleave.ts). */
  constructor(
    private readonly sim: Sim,
    private readonly share: number,
  ) {
    this.on = sim.hasTalent('dire_cleave');
    this.killCleave = sim.hasTalent('kill_cleave');
    this.src = Sim.indexOf(sim.data.sources, 'dire_cleave');
  }

  /** Start of an iteration: no critter has the buff. */
  start(): void {
    this.until.fill(0);
  }

  /** A critter was summoned into `slot`: its Beast Cleave for 8 s (1217524 #2). */
  summoned(slot: number): void {
    if (this.on) this.until[slot] = this.sim.now + T.direCleaveMs;
  }

  /**
   * After a melee swing of the critter in `slot` at `primary` for `amount` (before target
   * multipliers; the engine's last hit is that swing): Beast Cleave (118459, no crit of its own) of
   * the buff's share of it (80 % with the talent, 100 % without), its crit included, on every other
   * target, soft-capped beyond 8 (118459 #2).
   */
  melee(slot: number, primary: number, amount: number): void {
    this.cleave(slot, primary, amount, this.share, BM.beastCleaveAoeCap);
  }

  /** After the critter's Wildspeaker Kill Command: Kill Cleave (378207 #1, 389448 #2) with the talent. */
  killCommand(slot: number, primary: number, amount: number): void {
    if (this.killCleave) this.cleave(slot, primary, amount, BM.killCleaveShare, BM.killCleaveAoeCap);
  }

  private cleave(slot: number, primary: number, amount: number, share: number, cap: number): void {
    const sim = this.sim;
    if (!this.on || sim.targets < 2 || sim.now >= this.until[slot]!) return;
    const each = amount * sim.lastCritFactor * share * aoeScale(sim.targets - 1, cap);
    for (let t = 0; t < sim.targets; t++) if (t !== primary) sim.hit(this.src, t, each, true, CANNOT_CRIT);
  }
}
