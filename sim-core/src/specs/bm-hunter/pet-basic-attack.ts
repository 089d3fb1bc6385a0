/**
 * The main pet's Basic Attack (Claw 16827 / Bite 17253 / Smack 49966: the same numbers), as
 * SimulationCraft's hunter pet uses it (sc_hunter.cpp at simc ab018d1176: `basic_attack_main_t`,
 * `hunter_main_pet_t::available`, `hunter_main_pet_t::resource_regen_per_second`): the pet's action
 * list is the basic attack alone; it attacks whenever its cooldown is over and it has the focus,
 * after a short reaction delay; above 50 focus it pays double for double damage (62762). Numbers:
 * ./data.ts (`BM.petBasicAttack*`, `BM.petFocus*`). The Animal Companion and the temporary pets
 * have none (SimC disables their focus regeneration and gives them no action list).
 *
 * The pet's focus is kept lazily (value at a time plus the rate since); its regeneration is a
 * share of the hunter's, so the spec logic calls `settle()` whenever the hunter's regeneration is
 * about to change (engine `updateHaste` asks the spec's `regenFactor()` then).
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { BM } from './data.ts';
import { BM_TALENTS as T } from './talent-data.ts';

/** What the spec logic gives the basic attack: the main pet's multipliers and its Beast Cleave. */
export interface BasicAttackHost {
  /** The main pet's damage multiplier now (attack power share, auras, mastery, Bestial Wrath…). */
  petMult(): number;
  /**
   * One main-pet hit of `amount` (before its target's multiplier) from `source` on `target`: the
   * pet's crit chance and damage, then Laceration on a crit (BmMultipliers.mainPetHit); the hit's
   * crit factor is mainPetCritFactor() after it.
   */
  mainPetHit(source: number, target: number, amount: number): void;
  /** The crit factor of the last mainPetHit (1 without a crit). */
  mainPetCritFactor(): number;
  /** Beast Cleave of a main-pet hit of `amount` (its crit included, before target multipliers) on `target`. */
  beastCleave(amount: number, target: number): void;
}

export class PetBasicAttack {
  /** Pet focus at `focusAt` (ms). */
  private focus = 0;
  private focusAt = 0;
  /** Generation of the pending attempt (a new iteration restarts the chain). */
  private gen = 0;
  /** Aspect of the Beast on every basic attack (191384 #1: Claw / Bite / Smack in its list; 1 without). */
  private readonly aspect: number;
  /** Brutal Companion's basic attack: taken, and its source. */
  readonly brutalCompanion: boolean;
  private readonly brutalSource: number;

  constructor(
    private readonly sim: Sim,
    private readonly host: BasicAttackHost,
    private readonly source: number,
    /** The spec event kind the attempts use. */
    private readonly kind: number,
  ) {
    this.aspect = sim.hasTalent('aspect_of_the_beast') ? 1 + T.aspectOfTheBeast : 1;
    this.brutalCompanion = sim.hasTalent('brutal_companion');
    this.brutalSource = Sim.indexOf(sim.data.sources, 'claw_brutal_companion');
  }

  /** Start of an iteration: full focus (SimC: resources start at their maximum), first attempt at once. */
  start(): void {
    this.focus = BM.petFocusMax;
    this.focusAt = 0;
    this.gen++;
    this.sim.q.push(0, PRIO_DEFAULT, EV_SPEC, this.kind, this.gen);
  }

  /** Pet focus per ms now: 1.25 × the hunter's regeneration (SimC, haste and Pack Tactics included). */
  private rate(): number {
    return this.sim.focusRate * BM.petFocusRegenShare;
  }

  /** The pet's focus now. */
  focusNow(): number {
    const f = this.focus + (this.sim.now - this.focusAt) * this.rate();
    return f < BM.petFocusMax ? f : BM.petFocusMax;
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
    const cost = BM.petBasicAttackCost;
    const focus = this.focusNow();
    if (focus < cost) {
      this.schedule(Math.ceil((cost - focus) / this.rate()));
      return;
    }
    // 62762: above the threshold the attack costs #2 more and deals #1 more (SimC: focus > 50).
    const wildHunt = focus > BM.wildHuntThreshold;
    this.focus = focus - cost * (wildHunt ? 1 + BM.wildHuntCost : 1);
    this.focusAt = sim.now;
    this.hit(this.source, 0, wildHunt ? 1 + BM.wildHuntDamage : 1);
    // Next: when the cooldown is over and the focus for the base cost is back (SimC available()).
    const toFocus = Math.ceil((cost - this.focus) / this.rate());
    this.schedule(toFocus > BM.petBasicAttackCooldownMs ? toFocus : BM.petBasicAttackCooldownMs);
  }

  /**
   * One basic attack of `source` on `target` (the pet's own on the main target; Pack Leader's No
   * Mercy passes its own source, its target and 1: SimC no_mercy_ba_t, free, no Wild Hunt).
   */
  hit(source: number, target: number, mult: number): void {
    const sim = this.sim;
    const host = this.host;
    const amount = BM.petBasicAttackAp * sim.ap * host.petMult() * mult * this.aspect;
    host.mainPetHit(source, target, amount);
    host.beastCleave(amount * host.mainPetCritFactor(), target);
  }

  /**
   * Brutal Companion (386870), after a Barbed Shot's Frenzy: when the main pet's Frenzy is at 3
   * stacks (#1) it uses its basic attack at once at the shot's target for +50 % (#2: SimC
   * brutal_companion_ba_t's base_multiplier), free (a proc action pays no cost) and without Wild
   * Hunt, its own cooldown and focus untouched (barbed_shot_t::execute).
   */
  afterBarbedShotFrenzy(target: number, frenzyStacks: number): void {
    if (this.brutalCompanion && frenzyStacks === T.brutalCompanionStacks)
      this.hit(this.brutalSource, target, 1 + T.brutalCompanionDamage);
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
      wait += Math.round(sim.timingRng.gauss(BM.petBasicAttackDelayMs, BM.petBasicAttackDelaySdMs));
    if (wait < BM.petBasicAttackMinWaitMs) wait = BM.petBasicAttackMinWaitMs;
    sim.q.push(sim.now + wait, PRIO_DEFAULT, EV_SPEC, this.kind, this.gen);
  }
}
