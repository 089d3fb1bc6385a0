/**
 * What a Beast Mastery shot does when it lands, as SimC's `impact` has it (sc_hunter.cpp; these
 * functions read the same in its TWW 11.1 and Midnight versions around ab018d1176): Barbed
 * Shot's bleed (`action_t::impact` starts the dot: `tick_zero`, so a new bleed ticks there), Wild
 * Call on an Auto Shot crit (`auto_shot_base_t::impact`) and No Mercy on Kill Shot
 * (`kill_shot_t::impact`). Everything else those shots do comes when they are fired
 * (`execute`): Barbed Shot's focus, Frenzy, Thrill of the Hunt, Barbed Wrath, Stomp, War Orders;
 * Cobra Shot's Kill Command reduction (`schedule_travel`, at the shot); Snakeskin Quiver.
 *
 * A tagged hit (Sim.landTag) carries IMPACT_* bits and the engine calls BeastMasteryLogic.landed
 * when it lands, at once for a hit that does not travel. Barbed Shot deals no hit of its own, so
 * its bleed lands by a spec event after the shot's travel time, at once without travel.
 *
 * Dark Ranger's shots travel too (Black Arrow, its Withering Fire arrows, Bleak Arrows: their
 * impact is DarkRanger.landed, ../hero/dark-ranger.ts, called by the spec's landed after these);
 * a Bleak Arrow's Wild Call rolls when it lands, before its Deathblow roll, as SimC's
 * bleak_arrows_t::impact. Boar Charge (Pack Leader) does not travel in SimC's TWW version.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import type { Sim } from '../../engine/sim.ts';
import { BM } from './data.ts';
import { A, D, S, SPEC_BARBED_LAND } from './indices.ts';

/** An Auto Shot (or a Bleak Arrow): Wild Call's roll on a crit. */
export const IMPACT_WILD_CALL = 1;
/** A Kill Shot: No Mercy's free basic attack (Pack Leader). */
export const IMPACT_NO_MERCY = 2;
/** Poisoned Barbs' Serpent Sting: its dot starts when it lands (./poisoned-barbs.ts). */
export const IMPACT_SERPENT_STING = 4;

/**
 * Barbed Shots in flight at once: 8 is far above the most there can be (travel 40 yd / 80 yd/s =
 * 0.5 s at the default distance, casts at least a 0.75 s GCD apart; 100 yd, the largest
 * distance, makes 1.25 s: 2 casts).
 */
const BARBED_IN_FLIGHT = 8;

/** What the BM logic gives its impacts. */
export interface BmImpactHost {
  /** The hunter's extra crit chance on shots now (Thrill of the Hunt). */
  playerCrit(): number;
  /** SimC hunter_action_t::tick: a bleed of the hunter's rolls for a Dire Beast. */
  direBeastRoll(): void;
  /** Kill Shot landed on `target`: No Mercy (Pack Leader; a no-op without it). */
  noMercy(target: number): void;
  /** After a tick of Barbed Shot's bleed: Master Handler (./spec-talents.ts; a no-op without it). */
  afterBarbedTick(): void;
  /** After a Barbed Shot landed and its bleed: Poisoned Barbs (./poisoned-barbs.ts; a no-op without it). */
  barbedShotLanded(): void;
}

export class BeastMasteryImpacts {
  private readonly wildCall: boolean;
  /** The Barbed Shots in flight: target and the bleed's tick (snapshotted when fired), a ring. */
  private readonly barbedTarget = new Int32Array(BARBED_IN_FLIGHT);
  private readonly barbedTick = new Float64Array(BARBED_IN_FLIGHT);
  private barbedNext = 0;

  constructor(
    private readonly sim: Sim,
    private readonly host: BmImpactHost,
  ) {
    this.wildCall = sim.hasTalent('wild_call');
  }

  /** Start of an iteration (the queue is empty: nothing in flight). */
  start(): void {
    this.barbedNext = 0;
  }

  /**
   * A Barbed Shot fired at `target` with a bleed of `tick` a tick (its multipliers as fired, SimC's
   * state snapshot at execute): the bleed starts when it lands.
   */
  barbedShot(target: number, tick: number): void {
    const sim = this.sim;
    const ms = sim.travelOn === 1 ? sim.srcTravelMs[S.bs]! : 0;
    if (ms === 0) {
      this.barbedLands(target, tick);
      return;
    }
    const i = this.barbedNext;
    this.barbedNext = (i + 1) % BARBED_IN_FLIGHT;
    this.barbedTarget[i] = target;
    this.barbedTick[i] = tick;
    sim.inFlight.depart(S.bs, target);
    sim.q.push(sim.now + ms, PRIO_DEFAULT, EV_SPEC, SPEC_BARBED_LAND, i);
  }

  /** The Barbed Shot in flight slot `i` lands. */
  barbedLanded(i: number): void {
    const target = this.barbedTarget[i]!;
    this.sim.inFlight.arrive(S.bs, target);
    if (target < this.sim.targets) this.barbedLands(target, this.barbedTick[i]!); // an add may have died
  }

  /** Barbed Shot's bleed on `target` (SimC tick_zero: a new bleed ticks at once; a refresh does not). */
  private barbedLands(target: number, tick: number): void {
    const sim = this.sim;
    const fresh = !sim.dots.up(D.bs * MAX_TARGETS + target, sim.now);
    sim.applyDot(D.bs, target, tick);
    if (fresh) this.barbedBleed(target, tick);
    this.host.barbedShotLanded();
  }

  /** One Barbed Shot tick (also the one on application): damage, the Dire Beast roll, Master Handler. */
  barbedBleed(target: number, amount: number): void {
    const sim = this.sim;
    // class tree: Unnatural Causes (217200 in 459529's list), at the tick
    const ct = sim.classTree;
    const uc = ct.unnaturalCausesExecute(target) ? ct.dotExecute : ct.dot;
    sim.hit(S.bs, target, amount * uc, true, this.host.playerCrit());
    this.host.direBeastRoll();
    this.host.afterBarbedTick();
  }

  /** Wild Call (185789 #1): an Auto Shot crit has 20 % to give a Barbed Shot charge. */
  wildCallRoll(crit: number): void {
    const sim = this.sim;
    if (crit === 1 && this.wildCall && sim.rng.next() < BM.wildCallChance) {
      sim.cds.addCharge(A.bs, sim.now);
      sim.poke();
    }
  }

  /** The tag Auto Shot's hit carries (0 without Wild Call: nothing to do when it lands). */
  get autoShotTag(): number {
    return this.wildCall ? IMPACT_WILD_CALL : 0;
  }

  /** A tagged hit landed on `target` (crit 1: a critical strike). */
  landed(target: number, crit: number, tag: number): void {
    if ((tag & IMPACT_WILD_CALL) !== 0) this.wildCallRoll(crit);
    if ((tag & IMPACT_NO_MERCY) !== 0) this.host.noMercy(target);
  }
}
