import type { AuraDef } from '../specs/spec-types.ts';

/**
 * Buff/debuff state in typed arrays, evaluated lazily: an aura is up while `expires > now`.
 * Slot = aura index × slotsPerAura + target. No events unless the owner asks for them.
 */
export class AuraSet {
  readonly expires: Float64Array;
  readonly stacks: Int32Array;
  readonly gen: Int32Array;
  readonly duration: Float64Array;
  readonly maxStacks: Int32Array;
  readonly pandemic: Uint8Array;
  /** `react`: from reactAt on the player sees `stacks`; before it, at most reactBefore. */
  readonly reactAt: Float64Array;
  readonly reactBefore: Int32Array;

  constructor(
    defs: readonly AuraDef[],
    readonly slotsPerAura: number,
  ) {
    const n = defs.length * slotsPerAura;
    this.expires = new Float64Array(n);
    this.stacks = new Int32Array(n);
    this.gen = new Int32Array(n);
    this.reactAt = new Float64Array(n);
    this.reactBefore = new Int32Array(n);
    this.duration = new Float64Array(defs.length);
    this.maxStacks = new Int32Array(defs.length);
    this.pandemic = new Uint8Array(defs.length);
    defs.forEach((d, i) => {
      this.duration[i] = d.durationMs;
      this.maxStacks[i] = d.maxStacks;
      this.pandemic[i] = d.refresh === 'pandemic' ? 1 : 0;
    });
  }

  reset(): void {
    this.expires.fill(0);
    this.stacks.fill(0);
    this.reactAt.fill(0);
    this.reactBefore.fill(0);
  }

  /** The stacks gained now become visible to `react` only `reactionMs` later (SimC buff_t::may_react). */
  delayReaction(slot: number, now: number, before: number, reactionMs: number): void {
    this.reactBefore[slot] = before;
    this.reactAt[slot] = now + reactionMs;
  }

  /** Stacks the player has reacted to (SimC stack_react): all of them once reactAt has passed. */
  reactStack(slot: number, now: number): number {
    const s = this.stack(slot, now);
    if (now > this.reactAt[slot]!) return s;
    const b = this.reactBefore[slot]!;
    return b < s ? b : s;
  }

  /** Applies `stacks` stacks; returns the new expiry time (ms). */
  apply(aura: number, slot: number, now: number, stacks: number, durationMs: number): number {
    const dur = durationMs > 0 ? durationMs : this.duration[aura]!;
    const up = this.expires[slot]! > now;
    let exp = now + dur;
    if (up && this.pandemic[aura] === 1) exp += Math.min(this.expires[slot]! - now, Math.floor(dur * 0.3));
    this.expires[slot] = exp;
    const cur = up ? this.stacks[slot]! : 0;
    this.stacks[slot] = Math.min(this.maxStacks[aura]!, cur + stacks);
    this.gen[slot]!++;
    return exp;
  }

  remove(slot: number, now: number): void {
    this.expires[slot] = now;
    this.stacks[slot] = 0;
    this.gen[slot]!++;
  }

  /** Removes one stack; the aura falls off at zero. */
  decrement(slot: number, now: number): void {
    if (this.expires[slot]! <= now) return;
    if (--this.stacks[slot]! <= 0) this.remove(slot, now);
  }

  up(slot: number, now: number): boolean {
    return this.expires[slot]! > now;
  }

  remainsMs(slot: number, now: number): number {
    const r = this.expires[slot]! - now;
    return r > 0 ? r : 0;
  }

  stack(slot: number, now: number): number {
    return this.expires[slot]! > now ? this.stacks[slot]! : 0;
  }
}
