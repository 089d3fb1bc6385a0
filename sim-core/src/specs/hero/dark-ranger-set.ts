/**
 * The War Within season 3 hunter set for the Dark Ranger hero tree (2pc 1236370, 4pc 1236371), both
 * specs. It acts only with the tree taken (its keystone Black Arrow) and the bonus in the config:
 * SimC reads the bonuses as `sets->set( HERO_DARK_RANGER, TWW3, B2/B4 )` (sc_hunter.cpp at
 * 50d415071f, hunter_t::init_spells) and applies 1236370/1236371 to every hunter action
 * (`apply_affecting_aura`), so:
 * - 2pc: Black Arrow's and Withering Fire's arrows +10 % direct (#1), the dot +10 % periodic (#5),
 *   Bleak Powder +20 % (#2), Trueshot −30 s (#3, MM) / Call of the Wild −60 s (#4, BM) cooldown;
 * - 4pc: Withering Fire's arrows +50 % direct (#1); every Black Arrow cast (SimC
 *   kill_shot_base_t::execute, after Deathblow is spent, whether it was up or not) has 50 % (#2 BM,
 *   #3 MM) to add a Blighted Quiver stack (1236975, 8 at most, infinite); when Withering Fire starts
 *   (its stack change from 0) the stacks are taken off the buff and each adds 1236975 #1 arrow to
 *   every Black Arrow barrage of that Withering Fire (SimC state.blighted_quiver_count).
 * Everything is read once here; the hot path multiplies by 1 without the set (the same bits).
 * Numbers: ./dark-ranger-data.ts (DARK_RANGER, DarkRangerSpecNumbers.setCooldown/blightedQuiverChance).
 */
import { Sim } from '../../engine/sim.ts';
import { DARK_RANGER, type DarkRangerSpecNumbers } from './dark-ranger-data.ts';

export class DarkRangerSet {
  /** 2pc on Black Arrow's direct hit (466930), 1 without. */
  readonly blackArrow: number;
  /** 2pc and 4pc on a Withering Fire arrow's direct hit (468037), 1 without. */
  readonly witheringFire: number;
  /** 2pc on the dot's ticks (468572), 1 without. */
  readonly periodic: number;
  /** 2pc on Bleak Powder (467914 / 472084), 1 without. */
  readonly bleakPowder: number;
  /** 4pc: Blighted Quiver's chance per Black Arrow cast; 0 without (no draw). */
  private readonly quiverChance: number;
  /** The Blighted Quiver buff (-1 without the 4pc). */
  private readonly quiver: number;
  /** Arrows Blighted Quiver adds to each barrage of the current Withering Fire. */
  extraArrows = 0;

  constructor(
    private readonly sim: Sim,
    n: DarkRangerSpecNumbers,
    darkRanger: boolean,
  ) {
    const two = darkRanger && sim.hasSetBonus('thewarwithin_season_3_2pc');
    const four = darkRanger && sim.hasSetBonus('thewarwithin_season_3_4pc');
    this.blackArrow = two ? 1 + DARK_RANGER.setBlackArrow : 1;
    this.periodic = two ? 1 + DARK_RANGER.setBlackArrowPeriodic : 1;
    this.bleakPowder = two ? 1 + DARK_RANGER.setBleakPowder : 1;
    // SimC: both modifiers in base_dd_multiplier of 468037 (#1 lists it; the 4pc's label 5085 is it)
    this.witheringFire = this.blackArrow * (four ? 1 + DARK_RANGER.setWitheringFire : 1);
    this.quiverChance = four ? n.blightedQuiverChance : 0;
    this.quiver = four ? Sim.indexOf(sim.data.buffs, 'blighted_quiver') : -1;
    if (two) {
      // SimC apply_affecting_aura, Spell Cooldown (11) flat: the cooldown's duration, before haste
      const cd = Sim.indexOf(sim.data.actions, n.setCooldown.key);
      sim.cds.base[cd] = sim.cds.base[cd]! + n.setCooldown.ms; // on top of Calling the Shots (MM)
    }
  }

  start(): void {
    this.extraArrows = 0;
  }

  /** Black Arrow was cast (after Deathblow was spent): the 4pc's roll for a Blighted Quiver stack. */
  onBlackArrow(): void {
    const sim = this.sim;
    if (this.quiverChance > 0 && sim.rng.next() < this.quiverChance) sim.applyBuff(this.quiver, 1, 0);
  }

  /** Withering Fire started (it was down): its barrages take Blighted Quiver's stacks, which are spent. */
  onWitheringFireStart(): void {
    if (this.quiver < 0) return;
    const sim = this.sim;
    this.extraArrows = sim.buffs.stack(this.quiver, sim.now) * DARK_RANGER.blightedQuiverArrows;
    sim.removeBuff(this.quiver);
  }
}
