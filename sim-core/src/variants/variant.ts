/**
 * Variants (SimC "profilesets"): named overrides of a base config, simulated with the same job
 * seed and seed offsets as the base (common random numbers), so a variant's Δ vs the base is
 * measured from paired per-iteration differences.
 */
import { parseConfig } from '../config/parse-config.ts';
import type { PlayerStats, SimConfig } from '../types.ts';

/** Most variants one job may compare against its base (declared once here). */
export const MAX_VARIANTS = 200;
/** Longest variant name, in characters. */
export const MAX_VARIANT_NAME_LENGTH = 80;

/** What a variant may change: talents, stats, rotation and fight fields. */
export interface VariantOverrides {
  talents?: string[];
  stats?: Partial<PlayerStats>;
  rotation?: string;
  fight?: Partial<SimConfig['fight']>;
}

export interface Variant {
  name: string;
  overrides: VariantOverrides;
}

/** A variant that cannot be applied; the message is in the player's words. */
export class VariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VariantError';
  }
}

/** The base config with the variant's overrides applied, validated like any config (ConfigError). */
export function applyVariant(base: SimConfig, variant: Variant): SimConfig {
  const o = variant.overrides;
  const merged: SimConfig = {
    ...base,
    player: {
      stats: { ...base.player.stats, ...(o.stats ?? {}) },
      talents: o.talents !== undefined ? [...o.talents] : [...base.player.talents],
    },
    fight: { ...base.fight, ...(o.fight ?? {}) },
    rotation: o.rotation ?? base.rotation,
  };
  return parseConfig(merged);
}

/** Checks the list of variants: count, names (non-empty, unique, short). Throws VariantError. */
export function checkVariants(variants: readonly Variant[]): void {
  if (variants.length > MAX_VARIANTS)
    throw new VariantError(
      `A sim can compare at most ${MAX_VARIANTS} variants; this one has ${variants.length}.`,
    );
  const seen = new Set<string>();
  for (const v of variants) {
    const name = v.name.trim();
    if (name === '') throw new VariantError('Every variant needs a name.');
    if (name.length > MAX_VARIANT_NAME_LENGTH)
      throw new VariantError(
        `The variant name "${name.slice(0, 20)}…" is longer than ${MAX_VARIANT_NAME_LENGTH} characters.`,
      );
    if (seen.has(name)) throw new VariantError(`Two variants are both named "${name}".`);
    seen.add(name);
  }
}
