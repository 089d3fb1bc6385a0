// What the rotation editor says about a script as it is typed (pure): every error sim-core finds
// (it reads on past a bad line) and, once it parses, its warnings, each at a line and column.
import { APL_LIMITS, parseRotation, RotationError, type SpecId } from '@wowlab/sim-core';

export interface RotationNote {
  line: number;
  column: number;
  /** The problem or the warning in words, without its position. */
  message: string;
}

export interface RotationCheck {
  /** Every error in text order; the script cannot be saved while there is one. */
  errors: RotationNote[];
  /** Parts that load but do nothing here (only known once the script parses). */
  warnings: RotationNote[];
  /** True when sim-core stopped counting (there may be more errors than listed). */
  capped: boolean;
}

export function checkRotation(script: string, spec: SpecId): RotationCheck {
  try {
    const { warnings } = parseRotation(script, spec);
    return {
      errors: [],
      warnings: warnings.map((w) => ({ line: w.line, column: w.column, message: w.reason })),
      capped: false,
    };
  } catch (err) {
    if (err instanceof RotationError) {
      const errors = err.all.map((e) => ({ line: e.line, column: e.column, message: e.reason }));
      return { errors, warnings: [], capped: errors.length >= APL_LIMITS.maxReportedProblems };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { errors: [{ line: 1, column: 1, message }], warnings: [], capped: false };
  }
}

/** `3 problems`, `1 warning`: the count of a list, in words. */
export function countOf(n: number, what: 'problem' | 'warning'): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
