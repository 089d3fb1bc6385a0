import { MAX_TARGETS } from './events.ts';

/**
 * Hits in flight (travel time): a pool of slots holding each hit's source, target, damage, crit
 * and impact tag (what the spec does when it lands: SpecLogic.landed) until it lands. Grows by
 * doubling when full (rare); no allocation otherwise.
 *
 * It also answers what is in flight per damage source (and target), for the rotation's
 * `action.X.in_flight` and `in_flight_to_target` (SimC action_t::has_travel_events,
 * has_travel_events_for): the hits of this pool per source, kept by `add` and `release`, per source
 * and target counted when asked, once per change of the pool however many times a rotation asks (a
 * line may ask hundreds of times: its cost stays that of a plain read), and the shots a spec flies
 * itself (Explosive Shot before its fuse, Barbed Shot before its bleed), which it reports through
 * `depart` and `arrive`.
 */
export class InFlight {
  /** Per source: shots a spec flies itself, in flight. */
  private readonly bySource: Int32Array;
  /** Per source × MAX_TARGETS + target: the same, per target. */
  private readonly bySourceTarget: Int32Array;
  /** Scratch of the recount: 1 for a free slot. */
  private isFree = new Uint8Array(64);
  /** Pool hits in flight per source (kept by add and release), and per source × MAX_TARGETS + target as of `countedVersion`. */
  private readonly poolBySource: Int32Array;
  private readonly poolBySourceTarget: Int32Array;
  /** Bumped by every add and release; the pool's counts are recomputed when it moved. */
  private version = 0;
  private countedVersion = -1;
  /** Recounts of the pool so far (tests: asking again without a change costs none). */
  recounts = 0;

  constructor(sources: number) {
    this.bySource = new Int32Array(sources);
    this.bySourceTarget = new Int32Array(sources * MAX_TARGETS);
    this.poolBySource = new Int32Array(sources);
    this.poolBySourceTarget = new Int32Array(sources * MAX_TARGETS);
  }

  src = new Int32Array(64);
  target = new Int32Array(64);
  damage = new Float64Array(64);
  crit = new Uint8Array(64);
  tag = new Int32Array(64);
  private free = Int32Array.from({ length: 64 }, (_, i) => 63 - i);
  private freeCount = 64;

  /** Stores a hit; returns its slot (the landing event carries it). */
  add(src: number, target: number, damage: number, crit: number, tag: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount]!;
    this.src[slot] = src;
    this.target[slot] = target;
    this.damage[slot] = damage;
    this.crit[slot] = crit;
    this.tag[slot] = tag;
    this.poolBySource[src]!++;
    this.version++;
    return slot;
  }

  /** The hit in `slot` landed: its slot is free again (read it before the next add). */
  release(slot: number): void {
    this.free[this.freeCount++] = slot;
    this.poolBySource[this.src[slot]!]!--;
    this.version++;
  }

  /** Hits of the pool and spec shots of `src` in flight, to `target` (to any when `target` < 0). */
  count(src: number, target: number): number {
    if (target < 0) return this.poolBySource[src]! + this.bySource[src]!;
    if (this.countedVersion !== this.version) this.recount();
    const i = src * MAX_TARGETS + target;
    return this.poolBySourceTarget[i]! + this.bySourceTarget[i]!;
  }

  /** The pool's hits per source and target (rotations rarely ask): the slots not on the free list. */
  private recount(): void {
    this.recounts++;
    this.countedVersion = this.version;
    this.poolBySourceTarget.fill(0);
    const isFree = this.isFree;
    isFree.fill(0);
    for (let i = 0; i < this.freeCount; i++) isFree[this.free[i]!] = 1;
    for (let slot = 0; slot < isFree.length; slot++)
      if (isFree[slot] === 0) this.poolBySourceTarget[this.src[slot]! * MAX_TARGETS + this.target[slot]!]!++;
  }

  /** A shot of `src` leaves for `target` (counted until `arrive`). */
  depart(src: number, target: number): void {
    this.bySource[src]!++;
    this.bySourceTarget[src * MAX_TARGETS + target]!++;
  }

  /** A shot of `src` reached `target`. */
  arrive(src: number, target: number): void {
    this.bySource[src]!--;
    this.bySourceTarget[src * MAX_TARGETS + target]!--;
  }

  /** Every slot free and nothing in flight (start of an iteration: hits still in flight at the end never land). */
  reset(): void {
    const n = this.free.length;
    for (let i = 0; i < n; i++) this.free[i] = n - 1 - i;
    this.freeCount = n;
    this.version++;
    this.poolBySource.fill(0);
    this.bySource.fill(0);
    this.bySourceTarget.fill(0);
  }

  private grow(): void {
    const n = this.src.length;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (m: number) => T): T => {
      const b = make(n * 2);
      b.set(a);
      return b;
    };
    this.src = grow(this.src, (m) => new Int32Array(m));
    this.target = grow(this.target, (m) => new Int32Array(m));
    this.damage = grow(this.damage, (m) => new Float64Array(m));
    this.crit = grow(this.crit, (m) => new Uint8Array(m));
    this.tag = grow(this.tag, (m) => new Int32Array(m));
    const free = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) free[i] = 2 * n - 1 - i;
    this.free = free;
    this.freeCount = n;
    this.isFree = new Uint8Array(n * 2);
  }
}
