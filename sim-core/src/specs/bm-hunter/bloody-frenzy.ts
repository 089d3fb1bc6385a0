/**
 * Bloody Frenzy (407412) as SimulationCraft's TWW 11.2 sc_hunter.cpp has it (simc ab018d1176, the
 * same file as the last 11.2 one, 6be7f39ba1: call_of_the_wild_t::execute, the call_of_the_wild
 * buff's tick callback, stomp_t, trigger_beast_cleave, multishot_bm_t::execute). 407412 has one Dummy
 * effect and no numbers of its own: it borrows Stomp's (1217528 #1, 201754 #1), the pets' Beast
 * Cleave (its share 115939 #1, 80 %, with the Beast Cleave talent, 100 % without: ./beast-cleave.ts)
 * and Call of the Wild's (359844 duration, #2). Table: sim-core/docs/specs.md.
 *
 * - The cast: the hunter's Beast Cleave, the main pet's and the Animal Companion's, and that of the
 *   two pets it summons, for Call of the Wild's remains (20 s).
 * - Each periodic summon (every 4 s, after the new pet is out and the cooldowns are cut): the main
 *   pet, the Animal Companion and every Call of the Wild pet out Stomp, and the Call of the Wild
 *   pets get Beast Cleave for the hunter's Beast Cleave's remains.
 * - Multi-Shot (with the Beast Cleave talent) refreshes Beast Cleave only when less than its 6 s
 *   is left (SimC's test; ./beast-cleave.ts): so it does not cut the 20 s short.
 *
 * The main pets' Beast Cleave (P.cleave) is the hunter's: SimC triggers both together with the
 * same duration (Multi-Shot, Umbral Reach, this cast) and sets the pets' to the hunter's remains at
 * each summon. Call of the Wild's pets carry their own expiry here, as SimC's pets do.
 */
import { CANNOT_CRIT, type Sim } from '../../engine/sim.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { BM } from './data.ts';
import { B, P, PET_COTW_A, PET_COTW_TICK_FIRST, PET_COTW_TICK_SLOTS, S } from './indices.ts';
import { BM_TALENTS as T } from './talent-data.ts';

/** Call of the Wild's pet slots: its two pets, then its periodic ones (./indices.ts). */
const COTW_SLOTS = PET_COTW_TICK_FIRST + PET_COTW_TICK_SLOTS - PET_COTW_A;

/** What the BM logic gives Bloody Frenzy. */
export interface BloodyFrenzyHost {
  /** `pets` Stomps of the main pet and the Animal Companion (./spec-talents.ts mainPetStomp). */
  mainPetStomp(target: number, pets: number): void;
  /** A Call of the Wild pet's multiplier (BmMultipliers.cotwMult). */
  cotwMult(): number;
}

export class BloodyFrenzy {
  readonly on: boolean;
  private readonly pets: number;
  /** When each Call of the Wild pet's Beast Cleave expires (index: slot − PET_COTW_A; 0: none). */
  private readonly cleaveUntil = new Float64Array(COTW_SLOTS);

  /** `share`: the pets' Beast Cleave share of this config (./beast-cleave.ts). */
  constructor(
    private readonly sim: Sim,
    private readonly host: BloodyFrenzyHost,
    private readonly share: number,
  ) {
    this.on = sim.hasTalent('bloody_frenzy');
    this.pets = sim.hasTalent('animal_companion') ? 2 : 1;
  }

  /** Start of an iteration: no pet has Beast Cleave. */
  start(): void {
    this.cleaveUntil.fill(0);
  }

  /** After Call of the Wild's cast (its pets are out): Beast Cleave for the buff's remains. */
  afterCast(): void {
    if (!this.on) return;
    const sim = this.sim;
    const until = sim.buffs.expires[B.cotw]!;
    sim.petBuffs.apply(P.cleave, P.cleave, sim.now, 1, until - sim.now);
    for (let i = 0; i < COTW_SLOTS; i++) if (sim.petActive[PET_COTW_A + i] === 1) this.cleaveUntil[i] = until;
  }

  /**
   * After a periodic summon of Call of the Wild (the new pet out): every pet Stomps (the main pets
   * first, as SimC's loop) and Call of the Wild's pets get Beast Cleave for the hunter's remains
   * (the main pets' is already that).
   */
  afterSummon(): void {
    if (!this.on) return;
    const sim = this.sim;
    this.host.mainPetStomp(0, this.pets);
    const until = sim.petBuffs.expires[P.cleave]!;
    const m = sim.ap * this.host.cotwMult();
    for (let i = 0; i < COTW_SLOTS; i++) {
      if (sim.petActive[PET_COTW_A + i] !== 1) continue;
      // SimC stomp_t of a call_of_the_wild_pet_t: 1217528 #1 on its target, 201754 #1 on every other enemy
      sim.hit(S.cotwStomp, 0, T.stompAp * m, true, 0);
      for (let t = 1; t < sim.targets; t++) sim.hit(S.cotwStompCleave, t, T.stompCleaveAp * m, true, 0);
      if (until > sim.now) this.cleaveUntil[i] = until;
    }
  }

  /**
   * After a melee swing of Call of the Wild's pet `pet` that dealt `amount` before its crit (on
   * the main target): its Beast Cleave, as the main pet's (the buff's share, the hit's crit carried
   * over, no crit of its own), with no Bloodshed (a main pet's target multiplier).
   */
  afterCotwSwing(pet: number, amount: number): void {
    const sim = this.sim;
    if (sim.targets < 2 || !(this.cleaveUntil[pet - PET_COTW_A]! > sim.now)) return;
    const each = amount * sim.lastCritFactor * this.share * aoeScale(sim.targets - 1, BM.beastCleaveAoeCap);
    for (let t = 1; t < sim.targets; t++) sim.hit(S.cotwCleave, t, each, true, CANNOT_CRIT);
  }
}
