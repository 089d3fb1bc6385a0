import type { ActionDef } from '../specs/spec-types.ts';

const NEVER = Number.MAX_SAFE_INTEGER;

/**
 * Cooldowns with charges, evaluated lazily (no events): `next` is when the recharging charge
 * comes back. Recharge time = base / (haste if hasted) / rate; `setRate` rescales a running
 * recharge (e.g. Trueshot on Aimed Shot), and `setHaste` the running recharges of the hasted ones
 * (SimC's adjust_dynamic_cooldowns when a haste buff changes).
 */
export class Cooldowns {
  readonly charges: Int32Array;
  readonly maxCharges: Int32Array;
  readonly next: Float64Array;
  readonly dur: Float64Array;
  readonly base: Float64Array;
  readonly hasted: Uint8Array;
  readonly rate: Float64Array;
  /** The hasted cooldowns (hasted[cd] === 1), the only ones setHaste rescales. */
  private readonly hastedList: Int32Array;
  haste = 1;

  constructor(defs: readonly ActionDef[]) {
    const n = defs.length;
    this.charges = new Int32Array(n);
    this.maxCharges = new Int32Array(n);
    this.next = new Float64Array(n);
    this.dur = new Float64Array(n);
    this.base = new Float64Array(n);
    this.hasted = new Uint8Array(n);
    this.rate = new Float64Array(n);
    defs.forEach((d, i) => {
      this.maxCharges[i] = d.charges;
      this.base[i] = d.cooldownMs;
      this.hasted[i] = d.hastedCooldown ? 1 : 0;
    });
    this.hastedList = Int32Array.from(defs.flatMap((d, i) => (d.hastedCooldown ? [i] : [])));
  }

  reset(): void {
    this.charges.set(this.maxCharges);
    this.next.fill(NEVER);
    this.dur.fill(0);
    this.rate.fill(1);
  }

  /** Sets the charge count of a cooldown (talents that add charges). */
  setMaxCharges(cd: number, n: number): void {
    this.maxCharges[cd] = n;
  }

  /** Time one charge takes to come back now, in ms (hasted when the cooldown is). */
  rechargeMs(cd: number): number {
    const h = this.hasted[cd] === 1 ? this.haste : 1;
    return Math.max(1, Math.round(this.base[cd]! / h / this.rate[cd]!));
  }

  sync(cd: number, now: number): void {
    if (now < this.next[cd]!) return;
    while (now >= this.next[cd]!) {
      this.charges[cd]!++;
      if (this.charges[cd]! < this.maxCharges[cd]!) {
        const d = this.rechargeMs(cd);
        this.dur[cd] = d;
        this.next[cd] = this.next[cd]! + d;
      } else this.next[cd] = NEVER;
    }
  }

  /**
   * Haste changed: every hasted cooldown's running recharge is rescaled, what is left of it and
   * its length, by old / new haste, as SimC's haste buffs do (buff_t::adjust_haste →
   * player_t::adjust_dynamic_cooldowns → cooldown_t::adjust_recharge_multiplier). The same haste
   * changes nothing. Each is brought up to `now` first, so that a recharge that completed before
   * started its successor with the haste of that moment.
   */
  setHaste(now: number, haste: number): void {
    const old = this.haste;
    const list = this.hastedList;
    for (let i = 0; i < list.length; i++) this.sync(list[i]!, now);
    if (haste === old) return;
    this.haste = haste;
    for (let i = 0; i < list.length; i++) {
      const cd = list[i]!;
      if (this.charges[cd]! >= this.maxCharges[cd]!) continue;
      this.next[cd] = now + Math.max(1, Math.round(((this.next[cd]! - now) * old) / haste));
      this.dur[cd] = Math.max(1, Math.round((this.dur[cd]! * old) / haste));
    }
  }

  use(cd: number, now: number): void {
    if (this.base[cd] === 0) return;
    this.sync(cd, now);
    if (this.charges[cd] === this.maxCharges[cd]) {
      const d = this.rechargeMs(cd);
      this.dur[cd] = d;
      this.next[cd] = now + d;
    }
    this.charges[cd]!--;
  }

  chargesAt(cd: number, now: number): number {
    this.sync(cd, now);
    return this.charges[cd]!;
  }

  remainsMs(cd: number, now: number): number {
    this.sync(cd, now);
    return this.charges[cd]! > 0 ? 0 : this.next[cd]! - now;
  }

  /**
   * No charge now and none back yet (a charge is back once now >= next, synced or not): asked
   * without syncing, by the readiness checks.
   */
  waiting(cd: number, now: number): boolean {
    return this.charges[cd] === 0 && now < this.next[cd]!;
  }

  /** Time (ms) when a charge is available. */
  readyAt(cd: number, now: number): number {
    this.sync(cd, now);
    return this.charges[cd]! > 0 ? now : this.next[cd]!;
  }

  chargesFractional(cd: number, now: number): number {
    this.sync(cd, now);
    const c = this.charges[cd]!;
    if (c >= this.maxCharges[cd]!) return c;
    return c + 1 - (this.next[cd]! - now) / this.dur[cd]!;
  }

  fullRechargeMs(cd: number, now: number): number {
    this.sync(cd, now);
    const c = this.charges[cd]!;
    const max = this.maxCharges[cd]!;
    if (c >= max) return 0;
    return this.next[cd]! - now + (max - c - 1) * this.dur[cd]!;
  }

  /** Shortens the running recharge by `ms`. */
  reduce(cd: number, now: number, ms: number): void {
    this.sync(cd, now);
    if (this.charges[cd]! >= this.maxCharges[cd]!) return;
    this.next[cd] = Math.max(now, this.next[cd]! - ms);
    this.sync(cd, now);
  }

  /** Gives back one charge at once (the running recharge continues). */
  addCharge(cd: number, now: number): void {
    this.sync(cd, now);
    const c = this.charges[cd]!;
    if (c >= this.maxCharges[cd]!) return;
    this.charges[cd] = c + 1;
    if (c + 1 >= this.maxCharges[cd]!) this.next[cd] = NEVER;
  }

  /**
   * Changes the recharge rate multiplier, rescaling a running recharge. The same rate changes
   * nothing (times are whole ms: the rescale gives them back), so it returns at once (Tensile
   * Bowstring's extensions of Trueshot).
   */
  setRate(cd: number, now: number, rate: number): void {
    if (rate === this.rate[cd]) return;
    this.sync(cd, now);
    const old = this.rate[cd]!;
    this.rate[cd] = rate;
    if (this.charges[cd]! < this.maxCharges[cd]!) {
      this.next[cd] = now + Math.max(1, Math.round(((this.next[cd]! - now) * old) / rate));
      this.dur[cd] = Math.max(1, Math.round((this.dur[cd]! * old) / rate));
    }
  }
}
