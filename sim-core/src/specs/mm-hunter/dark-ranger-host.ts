/**
 * What the Marksmanship logic gives the Dark Ranger hero tree (../hero/dark-ranger.ts): its
 * multipliers, crits and the spec's work after the tree's hits. A class, not an object of
 * closures: every sim's host shares the same methods, so the tree's call sites see one target
 * however many sims a worker creates (per-sim closures are new targets for the compiler each time).
 */
import {
  DR_HIT_BLACK_ARROW,
  DR_HIT_SHOT,
  type DarkRangerHit,
  type DarkRangerHost,
} from '../hero/dark-ranger.ts';
import type { MarksmanshipCrit } from './crit.ts';
import { IMPACT_HIT, IMPACT_YELLOW } from './impact.ts';
import type { MarksmanshipLogic } from './logic.ts';
import { MM } from './numbers.ts';

export class MarksmanshipDarkRangerHost implements DarkRangerHost {
  private readonly critModel: MarksmanshipCrit;

  constructor(private readonly logic: MarksmanshipLogic) {
    this.critModel = logic.critModel;
  }

  buffMult(): number {
    return 1;
  }
  spellMastery(): number {
    return this.logic.sim.masteryPct / 100;
  }
  spellAura(): number {
    return 1 + MM.specAuraSpells;
  }
  shotCrit(): number {
    return this.critModel.crit();
  }
  // Black Arrow is SimC's kill_shot_base_t: Improved Deathblow's crit bonus, Headshot (260242 #4)
  critDamage(k: DarkRangerHit): number {
    const c = this.critModel;
    return k === DR_HIT_BLACK_ARROW
      ? c.killCritDamage()
      : k === DR_HIT_SHOT
        ? c.shotCritDamage()
        : c.plainCritDamage();
  }
  blackArrowMult(): number {
    return this.logic.killShotBase.mult();
  }
  afterHit(target: number, crit: number, periodic: boolean): void {
    const logic = this.logic;
    if (crit === 1) logic.impacts.masterMarksmanCrit(target, logic.sim.lastHitDamage); // 260309 (its Periodic flag too: 468572 cannot crit)
    if (!periodic)
      logic.hero.onHit(target); // Sentinel: 450369's ranged hits, not periodic
    else logic.hero.onPeriodic(target); // Overwatch, Crescent Steel: any damage
    if (!periodic) this.critModel.bullseyeStack();
  }
  afterBlackArrow(target: number): void {
    this.logic.killShotBase.afterHit(target);
  }
  // a tree shot that travels: the same work when it lands (./impact.ts), Kill Shot's bits read now
  landTag(k: DarkRangerHit): number {
    return IMPACT_HIT | IMPACT_YELLOW | (k === DR_HIT_BLACK_ARROW ? this.logic.killShotBase.fire() : 0);
  }
  onDeathblow(): void {
    this.logic.killShotBase.onDeathblow();
  }
  // Shadow Hounds' guardian: 137016 #3 (SimC takes the spec aura's first Modify Guardian Damage Done effect)
  guardianMult(): number {
    return 1 + MM.specAuraGuardian;
  }
  // SimC composite_player_target_pet_damage_multiplier for guardians: Kill Zone's (393480 #4, 8 % as #2)
  guardianTakenMult(target: number): number {
    return this.logic.volley.takenMult(target);
  }
  // SimC composite_player_target_multiplier: Lunar Storm's and Kill Zone's; 1 without them (x · 1 = x)
  targetMult(target: number): number {
    return this.logic.targetTaken ? this.logic.takenMult(target) : 1;
  }
}
