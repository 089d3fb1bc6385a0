/** What parseProfile returns and throws (profile.ts), shared by the option readers (options.ts). */
import type { LoadoutTalents } from '../talents/resolve.ts';
import type { SimConfig } from '../types.ts';

export interface ProfileLine {
  line: number;
  text: string;
  reason: string;
}

/** A `talents=` line holding an in-game loadout string, and what it became. */
export interface ProfileLoadout {
  line: number;
  /** The profileset it belongs to, or null for the base profile. */
  profileset: string | null;
  talents: LoadoutTalents;
}

export interface ParsedProfile {
  /** The character's name (`hunter="…"`), if given. */
  name: string | null;
  config: SimConfig;
  /** Job options the profile asks for (SimulationCraft's iterations= and target_error=). */
  options: { iterations?: number; targetError?: number };
  /** Lines understood but not modelled. */
  ignored: ProfileLine[];
  /** `profileset."name"+=…` variants: the base config with their lines applied. */
  profilesets: Array<{ name: string; config: SimConfig }>;
  /** In-game talent strings that were decoded (their unmodelled talents are also an ignored line). */
  loadouts: ProfileLoadout[];
}

/** Line-numbered problems of a profile. */
export class ProfileError extends Error {
  constructor(readonly problems: Array<{ line: number; message: string }>) {
    super(problems.map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message)).join('; '));
    this.name = 'ProfileError';
  }
}

/** The longest profile text read (characters). */
export const MAX_PROFILE_CHARS = 256 * 1024;
