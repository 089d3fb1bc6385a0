import type { AuraDef } from '../specs/spec-types.ts';
import { REACTION } from '../config/timing.ts';
import { reactionFromDraws, reactionLowerBound } from './timing-draws.ts';

/**
 * The first of several expiries, folded one at a time: `expiry` when an aura up `now` (up ⇔ now <
 * expiry, the auras' own test) expires before `until`, else `until`. Start from Infinity.
 */
export function firstExpiry(until: number, expiry: number, now: number): number {
  return expiry > now && expiry < until ? expiry : until;
}

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
  /**
   * A reaction drawn but not computed yet (delayReactionDrawn): 1 while pending, when reactAt is
   * only a lower bound (from + reactionLowerBound), `reactFrom` the time of the draw and
   * reactG/reactU its draws. The exact time costs a log; most reactions are never looked at
   * inside the window where the bounds do not decide.
   */
  readonly reactPending: Uint8Array;
  readonly reactFrom: Float64Array;
  readonly reactG: Float64Array;
  readonly reactU: Float64Array;

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
    this.reactPending = new Uint8Array(n);
    this.reactFrom = new Float64Array(n);
    this.reactG = new Float64Array(n);
    this.reactU = new Float64Array(n);
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
    this.reactPending.fill(0);
  }

  /** The stacks gained now become visible to `react` only `reactionMs` later (SimC buff_t::may_react). */
  delayReaction(slot: number, now: number, before: number, reactionMs: number): void {
    this.reactBefore[slot] = before;
    this.reactAt[slot] = now + reactionMs;
    this.reactPending[slot] = 0;
  }

  /**
   * delayReaction with the reaction time as its draws (timing-draws.ts reactionFromDraws(g, u)),
   * computed only when a reactStack needs it.
   */
  delayReactionDrawn(slot: number, now: number, before: number, g: number, u: number): void {
    this.reactBefore[slot] = before;
    this.reactAt[slot] = now + reactionLowerBound(g);
    this.reactPending[slot] = 1;
    this.reactFrom[slot] = now;
    this.reactG[slot] = g;
    this.reactU[slot] = u;
  }

  /** Stacks the player has reacted to (SimC stack_react): all of them once reactAt has passed. */
  reactStack(slot: number, now: number): number {
    const s = this.stack(slot, now);
    if (s === 0) return 0; // min(reactBefore >= 0, 0) before reactAt too
    if (now > this.reactAt[slot]! && (this.reactPending[slot] === 0 || this.reacted(slot, now))) return s;
    const b = this.reactBefore[slot]!;
    return b < s ? b : s;
  }

  /**
   * A pending reaction whose lower bound has passed: whether its time has (no reaction is longer
   * than REACTION.maxMs; within that, the time is computed and no longer pending).
   */
  private reacted(slot: number, now: number): boolean {
    const from = this.reactFrom[slot]!;
    if (now > from + REACTION.maxMs) return true;
    this.reactPending[slot] = 0;
    this.reactAt[slot] = from + reactionFromDraws(this.reactG[slot]!, this.reactU[slot]!);
    return now > this.reactAt[slot]!;
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
