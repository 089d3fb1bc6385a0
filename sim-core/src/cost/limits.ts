/**
 * What a config may make volunteers compute. Work = engine events + rotation lines evaluated,
 * counted exactly by the engine (deterministic for a given config and seed).
 */
export const COST_LIMITS = {
  /** Work one iteration may take; past it the chunk fails with "budget exceeded". */
  maxWorkPerIteration: 5_000_000,
  /**
   * Work a median core does per second. Measured with sim-core's bench on the default profiles
   * (`pnpm --filter @wowlab/sim-core bench` prints workPerSecond); a round figure below it.
   */
  workPerSecondMedianCore: 10_000_000,
  /** Most seconds one chunk may take on a median core; costlier jobs are refused. */
  maxChunkSeconds: 60,
} as const;

/** An iteration did more work than COST_LIMITS.maxWorkPerIteration allows. */
export class BudgetExceededError extends Error {
  constructor(
    readonly work: number,
    readonly evaluations: number,
  ) {
    super(
      `budget exceeded: one iteration took more than ${COST_LIMITS.maxWorkPerIteration.toLocaleString('en-US')} steps ` +
        `(${evaluations > work / 2 ? 'the rotation is evaluated too often' : 'too many simulated events'})`,
    );
    this.name = 'BudgetExceededError';
  }
}
