/**
 * Marksmanship's crit model: Bullseye's stacks and crit (204089, 204090), Trueshot's crit chance
 * and damage (288613 #4/#5, Unerring Vision 474738) and Penetrating Shots (459783). Numbers:
 * ./numbers.ts.
 */
import { CRIT_MULTIPLIER } from '../../engine/ratings.ts';
import type { Sim } from '../../engine/sim.ts';
import { B } from './indices.ts';
import { MM } from './numbers.ts';

export class MarksmanshipCrit {
  private readonly bullseye: boolean;
  private readonly unerringVision: boolean;
  private readonly penetratingShots: boolean;
  /** Bullseye's internal cooldown: no stack before this ms. */
  private bullseyeReady = 0;

  constructor(private readonly sim: Sim) {
    this.bullseye = sim.hasTalent('bullseye');
    this.unerringVision = sim.hasTalent('unerring_vision');
    this.penetratingShots = sim.hasTalent('penetrating_shots');
  }

  start(): void {
    this.bullseyeReady = 0;
  }

  /** Bullseye (204089): damage to a target below 20 % health adds a stack, 0.1 s internal cooldown. */
  bullseyeStack(): void {
    const sim = this.sim;
    if (this.bullseye && sim.now >= this.bullseyeReady && sim.healthPct() < MM.bullseyeBelowPct) {
      sim.applyBuff(B.bullseye, 1, 0);
      this.bullseyeReady = sim.now + MM.bullseyeIcdMs;
    }
  }

  /** The hunter's shots' crit bonus: Trueshot's (player crit) + Bullseye's stacks (204090 #1). */
  crit(): number {
    const b = this.bullseye ? this.sim.buffs.stack(B.bullseye, this.sim.now) * MM.bullseyeCrit : 0;
    return this.playerCrit() + b;
  }

  /** Trueshot's crit chance is the player's (288613 #4): every hit, the weapon enchant's too. */
  playerCrit(): number {
    if (!this.sim.buffs.up(B.trueshot, this.sim.now)) return 0;
    return MM.trueshotCrit + (this.unerringVision ? MM.unerringVisionCrit : 0);
  }

  /** Trueshot's crit damage (288613 #5, + Unerring Vision): the hunter's shots in its list, Auto Shot included. */
  critDamage(spellBonus = 1): number {
    if (!this.sim.buffs.up(B.trueshot, this.sim.now)) return this.critDamageArg(spellBonus);
    return this.critDamageArg(
      spellBonus * (1 + MM.trueshotCritDamage + (this.unerringVision ? MM.unerringVisionCritDamage : 0)),
    );
  }

  /**
   * Sim.hit's crit-damage argument for a spell whose crit bonus multiplier is `bonus`, with
   * Penetrating Shots' player crit damage multiplier m = 1 + 40 % × crit chance (459783 #2) on every
   * school: SimC's total_crit_bonus ((1 + 1) × m − 1) × bonus, over the engine's plain bonus.
   */
  critDamageArg(bonus: number): number {
    if (!this.penetratingShots) return bonus;
    const m = 1 + MM.penetratingShots * (this.sim.critChance + this.playerCrit());
    return ((CRIT_MULTIPLIER * m - 1) * bonus) / (CRIT_MULTIPLIER - 1);
  }
}
