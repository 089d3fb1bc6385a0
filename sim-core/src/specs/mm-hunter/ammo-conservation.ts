/**
 * Ammo Conservation (459794) at load: Rapid Fire's shots and channel, Aimed Shot's base recharge.
 * Numbers: ./numbers.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import { A } from './indices.ts';
import { MM } from './numbers.ts';

/** Rapid Fire's shots and unhasted channel (ms) for this loadout; sets Aimed Shot's base recharge. */
export function rapidFireShape(sim: Sim): { ticks: number; ms: number } {
  const ammo = sim.hasTalent('ammo_conservation');
  const ticks = sim.actions[A.rapid]!.channelTicks + (ammo ? MM.ammoConservationShots : 0);
  // Ammo Conservation: Aimed Shot's base recharge 12 s → 11 s (before haste and Trueshot).
  if (ammo) sim.cds.base[A.aimed] = sim.actions[A.aimed]!.cooldownMs + MM.ammoConservationAimedMs;
  // SimC rapid_fire_t::composite_dot_duration: (shots − 1) × tick time (a shot at 0), the tick
  // time −34 % with Ammo Conservation: 9 × 333 × 0.66 = 1978 ms for 10 shots (1998 for 7).
  const ms = ammo
    ? Math.round((ticks - 1) * MM.rapidFireTickMs * (1 + MM.ammoConservationTickTime))
    : sim.actions[A.rapid]!.channelMs;
  return { ticks, ms };
}
