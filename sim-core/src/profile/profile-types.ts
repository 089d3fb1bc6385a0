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
  /**
   * Lines used, with something the player should know, in text order: the rotation's lines with a
   * part that does nothing here (a no-op action, a talent not taken or not modelled that reads 0,
   * …), the stats read from SimulationCraft's `# Gear Summary` comments, the set pieces found (at
   * the first one) and a `set_bonus=` of another season.
   */
  warnings: ProfileLine[];
  /** `profileset."name"+=…` variants: the base config with their lines applied. */
  profilesets: Array<{ name: string; config: SimConfig }>;
  /** In-game talent strings that were decoded (their unmodelled talents are also an ignored line). */
  loadouts: ProfileLoadout[];
}

/**
 * Line-numbered problems of a profile, and its warnings as far as it was read (ParsedProfile
 * warnings), so that both are shown together.
 */
export class ProfileError extends Error {
  constructor(
    readonly problems: ProfileProblem[],
    readonly warnings: ProfileLine[] = [],
  ) {
    super(problems.map(problemText).join('; '));
    this.name = 'ProfileError';
  }
}

/** A problem of a profile: at a line of the pasted text (0: the whole text) and, in the rotation, a column. */
export interface ProfileProblem {
  line: number;
  column?: number;
  message: string;
}

/** `line 4: …`, `line 44, column 182: …`, or the message alone for the whole text. */
export function problemText(p: ProfileProblem): string {
  if (p.line <= 0) return p.message;
  return `line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}: ${p.message}`;
}

/** The longest profile text read (characters). */
export const MAX_PROFILE_CHARS = 256 * 1024;
