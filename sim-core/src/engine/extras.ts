/**
 * Player effects that are not the spec's: the potion and the racial abilities (APL actions with
 * buffs). The flask and passive racials are static and already in Sim's ratings and multipliers.
 * Numbers: specs/consumables.ts, specs/racials.ts. Every spec's data ends with these actions and
 * buffs (specs/registry.ts); a spec data without them (tests) has none of them.
 */
import { POTIONS, potionRating, type RatingBonus } from '../specs/consumables.ts';
import {
  ANCESTRAL_CALL_RATING,
  BERSERKING_HASTE,
  FIREBLOOD_AGILITY_PER_STACK,
  FIREBLOOD_STACKS,
  RACIAL_ACTION_RACE,
} from '../specs/racials.ts';
import type { Sim } from './sim.ts';

const STATS = ['crit', 'haste', 'mastery', 'versatility'] as const;

export class Extras {
  /** Action and buff indices, -1 when the spec data lacks them. */
  private readonly potionAction: number;
  private readonly potionBuff: number;
  private readonly firebloodAction: number;
  private readonly firebloodBuff: number;
  private readonly ancestralAction: number;
  private readonly ancestralBuff: number;
  private readonly berserkingAction: number;
  private readonly berserkingBuff: number;
  /** Haste multiplier from the extras (Berserking), applied by Sim.updateHaste. */
  hasteFactor = 1;
  /** The config has a modelled potion. */
  private readonly hasPotion: boolean;
  private readonly race: string;
  private readonly potionBonus: RatingBonus;
  /** Ancestral Call's two candidate stats: the two highest ratings. */
  private readonly ancestralStats: readonly [(typeof STATS)[number], (typeof STATS)[number]];
  private potionUp = false;
  /** The stat Ancestral Call raises while up, or null. */
  private ancestralStat: (typeof STATS)[number] | null = null;
  private readonly bonus: RatingBonus = { crit: 0, haste: 0, mastery: 0, versatility: 0 };

  constructor(private readonly sim: Sim) {
    const action = (key: string) => sim.data.actions.findIndex((a) => a.key === key);
    const buff = (key: string) => sim.data.buffs.findIndex((b) => b.key === key);
    this.potionAction = action('potion');
    this.potionBuff = buff('tempered_potion');
    this.firebloodAction = action('fireblood');
    this.firebloodBuff = buff('fireblood');
    this.ancestralAction = action('ancestral_call');
    this.ancestralBuff = buff('ancestral_call');
    this.berserkingAction = action('berserking');
    this.berserkingBuff = buff('berserking');
    const c = sim.config.consumables;
    this.hasPotion = c !== undefined && POTIONS[c.potion] !== undefined && this.potionBuff >= 0;
    this.race = sim.config.race ?? 'none';
    this.potionBonus = potionRating(c?.flask ?? 'none');
    const ranked = [...STATS].sort((a, b) => sim.ratings[b] - sim.ratings[a]);
    this.ancestralStats = [ranked[0]!, ranked[1]!];
    for (const b of [this.potionBuff, this.firebloodBuff, this.ancestralBuff, this.berserkingBuff])
      if (b >= 0) sim.buffNotify[b] = 1;
  }

  /** Start of an iteration: stats back to the ratings (last iteration's buffs are gone). */
  reset(): void {
    if (this.potionUp || this.ancestralStat !== null) {
      this.potionUp = false;
      this.ancestralStat = null;
      this.sim.deriveRatings(null);
    }
    this.sim.extraAgility = 0;
    this.hasteFactor = 1; // runIteration updates haste after this
  }

  /** Whether the player knows action `a`, or undefined when it is the spec's. */
  known(a: number): boolean | undefined {
    if (a === this.potionAction) return this.hasPotion;
    if (a === this.firebloodAction) return this.race === RACIAL_ACTION_RACE.fireblood;
    if (a === this.ancestralAction) return this.race === RACIAL_ACTION_RACE.ancestral_call;
    if (a === this.berserkingAction) return this.race === RACIAL_ACTION_RACE.berserking;
    return undefined;
  }

  /** Executes `a` if it is one of the extras' actions. */
  execute(a: number): boolean {
    const sim = this.sim;
    if (a === this.potionAction) sim.applyBuff(this.potionBuff, 1, 0);
    else if (a === this.firebloodAction) sim.applyBuff(this.firebloodBuff, 1, 0);
    else if (a === this.berserkingAction) sim.applyBuff(this.berserkingBuff, 1, 0);
    else if (a === this.ancestralAction) {
      this.ancestralStat = null; // the buff's notification below picks the stat
      sim.applyBuff(this.ancestralBuff, 1, 0);
    } else return false;
    return true;
  }

  /** Handles a change of one of the extras' buffs. */
  buffChanged(buff: number): boolean {
    const sim = this.sim;
    const up = buff >= 0 && sim.buffs.up(buff, sim.now);
    if (buff === this.firebloodBuff) {
      sim.extraAgility = up ? FIREBLOOD_STACKS * FIREBLOOD_AGILITY_PER_STACK : 0;
      sim.refreshAgility();
    } else if (buff === this.berserkingBuff) {
      this.hasteFactor = up ? 1 + BERSERKING_HASTE : 1;
      sim.updateHaste();
    } else if (buff === this.potionBuff) {
      if (up === this.potionUp) return true;
      this.potionUp = up;
      this.applyRatings();
    } else if (buff === this.ancestralBuff) {
      if (up === (this.ancestralStat !== null)) return true;
      this.ancestralStat = up ? this.ancestralStats[sim.rng.next() < 0.5 ? 0 : 1] : null;
      this.applyRatings();
    } else return false;
    return true;
  }

  /** Stats from the ratings plus the potion's and Ancestral Call's while up. */
  private applyRatings(): void {
    const b = this.bonus;
    for (const s of STATS) b[s] = this.potionUp ? this.potionBonus[s] : 0;
    if (this.ancestralStat !== null) b[this.ancestralStat] += ANCESTRAL_CALL_RATING;
    const none = !this.potionUp && this.ancestralStat === null;
    this.sim.deriveRatings(none ? null : b);
    this.sim.updateHaste();
  }
}
