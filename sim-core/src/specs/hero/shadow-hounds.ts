/**
 * Shadow Hounds (Dark Ranger, 430707; the choice node against Soul Drinker), both specs, as
 * sc_hunter.cpp (simc 50d415071f) has it:
 * - each tick of Black Arrow's dot (468572, on any target: Withering Fire's and Umbral Reach's dots
 *   too) makes an attempt of a 1.5 real procs per minute proc, not hasted (SimC
 *   `black_arrow_dot_t::tick`, `rppm.shadow_hounds`; real_ppm_t as engine/procs.ts Rppm);
 * - a proc spawns a Dark Hound (442419) for 8 s, a guardian with 3 × the hunter's attack power
 *   (`dark_hound_t`, ap_from_ap 3); its melee is Shadow (no armor) and swings at once (its
 *   `summon` executes it) and then every 2 s / the hunter's attack speed while it lives: pet AP ×
 *   2 s / 6 per swing with the spec's guardian multipliers (BM 137015 #4 and mastery; MM 137016 #3)
 *   and the hunter's crit chance and versatility, none of the pets' buffs (it is a guardian);
 * - the hound gets the pets' Beast Cleave buff for its 8 s (SimC triggers it for every spec): on 2+
 *   targets each swing also hits every other target for a share of it, its crit included, physical
 *   (118459), no crit of its own, reduced beyond 8 (118459 #2): the pet buff's share, 80 % with BM's
 *   Beast Cleave talent (115939 #1), 100 % without it, so MM's is 100 % (../bm-hunter/beast-cleave.ts).
 * Hounds may overlap (SimC's pet spawner has no limit); here six slots, the one ending first replaced
 * when a seventh comes (at 1.5 a minute and 8 s each: five at once came once in 4000 default-like
 * iterations, see specs.md). Allocation-free:
 * typed arrays for the slots, spec events for the swings. Numbers: ./dark-ranger-data.ts.
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { Rppm } from '../../engine/procs.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { CANNOT_CRIT, Sim } from '../../engine/sim.ts';
import { beastCleaveShare } from '../bm-hunter/beast-cleave.ts';
import { BM } from '../bm-hunter/data.ts';
import { DARK_RANGER } from './dark-ranger-data.ts';

/** Spec event kinds of the hounds' swings: one per slot (after Dark Ranger's 1000, below Pack Leader's 1100). */
export const SHADOW_HOUND_EVENT = 1001;

/** What the spec gives the hounds. */
export interface ShadowHoundsHost {
  /** The spec's multiplier on a guardian of 1 × the hunter's AP now (BM 137015 #4 and mastery; MM 137016 #3). */
  guardianMult(): number;
  /** Damage taken from the hunter's guardians on `target` (MM: Kill Zone 393480 #4); 1 when absent. */
  guardianTakenMult?(target: number): number;
}

export class ShadowHounds {
  readonly on: boolean;
  private readonly rppm = new Rppm();
  /** Per slot: when the hound goes (ms; 0: none). */
  private readonly until = new Float64Array(DARK_RANGER.darkHoundSlots);
  /** Per slot: the generation of its swings (a new hound, or a new iteration, voids the old ones). */
  private readonly gen = new Int32Array(DARK_RANGER.darkHoundSlots);
  private readonly src: number;
  private readonly cleaveSrc: number;
  /** The hound's Beast Cleave share: SimC's pet buff value, 80 % with BM's Beast Cleave talent, else 100 %. */
  private readonly cleaveShare: number;

  constructor(
    private readonly sim: Sim,
    on: boolean,
    private readonly host: ShadowHoundsHost,
  ) {
    this.on = on;
    this.cleaveShare = beastCleaveShare(sim);
    this.src = Sim.indexOf(sim.data.sources, 'dark_hound');
    this.cleaveSrc = Sim.indexOf(sim.data.sources, 'dark_hound_beast_cleave');
  }

  start(): void {
    this.rppm.reset();
    this.until.fill(0);
    for (let i = 0; i < this.gen.length; i++) this.gen[i]!++;
  }

  /** A tick of Black Arrow's dot dealt its damage: the proc's attempt (call only when `on`). */
  onDotTick(): void {
    const sim = this.sim;
    if (this.rppm.trigger(sim.now, DARK_RANGER.shadowHoundsRppm, 1, sim.rng)) this.summon();
  }

  /** A proc: a hound for 8 s in a free slot (else the one that ends first), swinging at once. */
  summon(): void {
    const sim = this.sim;
    const until = this.until;
    let slot = 0;
    for (let i = 0; i < until.length; i++) {
      if (until[i]! <= sim.now) {
        slot = i;
        break;
      }
      if (until[i]! < until[slot]!) slot = i;
    }
    until[slot] = sim.now + DARK_RANGER.darkHoundMs;
    this.gen[slot]!++;
    this.swing(slot);
  }

  /** A spec event; true when it was a hound's swing (of the current hound of its slot or a stale one). */
  specEvent(kind: number, gen: number): boolean {
    const slot = kind - SHADOW_HOUND_EVENT;
    if (slot < 0 || slot >= this.gen.length) return false;
    if (gen === this.gen[slot]) this.swing(slot);
    return true;
  }

  /** The hound of `slot` swings at its target (the hunter's, the first), then its next swing while it lives. */
  private swing(slot: number): void {
    const sim = this.sim;
    // pet AP (3 × the hunter's) × base swing / 6, the spec's guardian multipliers (NOT SPELL DATA: SimC's pet melee)
    const amount =
      ((DARK_RANGER.darkHoundApFromOwner * sim.ap * BM.petSwingMs) / 1000 / BM.petMeleeApDivisor) *
      this.host.guardianMult();
    const host = this.host;
    sim.hit(this.src, 0, amount * (host.guardianTakenMult?.(0) ?? 1), false, 0);
    if (sim.targets > 1) {
      // Beast Cleave: the swing's result, its crit included, over the target's multipliers (SimC trigger_beast_cleave)
      const each =
        amount * sim.lastCritFactor * this.cleaveShare * aoeScale(sim.targets - 1, BM.beastCleaveAoeCap);
      for (let t = 1; t < sim.targets; t++)
        sim.hit(this.cleaveSrc, t, each * (host.guardianTakenMult?.(t) ?? 1), true, CANNOT_CRIT);
    }
    const next = sim.now + Math.round(BM.petSwingMs / sim.autoHaste);
    if (next < this.until[slot]!)
      sim.q.push(next, PRIO_DEFAULT, EV_SPEC, SHADOW_HOUND_EVENT + slot, this.gen[slot]!);
  }
}
