/**
 * Multi-Shot (2643) and Beast Cleave (115939) as talents of the BM tree, as sc_hunter.cpp (simc
 * 50d415071f) has them:
 * - Multi-Shot is known only with its talent (`talents.multishot_bm`, the spell of
 *   `multishot_bm_t`): data.ts gives the action `talent: 'multishot'`;
 * - `multishot_bm_t::execute` triggers the hunter's and the main pets' `beast_cleave` only with the
 *   Beast Cleave talent and while the hunter's has less than its duration (115939 #2, 6 s) left;
 * - Umbral Reach (Dark Ranger) gives BM Beast Cleave only with the talent
 *   (specs/hero/dark-ranger-data.ts `umbralReachBuff`);
 * - the pets' buff (118455) copies 115939 #1 (80 %) of a hit with the talent and all of it (1.0)
 *   without (`hunter_pet_t::create_buffs`): the share of every source of the buff, Bloody Frenzy's,
 *   Dire Cleave's and Shadow Hounds' included, which grant it without the talent.
 * The main pets' buff (P.cleave) stands for the hunter's too (./bloody-frenzy.ts): SimC triggers
 * both together with the same duration. Table: sim-core/docs/specs.md.
 */
import { aoeScale } from '../../engine/ratings.ts';
import { CANNOT_CRIT, type Sim } from '../../engine/sim.ts';
import { BM } from './data.ts';
import { P, S } from './indices.ts';
import type { BmMultipliers } from './multipliers.ts';

/** The share of a hit a pet's Beast Cleave copies to the other targets, for this config (a constant). */
export function beastCleaveShare(sim: Sim): number {
  return sim.hasTalent('beast_cleave') ? BM.beastCleaveShare : BM.beastCleaveShareUntalented;
}

/**
 * After a Multi-Shot's hits: with the Beast Cleave talent, the main pets' Beast Cleave for its 6 s,
 * unless it has that much left already (Bloody Frenzy's lasts Call of the Wild's 20 s; SimC's
 * `buff_duration() > remains()`).
 */
export function multiShotBeastCleave(sim: Sim, talent: boolean): void {
  if (!talent) return;
  const buffs = sim.petBuffs;
  if (buffs.expires[P.cleave]! - sim.now < buffs.duration[P.cleave]!)
    buffs.apply(P.cleave, P.cleave, sim.now, 1, 0);
}

/**
 * Beast Cleave (118455): a main-pet hit of `amount` (its crit included, before target multipliers)
 * also hits the other targets for the buff's `share` (beastCleaveShare), as SimC's
 * trigger_beast_cleave carries the hit's result_total over; the cleave itself does not crit
 * (118459: may_crit false), soft-capped beyond 8 (118459 #2).
 */
export function mainPetBeastCleave(
  sim: Sim,
  m: BmMultipliers,
  share: number,
  amount: number,
  primary: number,
): void {
  if (sim.targets < 2 || !sim.petBuffs.up(P.cleave, sim.now)) return;
  const each = amount * share * aoeScale(sim.targets - 1, BM.beastCleaveAoeCap);
  for (let t = 0; t < sim.targets; t++)
    if (t !== primary) sim.hit(S.cleave, t, each * m.petTargetMult(t), true, CANNOT_CRIT);
}
