// Pasted SimulationCraft profile text for the sim builder (pure): the config it gives, its
// ignored lines, its warnings and its errors, in the player's words.
import {
  ENGINE_VERSION,
  parseProfile,
  ProfileError,
  problemText,
  type ProfileLine,
  type ProfileProblem,
  type SimConfig,
} from '@wowlab/sim-core';
import { plainNumber, sentence } from './builder';

export type ProfileReading =
  | {
      ok: true;
      name: string | null;
      config: SimConfig;
      iterations: number | null;
      /** target_error= (SimulationCraft's, in percent of the mean), or null. */
      targetErrorPct: number | null;
      /** Option lines understood but not modelled. */
      ignored: string[];
      /**
       * Lines used, with something to know: rotation lines with a part that does nothing here (a
       * no-op action, a talent not taken…), stats read from the Gear Summary comments.
       */
      warnings: string[];
      /** `profileset."name"+=…` lines: variants compared against the base. */
      variants: Array<{ name: string; config: SimConfig }>;
    }
  | {
      ok: false;
      problems: string[];
      /** The warnings of the lines read, shown with the problems (mended in one round). */
      warnings: string[];
    };

export function readProfile(text: string): ProfileReading {
  try {
    const p = parseProfile(text, ENGINE_VERSION);
    return {
      ok: true,
      name: p.name,
      config: p.config,
      iterations: p.options.iterations ?? null,
      targetErrorPct: p.options.targetError ?? null,
      ignored: p.ignored.map((x) => `Line ${x.line} (${x.text}) ignored: ${sentence(x.reason)}`),
      warnings: p.warnings.map(warningInWords),
      variants: p.profilesets,
    };
  } catch (err) {
    if (err instanceof ProfileError)
      return {
        ok: false,
        problems: err.problems.map(problemInWords),
        warnings: err.warnings.map(warningInWords),
      };
    throw err;
  }
}

/** `Line 4 (actions=auto_shot): auto_shot is not modelled (auto shots always run); ignored.` */
function warningInWords(x: ProfileLine): string {
  return `Line ${x.line} (${x.text}): ${sentence(x.reason)}`;
}

/** `Line 44, column 182: unknown action 'x'.`, `Line 3: gear_agility: must be between 0 and 1,000,000 (…).` */
export function problemInWords(p: ProfileProblem): string {
  const message = sentence(
    p.message.replace(
      /between (-?\d+(?:\.\d+)?) and (-?\d+(?:\.\d+)?)/,
      (_, a: string, b: string) => `between ${plainNumber(a)} and ${plainNumber(b)}`,
    ),
  );
  const text = problemText({ ...p, message }); // `line 44, column 182: …`
  return p.line > 0 ? `L${text.slice(1)}` : text;
}
