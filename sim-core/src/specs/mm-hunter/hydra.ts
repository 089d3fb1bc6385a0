/**
 * Aspect of the Hydra (470945) for the Marksmanship logic: Aimed Shot, Rapid Fire's shots and
 * Arcane Shot also hit a second target for 60 % (#1 share, #2 one more target), as SimC's
 * `*_aspect_of_the_hydra_t` background actions: each its own hit (crit roll, impact) on the
 * second target of the shot's list, the first enemy other than the primary. Numbers: ./numbers.ts.
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import type { AimedShot } from './aimed-shot.ts';
import { S } from './indices.ts';
import { MM } from './numbers.ts';
import { ricochet, ricochetTargets, type RicochetHost } from './trick-shots.ts';

/** Spec event kind: the Hydra's Aimed Shot, fired 10 ms after the cast's (SimC's delay). */
export const SPEC_HYDRA_AIMED = 10;

/** What the Hydra needs of the Marksmanship logic (MarksmanshipLogic is one). */
export interface HydraHost extends RicochetHost {
  crit(): number;
  /** The Aimed Shot whose hit the copy shares (./aimed-shot.ts). */
  readonly aimed: AimedShot;
}

export class AspectOfTheHydra {
  readonly on: boolean;

  /** Its share of the shot's damage: 470945 #1, + Light Ammo's 378913 #3 (SimC adds them). */
  private readonly share: number;
  /** Trick Shots' ricochet targets of its Rapid Fire shot (rapid_fire_tick_t's: 5, 7 with Light Ammo). */
  private readonly rapidTrickTargets: number;

  constructor(private readonly host: HydraHost) {
    this.on = host.sim.hasTalent('aspect_of_the_hydra');
    const lightAmmo = host.sim.hasTalent('light_ammo');
    this.share = MM.hydraShare + (lightAmmo ? MM.lightAmmoHydra : 0);
    this.rapidTrickTargets = ricochetTargets(lightAmmo, true);
  }

  /** The second target of a shot on `primary` (SimC `target_list()[1]`); -1 with one target. */
  private second(primary: number): number {
    if (this.host.sim.targets < 2) return -1;
    return primary === 0 ? 1 : 0;
  }

  /**
   * Arcane Shot's copy (arcane_shot_aspect_of_the_hydra_t, no cost): `amount` is the cast's
   * (Precise Shots included: the copy fires before they are spent); its impact marks nothing.
   */
  arcane(primary: number, amount: number, crit: number, critDamage: number): void {
    const t = this.second(primary);
    if (t >= 0) this.host.shot(S.arcane, t, amount * this.share, false, crit, critDamage);
  }

  /**
   * A Rapid Fire shot's copy (rapid_fire_tick_aspect_of_the_hydra_t): a Bulletstorm stack when it
   * lands, ricochets while Trick Shots is up (its n_targets), and the shot's 2 focus (the tick's
   * energize, 263585 #1, which the copy inherits).
   */
  rapid(
    primary: number,
    amount: number,
    crit: number,
    critDamage: number,
    impact: number,
    trick: boolean,
  ): void {
    const t = this.second(primary);
    if (t < 0) return;
    const sim = this.host.sim;
    const a = amount * this.share;
    this.host.shot(S.rapid, t, a, true, crit, critDamage, true, impact);
    if (trick) ricochet(this.host, S.rapid, t, a, crit, critDamage, impact, this.rapidTrickTargets);
    sim.gainFocus(MM.rapidFireFocusPerTick);
  }

  /** The Aimed Shot cast on `primary` was fired: its copy 10 ms later (aimed_shot_t::execute). */
  aimedCast(primary: number): void {
    const t = this.second(primary);
    if (t < 0) return;
    const sim = this.host.sim;
    sim.q.push(sim.now + MM.hydraAimedDelayMs, PRIO_DEFAULT, EV_SPEC, SPEC_HYDRA_AIMED, t);
  }

  /**
   * A spec event; true when it was the Hydra's Aimed Shot (crit and buffs read then). After its
   * hit it spends a Lock and Load that is up, for nothing (aimed_shot_aspect_of_the_hydra_t::execute).
   */
  specEvent(kind: number, target: number): boolean {
    if (kind !== SPEC_HYDRA_AIMED) return false;
    const host = this.host;
    host.aimed.hit(target, host.crit(), this.share, false);
    host.aimed.spendLockAndLoad();
    return true;
  }
}
