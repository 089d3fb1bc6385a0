// Test data only.
/** Shared by the profile tests: the specs' default configs and a profile text's problems. */
import { specs } from '../specs/registry.ts';
import { ENGINE_VERSION } from '../version.ts';
import { parseProfile, ProfileError, type ProfileProblem } from './profile.ts';

export const bm = () => specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
export const mm = () => specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();

/** The problems parseProfile throws for `text` (failing when it reads it). */
export function problemsOf(text: string): ProfileProblem[] {
  try {
    parseProfile(text, ENGINE_VERSION);
  } catch (err) {
    if (err instanceof ProfileError) return err.problems;
    throw err;
  }
  throw new Error('no problem');
}
