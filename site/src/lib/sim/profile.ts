// Pasted SimulationCraft profile text for the sim builder (pure): the config it gives, its
// ignored lines, its warnings and its errors, in the player's words.
import {
  ENGINE_VERSION,
  parseProfile,
  ProfileError,
  type ProfileProblem,
  type SimConfig,
} from '@wowlab/sim-core';

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
      ignored: p.ignored.map((x) => `Line ${x.line} (${x.text}) ignored: ${sentence(x.reason)}`),
      warnings: p.warnings.map((x) => `Line ${x.line} (${x.text}): ${sentence(x.reason)}`),
      variants: p.profilesets,
    };
  } catch (err) {
    if (err instanceof ProfileError) return { ok: false, problems: err.problems.map(problemInWords) };
    throw err;
  }
}

/** `Line 44, column 182: unknown action 'x'.`, `Line 3: gear_agility: must be between 0 and 1,000,000 (…).` */
export function problemInWords(p: ProfileProblem): string {
  const message = sentence(
    p.message.replace(
      /between (-?\d+(?:\.\d+)?) and (-?\d+(?:\.\d+)?)/,
      (_, a: string, b: string) => `between ${grouped(a)} and ${grouped(b)}`,
    ),
  );
  if (p.line <= 0) return message;
  return `Line ${p.line}${p.column === undefined ? '' : `, column ${p.column}`}: ${message}`;
}

/** The text with a full stop, unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** 1000000 → 1,000,000 (a plain decimal number only). */
function grouped(n: string): string {
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: 20 });
}
