/**
 * Trick Shots' ricochets (257621) for the Marksmanship logic: the Aimed Shot or Rapid Fire shot
 * after a Multi-Shot on 3+ targets also hits up to 5 other targets for 60 % (#1, #3, #4); Light
 * Ammo (378913) raises the 5 to 7. Numbers: ./numbers.ts.
 */
import { S } from './indices.ts';
import { MM } from './numbers.ts';
import type { ShotHost } from './sentinel.ts';

/** What a ricochet needs: the Sim and the spec's hit (MarksmanshipLogic.shot). */
export type RicochetHost = Pick<ShotHost, 'sim' | 'shot'>;

/** How many other targets an Aimed Shot (`rapid` false) or Rapid Fire shot ricochets to. */
export function ricochetTargets(lightAmmo: boolean, rapid: boolean): number {
  // SimC aimed_shot_base_t / rapid_fire_tick_t: 257621 #1 (Aimed) or #3 (Rapid Fire) + 378913 #1 / #2
  return (rapid ? MM.trickShotsRapidTargets : MM.trickShotsTargets) + (lightAmmo ? MM.lightAmmoTargets : 0);
}

/**
 * The ricochets of a shot from source `from` on `primary`: up to `targets` other targets take 60 % of
 * `amount` with the shot's crit roll and crit damage, each with `impact`'s bits when it lands
 * (./impact.ts), physical unless `physical` is false (Aimed Shot with Boon of Elune). They fly as
 * the shot does (SimC: the chained targets of the same action).
 */
export function ricochet(
  host: RicochetHost,
  from: number,
  primary: number,
  amount: number,
  crit: number,
  critDamage: number,
  impact: number,
  targets: number,
  physical = true,
): void {
  const sim = host.sim;
  sim.srcTravelMs[S.trick] = sim.srcTravelMs[from]!;
  let left = targets;
  for (let t = 0; t < sim.targets && left > 0; t++) {
    if (t === primary) continue;
    host.shot(S.trick, t, amount * MM.trickShotsShare, physical, crit, critDamage, true, impact);
    left--;
  }
}
