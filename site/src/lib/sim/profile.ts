// Pasted SimulationCraft profile text for the sim builder (pure): the config it gives, its
// ignored lines and its errors, in the player's words.
import { ConfigError, ENGINE_VERSION, parseProfile, ProfileError, type SimConfig } from '@wowlab/sim-core';
import { inWords } from './builder';

export type ProfileReading =
  | {
      ok: true;
      name: string | null;
      config: SimConfig;
      iterations: number | null;
      /** target_error= (SimulationCraft's, in percent of the mean), or null. */
      targetErrorPct: number | null;
      ignored: string[];
      /** `profileset."name"+=…` lines: variants compared against the base. */
      variants: Array<{ name: string; config: SimConfig }>;
    }
  | { ok: false; problems: string[] };

export function readProfile(text: string): ProfileReading {
  try {
    const p = parseProfile(text, ENGINE_VERSION);
    return {
      ok: true,
      name: p.name,
      config: p.config,
      iterations: p.options.iterations ?? null,
      targetErrorPct: p.options.targetError ?? null,
      ignored: p.ignored.map((x) => `Line ${x.line} (${x.text}) ignored: ${x.reason}.`),
      variants: p.profilesets,
    };
  } catch (err) {
    if (err instanceof ProfileError)
      return {
        ok: false,
        problems: err.problems.map((p) => (p.line > 0 ? `Line ${p.line}: ${p.message}.` : p.message)),
      };
    if (err instanceof ConfigError) return { ok: false, problems: err.problems.map(inWords) };
    throw err;
  }
}
