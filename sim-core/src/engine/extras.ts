/**
 * Player effects that are not the spec's: the potion (an APL action with a buff). The flask is
 * static and already in Sim's ratings. Numbers: specs/consumables.ts. Every spec's data ends with
 * these actions and buffs (specs/registry.ts); a spec data without them (tests) has none.
 */
import { POTIONS, potionRating, type RatingBonus } from '../specs/consumables.ts';
import type { Sim } from './sim.ts';

export class Extras {
  /** Action and buff indices, -1 when the spec data lacks them. */
  private readonly potionAction: number;
  private readonly potionBuff: number;
  /** The config has a modelled potion. */
  private readonly hasPotion: boolean;
  private readonly potionBonus: RatingBonus;
  private potionUp = false;

  constructor(private readonly sim: Sim) {
    this.potionAction = sim.data.actions.findIndex((a) => a.key === 'potion');
    this.potionBuff = sim.data.buffs.findIndex((b) => b.key === 'tempered_potion');
    const c = sim.config.consumables;
    this.hasPotion = c !== undefined && POTIONS[c.potion] !== undefined && this.potionBuff >= 0;
    this.potionBonus = potionRating(c?.flask ?? 'none');
    if (this.potionBuff >= 0) sim.buffNotify[this.potionBuff] = 1;
  }

  /** Start of an iteration: stats back to the ratings (a potion from the last one is gone). */
  reset(): void {
    if (this.potionUp) {
      this.potionUp = false;
      this.sim.deriveRatings(null);
    }
  }

  /** Whether the player knows action `a`, or undefined when it is the spec's. */
  known(a: number): boolean | undefined {
    if (a === this.potionAction) return this.hasPotion;
    return undefined;
  }

  /** Executes `a` if it is one of the extras' actions. */
  execute(a: number): boolean {
    if (a !== this.potionAction) return false;
    this.sim.applyBuff(this.potionBuff, 1, 0);
    return true;
  }

  /** Handles a change of one of the extras' buffs. */
  buffChanged(buff: number): boolean {
    if (buff !== this.potionBuff) return false;
    const sim = this.sim;
    const up = sim.buffs.up(buff, sim.now);
    if (up !== this.potionUp) {
      this.potionUp = up;
      sim.deriveRatings(up ? this.potionBonus : null);
      sim.updateHaste();
    }
    return true;
  }
}
