/**
 * Precise Shots (260240, 260242) and Streamline (260367, 342076) for the Marksmanship logic: the
 * stacks Aimed Shot grants, their bonuses, and what spending them does (SimC
 * consume_precise_shots), with the talents that change them. Numbers: ./numbers.ts.
 */
import { Sim } from '../../engine/sim.ts';
import { MM, MM_DATA } from './data.ts';
import { rankValue, talentRank } from '../../talents/ranks.ts';
import { A, B } from './indices.ts';

const WITHERING_FIRE = Sim.indexOf(MM_DATA.buffs, 'withering_fire');

export class PreciseShots {
  readonly enabled: boolean;
  private readonly windrunnerQuiver: boolean;
  private readonly streamline: boolean;
  private readonly movingTarget: boolean;
  private readonly magneticGunpowder: boolean;
  private readonly focusedAim: boolean;
  private readonly tensileBowstring: boolean;
  /** No Scope (473385): casting Rapid Fire grants Precise Shots. */
  private readonly noScope: boolean;
  /** Headshot: Precise Shots' Kill Shot bonus per stack (260242 #4 with Headshot and Unmatched Precision); 0 without. */
  readonly headshotBonus: number;
  /** Precise Shots' damage bonus per stack (260242 #1/#2, + Unmatched Precision). */
  readonly bonus: number;
  /** Streamline per stack on Aimed Shot's cast time (342076 #1, + Improved Streamline 471427 #1). */
  private readonly streamlineCast: number;
  /** Tensile Bowstring: Trueshot extension given during the current Trueshot (ms). */
  private tensileExtension = 0;

  constructor(private readonly sim: Sim) {
    this.enabled = sim.hasTalent('precise_shots');
    this.streamline = sim.hasTalent('streamline');
    this.movingTarget = sim.hasTalent('moving_target');
    this.magneticGunpowder = sim.hasTalent('magnetic_gunpowder');
    this.focusedAim = sim.hasTalent('focused_aim');
    this.tensileBowstring = sim.hasTalent('tensile_bowstring');
    this.noScope = sim.hasTalent('no_scope');
    // Windrunner Quiver: Precise Shots stacks to 2 (buff max stacks), its bonuses × 0.9.
    this.windrunnerQuiver = sim.hasTalent('windrunner_quiver');
    const wq = this.windrunnerQuiver ? 1 + MM.windrunnerQuiverBonus : 1;
    if (this.windrunnerQuiver)
      sim.buffs.maxStacks[B.precise] = MM_DATA.buffs[B.precise]!.maxStacks + MM.windrunnerQuiverStacks;
    // SimC kill_shot_base_t: (Headshot + Unmatched Precision #3) × Windrunner Quiver #5, per stack.
    // Unmatched Precision at the config's rank (talents/ranks.ts; 0 without it).
    const up = talentRank(sim.config.player.talents, 'unmatched_precision');
    this.headshotBonus = !sim.hasTalent('headshot')
      ? 0
      : (MM.headshotKillShot + rankValue(MM.unmatchedPrecisionKillShot, up)) * wq;
    // SimC's buff: the value of 260242 #1 × Windrunner Quiver (#3), then + Unmatched Precision, per stack.
    this.bonus = MM.preciseShotsBonus * wq + rankValue(MM.unmatchedPrecision, up);
    this.streamlineCast =
      MM.streamlineAimed + (sim.hasTalent('improved_streamline') ? MM.improvedStreamlineCast : 0);
  }

  start(): void {
    this.tensileExtension = 0;
  }

  /** Trueshot was cast: Tensile Bowstring's extension starts again. */
  onTrueshot(): void {
    this.tensileExtension = 0;
  }

  stacks(): number {
    return this.sim.buffs.stack(B.precise, this.sim.now);
  }

  /** Aimed Shot's stacks: 1, + 1 with Windrunner Quiver (473523 #6, 100 %). */
  grant(): void {
    if (!this.enabled) return;
    const sim = this.sim;
    const extra =
      this.windrunnerQuiver && (MM.windrunnerQuiverChance >= 1 || sim.rng.next() < MM.windrunnerQuiverChance);
    sim.applyBuff(B.precise, extra ? 2 : 1, 0);
  }

  /**
   * No Scope: a Rapid Fire cast grants a stack (SimC rapid_fire_t::execute, trigger(): one stack,
   * the duration refreshed), whether or not the Precise Shots talent is taken, as SimC's buff.
   */
  onRapidFire(): void {
    if (this.noScope) this.sim.applyBuff(B.precise, MM.noScopeStacks, 0);
  }

  /**
   * Spends Precise Shots, as SimC's consume_precise_shots: Moving Target (+ a Streamline stack),
   * Magnetic Gunpowder, Focused Aim and Tensile Bowstring act per stack consumed.
   */
  consume(): void {
    const sim = this.sim;
    const n = this.stacks();
    if (n === 0) return;
    if (this.movingTarget) {
      sim.applyBuff(B.movingTarget, 1, 0);
      if (this.streamline) sim.applyBuff(B.streamline, n, 0);
    }
    if (this.magneticGunpowder) sim.cds.reduce(A.explosive, sim.now, MM.magneticGunpowderPreciseMs * n);
    if (this.focusedAim) sim.cds.reduce(A.aimed, sim.now, MM.focusedAimMs * n);
    if (
      this.tensileBowstring &&
      sim.buffs.up(B.trueshot, sim.now) &&
      this.tensileExtension < MM.tensileBowstringMaxMs
    ) {
      const ext = MM.tensileBowstringMs * n;
      this.tensileExtension += ext;
      sim.applyBuff(B.trueshot, 0, sim.buffs.remainsMs(B.trueshot, sim.now) + ext);
      // SimC extends Dark Ranger's Withering Fire (Trueshot's length) by as much
      if (sim.buffs.up(WITHERING_FIRE, sim.now))
        sim.applyBuff(WITHERING_FIRE, 0, sim.buffs.remainsMs(WITHERING_FIRE, sim.now) + ext);
    }
    sim.removeBuff(B.precise);
  }

  /** Streamline on Aimed Shot's cost: 1 − 20 % × stacks (342076 #2), × 1.5 in Trueshot with Tensile Bowstring. */
  streamlineCost(): number {
    return 1 + MM.streamlineAimed * this.streamlineStacks();
  }

  /** Streamline on Aimed Shot's cast time: 1 − 20 % (30 % with Improved Streamline) × stacks (342076 #1). */
  streamlineCastFactor(): number {
    return 1 + this.streamlineCast * this.streamlineStacks();
  }

  /** Streamline's stacks, × 1.5 during Trueshot with Tensile Bowstring (471366 #2). */
  private streamlineStacks(): number {
    const sim = this.sim;
    const tensile =
      this.tensileBowstring && sim.buffs.up(B.trueshot, sim.now) ? 1 + MM.tensileBowstringStreamline : 1;
    return sim.buffs.stack(B.streamline, sim.now) * tensile;
  }
}
