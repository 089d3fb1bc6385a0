/**
 * The racials that act on the player's hits and on whose damage: Touch of the Grave (Undead),
 * Entropic Embrace (Void Elf), Embrace of Pa'ku (Zandalari Troll), and Command (Orc) on the pets'
 * damage. Numbers: specs/racial-procs.ts; which sources are pets: specs/pet-sources.ts. Sim.hit calls
 * onHit for a source whose srcProc bits are set (the player's, for these races only); the
 * multipliers are Sim.srcMult, read by every hit.
 */
import { PET_SOURCES } from '../specs/pet-sources.ts';
import {
  COMMAND_PET_DAMAGE,
  ENTROPIC_EMBRACE_DAMAGE,
  ENTROPIC_EMBRACE_RPPM,
  PAKU_CRIT,
  PAKU_RPPM,
  TOUCH_OF_THE_GRAVE_AP,
  TOUCH_OF_THE_GRAVE_CHANCE,
  TOUCH_OF_THE_GRAVE_ICD_MS,
} from '../specs/racial-procs.ts';
import { RACIAL_SOURCE_RACE } from '../specs/racials.ts';
import { ITEM_PROC_SOURCES } from '../specs/gear.ts';
import { POTION_SOURCE } from '../specs/consumables.ts';
import { Rppm } from './procs.ts';
import type { Sim } from './sim.ts';

/** srcProc bits: the procs a source's hits can trigger. */
const TOUCH = 1;
const EMBRACE = 2;
const PAKU = 4;
/** Every racial srcProc bit (the items' are higher: item-effects.ts). */
export const RACIAL_PROC_BITS = TOUCH | EMBRACE | PAKU;

export class RacialProcs {
  private readonly touchSource: number;
  private readonly embraceBuff: number;
  private readonly pakuBuff: number;
  private readonly embraceRppm = new Rppm();
  private readonly pakuRppm = new Rppm();
  /** The player's sources (Entropic Embrace multiplies them while up). */
  private readonly playerSources: readonly number[];
  /** Touch of the Grave's internal cooldown ends at this ms. */
  private touchReadyAt = 0;

  constructor(
    private readonly sim: Sim,
    race: string,
  ) {
    const d = sim.data;
    this.touchSource = d.sources.findIndex((x) => x.key === 'touch_of_the_grave');
    this.embraceBuff = d.buffs.findIndex((b) => b.key === 'entropic_embrace');
    this.pakuBuff = d.buffs.findIndex((b) => b.key === 'embrace_of_paku');
    const player: number[] = [];
    d.sources.forEach((s, i) => {
      if (PET_SOURCES.has(s.key)) {
        if (race === 'orc') sim.srcMult[i] = 1 + COMMAND_PET_DAMAGE; // pets and guardians alike
        return;
      }
      if (s.key === POTION_SOURCE.key) return; // no damage
      player.push(i);
      // A proc's damage (the drain, the weapon enchant's) triggers none: none of the three drivers
      // can proc from procs (no attribute 122). The racial abilities are not class abilities
      // (Entropic Embrace: attribute 415), nor is Auto Shot (not in its proc flags).
      if (i === this.touchSource || ITEM_PROC_SOURCES.has(s.key)) return;
      const racial = s.key in RACIAL_SOURCE_RACE;
      let bits = 0;
      if (race === 'undead' && this.touchSource >= 0) bits |= TOUCH;
      if (race === 'void_elf' && this.embraceBuff >= 0 && !racial && s.key !== 'auto_shot') bits |= EMBRACE;
      if (race === 'zandalari_troll' && this.pakuBuff >= 0) bits |= PAKU;
      sim.srcProc[i] = bits;
    });
    this.playerSources = player;
    sim.hitProcs = sim.srcProc.some((b) => b !== 0) ? 1 : 0;
    for (const b of [this.embraceBuff, this.pakuBuff]) if (b >= 0) sim.buffNotify[b] = sim.extrasBuff[b] = 1;
  }

  /** Start of an iteration: no cooldown, no proc history, no buff (their expiry events are gone). */
  reset(): void {
    this.touchReadyAt = 0;
    this.embraceRppm.reset();
    this.pakuRppm.reset();
    this.setEmbrace(false);
    this.sim.extraCrit = 0; // Extras re-derives the ratings
  }

  /** A hit of one of the player's sources with proc bits `bits` was rolled now on `target`. */
  onHit(bits: number, target: number): void {
    const sim = this.sim;
    if ((bits & TOUCH) !== 0 && sim.now >= this.touchReadyAt && sim.rng.next() < TOUCH_OF_THE_GRAVE_CHANCE) {
      this.touchReadyAt = sim.now + TOUCH_OF_THE_GRAVE_ICD_MS;
      // SimC touch_of_the_grave_t: ap_type NO_WEAPON, the attack power without the weapon's share
      sim.hit(this.touchSource, target, TOUCH_OF_THE_GRAVE_AP * sim.baseAp, false, 0);
    }
    if (
      (bits & EMBRACE) !== 0 &&
      this.embraceRppm.trigger(sim.now, ENTROPIC_EMBRACE_RPPM, sim.haste, sim.rng)
    )
      sim.applyBuff(this.embraceBuff, 1, 0);
    if ((bits & PAKU) !== 0 && this.pakuRppm.trigger(sim.now, PAKU_RPPM, sim.haste, sim.rng))
      sim.applyBuff(this.pakuBuff, 1, 0);
  }

  /**
   * Handles a change of Entropic Embrace or Embrace of Pa'ku; false for other buffs. `rederive`
   * recomputes the stats from the ratings (Pa'ku's crit is in deriveRatings through extraCrit).
   */
  buffChanged(buff: number, rederive: () => void): boolean {
    const sim = this.sim;
    if (buff === this.embraceBuff) this.setEmbrace(sim.buffs.up(buff, sim.now));
    else if (buff === this.pakuBuff) {
      const crit = sim.buffs.up(buff, sim.now) ? PAKU_CRIT : 0;
      if (crit !== sim.extraCrit) {
        sim.extraCrit = crit;
        rederive();
      }
    } else return false;
    return true;
  }

  private setEmbrace(up: boolean): void {
    if (this.embraceBuff < 0) return;
    const m = up ? 1 + ENTROPIC_EMBRACE_DAMAGE : 1;
    for (const i of this.playerSources) this.sim.srcMult[i] = m;
  }
}
