import type { RotationWarning } from './ast.ts';

/** A rotation text problem, located at a 1-based line and column of the text. */
export class RotationError extends Error {
  readonly line: number;
  readonly column: number;
  /** The problem in words, without its position. */
  readonly reason: string;
  /**
   * Every problem of the text in text order, this one first: the parser reads on past a bad line
   * (up to APL_LIMITS.maxReportedProblems), so a pasted list is mended in one round, not one per line.
   */
  all: readonly RotationError[] = [this];
  /**
   * The warnings of the lines read (set by parseRotation), so that a pasted list's errors and
   * warnings are shown together.
   */
  warnings: readonly RotationWarning[] = [];

  constructor(message: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'RotationError';
    this.line = line;
    this.column = column;
    this.reason = message;
  }

  /** The first of `errors` (in text order), carrying them all; its message counts the others. */
  static of(errors: readonly RotationError[]): RotationError {
    const first = errors[0]!;
    if (errors.length === 1) return first;
    const e = new RotationError(first.reason, first.line, first.column);
    e.message += ` (and ${errors.length - 1} more ${errors.length === 2 ? 'problem' : 'problems'})`;
    e.all = errors;
    return e;
  }
}

/** Bounds on rotation text and on the work of one decision. Exceeding a parse bound is a RotationError. */
export const APL_LIMITS = {
  /** Maximum rotation text size in UTF-16 code units. */
  maxTextLength: 64 * 1024,
  /** Maximum number of lines (comments and blank lines included). */
  maxLines: 500,
  /** Maximum number of actions in the whole rotation (a line may hold several, separated by `/`). */
  maxActions: 1000,
  /** Maximum number of action lists. */
  maxLists: 64,
  /** Maximum number of distinct variables. */
  maxVariables: 128,
  /** Maximum length of one name (list, action, variable, spell). */
  maxNameLength: 64,
  /** Maximum nesting depth of one expression (parentheses and unary operators). */
  maxExpressionDepth: 32,
  /** Maximum number of tokens in one expression. */
  maxExpressionTokens: 512,
  /** Maximum nested `call_action_list`/`run_action_list` depth at run time (deeper calls are skipped). */
  maxCallDepth: 16,
  /** Most problems one parse reports (it reads on past a bad line until then). */
  maxReportedProblems: 50,
  /** Maximum action evaluations (targets of `target_if=` included) per decision; then `decide` gives up with APL_IDLE. */
  maxEvaluationsPerDecision: 1000,
  /** Maximum number of targets `target_if=` looks at. */
  maxTargets: 32,
  /** Longest `wait` in seconds; longer waits are shortened to this. */
  maxWaitSeconds: 3600,
} as const;
