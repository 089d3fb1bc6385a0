/** @wowlab/sim-core public API (see the contracts). */
import { parseRotation as parseAplRotation } from './apl/parser.ts';
import type { Rotation } from './apl/ast.ts';
import { specVocabulary } from './specs/registry.ts';
import type { SpecId } from './types.ts';

export { ENGINE_VERSION } from './version.ts';
export type {
  SpecId,
  PlayerStats,
  SimConfig,
  SimulateOptions,
  AbilityStats,
  ChunkResult,
  JobAbility,
  JobResult,
  SpellInfo,
  AuraInfo,
  TalentInfo,
  RaidBuffs,
  Consumables,
  Timing,
  AddWaves,
  Gear,
} from './types.ts';
export { ADD_LIMITS, FIGHT_STYLES, hecticAddCleaveWaves } from './config/fight-styles.ts';
export { TIMING_DEFAULTS, TIMING_LIMITS, TIMING_OFF } from './config/timing.ts';
export { defaultRaidBuffs, RAID_BUFF_KEYS } from './specs/raid-buffs.ts';
export {
  AUGMENT_RUNES,
  defaultConsumables,
  FLASKS,
  FOODS,
  POTIONS,
  WEAPON_OILS,
} from './specs/consumables.ts';
export { MAX_DAWNTHREAD_LININGS, MAX_GEM_COLOURS, noGear } from './specs/gear.ts';
export { GEAR_ITEM_LEVELS } from './specs/item-levels.ts';
export { WEAPON_ENCHANTS, type WeaponEnchant } from './specs/weapon-enchants.ts';
export { MODELLED_RACES, NOT_MODELLED, RACES, type Race } from './specs/racials.ts';
export { SET_BONUSES, setBonusesFor, setBonusName, type SetBonus } from './specs/tier-sets.ts';
export { ConfigError, parseConfig, CONFIG_LIMITS } from './config/parse-config.ts';
export { canonicalJson, CanonicalJsonError } from './config/canonical-json.ts';
export { hashConfig } from './config/hash.ts';
export { simulate, MAX_CHUNK_ITERATIONS, JOB_CHUNK_ITERATIONS, DEFAULT_ITERATIONS } from './engine/run.ts';
export { estimateCost, type CostEstimate } from './cost/estimate.ts';
export {
  exportProfile,
  MAX_PROFILE_CHARS,
  parseProfile,
  ProfileError,
  problemText,
  type ParsedProfile,
  type ProfileLine,
  type ProfileLoadout,
  type ProfileProblem,
} from './profile/profile.ts';
export {
  decodeLoadout,
  encodeLoadout,
  LoadoutError,
  LOADOUT_VERSION,
  MAX_LOADOUT_CHARS,
  type DecodedLoadout,
  type LoadoutInput,
  type LoadoutTalent,
  type UnknownNode,
} from './talents/loadout.ts';
export {
  describeLoadoutTalents,
  specOfGameId,
  talentsFromLoadout,
  type LoadoutTalents,
  type ResolvedTalent,
} from './talents/resolve.ts';
export { HUNTER_TREE_BUILD } from './talents/hunter-tree.ts';
export { BudgetExceededError, COST_LIMITS } from './cost/limits.ts';
export { mergeResults, type MergeableChunk } from './stats/merge.ts';
export { RotationError, APL_LIMITS } from './apl/errors.ts';
export type { Rotation } from './apl/ast.ts';
export type { AplVocabulary } from './apl/context.ts';
export { specs, specVocabulary, type SpecInfo } from './specs/registry.ts';

/**
 * Parses rotation text (SimC APL syntax). With a spec, every spell/buff/talent name must be
 * one the spec knows. Throws RotationError { line, column }.
 */
export function parseRotation(text: string, spec?: SpecId): Rotation {
  return parseAplRotation(text, spec === undefined ? undefined : specVocabulary(spec));
}
export {
  applyVariant,
  checkVariants,
  MAX_VARIANTS,
  MAX_VARIANT_NAME_LENGTH,
  VariantError,
  type Variant,
  type VariantOverrides,
} from './variants/variant.ts';
export {
  compareVariants,
  pairedDelta,
  meanAndError,
  runSamples,
  type VariantComparison,
} from './variants/compare.ts';
export { Z95 } from './stats/confidence.ts';
export {
  MIN_TARGET_CHUNKS,
  relativeError,
  SMART_DEFAULT_CAP,
  SmartStop,
  smartRule,
  TARGET_ERROR_RANGE,
  type ChunkStats,
  type Moments,
  type RunProgress,
  type RunStop,
  type SmartRule,
  type StopReason,
} from './variants/smart-stop.ts';
export {
  isStatWeightVariants,
  pawnString,
  SCALE_DELTA,
  statWeights,
  statWeightVariantName,
  statWeightVariants,
  WEIGHED_STATS,
  type StatWeight,
  type WeighedStat,
} from './variants/stat-weights.ts';
