/**
 * The Bell Tolls (Dark Ranger, 1232992): each Black Arrow adds a 12 s stack (asynchronous, up to
 * 10) that raises the hunter's damage; its numbers are in ./dark-ranger-data.ts, the rules in
 * ./dark-ranger.ts, which owns one of these.
 */
import type { Sim } from '../../engine/sim.ts';
import { DARK_RANGER } from './dark-ranger-data.ts';

export class BellTolls {
  private readonly expires = new Float64Array(DARK_RANGER.bellTollsMaxStacks);
  /**
   * mult()'s value, valid while now < validUntil (the first stack to expire after it was counted;
   * ring and start clear it): it is read on nearly every hit, the stacks change far less often.
   */
  private value = 1;
  private validUntil = -1;

  /** `on`: the talent is taken (else mult() is 1); `perStack`: the spec's bonus per stack. */
  constructor(
    private readonly sim: Sim,
    private readonly on: boolean,
    private readonly perStack: number,
  ) {}

  start(): void {
    this.expires.fill(0);
    this.validUntil = -1;
  }

  /** The multiplier now (1 without the talent). */
  mult(): number {
    if (!this.on) return 1;
    const now = this.sim.now;
    if (now < this.validUntil) return this.value;
    let stacks = 0;
    let until = Infinity;
    for (let i = 0; i < this.expires.length; i++) {
      const e = this.expires[i]!;
      if (e > now) {
        stacks++;
        if (e < until) until = e;
      }
    }
    this.validUntil = until;
    this.value = 1 + stacks * this.perStack;
    return this.value;
  }

  /** A Black Arrow: a new stack, replacing the oldest when all are up. */
  ring(): void {
    if (!this.on) return;
    let oldest = 0;
    for (let i = 1; i < this.expires.length; i++) if (this.expires[i]! < this.expires[oldest]!) oldest = i;
    this.expires[oldest] = this.sim.now + DARK_RANGER.bellTollsMs;
    this.validUntil = -1;
  }
}
