/**
 * A config's cost before anyone computes it: one probe iteration, run with the work budget and
 * counted exactly (events + rotation lines evaluated), scaled to the longest fight the config
 * allows and to a chunk on a median core. Deterministic: the same config gives the same estimate.
 * The probe simulates the config's fight style as it is (adds waves included); a chunk of a
 * config with health from damage runs HEALTH_CALIBRATION_ITERATIONS more, calibration,
 * iterations (engine/health.ts).
 */
import { parseConfig } from '../config/parse-config.ts';
import { HEALTH_CALIBRATION_ITERATIONS } from '../engine/health.ts';
import { createSim, JOB_CHUNK_ITERATIONS } from '../engine/run.ts';
import type { SimConfig } from '../types.ts';
import { BudgetExceededError, COST_LIMITS } from './limits.ts';

export interface CostEstimate {
  /** Work (engine events + rotation lines evaluated) of one iteration of the longest fight. */
  eventsPerIteration: number;
  /** The most work one iteration may take. */
  eventBudgetPerIteration: number;
  /** Seconds one chunk takes on a median core. */
  chunkCoreSeconds: number;
  ok: boolean;
  /** What to change when not ok: the config field and the reason in words. */
  problem?: { parameter: string; message: string };
}

const PROBE_SEED = 1;

function culprit(config: SimConfig, evaluationShare: number): string {
  if (evaluationShare > 0.5) return 'rotation';
  if (config.fight.style === 'adds') return 'fight.adds';
  if (config.fight.targets > 1) return 'fight.targets';
  return 'fight.durationSeconds';
}

const ADVICE: Record<string, string> = {
  rotation:
    'the rotation is evaluated too often: shorten it, or wait longer between actions (a wait of a few ms makes it run thousands of times per second)',
  'fight.targets': 'too many targets for this fight length: use fewer targets or a shorter fight',
  'fight.adds': 'too many adds for this fight length: use fewer or shorter-lived adds, or a shorter fight',
  'fight.durationSeconds': 'the fight is too long: shorten it or lower its variation',
};

export function estimateCost(input: SimConfig): CostEstimate {
  const config = parseConfig(input);
  const sim = createSim(config);
  const budget = COST_LIMITS.maxWorkPerIteration;
  const longestMs = config.fight.durationSeconds * 1000 * (1 + config.fight.durationVariation);
  let work: number;
  let evaluations: number;
  let scale: number;
  let exceeded = false;
  try {
    sim.runIteration(PROBE_SEED, 0);
    work = sim.events + sim.iterEvaluations;
    evaluations = sim.iterEvaluations;
    scale = longestMs / sim.endMs;
  } catch (err) {
    if (!(err instanceof BudgetExceededError)) throw err;
    exceeded = true;
    work = err.work;
    evaluations = err.evaluations;
    scale = 1;
  }
  const perIteration = Math.ceil(work * scale);
  const calibration = config.timing?.targetHealth === 'damage' ? HEALTH_CALIBRATION_ITERATIONS : 0;
  const chunkCoreSeconds =
    (perIteration * (JOB_CHUNK_ITERATIONS + calibration)) / COST_LIMITS.workPerSecondMedianCore;
  const tooCostly = exceeded || perIteration > budget || chunkCoreSeconds > COST_LIMITS.maxChunkSeconds;
  if (!tooCostly)
    return { eventsPerIteration: perIteration, eventBudgetPerIteration: budget, chunkCoreSeconds, ok: true };
  const parameter = culprit(config, work > 0 ? evaluations / work : 0);
  return {
    eventsPerIteration: perIteration,
    eventBudgetPerIteration: budget,
    chunkCoreSeconds,
    ok: false,
    problem: {
      parameter,
      message: `This sim would take ${exceeded ? 'more than' : 'about'} ${Math.ceil(chunkCoreSeconds)} s per chunk of ${JOB_CHUNK_ITERATIONS.toLocaleString('en-US')} iterations on a typical core (the limit is ${COST_LIMITS.maxChunkSeconds} s): ${ADVICE[parameter]}.`,
    },
  };
}
