/**
 * Explosive Shot's flight and fuse (212431), for both specs' helpers (./mm-hunter/explosive.ts,
 * ./bm-hunter/explosive-shot.ts): the shot has no hit of its own; it lands after its travel time (a
 * spec event), and its explosion comes 3 s after it lands. One still pending on that target
 * explodes first, when the new one lands (SimC explosive_shot_base_t::impact: `dot->is_ticking()`
 * → the explosion with the old dot's state, then the new dot, whose 3 s explosion comes as usual).
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../engine/events.ts';
import type { Sim } from '../engine/sim.ts';
import { EXPLOSIVE_SHOT, EXPLOSIVE_SHOT_NUMBERS } from './common.ts';
import { MISSILE_SPEED_NO_HIT, travelMs } from './projectiles.ts';

/** What the spec does when its Explosive Shot lands and explodes. */
export interface ExplosiveShotOwner {
  /** The shot landed on `target`, after an earlier one there exploded (MM: its dot starts). */
  landed(target: number): void;
  /** The explosion on `target` (and every other enemy). */
  explode(target: number): void;
}

export class ExplosiveShotFuse {
  /** Per target: when its pending Explosive Shot explodes (-1: none). */
  private readonly due = new Float64Array(MAX_TARGETS);
  /** ms the shot flies (the config's distance at 212431's speed). */
  private readonly travelMs: number;
  /** The shot's damage source (its flights count as the rotation's `action.explosive_shot.in_flight`). */
  private readonly src: number;

  /** `landsKind` / `explodeKind`: the spec's event kinds of a landing and of a due explosion. */
  constructor(
    private readonly sim: Sim,
    private readonly owner: ExplosiveShotOwner,
    private readonly landsKind: number,
    private readonly explodeKind: number,
  ) {
    this.travelMs = travelMs(MISSILE_SPEED_NO_HIT.explosive_shot, sim.timing.distanceYards);
    this.src = sim.data.sources.findIndex((s) => s.key === EXPLOSIVE_SHOT.key);
  }

  start(): void {
    this.due.fill(-1);
  }

  /** The shot is fired at `target`: it lands after its travel time (at once without travel). */
  fire(target: number): void {
    const sim = this.sim;
    const ms = sim.travelOn === 1 ? this.travelMs : 0;
    if (ms === 0) this.lands(target);
    else {
      sim.inFlight.depart(this.src, target);
      sim.q.push(sim.now + ms, PRIO_DEFAULT, EV_SPEC, this.landsKind, target);
    }
  }

  /** A spec event; true when it was a landing or an explosion (one that came early is not paid again). */
  specEvent(kind: number, target: number): boolean {
    const sim = this.sim;
    if (kind === this.landsKind) {
      sim.inFlight.arrive(this.src, target);
      if (target < sim.targets) this.lands(target); // an add that died: nothing lands
      return true;
    }
    if (kind !== this.explodeKind) return false;
    if (this.due[target] === sim.now) this.explode(target);
    return true;
  }

  /** An Explosive Shot is pending on `target` (landed, not exploded yet). */
  pending(target: number): boolean {
    return this.due[target]! > this.sim.now;
  }

  /** `target`'s pending explosion is taken away (it explodes early elsewhere: Precision Detonation). */
  defuse(target: number): void {
    this.due[target] = -1;
  }

  private lands(target: number): void {
    const sim = this.sim;
    if (this.due[target]! >= sim.now) this.explode(target);
    this.owner.landed(target);
    this.due[target] = sim.now + EXPLOSIVE_SHOT_NUMBERS.delayMs;
    sim.q.push(this.due[target]!, PRIO_DEFAULT, EV_SPEC, this.explodeKind, target);
  }

  private explode(target: number): void {
    this.due[target] = -1;
    this.owner.explode(target);
  }
}
