/**
 * Hits in flight (travel time): a pool of slots holding each hit's source, target, damage, crit
 * and impact tag (what the spec does when it lands: SpecLogic.landed) until it lands. Grows by
 * doubling when full (rare); no allocation otherwise.
 */
export class InFlight {
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
    return slot;
  }

  /** The hit in `slot` landed: its slot is free again (read it before the next add). */
  release(slot: number): void {
    this.free[this.freeCount++] = slot;
  }

  /** Every slot free (start of an iteration: hits still in flight at the end never land). */
  reset(): void {
    const n = this.free.length;
    for (let i = 0; i < n; i++) this.free[i] = n - 1 - i;
    this.freeCount = n;
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
  }
}
