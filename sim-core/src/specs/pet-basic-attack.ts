/**
 * The main pet's Basic Attack (Claw 16827 / Bite 17253 / Smack 49966: the same numbers), as
 * SimulationCraft's hunter pet uses it (sc_hunter.cpp at simc ab018d1176 and 50d415071f:
 * `basic_attack_main_t`, `hunter_main_pet_t::available`, `hunter_main_pet_t::resource_regen_per_second`),
 * for both specs' main pet (Beast Mastery's, ./bm-hunter/pet-basic-attack.ts adds its talents;
 * Marksmanship's with Unbreakable Bond, ./mm-hunter/unbreakable-bond.ts): the pet's action list is
 * the basic attack alone; it attacks whenever its cooldown is over and it has the focus, after a
 * short reaction delay; above 50 focus it pays double for double damage (62762). Numbers:
 * ./main-pet.ts. Other pets (the Animal Companion, temporary pets) have none (SimC disables their
 * focus regeneration and gives them no action list).
 *
 * The pet's focus is kept lazily (value at a time plus the rate since); its regeneration is a
 * share of the hunter's, so the spec logic calls `settle()` whenever the hunter's regeneration is
 * about to change (engine `updateHaste` asks the spec's `regenFactor()` then).
 */
import { EV_SPEC, PRIO_DEFAULT } from '../engine/events.ts';
import type { Sim } from '../engine/sim.ts';
import { MAIN_PET } from './main-pet.ts';

/** What the spec logic gives the basic attack: the main pet's multipliers and its Beast Cleave. */
export interface BasicAttackHost {
  /** The main pet's damage multiplier now (attack power share, auras, mastery, Bestial Wrath…). */
  petMult(): number;
  /**
   * One main-pet hit of `amount` (before its target's multiplier) from `source` on `target`: the
   * pet's crit chance and damage, then what the spec does after a pet hit; the hit's crit factor
   * is mainPetCritFactor() after it.
   */
  mainPetHit(source: number, target: number, amount: number): void;
  /** The crit factor of the last mainPetHit (1 without a crit). */
  mainPetCritFactor(): number;
  /** Beast Cleave of a main-pet hit of `amount` (its crit included, before target multipliers) on `target`. */
  beastCleave(amount: number, target: number): void;
}

export class MainPetBasicAttack {
  constructor(
    protected readonly sim: Sim,
    private readonly host: BasicAttackHost,
    private readonly source: number,
    /** The spec event kind the attempts use. */
    private readonly kind: number,
    /** A factor on every basic attack of the spec's (BM's Aspect of the Beast); 1 for none. */
    private readonly damageMult: number,
  ) {}

  /** Pet focus at `focusAt` (ms). */
  private focus = 0;
  private focusAt = 0;
  /** Generation of the pending attempt (a new iteration restarts the chain). */
  private gen = 0;

  /** Start of an iteration: full focus (SimC: resources start at their maximum), first attempt at once. */
  start(): void {
    this.focus = MAIN_PET.focusMax;
    this.focusAt = 0;
    this.gen++;
    this.sim.q.push(0, PRIO_DEFAULT, EV_SPEC, this.kind, this.gen);
  }

  /** Pet focus per ms now: 1.25 × the hunter's regeneration (SimC, haste and Pack Tactics included). */
  private rate(): number {
    return this.sim.focusRate * MAIN_PET.focusRegenShare;
  }

  /** The pet's focus now. */
  focusNow(): number {
    const f = this.focus + (this.sim.now - this.focusAt) * this.rate();
    return f < MAIN_PET.focusMax ? f : MAIN_PET.focusMax;
  }

  /** Books the focus gained so far at the current rate (call before the hunter's regeneration changes). */
  settle(): void {
    this.focus = this.focusNow();
    this.focusAt = this.sim.now;
  }

  /** A spec event of kind `kind`; stale attempts (an earlier iteration) are ignored. */
  event(gen: number): void {
    if (gen !== this.gen) return;
    const sim = this.sim;
    const cost = MAIN_PET.basicAttackCost;
    const focus = this.focusNow();
    if (focus < cost) {
      this.schedule(Math.ceil((cost - focus) / this.rate()));
      return;
    }
    // 62762: above the threshold the attack costs #2 more and deals #1 more (SimC: focus > 50).
    const wildHunt = focus > MAIN_PET.wildHuntThreshold;
    this.focus = focus - cost * (wildHunt ? 1 + MAIN_PET.wildHuntCost : 1);
    this.focusAt = sim.now;
    this.hit(this.source, 0, wildHunt ? 1 + MAIN_PET.wildHuntDamage : 1);
    // Next: when the cooldown is over and the focus for the base cost is back (SimC available()).
    const toFocus = Math.ceil((cost - this.focus) / this.rate());
    this.schedule(toFocus > MAIN_PET.basicAttackCooldownMs ? toFocus : MAIN_PET.basicAttackCooldownMs);
  }

  /**
   * One basic attack of `source` on `target` (the pet's own on the main target; Pack Leader's No
   * Mercy passes its own source, its target and 1: SimC no_mercy_ba_t, free, no Wild Hunt).
   */
  hit(source: number, target: number, mult: number): void {
    const sim = this.sim;
    const host = this.host;
    const amount = MAIN_PET.basicAttackAp * sim.ap * host.petMult() * mult * this.damageMult;
    host.mainPetHit(source, target, amount);
    host.beastCleave(amount * host.mainPetCritFactor(), target);
  }

  /**
   * The next attempt `remainsMs` from now plus the pet's reaction delay: SimC draws it from
   * gauss(150 ms, 100 ms) (option hunter.pet_basic_attack_delay) and waits at least 100 ms; here
   * it is drawn when the config's latency is on (timing.queueLagMs > 0), else 0.
   */
  private schedule(remainsMs: number): void {
    const sim = this.sim;
    let wait = remainsMs;
    if (sim.timing.queueLagMs > 0)
      wait += Math.round(sim.timingRng.gauss(MAIN_PET.basicAttackDelayMs, MAIN_PET.basicAttackDelaySdMs));
    if (wait < MAIN_PET.basicAttackMinWaitMs) wait = MAIN_PET.basicAttackMinWaitMs;
    sim.q.push(sim.now + wait, PRIO_DEFAULT, EV_SPEC, this.kind, this.gen);
  }
}
