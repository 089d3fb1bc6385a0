import type { Sim } from '../../engine/sim.ts';
import { B } from './indices.ts';

/** Adds Bulletstorm stacks without refreshing its duration (389019: "new stacks do not refresh"). */
export function addBulletstormStacks(sim: Sim, n: number): void {
  const b = B.bulletstorm;
  if (!sim.buffs.up(b, sim.now)) {
    sim.applyBuff(b, n, 0);
    return;
  }
  sim.buffs.stacks[b] = Math.min(sim.buffs.maxStacks[b]!, sim.buffs.stacks[b]! + n);
}
