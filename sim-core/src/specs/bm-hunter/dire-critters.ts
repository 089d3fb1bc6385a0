/**
 * Beast Mastery's dire critters for the spec logic: Dire Beasts summoned round robin (by the talent's
 * roll on the hunter's bleed ticks, by Bloodshed's, by the spec talents), and Wildspeaker's Kill
 * Commands from every critter out (Dire Beasts, Hati / Fenryr, Pack Leader's bear). Numbers:
 * ./data.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import type { PackLeader } from '../hero/pack-leader.ts';
import { BM } from './data.ts';
import { DIRE_CLEAVE_BEAR, type DireCleave } from './dire-cleave.ts';
import { HUNT_PET_SHARE, type HuntmastersCall } from './huntmasters-call.ts';
import { PET_DIRE_FIRST, PET_DIRE_SLOTS, PET_HUNTMASTER, S } from './indices.ts';
import type { BmMultipliers } from './multipliers.ts';
import type { BmSpecTalents } from './spec-talents.ts';

/** The spec logic's helpers the critters use. */
export interface DireCritterParts {
  readonly st: BmSpecTalents;
  readonly m: BmMultipliers;
  readonly pl: PackLeader;
  readonly hm: HuntmastersCall;
  readonly dc: DireCleave;
  /** A pet's swing time now (ms). */
  petSwingMs(pet: number): number;
}

export class DireCritters {
  /** Dire Beast slots: two, or six when Call of the Wild's four slots are free (Bloodshed summons often). */
  readonly slots = PET_DIRE_SLOTS;
  private readonly direBeast: boolean;
  /** Next Dire Beast slot (round robin). */
  private next = 0;

  constructor(
    private readonly sim: Sim,
    private readonly parts: DireCritterParts,
  ) {
    this.direBeast = sim.hasTalent('dire_beast');
  }

  start(): void {
    this.next = 0;
  }

  /** SimC hunter_action_t::tick: bleeds of the hunter roll 120679 #1 for a Dire Beast. */
  roll(): void {
    if (this.direBeast && this.sim.rng.next() < BM.direBeastChance) this.summon();
  }

  /**
   * A Dire Beast for a whole number of swings: 8 s / swing time, the fraction rolled for one more
   * (SimC pets::dire_beast_duration).
   */
  summon(): void {
    const sim = this.sim;
    const p = this.parts;
    const swing = p.petSwingMs(PET_DIRE_FIRST);
    const partial = (BM.direBeastMs + p.st.direBeastExtraMs()) / swing;
    let swings = Math.floor(partial);
    if (sim.rng.next() < partial - swings) swings++;
    if (swings === 0) return;
    sim.summonPet(PET_DIRE_FIRST + this.next, 0, swings * swing, 0);
    p.dc.summoned(PET_DIRE_FIRST + this.next);
    this.next = (this.next + 1) % this.slots;
    p.hm.onDireBeast(0);
  }

  /**
   * Wildspeaker (1232739): every Dire Beast out, and Hati or Fenryr in their slot, casts Kill
   * Command 1232922 at the target (SimC kill_command_t::execute, before the howl), with the
   * critter's multipliers (AP share, guardian aura, mastery, Dire Frenzy, its Bestial Wrath) and
   * the base crit chance, as its melee.
   */
  wildspeakerKillCommands(target: number): void {
    const sim = this.sim;
    const { st, m, pl, dc } = this.parts;
    const each = st.critterKillCommand() * m.guardianMult() * st.direBeastMult();
    const critDamage = st.critterKillCommandCritDamage(sim.critChance + m.playerCrit());
    // each followed by Kill Cleave while its Dire Cleave lasts (./dire-cleave.ts; no-op without)
    for (let pet = PET_DIRE_FIRST; pet < PET_DIRE_FIRST + this.slots; pet++)
      if (sim.petActive[pet] === 1) {
        sim.hit(S.wildKc, target, each, true, 0, critDamage);
        if (dc.on) dc.killCommand(pet, target, each);
      }
    // Hati / Fenryr (2 × AP), in their own slot (./huntmasters-call.ts).
    if (sim.petActive[PET_HUNTMASTER] === 1) {
      sim.hit(S.wildKc, target, each * HUNT_PET_SHARE, true, 0, critDamage);
      if (dc.on) dc.killCommand(PET_HUNTMASTER, target, each * HUNT_PET_SHARE);
    }
    // Pack Leader's bear is a dire critter too (SimC bear_t).
    const bear = pl.bearCritterShare();
    if (bear > 0) {
      const amount = st.critterKillCommand() * bear * st.critterRage();
      sim.hit(S.wildKc, target, amount, true, 0, critDamage);
      if (dc.on) dc.killCommand(DIRE_CLEAVE_BEAR, target, amount);
    }
  }
}
