import type { AuraInfo, SpecId, SpellInfo, TalentInfo } from '../types.ts';

export type School = 'physical' | 'nature' | 'arcane' | 'fire' | 'shadow' | 'holy' | 'cosmic';

/** A castable action (an APL action name). Its cooldown id equals its action id. */
export interface ActionDef extends SpellInfo {
  school: School;
  /** Focus cost (0 when free). */
  cost: number;
  /** Recharge time per charge in ms (0 = no cooldown). */
  cooldownMs: number;
  charges: number;
  /** The cooldown/recharge is divided by haste. */
  hastedCooldown: boolean;
  /** Triggers the global cooldown. */
  gcd: boolean;
  /** Base cast time in ms (hasted); 0 for instants. */
  castMs: number;
  /** Base channel time in ms (hasted) with `channelTicks` evenly spaced hits, the first at once. */
  channelMs: number;
  channelTicks: number;
  /**
   * Focus the cast itself gives (SimC hunter_action_t::energize_cast_regen, read by the rotation's
   * `cast_regen`): 0 for most actions.
   */
  castFocus: number;
  /** Known only with this talent. */
  talent?: string;
  /**
   * The action this one replaces when known: a rotation line naming either builds this one with
   * its talent and the replaced one without (SimC hunter_t::create_action; engine/run.ts).
   */
  replaces?: string;
  /** Usable only when the target is below this health percent (0 = always). */
  executePct: number;
  /** Performed by the main pet: usable only while it is out. */
  requiresPet: boolean;
}

/** A line of the damage breakdown. */
export interface SourceDef {
  key: string;
  name: string;
  school: School;
}

export interface AuraDef extends AuraInfo {
  /** How a reapplication treats the running duration. */
  refresh: 'duration' | 'pandemic';
}

export interface DotDef extends AuraInfo {
  /** Base tick interval in ms (hasted at application). */
  tickMs: number;
  /** Damage breakdown key. */
  source: string;
}

/** Everything a spec knows, as data (game numbers live in the spec's data.ts). */
export interface SpecData {
  id: SpecId;
  name: string;
  specId: number;
  /** Damage (or effect) per mastery point, in percent (e.g. 1.8 → 1.8 % per point). */
  masteryCoefficient: number;
  baseFocusRegen: number;
  maxFocus: number;
  actions: ActionDef[];
  sources: SourceDef[];
  buffs: AuraDef[];
  debuffs: AuraDef[];
  dots: DotDef[];
  petBuffs: AuraDef[];
  talents: TalentInfo[];
  defaultTalents: string[];
}
