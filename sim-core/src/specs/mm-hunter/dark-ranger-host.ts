/**
 * What the Marksmanship logic gives the Dark Ranger hero tree (../hero/dark-ranger.ts): its
 * multipliers, crits and the spec's work after the tree's hits.
 */
import { DR_HIT_BLACK_ARROW, DR_HIT_SHOT, type DarkRangerHost } from '../hero/dark-ranger.ts';
import { IMPACT_HIT, IMPACT_YELLOW } from './impact.ts';
import type { MarksmanshipLogic } from './logic.ts';
import { MM } from './numbers.ts';

export function darkRangerHost(logic: MarksmanshipLogic): DarkRangerHost {
  const sim = logic.sim;
  const critModel = logic.critModel;
  return {
    buffMult: () => 1,
    spellMastery: () => sim.masteryPct / 100,
    spellAura: () => 1 + MM.specAuraSpells,
    shotCrit: () => critModel.crit(),
    dotCrit: () => critModel.playerCrit(), // 468572 is not in Bullseye's list (204090 #1)
    // Black Arrow is SimC's kill_shot_base_t: Improved Deathblow's crit bonus, Headshot (260242 #4)
    critDamage: (k) =>
      k === DR_HIT_BLACK_ARROW
        ? critModel.killCritDamage()
        : k === DR_HIT_SHOT
          ? critModel.shotCritDamage()
          : critModel.plainCritDamage(),
    blackArrowMult: () => logic.killShotBase.mult(),
    afterHit: (target, crit, periodic) => {
      if (crit === 1) logic.impacts.masterMarksmanCrit(target, sim.lastHitDamage); // 260309: periodic crits too
      if (!periodic) logic.hero.onHit(target); // Sentinel: 450369's ranged hits, not periodic
      if (!periodic) critModel.bullseyeStack();
    },
    afterBlackArrow: (target) => logic.killShotBase.afterHit(target),
    // a tree shot that travels: the same work when it lands (./impact.ts), Kill Shot's bits read now
    landTag: (k) => IMPACT_HIT | IMPACT_YELLOW | (k === DR_HIT_BLACK_ARROW ? logic.killShotBase.fire() : 0),
    onDeathblow: () => logic.killShotBase.onDeathblow(),
    // SimC composite_player_target_multiplier: Lunar Storm's, none without it (1: the same damage)
    targetMult: logic.lunarStorm ? (target) => logic.hero.takenMult(target) : undefined,
  };
}
