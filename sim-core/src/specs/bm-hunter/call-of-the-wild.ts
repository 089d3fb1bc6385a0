/**
 * Call of the Wild (359844) as sc_hunter.cpp has it: two stable pets for the buff's duration (#1),
 * one more every period (#2), and each pet summoned takes a share of Kill Command's and Barbed
 * Shot's base cooldowns off their recharge (#3). Numbers: ./data.ts.
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import type { Sim } from '../../engine/sim.ts';
import { BM } from './data.ts';
import {
  B,
  COTW_REDUCED,
  PET_COTW_A,
  PET_COTW_B,
  PET_COTW_TICK_FIRST,
  PET_COTW_TICK_SLOTS,
  SPEC_COTW_TICK,
} from './indices.ts';

/** Takes `ms` off a charged cooldown; what is left after a recharge completes goes on to the next (SimC adjust). */
export function adjustCooldown(sim: Sim, cd: number, ms: number): void {
  const cds = sim.cds;
  while (ms > 0) {
    cds.sync(cd, sim.now);
    if (cds.charges[cd]! >= cds.maxCharges[cd]!) break;
    const left = cds.next[cd]! - sim.now;
    cds.reduce(cd, sim.now, Math.min(ms, left));
    ms -= left;
  }
}

export class CallOfTheWild {
  /** Next periodic pet slot (round robin). */
  private next = 0;

  constructor(private readonly sim: Sim) {}

  start(): void {
    this.next = 0;
  }

  /** The cast: the buff, two pets, their cooldown reduction and the periodic summons. */
  cast(): void {
    const sim = this.sim;
    sim.applyBuff(B.cotw, 1, 0);
    sim.summonPet(PET_COTW_A, 0, BM.callOfTheWildMs, 0);
    sim.summonPet(PET_COTW_B, 0, BM.callOfTheWildMs, 0);
    // SimC call_of_the_wild_t: 359844 #3 per pet summoned (#1), on the base cooldowns.
    this.reduce(BM.callOfTheWildCdrPerPet * BM.callOfTheWildPets);
    for (let t = BM.callOfTheWildPeriodMs; t < BM.callOfTheWildMs; t += BM.callOfTheWildPeriodMs) {
      sim.q.push(sim.now + t, PRIO_DEFAULT, EV_SPEC, SPEC_COTW_TICK, 0);
    }
  }

  /** SPEC_COTW_TICK: one more stable pet (359844 #2) and another 359844 #3 off Kill Command and Barbed Shot. */
  tick(): void {
    this.sim.summonPet(PET_COTW_TICK_FIRST + this.next, 0, BM.callOfTheWildSummonMs, 0);
    this.next = (this.next + 1) % PET_COTW_TICK_SLOTS;
    this.reduce(BM.callOfTheWildCdrPerPet);
  }

  /** `share` of each reduced base cooldown off its recharge, the rest carrying into the next charge. */
  private reduce(share: number): void {
    const sim = this.sim;
    for (const cd of COTW_REDUCED) adjustCooldown(sim, cd, Math.round(sim.cds.base[cd]! * share));
    sim.poke();
  }
}
