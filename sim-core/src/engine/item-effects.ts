/**
 * The effects of the items worn that act during the fight (config `gear`; numbers and sources:
 * specs/gear.ts): Dawnthread Lining's critical strike rating while the player stands above 80 %
 * health, and Reshii Wraps' Ethereal Reaping on the player's hits. (Culminating Blasphemite is a
 * constant crit multiplier: SimState.srcCritMultiplier.)
 * Extras owns it: its buffs come to Extras.buffChanged, its procs to Extras.onHit (srcProc bits
 * ITEM_RESHII), its rating to Extras' stats.
 */
import {
  DAWNTHREAD_BUFF,
  DAWNTHREAD_CRIT_RATING,
  DAWNTHREAD_INTERVAL_MS,
  DAWNTHREAD_INTERVAL_STDDEV_MS,
  DAWNTHREAD_TIMER,
  DAWNTHREAD_UPTIME,
  damageSecondaryBudget,
  noGear,
  RESHII_DAMAGE_COEFFICIENT,
  RESHII_EXECUTE_BONUS,
  RESHII_EXECUTE_PCT,
  RESHII_GRACE_RPPM_BONUS,
  RESHII_ICD_MS,
  RESHII_MISSILE_SPEED,
  RESHII_RPPM,
  RESHII_SOURCE,
} from '../specs/gear.ts';
import { PET_SOURCES } from '../specs/pet-sources.ts';
import { RACIAL_SOURCE_RACE } from '../specs/racials.ts';
import { RADIANT_POWER } from '../specs/common.ts';
import { POTION_SOURCE } from '../specs/consumables.ts';
import { travelMs } from '../specs/projectiles.ts';
import { Rppm } from './procs.ts';
import type { Sim } from './sim.ts';

/** srcProc bit of the sources whose hits can trigger Ethereal Reaping (racial-procs.ts has 1, 2, 4). */
export const ITEM_RESHII = 8;
/** A buff duration longer than any fight (COST_LIMITS caps fights far below a day). */
const FOREVER_MS = 86_400_000;

export class ItemEffects {
  private readonly liningBuff: number;
  private readonly liningTimer: number;
  /** Critical strike rating of the linings worn (0 without). */
  private readonly liningRating: number;
  /** The linings' rating now: liningRating while the buff is up. */
  critRating = 0;
  private readonly reshiiSource: number;
  /** Ethereal Reaping's damage per proc before multipliers (0: the Wraps are not worn). */
  private readonly reshiiDamage: number;
  private readonly reshiiRppmRate: number;
  private readonly reshiiRppm = new Rppm();
  private reshiiReadyAt = 0;

  constructor(
    private readonly sim: Sim,
    /** Re-derives the stats (Extras' ratings) when the linings' rating changes. */
    private readonly rederive: () => void,
  ) {
    const d = sim.data;
    const gear = sim.config.gear ?? noGear();
    this.liningBuff = d.buffs.findIndex((b) => b.key === DAWNTHREAD_BUFF.key);
    this.liningTimer = d.buffs.findIndex((b) => b.key === DAWNTHREAD_TIMER.key);
    this.liningRating =
      this.liningBuff >= 0 && this.liningTimer >= 0 ? gear.dawnthreadLinings * DAWNTHREAD_CRIT_RATING : 0;
    for (const b of [this.liningBuff, this.liningTimer])
      if (b >= 0) sim.buffNotify[b] = sim.extrasBuff[b] = 1;

    this.reshiiSource = d.sources.findIndex((s) => s.key === RESHII_SOURCE.key);
    const budget = damageSecondaryBudget(gear.reshiiWrapsItemLevel);
    this.reshiiDamage = this.reshiiSource >= 0 && budget !== null ? RESHII_DAMAGE_COEFFICIENT * budget : 0;
    this.reshiiRppmRate = RESHII_RPPM * (gear.reshiiGrace ? 1 + RESHII_GRACE_RPPM_BONUS : 1);
    if (this.reshiiDamage > 0) {
      sim.srcTravelMs[this.reshiiSource] = travelMs(RESHII_MISSILE_SPEED, sim.timing.distanceYards);
      // the class abilities' hits, Auto Shot and periodic damage included; not the pets' (actors
      // of their own), nor procs, racials or the potion (not class abilities)
      const notClass = new Set([RESHII_SOURCE.key, RADIANT_POWER.key, POTION_SOURCE.key]);
      d.sources.forEach((s, i) => {
        if (!PET_SOURCES.has(s.key) && !notClass.has(s.key) && !(s.key in RACIAL_SOURCE_RACE))
          sim.srcProc[i]! |= ITEM_RESHII;
      });
      sim.hitProcs = 1;
    }
  }

  /** Start of an iteration: the linings up before the pull (SimC precombat), no proc history. */
  reset(): void {
    this.reshiiRppm.reset();
    this.reshiiReadyAt = 0;
    if (this.liningRating > 0) {
      this.sim.applyBuff(this.liningBuff, 1, FOREVER_MS);
      this.checkLiningLater();
    }
  }

  /** Handles a change of the linings' buffs; false for other buffs. */
  buffChanged(buff: number): boolean {
    const sim = this.sim;
    if (buff === this.liningBuff) {
      const rating = sim.buffs.up(buff, sim.now) ? this.liningRating : 0;
      if (rating !== this.critRating) {
        this.critRating = rating;
        this.rederive();
      }
    } else if (buff === this.liningTimer) {
      if (sim.buffs.up(buff, sim.now)) return true;
      // SimC's repeating event: up with chance DAWNTHREAD_UPTIME, else down; then again later
      if (sim.rng.next() < DAWNTHREAD_UPTIME) sim.applyBuff(this.liningBuff, 1, FOREVER_MS);
      else sim.removeBuff(this.liningBuff);
      this.checkLiningLater();
    } else return false;
    return true;
  }

  /** The next check of the linings: Gauss(10 s, 2.5 s) from now, never before the next ms. */
  private checkLiningLater(): void {
    const sim = this.sim;
    const ms = Math.max(1, Math.round(sim.rng.gauss(DAWNTHREAD_INTERVAL_MS, DAWNTHREAD_INTERVAL_STDDEV_MS)));
    sim.applyBuff(this.liningTimer, 1, ms);
  }

  /** A hit of a source with ITEM_RESHII was rolled now: Ethereal Reaping's attempt. */
  onHit(): void {
    const sim = this.sim;
    if (
      sim.now < this.reshiiReadyAt ||
      !this.reshiiRppm.trigger(sim.now, this.reshiiRppmRate, sim.haste, sim.rng)
    )
      return;
    this.reshiiReadyAt = sim.now + RESHII_ICD_MS;
    // The missile flies to the target hit and its damage is split between the targets, × 1.2 on
    // those at or below 35 % health. Rolled now and landing after the flight, like every shot
    // here (SimC rolls it when the missile lands).
    const n = sim.targets;
    const share = this.reshiiDamage / n;
    const travel = sim.travelOn;
    sim.travelOn = 1;
    for (let t = 0; t < n; t++) {
      const execute = sim.healthPctOf(t) <= RESHII_EXECUTE_PCT ? 1 + RESHII_EXECUTE_BONUS : 1;
      sim.hit(this.reshiiSource, t, share * execute, false, 0);
    }
    sim.travelOn = travel;
  }
}
