/**
 * Huntmaster's Call (459730) as sc_hunter.cpp (simc ab018d1176) has it: every Dire Beast summon
 * adds a stack (459731); at 6 the stacks go and Hati or Fenryr (50 / 50) comes for 10 s + Dire
 * Frenzy. Both are dire critters (guardians, 2 × the hunter's AP, Dire Frenzy's damage). Hati: the
 * hunter's pets +4 % (459738 #2). Fenryr: +4 % haste (459735 #2) and Ravenous Leap on the target
 * (459753). Numbers: ./talent-data.ts; table: sim-core/docs/specs.md.
 */
import type { Sim } from '../../engine/sim.ts';
import { BM } from './data.ts';
import { B, D, PET_HUNTMASTER, S } from './indices.ts';
import { BM_TALENTS as T } from './talent-data.ts';

/** Hati's or Fenryr's attack power share over a Dire Beast's (2 × the hunter's AP vs 1 ×). */
export const HUNT_PET_SHARE = T.huntPetApFromOwner / BM.direBeastApFromOwner;

export interface HuntmasterHost {
  /** A guardian's multiplier: 1 × AP share, 137015 #4, mastery (Dire Beast's). */
  guardianMult(): number;
  /** Dire Frenzy's damage on dire critters (1 without it). */
  direBeastMult(): number;
  /** Dire Frenzy's extra time on dire critters (0 without it). */
  direBeastExtraMs(): number;
  /** Hati's buff was applied: the pet multiplier kept by the host is stale. */
  petAurasChanged(): void;
  /** Hati or Fenryr was summoned into `slot` (a dire critter: Dire Cleave). */
  critterSummoned(slot: number): void;
  /** After a swing of the critter in `slot` (Dire Cleave's Beast Cleave). */
  critterSwing(slot: number, target: number, amount: number): void;
}

export class HuntmastersCall {
  private readonly on: boolean;
  /** Dire Cleave is taken: a swing then asks the host to cleave (a boolean read without it). */
  private readonly cleaves: boolean;
  private fenryrOut = false;

  constructor(
    private readonly sim: Sim,
    private readonly host: HuntmasterHost,
  ) {
    this.on = sim.hasTalent('huntmasters_call');
    this.cleaves = sim.hasTalent('dire_cleave');
    sim.buffNotify[B.fenryr] = 1;
    const extra = host.direBeastExtraMs();
    sim.buffs.duration[B.hati]! += extra;
    sim.buffs.duration[B.fenryr]! += extra;
  }

  /** Fenryr's haste (459735 #2) for the spec's hasteFactor. */
  hasteFactor(): number {
    return this.on && this.sim.buffs.up(B.fenryr, this.sim.now) ? 1 + T.fenryrHaste : 1;
  }

  /** Hati's pet damage (459738 #2), for the hunter's pets (not guardians). */
  petDamage(): number {
    return this.on && this.sim.buffs.up(B.hati, this.sim.now) ? 1 + T.hatiPetDamage : 1;
  }

  /** A Dire Beast was summoned (SimC dire_beast_summon_t::execute). */
  onDireBeast(target: number): void {
    if (!this.on) return;
    const sim = this.sim;
    sim.applyBuff(B.huntmaster, 1, 0);
    if (sim.buffs.stack(B.huntmaster, sim.now) < T.huntmastersCallStacks) return;
    sim.removeBuff(B.huntmaster);
    this.fenryrOut = sim.rng.next() < 0.5; // SimC rng().roll(0.5): not spell data
    const buff = this.fenryrOut ? B.fenryr : B.hati;
    sim.applyBuff(buff, 1, 0);
    this.host.petAurasChanged();
    // SimC spawns the pet whatever else is out (pet_spawner_t, no slot limit): Call of the Wild's too.
    sim.summonPet(PET_HUNTMASTER, target, sim.buffs.duration[buff]!, 0);
    this.host.critterSummoned(PET_HUNTMASTER);
    if (this.fenryrOut) {
      // Ravenous Leap on the summon (fenryr_t::summon): 2 × Fenryr's AP (2 × the hunter's) per tick.
      const tick = T.ravenousLeapAp * sim.ap * this.critterMult(); // critterMult: Fenryr's 2 × AP
      sim.applyDot(D.leap, target, tick);
    }
  }

  /** Hati's or Fenryr's multiplier over a Dire Beast's: 2 × AP and Dire Frenzy. */
  private critterMult(): number {
    return HUNT_PET_SHARE * this.host.guardianMult() * this.host.direBeastMult();
  }

  /** A swing of the slot's pet; false when the slot is not Hati's / Fenryr's. */
  petSwing(pet: number, perSwing: number): boolean {
    if (!this.on || pet !== PET_HUNTMASTER) return false;
    const sim = this.sim;
    const target = sim.petTarget[pet]!;
    const amount = perSwing * this.critterMult();
    sim.hit(this.fenryrOut ? S.fenryr : S.hati, target, amount, true, 0);
    if (this.cleaves) this.host.critterSwing(pet, target, amount);
    return true;
  }

  /** A Ravenous Leap tick; false for other dots. */
  dotTick(dot: number, target: number, amount: number): boolean {
    if (dot !== D.leap) return false;
    this.sim.hit(S.leap, target, amount, true, 0);
    return true;
  }

  /** Fenryr's haste changed; false for other buffs. */
  buffChanged(buff: number): boolean {
    if (buff !== B.fenryr) return false;
    this.sim.updateHaste();
    return true;
  }
}
