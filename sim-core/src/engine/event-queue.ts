/**
 * Binary min-heap of events in typed arrays, ordered by (time ms, priority, sequence number).
 * The three are packed into one float64 key, exact below 2^53:
 *   key = (time * PRIORITIES + priority) * SEQ_LIMIT + sequence
 * with time < 2^21 ms (35 min), priority < 16, sequence < 2^28 per reset. Events carry an
 * integer type and two integer arguments. No allocation after construction (the arrays grow by
 * doubling only when a run needs more room than ever before).
 */

export const MAX_EVENT_TIME_MS = 2 ** 21 - 1;
const PRIORITIES = 16;
const SEQ_LIMIT = 2 ** 28;

export class EventQueue {
  private keys: Float64Array;
  private types: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private count = 0;
  private seq = 0;
  /** Popped event fields (valid after `pop()` until the next one). */
  time = 0;
  type = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.types = new Int32Array(capacity);
    this.argA = new Int32Array(capacity);
    this.argB = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
    this.seq = 0;
  }

  /** Schedule an event; `time` integer ms in [0, MAX_EVENT_TIME_MS], `priority` 0..15 (lower first). */
  push(time: number, priority: number, type: number, a: number, b: number): void {
    if (this.count === this.keys.length) this.grow();
    if (this.seq >= SEQ_LIMIT) throw new Error('event sequence overflow');
    const key = (time * PRIORITIES + priority) * SEQ_LIMIT + this.seq++;
    const keys = this.keys;
    const types = this.types;
    const argA = this.argA;
    const argB = this.argB;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      types[i] = types[parent]!;
      argA[i] = argA[parent]!;
      argB[i] = argB[parent]!;
      i = parent;
    }
    keys[i] = key;
    types[i] = type;
    argA[i] = a;
    argB[i] = b;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : Math.floor(this.keys[0]! / (PRIORITIES * SEQ_LIMIT));
  }

  /** Remove the earliest event into `time`/`type`/`a`/`b`; returns false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const keys = this.keys;
    const types = this.types;
    const argA = this.argA;
    const argB = this.argB;
    this.time = Math.floor(keys[0]! / (PRIORITIES * SEQ_LIMIT));
    this.type = types[0]!;
    this.a = argA[0]!;
    this.b = argB[0]!;
    const n = --this.count;
    if (n === 0) return true;
    const key = keys[n]!;
    const type = types[n]!;
    const a = argA[n]!;
    const b = argB[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      types[i] = types[child]!;
      argA[i] = argA[child]!;
      argB[i] = argB[child]!;
      i = child;
    }
    keys[i] = key;
    types[i] = type;
    argA[i] = a;
    argB[i] = b;
    return true;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    const types = new Int32Array(cap);
    types.set(this.types);
    const argA = new Int32Array(cap);
    argA.set(this.argA);
    const argB = new Int32Array(cap);
    argB.set(this.argB);
    this.keys = keys;
    this.types = types;
    this.argA = argA;
    this.argB = argB;
  }
}
