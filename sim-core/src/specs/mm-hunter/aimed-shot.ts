/**
 * Aimed Shot for the Marksmanship logic (19434): the cast (Lock and Load, Streamline, Precise
 * Shots, Deathblow, Surging Shots, the Hydra's and Double Tap's shots it brings), its hit with the
 * ricochets (shared by the cast, Aspect of the Hydra's copy and Double Tap's second shot, as SimC's
 * aimed_shot_base_t), and Double Tap's second shot. Numbers: ./numbers.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import { DR_IMPACT_PHANTOM, type DarkRanger } from '../hero/dark-ranger.ts';
import type { MarksmanshipCrit } from './crit.ts';
import { MM_DATA } from './data.ts';
import type { DoubleTap } from './double-tap.ts';
import type { AspectOfTheHydra } from './hydra.ts';
import { IMPACT_AIMED, IMPACT_BOON } from './impact.ts';
import { A, B, S } from './indices.ts';
import { MM } from './numbers.ts';
import type { PreciseShots } from './precise.ts';
import type { SentinelTree } from './sentinel.ts';
import type { SpottersMark } from './spotter.ts';
import { ricochet, ricochetTargets, type RicochetHost } from './trick-shots.ts';
import type { Volley } from './volley.ts';

/** What Aimed Shot needs of the Marksmanship logic (MarksmanshipLogic is one). */
export interface AimedShotHost extends RicochetHost {
  readonly hero: SentinelTree;
  readonly volley: Volley;
  readonly precise: PreciseShots;
  readonly spotter: SpottersMark;
  readonly critModel: MarksmanshipCrit;
  readonly hydra: AspectOfTheHydra;
  readonly doubleTap: DoubleTap;
  readonly dr: DarkRanger;
  crit(): number;
  mult(): number;
}

export class AimedShot {
  private readonly surgingShots: boolean;
  private readonly magneticGunpowder: boolean;
  /** Deathblow's chance on the cast (343248, 378769). */
  private readonly deathblow: number;
  /** Incendiary Ammunition: the crit bonus per Bulletstorm stack (471428 #1); 0 without. */
  private readonly incendiary: number;
  /** Trick Shots' ricochet targets (5, 7 with Light Ammo). */
  private readonly trickTargets: number;
  /** A cast is under way (a Lock and Load that comes during it is kept). */
  private casting = false;

  /** `mult`: the talents' damage multiplier of the shot (Sentinel Precision, Specialized Arsenal, ...). */
  constructor(
    private readonly host: AimedShotHost,
    private readonly mult: number,
  ) {
    const sim = host.sim;
    this.surgingShots = sim.hasTalent('surging_shots');
    this.magneticGunpowder = sim.hasTalent('magnetic_gunpowder');
    const deathblow = sim.hasTalent('deathblow');
    const improved = sim.hasTalent('improved_deathblow');
    this.deathblow = !deathblow ? 0 : improved ? MM.improvedDeathblowAimed : MM.deathblowAimed;
    const incendiary = sim.hasTalent('incendiary_ammunition');
    this.incendiary = incendiary ? MM.incendiaryAmmunitionCritDamage : 0;
    if (incendiary)
      sim.buffs.maxStacks[B.bulletstorm] =
        MM_DATA.buffs[B.bulletstorm]!.maxStacks + MM.incendiaryAmmunitionStacks;
    this.trickTargets = ricochetTargets(sim.hasTalent('light_ammo'), false);
  }

  start(): void {
    this.casting = false;
  }

  /** A cast began (the engine's castStarted). */
  castStarted(): void {
    this.casting = true;
  }

  /** The cast takes effect at `target` (crit chance and damage read state only: read first). */
  fire(target: number): void {
    const host = this.host;
    const sim: Sim = host.sim;
    const crit = host.crit();
    // Lock and Load keeps Streamline (SimC aimed_shot_t::execute); a cast begun without it keeps
    // a proc that came during the cast.
    if (!sim.buffs.up(B.lnl, sim.now)) sim.removeBuff(B.streamline);
    if (this.casting) this.casting = false;
    else this.spendLockAndLoad();
    this.hit(target, crit, 1, true);
    host.precise.grant();
    // Deathblow (SimC trigger_deathblow): the buff and a charge of the execute shot back — Kill
    // Shot's, or Black Arrow's when Dark Ranger replaces it (the hero tree's module does both).
    if (this.deathblow > 0 && sim.rng.next() < this.deathblow) host.dr.grantDeathblow();
    // Surging Shots: 15 % chance to reset Rapid Fire (SimC aimed_shot_t::execute).
    if (this.surgingShots && sim.rng.next() < MM.surgingShotsChance) {
      sim.cds.addCharge(A.rapid, sim.now);
      sim.poke();
    }
    if (host.hydra.on) host.hydra.aimedCast(target);
    // Double Tap: the second Aimed Shot 10 ms later, and with the Hydra a second copy (./double-tap.ts)
    if (host.doubleTap.up()) {
      host.doubleTap.onAimed(target);
      if (host.hydra.on) host.hydra.aimedCast(target);
    }
  }

  /**
   * Lock and Load is spent if up, with Magnetic Gunpowder's −8 s on Explosive Shot: by an Aimed
   * Shot cast without it begun, and by Aspect of the Hydra's and Double Tap's shots (without
   * benefit, as SimC's).
   */
  spendLockAndLoad(): void {
    const sim = this.host.sim;
    if (!sim.buffs.up(B.lnl, sim.now)) return;
    sim.removeBuff(B.lnl);
    if (this.magneticGunpowder) sim.cds.reduce(A.explosive, sim.now, MM.magneticGunpowderLnlMs);
  }

  /**
   * An Aimed Shot's hit on `target` with its ricochets (SimC aimed_shot_base_t): the cast's
   * (`primary`, share 1), Aspect of the Hydra's (./hydra.ts: `share` of the damage, its own
   * target's mark) or Double Tap's (`share` 80 %, source `src`). Moving Target is read and spent
   * by each, as SimC's base execute does.
   */
  hit(target: number, crit: number, share: number, primary: boolean, src = S.aimed): void {
    const host = this.host;
    const sim = host.sim;
    const bulletstorm = 1 + MM.bulletstormAimed * sim.buffs.stack(B.bulletstorm, sim.now);
    const moving = sim.buffs.up(B.movingTarget, sim.now) ? 1 + MM.movingTargetAimed : 1;
    sim.removeBuff(B.movingTarget);
    const amount =
      MM.aimedShotAp *
      sim.ap *
      host.mult() *
      bulletstorm *
      this.mult *
      moving *
      host.spotter.aimedMult(target) *
      (host.hero.boon ? host.hero.boonMult() : 1) * // the Sentinel set's Boon of Elune (./sentinel.ts)
      share;
    // Boon of Elune makes it Arcane (1236644 #2, 1249464 #2): no armor, magic taken instead
    const physical = !host.hero.boon || !host.hero.boonArcane();
    // Incendiary Ammunition: Bulletstorm's stacks raise Aimed Shot's crit bonus (389020 #2)
    const aimedCd = host.critModel.critDamage(1 + this.incendiary * sim.buffs.stack(B.bulletstorm, sim.now));
    // SimC aimed_shot_base_t::impact: each hit (ricochets too) detonates its target's Explosive
    // Shot and spends its target's mark when it lands (IMPACT_AIMED)
    // Dark Ranger's Phantom Pain: each hit's share to the other targets with Black Arrow's dot, when it lands
    const aimedTag = host.dr.phantomPain.on ? IMPACT_AIMED | DR_IMPACT_PHANTOM : IMPACT_AIMED;
    // the cast's primary hit with the Sentinel 2-piece: IMPACT_BOON spends a Boon stack
    const tag = primary && host.hero.set2 ? aimedTag | IMPACT_BOON : aimedTag;
    host.shot(src, target, amount, physical, crit, aimedCd, true, tag);
    if (sim.buffs.up(B.trick, sim.now)) {
      ricochet(host, src, target, amount, crit, aimedCd, aimedTag, this.trickTargets, physical);
      // the cast spends Trick Shots (aimed_shot_t::execute) unless Volley's are up; a Hydra or
      // Double Tap shot only reads it (n_targets)
      if (primary && !host.volley.up()) sim.removeBuff(B.trick);
    }
  }

  /**
   * Double Tap's second Aimed Shot at `target` (SimC aimed_shot_double_tap_t): 80 % (473370 #3), no
   * cost; a Lock and Load up is spent without a benefit; Trick Shots up ricochet it, unspent; no
   * Precise Shots, Deathblow or Surging Shots (those are the cast's).
   */
  doubleTapShot(target: number): void {
    const host = this.host;
    if (target >= host.sim.targets) return; // an add that died
    this.hit(target, host.crit(), MM.doubleTapAimed, false, S.doubleTap);
    this.spendLockAndLoad();
  }
}
